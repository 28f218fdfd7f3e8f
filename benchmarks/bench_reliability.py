"""The reliability proofs at their full counts: ``.venv/bin/python benchmarks/bench_reliability.py``.

The suite runs the same tests with small counts (CI must stay short); this command runs them with
the counts of docs/reliability.md — 50 SIGKILLs, 20 two-process races, thousands of hypothesis
examples over the service and the validation module — and prints what each proof did. It exits with
pytest's status: unlike the timing benchmarks, a proof that fails here is a failure.

Options after the script name go to pytest (``-x``, ``-k power``…). About 5 minutes on the 2-core
machine (most of it hypothesis on megabyte strings).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROOFS = ["tests/reliability", "tests/gui/test_reliability_gui.py", "tests/unit/test_no_clear_password.py"]


def main(extra: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="monmaster-proofs-") as scratch:
        report = Path(scratch) / "report.jsonl"
        environment = dict(os.environ)
        environment |= {"MONMASTER_PROOF_SCALE": "full", "MONMASTER_PROOF_REPORT": str(report)}
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *PROOFS, *extra],
            cwd=ROOT,
            env=environment,
            check=False,
        )
        elapsed = time.perf_counter() - started
        lines = report.read_text(encoding="utf-8").splitlines() if report.exists() else []
        rows = [json.loads(line) for line in lines]
    print()
    print(f"Reliability proofs, full counts ({elapsed:.0f} s, pytest status {completed.returncode}):")
    for row in rows:
        proof = row.pop("proof")
        figures = ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in row.items())
        print(f"  {proof}: {figures}")
    if not rows:
        print("  (no proof reported figures: see pytest's output above)")
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
