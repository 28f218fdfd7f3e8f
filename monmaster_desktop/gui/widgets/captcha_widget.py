"""The captcha of step 2 on screen: the distorted code, its question alternative, "Écouter", the answer.

``CaptchaWidget`` wraps the Qt-free ``monmaster_desktop.captcha.Captcha`` (which alone judges answers)
and lays out ``ui/captcha_widget.ui``; the page builds it and configures it with ``set_mode``. The
image (``captcha_image.py``) is drawn with QPainter, sized from the font and redrawn when the text
scale or the screen's pixel ratio change. A screen-reader user meets the
question in text (and in the answer field's accessible description); "Écouter" reads the question
aloud (``speech.py``) where Qt's text-to-speech module and a voice exist, and is hidden — never
broken — elsewhere.

It must never decide that an answer is right by itself, nor announce what the candidate types.
After a language switch (``retranslate``) it says the same challenge and verdict in the new language:
the question is spelt in that language, the answer typed stays.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from monmaster_desktop.captcha import Captcha, CaptchaOutcome, CaptchaVerdict
from monmaster_desktop.gui.accessibility.announcer import Announcer, describe
from monmaster_desktop.gui.forms import find_child, load_form, retranslate_form
from monmaster_desktop.gui.language import is_language_change, translated
from monmaster_desktop.gui.style import mark_invalid
from monmaster_desktop.gui.widgets.captcha_image import render_captcha_image
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.widgets.speech import SpeechBackend, create_speech_backend
from monmaster_desktop.i18n import again
from monmaster_desktop.settings import CaptchaMode

FORM = "captcha_widget.ui"
ANSWER_WIDTH_EM = 20  # the answer is short: a field the width of the page would look like a text box

# --- Texts set at run time (project-written; the static ones are in the .ui) -------------------------
_CONTEXT = "CaptchaWidget"
IMAGE_ACCESSIBLE_NAME = QT_TRANSLATE_NOOP(
    "CaptchaWidget",
    "Image de captcha : {count} caractères déformés. Si vous ne pouvez pas la lire, répondez à la question "
    "ci-dessous.",
)
QUESTION_AFTER_IMAGE = QT_TRANSLATE_NOOP("CaptchaWidget", "Ou répondez à la question : {question}.")
QUESTION_ALONE = QT_TRANSLATE_NOOP("CaptchaWidget", "Question : {question}.")
NEW_CODE_BUTTON = QT_TRANSLATE_NOOP("CaptchaWidget", "Nouveau code")
NEW_QUESTION_BUTTON = QT_TRANSLATE_NOOP("CaptchaWidget", "Nouvelle question")
IMAGE_ANSWER_LABEL = QT_TRANSLATE_NOOP("CaptchaWidget", "Caractères de l'image ou réponse à la question")
IMAGE_ANSWER_HINT = QT_TRANSLATE_NOOP(
    "CaptchaWidget", "Recopiez les caractères de l'image, ou écrivez en chiffres le nombre de la question."
)
QUESTION_ANSWER_LABEL = QT_TRANSLATE_NOOP("CaptchaWidget", "Réponse à la question")
QUESTION_ANSWER_HINT = QT_TRANSLATE_NOOP("CaptchaWidget", "Écrivez le nombre en chiffres.")
NEW_CAPTCHA_ANNOUNCEMENT = QT_TRANSLATE_NOOP(
    "CaptchaWidget", "Nouveau captcha généré. Question : {question}."
)
NEW_QUESTION_ANNOUNCEMENT = QT_TRANSLATE_NOOP("CaptchaWidget", "Nouvelle question générée : {question}.")
ANSWER_ACCEPTED = QT_TRANSLATE_NOOP("CaptchaWidget", "Votre réponse au captcha est correcte.")
SPOKEN_QUESTION = QT_TRANSLATE_NOOP("CaptchaWidget", "{question}.")


_RESTYLING_EVENTS = (
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.PaletteChange,
    QEvent.Type.DevicePixelRatioChange,
)


class CaptchaWidget(QWidget):
    """The captcha block of the credentials page (hidden as a whole in "off" mode)."""

    changed = Signal()  # the answer text changed: the page re-checks whether it is complete

    def __init__(self, parent: QWidget | None = None, mode: CaptchaMode = CaptchaMode.IMAGE) -> None:
        super().__init__(parent)
        # Every attribute exists before the form is attached: its change events reach eventFilter.
        self._announcer: Announcer | None = None
        self._speech: SpeechBackend | None = None
        self._rng: random.Random = random.SystemRandom()
        self._captcha = Captcha(mode, self._rng)
        self._drawing_seed = 0
        self._rendered_for: tuple[str, int, str, float] | None = None
        self._error: str | None = None
        self._hidden_by_off_mode = False

        self._form = form = load_form(FORM)
        self._image = find_child(form, QLabel, "captchaImageLabel", FORM)
        self._new_challenge_button = find_child(form, QPushButton, "captchaNewChallengeButton", FORM)
        self._listen_button = find_child(form, QPushButton, "captchaListenButton", FORM)
        self._question_label = find_child(form, QLabel, "captchaQuestionLabel", FORM)
        self._answer_label = find_child(form, QLabel, "captchaAnswerLabel", FORM)
        self._answer_hint = find_child(form, QLabel, "captchaAnswerHintLabel", FORM)
        self._answer_edit = find_child(form, QLineEdit, "captchaAnswerEdit", FORM)
        self._message = find_child(form, FieldMessage, "captchaAnswerMessage", FORM)
        self._image.setTextFormat(Qt.TextFormat.PlainText)
        self._image.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._image.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._question_label.setTextFormat(Qt.TextFormat.PlainText)

        self.setObjectName("captchaWidget")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form)
        self._image.installEventFilter(self)

        self._new_challenge_button.clicked.connect(self._on_new_challenge_clicked)
        self._listen_button.clicked.connect(self._on_listen_clicked)
        self._answer_edit.textChanged.connect(self.changed)
        self.set_speech_backend(create_speech_backend(self))
        self._apply_mode()

    # --- configuration -----------------------------------------------------------------------------
    def set_mode(self, mode: CaptchaMode, rng: random.Random | None = None) -> None:
        """A fresh challenge in ``mode``; ``rng`` (tests) makes the code, question and image repeatable."""
        self._rng = rng if rng is not None else random.SystemRandom()
        self._captcha = Captcha(mode, self._rng)
        self._apply_mode()

    def mode(self) -> CaptchaMode:
        return self._captcha.mode

    @property
    def captcha(self) -> Captcha:
        return self._captcha

    def set_announcer(self, announcer: Announcer) -> None:
        self._announcer = announcer

    def set_speech_backend(self, backend: SpeechBackend | None) -> None:
        """The engine behind "Écouter"; None (or an engine without voice) hides the button."""
        previous = getattr(self._speech, "availability_changed", None)
        if previous is not None:
            previous.disconnect(self._update_listen_button)
        self._speech = backend
        signal = getattr(backend, "availability_changed", None)
        if signal is not None:
            signal.connect(self._update_listen_button)
        self._update_listen_button()

    def answer_edit(self) -> QLineEdit:
        return self._answer_edit

    def tab_chain(self) -> list[QWidget]:
        """The focusable controls in Tab order, for the page to weave into its own order."""
        return [self._new_challenge_button, self._listen_button, self._answer_edit]

    # --- what the page asks ------------------------------------------------------------------------
    def has_answer(self) -> bool:
        if self._captcha.solved:
            return True
        return bool(self._answer_edit.text().strip())

    def verify(self) -> CaptchaVerdict:
        """Judge the typed answer, show the verdict under the field, announce an error assertively."""
        verdict = self._captcha.verify(self._answer_edit.text())
        if self._captcha.mode is CaptchaMode.OFF:
            return verdict
        if verdict.outcome is CaptchaOutcome.SOLVED:
            self._set_error(None)
            self._message.show_message("success", translated(_CONTEXT, ANSWER_ACCEPTED))
            return verdict
        if verdict.outcome is CaptchaOutcome.RENEWED:
            self._show_new_challenge()
            self._answer_edit.setText("")
        self._set_error(verdict.message)
        if self._announcer is not None and verdict.message:
            self._announcer.announce(self._answer_edit, verdict.message, assertive=True)
        return verdict

    def clear(self) -> None:
        """A new challenge and an empty answer (undo history included), no message."""
        self._captcha.renew()
        self._show_new_challenge()
        self._answer_edit.setText("")  # setText (not clear-by-keys) also empties the undo history
        self._set_error(None)

    # --- behaviour ---------------------------------------------------------------------------------
    def _apply_mode(self) -> None:
        mode = self._captcha.mode
        # hide()/show() only on a change of mode: show() on a widget without a parent would open a window.
        if mode is CaptchaMode.OFF:
            self._hidden_by_off_mode = True
            self.hide()
        elif self._hidden_by_off_mode:
            self._hidden_by_off_mode = False
            self.show()
        self._image.setVisible(mode is CaptchaMode.IMAGE)
        self._answer_edit.setText("")
        self._set_error(None)
        self._show_new_challenge()

    def retranslate(self) -> None:
        """Every text in the current language: the form's, the mode's, the question, the verdict."""
        retranslate_form(self._form)
        self._message.retranslate()
        if self._error:
            self._error = again(self._error)
        self._show_texts()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _show_texts(self) -> None:
        """The texts that depend on the mode and the challenge (not the drawing), in the current language."""
        image_mode = self._captcha.mode is CaptchaMode.IMAGE
        button_text = translated(_CONTEXT, NEW_CODE_BUTTON if image_mode else NEW_QUESTION_BUTTON)
        self._new_challenge_button.setText(button_text)
        self._new_challenge_button.setAccessibleName(button_text)
        label = translated(_CONTEXT, IMAGE_ANSWER_LABEL if image_mode else QUESTION_ANSWER_LABEL)
        self._answer_label.setText(label)
        self._answer_edit.setAccessibleName(label)
        self._answer_hint.setText(
            translated(_CONTEXT, IMAGE_ANSWER_HINT if image_mode else QUESTION_ANSWER_HINT)
        )
        self._question_label.setText(self._question_sentence())
        self._image.setAccessibleName(
            translated(_CONTEXT, IMAGE_ACCESSIBLE_NAME, count=len(self._captcha.code))
        )
        self._update_description()

    def _question_sentence(self) -> str:
        template = QUESTION_AFTER_IMAGE if self._captcha.mode is CaptchaMode.IMAGE else QUESTION_ALONE
        return translated(_CONTEXT, template, question=self._captcha.question)

    def _show_new_challenge(self) -> None:
        self._drawing_seed = self._rng.getrandbits(32)
        self._show_texts()
        self._render_image(force=True)

    def _render_image(self, force: bool = False) -> None:
        """Draw the code for the current font and screen (also fits the answer field to the font).

        Only an image on screen is drawn: one not shown yet (the page being built, its style sheet
        changing its font) is drawn when it is shown (``showEvent``), once, for the font and screen
        it is shown with (docs/performance.md, "Pages built after the first paint").
        """
        font = self._image.font()
        self._answer_edit.setMaximumWidth(round(QFontMetricsF(font).horizontalAdvance("M") * ANSWER_WIDTH_EM))
        if self._captcha.mode is not CaptchaMode.IMAGE:
            return
        if not self._image.isVisible():
            self._rendered_for = None
            self._image.clear()  # never an old code's image, even for an instant when shown
            return
        ratio = self.devicePixelRatioF()
        key = (self._captcha.code, self._drawing_seed, font.key(), ratio)
        if not force and key == self._rendered_for:
            return
        self._rendered_for = key
        self._image.setPixmap(render_captcha_image(self._captcha.code, font, self._drawing_seed, ratio))

    def _set_error(self, message: str | None) -> None:
        self._error = message
        if message:
            self._message.show_message("error", message)
        else:
            self._message.clear()
        mark_invalid(self._answer_edit, bool(message))
        self._update_description()

    def _update_description(self) -> None:
        # Some screen readers only read the focused field's description (docs/architecture.md, "Talking
        # to assistive technologies"): the question and the current error live there too.
        describe(self._answer_edit, self._answer_hint.text(), self._question_sentence(), self._error)

    def _update_listen_button(self) -> None:
        self._listen_button.setVisible(self._speech is not None and self._speech.is_available())

    def _on_new_challenge_clicked(self) -> None:
        self._captcha.renew()
        self._show_new_challenge()
        self._answer_edit.setText("")
        self._set_error(None)
        if self._announcer is not None:
            template = (
                NEW_CAPTCHA_ANNOUNCEMENT
                if self._captcha.mode is CaptchaMode.IMAGE
                else NEW_QUESTION_ANNOUNCEMENT
            )
            self._announcer.announce(
                self._new_challenge_button, translated(_CONTEXT, template, question=self._captcha.question)
            )

    def _on_listen_clicked(self) -> None:
        if self._speech is not None and self._speech.is_available():
            self._speech.say(translated(_CONTEXT, SPOKEN_QUESTION, question=self._captcha.question))

    # --- keeping the image in step with the text scale and the screen ------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The image follows its own label's font (which style sheets may set apart from ours), the
        # style and the pixel ratio of the screen the window is on.
        if event.type() in _RESTYLING_EVENTS and watched is self._image:
            self._render_image()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        self._render_image()  # the screen (and its pixel ratio) is known for sure once shown
        super().showEvent(event)
