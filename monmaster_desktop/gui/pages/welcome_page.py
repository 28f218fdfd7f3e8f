"""Accueil: what the platform is, and the "Candidater" button.

On a kiosk, once a candidate's session has ended, a line above the heading says that a new session
started and nothing of the previous person was kept; it labels the heading, so a screen reader hears
it with the page.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWizard

from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.pages.base import FormPage


class WelcomePage(FormPage):
    FORM = "welcome_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.setButtonText(QWizard.WizardButton.NextButton, "Candidater")
        self.session_notice = self.child(QLabel, "sessionNoticeLabel")

    def nextId(self) -> int:
        return PageId.CANDIDATER

    def show_session_notice(self, shown: bool) -> None:
        """Show (or hide) "Nouvelle session : …" above the heading, labelling it while shown."""
        self.session_notice.setVisible(shown)
        heading = self.heading()
        self.session_notice.setBuddy(heading if shown and heading is not None else None)  # type: ignore[arg-type]
