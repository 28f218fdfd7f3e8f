"""The operator's read-only listings (``accounts list``, ``outbox list``), without the account service.

A listing command should answer in about the time Python takes to start (docs/performance.md), so
this module imports only the store and the data folder: never the account service, the settings'
dataclasses, argon2, the address and password checkers, logging, the ``email`` package or Qt. It
opens the database exactly as the service does (``open_database``, which the service uses too) and
reads rows; what ``accounts list --json`` prints of an account is defined here (``account_json``),
never a hash.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from monmaster_desktop.accounts.store import Database, from_text, to_text
from monmaster_desktop.data_folder import DATABASE_FILE_NAME, ensure_private_dir

# The columns an account is read with: everything but its password hash.
ACCOUNT_COLUMNS = (
    "id, email, status, created_at, activated_at, last_sign_in_at, consent_at, cgu_version, "
    "eligibility_answers, charter_version"
)


def open_database(data_dir: Path) -> Database:
    """The database of ``data_dir`` (the folder created 0700 if missing), checked and migrated.

    Raises ``DataError`` (French, for the operator): ``DataDirError`` for a folder that cannot be
    used, ``DatabaseTooNewError``, ``DatabaseDamagedError`` or ``StorageError`` for the file.
    """
    ensure_private_dir(data_dir)
    return Database.open(data_dir / DATABASE_FILE_NAME)


def iter_account_rows(database: Database) -> Iterator[sqlite3.Row]:
    """Every account's ``ACCOUNT_COLUMNS``, oldest first, read as consumed: an export never holds them all."""
    with database.reading() as connection:
        # Not "yield from": closing this generator would close the cursor too, which fails once the
        # database is closed (a reader that went away, "| head").
        query = f"SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, id"
        for row in connection.execute(query):  # noqa: UP028 (see above)
            yield row


def moment_text(stored: str | None) -> str | None:
    """A stored moment as the listings write it: ISO 8601 in UTC, to the second (``store.to_text``).

    What the application stored is in that form already ("2026-09-01T08:30:00+00:00") and is printed
    as it is: parsing and writing again each of a row's four moments was a third of a listing's time.
    """
    if stored is not None and len(stored) == _STORED_LENGTH and stored[10] == "T" and stored[-6:] == "+00:00":
        return stored
    return to_text(from_text(stored))


_STORED_LENGTH = len("2026-09-01T08:30:00+00:00")  # to_text's form of any moment


def account_json(row: sqlite3.Row) -> dict[str, object]:
    """What ``accounts list --json`` prints of an account: never a hash.

    The eligibility answers are read (and checked) by ``eligibility``, imported for this output only.
    """
    return {
        "email": row["email"],
        "status": row["status"],
        "created_at": moment_text(row["created_at"]),
        "activated_at": moment_text(row["activated_at"]),
        "last_sign_in_at": moment_text(row["last_sign_in_at"]),
        "consent_at": moment_text(row["consent_at"]),
        "cgu_version": row["cgu_version"],
        "charter_version": row["charter_version"],
        "eligibility_answers": _answers_json(row["eligibility_answers"]),
    }


@functools.lru_cache(maxsize=64)
def _answers_json(stored: str) -> dict[str, str | None]:
    # Cached like eligibility's own reading: nearly every account stores one of a few texts. The dict
    # is shared between the rows that have it; the listing only encodes it.
    from monmaster_desktop.eligibility import answers_from_json

    return {key: (answer.value if answer else None) for key, answer in answers_from_json(stored).items()}
