"""Accessible interfaces that answer whatever an accessibility client asks, in place of Qt's unsafe ones.

The defect (Qt 6.11 and 6.12, measured over AT-SPI; see docs/accessibility.md, "A crash of Qt's
accessibility bridge"): ``QAccessibleAbstractScrollArea::child(index)`` — the interface Qt gives every
``QScrollArea`` and plain ``QAbstractScrollArea`` — returns
``queryAccessibleInterface(accessibleChildren().at(index))`` without checking ``index``. Its children
are the viewport plus the scroll-bar containers *that are visible at that moment*. A client that asks
for child 1 or 2 after a scroll bar was hidden (a page change, a resize: exactly when testers' tools
re-read the tree), or for any index past the end, makes Qt read past the list and dereference a
garbage ``QObject*``: SIGSEGV in ``QAccessibleCache::idForObject``. Qt's AT-SPI adaptor passes any
non-negative index straight to ``child()``. ``tests/a11y/test_qt_scroll_area_defect.py`` keeps a
ten-line PySide6 program that crashes this way.

The fix: a factory gives every scroll area of the application :class:`ScrollAreaInterface`, which has
the same role, children and order as Qt's own, but checks every index. Installed factories are asked
before Qt's built-in ones, so no scroll area ever gets Qt's interface.

Lifetime: PySide6 keeps a reference to every object a Python factory returns; Qt's accessibility cache
deletes the interface with its widget, which invalidates the Python wrapper. Nothing here keeps a
reference to an interface or a widget.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractScrollArea, QAccessibleWidget, QWidget

__all__ = ["ScrollAreaInterface", "install_safe_accessible_interfaces", "scroll_area_children"]

# The classes whose built-in interface is QAccessibleAbstractScrollArea (Qt's widget factory, by name;
# a subclass reaches them by walking up its meta-object chain).
_UNSAFE_SCROLL_AREA_CLASSES = frozenset({"QScrollArea", "QAbstractScrollArea"})


def scroll_area_children(area: QAbstractScrollArea) -> list[QWidget]:
    """The accessible children Qt gives a scroll area, in Qt's order.

    The viewport, the horizontal then the vertical scroll bar's container when that bar is visible,
    and the corner widget when visible (``QAccessibleAbstractScrollArea::accessibleChildren``).
    """
    children: list[QWidget] = []
    viewport = area.viewport()
    if viewport is not None:
        children.append(viewport)
    for bar in (area.horizontalScrollBar(), area.verticalScrollBar()):
        container = bar.parentWidget() if bar is not None and bar.isVisible() else None
        if container is not None:
            children.append(container)
    corner = area.cornerWidget()
    if corner is not None and corner.isVisible():
        children.append(corner)
    return children


class ScrollAreaInterface(QAccessibleWidget):
    """Qt's scroll-area interface (role Client, same children), with every index checked."""

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area, QAccessible.Role.Client)

    def _children(self) -> list[QWidget]:
        area = self.object()
        return scroll_area_children(area) if isinstance(area, QAbstractScrollArea) else []

    def childCount(self) -> int:
        return len(self._children())

    def child(self, index: int) -> QAccessibleInterface | None:
        children = self._children()
        if 0 <= index < len(children):
            return QAccessible.queryAccessibleInterface(children[index])
        return None

    def indexOfChild(self, child: QAccessibleInterface | None) -> int:
        wanted = child.object() if child is not None else None
        if wanted is None:
            return -1
        for index, widget in enumerate(self._children()):
            if widget is wanted:
                return index
        return -1


def _factory(class_name: str, candidate: QObject) -> QAccessibleInterface | None:
    if class_name in _UNSAFE_SCROLL_AREA_CLASSES and isinstance(candidate, QAbstractScrollArea):
        return ScrollAreaInterface(candidate)
    return None


_installed = False


def install_safe_accessible_interfaces() -> None:
    """Give every scroll area :class:`ScrollAreaInterface`; idempotent; needs the QApplication.

    A factory installed before the QApplication exists is never called (PySide6 6.11), hence the check.
    """
    global _installed
    if _installed:
        return
    if QCoreApplication.instance() is None:
        raise RuntimeError("install_safe_accessible_interfaces() needs the QApplication first")
    # Interfaces Qt made before this (a test that queried a scroll area early) stay Qt's: there are
    # none at start-up, when this runs.
    QAccessible.installFactory(_factory)
    _installed = True
