"""Registration and address look-up with 1,000, 10,000 and 100,000 accounts in the database.

Run: .venv/bin/python benchmarks/bench_scale.py [--quick]
Target (issue 12): the look-up at 100,000 accounts ≤ 2× the look-up at 1,000.
The database is filled by ``populate.py`` (bulk SQL copies of one real registration). Every figure
here uses the fast test hashing parameters (``HashingParameters.fast_for_tests``), so that it
measures the database and the rules, not argon2: the production hash adds its own ~150 ms to a
registration whatever the number of accounts (``bench_gui.py`` times it). In-process, medians.
Also the opening of the database, which checks the whole file (``PRAGMA quick_check``) before every
start and every command: it grows with the file.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from figures import quick_requested, report
from populate import address, fast_settings, populate, registration

from monmaster_desktop.accounts.service import AccountService, open_account_service
from monmaster_desktop.accounts.store import Database

SIZES = (1_000, 10_000, 100_000)
LOOKUP_RATIO_TARGET = 2.0


def median_seconds(action: Callable[[int], object], count: int) -> float:
    timings = []
    for number in range(count):
        started = time.perf_counter()
        action(number)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def measure(service: AccountService, database: Path, size: int, lookups: int, registrations: int) -> float:
    """Print the figures at ``size`` accounts; returns the look-up's median in seconds."""
    step = max(1, size // lookups)  # existing addresses spread over the whole table

    def look_up(number: int) -> None:
        assert service.find_account(address((number * step) % size)) is not None

    def register_new(number: int) -> None:
        result = service.register(registration(f"nouveau.{size}.{number}@example.fr"))
        assert result.ok, result.refusals

    def register_duplicate(number: int) -> None:
        result = service.register(registration(address((number * step) % size)))
        assert not result.ok

    def open_database(_number: int) -> None:
        Database.open(database).close()

    lookup = median_seconds(look_up, lookups)
    label = f"{size:,} accounts"
    report("scale", f"address look-up (find_account), {label}", f"{lookup * 1e6:.0f} µs")
    duplicate_ms = median_seconds(register_duplicate, registrations) * 1000
    report("scale", f"registration refused as a duplicate, {label}", f"{duplicate_ms:.2f} ms")
    new_ms = median_seconds(register_new, registrations) * 1000
    report("scale", f"registration of a new address (fast hashing), {label}", f"{new_ms:.2f} ms")
    # What every start and every command pays before anything else: the file's checks (quick_check).
    open_ms = median_seconds(open_database, 5) * 1000
    report("scale", f"opening the database (its checks included), {label}", f"{open_ms:.1f} ms")
    return lookup


def main() -> int:
    quick = quick_requested()
    lookups, registrations = (300, 10) if quick else (2_000, 40)
    scratch = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    lookup_by_size: dict[int, float] = {}
    filled = 0
    try:
        for size in SIZES:
            populate(scratch, size - filled, first_number=filled)
            filled = size
            settings = fast_settings(scratch)
            service = open_account_service(settings)
            lookup_by_size[size] = measure(service, settings.database_path, size, lookups, registrations)
            service.close()
        ratio = lookup_by_size[SIZES[-1]] / lookup_by_size[SIZES[0]]
        report(
            "scale",
            f"look-up at {SIZES[-1]:,} ÷ look-up at {SIZES[0]:,}",
            f"{ratio:.2f}×",
            f"≤ {LOOKUP_RATIO_TARGET:.0f}×",
            ratio <= LOOKUP_RATIO_TARGET,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
