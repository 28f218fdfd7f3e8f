"""The Qt defect behind the crash under testers' tools, kept as a test (docs/accessibility.md).

``QAccessibleAbstractScrollArea::child(index)`` does not check ``index``: an AT-SPI client asking a
bare ``QScrollArea`` for a child past its viewport and visible scroll bars kills the program with
SIGSEGV. The application gives every scroll area an interface that checks it. If the first test ever
fails, Qt has fixed the defect: the factory in ``accessibility/safe_interfaces.py`` may then go.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import time
from pathlib import Path

from a11y_support import ScreenReader

PROGRAM = Path(__file__).resolve().parent / "programs" / "bare_scroll_area.py"


def exit_code_within(reader: ScreenReader, seconds: float) -> int | None:
    deadline = time.monotonic() + seconds
    while (code := reader.app_exit_code()) is None and time.monotonic() < deadline:
        time.sleep(0.1)
    return code


def test_qt_alone_crashes_when_asked_for_the_child_past_the_end(screen_reader: ScreenReader) -> None:
    screen_reader.start_program(sys.executable, str(PROGRAM))
    count, roles = screen_reader.children_at("zone", 0, 1)
    assert (count, roles) == (2, ["filler", "filler"])  # the viewport, the vertical scroll bar's container
    with contextlib.suppress(AssertionError):  # the program dies during the call: no reply comes
        screen_reader.children_at("zone", 2)
    assert exit_code_within(screen_reader, 10) == -signal.SIGSEGV


def test_with_the_applications_interface_the_same_questions_get_answers(screen_reader: ScreenReader) -> None:
    screen_reader.start_program(sys.executable, str(PROGRAM), "--with-safe-interfaces")
    count, roles = screen_reader.children_at("zone", 0, 1, 2, 3, 7, 2**31 - 1)
    assert (count, roles) == (2, ["filler", "filler", None, None, None, None])
    assert exit_code_within(screen_reader, 1) is None
