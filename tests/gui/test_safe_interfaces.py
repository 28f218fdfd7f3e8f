"""Scroll areas answer any index a client asks (docs/accessibility.md, the crash of Qt's bridge)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QScrollArea

from monmaster_desktop.gui.accessibility.safe_interfaces import (
    ScrollAreaInterface,
    install_safe_accessible_interfaces,
)


def tall_scroll_area(qtbot) -> QScrollArea:
    install_safe_accessible_interfaces()
    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidget(QLabel("Bonjour\n" * 80))
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)
    return area


def test_a_scroll_area_gets_the_interface_that_checks_indices(qtbot) -> None:
    area = tall_scroll_area(qtbot)
    interface = QAccessible.queryAccessibleInterface(area)
    assert isinstance(interface, ScrollAreaInterface)
    assert interface.role() == QAccessible.Role.Client


def test_its_children_are_qts_viewport_and_visible_scroll_bars_in_qts_order(qtbot) -> None:
    area = tall_scroll_area(qtbot)
    interface = QAccessible.queryAccessibleInterface(area)
    children = [interface.child(index).object() for index in range(interface.childCount())]
    assert children == [area.viewport(), area.verticalScrollBar().parentWidget()]
    assert [interface.indexOfChild(interface.child(index)) for index in range(2)] == [0, 1]


def test_an_index_past_the_end_gets_nothing_instead_of_a_crash(qtbot) -> None:
    area = tall_scroll_area(qtbot)
    interface = QAccessible.queryAccessibleInterface(area)
    assert interface.childCount() == 2
    # What a client still holding the old count asks once the scroll bar is gone.
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    qtbot.waitUntil(lambda: not area.verticalScrollBar().isVisible())
    assert interface.childCount() == 1
    assert [interface.child(index) for index in (1, 2, 7, 2**31 - 1)] == [None] * 4
