"""The Caps Lock warning under the password, the same on "Se connecter" and on step 2."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from gui_support import AnnouncementLog, show_in_wizard
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.pages.credentials_page import CredentialsPage
from monmaster_desktop.gui.pages.sign_in_page import SignInPage
from monmaster_desktop.gui.widgets import caps_lock
from monmaster_desktop.gui.widgets.caps_lock import CAPS_LOCK_WARNING
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.settings import CaptchaMode

PAGES = {"etape-2": CredentialsPage, "se-connecter": SignInPage}


@pytest.fixture(params=list(PAGES))
def page(request, qtbot, gui_context: GuiContext) -> Iterator[FormPage]:
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=CaptchaMode.OFF)
    shown = PAGES[request.param](gui_context)
    wizard = show_in_wizard(qtbot, shown)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    yield shown
    gui_context.runner.wait_for_done()


def warning_shown(page: FormPage) -> str:
    message = page.child(FieldMessage, "capsLockMessage")
    return message.text() if message.isVisible() else ""


def test_caps_lock_warning_shows_under_the_password_is_announced_and_described(
    qtbot, page: FormPage, announcements: AnnouncementLog
) -> None:
    password = page.password_edit  # type: ignore[attr-defined]
    assert warning_shown(page) == ""
    password.setFocus()
    qtbot.keyClick(password, Qt.Key.Key_CapsLock)

    assert warning_shown(page) == CAPS_LOCK_WARNING
    assert page.child(FieldMessage, "capsLockMessage").kind() == "warning"
    assert announcements.entries == [(CAPS_LOCK_WARNING, False)]
    assert CAPS_LOCK_WARNING in password.accessibleDescription()

    qtbot.keyClick(password, Qt.Key.Key_Tab)  # to "Afficher": out of the password field
    assert QApplication.focusWidget() is page.show_password_button  # type: ignore[attr-defined]
    assert warning_shown(page) == ""
    assert CAPS_LOCK_WARNING not in password.accessibleDescription()

    password.setFocus()  # back in the field, Caps Lock still on: shown again, not announced again
    assert warning_shown(page) == CAPS_LOCK_WARNING
    assert len(announcements.entries) == 1

    qtbot.keyClick(password, Qt.Key.Key_CapsLock)
    assert warning_shown(page) == ""
    assert CAPS_LOCK_WARNING not in password.accessibleDescription()


def test_caps_lock_is_read_from_the_platforms_key_modifiers(monkeypatch, page: FormPage) -> None:
    # What an X11 key event carries: the Lock bit (0x2) in its native modifiers.
    monkeypatch.setattr(caps_lock, "caps_lock_native_mask", lambda: 0x2)
    password = page.password_edit  # type: ignore[attr-defined]
    password.setFocus()

    def press_a(native_modifiers: int) -> None:
        event = QKeyEvent(
            QEvent.Type.KeyPress,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.NoModifier,
            38,
            0x61,
            native_modifiers,
            "A",
        )
        QApplication.sendEvent(password, event)

    press_a(0x2)
    assert warning_shown(page) == CAPS_LOCK_WARNING
    press_a(0x0)
    assert warning_shown(page) == ""


def test_the_next_candidate_starts_without_the_warning(qtbot, page: FormPage) -> None:
    password = page.password_edit  # type: ignore[attr-defined]
    password.setFocus()
    qtbot.keyClick(password, Qt.Key.Key_CapsLock)
    assert warning_shown(page) == CAPS_LOCK_WARNING

    page.clear()

    assert warning_shown(page) == ""
    assert CAPS_LOCK_WARNING not in password.accessibleDescription()
    password.setFocus()  # Caps Lock is not believed on until a key says so
    assert warning_shown(page) == ""
