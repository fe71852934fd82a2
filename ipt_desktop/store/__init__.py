"""SQLite through SQLAlchemy 2. Holds only ids, foreign keys, ordering counters and sealed blobs."""
