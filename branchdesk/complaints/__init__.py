"""Complaint log (投诉登记): categories, reply scripts, deadlines, duplicates, slips, analysis."""
