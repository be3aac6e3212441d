"""The complaint log's printable documents: per-courier reminder slips, the month's analysis."""
