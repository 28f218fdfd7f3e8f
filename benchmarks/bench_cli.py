"""The operator's command line: ``accounts list`` as a whole process, and what it imports.

Run: .venv/bin/python benchmarks/bench_cli.py [--quick]
Target (issue 12): ``monmaster-desktop accounts list`` on 1,000 accounts in ≤ 100 ms, the whole
process, against ``python -c "import sqlite3"`` as the floor on the same machine; it must load
neither Qt, argon2, zxcvbn, email_validator nor importlib.metadata (tests/unit/test_cli.py checks
that without timing it). Each figure is the median of runs taken in turns with the floor. The 100,000-account
export is timed once, with its peak memory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from figures import application_command, median, milliseconds, quick_requested, report
from populate import populate

LIST_TARGET_S = 0.100
RUNS, QUICK_RUNS = 21, 7
HEAVY_MODULES = ("PySide6", "argon2", "zxcvbn", "email_validator", "importlib.metadata")
# The modules loaded by the command, read in the same process after it ran (not timed).
LOADED_MODULES_CODE = (
    "import sys, contextlib, io\n"
    "already = set(sys.modules)\n"
    "from monmaster_desktop.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    main(sys.argv[1:])\n"
    "loaded = set(sys.modules) - already\n"
    "print(' '.join(sorted(loaded | {name.split('.')[0] for name in loaded})))\n"
)


def list_command(data_dir: Path) -> list[str]:
    return [*application_command(), "--data-dir", str(data_dir), "accounts", "list"]


def seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def peak_memory_megabytes(command: list[str]) -> float:
    """The peak resident memory of a child process, as the kernel reports it when the child is reaped."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"bench_cli: {' '.join(command)} failed")
    return usage.ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    runs = QUICK_RUNS if quick_requested() else RUNS
    python = sys.executable
    scratch = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    try:
        empty, thousand = scratch / "empty", scratch / "thousand"
        populate(thousand, 1_000)
        commands = {
            "floor": [python, "-c", "import sqlite3"],
            "empty": list_command(empty),
            "thousand": list_command(thousand),
            "thousand-json": [*list_command(thousand), "--json"],
        }
        timings: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # not counted: disk cache, the empty database created
            seconds(command)
        for _ in range(runs):
            for name, command in commands.items():
                timings[name].append(seconds(command))
        floor = median(timings["floor"])
        floor_label = f'python -c "import sqlite3" (the floor), median of {runs}'
        report("command line", floor_label, milliseconds(floor))
        report("command line", "accounts list, empty database", milliseconds(median(timings["empty"])))
        for name, label in (("thousand", "accounts list"), ("thousand-json", "accounts list --json")):
            value = median(timings[name])
            report(
                "command line",
                f"{label}, 1,000 accounts, median",
                milliseconds(value),
                f"≤ {LIST_TARGET_S * 1000:.0f} ms",
                value <= LIST_TARGET_S,
            )
        # The fastest run is the one the machine's other work disturbed least.
        fastest = f"{milliseconds(min(timings['thousand']))} (floor {milliseconds(min(timings['floor']))})"
        report("command line", "accounts list, 1,000 accounts, fastest run", fastest)

        loaded = subprocess.run(
            [python, "-c", LOADED_MODULES_CODE, "--data-dir", str(thousand), "accounts", "list"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        heavy = [module for module in HEAVY_MODULES if module in loaded]
        report(
            "command line",
            "accounts list loads Qt, argon2, zxcvbn, email_validator or importlib.metadata",
            ", ".join(heavy) or "none",
            "none",
            not heavy,
        )

        big = scratch / "hundred-thousand"
        populate(big, 100_000)
        export = [*list_command(big), "--json"]
        seconds(export)
        report("command line", "accounts list --json, 100,000 accounts", milliseconds(seconds(export)))
        report("command line", "  its peak resident memory", f"{peak_memory_megabytes(export):.0f} MB")
        listing = list_command(big)
        report("command line", "accounts list, 100,000 accounts", milliseconds(seconds(listing)))
        report("command line", "  its peak resident memory", f"{peak_memory_megabytes(listing):.0f} MB")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
