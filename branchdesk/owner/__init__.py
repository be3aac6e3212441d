"""The owner: the PIN that guards owner-level actions, and the audit log of those actions."""
