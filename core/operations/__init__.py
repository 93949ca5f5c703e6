"""Core operations: one function per user action, each owning its unit of work (it opens ``db.session()``,
commits, and returns plain data: dataclasses, ids, never ORM objects). The interface calls these and nothing
below them that touches storage (Anki's ``CollectionOp`` pattern, issue #27)."""
