"""The testers' accessibility recorder: every announcement and focus change, with its time.

``AccessibilityLog`` records every announcement the application sends through its ``Announcer`` (text
and politeness) and every focus change (the newly focused control's role, name and description, read
through ``QAccessible``), so a tester can compare what the screen reader said with what the application
sent. It knows nothing of windows: the testers' log window (``testers/log_window.py``) shows it, the
"Accessibilité" menu (``testers/menu.py``) opens that window, ``app.py`` starts the recording.

The log never contains what was typed: it never reads an accessible *value* (``QAccessible.Text.Value``)
nor a field's text, and as a second guard it masks the current text of every password field wherever
it would appear. Focus changes inside widgets it is told to ignore (the log window) are not recorded,
nor is anything while it is paused (the steps that bring a scenario window to its state).
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.accessibility.password_protection import is_protected_field

# --- French texts (project-written) --------------------------------------------------------------------
ANNOUNCEMENT = "annonce"
FOCUS = "focus"
POLITE = "polie"
ASSERTIVE = "assertive"
PASSWORD_FIELD_ROLE = "zone de mot de passe"
MASKED = "[masqué]"

# French names of the roles a tester meets most; any other role is shown by its Qt name.
_Role = QAccessible.Role
ROLE_NAMES: dict[QAccessible.Role, str] = {
    _Role.Button: "bouton",
    _Role.CheckBox: "case à cocher",
    _Role.RadioButton: "bouton radio",
    _Role.EditableText: "zone de texte",
    _Role.Link: "lien",
    _Role.Grouping: "groupe",
    _Role.List: "liste",
    _Role.ListItem: "élément de liste",
    _Role.Table: "tableau",
    _Role.Cell: "cellule",
    _Role.Row: "ligne",
    _Role.ColumnHeader: "en-tête de colonne",
    _Role.Tree: "arborescence",
    _Role.TreeItem: "élément d'arborescence",
    _Role.Heading: "titre",
    _Role.StaticText: "texte",
    _Role.Paragraph: "paragraphe",
    _Role.Document: "document",
    _Role.Graphic: "image",
    _Role.ComboBox: "liste déroulante",
    _Role.SpinBox: "zone numérique",
    _Role.Slider: "curseur",
    _Role.ProgressBar: "barre de progression",
    _Role.ScrollBar: "barre de défilement",
    _Role.PageTab: "onglet",
    _Role.PageTabList: "liste d'onglets",
    _Role.MenuBar: "barre de menus",
    _Role.PopupMenu: "menu",
    _Role.MenuItem: "élément de menu",
    _Role.ToolBar: "barre d'outils",
    _Role.StatusBar: "barre d'état",
    _Role.Dialog: "boîte de dialogue",
    _Role.Window: "fenêtre",
    _Role.Pane: "panneau",
    _Role.Client: "zone",
    _Role.Form: "formulaire",
    _Role.AlertMessage: "alerte",
    _Role.Notification: "notification",
}

MAX_ENTRIES = 5000
# A password shorter than this is not searched for in the log's texts (it would mask ordinary words).
MIN_MASKED_LENGTH = 4


def role_name(interface: QAccessibleInterface) -> str:
    """The role a screen reader would say, in French ("zone de mot de passe" for a password field)."""
    role = interface.role()
    if role == _Role.EditableText and interface.state().passwordEdit:
        return PASSWORD_FIELD_ROLE
    return ROLE_NAMES.get(role, getattr(role, "name", str(role)))


@dataclass(frozen=True)
class LogEntry:
    """One line of the log: an announcement (text, politeness) or a focus change (role, name, description)."""

    time: datetime
    kind: str  # ANNOUNCEMENT or FOCUS
    text: str = ""  # announcements: what was sent to the screen reader
    politeness: str = ""  # announcements: POLITE or ASSERTIVE
    role: str = ""  # focus: the focused control's role, in French
    name: str = ""  # focus: its accessible name
    description: str = ""  # focus: its accessible description

    def columns(self) -> tuple[str, str, str, str, str]:
        """Heure, Type, Politesse ou rôle, Texte ou nom, Description (the time as hh:mm:ss.mmm)."""
        if self.kind == ANNOUNCEMENT:
            return (self.clock_time(), self.kind, self.politeness, self.text, "")
        return (self.clock_time(), self.kind, self.role, self.name, self.description)

    def clock_time(self) -> str:
        return self.time.isoformat(timespec="milliseconds").split("T")[1]

    def as_line(self) -> str:
        """Tab-separated, the time in ISO 8601 with milliseconds; tabs and line breaks become spaces."""
        fields = (self.time.isoformat(timespec="milliseconds"), *self.columns()[1:])
        return "\t".join(" ".join(field.split()) for field in fields)


def _password_values() -> list[str]:
    """The current text of every password field of the application, longest first."""
    values = {
        widget.text()
        for widget in QApplication.allWidgets()
        if isinstance(widget, QLineEdit) and is_protected_field(widget)
    }
    return sorted((value for value in values if len(value) >= MIN_MASKED_LENGTH), key=len, reverse=True)


def _masked(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, MASKED)
    return text


class AccessibilityLog(QObject):
    """Announcements and focus changes, with their times; the oldest entries go beyond ``max_entries``."""

    entry_added = Signal(object)  # LogEntry
    cleared = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_entries: int = MAX_ENTRIES,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.max_entries = max_entries
        self._clock = clock  # local time: the tester compares it with the screen reader's own log
        self._entries: deque[LogEntry] = deque(maxlen=max_entries)
        self._ignored: list[QWidget] = []
        self._paused = 0

    # --- sources ----------------------------------------------------------------------------------------

    def watch_announcer(self, announcer: Announcer) -> None:
        announcer.announced.connect(self.record_announcement)

    def watch_focus(self, app: QApplication) -> None:
        app.focusChanged.connect(self._focus_changed)

    def ignore_focus_within(self, widget: QWidget) -> None:
        """Focus changes inside ``widget`` (and its dialogs) are not recorded: the log's own window."""
        self._ignored.append(widget)

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Record nothing meanwhile (a scenario window being driven to its state)."""
        self._paused += 1
        try:
            yield
        finally:
            self._paused -= 1

    # --- recording --------------------------------------------------------------------------------------

    def record_announcement(self, text: str, assertive: bool) -> None:
        if self._paused:
            return
        self._add(
            LogEntry(
                time=self._clock(),
                kind=ANNOUNCEMENT,
                text=_masked(text, _password_values()),
                politeness=ASSERTIVE if assertive else POLITE,
            )
        )

    def record_focus(self, widget: QWidget) -> None:
        """The control's role, name and description as assistive technologies read them (never its value)."""
        if self._paused or self._is_ignored(widget):
            return
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None and interface.isValid():
            role = role_name(interface)
            name = interface.text(QAccessible.Text.Name)
            description = interface.text(QAccessible.Text.Description)
        else:
            role, name, description = "", widget.accessibleName(), widget.accessibleDescription()
        secrets = _password_values()
        self._add(
            LogEntry(
                time=self._clock(),
                kind=FOCUS,
                role=role,
                name=_masked(name, secrets),
                description=_masked(description, secrets),
            )
        )

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            self.record_focus(new)

    def _is_ignored(self, widget: QWidget) -> bool:
        self._ignored = [ignored for ignored in self._ignored if shiboken6.isValid(ignored)]
        current: QWidget | None = widget
        while current is not None:  # parentWidget() crosses into a dialog's parent window too
            if any(current is ignored for ignored in self._ignored):
                return True
            current = current.parentWidget()
        return False

    def _add(self, entry: LogEntry) -> None:
        self._entries.append(entry)
        self.entry_added.emit(entry)

    # --- reading ----------------------------------------------------------------------------------------

    def entries(self) -> list[LogEntry]:
        return list(self._entries)

    def clear(self) -> None:
        self._entries.clear()
        self.cleared.emit()

    def as_text(self) -> str:
        """One tab-separated line per entry: time, type, politeness or role, text or name, description."""
        return "".join(f"{entry.as_line()}\n" for entry in self._entries)

    def save(self, path: Path) -> Path:
        path.write_text(self.as_text(), encoding="utf-8")
        return path


def start_accessibility_log(announcer: Announcer) -> AccessibilityLog:
    """The application's log, recording from now on; it lives as long as the QApplication."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create_application() first"
    log = AccessibilityLog(app)
    log.watch_announcer(announcer)
    log.watch_focus(app)
    return log
