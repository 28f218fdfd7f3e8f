"""The outbox's mails as a table: recipient, subject, date; unread rows in bold with a dot.

A screen reader hears "Non lu" / "Lu" with the first cell of each row (bold and a dot are visual
cues only). The model only reflects ``Outbox.list()``; marking a mail read is the window's call.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from monmaster_desktop.accounts.mail import OutboxEntry
from monmaster_desktop.gui.language import format_date_time, translated
from monmaster_desktop.gui.style import current_theme, theme_tokens
from monmaster_desktop.gui.widgets.entries_table import EntriesTableModel

# --- Texts (project-written) ---------------------------------------------------------------------------
COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("OutboxModel", "Destinataire"),
    QT_TRANSLATE_NOOP("OutboxModel", "Objet"),
    QT_TRANSLATE_NOOP("OutboxModel", "Date"),
)
READ_STATE = QT_TRANSLATE_NOOP("OutboxModel", "Lu")
UNREAD_STATE = QT_TRANSLATE_NOOP("OutboxModel", "Non lu")


def format_mail_date(when: datetime) -> str:
    """A stored (UTC) time in the computer's local time, as the locale writes it: "27/11/2026 09:41"."""
    return format_date_time(when)


def _unread_dot(colour: QColor, size: int = 32) -> QIcon:
    """The unread marker: a filled dot (bold text alone would be a visual cue only)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if colour.alpha():
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(size * 0.25, size * 0.25, size * 0.5, size * 0.5))
        painter.end()
    return QIcon(pixmap)


class OutboxModel(EntriesTableModel):
    """The outbox entries as a table, in the order given (``Outbox.list()``: newest first)."""

    COLUMN_TITLES = COLUMN_TITLES
    TITLES_CONTEXT = "OutboxModel"
    RECIPIENT_COLUMN, SUBJECT_COLUMN, DATE_COLUMN = range(3)
    MAIL_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Read rows get a blank icon of the same size so every recipient starts at the same place.
        self._read_icon = _unread_dot(QColor(Qt.GlobalColor.transparent))
        self.follow_theme()

    def follow_theme(self) -> None:
        """Redraw the unread dot in the current theme's primary colour."""
        self._unread_icon = _unread_dot(QColor(theme_tokens(current_theme())["primary"]))
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 0))

    # --- Qt's model interface -------------------------------------------------------------------

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        state = translated("OutboxModel", READ_STATE if entry.is_read else UNREAD_STATE)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(entry, column)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(not entry.is_read)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == self.RECIPIENT_COLUMN:
            return self._read_icon if entry.is_read else self._unread_icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return state
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # The first cell carries the read state, so a screen reader moving row by row hears it.
            text = self._cell_text(entry, column)
            return f"{text}, {state.lower()}" if column == self.RECIPIENT_COLUMN else text
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return state
        if role == self.MAIL_ID_ROLE:
            return entry.id
        return None

    @staticmethod
    def _cell_text(entry: OutboxEntry, column: int) -> str:
        if column == OutboxModel.RECIPIENT_COLUMN:
            return entry.recipient
        if column == OutboxModel.SUBJECT_COLUMN:
            return entry.subject
        return format_mail_date(entry.sent_at)

    # --- what the window uses -------------------------------------------------------------------

    def set_entries(self, entries: list[OutboxEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[OutboxEntry]:
        return list(self._entries)

    def entry(self, row: int) -> OutboxEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, mail_id: int) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.id == mail_id:
                return row
        return None

    def mark_read(self, mail_id: int, when: datetime) -> None:
        """Show a mail as read without resetting the model (the selection and focus stay put)."""
        row = self.row_of(mail_id)
        if row is None or self._entries[row].is_read:
            return
        self._entries[row] = dataclasses.replace(self._entries[row], read_at=when)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
