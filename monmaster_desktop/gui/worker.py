"""Running slow calls (argon2 hashing and verifying) off the UI thread.

``TaskRunner.submit`` runs ``work`` on Qt's thread pool and calls ``done`` (or ``failed``) back on
the UI thread, so pages stay responsive and show a busy state meanwhile. An exception is reported by
its type only: exceptions from the core never carry a password, and neither does the log.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    # Emitted from the worker thread; the relay lives in the UI thread, so the slot runs there.
    finished = Signal(object, object)  # result, exception


def _run(work: Callable[[], Any], relay: _Relay) -> None:
    """On a pool thread: ``work``, its result or exception sent to the UI thread through ``relay``."""
    try:
        result = work()
    except Exception as error:  # reported to the page, which shows a French message
        relay.finished.emit(None, error)
    else:
        relay.finished.emit(result, None)


class TaskRunner(QObject):
    """Slow calls off the UI thread; ``busy`` says whether one is still running (pages keep their own
    busy state, the journey driver waits on this)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def submit(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay()

        def finish(result: object, error: BaseException | None) -> None:
            self._running.discard(relay)
            # The relay's connection holds this function, which holds the relay and the page's
            # callbacks: a cycle through Qt that Python's collector cannot see. Deleting the relay
            # ends it, or each task would keep its page alive after its window is gone.
            relay.deleteLater()
            if error is None:
                done(result)
                return
            log.error("background task failed: %s", type(error).__name__)
            if failed is not None:
                failed(error)

        relay.finished.connect(finish)
        self._running.add(relay)
        # A plain callable: PySide wraps it in a runnable the pool deletes once it has run. (A QRunnable
        # subclass kept with setAutoDelete(False) was never freed, nor what its work referred to.)
        self._pool.start(functools.partial(_run, work, relay))

    def wait_for_done(self, milliseconds: int = 30000) -> bool:
        """Block until the pool is idle (tests and screenshots only; results still arrive by events)."""
        return self._pool.waitForDone(milliseconds)
