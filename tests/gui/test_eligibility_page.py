"""Étape 1 sur 2, as a candidate (and a screen-reader user) meets it: four questions, Oui or Non."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_support import AnnouncementLog, show_in_wizard
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QPushButton, QWizard, QWizardPage

from monmaster_desktop import eligibility
from monmaster_desktop.eligibility import QUESTION_KEYS, QUESTIONS, Answer
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.pages.eligibility_page import EligibilityPage
from monmaster_desktop.gui.widgets.field_message import FieldMessage

ELIGIBLE_ANNOUNCEMENT = (
    "Votre saisie est correcte. Je suis éligible. Le bouton Créer mon compte est disponible."
)


@pytest.fixture
def page(qtbot, gui_context: GuiContext) -> Iterator[EligibilityPage]:
    eligibility_page = EligibilityPage(gui_context)
    wizard = show_in_wizard(qtbot, eligibility_page)
    yield eligibility_page
    del wizard  # kept alive until here: the wizard owns the page


def click(qtbot, page: EligibilityPage, key: str, value: Answer) -> None:
    qtbot.mouseClick(page.radio(key, value), Qt.MouseButton.LeftButton)


def answer_all(qtbot, page: EligibilityPage, **answers: Answer) -> None:
    """Click Oui everywhere except where ``answers`` says otherwise."""
    for key in QUESTION_KEYS:
        click(qtbot, page, key, answers.get(key, Answer.OUI))


def create_account_button(page: EligibilityPage) -> QPushButton:
    return page.wizard().button(QWizard.WizardButton.NextButton)


def message_under(page: EligibilityPage, key: str) -> FieldMessage:
    return page.child(FieldMessage, f"feedback_{key}")


def eligible_panel(page: EligibilityPage) -> QFrame:
    return page.child(QFrame, "eligiblePanel")


def not_concerned_panel(page: EligibilityPage) -> QFrame:
    return page.child(QFrame, "notConcernedPanel")


def plain_text(label: QLabel) -> str:
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


# --- the verdict ---------------------------------------------------------------------------------


def test_all_oui_shows_je_suis_eligible_and_enables_creer_mon_compte(
    qtbot, page: EligibilityPage, gui_context: GuiContext
) -> None:
    answer_all(qtbot, page)

    assert eligible_panel(page).isVisible()
    assert page.child(FieldMessage, "eligibleTitleLabel").text() == "Je suis éligible"
    assert page.child(QLabel, "eligibleTextLabel").text() == eligibility.ELIGIBLE_TEXT
    assert not not_concerned_panel(page).isVisible()
    button = create_account_button(page)
    assert button.text() == "Créer mon compte"
    assert button.isEnabled()
    for key in QUESTION_KEYS:
        assert message_under(page, key).text() == "Votre saisie est correcte"
        assert message_under(page, key).kind() == "success"
    assert gui_context.session.eligibility_answers == {key: Answer.OUI for key in QUESTION_KEYS}
    assert list(gui_context.session.eligibility_answers) == list(QUESTION_KEYS)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: f"question_{q.number}_{q.key}")
def test_non_to_a_question_says_why_and_keeps_creer_mon_compte_disabled(
    qtbot, page: EligibilityPage, gui_context: GuiContext, question: eligibility.Question
) -> None:
    answer_all(qtbot, page, **{question.key: Answer.NON})

    message = message_under(page, question.key)
    assert message.isVisible()
    assert message.text() == question.if_no
    assert message.kind() == "warning"
    assert not_concerned_panel(page).isVisible()
    assert page.child(FieldMessage, "notConcernedTitleLabel").text() == eligibility.NOT_CONCERNED_TITLE
    assert question.if_no in plain_text(page.child(QLabel, "notConcernedTextLabel"))
    assert not eligible_panel(page).isVisible()
    assert not create_account_button(page).isEnabled()
    assert gui_context.session.eligibility_answers[question.key] is Answer.NON


def test_non_to_question_4_points_to_etudes_en_france(qtbot, page: EligibilityPage) -> None:
    answer_all(qtbot, page, residence=Answer.NON)

    assert "plateforme Études en France" in message_under(page, "residence").text()
    assert "Campus France" in plain_text(page.child(QLabel, "notConcernedTextLabel"))
    assert page.child(QPushButton, "link_etudes_en_france").isVisible()


def test_two_non_answers_list_both_explanations_in_the_panel(qtbot, page: EligibilityPage) -> None:
    answer_all(qtbot, page, first_year_master=Answer.NON, residence=Answer.NON)

    panel_text = plain_text(page.child(QLabel, "notConcernedTextLabel"))
    first, residence = (eligibility.question_by_key(k).if_no for k in ("first_year_master", "residence"))
    assert first in panel_text
    assert residence in panel_text
    assert panel_text.index(first) < panel_text.index(residence)


def test_changing_non_to_oui_makes_the_candidate_eligible_again(
    qtbot, page: EligibilityPage, gui_context: GuiContext
) -> None:
    answer_all(qtbot, page, charter=Answer.NON)
    assert not create_account_button(page).isEnabled()

    click(qtbot, page, "charter", Answer.OUI)

    assert message_under(page, "charter").text() == "Votre saisie est correcte"
    assert not page.radio("charter", Answer.NON).isChecked()
    assert not not_concerned_panel(page).isVisible()
    assert eligible_panel(page).isVisible()
    assert create_account_button(page).isEnabled()
    assert gui_context.session.eligibility_answers["charter"] is Answer.OUI


def test_changing_oui_to_non_takes_creer_mon_compte_away(qtbot, page: EligibilityPage) -> None:
    answer_all(qtbot, page)
    click(qtbot, page, "licence_grade", Answer.NON)

    assert not eligible_panel(page).isVisible()
    assert not_concerned_panel(page).isVisible()
    assert not create_account_button(page).isEnabled()


def test_unanswered_questions_keep_the_button_disabled_and_show_no_panel(
    qtbot, page: EligibilityPage
) -> None:
    assert not create_account_button(page).isEnabled()
    assert not eligible_panel(page).isVisible()
    assert not not_concerned_panel(page).isVisible()
    assert all(not message_under(page, key).isVisible() for key in QUESTION_KEYS)

    for key in QUESTION_KEYS[:-1]:
        click(qtbot, page, key, Answer.OUI)

    assert not create_account_button(page).isEnabled()
    assert not eligible_panel(page).isVisible()
    assert not not_concerned_panel(page).isVisible()
    assert not message_under(page, QUESTION_KEYS[-1]).isVisible()


def test_the_page_leads_to_choisir_mes_identifiants(page: EligibilityPage) -> None:
    assert page.nextId() == PageId.CREDENTIALS


# --- keyboard and assistive technology -----------------------------------------------------------


def test_arrow_keys_move_between_oui_and_non_and_tab_goes_to_the_next_question(
    qtbot, page: EligibilityPage
) -> None:
    oui, non = page.radio("first_year_master", Answer.OUI), page.radio("first_year_master", Answer.NON)
    click(qtbot, page, "first_year_master", Answer.OUI)
    assert oui.hasFocus()

    qtbot.keyClick(oui, Qt.Key.Key_Right)
    assert non.hasFocus()
    assert non.isChecked()
    assert message_under(page, "first_year_master").kind() == "warning"

    qtbot.keyClick(non, Qt.Key.Key_Left)
    assert oui.hasFocus()
    assert oui.isChecked()

    # Tab leaves the group: the next stop is question 2 (its charter link, then its Oui).
    qtbot.keyClick(oui, Qt.Key.Key_Tab)
    charter_link = page.child(QPushButton, "link_charte")
    assert charter_link.hasFocus()
    qtbot.keyClick(charter_link, Qt.Key.Key_Tab)
    assert page.radio("charter", Answer.OUI).hasFocus()


def test_enter_on_an_answer_creates_the_account_only_once_eligible(qtbot, page: EligibilityPage) -> None:
    wizard = page.wizard()
    wizard.setPage(PageId.CREDENTIALS, QWizardPage())
    answer_all(qtbot, page, residence=Answer.NON)
    non = page.radio("residence", Answer.NON)
    qtbot.keyClick(non, Qt.Key.Key_Return)
    assert wizard.currentPage() is page

    # Through the charter link on the way (a focused button becomes Enter's target for a while).
    click(qtbot, page, "first_year_master", Answer.OUI)
    qtbot.keyClick(page.radio("first_year_master", Answer.OUI), Qt.Key.Key_Tab)
    assert page.child(QPushButton, "link_charte").hasFocus()
    click(qtbot, page, "residence", Answer.OUI)
    qtbot.keyClick(page.radio("residence", Answer.OUI), Qt.Key.Key_Return)

    assert wizard.currentId() == PageId.CREDENTIALS


def test_space_answers_the_focused_question(qtbot, page: EligibilityPage) -> None:
    oui = page.radio("licence_grade", Answer.OUI)
    oui.setFocus()
    qtbot.waitUntil(oui.hasFocus)

    qtbot.keyClick(oui, Qt.Key.Key_Space)

    assert oui.isChecked()
    assert message_under(page, "licence_grade").text() == "Votre saisie est correcte"


def test_screen_readers_meet_oui_and_non_inside_a_group_named_after_the_question(
    page: EligibilityPage,
) -> None:
    for question in QUESTIONS:
        group = page.child(QGroupBox, f"question_{question.key}")
        interface = QAccessible.queryAccessibleInterface(group)
        assert interface.role() == QAccessible.Role.Grouping
        assert interface.text(QAccessible.Text.Name) == question.text
        description = interface.text(QAccessible.Text.Description)
        for line in (*question.cases, *([question.note] if question.note else [])):
            assert line in description

        radios = [
            interface.child(index)
            for index in range(interface.childCount())
            if interface.child(index).role() == QAccessible.Role.RadioButton
        ]
        assert [radio.text(QAccessible.Text.Name) for radio in radios] == ["Oui", "Non"]


def test_every_link_is_named_like_its_visible_words(page: EligibilityPage) -> None:
    for question in (q for q in QUESTIONS if q.link_text):
        link = page.child(QPushButton, f"link_{question.link_target}")
        assert link.text() == question.link_text
        assert QAccessible.queryAccessibleInterface(link).text(QAccessible.Text.Name) == question.link_text
        assert link.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_answer_message_is_also_the_radios_description(qtbot, page: EligibilityPage) -> None:
    click(qtbot, page, "residence", Answer.NON)

    radio = page.radio("residence", Answer.NON)
    assert radio.accessibleDescription() == eligibility.question_by_key("residence").if_no


def test_announcements_follow_what_the_candidate_does(
    qtbot, page: EligibilityPage, announcements: AnnouncementLog
) -> None:
    charter_if_no = eligibility.question_by_key("charter").if_no
    residence_if_no = eligibility.question_by_key("residence").if_no
    steps: list[tuple[str, Answer, str]] = [
        ("first_year_master", Answer.OUI, "Votre saisie est correcte"),
        ("charter", Answer.NON, charter_if_no),
        ("charter", Answer.OUI, "Votre saisie est correcte"),
        ("licence_grade", Answer.OUI, "Votre saisie est correcte"),
        ("residence", Answer.OUI, ELIGIBLE_ANNOUNCEMENT),
        ("residence", Answer.NON, f"{residence_if_no} Le bouton Créer mon compte n'est plus disponible."),
    ]
    for count, (key, value, _) in enumerate(steps, start=1):
        click(qtbot, page, key, value)
        qtbot.waitUntil(lambda count=count: len(announcements.entries) == count)

    # One polite announcement per action, in order, and nothing in between.
    assert announcements.entries == [(text, False) for _, _, text in steps]


def test_quick_arrow_presses_are_announced_once(
    qtbot, page: EligibilityPage, announcements: AnnouncementLog
) -> None:
    click(qtbot, page, "first_year_master", Answer.OUI)
    qtbot.waitUntil(lambda: len(announcements.entries) == 1)
    oui = page.radio("first_year_master", Answer.OUI)

    qtbot.keyClick(oui, Qt.Key.Key_Right)  # Non
    qtbot.keyClick(page.radio("first_year_master", Answer.NON), Qt.Key.Key_Left)  # Oui again
    qtbot.keyClick(oui, Qt.Key.Key_Right)  # Non
    qtbot.waitUntil(lambda: len(announcements.entries) == 2)
    click(qtbot, page, "charter", Answer.OUI)
    qtbot.waitUntil(lambda: len(announcements.entries) == 3)

    assert announcements.texts == [
        "Votre saisie est correcte",
        eligibility.question_by_key("first_year_master").if_no,
        "Votre saisie est correcte",
    ]


# --- starting over -------------------------------------------------------------------------------


def test_clear_empties_every_answer_message_and_panel(
    qtbot, page: EligibilityPage, gui_context: GuiContext, announcements: AnnouncementLog
) -> None:
    answer_all(qtbot, page, residence=Answer.NON)

    with qtbot.waitSignal(page.completeChanged):
        page.clear()

    for key in QUESTION_KEYS:
        assert not page.radio(key, Answer.OUI).isChecked()
        assert not page.radio(key, Answer.NON).isChecked()
        assert not message_under(page, key).isVisible()
    assert not eligible_panel(page).isVisible()
    assert not not_concerned_panel(page).isVisible()
    assert not create_account_button(page).isEnabled()
    assert gui_context.session.eligibility_answers == {key: None for key in QUESTION_KEYS}
    assert page.scroll_area.verticalScrollBar().value() == 0

    # The next candidate answers as usual: Oui and Non exclude each other again.
    click(qtbot, page, "first_year_master", Answer.OUI)
    click(qtbot, page, "first_year_master", Answer.NON)
    assert not page.radio("first_year_master", Answer.OUI).isChecked()
    # The previous candidate's pending announcement was dropped: only the new answer is spoken.
    qtbot.waitUntil(lambda: len(announcements.entries) == 1)
    assert announcements.texts == [eligibility.question_by_key("first_year_master").if_no]


# --- texts ---------------------------------------------------------------------------------------


def test_texts_on_screen_are_the_seeds(page: EligibilityPage) -> None:
    assert page.child(QLabel, "stepCountLabel").text() == eligibility.STEP_LABEL == "Étape 1 sur 2"
    assert page.heading().text() == eligibility.STEP_TITLE == "Suis-je concerné par la plateforme ?"
    assert page.heading().accessibleName() == eligibility.STEP_TITLE
    assert (
        page.child(QLabel, "nextStepLabel").text()
        == eligibility.NEXT_STEP
        == "Prochaine étape : Choisir mes identifiants"
    )
    assert page.child(QLabel, "introLabel").text() == eligibility.INTRO
    for question in QUESTIONS:
        assert page.child(QLabel, f"question_{question.key}_text").text() == question.text
        if question.cases:
            shown_cases = plain_text(page.child(QLabel, f"question_{question.key}_cases"))
            assert shown_cases.splitlines() == list(question.cases)
        if question.note:
            assert page.child(QLabel, f"question_{question.key}_note").text() == question.note
        assert page.radio(question.key, Answer.OUI).text() == "Oui"
        assert page.radio(question.key, Answer.NON).text() == "Non"
    assert create_account_button(page).text() == "Créer mon compte"


def test_step_bar_shows_the_first_of_two_steps_done(page: EligibilityPage) -> None:
    segments = [page.child(QFrame, "currentStepSegment"), page.child(QFrame, "nextStepSegment")]
    assert [segment.property("role") for segment in segments] == ["step-segment", "step-segment"]
    assert [segment.property("done") for segment in segments] == ["true", None]


# --- documents -----------------------------------------------------------------------------------


def test_links_open_the_charter_and_etudes_en_france(
    qtbot, page: EligibilityPage, gui_context: GuiContext
) -> None:
    opened: list[str] = []
    page.document_requested.connect(opened.append)

    qtbot.mouseClick(page.child(QPushButton, "link_charte"), Qt.MouseButton.LeftButton)
    etudes_link = page.child(QPushButton, "link_etudes_en_france")
    etudes_link.setFocus()
    qtbot.waitUntil(etudes_link.hasFocus)
    qtbot.keyClick(etudes_link, Qt.Key.Key_Space)

    assert opened == ["charte", "etudes_en_france"]


def test_radio_rejects_an_unknown_question(page: EligibilityPage) -> None:
    with pytest.raises(ValueError):
        page.radio("age", Answer.OUI)
