"""Candidater: "Créer un compte", or "Vous avez déjà vos identifiants ? →" to sign in."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWizard

from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.pages.base import FormPage


class CandidaterPage(FormPage):
    FORM = "candidater_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.setButtonText(QWizard.WizardButton.NextButton, "Créer un compte")
        self.child(QPushButton, "signInLinkButton").clicked.connect(self.sign_in_requested)

    def nextId(self) -> int:
        return PageId.ELIGIBILITY
