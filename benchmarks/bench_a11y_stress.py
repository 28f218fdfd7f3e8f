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
from stress_journey import run_stress_journey  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    arguments = parser.parse_args()
    missing = missing_requirements()
    if missing is not None:
        print(f"cannot run: {missing}")
        return 2
    crashes, failures, questions, durations = 0, 0, 0, []
    for run in range(1, arguments.runs + 1):
        with tempfile.TemporaryDirectory(prefix="a11y-stress-") as folder:
            started = time.monotonic()
            reader = ScreenReader(Path(folder))
            try:
                report = run_stress_journey(reader, Path(folder) / "data")
            finally:
                reader.close()
            durations.append(time.monotonic() - started)
            questions += report.questions
            crashes += report.crashed
            failures += report.failure is not None and not report.crashed
            status = f"CRASH (exit code {report.exit_code})" if report.crashed else "ok"
            if report.failure is not None and not report.crashed:
                status = f"step failed: {report.failure.splitlines()[0]}"
            print(f"run {run:3d}: {status}; {report.questions} questions from the walkers", flush=True)
    print()
    print(f"accessibility stress: {crashes} crashes in {arguments.runs} runs (target 0)")
    print(f"  runs where a step failed without a crash: {failures}")
    print(f"  questions asked by the tree walkers: {questions}")
    print(f"  seconds per run: median {statistics.median(durations):.1f}, max {max(durations):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
