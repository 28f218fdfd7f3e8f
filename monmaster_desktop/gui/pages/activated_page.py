"""Compte activé: the activation's result, then "Se connecter"."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from monmaster_desktop import texts
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.widgets.field_message import FieldMessage


class ActivatedPage(FormPage):
    FORM = "activated_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.setButtonText(QWizard.WizardButton.NextButton, "Se connecter")
        self.message = self.child(FieldMessage, "activationMessage")

    def initializePage(self) -> None:
        self.message.show_message("success", self.context.session.activation_message or texts.ACTIVATION_DONE)

    def nextId(self) -> int:
        return PageId.SIGN_IN

    def clear(self) -> None:
        super().clear()
        self.message.clear()
