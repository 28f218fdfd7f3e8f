"""The operator's console: the day's figures, the export, the end-of-fair purge, quitting the kiosk.

A dialog over the main window (``ui/operator_console.ui``, scrolling at 200 % text): today's and the
total counts as sentences, today's accounts per hour (``chart.HourlyChart``), "Exporter en CSV…" and
"Exporter en JSON…" through a save dialog (with or without the audit), "Effacer toutes les données
des candidats…" behind a typed confirmation (``PurgeDialog``), the audit table, "Quitter la borne"
on a kiosk and "Fermer". The export and the purge run on the worker; their outcome is shown under
their button and announced. Nothing here shows a candidate's address: only counts.
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
from monmaster_desktop.gui.language import format_date_time
from monmaster_desktop.gui.operator import texts
from monmaster_desktop.gui.operator.chart import HourlyChart
from monmaster_desktop.gui.operator.dialog import OperatorDialog
from monmaster_desktop.gui.widgets.entries_table import EntriesTableModel, show_entries_in
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.widgets.save_dialog import ask_save_path, default_save_directory
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.i18n import message
from monmaster_desktop.settings import os_error_reason

W = TypeVar("W", bound=QWidget)
CONSOLE_FORM = "operator_console.ui"
PURGE_FORM = "operator_purge_dialog.ui"


class AuditModel(EntriesTableModel[AuditEntry]):
    COLUMN_TITLES = texts.AUDIT_COLUMNS

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
            return core_texts.AUDIT_ACTIONS[entry.action.value]
        return texts.AUDIT_EMPTY if entry.count is None else str(entry.count)


class PurgeDialog(FormDialog):
    """ "Effacer les données des candidats": says how many accounts, asks to type EFFACER.

    "Annuler" is the default button; "Effacer définitivement" is enabled only once the word is typed.
    """

    def __init__(self, accounts: int, parent: QWidget | None = None) -> None:
        super().__init__(PURGE_FORM, parent, default_button="cancelButton", modal=True)
        self.setObjectName("operatorPurgeDialog")
        self.warning_label = self.child(QLabel, "warningLabel")
        self.confirmation_edit = self.child(QLineEdit, "confirmationEdit")
        self.purge_button = self.child(QPushButton, "purgeButton")
        self.cancel_button = self.child(QPushButton, "cancelButton")
        self.warning_label.setText(message(texts.PURGE_WARNING, accounts=accounts))
        self.confirmation_edit.setAccessibleDescription(self.child(QLabel, "instructionLabel").text())
        self.confirmation_edit.textChanged.connect(self._confirmation_changed)
        self.purge_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

    def confirmed(self) -> bool:
        return self.confirmation_edit.text().strip().upper() == texts.PURGE_WORD

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

    # --- figures and audit ----------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            figures = self._operator.figures()
            audit = self._operator.audit()
        except StorageError as error:
            self.today_label.setText(error.message)
            return
        day = figures.day.strftime("%d/%m/%Y")
        self.today_label.setText(
            message(texts.TODAY,
                day=day,
                created=figures.today.created,
                pending=figures.today.pending,
                active=figures.today.active,
            )
        )
        self.total_label.setText(
            message(texts.TOTAL,
                created=figures.total.created, pending=figures.total.pending, active=figures.total.active
            )
        )
        self.chart.set_counts(figures.per_hour)
        self.audit_model.set_entries(audit)
        self._day = figures.day

    # --- export ---------------------------------------------------------------------------------------

    def ask_export_path(self, kind: ExportFormat, default: Path) -> Path | None:
        """Where to write the export; None when the operator cancels. Tests override it."""
        file_filter = texts.EXPORT_CSV_FILTER if kind is ExportFormat.CSV else texts.EXPORT_JSON_FILTER
        return ask_save_path(self, texts.EXPORT_DIALOG_TITLE, default, file_filter, f".{kind.value}")

    def export(self, kind: ExportFormat) -> None:
        if self._busy:
            return
        name = message(texts.EXPORT_DEFAULT_NAME, day=self._day.isoformat()) + f".{kind.value}"
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
        lines = [message(core_texts.EXPORT_DONE, count=result.accounts, path=result.files[0])]
        lines += [message(core_texts.EXPORT_AUDIT_DONE, path=path) for path in result.files[1:]]
        self._say(self.export_message, "success", " ".join(lines))
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
        said = message(core_texts.PURGE_DONE, accounts=result.accounts, mails=result.mails)
        if result.set_aside_files:
            said += " " + message(core_texts.PURGE_SET_ASIDE_DONE, count=result.set_aside_files)
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
