"""The SQLite database behind accounts, activation tokens and the outbox.

One file in the data dir, WAL journal, foreign keys on, schema created and upgraded by numbered
migrations tracked with ``PRAGMA user_version``. A database written by a newer version of the
application is refused before anything touches it; a damaged file is refused with a French message
before SQLite writes anything next to it, and is never modified, overwritten or deleted (the GUI
moves it aside, ``set_aside_damaged_database``). Every SQLite failure after opening comes out as a
``StorageError`` (French, with its ``StorageProblem``); the connection is opened again on the next
use, so the application works again once the cause is gone (docs/reliability.md). No Qt import
here; this module never sees a password, only argon2 hashes.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from enum import Enum
from itertools import count
from pathlib import Path

from monmaster_desktop import texts
from monmaster_desktop.data_folder import DataError
from monmaster_desktop.i18n import message

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
    """
    -- Version 1 keyed the sign-in throttle by the raw input, which can be a password typed into the
    -- address field. Its rows are dropped (secure_delete is on: their pages are overwritten) and the
    -- throttle now keeps only a keyed hash of a valid address, or one fixed bucket for any input that
    -- is not an address (AccountService._attempt_key).
    DROP TABLE sign_in_failures;
    CREATE TABLE sign_in_throttle (
        attempt_key   TEXT PRIMARY KEY CHECK (length(attempt_key) <= 64),
        failures      INTEGER NOT NULL,
        locked_until  TEXT CHECK (locked_until IS NULL OR length(locked_until) <= 32)
    );
    CREATE TABLE secrets (
        name   TEXT PRIMARY KEY CHECK (length(name) <= 64),
        value  BLOB NOT NULL CHECK (length(value) <= 64)
    );
    -- randomblob() draws from SQLite's own generator (ChaCha20 since SQLite 3.40), seeded by the
    -- system's randomness.
    INSERT INTO secrets (name, value) VALUES ('sign_in_throttle_key', randomblob(32));
    """,
    """
    -- The operator's tools (accounts/operator.py): the PIN that opens the console, as an argon2id
    -- hash, with its own throttle; and the audit of what operators did (never a candidate's data).
    CREATE TABLE operator_pin (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        pin_hash      TEXT NOT NULL CHECK (length(pin_hash) <= 256),
        set_at        TEXT NOT NULL CHECK (length(set_at) <= 32),
        failures      INTEGER NOT NULL DEFAULT 0,
        locked_until  TEXT CHECK (locked_until IS NULL OR length(locked_until) <= 32)
    );
    CREATE TABLE operator_audit (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL CHECK (length(at) <= 32),
        action  TEXT NOT NULL CHECK (length(action) <= 32),
        count   INTEGER
    );
    """,
    """
    -- The outbox window reads its list a page at a time, newest first (accounts/mail.py,
    -- Outbox.mail_ids and Outbox.summaries): the ids in order come from these indexes alone, never
    -- from the table's rows and their messages. The rowid (id) ends every index, so "sent_at DESC,
    -- id DESC" needs no sort; the second serves the kiosk's filter by recipient, whatever its case.
    CREATE INDEX outbox_by_date ON outbox (sent_at);
    CREATE INDEX outbox_by_recipient ON outbox (lower(recipient), sent_at);
    """,
)
# The tables each schema version must have: an older file missing one is not ours, or is damaged.
_TABLES_AT_VERSION: tuple[frozenset[str], ...] = (
    frozenset(),
    frozenset({"accounts", "activation_tokens", "outbox", "sign_in_failures"}),
    frozenset({"accounts", "activation_tokens", "outbox", "sign_in_throttle", "secrets"}),
    frozenset({"accounts", "activation_tokens", "outbox", "sign_in_throttle", "secrets"})
    | {"operator_pin", "operator_audit"},
    frozenset({"accounts", "activation_tokens", "outbox", "sign_in_throttle", "secrets"})
    | {"operator_pin", "operator_audit"},
)
SCHEMA_VERSION = len(MIGRATIONS)
THROTTLE_KEY_NAME = "sign_in_throttle_key"

_SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_SUFFIXES = ("-wal", "-shm")


class DatabaseTooNewError(DataError):
    """The database was written by a newer version of the application; it is left untouched."""

    def __init__(self, path: Path, found: int) -> None:
        super().__init__(
            f"La base de données {path} a été créée par une version plus récente de Mon Master Desktop "
            f"(schéma {found}, cette version connaît le schéma {SCHEMA_VERSION}). Elle n'a pas été "
            "modifiée : mettez l'application à jour ou choisissez un autre dossier avec --data-dir."
        )
        self.path = path
        self.found = found


class DatabaseDamagedError(DataError):
    """The file is not a readable Mon Master Desktop database (truncated, damaged, another kind)."""

    def __init__(self, path: Path) -> None:
        super().__init__(message(texts.DATABASE_DAMAGED, path=path))
        self.path = path


class StorageProblem(Enum):
    """Why SQLite or the file system refused; the values key texts.STORAGE_REASONS and STORAGE_ADVICE."""

    FULL = "full"  # the disk is full, or the database reached its maximum size
    READ_ONLY = "read_only"  # the file, its folder or the file system is read-only, or access is denied
    BUSY = "busy"  # another program kept the database locked longer than the timeout
    DAMAGED = "damaged"  # the file turned out to be damaged while in use
    UNAVAILABLE = "unavailable"  # any other failure to read or write (I/O error, file gone…)


class StorageError(DataError):
    """SQLite or the disk refused to read or write.

    ``str()`` is the operator's French sentence (naming the file and ``--data-dir``); ``message`` is the
    shorter one a service result carries to the candidate. Never carries a password: only the file's
    path and the kind of problem.
    """

    def __init__(self, problem: StorageProblem, path: Path) -> None:
        reason = message(texts.STORAGE_REASONS[problem.value])
        advice = message(texts.STORAGE_ADVICE[problem.value])
        super().__init__(message(texts.STORAGE_UNUSABLE, path=path, reason=reason, advice=advice))
        self.problem = problem
        self.path = path
        self.message = message(texts.STORAGE_FAILED, reason=reason, advice=advice)


# SQLite's primary result codes (the low byte of an extended code); see sqlite3.h.
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_AUTH, _SQLITE_NOTADB = 11, 13, 23, 26
_PROBLEM_BY_CODE = {
    _SQLITE_FULL: StorageProblem.FULL,
    _SQLITE_READONLY: StorageProblem.READ_ONLY,
    _SQLITE_PERM: StorageProblem.READ_ONLY,
    _SQLITE_AUTH: StorageProblem.READ_ONLY,
    _SQLITE_BUSY: StorageProblem.BUSY,
    _SQLITE_LOCKED: StorageProblem.BUSY,
    _SQLITE_CORRUPT: StorageProblem.DAMAGED,
    _SQLITE_NOTADB: StorageProblem.DAMAGED,
}


def storage_problem(error: sqlite3.Error) -> StorageProblem:
    """Classify a SQLite failure by its result code (Python 3.11 gives it on every error SQLite raised)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return StorageProblem.UNAVAILABLE
    return _PROBLEM_BY_CODE.get(code & 0xFF, StorageProblem.UNAVAILABLE)


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
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    except OSError as error:
        raise _startup_os_failure(error, path) from error
    os.close(descriptor)


def _startup_os_failure(error: OSError, path: Path) -> StorageError:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return StorageError(StorageProblem.FULL, path)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StorageError(StorageProblem.READ_ONLY, path)
    return StorageError(StorageProblem.UNAVAILABLE, path)


def _connect(path: Path, *, create: bool) -> sqlite3.Connection:
    # mode=rw never creates a file: reopening after a failure must not start an empty database where
    # the real one went missing. A write-protected file opens read-only (SQLite's documented fallback).
    uri = f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10)
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        # FULL: a registration shown as done survives a power cut, not only a crash (WAL + NORMAL
        # could lose the last transactions); one fsync per commit is nothing beside argon2.
        connection.execute("PRAGMA synchronous = FULL")
        # Deleted rows are overwritten, not left readable in free pages of the file.
        connection.execute("PRAGMA secure_delete = ON")
    except BaseException:
        connection.close()
        raise
    return connection


class Database:
    """One connection shared by the service and the outbox, serialised by a lock.

    The GUI runs slow service calls in a worker thread, so the connection is opened with
    ``check_same_thread=False`` and every use goes through ``transaction()`` or ``reading()``, which
    hold the lock and turn SQLite's failures into ``StorageError``. After a failure the connection is
    opened again on the next use: a read-only file made writable again, or a disk with room again,
    works without restarting the application.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self._lock = threading.RLock()
        self._reconnect = False
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Database:
        """Open (or create) the database at ``path``, checked and migrated.

        Raises ``DatabaseTooNewError``, ``DatabaseDamagedError`` (nothing written, no -wal/-shm
        created when none existed) or ``StorageError``; all are ``DataError`` with a French message.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _startup_os_failure(error, path) from error
        found = _header_schema_version(path)
        if found > SCHEMA_VERSION:
            raise DatabaseTooNewError(path, found)
        _check_contents(path)
        _create_private_file(path)
        try:
            connection = _connect(path, create=True)
        except sqlite3.Error as error:
            raise _startup_failure(error, path) from error
        database = cls(connection, path)
        try:
            database._migrate()
        except StorageError as error:
            database.close()
            if error.problem is StorageProblem.DAMAGED:
                raise DatabaseDamagedError(path) from error
            raise
        except BaseException:
            database.close()
            raise
        database._protect_side_files()
        return database

    def close(self) -> None:
        with self._lock, suppress(sqlite3.Error):
            self._connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self.reading() as connection:
            return int(connection.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside is written together or not at all (BEGIN IMMEDIATE … COMMIT).

        ``sqlite3.IntegrityError`` passes through (the service tells a duplicate from it); any other
        SQLite failure becomes ``StorageError``, after a rollback that never hides it.
        """
        with self._lock:
            connection = self._live_connection()
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise self._failure(error) from error
            try:
                yield connection
                connection.execute("COMMIT")
            except sqlite3.IntegrityError:
                self._roll_back(connection)
                raise
            except sqlite3.Error as error:
                self._roll_back(connection)
                raise self._failure(error) from error
            except BaseException:
                self._roll_back(connection)
                raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for reading; a SQLite failure becomes ``StorageError``."""
        with self._lock:
            connection = self._live_connection()
            try:
                yield connection
            except sqlite3.IntegrityError:
                raise
            except sqlite3.Error as error:
                raise self._failure(error) from error

    def _live_connection(self) -> sqlite3.Connection:
        if self._reconnect:
            # The old connection closes first: SQLite shares a file's shared memory between the
            # connections of a process, and the old one may hold it read-only.
            with suppress(sqlite3.Error):
                self._connection.close()
            self._protect_side_files()  # a -shm made read-only with the file follows it back
            try:
                self._connection = _connect(self.path, create=False)
            except sqlite3.Error as error:
                raise StorageError(storage_problem(error), self.path) from error
            self._reconnect = False
        return self._connection

    def _failure(self, error: sqlite3.Error) -> StorageError:
        self._reconnect = True
        return StorageError(storage_problem(error), self.path)

    def _roll_back(self, connection: sqlite3.Connection) -> None:
        # After SQLITE_FULL and a few other errors SQLite has already rolled back; a ROLLBACK then
        # fails with "cannot rollback - no transaction is active" and would hide the real error.
        if not connection.in_transaction:
            return
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            self._reconnect = True  # closing the connection rolls back whatever is left

    def _migrate(self) -> None:
        with self.reading() as connection:
            current = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if current == SCHEMA_VERSION:
            return  # nothing to write: a read-only database still opens, for reading
        with self.transaction() as connection:
            current = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if current > SCHEMA_VERSION:  # another process upgraded it between our check and now
                raise DatabaseTooNewError(self.path, current)
            for version in range(current, SCHEMA_VERSION):
                for statement in _split_statements(MIGRATIONS[version]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version + 1}")
        # Older frames of the -wal file may hold what a migration deleted: empty it.
        with self.reading() as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def _protect_side_files(self) -> None:
        """The file loses the group's and others' rights; its -wal and -shm get the file's own mode.

        Never more: a file the operator made read-only (0400) stays so, and the application says
        "lecture seule" on every write until the operator gives the right back. SQLite creates the
        -wal and -shm with the file's mode of the moment, so they follow it back to 0600 then (a
        0400 -shm would keep the database read-only).
        """
        if sys.platform == "win32":
            return
        with suppress(OSError):  # gone meanwhile, someone else's, or a read-only file system
            info = self.path.stat()
            mode = stat.S_IMODE(info.st_mode) & 0o700
            if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) != mode:
                os.chmod(self.path, mode)
            for suffix in _SIDE_SUFFIXES:
                side_file = Path(f"{self.path}{suffix}")
                with suppress(OSError):
                    side_info = side_file.stat()
                    if side_info.st_uid == os.geteuid() and stat.S_IMODE(side_info.st_mode) != mode:
                        os.chmod(side_file, mode)


def _startup_failure(error: sqlite3.Error, path: Path) -> DataError:
    problem = storage_problem(error)
    return DatabaseDamagedError(path) if problem is StorageProblem.DAMAGED else StorageError(problem, path)


def _header_schema_version(path: Path) -> int:
    """The schema version from the file's 100-byte header, read as plain bytes (0 for no or an empty file).

    Plain reading creates nothing next to the file, unlike opening it with SQLite (which makes -wal and
    -shm files for a database in WAL mode). A truncated file, random bytes or a text file raise
    ``DatabaseDamagedError``. Format: sqlite.org/fileformat.html, "The Database Header".
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return 0
        with path.open("rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return 0
    except OSError as error:
        raise _startup_os_failure(error, path) from error
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise DatabaseDamagedError(path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        raise DatabaseDamagedError(path)
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid when the change counter equals "version-valid-for"; fewer bytes than it
    # says means the file was cut short.
    if pages and header[24:28] == header[92:96] and size < pages * page_size:
        raise DatabaseDamagedError(path)
    return int.from_bytes(header[60:64], "big", signed=True)


def _check_contents(path: Path) -> None:
    """SQLite's quick_check and the tables of the file's schema version, read-only.

    With no -wal file next to the database, it is opened immutable: nothing is created or written.
    With one (the last run did not close cleanly), the -wal holds committed data and must be read.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{immutable}", uri=True)
        try:
            verdict = [row[0] for row in connection.execute("PRAGMA quick_check")]
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise _startup_failure(error, path) from error
    if verdict != ["ok"]:
        raise DatabaseDamagedError(path)
    if version > SCHEMA_VERSION:
        raise DatabaseTooNewError(path, version)
    expected = _TABLES_AT_VERSION[version] if version >= 0 else None
    if expected is None or not expected <= tables or (version == 0 and tables):
        raise DatabaseDamagedError(path)  # not ours: a file of another program, or a wrecked schema


def set_aside_damaged_database(path: Path, moment: datetime) -> Path:
    """Move a damaged database (and its -wal/-shm) aside under a dated name; returns the new path.

    ``monmaster.sqlite3`` becomes ``monmaster-endommagee-20260901-083000Z.sqlite3`` in the same
    folder (``-2``, ``-3``… if taken): never overwritten, never deleted, never modified. The -wal goes
    first, since a fresh database must never pick up the old one's journal. Raises ``OSError``.
    """
    stamp = moment.astimezone(UTC).strftime("%Y%m%d-%H%M%SZ")
    for attempt in count(1):
        suffix = "" if attempt == 1 else f"-{attempt}"
        target = path.with_name(f"{path.stem}-endommagee-{stamp}{suffix}{path.suffix}")
        moves = [
            (Path(f"{path}{side}"), Path(f"{target}{side}"))
            for side in _SIDE_SUFFIXES
            if Path(f"{path}{side}").exists()
        ]
        moves.append((path, target))
        if any(destination.exists() for _, destination in moves):
            continue
        try:
            for source, destination in moves:
                _move_without_overwriting(source, destination)
        except FileExistsError:
            continue
        return target
    raise AssertionError("unreachable")  # count() never ends


def _move_without_overwriting(source: Path, destination: Path) -> None:
    try:
        os.link(source, destination)  # fails if destination exists, where POSIX rename would replace it
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT, some network shares): check, then rename (Windows' rename refuses
        # an existing destination by itself).
        if destination.exists():
            raise FileExistsError(destination) from None
        os.rename(source, destination)
        return
    os.unlink(source)


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
