"""Se connecter, the page itself (the Caps Lock warning both pages share: test_caps_lock.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import show_in_wizard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.pages.sign_in_page import SignInPage
from monmaster_desktop.gui.widgets.caps_lock import CAPS_LOCK_WARNING


@pytest.fixture
def page(qtbot, gui_context: GuiContext) -> Iterator[SignInPage]:
    sign_in_page = SignInPage(gui_context)
    wizard: QWizard = show_in_wizard(qtbot, sign_in_page)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    yield sign_in_page
    gui_context.runner.wait_for_done()


def test_the_warning_and_a_refusal_share_the_passwords_description(qtbot, page: SignInPage) -> None:
    page.email_edit.setFocus()
    qtbot.keyClicks(page.email_edit, "camille.martin@example.fr")
    assert not page.validatePage()  # no password: refused at once, without the service
    refusal = page.sign_in_message.text()
    assert page.password_edit.accessibleDescription() == refusal

    page.password_edit.setFocus()
    qtbot.keyClick(page.password_edit, Qt.Key.Key_CapsLock)
    assert page.password_edit.accessibleDescription() == f"{CAPS_LOCK_WARNING} {refusal}"
