"""Training: drills on the branch's own tables (spaced repetition per employee) and the new
hire's plan with a mentor, pass rules and a readiness board."""
