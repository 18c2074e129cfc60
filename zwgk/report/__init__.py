"""Report writers: results as JSON, CSV, Excel; explanations as text."""
