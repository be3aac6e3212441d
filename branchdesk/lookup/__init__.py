"""Lookup: area table (address → courier), routes, arrival times, waybill lists."""
