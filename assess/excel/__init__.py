"""Excel workbooks: the gap-analysis report (export and import) and safe-cell helpers."""
