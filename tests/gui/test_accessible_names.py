"""Every control a keyboard or screen-reader user can reach has a name, and it is its visible label."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QWidget

from monmaster_desktop.accounts.operator import OperatorService
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.kiosk.idle import IdleWarningDialog
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.operator.console import OperatorConsole, PurgeDialog
from monmaster_desktop.gui.operator.pin_dialogs import NewPinDialog, PinPromptDialog
from monmaster_desktop.settings import CaptchaMode


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget.objectName()
    return interface.text(QAccessible.Text.Name)


def visible_label(widget: QWidget) -> str | None:
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "")
    if isinstance(widget, QLineEdit):
        buddies = [label for label in widget.window().findChildren(QLabel) if label.buddy() is widget]
        return buddies[0].text().replace("&", "") if buddies else None
    return None


def focusable_controls(root: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(widget, QLabel)
    ]


@pytest.mark.parametrize("captcha", [CaptchaMode.IMAGE, CaptchaMode.QUESTION])
def test_every_focusable_control_is_named_after_its_label(qtbot, gui_context: GuiContext, captcha) -> None:
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=captcha)
    window = MainWindow(gui_context)
    qtbot.addWidget(window)
    for page_id in PageId:  # every page, as the candidate reaches it (built when first needed)
        window.wizard.pages.build(page_id)
    window.outbox_window()  # built too: it is part of the journey
    roots: list[QWidget] = [window.wizard, window.outbox_window()]

    checked = 0
    for root in roots:
        checked += assert_named_after_labels(focusable_controls(root))
    assert checked > 30


def assert_named_after_labels(controls: list[QWidget], where_prefix: str = "") -> int:
    """Every control has a name, and it is its visible label; how many were checked."""
    for control in controls:
        name = accessible_name(control)
        where = f"{where_prefix}{type(control).__name__} {control.objectName()!r}"
        assert name.strip(), f"{where} has no accessible name"
        label = visible_label(control)
        if isinstance(control, QLineEdit):
            assert label is not None, f"{where} has no visible label (QLabel buddy)"
        if label:
            assert name == label, f"{where}: accessible name {name!r} differs from its label {label!r}"
    return len(controls)


def test_the_kiosks_and_the_operators_dialogs_name_every_control_after_its_label(
    qtbot, gui_context: GuiContext
) -> None:
    operator = OperatorService(gui_context.service.database, gui_context.settings.hashing)
    runner, announcer = gui_context.runner, gui_context.announcer
    dialogs: list[QDialog] = [
        IdleWarningDialog(),
        PinPromptDialog(operator, runner, announcer),
        NewPinDialog(operator, runner, announcer),
        PurgeDialog(3),
        OperatorConsole(operator, runner, announcer, kiosk=True),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() and accessible_name(dialog) == dialog.windowTitle()
        assert assert_named_after_labels(focusable_controls(dialog), f"{dialog.objectName()}: "), dialog
