"""A kiosk left alone while Orca runs: it warns, ends the sessions, and still answers (docs/kiosk.md).

The CI version of ``benchmarks/bench_kiosk_idle.py`` (an hour at the real pace): time runs ten times
faster in the application, the idle time is 20 of its "seconds", and the kiosk is left for about
three warning-and-reset cycles. Orca 43 ignores announcements: it must hear the warning all the same,
through the focused "Continuer" and the dialog it belongs to.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_support import ScreenReader
from kiosk_idle import leave_idle, start_idle_kiosk
from orca_support import orca_missing

pytestmark = pytest.mark.skipif(orca_missing() is not None, reason=orca_missing() or "")


def test_left_alone_under_orca_the_kiosk_resets_and_still_answers(
    screen_reader: ScreenReader, tmp_path: Path
) -> None:
    orca = start_idle_kiosk(screen_reader, tmp_path, idle_timeout=20, second_ms=100)
    report = leave_idle(screen_reader, orca, seconds=13)
    assert report.exit_code is None, report
    assert report.warnings >= 2 and report.sessions_ended >= 2, report
    assert report.orca_said_the_warning, orca.everything
    # The new session too, with no key pressed: the heading it lands on is labelled by the notice.
    heard_before_the_key = (
        orca.everything[: orca.everything.index("tab ")] if "tab " in orca.everything else []
    )
    assert any("Nouvelle session" in text for text in heard_before_the_key), orca.everything
    assert report.answered, report
