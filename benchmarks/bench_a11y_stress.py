"""The accessibility stress journey, many times: how many runs end with the application dead (prints only).

Each run starts the application on its own accessibility bus (Xvfb, D-Bus, AT-SPI), starts two tree
walkers as separate processes and drives the whole journey by keyboard and AT-SPI actions
(``tests/a11y/stress_journey.py``, the same journey CI runs ``STRESS_RUNS`` times).

Run: .venv/bin/python benchmarks/bench_a11y_stress.py [--runs 100]
Target: 0 crashes. Measured on main before the scroll-area fix: the application died in most runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

A11Y_TESTS = Path(__file__).resolve().parent.parent / "tests" / "a11y"
sys.path.insert(0, str(A11Y_TESTS))

from a11y_support import ScreenReader, missing_requirements  # noqa: E402
from figures import quick_requested, report  # noqa: E402
from stress_journey import run_stress_journey  # noqa: E402

RUNS, QUICK_RUNS = 100, 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help=f"default {RUNS}, {QUICK_RUNS} with --quick")
    parser.add_argument("--quick", action="store_true")
    arguments = parser.parse_args()
    arguments.runs = arguments.runs or (QUICK_RUNS if quick_requested() else RUNS)
    missing = missing_requirements()
    if missing is not None:
        report("a11y stress", "accessibility stress journey", f"cannot run: {missing}")
        return 2
    crashes, failures, questions, durations = 0, 0, 0, []
    for run in range(1, arguments.runs + 1):
        with tempfile.TemporaryDirectory(prefix="a11y-stress-") as folder:
            started = time.monotonic()
            reader = ScreenReader(Path(folder))
            try:
                journey = run_stress_journey(reader, Path(folder) / "data", run)
            finally:
                reader.close()
            durations.append(time.monotonic() - started)
            questions += journey.questions
            crashes += journey.crashed
            failures += journey.failure is not None and not journey.crashed
            status = f"CRASH (exit code {journey.exit_code})" if journey.crashed else "ok"
            if journey.failure is not None and not journey.crashed:
                status = f"step failed: {journey.failure.splitlines()[0]}"
            print(f"run {run:3d}: {status}; {journey.questions} questions from the walkers", flush=True)
    print()
    runs = arguments.runs
    report(
        "a11y stress",
        f"accessibility stress journey: crashes in {runs} runs",
        f"{crashes}",
        "0",
        crashes == 0,
    )
    report("a11y stress", "  runs where a step failed without a crash", f"{failures}")
    report("a11y stress", "  questions asked by the tree walkers", f"{questions:,}")
    per_run = f"median {statistics.median(durations):.1f} s, max {max(durations):.1f} s"
    report("a11y stress", "  seconds per run", per_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
