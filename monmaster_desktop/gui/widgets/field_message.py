"""Messages under fields: colour, an icon and words together (never colour alone).

``FieldMessage`` is one QLabel — so a screen reader meets a single object whose name is the words —
with its icon painted in the left margin. Kinds: "error", "success", "info", "warning"; the colours
are the current theme's tokens, the style sheet colours the text (``QLabel[kind=…]``). A message
shown from an ``i18n.Message`` says itself again in the new language when the candidate switches.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from monmaster_desktop.gui.language import is_language_change
from monmaster_desktop.gui.style import repolish, theme_colour
from monmaster_desktop.i18n import again

KINDS = ("error", "success", "info", "warning")


def status_icon_colour(kind: str) -> QColor:
    """The theme colour of a status icon: its kind's, grey ("text-mention") for "neutral"."""
    return theme_colour("text-mention" if kind == "neutral" else kind)


def paint_status_icon(painter: QPainter, box: QRectF, kind: str, colour: QColor) -> None:
    """The design system's status icons, in ``colour`` (``status_icon_colour``): a filled disc with a
    white check, cross, "i" or "!".

    "neutral" is a hollow circle of the same size (a checklist row before typing).
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind == "neutral":
        pen_width = max(1.5, box.width() / 10)
        painter.setPen(QPen(colour, pen_width))
        inset = pen_width / 2
        painter.drawEllipse(box.adjusted(inset, inset, -inset, -inset))
        painter.restore()
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(box)
    pen = QPen(QColor("#ffffff"))
    pen.setWidthF(max(1.5, box.width() / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    x, y, w, h = box.x(), box.y(), box.width(), box.height()
    if kind == "success":
        path = QPainterPath(QPointF(x + w * 0.28, y + h * 0.52))
        path.lineTo(x + w * 0.44, y + h * 0.68)
        path.lineTo(x + w * 0.72, y + h * 0.34)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    elif kind == "error":
        painter.drawLine(QPointF(x + w * 0.33, y + h * 0.33), QPointF(x + w * 0.67, y + h * 0.67))
        painter.drawLine(QPointF(x + w * 0.67, y + h * 0.33), QPointF(x + w * 0.33, y + h * 0.67))
    else:  # info: "i" ; warning: "!"
        dot_y, bar = (0.30, (0.45, 0.72)) if kind == "info" else (0.72, (0.26, 0.56))
        painter.drawLine(QPointF(x + w / 2, y + h * bar[0]), QPointF(x + w / 2, y + h * bar[1]))
        painter.drawPoint(QPointF(x + w / 2, y + h * dot_y))
    painter.restore()


# Icons drawn once per kind, size, screen and theme colour: a checklist repaints five of them at a
# keystroke that changes every row (docs/performance.md, "Typing").
_icon_pixmaps: dict[tuple[str, float, float, float, float, int], QPixmap] = {}


def status_icon_pixmap(kind: str, box: QRectF, device_pixel_ratio: float) -> tuple[QPoint, QPixmap]:
    """``paint_status_icon`` of ``kind`` in ``box``, on a transparent pixmap, and where to draw it.

    The pixmap starts at ``box``'s whole pixel and the icon keeps its fractional position in it, so
    it lands on the same pixels as when it was painted straight on the widget.
    """
    colour = status_icon_colour(kind)
    origin = QPoint(math.floor(box.left()), math.floor(box.top()))
    inside = box.translated(-origin.x(), -origin.y())
    key = (kind, inside.left(), inside.top(), box.width(), device_pixel_ratio, colour.rgba())
    pixmap = _icon_pixmaps.get(key)
    if pixmap is None:
        width, height = math.ceil(inside.right()), math.ceil(inside.bottom())
        pixmap = QPixmap(math.ceil(width * device_pixel_ratio), math.ceil(height * device_pixel_ratio))
        pixmap.setDevicePixelRatio(device_pixel_ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_status_icon(painter, inside, kind, colour)
        painter.end()
        if len(_icon_pixmaps) > 256:  # themes, text sizes and screens seen in a long session
            _icon_pixmaps.clear()
        _icon_pixmaps[key] = pixmap
    return origin, pixmap


class IconLabel(QLabel):
    """Words with a status icon painted in the left margin, beside the first line.

    One QLabel, so a screen reader meets a single object whose name is the words; the icon is
    decoration (the words say the same).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon: str | None = None
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def icon(self) -> str | None:
        return self._icon

    def set_icon(self, icon: str | None) -> None:
        self._icon = icon or None
        self._update_margin()
        self.update()

    def _icon_size(self) -> int:
        return self.fontMetrics().height()

    def _update_margin(self) -> None:
        left = self._icon_size() + self._icon_size() // 2 if self._icon else 0
        self.setContentsMargins(left, 0, 0, 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._update_margin()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paint_text(event)
        if self._icon is None or not self.text():
            return
        size = self._icon_size() * 0.9
        top = (self.fontMetrics().height() - size) / 2 + 1
        painter = QPainter(self)
        origin, pixmap = status_icon_pixmap(self._icon, QRectF(1, top, size, size), self.devicePixelRatioF())
        painter.drawPixmap(origin, pixmap)
        painter.end()

    def paint_text(self, event: QPaintEvent) -> None:
        """The words, as QLabel draws them (a subclass may colour them itself)."""
        super().paintEvent(event)


class FieldMessage(IconLabel):
    """The message under a field; hidden while empty, so it takes no room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = ""  # what was shown: a Message is said again after a language switch
        self.hide()

    def kind(self) -> str | None:
        return self.icon()

    def source(self) -> str:
        """The text shown, as given (an ``i18n.Message`` when it can be said in another language)."""
        return self._source

    def show_message(self, kind: str, text: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown message kind {kind!r}")
        self._source = text
        self.setProperty("kind", kind)
        self.setText(text)
        self.set_icon(kind)
        repolish(self)
        self.setVisible(bool(text))

    def clear(self) -> None:  # type: ignore[override]
        if not self._source and self.isHidden() and not self.text():
            return  # already clear: the page clears some messages at every keystroke
        self._source = ""
        self.setProperty("kind", None)
        super().clear()
        self.set_icon(None)
        self.hide()

    def retranslate(self) -> None:
        """The message in the current language (idempotent: owners call it before reading ``text()``)."""
        if self._source:
            self._source = again(self._source)
            if self.text() != self._source:
                self.setText(self._source)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
