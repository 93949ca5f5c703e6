"""Core operations: one function per user action, each owning its transaction and returning plain data.

The interface holds a :class:`core.db.Database` and calls these; it never opens a session itself.
"""
