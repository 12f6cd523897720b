"""Aggregation over the store's read API and report writers (CSV, XLSX, PDF)."""
