"""Calling something soon, on the UI thread, for as long as the object it belongs to exists.

``call_soon(owner, callback)`` is ``QTimer.singleShot(0, owner, callback)`` without its leak: in
PySide6 6.11 the single shot keeps the Python callable (and all it refers to: a page, its window's
context and service…) forever when ``owner`` is deleted before the timer fires — a window closed
right after a page change stayed in memory that way (docs/performance.md, "Windows that close").
Here the timer is a child of ``owner``: deleted with it, it takes its connection, and the callable,
along. Nothing else; never used for work that must run whatever happens to ``owner``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def call_soon(owner: QObject, callback: Callable[[], object], milliseconds: int = 0) -> None:
    """Call ``callback`` after ``milliseconds`` (once back in the event loop), unless ``owner`` is gone."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(callback)
    timer.timeout.connect(timer.deleteLater)
    timer.start(milliseconds)
