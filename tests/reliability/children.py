"""Child processes for the reliability proofs: what a kiosk does, in a process a test can kill.

Run as ``python children.py COMMAND DATA_DIR …`` (real SQLite, fast argon2 parameters, the real
clock). Each command prints one JSON object per line on stdout:

- ``power-cut DATA_DIR PASSWORD SEED``: registers an account and resends a mail, in a loop, until
  killed; prints ``{"ready": true}`` once the database is open.
- ``race DATA_DIR``: registers each address read from stdin, printing the outcome of each.
- ``scenario NAME DATA_DIR``: one of the storage scenarios below, run in this process (the tests
  run it without the right to bypass file permissions when they are root).
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for support.py

from support import registration

from monmaster_desktop.accounts.service import AccountService, open_account_service
from monmaster_desktop.settings import DataError, HashingParameters, Settings


def say(**fields: object) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def open_service(data_dir: Path) -> AccountService:
    return open_account_service(Settings(data_dir=data_dir, hashing=HashingParameters.fast_for_tests()))


def power_cut(data_dir: Path, password: str, seed: int) -> None:
    service = open_service(data_dir)
    say(ready=True)
    chance = random.Random(seed)
    registered: list[str] = []
    for number in range(1_000_000):
        address = f"coupure-{seed}-{number}@example.fr"
        result = service.register(registration(address, password=password))
        if result.ok:
            registered.append(address)
        if registered and chance.random() < 0.5:
            service.resend_activation(chance.choice(registered))


def race(data_dir: Path) -> None:
    service = open_service(data_dir)
    say(ready=True)
    for line in sys.stdin:
        result = service.register(registration(line.strip()))
        say(ok=result.ok, reasons=[refusal.reason.value for refusal in result.refusals])


def read_only_file(data_dir: Path) -> None:
    """The database file is 0400: reading works, registering says so, and works once it is 0600 again."""
    database = data_dir / "monmaster.sqlite3"
    service = open_service(data_dir)
    listed = len(service.list_accounts())
    refused = service.register(registration("lecture.seule@example.fr"))
    mode_after_refusal = database.stat().st_mode & 0o777
    os.chmod(database, 0o600)  # the operator fixes it, the application keeps running
    accepted = service.register(registration("lecture.seule@example.fr"))
    service.close()
    say(
        listed=listed,
        refused=[refusal.message for refusal in refused.refusals],
        refused_reasons=[refusal.reason.value for refusal in refused.refusals],
        mode_after_refusal=mode_after_refusal,
        accepted=accepted.ok,
    )


def unusable_folder(data_dir: Path) -> None:
    """Opening a folder that cannot be used: a French DataError, never a traceback."""
    try:
        open_service(data_dir).close()
    except DataError as error:
        say(error=str(error), kind=type(error).__name__)
    else:
        say(error=None)


SCENARIOS = {"read-only-file": read_only_file, "unusable-folder": unusable_folder}


def main(arguments: list[str]) -> None:
    command = arguments[0]
    if command == "power-cut":
        power_cut(Path(arguments[1]), arguments[2], int(arguments[3]))
    elif command == "race":
        race(Path(arguments[1]))
    elif command == "scenario":
        SCENARIOS[arguments[1]](Path(arguments[2]))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.exit(0)
