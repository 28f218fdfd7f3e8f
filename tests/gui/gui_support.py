"""Helpers shared by the GUI tests (their fixtures live in conftest.py).

The journey itself is driven by the application's own driver, ``monmaster_desktop.gui.testers.journey``
(``Candidate``), the one the self-test and the testers' scenarios use.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWizard, QWizardPage

from monmaster_desktop.gui.accessibility.announcer import Announcer

Button = QWizard.WizardButton
EMAIL = "camille.martin@example.fr"


class AnnouncementLog:
    """Every announcement sent through the context's Announcer: (text, assertive)."""

    def __init__(self, announcer: Announcer) -> None:
        self.entries: list[tuple[str, bool]] = []
        announcer.announced.connect(lambda text, assertive: self.entries.append((text, assertive)))

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
