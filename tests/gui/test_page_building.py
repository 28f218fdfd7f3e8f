"""The wizard builds Accueil before the window's first paint and every other page after it (or the
moment one is needed): a page built later is complete, named and announced, in the current language.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import AnnouncementLog
from language_support import french_in
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget, QWizard

from monmaster_desktop import i18n
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import language_switch, switch_language
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.pages.activated_page import ActivatedPage

Button = QWizard.WizardButton
LATER_PAGES = [page_id for page_id in PageId if page_id is not PageId.WELCOME]


@pytest.fixture
def window(qtbot, gui_context: GuiContext) -> MainWindow:
    """A main window made but not shown yet: nothing has been painted."""
    made = MainWindow(gui_context)
    qtbot.addWidget(made)
    return made


@pytest.fixture
def french_after(qapp) -> Iterator[None]:
    yield
    language_switch().default_language = i18n.DEFAULT_LANGUAGE
    switch_language("fr")


def page_texts(page: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the words and accessible names of a page's labels and buttons."""
    found: list[tuple[str, str]] = []
    for widget in page.findChildren(QWidget):
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append((where, widget.text()))
            interface = QAccessible.queryAccessibleInterface(widget)
            if interface is not None and interface.isValid():
                found.append((f"{where} name", interface.text(QAccessible.Text.Name)))
    return found


def test_only_accueil_is_built_before_the_first_paint_and_the_rest_right_after(
    qtbot, window: MainWindow
) -> None:
    assert window.wizard.pages.missing() == LATER_PAGES
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.wizard.pages.missing() == [])  # nobody asked for them


def test_candidater_before_the_pages_are_built_opens_the_next_page_and_announces_it(
    qtbot, window: MainWindow, announcements: AnnouncementLog
) -> None:
    window.wizard.restart()  # Accueil current, as shown; the other pages not built yet
    assert PageId.CANDIDATER in window.wizard.pages.missing()
    announcements.entries.clear()
    window.wizard.button(Button.NextButton).click()  # "Candidater"
    assert window.wizard.current_page_id is PageId.CANDIDATER
    heading = window.wizard.pages[PageId.CANDIDATER].heading()
    assert heading is not None and heading.text()
    assert announcements.texts == [heading.text()]


def test_a_page_asked_for_by_kind_is_built_then(window: MainWindow) -> None:
    assert PageId.ACTIVATED in window.wizard.pages.missing()
    page = window.wizard.page_of(ActivatedPage)
    assert isinstance(page, ActivatedPage) and window.wizard.page(PageId.ACTIVATED) is page


def test_pages_built_after_a_language_switch_are_in_that_language_and_follow_the_next_one(
    window: MainWindow, french_after
) -> None:
    switch_language("en")  # on Accueil, before any other page exists
    english = {page_id: page_texts(window.wizard.pages[page_id]) for page_id in LATER_PAGES}
    french = [
        f"{page_id.name} {where}: {text!r} ({why})"
        for page_id, texts in english.items()
        for where, text in texts
        if (why := french_in(text))
    ]
    assert french == []
    switch_language("fr")
    heading = window.wizard.pages[PageId.CREDENTIALS].heading()
    assert heading is not None and heading.text() == "Choisir mes identifiants"
    assert heading.accessibleName() == heading.text()
