"""Accueil: what the platform is, the "Candidater" button, and the language switch.

The switch is a real button named in the language it offers, "English" or "Français", with that
language set on it (its locale), so a screen reader says the name with the right voice. Pressing it
switches the whole interface at once (``gui/language.py``); nothing typed and no page is lost.

On a kiosk, once a candidate's session has ended, a line above the heading says that a new session
started and nothing of the previous person was kept; it labels the heading, so a screen reader hears
it with the page.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QPushButton, QWizard

from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import (
    current_language,
    is_available,
    locale_of,
    switch_language,
    translated,
)
from monmaster_desktop.gui.pages.base import FormPage
from monmaster_desktop.i18n import LANGUAGE_NAMES, LANGUAGES

CANDIDATER_BUTTON = QT_TRANSLATE_NOOP("WelcomePage", "Candidater")


def other_language(language: str) -> str:
    """The language the switch offers: the next one of ``LANGUAGES`` (the other one, with two)."""
    return LANGUAGES[(LANGUAGES.index(language) + 1) % len(LANGUAGES)]


class WelcomePage(FormPage):
    FORM = "welcome_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.session_notice = self.child(QLabel, "sessionNoticeLabel")
        self.language_button = self.child(QPushButton, "languageButton")
        self.language_button.clicked.connect(self._switch_language)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setButtonText(QWizard.WizardButton.NextButton, translated("WelcomePage", CANDIDATER_BUTTON))
        offered = other_language(current_language())
        # The language's own name, in that language, said with its voice.
        self.language_button.setText(LANGUAGE_NAMES[offered])
        self.language_button.setAccessibleName(LANGUAGE_NAMES[offered])
        self.language_button.setLocale(locale_of(offered))
        # A copy built without a language's catalogs does not offer it (the self-test says so).
        self.language_button.setVisible(is_available(offered))

    def _switch_language(self) -> None:
        switch_language(other_language(current_language()))

    def nextId(self) -> int:
        return PageId.CANDIDATER

    def show_session_notice(self, shown: bool) -> None:
        """Show (or hide) "Nouvelle session : …" above the heading, labelling it while shown."""
        self.session_notice.setVisible(shown)
        heading = self.heading()
        self.session_notice.setBuddy(heading if shown and heading is not None else None)  # type: ignore[arg-type]
