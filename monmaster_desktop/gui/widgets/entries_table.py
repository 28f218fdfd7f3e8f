"""Read-only tables with translated column titles: the outbox, the testers' log.

``TitledTableModel`` gives the titles; ``EntriesTableModel`` adds rows held in a list (the testers'
log; the outbox reads its rows a page at a time, ``outbox/model.py``). ``show_entries_in`` sets a
table view up the way both windows want it for the keyboard: one whole row at a time, Tab leaves the
list, the arrows move inside it.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

E = TypeVar("E")


class TitledTableModel(QAbstractTableModel):
    """Columns are ``COLUMN_TITLES``; subclasses give the rows (``rowCount``) and ``data``.

    The titles are French sources marked ``QT_TRANSLATE_NOOP(TITLES_CONTEXT, …)``, shown translated;
    ``retranslate`` tells the views after a language switch.
    """

    COLUMN_TITLES: ClassVar[tuple[str, ...]] = ()
    TITLES_CONTEXT: ClassVar[str] = ""

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMN_TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.COLUMN_TITLES):
            return QCoreApplication.translate(self.TITLES_CONTEXT, self.COLUMN_TITLES[section])
        return None

    def retranslate(self) -> None:
        """The language changed: the titles and every cell are to be read again."""
        if self.COLUMN_TITLES:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMN_TITLES) - 1)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


class EntriesTableModel(TitledTableModel, Generic[E]):
    """Rows are ``self._entries``; subclasses implement ``data``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[E] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)


def show_entries_in(
    view: QTableView, model: TitledTableModel, widths: dict[int, QHeaderView.ResizeMode]
) -> None:
    """Show ``model`` in ``view``: one whole row selected at a time, ``widths`` for the columns."""
    view.setModel(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)  # Tab leaves the list; arrows move inside it
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, mode in widths.items():
        header.setSectionResizeMode(column, mode)
