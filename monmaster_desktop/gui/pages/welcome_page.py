"""Accueil: what the platform is, and the "Candidater" button."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.pages.base import FormPage


class WelcomePage(FormPage):
    FORM = "welcome_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.setButtonText(QWizard.WizardButton.NextButton, "Candidater")

    def nextId(self) -> int:
        return PageId.CANDIDATER
