"""One function per user action, each owning its transaction and returning plain data (the rule of the house).

The interface holds a :class:`core.db.Database` and calls these; it never opens a session itself.
"""
