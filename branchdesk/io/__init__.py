"""Files in and out: Excel/CSV reading, the tabular import framework, exports."""
