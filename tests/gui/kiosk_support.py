"""Helpers of the kiosk tests: a kiosk built as the application builds one, and where a trace could hide.

``traces_of`` looks everywhere a previous candidate could still be read in the process once a
session has ended: every widget's texts (shown or not), its accessible name and description, item
models, text documents, the undo history of every field, the accessible tree as assistive
technologies read it (names, descriptions, values, text), the testers' log and the clipboard.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QClipboard, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QWidget,
    QWizard,
)

from monmaster_desktop.accounts.service import AccountService
from monmaster_desktop.gui import app as gui_app
from monmaster_desktop.gui.accessibility.recorder import AccessibilityLog
from monmaster_desktop.gui.appearance import AppearanceController
from monmaster_desktop.gui.context import PageId
from monmaster_desktop.gui.kiosk.controller import KioskController
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.gui.testers.menu import AccessibilityMenu
from monmaster_desktop.settings import KioskSettings, Settings

_WIDGET_TEXTS = (
    "text",
    "placeholderText",
    "windowTitle",
    "windowIconText",
    "toolTip",
    "statusTip",
    "whatsThis",
    "accessibleName",
    "accessibleDescription",
    "title",
)
_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)
_ACCESSIBLE_TEXTS = (
    QAccessible.Text.Name,
    QAccessible.Text.Description,
    QAccessible.Text.Value,
    QAccessible.Text.Help,
)


@dataclass(frozen=True)
class Kiosk:
    window: MainWindow
    controller: KioskController

    @property
    def log(self) -> AccessibilityLog:
        menu = self.window.findChild(AccessibilityMenu)
        assert menu is not None
        return menu.log

    def close(self) -> None:
        """Quit the kiosk and stop its testers' log (it lives as long as the application otherwise,
        and every focus change of the later tests would reach it)."""
        self.window.context.runner.wait_for_done()
        log = self.log
        self.controller.quit_kiosk()
        log.deleteLater()


def open_kiosk(
    settings: Settings, service: AccountService, appearance: AppearanceController | None = None
) -> Kiosk:
    """A kiosk as the application builds one (``settings.kiosk`` must be set), shown."""
    window = gui_app.create_main_window(settings, appearance, service)
    controller = window.findChild(KioskController)
    assert controller is not None
    controller.show()
    return Kiosk(window, controller)


def open_test_kiosk(
    qtbot,
    settings: Settings,
    service: AccountService,
    appearance: AppearanceController | None = None,
    **options: object,
) -> Kiosk:
    """``open_kiosk`` for a test: ``options`` are its ``KioskSettings`` (a long idle time unless given);
    shown and exposed, and closed with the test's widgets."""
    kiosk_settings = KioskSettings(**{"idle_timeout": 100_000, **options})  # type: ignore[arg-type]
    kiosk_mode = dataclasses.replace(settings, kiosk=True, kiosk_settings=kiosk_settings)
    kiosk = open_kiosk(kiosk_mode, service, appearance)
    qtbot.addWidget(kiosk.window)
    qtbot.waitExposed(kiosk.window)
    return kiosk


def enroll_and_finish(candidate: Candidate, email: str, password: str) -> None:
    """One candidate: the whole journey to "Compte activé" through the outbox, then "Terminer"."""
    candidate.go_to_credentials()
    candidate.register(email, password)
    candidate.open_outbox()
    candidate.follow_link()
    candidate.wait_for_page(PageId.ACTIVATED)
    candidate.press(QWizard.WizardButton.CustomButton1, "Terminer")
    candidate.wait_for_page(PageId.WELCOME)


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a widget holds."""
    where = f"{type(widget).__name__} {widget.objectName()!r}"
    for name in _WIDGET_TEXTS:
        getter = getattr(widget, name, None)
        if callable(getter):
            try:
                value = getter()
            except TypeError:
                continue
            if isinstance(value, str) and value:
                yield f"{where}.{name}", value
    if isinstance(widget, QTextEdit):
        yield f"{where}.toPlainText", widget.toPlainText()
        yield f"{where}.toHtml", widget.toHtml()
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{where} item {index}", widget.itemText(index)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from model_texts(widget.model(), where)


def model_texts(
    model: QAbstractItemModel, where: str, parent: QModelIndex | None = None
) -> Iterator[tuple[str, str]]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if isinstance(value, str) and value:
                    yield f"{where} model {row},{column}", value
            if index.column() == 0 and model.rowCount(index) > 0:
                yield from model_texts(model, where, index)


def accessible_texts(
    interface: QAccessibleInterface | None, where: str = "", depth: int = 0
) -> Iterator[tuple[str, str]]:
    """What an assistive technology can read, node by node (names, descriptions, values, text)."""
    if interface is None or not interface.isValid() or depth > 60:
        return
    role = interface.role().name
    here = f"{where}/{role}"
    for kind in _ACCESSIBLE_TEXTS:
        value = interface.text(kind)
        if value:
            yield f"{here}.{kind.name}", value
    text = interface.textInterface()
    if text is not None:
        yield f"{here}.text", text.text(0, text.characterCount())
    for index in range(interface.childCount()):
        yield from accessible_texts(interface.child(index), here, depth + 1)


def clipboard_texts() -> Iterator[tuple[str, str]]:
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        value = clipboard.text(mode)
        if value:
            yield f"clipboard {mode.name}", value


def traces_of(secrets: Iterable[str], kiosk: Kiosk | None = None, *, undo: bool = True) -> list[str]:
    """Everywhere one of ``secrets`` can still be read (empty when the session left nothing).

    ``undo``: a field's undo history counts as a trace (after a session; not while one goes on).
    """
    secrets = [secret for secret in secrets if secret]
    found: list[str] = []

    def look(pairs: Iterable[tuple[str, str]]) -> None:
        for where, value in pairs:
            for secret in secrets:
                if secret.casefold() in value.casefold():
                    found.append(f"{where}: {value[:120]!r}")

    for widget in QApplication.allWidgets():
        look(widget_texts(widget))
        if undo and isinstance(widget, QLineEdit) and (widget.isUndoAvailable() or widget.isRedoAvailable()):
            found.append(f"QLineEdit {widget.objectName()!r} keeps an undo history")
    for window in QApplication.topLevelWidgets():
        look(accessible_texts(QAccessible.queryAccessibleInterface(window), window.objectName()))
    look(clipboard_texts())
    if kiosk is not None:
        look(("testers' log", entry.as_line()) for entry in kiosk.log.entries())
    return found
