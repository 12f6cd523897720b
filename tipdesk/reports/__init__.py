"""National report and standard exports: aggregation over the store's read API and the JSON,
CSV, XLSX and PDF writers. Qt-free; imports ``tipdesk.store`` and ``tipdesk.core`` only."""
