"""Penalty handbook (处罚手册): HQ rules with their fines, printing, exams and practice."""
