"""The reliability proofs at their full counts: ``.venv/bin/python benchmarks/bench_reliability.py``.

The suite runs the same tests with small counts (CI must stay short); this command runs them with
the counts of docs/reliability.md — 50 SIGKILLs, 20 two-process races, thousands of hypothesis
examples over the service and the validation module — and prints what each proof did. It exits with
pytest's status: unlike the timing benchmarks, a proof that fails here is a failure.

Options after the script name go to pytest (``-x``, ``-k power``…). About 5 minutes on the 2-core
machine (most of it hypothesis on megabyte strings). With ``--quick`` (or run_all.py's) the proofs run
at the suite's small counts.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import quick_requested, report  # noqa: E402


def main(extra: list[str]) -> int:
    quick = quick_requested(extra)
    extra = [argument for argument in extra if argument != "--quick"]
    with tempfile.TemporaryDirectory(prefix="monmaster-proofs-") as scratch:
        proof_report = Path(scratch) / "report.jsonl"
        environment = dict(os.environ)
        environment["MONMASTER_PROOF_REPORT"] = str(proof_report)
        if not quick:
            environment["MONMASTER_PROOF_SCALE"] = "full"
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *PROOFS, *extra],
            cwd=ROOT,
            env=environment,
            check=False,
        )
        elapsed = time.perf_counter() - started
        lines = proof_report.read_text(encoding="utf-8").splitlines() if proof_report.exists() else []
        rows = [json.loads(line) for line in lines]
    print()
    counts = "the suite's counts" if quick else "full counts"
    passed = completed.returncode == 0
    status = "passed" if passed else f"FAILED (pytest status {completed.returncode})"
    report("reliability", f"reliability proofs, {counts} ({elapsed:.0f} s)", status, "pass", passed)
    for row in rows:
        proof = row.pop("proof")
        figures = ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in row.items())
        report("reliability", f"  {proof}", figures)
    if not rows:
        print("  (no proof reported figures: see pytest's output above)")
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
