"""Lookup's pages and dialogs: 查件, couriers."""
