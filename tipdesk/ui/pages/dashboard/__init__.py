"""The Dashboard page: the office's headline figures and charts."""
