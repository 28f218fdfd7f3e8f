"""The wizard builds Accueil before the window's first paint and every other page after it (or the
moment one is needed): a page built later is complete, named and announced, in the current language.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from gui_support import AnnouncementLog
from language_support import french_in
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget, QWizard

from monmaster_desktop import i18n
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.language import language_switch, switch_language
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.pages.activated_page import ActivatedPage
from monmaster_desktop.gui.pages.candidater_page import CandidaterPage

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


def test_pages_built_after_a_language_switch_say_what_pages_switched_with_it_say(
    qtbot, gui_context: GuiContext, french_after
) -> None:
    # One window has every page built in French, then switches; the other is made after the switch,
    # its pages built in English. Both say the same words and names, in English, and back in French.
    def all_pages(window: MainWindow) -> dict[PageId, list[tuple[str, str]]]:
        # Each page's own captcha challenge is drawn at random: its words are left out.
        return {
            page_id: [text for text in page_texts(window.wizard.pages[page_id]) if "captcha" not in text[0]]
            for page_id in PageId
        }

    switched = MainWindow(gui_context)
    qtbot.addWidget(switched)
    french = all_pages(switched)
    switch_language("en")  # on Accueil
    later = MainWindow(gui_context)
    qtbot.addWidget(later)
    assert later.wizard.pages.missing() == LATER_PAGES
    english = all_pages(later)
    assert english == all_pages(switched)
    assert english[PageId.CREDENTIALS] != french[PageId.CREDENTIALS]
    assert not [text for where, text in english[PageId.CREDENTIALS] if french_in(text)]
    switch_language("fr")
    assert all_pages(later) == french


def test_a_page_being_built_goes_with_its_window(qtbot, gui_context: GuiContext) -> None:
    # The window is closed while a page is half built (made, not yet in the wizard): the page is
    # destroyed with it, not left for Python's collector to find some day.
    made = MainWindow(gui_context)
    pages = made.wizard.pages
    pages.build_step(PageId.CANDIDATER)  # its modules
    pages.build_step(PageId.CANDIDATER)  # the page made, not placed yet
    half_built = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, CandidaterPage)]
    assert len(half_built) == 1
    made.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the page's own, posted meanwhile
    assert not shiboken6.isValid(half_built[0])


def test_pages_are_polished_once_and_keep_their_forms(qtbot, window: MainWindow) -> None:
    # Each page is placed straight into the wizard's page frame (one polish by the style sheet); its
    # form, made by QUiLoader, is still there for Python once the page is in the wizard.
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.wizard.pages.missing() == [])
    frames = {page.parentWidget() for page in window.wizard.pages.built()}
    assert len(frames) == 1
    for page in window.wizard.pages.built():
        assert shiboken6.isValid(page.form) and page.form.findChildren(QLabel)
