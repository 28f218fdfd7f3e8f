"""The testers' log window, "Journal d'accessibilité": the recorder's entries live, saved as text.

Layout in ``ui/a11y_log_window.ui``; the entries come from ``accessibility.recorder.AccessibilityLog``.
It never records itself: the recorder is told to ignore focus inside it, and its own messages go
through an announcer of its own.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from monmaster_desktop import texts
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.accessibility.recorder import AccessibilityLog, LogEntry
from monmaster_desktop.gui.forms import find_child, load_form, retranslate_form
from monmaster_desktop.gui.language import is_language_change, translated
from monmaster_desktop.gui.widgets.entries_table import EntriesTableModel, show_entries_in
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.widgets.save_dialog import ask_save_path, default_save_directory
from monmaster_desktop.i18n import plural_message

W = TypeVar("W", bound=QObject)

# --- Texts built at run time (project-written; the static ones are in ui/a11y_log_window.ui) ----------
_CONTEXT = "AccessibilityLogWindow"
COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Heure"),
    QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Type"),
    QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Politesse ou rôle"),
    QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Texte ou nom"),
    QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Description"),
    QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Langue"),
)
NO_ENTRY = QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Aucune entrée pour l'instant.")
ENTRIES_FULL = QT_TRANSLATE_NOOP(
    "AccessibilityLogWindow", "{count} entrées : les plus anciennes ne sont plus gardées."
)
SAVE_DIALOG_TITLE = QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Enregistrer le journal")
SAVE_DIALOG_FILTER = QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Texte (*.txt)")
SAVE_FILE_NAME = QT_TRANSLATE_NOOP("AccessibilityLogWindow", "journal-accessibilite-{moment}.txt")
SAVED = QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Journal enregistré : {path}")
SAVE_FAILED = QT_TRANSLATE_NOOP(
    "AccessibilityLogWindow",
    "Le journal n'a pas pu être enregistré à cet endroit. Choisissez un autre dossier.",
)
CLEARED = QT_TRANSLATE_NOOP("AccessibilityLogWindow", "Journal effacé.")

# How close to the end (in pixels) the view must be to keep following new entries.
FOLLOW_SLACK_PX = 4


class AccessibilityLogModel(EntriesTableModel):
    """The log's entries as a table that grows live, bounded like the log."""

    COLUMN_TITLES = COLUMN_TITLES
    TITLES_CONTEXT = _CONTEXT

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
        # First, before anything can send a style or font change to changeEvent.
        self._refit_rows = QTimer(self)
        self._refit_rows.setSingleShot(True)
        self._refit_rows.setInterval(100)
        self._refit_rows.timeout.connect(self._refit_all_rows)
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

        self.heading_label = self._child(QLabel, "headingLabel")
        self.count_label = self._child(QLabel, "entryCountLabel")
        self.table = self._child(QTableView, "entriesTable")
        self.status_message = self._child(FieldMessage, "statusMessage")
        self.save_button = self._child(QPushButton, "saveButton")
        self.clear_button = self._child(QPushButton, "clearButton")
        self.close_button = self._child(QPushButton, "closeButton")

        self.model = AccessibilityLogModel(log, self)
        self._following = True
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
        self.retranslate()
        self.resize(1000, 640)

    def retranslate(self) -> None:
        """The window's texts in the current language; the entries keep the words they were said in."""
        retranslate_form(self.form)
        self.setWindowTitle(self.form.windowTitle())  # "Journal d'accessibilité", from the form
        self.status_message.retranslate()
        self.model.retranslate()
        self._update_count()

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
        title, file_filter = translated(_CONTEXT, SAVE_DIALOG_TITLE), translated(_CONTEXT, SAVE_DIALOG_FILTER)
        return ask_save_path(self, title, default, file_filter, ".txt")

    # --- building ---------------------------------------------------------------------------------------

    def _child(self, kind: type[W], name: str) -> W:
        return find_child(self.form, kind, name, "a11y_log_window.ui")

    def _configure_table(self) -> None:
        table = self.table
        fit, share = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        # Time, type, politeness or role, language: as wide as their words; text or name, description:
        # share the rest, wrapped.
        show_entries_in(table, self.model, {0: fit, 1: fit, 2: fit, 3: share, 4: share, 5: fit})
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
            text: str = translated(_CONTEXT, NO_ENTRY)
        elif count >= self.log.max_entries:
            text = translated(_CONTEXT, ENTRIES_FULL, count=f"{count:,}".replace(",", "\u202f"))
        else:
            text = plural_message(*texts.LOG_ENTRIES, count)
        self.count_label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.retranslate()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit_rows.start()

    # --- actions ----------------------------------------------------------------------------------------

    def _save(self) -> None:
        name = translated(_CONTEXT, SAVE_FILE_NAME, moment=f"{datetime.now():%Y%m%d-%H%M%S}")
        default = default_save_directory() / name
        destination = self.ask_save_path(default)
        if destination is None:
            return
        try:
            written = self.log.save(destination)
        except OSError:
            self._show_status("error", translated(_CONTEXT, SAVE_FAILED))
            return
        self._show_status("success", translated(_CONTEXT, SAVED, path=written))

    def _clear(self) -> None:
        self.log.clear()
        self._show_status("info", translated(_CONTEXT, CLEARED))

    def _show_status(self, kind: str, text: str) -> None:
        self.status_message.show_message(kind, text)
        self._own_announcer.announce(self.status_message, text, assertive=kind == "error")
