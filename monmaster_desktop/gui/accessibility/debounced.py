"""One announcement once the candidate pauses, saying only what changed since the last one.

Pages whose state changes with every key or arrow press (the password checklist on step 2, the Oui/Non
answers on step 1) tell ``DebouncedAnnouncer`` that something changed. Once nothing has changed for
``ANNOUNCE_DELAY_MS`` it takes a snapshot of the page's state, asks the page to put into words what
differs from the snapshot screen readers were last told, emits ``settled`` (the page brings what the
accessibility layer shows up to date: names, descriptions), then sends one announcement: the
description a screen reader may read next already matches what it hears.

So a screen-reader user hears one sentence per pause, never one per key, and a program listening on
the accessibility bus learns nothing per key either (docs/accessibility.md, "Passwords and the
accessibility bus"). This module never reads a field's text: the page's snapshot holds only states.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from monmaster_desktop.gui.accessibility.announcer import Announcer

# Announce once the candidate has stopped typing (or changing answers) for this long.
ANNOUNCE_DELAY_MS = 700

S = TypeVar("S")

# What changed between what was told and what is now: the widget to announce from and the words,
# or None when there is nothing to say.
Compose = Callable[[S, S], "tuple[QWidget, str] | None"]


class DebouncedAnnouncer(QObject, Generic[S]):
    """Coalesces a page's changes into one announcement per pause.

    ``snapshot()`` returns the page's current state (comparable with ==); ``compose(told, now)`` puts
    the difference into words. ``changed()`` restarts the wait; ``forget()`` drops what is pending and
    takes the present state as told (a page cleared for the next candidate).
    """

    settled = Signal()  # the pause is over: what the accessibility layer shows may catch up now

    def __init__(
        self,
        announcer: Announcer,
        snapshot: Callable[[], S],
        compose: Compose[S],
        parent: QObject,
        delay_ms: int = ANNOUNCE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._announcer = announcer
        self._snapshot = snapshot
        self._compose = compose
        self._told: S = snapshot()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._pause_elapsed)

    def changed(self) -> None:
        """Something the candidate sees changed: wait for the pause again."""
        self._timer.start()

    def pending(self) -> bool:
        """Whether a change waits for the pause (and so an announcement may still come)."""
        return self._timer.isActive()

    def set_delay(self, milliseconds: int) -> None:
        """Change the pause; a pending wait starts again with it (tests choose their own pause)."""
        self._timer.setInterval(milliseconds)
        if self._timer.isActive():
            self._timer.start()

    def forget(self) -> None:
        """Nothing pending; the present state counts as told."""
        self._timer.stop()
        self._told = self._snapshot()

    def _pause_elapsed(self) -> None:
        now = self._snapshot()
        said = self._compose(self._told, now) if now != self._told else None
        self._told = now
        self.settled.emit()
        if said is not None:
            source, text = said
            self._announcer.announce(source, text)
