"""Candidater: "Créer un compte", or "Vous avez déjà vos identifiants ? →" to sign in."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QPushButton, QWizard

from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.pages.base import FormPage

CREATE_ACCOUNT_BUTTON = QT_TRANSLATE_NOOP("CandidaterPage", "Créer un compte")


class CandidaterPage(FormPage):
    FORM = "candidater_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.child(QPushButton, "signInLinkButton").clicked.connect(self.sign_in_requested)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setButtonText(
            QWizard.WizardButton.NextButton, translated("CandidaterPage", CREATE_ACCOUNT_BUTTON)
        )

    def nextId(self) -> int:
        return PageId.ELIGIBILITY
