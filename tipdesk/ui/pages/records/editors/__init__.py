"""The record editors: the shared frame, the forms, and one editor per record kind."""
