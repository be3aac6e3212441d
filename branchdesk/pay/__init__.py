"""The monthly statement per agent (分量工资): work by kind, on-time rate, QC, coaching,
attendance, fines and pay by volume from the owner's rates; approved with the PIN, then locked.

Uses Team, QC and Complaints through their public functions only.
"""
