"""The operator's tools over the database: the PIN, the day's figures, the export, the purge, the audit.

Used by the operator console of the GUI and by ``monmaster-desktop operator …`` (docs/kiosk.md).

- **PIN**: 6 to 12 digits, kept only as an argon2id hash (the account hashing's parameters); after
  ``PIN_FREE_FAILURES`` wrong PINs in a row each further try waits 30 s, then 60 s… (at most
  15 minutes), persisted, so restarting the application does not reset it.
- **Figures**: accounts created today (local time) and in total, pending and active, and today's per
  hour; read with SQL counts, never by loading the table.
- **Export**: CSV or JSON of every account — address, status, creation, activation and consent times,
  the terms' version — never a hash, a token or a mail; streamed from the database to a temporary
  file beside the destination (0600), renamed into place at the end: nothing half-written is left
  under the chosen name, and the table is never held in memory.
- **Purge**: every candidate's data (accounts, activation tokens, mails, sign-in throttle) deleted in
  one transaction with ``secure_delete`` on, then ``VACUUM`` and the WAL checkpointed and truncated,
  so no file of the data folder keeps a purged address's bytes; the copies of damaged databases set
  aside in the folder go too (docs/reliability.md, "A damaged database").
- **Audit**: each of these actions leaves a row (time, action, count) in ``operator_audit``: never an
  address, a PIN or a file name.

No Qt import here. The PIN is never stored, logged or put in an exception.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import Enum
from pathlib import Path
from typing import TextIO

from monmaster_desktop import texts
from monmaster_desktop.accounts.security import PasswordHashing
from monmaster_desktop.accounts.store import (
    Database,
    StorageError,
    StorageProblem,
    from_text,
    to_text,
    utc_now,
)
from monmaster_desktop.i18n import message
from monmaster_desktop.settings import HashingParameters

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 12
PIN_FREE_FAILURES = 3
PIN_FIRST_DELAY = timedelta(seconds=30)
PIN_MAX_DELAY = timedelta(minutes=15)
# What the export holds for each account, in this order (CSV header and JSON keys alike).
EXPORT_FIELDS = ("email", "status", "created_at", "activated_at", "consent_at", "cgu_version")
AUDIT_FIELDS = ("at", "action", "count")
CSV_DELIMITER = ";"  # what French spreadsheets expect; with a BOM they read the accents right
_ROWS_PER_READ = 500
# A cell a spreadsheet would read as a formula (CSV injection): it is prefixed with an apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Where a damaged database is set aside (store.set_aside_damaged_database): candidates' data too.
_SET_ASIDE_PATTERN = "*-endommagee-*"


class AuditAction(Enum):
    """What an operator did; the values are stored, ``texts.AUDIT_ACTIONS`` names them (said with gettext)."""

    PIN_SET = "pin_set"
    PIN_REFUSED = "pin_refused"
    CONSOLE_OPENED = "console_opened"
    EXPORT_CSV = "export_csv"
    EXPORT_JSON = "export_json"
    PURGE = "purge"
    KIOSK_QUIT = "kiosk_quit"


class PinOutcome(Enum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    THROTTLED = "throttled"
    NOT_SET = "not_set"
    STORAGE_FAILED = "storage_failed"


@dataclass(frozen=True)
class PinCheck:
    outcome: PinOutcome
    message: str | None = None  # French, for the prompt; None when accepted
    retry_after: timedelta | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome is PinOutcome.ACCEPTED


class ExportFormat(Enum):
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]  # the accounts' file, then the audit's (CSV with the audit)
    accounts: int


@dataclass(frozen=True)
class PurgeResult:
    accounts: int
    mails: int
    set_aside_files: int  # copies of damaged databases removed


@dataclass(frozen=True)
class Counts:
    created: int
    pending: int
    active: int


@dataclass(frozen=True)
class Figures:
    """What the console shows: today's counts, the totals, and today's accounts per local hour."""

    day: date
    today: Counts
    total: Counts
    per_hour: tuple[int, ...]  # 24 values, hour 0 to 23 of ``day`` in local time


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    action: AuditAction
    count: int | None


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN (French), or None."""
    if not (pin.isascii() and pin.isdigit()) or not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        return message(texts.PIN_RULE)
    return None


class OperatorService:
    """The operator's actions on one database.

    The reading and writing methods raise ``StorageError``; ``verify_pin`` answers with a result.
    """

    def __init__(
        self,
        database: Database,
        hashing: HashingParameters,
        clock: Callable[[], datetime] = utc_now,
        local_zone: tzinfo | None = None,
    ) -> None:
        self._database = database
        self._hashing = PasswordHashing(hashing)
        self._clock = clock
        self._zone = local_zone

    # --- PIN ----------------------------------------------------------------------------------------

    def has_pin(self) -> bool:
        with self._database.reading() as connection:
            return connection.execute("SELECT 1 FROM operator_pin").fetchone() is not None

    def set_pin(self, pin: str) -> None:
        """Store ``pin``'s hash (replacing any) and forget its failures. ``ValueError`` (French) if unfit."""
        problem = pin_problem(pin)
        if problem is not None:
            raise ValueError(problem)
        pin_hash = self._hashing.hash(pin)
        now = to_text(self._clock())
        with self._database.transaction() as connection:
            connection.execute(
                "INSERT INTO operator_pin (id, pin_hash, set_at, failures, locked_until)"
                " VALUES (1, ?, ?, 0, NULL)"
                " ON CONFLICT (id) DO UPDATE SET pin_hash = excluded.pin_hash, set_at = excluded.set_at,"
                " failures = 0, locked_until = NULL",
                (pin_hash, now),
            )
            self._audit(connection, AuditAction.PIN_SET, None)

    def verify_pin(self, pin: str) -> PinCheck:
        try:
            return self._verify_pin(pin)
        except StorageError as error:
            return PinCheck(PinOutcome.STORAGE_FAILED, error.message)

    def _verify_pin(self, pin: str) -> PinCheck:
        now = self._clock()
        with self._database.reading() as connection:
            row = connection.execute("SELECT pin_hash, failures, locked_until FROM operator_pin").fetchone()
        if row is None:
            return PinCheck(PinOutcome.NOT_SET, message(texts.PIN_NOT_SET))
        locked_until = from_text(row["locked_until"])
        if locked_until is not None and locked_until > now:
            return _throttled(locked_until - now, texts.PIN_THROTTLED)
        # A PIN longer than any allowed is not hashed at all (it cannot match), but counts as a failure.
        matches = len(pin) <= PIN_MAX_DIGITS and self._hashing.verify(row["pin_hash"], pin)
        with self._database.transaction() as connection:
            if matches:
                connection.execute("UPDATE operator_pin SET failures = 0, locked_until = NULL")
                self._audit(connection, AuditAction.CONSOLE_OPENED, None)
                return PinCheck(PinOutcome.ACCEPTED)
            failures = int(row["failures"]) + 1
            wait = None
            if failures >= PIN_FREE_FAILURES:
                exponent = min(failures - PIN_FREE_FAILURES, 16)
                wait = min(PIN_FIRST_DELAY * 2**exponent, PIN_MAX_DELAY)
            connection.execute(
                "UPDATE operator_pin SET failures = ?, locked_until = ?",
                (failures, to_text(now + wait) if wait else None),
            )
            self._audit(connection, AuditAction.PIN_REFUSED, failures)
        if wait is not None:
            return _throttled(wait, texts.PIN_REFUSED_THEN_WAIT)
        return PinCheck(PinOutcome.REFUSED, message(texts.PIN_REFUSED))

    # --- figures ------------------------------------------------------------------------------------

    def figures(self) -> Figures:
        now = self._clock().astimezone(self._zone) if self._zone else self._clock().astimezone()
        zone = now.tzinfo
        start = datetime.combine(now.date(), time(0), tzinfo=zone)
        hours = [to_text((start + timedelta(hours=hour)).astimezone(UTC)) for hour in range(25)]
        counting = (
            "SELECT count(*), coalesce(sum(status = 'pending'), 0), coalesce(sum(status = 'active'), 0)"
            " FROM accounts"
        )
        with self._database.reading() as connection:
            total = Counts(*connection.execute(counting).fetchone())
            today = Counts(
                *connection.execute(
                    f"{counting} WHERE created_at >= ? AND created_at < ?", (hours[0], hours[24])
                ).fetchone()
            )
            # Local hours may be 23 or 25 on a day the clocks change; each bucket is one real hour.
            per_hour = tuple(
                int(
                    connection.execute(
                        "SELECT count(*) FROM accounts WHERE created_at >= ? AND created_at < ?",
                        (hours[hour], hours[hour + 1]),
                    ).fetchone()[0]
                )
                for hour in range(24)
            )
        return Figures(now.date(), today, total, per_hour)

    # --- audit --------------------------------------------------------------------------------------

    def record(self, action: AuditAction, count: int | None = None) -> None:
        with self._database.transaction() as connection:
            self._audit(connection, action, count)

    def audit(self, limit: int | None = None) -> list[AuditEntry]:
        """The newest first; all of them unless ``limit``."""
        query = "SELECT at, action, count FROM operator_audit ORDER BY id DESC"
        with self._database.reading() as connection:
            rows = connection.execute(query + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
        return [_audit_entry(row) for row in rows]

    def _audit(self, connection: sqlite3.Connection, action: AuditAction, count: int | None) -> None:
        connection.execute(
            "INSERT INTO operator_audit (at, action, count) VALUES (?, ?, ?)",
            (to_text(self._clock()), action.value, count),
        )

    # --- export -------------------------------------------------------------------------------------

    def export(self, destination: Path, kind: ExportFormat, *, include_audit: bool = False) -> ExportResult:
        """Write every account to ``destination`` (and, for CSV with the audit, ``<name>-journal.csv``).

        Raises ``StorageError`` if the database cannot be read and ``OSError`` if the file cannot be
        written; then nothing is left under the destination's name.
        """
        destination = Path(destination)
        audit_action = AuditAction.EXPORT_CSV if kind is ExportFormat.CSV else AuditAction.EXPORT_JSON
        files = [destination]
        if kind is ExportFormat.CSV:
            count = _write_atomically(destination, lambda file: self._write_accounts_csv(file))
            if include_audit:
                journal = audit_file_for(destination)
                _write_atomically(journal, lambda file: self._write_audit_csv(file))
                files.append(journal)
        else:
            count = _write_atomically(destination, lambda file: self._write_json(file, include_audit))
        self.record(audit_action, count)
        return ExportResult(tuple(files), count)

    def _account_rows(self) -> Iterator[sqlite3.Row]:
        with self._database.reading() as connection:
            cursor = connection.execute(
                "SELECT email, status, created_at, activated_at, consent_at, cgu_version"
                " FROM accounts ORDER BY created_at, id"
            )
            while rows := cursor.fetchmany(_ROWS_PER_READ):
                yield from rows

    def _write_accounts_csv(self, file: TextIO) -> int:
        import csv

        writer = csv.writer(file, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow(EXPORT_FIELDS)
        count = 0
        for row in self._account_rows():
            writer.writerow([_spreadsheet_safe(row[name]) for name in EXPORT_FIELDS])
            count += 1
        return count

    def _write_audit_csv(self, file: TextIO) -> int:
        import csv

        writer = csv.writer(file, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow(AUDIT_FIELDS)
        entries = self.audit()
        for entry in reversed(entries):
            count = "" if entry.count is None else entry.count
            writer.writerow([to_text(entry.at), entry.action.value, count])
        return len(entries)

    def _write_json(self, file: TextIO, include_audit: bool) -> int:
        import json

        file.write('{\n  "exported_at": ' + json.dumps(to_text(self._clock())) + ',\n  "accounts": [')
        separator = "\n    "
        count = 0
        for row in self._account_rows():
            item = {name: row[name] for name in EXPORT_FIELDS}
            file.write(separator + json.dumps(item, ensure_ascii=False))
            separator = ",\n    "
            count += 1
        file.write("\n  ]" if count else "]")
        if include_audit:
            file.write(',\n  "audit": [')
            separator = "\n    "
            entries = self.audit()
            for entry in reversed(entries):
                item = {"at": to_text(entry.at), "action": entry.action.value, "count": entry.count}
                file.write(separator + json.dumps(item))
                separator = ",\n    "
            file.write("\n  ]" if entries else "]")
        file.write("\n}\n")
        return count

    # --- purge --------------------------------------------------------------------------------------

    def purge(self) -> PurgeResult:
        """Delete every candidate's data and leave none of its bytes in the folder's files.

        Raises ``StorageError``; the deletion is one transaction (all or nothing), the compaction after
        it is retried by the next purge if it fails.
        """
        with self._database.transaction() as connection:
            accounts = int(connection.execute("SELECT count(*) FROM accounts").fetchone()[0])
            mails = int(connection.execute("SELECT count(*) FROM outbox").fetchone()[0])
            for table in ("outbox", "activation_tokens", "accounts", "sign_in_throttle"):
                connection.execute(f"DELETE FROM {table}")  # fixed table names, nothing typed
            self._audit(connection, AuditAction.PURGE, accounts)
        with self._database.reading() as connection:
            connection.execute("PRAGMA secure_delete = ON")
            # VACUUM rewrites the file from the live rows only; the checkpoint then copies it back from
            # the WAL and truncates the WAL to nothing, so no older frame keeps a deleted row.
            connection.execute("VACUUM")
            busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise StorageError(StorageProblem.BUSY, self._database.path)
        return PurgeResult(accounts, mails, _remove_set_aside_copies(self._database.path))


def audit_file_for(destination: Path) -> Path:
    """Where a CSV export puts the audit: ``export.csv`` → ``export-journal.csv``."""
    return destination.with_name(f"{destination.stem}-journal{destination.suffix or '.csv'}")


def _write_atomically(destination: Path, write: Callable[[TextIO], int]) -> int:
    """Write through ``write`` into a private temporary file beside ``destination``, then rename it."""
    partial = destination.with_name(f".{destination.name}.partiel")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        # utf-8-sig: spreadsheets read the accents of a CSV right only with the BOM; JSON readers skip it
        # no better, so JSON goes without.
        encoding = "utf-8-sig" if destination.suffix.lower() != ".json" else "utf-8"
        with open(descriptor, "w", encoding=encoding, newline="") as file:
            count = write(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, destination)
    except BaseException:
        with suppress(OSError):
            os.unlink(partial)
        raise
    return count


def _spreadsheet_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def _throttled(wait: timedelta, template: str) -> PinCheck:
    seconds = max(1, int(wait.total_seconds() + 0.999))
    return PinCheck(PinOutcome.THROTTLED, message(template, wait=texts.format_wait(seconds)), wait)


def _audit_entry(row: sqlite3.Row) -> AuditEntry:
    at = from_text(row["at"])
    assert at is not None
    return AuditEntry(at, AuditAction(row["action"]), row["count"])


def _remove_set_aside_copies(database_path: Path) -> int:
    removed = 0
    for path in database_path.parent.glob(f"{database_path.stem}{_SET_ASIDE_PATTERN}"):
        with suppress(OSError):
            path.unlink()
            removed += 1
    return removed
