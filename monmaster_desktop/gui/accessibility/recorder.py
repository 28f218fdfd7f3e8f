"""The testers' accessibility log, its window, and the "Accessibilité" menu (Journal, Aller à).

``AccessibilityLog`` records, with the time, every announcement the application sends through its
``Announcer`` (text and politeness) and every focus change (the newly focused control's role, name
and description, read through ``QAccessible``), so a tester can compare what the screen reader said
with what the application sent. ``AccessibilityLogWindow`` shows it live and saves it as text.

The log never contains what was typed: it never reads an accessible *value* (``QAccessible.Text.Value``)
nor a field's text, and as a second guard it masks the current text of every password field wherever
it would appear. Focus changes inside the log window itself are not recorded (a tester reading the log
would otherwise fill it), nor are the steps that bring a scenario window to its state.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.accessibility.password_protection import is_protected_field
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.forms import find_child, load_form
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.testers.scenarios import (
    SCENARIO_OPENED,
    SCENARIOS,
    Scenario,
    ScenarioWindow,
    open_scenario_window,
)
from monmaster_desktop.gui.widgets.entries_table import EntriesTableModel, show_entries_in
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.widgets.save_dialog import ask_save_path, default_save_directory

W = TypeVar("W", bound=QObject)

# --- French texts (project-written; the window's static texts are in ui/a11y_log_window.ui) ----------
ANNOUNCEMENT = "annonce"
FOCUS = "focus"
POLITE = "polie"
ASSERTIVE = "assertive"
PASSWORD_FIELD_ROLE = "zone de mot de passe"
MASKED = "[masqué]"
COLUMN_TITLES = ("Heure", "Type", "Politesse ou rôle", "Texte ou nom", "Description")
NO_ENTRY = "Aucune entrée pour l'instant."
ONE_ENTRY = "1 entrée."
ENTRIES = "{count} entrées."
ENTRIES_FULL = "{count} entrées : les plus anciennes ne sont plus gardées."
SAVE_DIALOG_TITLE = "Enregistrer le journal"
SAVE_DIALOG_FILTER = "Texte (*.txt)"
SAVED = "Journal enregistré : {path}"
SAVE_FAILED = "Le journal n'a pas pu être enregistré à cet endroit. Choisissez un autre dossier."
CLEARED = "Journal effacé."
MENU_TITLE = "Acce&ssibilité"
LOG_ACTION = "&Journal"
GO_TO_MENU = "&Aller à"
SCENARIO_FAILED_TITLE = "Aller à"
SCENARIO_FAILED = "Ce scénario n'a pas pu être ouvert. Votre fenêtre n'a pas changé."

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
LOG_SHORTCUT = QKeySequence("Ctrl+Shift+J")
# A password shorter than this is not searched for in the log's texts (it would mask ordinary words).
MIN_MASKED_LENGTH = 4
# How close to the end (in pixels) the view must be to keep following new entries.
FOLLOW_SLACK_PX = 4
MENU_OBJECT_NAME = "accessibilityMenu"


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


# --- the window ---------------------------------------------------------------------------------------


class AccessibilityLogModel(EntriesTableModel):
    """The log's entries as a table that grows live, bounded like the log."""

    COLUMN_TITLES = COLUMN_TITLES

    def __init__(self, log: AccessibilityLog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self._entries: list[LogEntry] = log.entries()
        log.entry_added.connect(self._append)
        log.cleared.connect(self._reset)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._entries[index.row()].columns()[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:  # wrapped texts: every cell starts on the first line
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return None

    def entry(self, row: int) -> LogEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _append(self, entry: LogEntry) -> None:
        if len(self._entries) >= self._log.max_entries:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self._entries[0]
            self.endRemoveRows()
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self.endInsertRows()

    def _reset(self) -> None:
        self.beginResetModel()
        self._entries = self._log.entries()
        self.endResetModel()


class AccessibilityLogWindow(QDialog):
    """ "Journal d'accessibilité": the entries live, "Enregistrer le journal…", "Effacer", "Fermer".

    A non-modal top-level dialog (the page background and Escape come with QDialog). It follows new
    entries unless the tester has scrolled up to read older ones. Its own messages use an announcer
    of their own, not the application's: the log records the application, not itself.
    """

    def __init__(self, log: AccessibilityLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowMinMaxButtonsHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.setModal(False)
        self.setObjectName("accessibilityLogWindow")
        self.log = log
        self.form = load_form("a11y_log_window.ui")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())  # "Journal d'accessibilité", from the form

        self.heading_label = self._child(QLabel, "headingLabel")
        self.count_label = self._child(QLabel, "entryCountLabel")
        self.table = self._child(QTableView, "entriesTable")
        self.status_message = self._child(FieldMessage, "statusMessage")
        self.save_button = self._child(QPushButton, "saveButton")
        self.clear_button = self._child(QPushButton, "clearButton")
        self.close_button = self._child(QPushButton, "closeButton")

        self.model = AccessibilityLogModel(log, self)
        self._following = True
        self._refit_rows = QTimer(self)
        self._refit_rows.setSingleShot(True)
        self._refit_rows.setInterval(100)
        self._refit_rows.timeout.connect(self._refit_all_rows)
        self._configure_table()
        self._own_announcer = Announcer(self)
        log.ignore_focus_within(self)

        self.save_button.clicked.connect(self._save)
        self.clear_button.clicked.connect(self._clear)
        self.close_button.clicked.connect(self.close)
        for first, second in itertools.pairwise(
            (self.table, self.save_button, self.clear_button, self.close_button)
        ):
            QWidget.setTabOrder(first, second)
        self._update_count()
        self.resize(1000, 640)

    # --- public API -------------------------------------------------------------------------------------

    def open_and_focus(self) -> None:
        """Show and raise the window, at the newest entry, the keyboard on the list."""
        self.status_message.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self._following = True
        self._refit_rows.start()  # once the window has its size: rows fitted, the newest in view
        self.table.scrollToBottom()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def ask_save_path(self, default: Path) -> Path | None:
        """Where to save the log; None when the tester cancels. Tests override it."""
        return ask_save_path(self, SAVE_DIALOG_TITLE, default, SAVE_DIALOG_FILTER, ".txt")

    # --- building ---------------------------------------------------------------------------------------

    def _child(self, kind: type[W], name: str) -> W:
        return find_child(self.form, kind, name, "a11y_log_window.ui")

    def _configure_table(self) -> None:
        table = self.table
        fit, share = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        # Time, type, politeness or role: as wide as their words; text or name, description: share the
        # rest, wrapped.
        show_entries_in(table, self.model, {0: fit, 1: fit, 2: fit, 3: share, 4: share})
        table.setAlternatingRowColors(True)  # wrapped entries stay apart
        header = table.horizontalHeader()
        # Rows are fitted to their wrapped text one by one as they arrive; all again (debounced)
        # when the columns change width.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda *_: self._refit_rows.start())
        self.model.rowsAboutToBeInserted.connect(self._remember_following)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)

    # --- live -------------------------------------------------------------------------------------------

    def _remember_following(self, *_: object) -> None:
        bar = self.table.verticalScrollBar()
        self._following = bar.value() >= bar.maximum() - FOLLOW_SLACK_PX

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.table.resizeRowToContents(row)
        if self._following:
            self.table.scrollToBottom()
        self._update_count()

    def _refit_all_rows(self) -> None:
        # Whether to follow was decided by where the tester left the view, not by this change of heights.
        self.table.resizeRowsToContents()
        if self._following:
            self.table.scrollToBottom()

    def _update_count(self, *_: object) -> None:
        count = self.model.rowCount()
        if count == 0:
            text = NO_ENTRY
        elif count == 1:
            text = ONE_ENTRY
        else:
            template = ENTRIES_FULL if count >= self.log.max_entries else ENTRIES
            text = template.format(count=f"{count:,}".replace(",", "\u202f"))
        self.count_label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_refit_rows"):
            self._refit_rows.start()

    # --- actions ----------------------------------------------------------------------------------------

    def _save(self) -> None:
        default = default_save_directory() / f"journal-accessibilite-{datetime.now():%Y%m%d-%H%M%S}.txt"
        destination = self.ask_save_path(default)
        if destination is None:
            return
        try:
            written = self.log.save(destination)
        except OSError:
            self._show_status("error", SAVE_FAILED)
            return
        self._show_status("success", SAVED.format(path=written))

    def _clear(self) -> None:
        self.log.clear()
        self._show_status("info", CLEARED)

    def _show_status(self, kind: str, text: str) -> None:
        self.status_message.show_message(kind, text)
        self._own_announcer.announce(self.status_message, text, assertive=kind == "error")


# --- the menu -----------------------------------------------------------------------------------------


class AccessibilityMenu(QObject):
    """A main window's "Accessibilité" menu: "Journal" (Ctrl+Shift+J) and "Aller à" › each scenario.

    The tester's own window is the *root*: it owns the single log window and the scenario windows,
    which it closes (deleting their data) when it closes itself or the application quits. A scenario
    window gets the same menu, acting through the root. On a kiosk "Aller à" is hidden, and the log is
    emptied when the next candidate starts (announcements carry addresses).
    """

    def __init__(
        self,
        window: MainWindow,
        context: GuiContext,
        log: AccessibilityLog,
        menu: QMenu,
        opener: AccessibilityMenu | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.log = log
        self.menu = menu
        self.root: AccessibilityMenu = opener.root if opener is not None else self
        self.log_window: AccessibilityLogWindow | None = None
        self.scenario_windows: list[ScenarioWindow] = []
        self._opening = False

        self.log_action = QAction(LOG_ACTION, window)
        self.log_action.setShortcut(LOG_SHORTCUT)
        self.log_action.triggered.connect(self.open_log)
        menu.addAction(self.log_action)

        self.go_to_menu = QMenu(GO_TO_MENU, menu)
        self.go_to_menu.setObjectName("goToScenarioMenu")
        self.scenario_actions: dict[str, QAction] = {}
        for scenario in SCENARIOS:
            action = self.go_to_menu.addAction(scenario.title)
            action.triggered.connect(functools.partial(self._scenario_chosen, scenario))
            self.scenario_actions[scenario.key] = action
        self.go_to_action = menu.addMenu(self.go_to_menu)
        self.go_to_action.setVisible(not context.settings.kiosk)

        if self.root is self:
            if context.settings.kiosk:
                window.wizard.start_over_requested.connect(self._forget_candidate)
            window.installEventFilter(self)
            app = QApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.close_scenario_windows)

    # --- Journal ----------------------------------------------------------------------------------------

    def open_log(self) -> AccessibilityLogWindow:
        root = self.root
        if root.log_window is None or not shiboken6.isValid(root.log_window):
            root.log_window = AccessibilityLogWindow(self.log, root.window)
        root.log_window.open_and_focus()
        return root.log_window

    def _forget_candidate(self) -> None:
        self.log.clear()
        if self.log_window is not None and shiboken6.isValid(self.log_window):
            self.log_window.hide()

    # --- Aller à ----------------------------------------------------------------------------------------

    def open_scenario(self, scenario: Scenario) -> ScenarioWindow | None:
        """A new window in ``scenario``'s state; this window is left as it is. None if it failed."""
        root = self.root
        if root._opening:  # a scenario is being prepared: one at a time
            return None
        root._opening = True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.log.paused():
                window = open_scenario_window(
                    scenario, root.context.announcer, captcha=root.context.settings.captcha
                )
        except Exception:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window, SCENARIO_FAILED_TITLE, SCENARIO_FAILED)
            return None
        finally:
            root._opening = False
        QGuiApplication.restoreOverrideCursor()
        root.scenario_windows.append(window)
        window.data_discarded.connect(functools.partial(root._forget_scenario_window, window))
        _install(window, window.context, self.log, opener=root)
        root.context.announcer.announce(window, SCENARIO_OPENED.format(title=scenario.title))
        # Where the keyboard is in the new window (it moved there while the log was paused).
        focused = (window.outbox_window() if scenario.shows_outbox else window).focusWidget()
        if focused is not None:
            self.log.record_focus(focused)
        return window

    def _scenario_chosen(self, scenario: Scenario, _checked: bool = False) -> None:
        self.open_scenario(scenario)

    def _forget_scenario_window(self, window: ScenarioWindow) -> None:
        if window in self.scenario_windows:
            self.scenario_windows.remove(window)
            window.deleteLater()

    def close_scenario_windows(self) -> None:
        for window in list(self.scenario_windows):
            if shiboken6.isValid(window):
                window.close()  # deletes its data dir
        self.scenario_windows.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close_scenario_windows()
            if self.log_window is not None and shiboken6.isValid(self.log_window):
                self.log_window.close()
        return False


def _accessibility_menu_of(window: MainWindow) -> QMenu:
    """The window's "Accessibilité" menu: the one named ``accessibilityMenu``, or a new one before "Aide"."""
    existing = window.findChild(QMenu, MENU_OBJECT_NAME)
    if existing is not None:
        return existing
    bar = window.menuBar()
    menu = QMenu(MENU_TITLE, bar)
    menu.setObjectName(MENU_OBJECT_NAME)
    help_action = next((action for action in bar.actions() if action.text().replace("&", "") == "Aide"), None)
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    return menu


def _install(
    window: MainWindow,
    context: GuiContext,
    log: AccessibilityLog,
    menu: QMenu | None = None,
    opener: AccessibilityMenu | None = None,
) -> AccessibilityMenu:
    return AccessibilityMenu(window, context, log, menu or _accessibility_menu_of(window), opener)


def install_accessibility_menu(
    window: MainWindow, context: GuiContext, log: AccessibilityLog, menu: QMenu | None = None
) -> AccessibilityMenu:
    """Add "Journal" and "Aller à" to ``menu`` (by default the window's "Accessibilité" menu, made if
    missing, before "Aide"). "Aller à" is hidden when ``context.settings.kiosk``."""
    return _install(window, context, log, menu)
