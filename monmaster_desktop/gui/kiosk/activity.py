"""What counts as someone using the kiosk: input anywhere in the application, and assistive tools acting.

``ActivityMonitor`` watches the whole application (an event filter on the ``QApplication``):

- **input**: a key (``ShortcutOverride`` too, which is all a shortcut key sends), a mouse button, the
  wheel, a touch, a pen, an input method's text;
- **an assistive technology acting**: a button pressed or toggled through the accessibility API
  (Qt's accessible "Press" calls ``animateClick``, which emits ``pressed``, and "Toggle" emits
  ``toggled``, without any input event), and the focus moved by a screen reader (``focusChanged``).

Each is reported through ``activity(kind)``: ``"input"`` or ``"assistive"``. It can also swallow the
input meant for other windows while one window must be answered first (``hold_input_for``): the idle
warning answers to a click anywhere, and that click must not also press what lies under it. It
never looks at what is typed: only at the kind of event.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)
INPUT = "input"
ASSISTIVE = "assistive"


class ActivityMonitor(QObject):
    activity = Signal(str)  # INPUT or ASSISTIVE

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._held_for: QWidget | None = None
        self._stopped = False
        app.installEventFilter(self)
        app.focusChanged.connect(self._focus_changed)
        # Buttons that exist already; later ones are caught when Qt polishes them.
        for widget in app.allWidgets():
            if isinstance(widget, QAbstractButton):
                self._watch_button(widget)

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._app.removeEventFilter(self)
        self._app.focusChanged.disconnect(self._focus_changed)

    def hold_input_for(self, window: QWidget | None) -> None:
        """While ``window`` is set, input meant for any other window is reported and swallowed."""
        self._held_for = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QAbstractButton):
            self._watch_button(watched)
            return False
        if kind not in INPUT_EVENTS:
            return False
        # Qt delivers an input event to the window, then to the widget: both report it (the clock
        # restarts twice, no harm), and the window's is the one swallowed while input is held.
        if isinstance(watched, (QWindow, QWidget)):
            self.activity.emit(INPUT)
            return self._held_for is not None and not self._belongs_to_held_window(watched)
        return False

    def _belongs_to_held_window(self, watched: QObject) -> bool:
        held = self._held_for
        if held is None:
            return True
        if isinstance(watched, QWidget):
            return watched.window() is held
        return watched is held.windowHandle()

    def _watch_button(self, button: QAbstractButton) -> None:
        if button.property("_activityWatched"):
            return
        button.setProperty("_activityWatched", True)
        button.pressed.connect(self._assistive)
        button.toggled.connect(self._assistive)

    def _assistive(self, *_arguments: object) -> None:
        self.activity.emit(ASSISTIVE)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            self.activity.emit(ASSISTIVE)
