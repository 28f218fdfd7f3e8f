"""The Caps Lock warning under password fields ("Se connecter" and step 2): shown, announced, described.

Qt has no portable query of the Caps Lock state. ``CapsLockWatcher`` reads it from key events in the
fields it watches: the platform's native modifier bit where it is known (X11 and Wayland: Lock 0x2,
Windows: 0x100, macOS: NSEventModifierFlagCapsLock 0x10000), and a press of the Caps Lock key itself
toggles what it believes (the only source on other platforms). The warning shows under the fields
while one of them has the focus; turning Caps Lock on is announced, and ``changed`` tells the page to
put the warning in the focused field's description (docs/accessibility.md).

It never reads or keeps what is typed: only the key code and the modifiers of each key event.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.widgets.field_message import FieldMessage

# Written by the project.
CAPS_LOCK_WARNING = QT_TRANSLATE_NOOP(
    "CapsLockWatcher", "Attention : la touche Verrouillage majuscules est activée."
)

# The Caps Lock bit of QKeyEvent.nativeModifiers() per Qt platform plugin (see the module docstring).
CAPS_LOCK_NATIVE_MASKS: dict[str, int] = {"xcb": 0x2, "wayland": 0x2, "windows": 0x100, "cocoa": 0x10000}


def caps_lock_native_mask() -> int:
    """The Caps Lock bit of this platform's native key modifiers, 0 where it is unknown."""
    platform = QGuiApplication.platformName()
    return next((mask for name, mask in CAPS_LOCK_NATIVE_MASKS.items() if platform.startswith(name)), 0)


class CapsLockWatcher(QObject):
    """Shows ``message`` under ``fields`` while Caps Lock is on and one of them has the focus."""

    changed = Signal()  # the warning appeared or went: the page updates its fields' descriptions

    def __init__(
        self, fields: Sequence[QLineEdit], message: FieldMessage, announcer: Announcer, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._fields = tuple(fields)
        self._message = message
        self._announcer = announcer
        self._on = False
        for field in self._fields:
            field.installEventFilter(self)

    def warning(self) -> str | None:
        """The warning while it is shown, for the focused field's description; None otherwise."""
        self._message.retranslate()  # right after a language switch, before the message's own event
        return self._message.text() or None

    def reset(self) -> None:
        """Forget the state (the next candidate): no warning until a key says Caps Lock is on."""
        self._on = False
        self._show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self._fields:
            kind = event.type()
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                self._read(event, watched)
            elif kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self._show()
        return super().eventFilter(watched, event)

    def _read(self, event: QKeyEvent, field: QObject) -> None:
        if event.key() == Qt.Key.Key_CapsLock:
            # The modifiers of this very event describe the state before the press: toggle instead.
            self._set(not self._on, field)
            return
        mask = caps_lock_native_mask()
        # Only real key events carry the platform's modifiers; synthetic ones (tests) carry none.
        if mask and (event.spontaneous() or event.nativeScanCode()):
            self._set(bool(event.nativeModifiers() & mask), field)

    def _set(self, on: bool, field: QObject) -> None:
        if on == self._on:
            return
        self._on = on
        self._show()
        if on and isinstance(field, QLineEdit):
            self._announcer.announce(field, translated("CapsLockWatcher", CAPS_LOCK_WARNING))

    def _show(self) -> None:
        visible = self._on and QApplication.focusWidget() in self._fields
        if visible and not self._message.text():
            self._message.show_message("warning", translated("CapsLockWatcher", CAPS_LOCK_WARNING))
        elif not visible and self._message.text():
            self._message.clear()
        else:
            return
        self.changed.emit()
