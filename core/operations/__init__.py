"""Core operations: one function per user action, each owning its transaction and returning plain data."""
