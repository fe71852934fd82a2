"""The one connection every write of the unlocked vault goes through.

SQLite's ``PRAGMA data_version`` tells a connection whether any OTHER connection committed
since it last looked. Writing through one connection held for the unlocked session makes
that a test of "did anything but ipt-desktop's own writes change the file", which lets
the manifest root be kept in memory between writes (manifest_root.RootKeeper) instead of
being read from every manifest twice per write. Writes are serialised by the vault's write
lock, so the connection is never used by two threads at once.

What is kept stays valid across a write that fails before its commit (the rollback puts
the file back as it was); a commit or a rollback that fails leaves nothing kept, and the
next write reads the manifests again.
"""

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from .manifest_root import RootKeeper


class VaultWriter:
    def __init__(self, engine: Engine, sessions: sessionmaker[Session]) -> None:
        self._engine = engine
        self._sessions = sessions
        self._connection: Connection | None = None
        self._writing = False
        self.roots = RootKeeper()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session on the writer connection; BEGIN IMMEDIATE at its first statement,
        COMMIT when the block ends, ROLLBACK when it raises."""
        session = self._session()
        try:
            with session:
                began = session.begin()
                try:
                    yield session
                except BaseException:
                    began.rollback()
                    raise
                try:
                    began.commit()
                except BaseException:
                    self.roots.drop()  # committed or not: unknown, so read again
                    raise
                self.roots.committed(session)
        except BaseException:
            if not self._idle():
                self.roots.drop()
            raise
        finally:
            self._writing = False

    def _session(self) -> Session:
        if self._writing:
            # The same thread (the write lock is re-entrant): on one connection the inner
            # write would silently join the outer one.
            raise RuntimeError("a vault write was started inside another write")
        connection = self._connection
        if connection is None or connection.invalidated or connection.in_transaction():
            self.release()
            connection = self._connection = self._engine.connect()
        self._writing = True
        return self._sessions(bind=connection)

    def _idle(self) -> bool:
        connection = self._connection
        return (
            connection is not None
            and not connection.invalidated
            and not connection.in_transaction()
        )

    def checkpoint(self) -> bool:
        """Fold the WAL into the file and truncate it on this connection, outside any
        transaction (call between writes, under the write lock). Its own checkpoint leaves
        the connection's ``data_version`` alone, so what is kept stays valid; True when the
        checkpoint completed."""
        if self._writing:
            raise RuntimeError("a checkpoint was started inside a vault write")
        connection = self._connection
        if connection is None or connection.invalidated or connection.in_transaction():
            self.release()
            connection = self._connection = self._engine.connect()
        driver = connection.connection.driver_connection
        assert driver is not None
        cursor = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        return row is not None and row[0] == 0

    def release(self) -> None:
        """Let the connection go back to the pool, and what is kept for it (at lock)."""
        self.roots.drop()
        connection, self._connection = self._connection, None
        if connection is not None:
            with suppress(DBAPIError):
                connection.close()
