"""Compte activé: the activation's result, then "Se connecter".

On a kiosk the page also counts down to the automatic return to "Accueil" (``show_auto_return``,
driven by ``gui/kiosk``); "Rester sur cette page" stops it (``stay_requested``); and its "Retour à
l'accueil" reads "Terminer" (``name_home_button``). Both are kept as ``i18n.Message``s and said
again by ``retranslate`` at a language switch.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QWizard

from monmaster_desktop import texts
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.i18n import Message, again, message

SIGN_IN_BUTTON = QT_TRANSLATE_NOOP("ActivatedPage", "Se connecter")


class ActivatedPage(FormPage):
    FORM = "activated_page.ui"

    stay_requested = Signal()  # "Rester sur cette page": the automatic return is stopped

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.message = self.child(FieldMessage, "activationMessage")
        self.auto_return_frame = self.child(QFrame, "autoReturnFrame")
        self.auto_return_label = self.child(QLabel, "autoReturnLabel")
        self.stay_button = self.child(QAbstractButton, "stayButton")
        self.stay_button.clicked.connect(self.stay_requested)
        self._home_text: Message | None = None  # the page's own words for "Retour à l'accueil"
        self._auto_return_text: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setButtonText(QWizard.WizardButton.NextButton, translated("ActivatedPage", SIGN_IN_BUTTON))
        if self._home_text is not None:
            self.name_home_button(again(self._home_text))
        if self._auto_return_text is not None:
            self._auto_return_text = again(self._auto_return_text)
            self.auto_return_label.setText(self._auto_return_text)

    def name_home_button(self, text: Message) -> None:
        """This page's words for the wizard's "Retour à l'accueil" ("Terminer" on a kiosk)."""
        self._home_text = text
        self.setButtonText(QWizard.WizardButton.CustomButton1, text)

    def initializePage(self) -> None:
        shown = self.context.session.activation_message or message(texts.ACTIVATION_DONE)
        self.message.show_message("success", shown)

    def nextId(self) -> int:
        return PageId.SIGN_IN

    def show_auto_return(self, text: str | None) -> None:
        """Show the countdown to the automatic return (``text``), or hide it (None).

        While shown, the countdown also labels the heading, so a screen reader landing on the heading
        says it with the page (docs/accessibility.md, "What Orca says").
        """
        heading = self.heading()
        self._auto_return_text = text
        if text is None:
            self.auto_return_frame.hide()
            if self.auto_return_label.buddy() is not None:
                self.auto_return_label.setBuddy(None)  # type: ignore[arg-type]
            return
        self.auto_return_label.setText(text)
        self.auto_return_frame.show()
        if heading is not None and self.auto_return_label.buddy() is not heading:
            self.auto_return_label.setBuddy(heading)

    def clear(self) -> None:
        super().clear()
        self.message.clear()
        self.show_auto_return(None)
