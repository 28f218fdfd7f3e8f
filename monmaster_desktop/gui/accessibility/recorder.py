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

Each entry records the language the interface spoke when it was made (the text is in that language);
the log's own words (the type, the politeness, the role) are French sources shown in the language of
the moment.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.accessibility.password_protection import is_protected_field
from monmaster_desktop.i18n import current_language

# --- Texts (project-written): French sources, kept as such in the entries, shown translated -----------
_CONTEXT = "AccessibilityLog"
ANNOUNCEMENT = QT_TRANSLATE_NOOP("AccessibilityLog", "annonce")
FOCUS = QT_TRANSLATE_NOOP("AccessibilityLog", "focus")
POLITE = QT_TRANSLATE_NOOP("AccessibilityLog", "polie")
ASSERTIVE = QT_TRANSLATE_NOOP("AccessibilityLog", "assertive")
PASSWORD_FIELD_ROLE = QT_TRANSLATE_NOOP("AccessibilityLog", "zone de mot de passe")
MASKED = "[masqué]"  # never translated: it stands where a password was, in any language

# Names of the roles a tester meets most; any other role is shown by its Qt name.
_Role = QAccessible.Role
ROLE_NAMES: dict[QAccessible.Role, str] = {
    _Role.Button: QT_TRANSLATE_NOOP("AccessibilityLog", "bouton"),
    _Role.CheckBox: QT_TRANSLATE_NOOP("AccessibilityLog", "case à cocher"),
    _Role.RadioButton: QT_TRANSLATE_NOOP("AccessibilityLog", "bouton radio"),
    _Role.EditableText: QT_TRANSLATE_NOOP("AccessibilityLog", "zone de texte"),
    _Role.Link: QT_TRANSLATE_NOOP("AccessibilityLog", "lien"),
    _Role.Grouping: QT_TRANSLATE_NOOP("AccessibilityLog", "groupe"),
    _Role.List: QT_TRANSLATE_NOOP("AccessibilityLog", "liste"),
    _Role.ListItem: QT_TRANSLATE_NOOP("AccessibilityLog", "élément de liste"),
    _Role.Table: QT_TRANSLATE_NOOP("AccessibilityLog", "tableau"),
    _Role.Cell: QT_TRANSLATE_NOOP("AccessibilityLog", "cellule"),
    _Role.Row: QT_TRANSLATE_NOOP("AccessibilityLog", "ligne"),
    _Role.ColumnHeader: QT_TRANSLATE_NOOP("AccessibilityLog", "en-tête de colonne"),
    _Role.Tree: QT_TRANSLATE_NOOP("AccessibilityLog", "arborescence"),
    _Role.TreeItem: QT_TRANSLATE_NOOP("AccessibilityLog", "élément d'arborescence"),
    _Role.Heading: QT_TRANSLATE_NOOP("AccessibilityLog", "titre"),
    _Role.StaticText: QT_TRANSLATE_NOOP("AccessibilityLog", "texte"),
    _Role.Paragraph: QT_TRANSLATE_NOOP("AccessibilityLog", "paragraphe"),
    _Role.Document: QT_TRANSLATE_NOOP("AccessibilityLog", "document"),
    _Role.Graphic: QT_TRANSLATE_NOOP("AccessibilityLog", "image"),
    _Role.ComboBox: QT_TRANSLATE_NOOP("AccessibilityLog", "liste déroulante"),
    _Role.SpinBox: QT_TRANSLATE_NOOP("AccessibilityLog", "zone numérique"),
    _Role.Slider: QT_TRANSLATE_NOOP("AccessibilityLog", "curseur"),
    _Role.ProgressBar: QT_TRANSLATE_NOOP("AccessibilityLog", "barre de progression"),
    _Role.ScrollBar: QT_TRANSLATE_NOOP("AccessibilityLog", "barre de défilement"),
    _Role.PageTab: QT_TRANSLATE_NOOP("AccessibilityLog", "onglet"),
    _Role.PageTabList: QT_TRANSLATE_NOOP("AccessibilityLog", "liste d'onglets"),
    _Role.MenuBar: QT_TRANSLATE_NOOP("AccessibilityLog", "barre de menus"),
    _Role.PopupMenu: QT_TRANSLATE_NOOP("AccessibilityLog", "menu"),
    _Role.MenuItem: QT_TRANSLATE_NOOP("AccessibilityLog", "élément de menu"),
    _Role.ToolBar: QT_TRANSLATE_NOOP("AccessibilityLog", "barre d'outils"),
    _Role.StatusBar: QT_TRANSLATE_NOOP("AccessibilityLog", "barre d'état"),
    _Role.Dialog: QT_TRANSLATE_NOOP("AccessibilityLog", "boîte de dialogue"),
    _Role.Window: QT_TRANSLATE_NOOP("AccessibilityLog", "fenêtre"),
    _Role.Pane: QT_TRANSLATE_NOOP("AccessibilityLog", "panneau"),
    _Role.Client: QT_TRANSLATE_NOOP("AccessibilityLog", "zone"),
    _Role.Form: QT_TRANSLATE_NOOP("AccessibilityLog", "formulaire"),
    _Role.AlertMessage: QT_TRANSLATE_NOOP("AccessibilityLog", "alerte"),
    _Role.Notification: QT_TRANSLATE_NOOP("AccessibilityLog", "notification"),
}

MAX_ENTRIES = 5000
# A password shorter than this is not searched for in the log's texts (it would mask ordinary words).
MIN_MASKED_LENGTH = 4


def role_name(interface: QAccessibleInterface) -> str:
    """The role a screen reader would say, as a French source ("zone de mot de passe": a password field)."""
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
    role: str = ""  # focus: the focused control's role (a French source of ROLE_NAMES, or Qt's name)
    name: str = ""  # focus: its accessible name
    description: str = ""  # focus: its accessible description
    language: str = "fr"  # the language of the interface when the entry was made ("fr", "en")

    def columns(self) -> tuple[str, str, str, str, str, str]:
        """Heure, Type, Politesse ou rôle, Texte ou nom, Description, Langue (the time as hh:mm:ss.mmm).

        The log's own words in the language of the moment; the texts as they were said.
        """

        def word(source: str) -> str:
            return QCoreApplication.translate(_CONTEXT, source) if source else ""

        if self.kind == ANNOUNCEMENT:
            return (self.clock_time(), word(self.kind), word(self.politeness), self.text, "", self.language)
        return (
            self.clock_time(),
            word(self.kind),
            word(self.role),
            self.name,
            self.description,
            self.language,
        )

    def clock_time(self) -> str:
        return self.time.isoformat(timespec="milliseconds").split("T")[1]

    def as_line(self) -> str:
        """Tab-separated, the time in ISO 8601 with milliseconds; tabs and line breaks become spaces."""
        fields = (self.time.isoformat(timespec="milliseconds"), *self.columns()[1:])
        return "\t".join(" ".join(field.split()) for field in fields)


def _password_values() -> list[str]:
    """The current text of every password field of the application, longest first."""
    # allWidgets, not each window's findChildren: a focus change is also logged while a window is
    # being destroyed, and findChildren would then return its line edits half destroyed.
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
                language=current_language(),
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
                language=current_language(),
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
        """One tab-separated line per entry: time, type, politeness or role, text or name, description,
        language."""
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
