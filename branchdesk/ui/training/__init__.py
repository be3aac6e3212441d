"""培训: the drill on the branch's own tables, the new-hire plan and the readiness board."""
