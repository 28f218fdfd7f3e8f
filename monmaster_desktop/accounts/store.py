"""The SQLite database behind accounts, activation tokens and the outbox.

One file in the data dir, WAL journal, foreign keys on, schema created and upgraded by numbered
migrations tracked with ``PRAGMA user_version``. A database written by a newer version of the
application is refused before anything touches it. No Qt import here; this module never sees a
password, only argon2 hashes.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

# Each entry upgrades the schema by one version; entry i brings user_version from i to i + 1.
# Never edit a published migration: append a new one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE accounts (
        id                  INTEGER PRIMARY KEY,
        email               TEXT NOT NULL,          -- as the candidate typed it, domain lower-cased
        email_key           TEXT NOT NULL UNIQUE,   -- case-folded: one account per address, whatever the case
        password_hash       TEXT NOT NULL,          -- argon2id, parameters inside the hash
        status              TEXT NOT NULL CHECK (status IN ('pending', 'active')),
        created_at          TEXT NOT NULL,
        activated_at        TEXT,
        last_sign_in_at     TEXT,
        consent_at          TEXT NOT NULL,
        cgu_version         TEXT NOT NULL,
        eligibility_answers TEXT NOT NULL,          -- JSON, see eligibility.answers_to_json
        charter_version     TEXT NOT NULL
    );
    CREATE TABLE activation_tokens (
        id            INTEGER PRIMARY KEY,
        account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        token_sha256  TEXT NOT NULL UNIQUE,         -- the token itself is only in the mail
        created_at    TEXT NOT NULL,
        expires_at    TEXT NOT NULL,
        used_at       TEXT,
        superseded_at TEXT
    );
    CREATE INDEX activation_tokens_account ON activation_tokens(account_id);
    CREATE TABLE outbox (
        id          INTEGER PRIMARY KEY,
        account_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
        recipient   TEXT NOT NULL,
        subject     TEXT NOT NULL,
        sent_at     TEXT NOT NULL,
        read_at     TEXT,
        message     BLOB NOT NULL                   -- the RFC 5322 bytes
    );
    -- Sign-in failures are counted per address, known or not, so that the throttle does not
    -- reveal which addresses have an account.
    CREATE TABLE sign_in_failures (
        email_key     TEXT PRIMARY KEY,
        failures      INTEGER NOT NULL,
        locked_until  TEXT
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class DatabaseTooNewError(RuntimeError):
    """The database was written by a newer version of the application; it is left untouched."""

    def __init__(self, path: Path, found: int) -> None:
        super().__init__(
            f"La base de données {path} a été créée par une version plus récente de Mon Master Desktop "
            f"(schéma {found}, cette version connaît le schéma {SCHEMA_VERSION}). Elle n'a pas été "
            "modifiée : mettez l'application à jour ou choisissez un autre dossier avec --data-dir."
        )
        self.path = path
        self.found = found


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def to_text(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC, to the second: sorts as text and reads well in ``accounts list --json``."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def from_text(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _create_private_file(path: Path) -> None:
    if sys.platform == "win32" or path.exists():
        return
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(descriptor)


class Database:
    """One connection shared by the service and the outbox, serialised by a lock.

    The GUI runs slow service calls in a worker thread, so the connection is opened with
    ``check_same_thread=False`` and every use goes through ``transaction()``, which holds the lock.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Database:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        found = _read_user_version(path)
        if found > SCHEMA_VERSION:
            raise DatabaseTooNewError(path, found)
        _create_private_file(path)
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        database = cls(connection, path)
        database._migrate()
        database._protect_side_files()
        return database

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._connection.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside is written together or not at all (BEGIN IMMEDIATE … COMMIT)."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._connection

    def _migrate(self) -> None:
        with self.transaction() as connection:
            current = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if current > SCHEMA_VERSION:  # another process upgraded it between our check and now
                raise DatabaseTooNewError(self.path, current)
            for version in range(current, SCHEMA_VERSION):
                for statement in _split_statements(MIGRATIONS[version]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version + 1}")

    def _protect_side_files(self) -> None:
        if sys.platform == "win32":
            return
        for suffix in ("", "-wal", "-shm"):
            side_file = Path(f"{self.path}{suffix}")
            if side_file.exists():
                os.chmod(side_file, 0o600)


def _read_user_version(path: Path) -> int:
    """Read the schema version without creating or changing anything (read-only URI)."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])
    finally:
        connection.close()


def _split_statements(script: str) -> Iterator[str]:
    # executescript() would commit our transaction; run the statements one by one instead.
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement:
                yield statement
            buffer = ""
    if buffer.strip():
        yield buffer.strip()
