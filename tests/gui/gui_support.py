"""Helpers shared by the GUI tests (their fixtures live in conftest.py).

The journey itself is driven by the application's own driver, ``monmaster_desktop.gui.testers.journey``
(``Candidate``), the one the self-test and the testers' scenarios use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QWizard, QWizardPage

from monmaster_desktop import i18n
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.settings import CaptchaMode

Button = QWizard.WizardButton
EMAIL = "camille.martin@example.fr"


class AnnouncementLog:
    """Every announcement sent through the context's Announcer: (text, assertive)."""

    def __init__(self, announcer: Announcer) -> None:
        self.entries: list[tuple[str, bool]] = []
        self.languages: list[tuple[str, str]] = []  # (text, the language of the moment)
        announcer.announced.connect(self._heard)

    def _heard(self, text: str, assertive: bool) -> None:
        self.entries.append((text, assertive))
        self.languages.append((text, i18n.current_language()))

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.entries]


# Wizards made by show_in_wizard, released after each test (see conftest.py).
shown_wizards: list[QWizard] = []


def show_in_wizard(qtbot, page: QWizardPage) -> QWizard:
    """Put one page in a bare wizard (as its only page) and show it: for page-level tests.

    The wizard is kept alive until the end of the test, so a caller that only keeps the page does not
    lose it to the garbage collector.
    """
    wizard = QWizard()
    shown_wizards.append(wizard)
    wizard.setPage(0, page)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


@contextmanager
def main_window_shown(qtbot, context: GuiContext, captcha: CaptchaMode) -> Iterator[MainWindow]:
    """A main window over ``context`` with ``captcha``, shown; emptied for the next test afterwards."""
    context.settings = dataclasses.replace(context.settings, captcha=captcha)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    context.runner.wait_for_done()
    window.reset_for_next_candidate()
