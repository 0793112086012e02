"""Use cases, Qt-free: they take a SQLAlchemy session and return plain dataclasses."""
