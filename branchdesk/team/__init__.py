"""The service team: agents and their shifts, the contact log, who owns which customers,
couriers and areas (and so which new item goes to whom), and the monthly statement's inputs.

Uses Lookup (waybill sender and courier, address match) and Complaints (assigning a complaint,
an agent's open complaints) through their public functions only.
"""
