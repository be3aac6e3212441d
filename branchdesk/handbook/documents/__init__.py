"""The handbook's printable documents: the full handbook, vehicle sheets, exams, results."""
