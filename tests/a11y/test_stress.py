"""Testers' tools read the accessible tree nonstop while the whole journey runs: no crash, ever.

Before the fix (docs/accessibility.md, "A crash of Qt's accessibility bridge") a client polling the tree
while "Créer mon compte" switched pages crashed the application in most runs. CI runs the journey
``STRESS_RUNS`` times; ``benchmarks/bench_a11y_stress.py`` runs it a hundred times and prints the count.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_support import ScreenReader
from stress_journey import run_stress_journey

STRESS_RUNS = 10


@pytest.mark.parametrize("run", range(STRESS_RUNS))
def test_the_journey_survives_tree_walkers(run: int, screen_reader: ScreenReader, tmp_path: Path) -> None:
    report = run_stress_journey(screen_reader, tmp_path / "data")
    assert not report.crashed, f"the application died with exit code {report.exit_code}: {report.failure}"
    assert report.failure is None, report.failure
    # The walkers really did read the tree meanwhile (a walker that found nothing proves nothing).
    plain, thorough = report.walkers
    assert plain["passes"] >= 3 and thorough["questions"] > 1000, report.walkers
    assert plain["app_alive"] and thorough["app_alive"]
