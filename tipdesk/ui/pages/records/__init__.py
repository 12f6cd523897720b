"""The record pages (cases, victims, training, campaigns): the list, its model and columns,
and the editors opened beside it."""
