"""What a keystroke in the password field repaints: the field alone when nothing else changes.

Qt repaints whatever is behind a widget that does not paint every one of its pixels, up to the main
window; the fields and the checklist's lines paint theirs (docs/performance.md, "Typing"), and the
style sheet's polish — which takes that away from any widget whose rule has padding or a transparent
background — must not undo it: not when the page is first shown, nor after a theme change or a field
marked in error.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import main_window_shown
from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget, QWizard

from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.style import apply_style, look_restored
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.settings import CaptchaMode

Button = QWizard.WizardButton


class PaintLog(QObject):
    """The widgets the application paints while it is installed."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.painted.append(watched)
        return False


@pytest.fixture
def window(qtbot, gui_context: GuiContext) -> Iterator[MainWindow]:
    with main_window_shown(qtbot, gui_context, CaptchaMode.OFF) as shown:
        yield shown


@pytest.fixture
def password(qtbot, window: MainWindow) -> QLineEdit:
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    # The pages after this one are still being built in the background for a moment (each added to
    # the wizard relayouts it): a candidate types a few seconds later.
    qtbot.waitUntil(lambda: not window.wizard.pages.missing())
    field = candidate.field(PageId.CREDENTIALS, "passwordEdit")
    field.setFocus()
    return field


def painted_by_key(qtbot, field: QLineEdit, key: str) -> list[QWidget]:
    log = PaintLog()
    app = QApplication.instance()
    app.installEventFilter(log)
    try:
        QTest.keyClicks(field, key)
        qtbot.wait(50)  # the repaint, on the event loop
    finally:
        app.removeEventFilter(log)
    return log.painted


def test_a_key_that_changes_no_line_repaints_the_field_alone(qtbot, password: QLineEdit) -> None:
    QTest.keyClicks(password, "ab")
    qtbot.wait(50)
    assert painted_by_key(qtbot, password, "c") == [password]


def test_the_field_still_repaints_alone_after_a_theme_change_and_an_error(
    qtbot, qapp, window: MainWindow, password: QLineEdit
) -> None:
    with look_restored(qapp):
        apply_style(qapp, "dark", 1.5)  # every widget polished again by the new sheet
        qtbot.wait(50)
        # "Continuer" with a password the form refuses: the field is marked in error (re-polished).
        QTest.keyClicks(password, "ab")
        Candidate.at(window).press(Button.CommitButton, "Continuer")
        qtbot.waitUntil(lambda: password.property("invalid") is True)
        QTest.keyClicks(password, "c")  # the candidate fixes it: the message goes, the field re-polished
        qtbot.waitUntil(lambda: password.property("invalid") is False)
        qtbot.wait(50)
        assert painted_by_key(qtbot, password, "d") == [password]
