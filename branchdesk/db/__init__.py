"""Storage: engine and pragmas, the declarative Base, sessions and migrations."""
