"""A kiosk left alone for an hour under Orca: warnings, new sessions, memory, still answering (prints).

The application runs as a kiosk at its real pace (idle time 120 s, warning 30 s, unless told
otherwise) on a private accessibility bus with Orca 43 running headless; nothing touches it for the
whole time. At the end it must still answer: its accessible tree is read and a Tab key press is
spoken by Orca. ``tests/a11y/test_kiosk_idle_under_orca.py`` runs the same for a few seconds in CI.

Run: .venv/bin/python benchmarks/bench_kiosk_idle.py [--minutes 60] [--idle-timeout 120]
Target: the application still runs and answers; about one warning and one new session per 150 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

A11Y_TESTS = Path(__file__).resolve().parent.parent / "tests" / "a11y"
sys.path.insert(0, str(A11Y_TESTS))

from a11y_support import ScreenReader, missing_requirements  # noqa: E402
from kiosk_idle import leave_idle, start_idle_kiosk  # noqa: E402
from orca_support import orca_missing  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--idle-timeout", type=int, default=120, help="the kiosk's idle time, in seconds")
    arguments = parser.parse_args()
    missing = missing_requirements() or orca_missing()
    if missing is not None:
        print(f"cannot run: {missing}")
        return 2
    with tempfile.TemporaryDirectory(prefix="kiosk-idle-") as folder:
        reader = ScreenReader(Path(folder))
        try:
            orca = start_idle_kiosk(reader, Path(folder), idle_timeout=arguments.idle_timeout)
            print(f"kiosk started; left alone for {arguments.minutes:g} min under Orca", flush=True)
            report = leave_idle(reader, orca, arguments.minutes * 60, progress=True)
        finally:
            reader.close()
    print()
    minutes = report.seconds / 60
    print(f"left alone {minutes:.1f} min: {report.warnings} warnings, {report.sessions_ended} new sessions")
    print(f"  Orca said the warning: {'yes' if report.orca_said_the_warning else 'no'}")
    print(f"  Orca said a new session started: {'yes' if report.orca_said_a_new_session else 'no'}")
    start, end = report.resident_mb_start, report.resident_mb_end
    print(f"  resident memory: {start:.1f} MB at the start, {end:.1f} MB at the end")
    alive = report.exit_code is None and report.answered
    print(f"  still running and answering: {'yes' if alive else f'NO (exit code {report.exit_code})'}")
    return 0 if alive else 1


if __name__ == "__main__":
    sys.exit(main())
