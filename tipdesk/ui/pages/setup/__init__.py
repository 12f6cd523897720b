"""The setup wizard: the first window of a data folder with no store yet."""
