"""Se connecter, the page itself: the Caps Lock warning under the password, as on step 2."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import AnnouncementLog, show_in_wizard
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWizard

from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.pages.sign_in_page import SignInPage
from monmaster_desktop.gui.widgets import caps_lock
from monmaster_desktop.gui.widgets.caps_lock import CAPS_LOCK_WARNING
from monmaster_desktop.gui.widgets.field_message import FieldMessage


@pytest.fixture
def page(qtbot, gui_context: GuiContext) -> Iterator[SignInPage]:
    sign_in_page = SignInPage(gui_context)
    wizard: QWizard = show_in_wizard(qtbot, sign_in_page)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    yield sign_in_page
    gui_context.runner.wait_for_done()


def caps_lock_message(page: SignInPage) -> str:
    message = page.child(FieldMessage, "capsLockMessage")
    return message.text() if message.isVisible() else ""


def test_caps_lock_warning_shows_under_the_password_is_announced_and_described(
    qtbot, page: SignInPage, announcements: AnnouncementLog
) -> None:
    assert caps_lock_message(page) == ""
    page.password_edit.setFocus()
    qtbot.keyClick(page.password_edit, Qt.Key.Key_CapsLock)

    assert caps_lock_message(page) == CAPS_LOCK_WARNING
    assert page.child(FieldMessage, "capsLockMessage").kind() == "warning"
    assert announcements.entries == [(CAPS_LOCK_WARNING, False)]
    assert CAPS_LOCK_WARNING in page.password_edit.accessibleDescription()

    qtbot.keyClick(page.password_edit, Qt.Key.Key_Tab)  # to "Afficher": out of the password field
    assert QApplication.focusWidget() is page.show_password_button
    assert caps_lock_message(page) == ""
    assert CAPS_LOCK_WARNING not in page.password_edit.accessibleDescription()

    page.password_edit.setFocus()  # back in the field, Caps Lock still on: shown, not announced again
    assert caps_lock_message(page) == CAPS_LOCK_WARNING
    assert len(announcements.entries) == 1

    qtbot.keyClick(page.password_edit, Qt.Key.Key_CapsLock)
    assert caps_lock_message(page) == ""
    assert page.password_edit.accessibleDescription() == ""


def test_caps_lock_is_read_from_the_platforms_key_modifiers(monkeypatch, page: SignInPage) -> None:
    # What an X11 key event carries: the Lock bit (0x2) in its native modifiers.
    monkeypatch.setattr(caps_lock, "caps_lock_native_mask", lambda: 0x2)
    page.password_edit.setFocus()

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
        QApplication.sendEvent(page.password_edit, event)

    press_a(0x2)
    assert caps_lock_message(page) == CAPS_LOCK_WARNING
    press_a(0x0)
    assert caps_lock_message(page) == ""


def test_the_warning_and_a_refusal_share_the_passwords_description(qtbot, page: SignInPage) -> None:
    page.email_edit.setFocus()
    qtbot.keyClicks(page.email_edit, "camille.martin@example.fr")
    assert not page.validatePage()  # no password: refused at once, without the service
    refusal = page.sign_in_message.text()
    assert page.password_edit.accessibleDescription() == refusal

    page.password_edit.setFocus()
    qtbot.keyClick(page.password_edit, Qt.Key.Key_CapsLock)
    assert page.password_edit.accessibleDescription() == f"{CAPS_LOCK_WARNING} {refusal}"


def test_the_next_candidate_starts_without_the_warning(qtbot, page: SignInPage) -> None:
    page.password_edit.setFocus()
    qtbot.keyClick(page.password_edit, Qt.Key.Key_CapsLock)
    assert caps_lock_message(page) == CAPS_LOCK_WARNING

    page.clear()

    assert caps_lock_message(page) == ""
    assert page.password_edit.accessibleDescription() == ""
    page.password_edit.setFocus()  # Caps Lock is not believed on until a key says so
    assert caps_lock_message(page) == ""
