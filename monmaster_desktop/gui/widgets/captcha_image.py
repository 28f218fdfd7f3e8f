"""The captcha's image: the code drawn as distorted characters with QPainter, sized from the text.

Each character is rotated, sheared, scaled and shifted at random over a cluttered background and
crossed by thin curves, in the theme's text and primary colours (both far above 4.5:1 on the image's
background). The same seed draws the same image. Drawing only: the code and the judging of answers
belong to the Qt-free ``monmaster_desktop.captcha``.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap

from monmaster_desktop.gui.style import current_theme, theme_tokens

GLYPH_SIZE_IN_LINES = 2.2  # the characters' height, in lines of the current text (follows the text scale)
IMAGE_HEIGHT_IN_GLYPHS = 1.8


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
