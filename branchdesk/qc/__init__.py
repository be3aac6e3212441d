"""Quality control (客服质检): daily samples, scorecards, the banned-phrase sweep, coaching,
good handling and calibration.

Uses Team (agents, shifts, contacts) and Complaints (handled complaints) through their public
functions only.
"""
