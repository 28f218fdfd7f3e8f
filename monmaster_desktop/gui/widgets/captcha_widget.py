"""The captcha of step 2 on screen: the distorted code, its question alternative, "Écouter", the answer.

``CaptchaWidget`` wraps the Qt-free ``monmaster_desktop.captcha.Captcha`` (which alone judges answers)
and lays out ``ui/captcha_widget.ui``. It can be a Designer promoted widget (constructed with a parent
only, then configured with ``set_mode``). The image is drawn with QPainter, sized from the font and
redrawn when the text scale or the screen's pixel ratio change. A screen-reader user meets the
question in text (and in the answer field's accessible description); "Écouter" reads the question
aloud where Qt's text-to-speech module and a voice exist, and is hidden — never broken — elsewhere.

It must never decide that an answer is right by itself, nor announce what the candidate types.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QEvent, QLocale, QObject, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from monmaster_desktop.captcha import Captcha, CaptchaOutcome, CaptchaVerdict
from monmaster_desktop.gui.accessibility.announcer import Announcer, describe
from monmaster_desktop.gui.forms import find_child, load_form
from monmaster_desktop.gui.style import current_theme, mark_invalid, theme_tokens
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.settings import CaptchaMode

FORM = "captcha_widget.ui"
W = TypeVar("W", bound=QWidget)
GLYPH_SIZE_IN_LINES = 2.2  # the characters' height, in lines of the current text (follows the text scale)
IMAGE_HEIGHT_IN_GLYPHS = 1.8
ANSWER_WIDTH_EM = 20  # the answer is short: a field the width of the page would look like a text box

# --- French texts set at run time (project-written; the static ones are in the .ui) ----------------
IMAGE_ACCESSIBLE_NAME = (
    "Image de captcha : {count} caractères déformés. "
    "Si vous ne pouvez pas la lire, répondez à la question ci-dessous."
)
QUESTION_AFTER_IMAGE = "Ou répondez à la question : {question}."
QUESTION_ALONE = "Question : {question}."
NEW_CODE_BUTTON = "Nouveau code"
NEW_QUESTION_BUTTON = "Nouvelle question"
IMAGE_ANSWER_LABEL = "Caractères de l'image ou réponse à la question"
IMAGE_ANSWER_HINT = "Recopiez les caractères de l'image, ou écrivez en chiffres le nombre de la question."
QUESTION_ANSWER_LABEL = "Réponse à la question"
QUESTION_ANSWER_HINT = "Écrivez le nombre en chiffres."
NEW_CAPTCHA_ANNOUNCEMENT = "Nouveau captcha généré. Question : {question}."
NEW_QUESTION_ANNOUNCEMENT = "Nouvelle question générée : {question}."
ANSWER_ACCEPTED = "Votre réponse au captcha est correcte."
SPOKEN_QUESTION = "{question}."


# --- Speech ----------------------------------------------------------------------------------------
class SpeechBackend(Protocol):
    """What "Écouter" needs from a speech engine; tests pass a fake one."""

    def is_available(self) -> bool: ...

    def say(self, text: str) -> None: ...


class QtSpeechBackend(QObject):
    """QTextToSpeech (PySide6-Addons) with a French voice when the engine has one.

    Construction raises ImportError where the module is not installed. Some engines only become
    ready after a moment: ``availability_changed`` tells the widget to look again.
    """

    availability_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech  # PySide6-Addons: absent from Essentials

        self._engine: QTextToSpeech | None = None
        if not QTextToSpeech.availableEngines():
            return
        self._engine = QTextToSpeech(self)
        self._engine.stateChanged.connect(self._on_state_changed)
        self._choose_french_voice()

    def _on_state_changed(self, _state: object) -> None:
        self._choose_french_voice()
        self.availability_changed.emit()

    def _choose_french_voice(self) -> None:
        if self._engine is None:
            return
        french = [
            locale
            for locale in self._engine.availableLocales()
            if locale.language() == QLocale.Language.French
        ]
        if french and self._engine.locale().language() != QLocale.Language.French:
            self._engine.setLocale(french[0])

    def is_available(self) -> bool:
        if self._engine is None:
            return False
        state = self._engine.state()
        if state.name == "Error":
            return False
        return bool(self._engine.availableVoices())

    def say(self, text: str) -> None:
        if self._engine is not None:
            self._engine.stop()
            self._engine.say(text)


def create_speech_backend(parent: QObject) -> SpeechBackend | None:
    """The platform's speech engine, or None where Qt's text-to-speech module is not installed."""
    try:
        return QtSpeechBackend(parent)
    except ImportError:
        return None


# --- The image -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Glyph:
    """One character of the image, as drawn: its font, ink, place and distortion."""

    character: str
    font: QFont
    colour: QColor
    advance: float  # horizontal room it takes, so that wide letters (M, W) do not swallow neighbours
    rise: float  # vertical offset from the middle line
    angle: float
    shear: tuple[float, float]


def _plan_glyphs(
    code: str, font: QFont, rng: random.Random, glyph_size: float, ink: list[QColor]
) -> list[_Glyph]:
    sans = QFont(font)
    serif = QFont(font)
    serif.setStyleHint(QFont.StyleHint.Serif)
    serif.setFamilies(["Serif"])  # a generic name: fontconfig, CoreText and GDI each map it to a serif
    image_height = glyph_size * IMAGE_HEIGHT_IN_GLYPHS
    glyphs = []
    for character in code:
        glyph_font = QFont(rng.choice((sans, serif)))
        glyph_font.setPixelSize(max(8, round(glyph_size * rng.uniform(0.85, 1.1))))
        glyph_font.setWeight(QFont.Weight.Bold)  # every family has a bold face; thin strokes would fade
        ink_box = QFontMetricsF(glyph_font).tightBoundingRect(character)
        angle = rng.uniform(-24, 24)
        turned = math.radians(angle)
        turned_height = ink_box.width() * abs(math.sin(turned)) + ink_box.height() * abs(math.cos(turned))
        # Up or down, but never cut by the image's edge.
        max_rise = max(0.0, min(0.15 * glyph_size, (image_height - turned_height) / 2 - 0.08 * glyph_size))
        glyphs.append(
            _Glyph(
                character=character,
                font=glyph_font,
                colour=rng.choice(ink),
                # Neighbours may touch (rotation brings them closer) but never cover each other.
                advance=max(ink_box.width(), glyph_size * 0.45) + glyph_size * rng.uniform(0.12, 0.24),
                rise=rng.uniform(-max_rise, max_rise),
                angle=angle,
                shear=(rng.uniform(-0.25, 0.25), rng.uniform(-0.1, 0.1)),
            )
        )
    return glyphs


def render_captcha_image(
    code: str, font: QFont, seed: int, device_pixel_ratio: float = 1.0, theme: str | None = None
) -> QPixmap:
    """``code`` drawn as distorted characters: each rotated, sheared, scaled and shifted at random,
    over a cluttered background and crossed by thin curves. Sized from ``font`` (so it follows the
    text scale); the same seed draws the same image. Characters use the theme's text and primary
    colours on background-alt (both far above 4.5:1); the noise is lighter or thinner than the
    strokes, so people can still read it.
    """
    tokens = theme_tokens(theme or current_theme())
    ink = [QColor(tokens["text"]), QColor(tokens["primary"])]
    rng = random.Random(seed)
    glyph_size = QFontMetricsF(font).height() * GLYPH_SIZE_IN_LINES
    glyphs = _plan_glyphs(code, font, rng, glyph_size, ink)
    margin = glyph_size * 0.4
    size = QSizeF(sum(glyph.advance for glyph in glyphs) + 2 * margin, glyph_size * IMAGE_HEIGHT_IN_GLYPHS)
    ratio = max(1.0, device_pixel_ratio)
    pixmap = QPixmap(math.ceil(size.width() * ratio), math.ceil(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(tokens["background-alt"]))
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        _paint_clutter(painter, rng, size, glyph_size, len(code), tokens)
        x = margin
        for glyph in glyphs:
            _paint_glyph(painter, glyph, QPointF(x + glyph.advance / 2, size.height() / 2 + glyph.rise))
            x += glyph.advance
        _paint_crossing_curves(painter, rng, size, glyph_size, ink)
    finally:
        painter.end()  # an exception must not leave the pixmap being painted (Qt would crash)
    return pixmap


def _paint_clutter(
    painter: QPainter, rng: random.Random, size: QSizeF, glyph_size: float, count: int, tokens: dict[str, str]
) -> None:
    # Light arcs and grey dots: an uneven background that leaves the characters legible.
    width, height = size.width(), size.height()
    for _ in range(count + 1):
        painter.setPen(QPen(QColor(tokens["border"]), glyph_size * rng.uniform(0.04, 0.1)))
        box = QRectF(rng.uniform(-0.2, 0.9) * width, rng.uniform(-0.3, 0.7) * height, glyph_size, glyph_size)
        painter.drawArc(box, rng.randrange(0, 360 * 16), rng.randrange(90 * 16, 270 * 16))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(tokens["text-mention"]))
    for _ in range(count * 6):
        radius = glyph_size * rng.uniform(0.015, 0.03)
        painter.drawEllipse(QPointF(rng.uniform(0, width), rng.uniform(0, height)), radius, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _paint_glyph(painter: QPainter, glyph: _Glyph, centre: QPointF) -> None:
    painter.save()
    painter.translate(centre)
    painter.rotate(glyph.angle)
    painter.shear(*glyph.shear)
    painter.setFont(glyph.font)
    painter.setPen(glyph.colour)
    box = QFontMetricsF(glyph.font).tightBoundingRect(glyph.character)
    painter.drawText(QPointF(-box.center().x(), -box.center().y()), glyph.character)
    painter.restore()


def _paint_crossing_curves(
    painter: QPainter, rng: random.Random, size: QSizeF, glyph_size: float, ink: list[QColor]
) -> None:
    # One curve per ink colour across the whole code, thinner than a stroke: it joins the characters
    # (which defeats naive segmentation) without hiding them.
    width, height = size.width(), size.height()
    for colour in ink:
        path = QPainterPath(QPointF(0, rng.uniform(0.3, 0.7) * height))
        path.cubicTo(
            QPointF(width * rng.uniform(0.2, 0.4), rng.uniform(0, 1) * height),
            QPointF(width * rng.uniform(0.6, 0.8), rng.uniform(0, 1) * height),
            QPointF(width, rng.uniform(0.3, 0.7) * height),
        )
        pen_width = max(1.0, glyph_size * 0.035)
        painter.setPen(QPen(colour, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPath(path)


_RESTYLING_EVENTS = (
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.PaletteChange,
    QEvent.Type.DevicePixelRatioChange,
)


# --- The widget ------------------------------------------------------------------------------------
class CaptchaWidget(QWidget):
    """The captcha block of the credentials page (hidden as a whole in "off" mode)."""

    changed = Signal()  # the answer text changed: the page re-checks whether it is complete

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captchaWidget")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(load_form(FORM, self))
        self._image.setTextFormat(Qt.TextFormat.PlainText)
        self._image.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._image.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._question_label.setTextFormat(Qt.TextFormat.PlainText)
        self._image.installEventFilter(self)

        self._announcer: Announcer | None = None
        self._speech: SpeechBackend | None = None
        self._rng: random.Random = random.SystemRandom()
        self._captcha = Captcha(CaptchaMode.IMAGE, self._rng)
        self._drawing_seed = 0
        self._rendered_for: tuple[str, int, str, float] | None = None
        self._error: str | None = None
        self._hidden_by_off_mode = False
        self._ready = False  # change events can arrive while __init__ is still building the form

        self._new_challenge_button.clicked.connect(self._on_new_challenge_clicked)
        self._listen_button.clicked.connect(self._on_listen_clicked)
        self._answer_edit.textChanged.connect(self.changed)
        self.set_speech_backend(create_speech_backend(self))
        self._ready = True
        self._apply_mode()

    # The parts of the form are looked up each time rather than kept: when a .ui promotes this widget,
    # PySide's outer QUiLoader invalidates the Python wrappers of the plain Qt widgets our own form
    # created in __init__ (the C++ widgets live on; a fresh findChild reaches them).
    def _part(self, kind: type[W], name: str) -> W:
        return find_child(self, kind, name, FORM)

    @property
    def _image(self) -> QLabel:
        return self._part(QLabel, "captchaImageLabel")

    @property
    def _new_challenge_button(self) -> QPushButton:
        return self._part(QPushButton, "captchaNewChallengeButton")

    @property
    def _listen_button(self) -> QPushButton:
        return self._part(QPushButton, "captchaListenButton")

    @property
    def _question_label(self) -> QLabel:
        return self._part(QLabel, "captchaQuestionLabel")

    @property
    def _answer_label(self) -> QLabel:
        return self._part(QLabel, "captchaAnswerLabel")

    @property
    def _answer_hint(self) -> QLabel:
        return self._part(QLabel, "captchaAnswerHintLabel")

    @property
    def _answer_edit(self) -> QLineEdit:
        return self._part(QLineEdit, "captchaAnswerEdit")

    @property
    def _message(self) -> FieldMessage:
        return self._part(FieldMessage, "captchaAnswerMessage")

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
            self._message.show_message("success", ANSWER_ACCEPTED)
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
        image_mode = mode is CaptchaMode.IMAGE
        self._image.setVisible(image_mode)
        button_text = NEW_CODE_BUTTON if image_mode else NEW_QUESTION_BUTTON
        self._new_challenge_button.setText(button_text)
        self._new_challenge_button.setAccessibleName(button_text)
        label = IMAGE_ANSWER_LABEL if image_mode else QUESTION_ANSWER_LABEL
        self._answer_label.setText(label)
        self._answer_edit.setAccessibleName(label)
        self._answer_hint.setText(IMAGE_ANSWER_HINT if image_mode else QUESTION_ANSWER_HINT)
        self._answer_edit.setText("")
        self._set_error(None)
        self._show_new_challenge()

    def _question_sentence(self) -> str:
        template = QUESTION_AFTER_IMAGE if self._captcha.mode is CaptchaMode.IMAGE else QUESTION_ALONE
        return template.format(question=self._captcha.question)

    def _show_new_challenge(self) -> None:
        self._drawing_seed = self._rng.getrandbits(32)
        self._question_label.setText(self._question_sentence())
        self._image.setAccessibleName(IMAGE_ACCESSIBLE_NAME.format(count=len(self._captcha.code)))
        self._render_image(force=True)
        self._update_description()

    def _render_image(self, force: bool = False) -> None:
        """Draw the code for the current font and screen (also fits the answer field to the font)."""
        font = self._image.font()
        self._answer_edit.setMaximumWidth(round(QFontMetricsF(font).horizontalAdvance("M") * ANSWER_WIDTH_EM))
        if self._captcha.mode is not CaptchaMode.IMAGE:
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
        # Some screen readers only read the focused field's description (DESIGN §5): the question
        # and the current error live there too.
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
                self._new_challenge_button, template.format(question=self._captcha.question)
            )

    def _on_listen_clicked(self) -> None:
        if self._speech is not None and self._speech.is_available():
            self._speech.say(SPOKEN_QUESTION.format(question=self._captcha.question))

    # --- keeping the image in step with the text scale and the screen ------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The image follows its own label's font (which style sheets may set apart from ours), the
        # style and the pixel ratio of the screen the window is on.
        if (
            getattr(self, "_ready", False)
            and event.type() in _RESTYLING_EVENTS
            and watched.objectName() == "captchaImageLabel"
        ):
            self._render_image()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        if self._ready:
            self._render_image()  # the screen (and its pixel ratio) is known for sure once shown
        super().showEvent(event)
