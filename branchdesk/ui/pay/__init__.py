"""The monthly statement page and the team ranking."""
