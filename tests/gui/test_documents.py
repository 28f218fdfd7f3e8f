"""The documents the flow links to: short summaries that say they are summaries, closed with Escape."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from monmaster_desktop.gui.documents import DOCUMENT_TITLES, DocumentDialog, show_document

SUMMARY_NOTICE = "Ceci est un résumé rédigé par le projet Mon Master Desktop, pas le texte officiel."
WHERE_THE_OFFICIAL_TEXT_LIVES = {
    "charte": "monmaster.gouv.fr",
    "cgu": "monmaster.gouv.fr",
    "cnil": "cnil.fr",
    "etudes_en_france": "campusfrance.org",
}


def open_document(qtbot, key: str, parent: QWidget | None = None) -> DocumentDialog:
    dialog = show_document(parent, key)
    if parent is None:
        qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_the_four_documents_of_the_flow_have_french_titles() -> None:
    assert DOCUMENT_TITLES == {
        "charte": "Charte des droits et devoirs du candidat",
        "cgu": "Conditions générales d'utilisation",
        "cnil": "Recommandations de la CNIL sur les mots de passe",
        "etudes_en_france": "La procédure Études en France",
    }


@pytest.mark.parametrize("key", list(DOCUMENT_TITLES))
def test_every_document_says_it_is_a_summary_and_where_the_official_text_is(qtbot, key: str) -> None:
    dialog = open_document(qtbot, key)

    text = dialog.text_browser.toPlainText()
    assert text.startswith(SUMMARY_NOTICE)
    assert WHERE_THE_OFFICIAL_TEXT_LIVES[key] in text.splitlines()[0]
    body = text.removeprefix(SUMMARY_NOTICE)
    assert len(body.split()) > 60
    assert dialog.windowTitle() == DOCUMENT_TITLES[key]
    assert dialog.title_label.text() == DOCUMENT_TITLES[key]
    assert dialog.text_browser.isReadOnly()
    assert dialog.text_browser.accessibleName() == DOCUMENT_TITLES[key]


def test_fermer_has_the_focus_and_escape_closes(qtbot) -> None:
    dialog = open_document(qtbot, "charte")
    qtbot.waitUntil(dialog.close_button.hasFocus)
    assert dialog.close_button.text() == "Fermer"
    assert dialog.close_button.accessibleName() == "Fermer"

    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_enter_closes_the_document(qtbot) -> None:
    dialog = open_document(qtbot, "cgu")
    qtbot.waitUntil(dialog.close_button.hasFocus)

    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_escape_closes_the_document_while_reading_the_text(qtbot) -> None:
    dialog = open_document(qtbot, "cnil")
    dialog.text_browser.setFocus()
    qtbot.waitUntil(dialog.text_browser.hasFocus)

    qtbot.keyClick(dialog.text_browser, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_text_scrolls_with_the_keyboard_and_tab_leaves_it(qtbot) -> None:
    dialog = open_document(qtbot, "charte")
    dialog.resize(420, 300)
    text = dialog.text_browser
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    scroll_bar = text.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll_bar.maximum() > 0)

    qtbot.keyClick(text, Qt.Key.Key_PageDown)
    assert scroll_bar.value() > 0

    qtbot.keyClick(text, Qt.Key.Key_Tab)
    assert dialog.close_button.hasFocus()


def test_opening_a_document_again_brings_back_the_same_window(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    first = open_document(qtbot, "etudes_en_france", parent)
    qtbot.keyClick(first.close_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not first.isVisible())

    second = open_document(qtbot, "etudes_en_france", parent)

    assert second is first
    assert second.isVisible()


def test_an_unknown_document_is_refused(qtbot) -> None:
    with pytest.raises(KeyError):
        show_document(None, "reglement")
    with pytest.raises(KeyError):
        DocumentDialog("reglement")
