"""The Reports page: the national report, its models, and the linked-cases and data-quality
tabs."""
