"""Doing something once a top-level window has painted its first frame, and the start-up probe.

``after_first_paint`` runs a callback on the UI thread right after the window's first frame has
been painted and handed to the window system (the slot runs once the paint pass returns). The
start-up benchmark (``benchmarks/bench_first_paint.py``) sets ``MONMASTER_DESKTOP_EXIT_AFTER_FIRST_PAINT``:
the application then prints the monotonic clock at that moment and quits, and the benchmark compares
it with the moment it started the process. Nothing here may delay the first paint itself.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

EXIT_AFTER_FIRST_PAINT_VARIABLE = "MONMASTER_DESKTOP_EXIT_AFTER_FIRST_PAINT"
# What the probe prints: the benchmark reads the number (seconds of CLOCK_MONOTONIC, as time.monotonic).
FIRST_PAINT_LINE = "first-paint-monotonic {seconds:.6f}"


class _FirstPaintWatcher(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            # The top-level is painted first, then its children, then the frame is flushed to the
            # window system: a zero timer runs after all of that has returned to the event loop. The
            # timer is this watcher's own: deleted with the window if the window goes first, it
            # leaves nothing behind that holds the callback (and what the callback refers to).
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(self._finish)
            timer.start(0)
        return False

    def _finish(self) -> None:
        window = self.parent()
        if isinstance(window, QWidget):
            window.removeEventFilter(self)
        self.deleteLater()
        self._callback()


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, on the UI thread, after ``window`` has painted its first frame."""
    window.installEventFilter(_FirstPaintWatcher(window, callback))


def install_start_up_probe(window: QWidget) -> None:
    """With the benchmark's variable set: print the first paint's moment and quit (else nothing)."""
    if os.environ.get(EXIT_AFTER_FIRST_PAINT_VARIABLE) != "1":
        return

    def report_and_quit() -> None:
        print(FIRST_PAINT_LINE.format(seconds=time.monotonic()), file=sys.stdout, flush=True)
        QApplication.quit()

    after_first_paint(window, report_and_quit)
