"""Compte activé: the activation's result, then "Se connecter"."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWizard

from monmaster_desktop import texts
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.i18n import message

SIGN_IN_BUTTON = QT_TRANSLATE_NOOP("ActivatedPage", "Se connecter")


class ActivatedPage(FormPage):
    FORM = "activated_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.message = self.child(FieldMessage, "activationMessage")
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setButtonText(QWizard.WizardButton.NextButton, translated("ActivatedPage", SIGN_IN_BUTTON))

    def initializePage(self) -> None:
        shown = self.context.session.activation_message or message(texts.ACTIVATION_DONE)
        self.message.show_message("success", shown)

    def nextId(self) -> int:
        return PageId.SIGN_IN

    def clear(self) -> None:
        super().clear()
        self.message.clear()
