"""The outbox's mails as a table: recipient, subject, date; unread rows in bold with a dot.

A screen reader hears "Non lu" / "Lu" with the first cell of each row (bold and a dot are visual
cues only). The model knows every row's mail id (``Outbox.mail_ids``, newest first) and reads what a
row shows — never a message — a page of rows at a time, when a view first asks for one of them
(``Outbox.summaries``); it keeps a bounded number of rows read. So 10,000 mails cost the id list and
the pages on screen, not 10,000 rows (docs/performance.md). Marking a mail read is the window's call.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from monmaster_desktop.accounts.mail import OutboxEntry
from monmaster_desktop.accounts.store import StorageError
from monmaster_desktop.gui.language import format_date_time, translated
from monmaster_desktop.gui.style import current_theme, theme_tokens
from monmaster_desktop.gui.widgets.entries_table import TitledTableModel

# --- Texts (project-written) ---------------------------------------------------------------------------
COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("OutboxModel", "Destinataire"),
    QT_TRANSLATE_NOOP("OutboxModel", "Objet"),
    QT_TRANSLATE_NOOP("OutboxModel", "Date"),
)
READ_STATE = QT_TRANSLATE_NOOP("OutboxModel", "Lu")
UNREAD_STATE = QT_TRANSLATE_NOOP("OutboxModel", "Non lu")

# Rows read together: a screenful or two, in one query of the indexed ids.
PAGE_ROWS = 100
# Rows kept once read (a few screens' worth at any text size); the oldest read are dropped beyond.
KEPT_ROWS = 2_000

SummaryReader = Callable[[Sequence[int]], dict[int, OutboxEntry]]


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


_DISPLAY = Qt.ItemDataRole.DisplayRole
_FONT = Qt.ItemDataRole.FontRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole
_MAIL_ID = Qt.ItemDataRole.UserRole + 1
_ANSWERED_ROLES = frozenset(
    {
        _DISPLAY,
        _FONT,
        _DECORATION,
        _ACCESSIBLE_TEXT,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
        _MAIL_ID,
    }
)


class _Cells:
    """What a row shows and says, made once per mail and language."""

    __slots__ = ("first_accessible_text", "is_read", "state", "texts")

    def __init__(self, entry: OutboxEntry) -> None:
        self.is_read = entry.is_read
        self.state = str(translated("OutboxModel", READ_STATE if entry.is_read else UNREAD_STATE))
        self.texts = (entry.recipient, entry.subject, str(format_mail_date(entry.sent_at)))
        self.first_accessible_text = f"{entry.recipient}, {self.state.lower()}"


class OutboxModel(TitledTableModel):
    """The mails whose ids ``set_mail_ids`` gives, in that order (``Outbox.mail_ids``: newest first).

    ``read_summaries`` reads the shown columns of some mails by id (``Outbox.summaries``). A reading
    that fails leaves those rows blank until the next ``set_mail_ids`` and emits ``storage_failed``
    with the French reason (connect it queued: it is emitted while a view paints).
    """

    COLUMN_TITLES = COLUMN_TITLES
    TITLES_CONTEXT = "OutboxModel"
    RECIPIENT_COLUMN, SUBJECT_COLUMN, DATE_COLUMN = range(3)
    MAIL_ID_ROLE = _MAIL_ID

    storage_failed = Signal(str)

    def __init__(self, read_summaries: SummaryReader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read_summaries = read_summaries
        self._mail_ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._summaries: dict[int, OutboxEntry] = {}  # by mail id, in the order they were read
        self._unreadable: set[int] = set()  # gone, or their reading failed: not asked again until reset
        self._cells: dict[int, _Cells] = {}  # by mail id
        # Only the weight is set: the view's font (its size follows the text scale) gives the rest.
        self._normal_font, self._bold_font = QFont(), QFont()
        self._normal_font.setBold(False)
        self._bold_font.setBold(True)
        # Read rows get a blank icon of the same size so every recipient starts at the same place.
        self._read_icon = _unread_dot(QColor(Qt.GlobalColor.transparent))
        self.follow_theme()

    def follow_theme(self) -> None:
        """Redraw the unread dot in the current theme's primary colour."""
        self._unread_icon = _unread_dot(QColor(theme_tokens(current_theme())["primary"]))
        if self._mail_ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._mail_ids) - 1, 0))

    # --- Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._mail_ids)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Called for every role of every cell at every paint: roles the model never answers leave
        # first, and a row's texts are made once (_Cells), not at each call.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = index.row()
        if role == _MAIL_ID:
            return self.mail_id(row)
        cells = self._cells_of(row)
        if cells is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return cells.texts[column]
        if role == _FONT:
            return self._normal_font if cells.is_read else self._bold_font
        if role == _DECORATION:
            if column != self.RECIPIENT_COLUMN:
                return None
            return self._read_icon if cells.is_read else self._unread_icon
        if role == _ACCESSIBLE_TEXT:
            # The first cell carries the read state, so a screen reader moving row by row hears it.
            return cells.first_accessible_text if column == self.RECIPIENT_COLUMN else cells.texts[column]
        return cells.state  # the tooltip and the accessible description

    def _cells_of(self, row: int) -> _Cells | None:
        mail_id = self.mail_id(row)
        if mail_id is None:
            return None
        cells = self._cells.get(mail_id)
        if cells is None:
            entry = self.entry(row)
            if entry is None:
                return None
            if len(self._cells) >= KEPT_ROWS:
                self._cells.clear()  # made again in microseconds for the rows in view
            cells = self._cells[mail_id] = _Cells(entry)
        return cells

    def retranslate(self) -> None:
        """The state and the dates in the new language (the locale writes dates its own way)."""
        self._cells.clear()
        super().retranslate()

    # --- what the window uses -------------------------------------------------------------------

    def set_mail_ids(self, mail_ids: Sequence[int], *, reset: bool = False) -> None:
        """The rows are now these mails; what was read of them is read again when next shown.

        New mails at the top of an otherwise unchanged list (a mail just sent) are inserted, so the
        view keeps its scroll position and selection; any other change, or ``reset``, resets the
        model (views and assistive technologies then drop every row they knew).
        """
        new_ids, old_ids = list(mail_ids), self._mail_ids
        added = len(new_ids) - len(old_ids)
        self._summaries.clear()  # read states and the mails themselves may have changed
        self._unreadable.clear()
        self._cells.clear()
        if not reset and added >= 0 and new_ids[added:] == old_ids:
            if added:
                self.beginInsertRows(QModelIndex(), 0, added - 1)
                self._use(new_ids)
                self.endInsertRows()
            if old_ids:
                last = self.index(len(new_ids) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(added, 0), last)
            return
        self.beginResetModel()
        self._use(new_ids)
        self.endResetModel()

    def _use(self, mail_ids: list[int]) -> None:
        self._mail_ids = mail_ids
        self._row_of = {mail_id: row for row, mail_id in enumerate(mail_ids)}

    def mail_id(self, row: int) -> int | None:
        return self._mail_ids[row] if 0 <= row < len(self._mail_ids) else None

    def entry(self, row: int) -> OutboxEntry | None:
        """The row's mail as the list shows it, read with its page if it was not yet; None if unreadable."""
        mail_id = self.mail_id(row)
        if mail_id is None:
            return None
        entry = self._summaries.get(mail_id)
        if entry is None and mail_id not in self._unreadable:
            self._read_page_of(row)
            entry = self._summaries.get(mail_id)
        return entry

    def row_of(self, mail_id: int) -> int | None:
        return self._row_of.get(mail_id)

    def mark_read(self, mail_id: int, when: datetime) -> None:
        """Show a mail as read without resetting the model (the selection and focus stay put)."""
        row = self.row_of(mail_id)
        entry = self._summaries.get(mail_id)
        if row is None or entry is None or entry.is_read:
            return
        self._summaries[mail_id] = dataclasses.replace(entry, read_at=when)
        self._cells.pop(mail_id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _read_page_of(self, row: int) -> None:
        first = row - row % PAGE_ROWS
        wanted = [
            mail_id
            for mail_id in self._mail_ids[first : first + PAGE_ROWS]
            if mail_id not in self._summaries and mail_id not in self._unreadable
        ]
        try:
            found = self._read_summaries(wanted)
        except StorageError as error:
            self._unreadable.update(wanted)
            self.storage_failed.emit(error.message)
            return
        # Make room first, so the page just read stays whole.
        surplus = len(self._summaries) + len(found) - KEPT_ROWS
        for mail_id in list(itertools.islice(self._summaries, max(0, surplus))):
            del self._summaries[mail_id]
        self._summaries.update(found)
        self._unreadable.update(mail_id for mail_id in wanted if mail_id not in found)
