"""The operator's console: the day's figures, the export, the end-of-fair purge, quitting the kiosk.

A dialog over the main window (``ui/operator_console.ui``, scrolling at 200 % text): today's and the
total counts as sentences, today's accounts per hour (``chart.HourlyChart``), "Exporter en CSV…" and
"Exporter en JSON…" through a save dialog (with or without the audit), "Effacer toutes les données
des candidats…" behind a typed confirmation (``PurgeDialog``), the audit table, "Quitter la borne"
on a kiosk and "Fermer". The export and the purge run on the worker; their outcome is shown under
their button and announced. Nothing here shows a candidate's address: only counts. A language switch
says everything again in the new language: the forms, the figures, the chart, the audit table's
headers and actions, the outcomes shown (``retranslate``).
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)

from monmaster_desktop import texts as core_texts
from monmaster_desktop.accounts.operator import (
    AuditAction,
    AuditEntry,
    ExportFormat,
    ExportResult,
    OperatorService,
    PurgeResult,
)
from monmaster_desktop.accounts.store import StorageError
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.kiosk.dialogs import FormDialog
from monmaster_desktop.gui.language import format_date, format_date_time, translated
from monmaster_desktop.gui.operator import texts
from monmaster_desktop.gui.operator.chart import HourlyChart
from monmaster_desktop.gui.operator.dialog import OperatorDialog
from monmaster_desktop.gui.widgets.entries_table import EntriesTableModel, show_entries_in
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.widgets.save_dialog import ask_save_path, default_save_directory
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.i18n import again, gettext, message, plural_message, sentences
from monmaster_desktop.settings import os_error_reason

W = TypeVar("W", bound=QWidget)
CONSOLE_FORM = "operator_console.ui"
PURGE_FORM = "operator_purge_dialog.ui"


class AuditModel(EntriesTableModel[AuditEntry]):
    COLUMN_TITLES = texts.AUDIT_COLUMNS
    TITLES_CONTEXT = texts.CONTEXT

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        entry = self._entries[index.row()]
        if index.column() == 0:
            return format_date_time(entry.at)
        if index.column() == 1:
            return gettext(core_texts.AUDIT_ACTIONS[entry.action.value])
        return texts.AUDIT_EMPTY if entry.count is None else str(entry.count)


def purge_word() -> str:
    """The word typed to confirm the purge, in the language shown ("EFFACER", "ERASE")."""
    return translated(texts.CONTEXT, texts.PURGE_WORD)


class PurgeDialog(FormDialog):
    """ "Effacer les données des candidats": says how many accounts, asks to type EFFACER.

    "Annuler" is the default button; "Effacer définitivement" is enabled only once the word is typed
    — the word of the language shown (``purge_word``): after a switch, the new language's.
    """

    def __init__(self, accounts: int, parent: QWidget | None = None) -> None:
        super().__init__(PURGE_FORM, parent, default_button="cancelButton", modal=True)
        self.setObjectName("operatorPurgeDialog")
        self.warning_label = self.child(QLabel, "warningLabel")
        self.confirmation_edit = self.child(QLineEdit, "confirmationEdit")
        self.purge_button = self.child(QPushButton, "purgeButton")
        self.cancel_button = self.child(QPushButton, "cancelButton")
        self.instruction_label = self.child(QLabel, "instructionLabel")
        self._accounts = accounts
        self.confirmation_edit.textChanged.connect(self._confirmation_changed)
        self.purge_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self._say_texts()

    def retranslate(self) -> None:
        super().retranslate()
        self._say_texts()
        self._confirmation_changed()

    def _say_texts(self) -> None:
        self.warning_label.setText(plural_message(*core_texts.PURGE_WARNING, self._accounts))
        instruction = translated(texts.CONTEXT, texts.PURGE_INSTRUCTION, word=purge_word())
        self.instruction_label.setText(instruction)
        self.confirmation_edit.setAccessibleDescription(instruction)

    def confirmed(self) -> bool:
        return self.confirmation_edit.text().strip().upper() == purge_word().upper()

    def _confirmation_changed(self) -> None:
        self.purge_button.setEnabled(self.confirmed())

    def accept(self) -> None:
        if self.confirmed():
            super().accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.confirmation_edit.setFocus(Qt.FocusReason.OtherFocusReason)


class OperatorConsole(OperatorDialog):
    quit_requested = Signal()  # "Quitter la borne"
    purged = Signal()  # the candidates' data is gone: the kiosk ends the session on screen

    def __init__(
        self,
        operator: OperatorService,
        runner: TaskRunner,
        announcer: Announcer,
        parent: QWidget | None = None,
        *,
        kiosk: bool = False,
    ) -> None:
        super().__init__(CONSOLE_FORM, operator, runner, announcer, parent, default_button="closeButton")
        self.setObjectName("operatorConsole")
        self._day = date.today()

        self.scroll_area = self._child(QScrollArea, "contentScrollArea")
        self.heading = self._child(QLabel, "headingLabel")
        self.heading.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # where the console opens, for screen readers
        self.today_label = self._child(QLabel, "todayLabel")
        self.total_label = self._child(QLabel, "totalLabel")
        self.chart = HourlyChart()
        placeholder_layout = self._child(QWidget, "chartPlaceholder").layout()
        assert placeholder_layout is not None
        placeholder_layout.addWidget(self.chart)
        self._child(QLabel, "chartHeading").setBuddy(self.chart)
        self.include_audit = self._child(QCheckBox, "includeAuditCheckBox")
        self.export_csv_button = self._child(QAbstractButton, "exportCsvButton")
        self.export_json_button = self._child(QAbstractButton, "exportJsonButton")
        self.export_message = self._child(FieldMessage, "exportMessage")
        self.purge_button = self._child(QAbstractButton, "purgeButton")
        self.purge_message = self._child(FieldMessage, "purgeMessage")
        self.audit_table = self._child(QTableView, "auditTable")
        self.quit_button = self._child(QAbstractButton, "quitKioskButton")
        self.close_button = self._child(QAbstractButton, "closeButton")
        self._today_text = ""  # the figures shown (i18n.Messages), said again after a language switch
        self._total_text = ""
        self.audit_model = AuditModel(self)
        fit, share = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        show_entries_in(self.audit_table, self.audit_model, {0: fit, 1: share, 2: fit})

        self.quit_button.setVisible(kiosk)
        self.export_csv_button.clicked.connect(lambda: self.export(ExportFormat.CSV))
        self.export_json_button.clicked.connect(lambda: self.export(ExportFormat.JSON))
        self.purge_button.clicked.connect(self.ask_purge)
        self.quit_button.clicked.connect(self._quit)
        self.close_button.clicked.connect(self.reject)
        self.refresh()

    def _child(self, kind: type[W], name: str) -> W:
        return self.child(kind, name)

    def retranslate(self) -> None:
        """The form, the figures and the audit table in the current language (the chart and the
        outcomes shown say themselves again)."""
        super().retranslate()
        self._show_figures(again(self._today_text), again(self._total_text))
        self.audit_model.retranslate()

    def _show_figures(self, today: str, total: str) -> None:
        self._today_text, self._total_text = today, total
        self.today_label.setText(today)
        self.total_label.setText(total)

    # --- figures and audit ----------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            figures = self._operator.figures()
            audit = self._operator.audit()
        except StorageError as error:
            self._show_figures(error.message, "")
            return
        today, total = figures.today, figures.total
        day = format_date(figures.day)
        self._show_figures(
            core_texts.figures(core_texts.FIGURES_TODAY, today.created, today.pending, today.active, day=day),
            core_texts.figures(core_texts.FIGURES_TOTAL, total.created, total.pending, total.active),
        )
        self.chart.set_counts(figures.per_hour)
        self.audit_model.set_entries(audit)
        self._day = figures.day

    # --- export ---------------------------------------------------------------------------------------

    def ask_export_path(self, kind: ExportFormat, default: Path) -> Path | None:
        """Where to write the export; None when the operator cancels. Tests override it."""
        file_filter = texts.EXPORT_CSV_FILTER if kind is ExportFormat.CSV else texts.EXPORT_JSON_FILTER
        title = translated(texts.CONTEXT, texts.EXPORT_DIALOG_TITLE)
        return ask_save_path(self, title, default, translated(texts.CONTEXT, file_filter), f".{kind.value}")

    def export(self, kind: ExportFormat) -> None:
        if self._busy:
            return
        stem = translated(texts.CONTEXT, texts.EXPORT_DEFAULT_NAME, day=self._day.isoformat())
        name = f"{stem}.{kind.value}"
        destination = self.ask_export_path(kind, default_save_directory() / name)
        if destination is None:
            return
        include_audit = self.include_audit.isChecked()
        self._set_busy(True)
        self._runner.submit(
            lambda: self._operator.export(destination, kind, include_audit=include_audit),
            self._exported,
            lambda error: self._export_failed(destination, error),
        )

    def _exported(self, result: ExportResult) -> None:
        self._set_busy(False)
        lines = [core_texts.export_done(result.accounts, result.files[0])]
        lines += [message(core_texts.EXPORT_AUDIT_DONE, path=path) for path in result.files[1:]]
        self._say(self.export_message, "success", sentences(*lines))
        self.refresh()

    def _export_failed(self, destination: Path, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, StorageError):
            said = error.message
        elif isinstance(error, OSError):
            said = message(core_texts.EXPORT_FAILED, path=destination, reason=os_error_reason(error))
        else:
            said = message(core_texts.UNEXPECTED_ERROR)
        self._say(self.export_message, "error", said)

    # --- purge ----------------------------------------------------------------------------------------

    def make_purge_dialog(self, accounts: int) -> PurgeDialog:
        return PurgeDialog(accounts, self)

    def ask_purge(self) -> None:
        if self._busy:
            return
        try:
            accounts = self._operator.figures().total.created
        except StorageError as error:
            self._say(self.purge_message, "error", error.message)
            return
        dialog = self.make_purge_dialog(accounts)
        dialog.accepted.connect(self._purge)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _purge(self) -> None:
        self._set_busy(True)
        self._runner.submit(self._operator.purge, self._purged, self._purge_failed)

    def _purged(self, result: PurgeResult) -> None:
        self._set_busy(False)
        said = core_texts.purge_done(result.accounts, result.mails, result.set_aside_files)
        self._say(self.purge_message, "success", said)
        self.refresh()
        self.purged.emit()

    def _purge_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        said = error.message if isinstance(error, StorageError) else message(core_texts.UNEXPECTED_ERROR)
        self._say(self.purge_message, "error", said)

    # --- the rest -------------------------------------------------------------------------------------

    def _quit(self) -> None:
        with suppress(StorageError):  # quitting must not depend on the disk
            self._operator.record(AuditAction.KIOSK_QUIT)
        self.quit_requested.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.export_csv_button, self.export_json_button, self.purge_button):
            button.setEnabled(not busy)

    def _say(self, where: FieldMessage, kind: str, message: str) -> None:
        where.show_message(kind, message)
        self.scroll_area.ensureWidgetVisible(where)
        self._announcer.announce(where, message, assertive=kind == "error")

    def fit_to_screen(self) -> None:
        """About 100 characters by 60 lines (it scrolls), never more than the screen."""
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * 100 + 80
        height = metrics.lineSpacing() * 60
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width = min(width, int(screen.width() * 0.95))
            height = min(height, int(screen.height() * 0.95))
        self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.heading.setFocus(Qt.FocusReason.OtherFocusReason)
