"""Telling screen readers what a sighted user sees change.

``Announcer.announce`` sends a ``QAccessibleAnnouncementEvent`` (Qt 6.8+), polite for progress and
assertive for errors, and emits ``announced`` so the tests and the testers' log see the same stream.
Pages also keep the focused field's accessible description current with ``describe``, since some
screen readers only read that (docs/accessibility.md, "Known limits per platform").
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


class Announcer(QObject):
    announced = Signal(str, bool)  # text, assertive

    def announce(self, source: QWidget, text: str, *, assertive: bool = False) -> None:
        if not text:
            return
        event = QAccessibleAnnouncementEvent(source, text)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
        QAccessible.updateAccessibility(event)
        self.announced.emit(text, assertive)


def describe(widget: QWidget, *parts: str | None) -> None:
    """Set a widget's accessible description from the non-empty parts (hint, current error…).

    Only when the text changes: each change is an event every accessibility client receives.
    """
    description = " ".join(part for part in parts if part)
    if widget.accessibleDescription() != description:
        widget.setAccessibleDescription(description)
