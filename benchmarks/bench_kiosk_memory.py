"""A fair's worth of candidates on one kiosk: the resident memory after 1, 50, 100 and 200 of them (prints).

The same cycles as ``tests/gui/test_long_run.py`` (the whole journey through the outbox, then
"Terminer"), offscreen, with the production hashing unless ``--fast-hashing``. After each checkpoint
the garbage is collected and Qt's deferred deletions run before the resident set is read
(``/proc/self/status``: Linux).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_kiosk_memory.py [--cycles 200]
Target: the growth from the 50th to the 200th candidate stays under 5 MB (exit status 1 otherwise).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "gui")]

from kiosk_support import enroll_and_finish, open_kiosk  # noqa: E402
from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from support import GOOD_PASSWORD  # noqa: E402

from monmaster_desktop.accounts.service import open_account_service  # noqa: E402
from monmaster_desktop.gui.app import create_application  # noqa: E402
from monmaster_desktop.gui.testers.journey import Candidate  # noqa: E402
from monmaster_desktop.settings import CaptchaMode, HashingParameters, KioskSettings, Settings  # noqa: E402

CHECKPOINTS = (1, 50, 100, 200)
GROWTH_LIMIT_MB = 5.0


def quiet_offscreen_warnings() -> None:
    """The offscreen platform warns at every window shown or raised ("does not support raise()")."""

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if not message.startswith("This plugin does not support"):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


def settle() -> None:
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=CHECKPOINTS[-1])
    parser.add_argument("--fast-hashing", action="store_true", help="the tests' argon2 parameters")
    arguments = parser.parse_args()
    quiet_offscreen_warnings()
    create_application()
    hashing = HashingParameters.fast_for_tests() if arguments.fast_hashing else HashingParameters()
    with tempfile.TemporaryDirectory(prefix="kiosk-memory-") as folder:
        settings = Settings(
            data_dir=Path(folder) / "data",
            hashing=hashing,
            captcha=CaptchaMode.OFF,
            kiosk=True,
            kiosk_settings=KioskSettings(idle_timeout=100_000),
        )
        service = open_account_service(settings)
        kiosk = open_kiosk(dataclasses.replace(settings), service)
        candidate = Candidate.at(kiosk.window)
        readings: dict[int, float] = {}
        started = time.monotonic()
        for number in range(1, arguments.cycles + 1):
            enroll_and_finish(candidate, f"candidat.{number:03d}@example.fr", GOOD_PASSWORD)
            if number in CHECKPOINTS:
                settle()
                readings[number] = resident_mb()
                elapsed = time.monotonic() - started
                print(f"after {number:3d} candidates: {readings[number]:6.1f} MB resident ({elapsed:.0f} s)")
        kiosk.close()
        service.close()
    if 50 in readings and arguments.cycles in readings and arguments.cycles > 50:
        growth = readings[arguments.cycles] - readings[50]
        verdict = "OK" if growth < GROWTH_LIMIT_MB else "TOO MUCH"
        last = arguments.cycles
        print(f"growth from 50 to {last}: {growth:+.1f} MB (limit {GROWTH_LIMIT_MB:.0f} MB): {verdict}")
        return 0 if growth < GROWTH_LIMIT_MB else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
