"""The captcha block as a candidate meets it: the image, its question alternative, "Écouter", the answer."""

from __future__ import annotations

import importlib.util
import random

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QColor, QFont, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from monmaster_desktop.captcha import CaptchaOutcome
from monmaster_desktop.gui.style import apply_style, theme_tokens
from monmaster_desktop.gui.widgets.captcha_image import render_captcha_image
from monmaster_desktop.gui.widgets.captcha_widget import CaptchaWidget
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.widgets.speech import create_speech_backend
from monmaster_desktop.settings import CaptchaMode

RENEWED_MESSAGE = "La réponse au captcha est incorrecte. Un nouveau captcha a été généré."


class FakeSpeech:
    """A speech engine with a voice, that remembers what it was asked to say."""

    def __init__(self, available: bool = True) -> None:
        self.available = available
        self.said: list[str] = []

    def is_available(self) -> bool:
        return self.available

    def say(self, text: str) -> None:
        self.said.append(text)


class SlowStartingSpeech(QObject):
    """An engine that gets its voices only after a moment (as some platforms' engines do)."""

    availability_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.ready = False

    def is_available(self) -> bool:
        return self.ready

    def say(self, text: str) -> None:
        pass


@pytest.fixture
def captcha_widget(qtbot, gui_context) -> CaptchaWidget:
    widget = CaptchaWidget()
    qtbot.addWidget(widget)
    widget.set_mode(CaptchaMode.IMAGE, random.Random(3))
    widget.set_announcer(gui_context.announcer)
    widget.show()  # the image is drawn for the screen it is shown on, once shown
    qtbot.waitExposed(widget)
    return widget


def image_label(widget: CaptchaWidget) -> QLabel:
    return widget.findChild(QLabel, "captchaImageLabel")


def new_challenge_button(widget: CaptchaWidget) -> QPushButton:
    return widget.findChild(QPushButton, "captchaNewChallengeButton")


def listen_button(widget: CaptchaWidget) -> QPushButton:
    return widget.findChild(QPushButton, "captchaListenButton")


def message(widget: CaptchaWidget) -> FieldMessage:
    return widget.findChild(FieldMessage, "captchaAnswerMessage")


def image_height(widget: CaptchaWidget) -> float:
    return image_label(widget).pixmap().deviceIndependentSize().height()


def shown_image(widget: CaptchaWidget) -> QImage:
    return image_label(widget).pixmap().toImage()


def type_answer(qtbot, widget: CaptchaWidget, text: str) -> None:
    edit = widget.answer_edit()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def wrong_answer(widget: CaptchaWidget) -> str:
    return widget.captcha.question_answer + "0"  # three digits: neither the answer nor the code


# --- solving it -----------------------------------------------------------------------------------
def test_typing_the_code_shown_solves_the_captcha(qtbot, captcha_widget, announcements) -> None:
    qtbot.keyClicks(captcha_widget.answer_edit(), captcha_widget.captcha.code.lower())
    verdict = captcha_widget.verify()
    assert verdict.outcome is CaptchaOutcome.SOLVED
    assert message(captcha_widget).kind() == "success"
    assert message(captcha_widget).text() == "Votre réponse au captcha est correcte."
    assert not [text for text, assertive in announcements.entries if assertive]


def test_typing_the_question_answer_solves_the_captcha(qtbot, captcha_widget) -> None:
    qtbot.keyClicks(captcha_widget.answer_edit(), captcha_widget.captcha.question_answer)
    assert captcha_widget.verify().outcome is CaptchaOutcome.SOLVED


def test_solved_captcha_is_not_asked_again_when_the_form_is_refused_elsewhere(qtbot, captcha_widget) -> None:
    qtbot.keyClicks(captcha_widget.answer_edit(), captcha_widget.captcha.code)
    captcha_widget.verify()
    code = captcha_widget.captcha.code
    assert captcha_widget.verify().outcome is CaptchaOutcome.SOLVED
    assert captcha_widget.captcha.code == code
    assert captcha_widget.answer_edit().text() == code


def test_empty_answer_asks_for_one_under_the_field(captcha_widget, announcements) -> None:
    assert not captcha_widget.has_answer()
    verdict = captcha_widget.verify()
    assert verdict.outcome is CaptchaOutcome.EMPTY
    assert message(captcha_widget).text() == "Saisissez la réponse au captcha."
    assert message(captcha_widget).kind() == "error"
    assert message(captcha_widget).isVisibleTo(captcha_widget)
    assert announcements.entries == [("Saisissez la réponse au captcha.", True)]


def test_wrong_answer_is_shown_announced_and_put_in_the_field_description(
    qtbot, captcha_widget, announcements
) -> None:
    qtbot.keyClicks(captcha_widget.answer_edit(), wrong_answer(captcha_widget))
    verdict = captcha_widget.verify()
    expected = "La réponse au captcha est incorrecte. Il vous reste 2 essais."
    assert verdict.outcome is CaptchaOutcome.WRONG
    assert message(captcha_widget).text() == expected
    assert announcements.entries == [(expected, True)]
    assert expected in captcha_widget.answer_edit().accessibleDescription()
    assert captcha_widget.answer_edit().property("invalid") is True


def test_three_wrong_answers_show_the_renewed_message_and_a_new_image(
    qtbot, captcha_widget, announcements
) -> None:
    old_code, old_image = captcha_widget.captcha.code, shown_image(captcha_widget)
    for _ in range(3):
        type_answer(qtbot, captcha_widget, wrong_answer(captcha_widget))
        verdict = captcha_widget.verify()
    assert verdict.outcome is CaptchaOutcome.RENEWED
    assert message(captcha_widget).text() == RENEWED_MESSAGE
    assert captcha_widget.captcha.code != old_code
    assert shown_image(captcha_widget) != old_image
    assert captcha_widget.answer_edit().text() == ""
    assert announcements.entries[-1] == (RENEWED_MESSAGE, True)
    question_label = captcha_widget.findChild(QLabel, "captchaQuestionLabel")
    assert captcha_widget.captcha.question in question_label.text()


def test_typing_emits_changed_and_fills_has_answer(qtbot, captcha_widget) -> None:
    with qtbot.waitSignal(captcha_widget.changed):
        qtbot.keyClicks(captcha_widget.answer_edit(), "4")
    assert captcha_widget.has_answer()
    type_answer(qtbot, captcha_widget, "   ")
    assert not captcha_widget.has_answer()


# --- a new challenge on request -------------------------------------------------------------------
def test_new_code_button_changes_the_image_and_is_announced(qtbot, captcha_widget, announcements) -> None:
    old_code, old_image = captcha_widget.captcha.code, shown_image(captcha_widget)
    qtbot.keyClicks(captcha_widget.answer_edit(), "ABC")
    qtbot.mouseClick(new_challenge_button(captcha_widget), Qt.MouseButton.LeftButton)
    assert captcha_widget.captcha.code != old_code
    assert shown_image(captcha_widget) != old_image
    assert captcha_widget.answer_edit().text() == ""
    assert announcements.entries == [
        (f"Nouveau captcha généré. Question : {captcha_widget.captcha.question}.", False)
    ]


def test_enter_in_the_answer_field_submits_the_form_not_a_new_code(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    captcha_widget = CaptchaWidget(dialog)
    captcha_widget.set_mode(CaptchaMode.IMAGE, random.Random(8))
    layout.addWidget(captcha_widget)
    submit = QPushButton("Continuer", dialog)
    submit.setDefault(True)
    submit.clicked.connect(dialog.accept)
    layout.addWidget(submit)
    dialog.show()
    qtbot.waitExposed(dialog)
    code = captcha_widget.captcha.code
    captcha_widget.answer_edit().setFocus()
    qtbot.keyClicks(captcha_widget.answer_edit(), code)
    QTest.keyClick(captcha_widget.answer_edit(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert captcha_widget.captcha.code == code


# --- modes ----------------------------------------------------------------------------------------
def test_question_mode_hides_the_image_and_asks_only_the_question(
    qtbot, captcha_widget, announcements
) -> None:
    captcha_widget.set_mode(CaptchaMode.QUESTION, random.Random(5))
    assert image_label(captcha_widget).isHidden()
    assert new_challenge_button(captcha_widget).text() == "Nouvelle question"
    assert new_challenge_button(captcha_widget).accessibleName() == "Nouvelle question"
    assert captcha_widget.answer_edit().accessibleName() == "Réponse à la question"
    question_label = captcha_widget.findChild(QLabel, "captchaQuestionLabel")
    assert question_label.text() == f"Question : {captcha_widget.captcha.question}."
    qtbot.keyClicks(captcha_widget.answer_edit(), captcha_widget.captcha.code)
    assert captcha_widget.verify().outcome is CaptchaOutcome.WRONG
    old_question = captcha_widget.captcha.question
    qtbot.mouseClick(new_challenge_button(captcha_widget), Qt.MouseButton.LeftButton)
    assert captcha_widget.captcha.question != old_question
    assert announcements.entries[-1] == (
        f"Nouvelle question générée : {captcha_widget.captcha.question}.",
        False,
    )


def test_off_mode_hides_everything_and_lets_the_candidate_through(qtbot, captcha_widget) -> None:
    captcha_widget.set_mode(CaptchaMode.OFF)
    assert captcha_widget.mode() is CaptchaMode.OFF
    assert captcha_widget.isHidden()
    assert captcha_widget.has_answer()
    assert captcha_widget.verify().outcome is CaptchaOutcome.SOLVED
    assert not message(captcha_widget).isVisibleTo(captcha_widget)


def test_back_from_off_mode_the_captcha_is_shown_again(qtbot, captcha_widget) -> None:
    captcha_widget.set_mode(CaptchaMode.OFF)
    captcha_widget.set_mode(CaptchaMode.IMAGE)
    assert not captcha_widget.isHidden()
    assert not captcha_widget.has_answer()


# --- "Écouter" ------------------------------------------------------------------------------------
def test_listen_is_hidden_without_a_speech_engine(captcha_widget) -> None:
    if importlib.util.find_spec("PySide6.QtTextToSpeech") is None:
        assert create_speech_backend(captcha_widget) is None
    captcha_widget.set_speech_backend(None)
    assert listen_button(captcha_widget).isHidden()
    captcha_widget.set_speech_backend(FakeSpeech(available=False))
    assert listen_button(captcha_widget).isHidden()


def test_listen_reads_the_question_aloud_with_a_speech_engine(qtbot, captcha_widget) -> None:
    speech = FakeSpeech()
    captcha_widget.set_speech_backend(speech)
    assert not listen_button(captcha_widget).isHidden()
    assert listen_button(captcha_widget).accessibleName() == "Écouter"
    qtbot.mouseClick(listen_button(captcha_widget), Qt.MouseButton.LeftButton)
    assert speech.said == [f"{captcha_widget.captcha.question}."]


def test_listen_appears_once_a_slow_engine_is_ready(captcha_widget) -> None:
    speech = SlowStartingSpeech()
    captcha_widget.set_speech_backend(speech)
    assert listen_button(captcha_widget).isHidden()
    speech.ready = True
    speech.availability_changed.emit()
    assert not listen_button(captcha_widget).isHidden()


# --- accessibility --------------------------------------------------------------------------------
def test_image_says_what_it_is_and_where_the_alternative_is(captcha_widget) -> None:
    image = image_label(captcha_widget)
    count = len(captcha_widget.captcha.code)
    assert image.accessibleName() == (
        f"Image de captcha : {count} caractères déformés. "
        "Si vous ne pouvez pas la lire, répondez à la question ci-dessous."
    )
    assert QAccessible.queryAccessibleInterface(image).role() == QAccessible.Role.Graphic


def test_controls_are_named_after_their_visible_labels(captcha_widget) -> None:
    button = new_challenge_button(captcha_widget)
    assert button.accessibleName() == button.text() == "Nouveau code"
    answer_label = captcha_widget.findChild(QLabel, "captchaAnswerLabel")
    assert answer_label.text() == "Caractères de l'image ou réponse à la question"
    assert captcha_widget.answer_edit().accessibleName() == answer_label.text()
    assert answer_label.buddy() is captcha_widget.answer_edit()
    heading = captcha_widget.findChild(QLabel, "captchaHeadingLabel")
    assert heading.text() == "Captcha"


def test_answer_field_description_carries_the_hint_and_the_question(captcha_widget) -> None:
    description = captcha_widget.answer_edit().accessibleDescription()
    assert "Recopiez les caractères de l'image" in description
    assert captcha_widget.captcha.question in description


def test_tab_goes_from_new_code_to_listen_to_the_answer(qtbot, captcha_widget) -> None:
    captcha_widget.set_speech_backend(FakeSpeech())
    captcha_widget.show()
    qtbot.waitExposed(captcha_widget)
    captcha_widget.activateWindow()
    new_challenge_button(captcha_widget).setFocus()
    qtbot.waitUntil(new_challenge_button(captcha_widget).hasFocus)
    QTest.keyClick(captcha_widget.focusWidget(), Qt.Key.Key_Tab)
    assert listen_button(captcha_widget).hasFocus()
    QTest.keyClick(captcha_widget.focusWidget(), Qt.Key.Key_Tab)
    assert captcha_widget.answer_edit().hasFocus()
    assert captcha_widget.tab_chain() == [
        new_challenge_button(captcha_widget),
        listen_button(captcha_widget),
        captcha_widget.answer_edit(),
    ]


def test_tab_skips_listen_when_there_is_no_speech(qtbot, captcha_widget) -> None:
    captcha_widget.set_speech_backend(None)
    captcha_widget.show()
    qtbot.waitExposed(captcha_widget)
    captcha_widget.activateWindow()
    new_challenge_button(captcha_widget).setFocus()
    qtbot.waitUntil(new_challenge_button(captcha_widget).hasFocus)
    QTest.keyClick(captcha_widget.focusWidget(), Qt.Key.Key_Tab)
    assert captcha_widget.answer_edit().hasFocus()


# --- clearing -------------------------------------------------------------------------------------
def test_clear_empties_the_answer_and_its_undo_history(qtbot, captcha_widget) -> None:
    old_code = captcha_widget.captcha.code
    qtbot.keyClicks(captcha_widget.answer_edit(), "abc")
    captcha_widget.verify()
    captcha_widget.clear()
    assert captcha_widget.answer_edit().text() == ""
    QTest.keyClick(captcha_widget.answer_edit(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert captcha_widget.answer_edit().text() == ""
    assert captcha_widget.captcha.code != old_code
    assert not message(captcha_widget).isVisibleTo(captcha_widget)
    assert captcha_widget.answer_edit().property("invalid") is False


def test_clear_forgets_a_solved_captcha(qtbot, captcha_widget) -> None:
    qtbot.keyClicks(captcha_widget.answer_edit(), captcha_widget.captcha.code)
    captcha_widget.verify()
    captcha_widget.clear()
    assert not captcha_widget.has_answer()
    assert captcha_widget.verify().outcome is CaptchaOutcome.EMPTY


# --- the image itself -----------------------------------------------------------------------------
def test_image_grows_with_the_text(captcha_widget) -> None:
    small = image_label(captcha_widget).pixmap().deviceIndependentSize()
    font = QFont(captcha_widget.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    captcha_widget.setFont(font)
    large = image_label(captcha_widget).pixmap().deviceIndependentSize()
    assert large.height() > small.height() * 1.7


def test_captcha_built_inside_a_page_with_larger_text_draws_larger_characters(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    font = QFont(page.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    page.setFont(font)
    inside = CaptchaWidget(page)
    inside.set_mode(CaptchaMode.IMAGE, random.Random(1))
    alone = CaptchaWidget()
    qtbot.addWidget(alone)
    alone.set_mode(CaptchaMode.IMAGE, random.Random(1))
    for window in (page, alone):
        window.show()
        qtbot.waitExposed(window)
    assert image_height(inside) > image_height(alone) * 1.7


def test_an_image_not_on_screen_shows_no_code_and_is_drawn_once_shown(qtbot) -> None:
    # A page built in the background draws its image when shown, and a hidden page keeps no old code.
    widget = CaptchaWidget(mode=CaptchaMode.IMAGE)
    qtbot.addWidget(widget)
    assert image_label(widget).pixmap().isNull()
    widget.show()
    qtbot.waitExposed(widget)
    first = shown_image(widget)
    assert not first.isNull()
    widget.hide()
    widget.clear()  # the next candidate's challenge, while hidden
    assert image_label(widget).pixmap().isNull()
    widget.show()
    assert not shown_image(widget).isNull()
    assert shown_image(widget) != first


def test_image_follows_the_application_text_scale(qapp, captcha_widget) -> None:
    before = image_height(captcha_widget)
    old_font, old_sheet = qapp.font(), qapp.styleSheet()
    try:
        apply_style(qapp, text_scale=1.0)
        normal = image_height(captcha_widget)
        apply_style(qapp, text_scale=2.0)
        assert image_height(captcha_widget) > normal * 1.7
    finally:
        qapp.setFont(old_font)
        qapp.setStyleSheet(old_sheet)
    assert image_height(captcha_widget) == before


def test_image_is_drawn_at_the_screen_pixel_ratio(qapp) -> None:
    pixmap = render_captcha_image("HRJ97K", qapp.font(), seed=1, device_pixel_ratio=2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.width() == pytest.approx(pixmap.deviceIndependentSize().width() * 2, abs=1)


def test_same_challenge_draws_the_same_image_and_another_seed_distorts_it_differently(qapp) -> None:
    first = render_captcha_image("HRJ97K", qapp.font(), seed=1).toImage()
    assert render_captcha_image("HRJ97K", qapp.font(), seed=1).toImage() == first
    assert render_captcha_image("HRJ97K", qapp.font(), seed=2).toImage() != first


def test_characters_are_drawn_in_high_contrast_ink(qapp) -> None:
    tokens = theme_tokens()
    image = render_captcha_image("HRJ97K", qapp.font(), seed=4).toImage()
    ink = {QColor(tokens["text"]).rgb(), QColor(tokens["primary"]).rgb()}
    inked = sum(
        1 for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).rgb() in ink
    )
    # Solid strokes in the ink colours (the text contrast is checked on those colours) …
    assert inked > image.width() * image.height() * 0.04
    # … which stand far above 4.5:1 against the background.
    background = QColor(tokens["background-alt"])
    for colour in ink:
        assert contrast(QColor.fromRgb(colour), background) >= 4.5


def contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
