"""Today's accounts per hour as a small bar chart, drawn with Qt's own painting (no web view, no QtCharts).

The chart shows the fair's usual hours (8 h to 18 h) and any other hour that had an account. Bars
take the theme's primary colour (≥ 3:1 against the page, tests/unit/test_contrast.py), each with its
count above it and its hour below, in the current text size. For assistive technologies the chart is
one graphic whose name is its title and whose description lists every hour with its count: the
numbers, not the picture. Its name, description and hour labels follow a language switch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from monmaster_desktop.gui.language import is_language_change, translated
from monmaster_desktop.gui.operator import texts
from monmaster_desktop.gui.style import theme_colour

FIRST_HOUR = 8
LAST_HOUR = 18


def shown_hours(per_hour: tuple[int, ...]) -> range:
    """The hours drawn: 8 to 18, widened to the first and last hour that had an account."""
    busy = [hour for hour, count in enumerate(per_hour) if count]
    first = min([FIRST_HOUR, *busy])
    last = max([LAST_HOUR, *busy])
    return range(first, last + 1)


def describe_hours(per_hour: tuple[int, ...]) -> str:
    """Every hour shown with its count, in the current language ("8 h : 0 ; 9 h : 3 ; … 18 h : 0.")."""
    if not any(per_hour):
        return translated(texts.CONTEXT, texts.CHART_DESCRIPTION_EMPTY)
    separator = translated(texts.CONTEXT, texts.CHART_SEPARATOR)
    bars = (
        translated(texts.CONTEXT, texts.CHART_HOUR, hour=hour, count=per_hour[hour])
        for hour in shown_hours(per_hour)
    )
    return separator.join(bars) + "."


def hour_label(hour: int) -> str:
    """What is written under a bar ("9 h")."""
    return translated(texts.CONTEXT, texts.CHART_HOUR_LABEL, hour=hour)


class HourlyChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourlyChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._per_hour: tuple[int, ...] = (0,) * 24
        self.retranslate()

    def retranslate(self) -> None:
        """Its name, description and hour labels in the current language."""
        name = translated(texts.CONTEXT, texts.CHART_NAME)
        if self.accessibleName() != name:
            self.setAccessibleName(name)
        self._describe()
        self.updateGeometry()  # the hours' labels may be wider
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_counts(self, per_hour: tuple[int, ...]) -> None:
        if len(per_hour) != 24:
            raise ValueError("one count per hour of the day is expected")
        self._per_hour = tuple(per_hour)
        self._describe()
        self.update()

    def _describe(self) -> None:
        description = describe_hours(self._per_hour)
        if self.accessibleDescription() != description:
            self.setAccessibleDescription(description)

    def _widest_label(self) -> int:
        # Hour 0's label with one more digit: as wide as "10 h" (or the language's "10:00").
        return self.fontMetrics().horizontalAdvance(hour_label(0) + "0")

    def counts(self) -> tuple[int, ...]:
        return self._per_hour

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        hours = len(shown_hours(self._per_hour))
        return QSize(hours * self._widest_label() * 3 // 2, line * 9)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._widest_label() * 8, self.fontMetrics().height() * 9)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        hours = shown_hours(self._per_hour)
        slot = self.width() / len(hours)
        top, bottom = line * 1.2, self.height() - line * 1.4  # room for the counts above, the hours below
        tallest = max(1, *(self._per_hour[hour] for hour in hours))
        text = theme_colour("text")
        painter.setPen(theme_colour("border-strong"))
        painter.drawLine(0, round(bottom), self.width(), round(bottom))
        for index, hour in enumerate(hours):
            count = self._per_hour[hour]
            x = index * slot
            bar_width = slot * 0.6
            height = (bottom - top) * count / tallest
            bar = QRectF(x + (slot - bar_width) / 2, bottom - height, bar_width, height)
            if count:
                painter.fillRect(bar, theme_colour("primary"))
                painter.setPen(text)
                painter.drawText(
                    QRectF(x, bar.top() - line, slot, line), Qt.AlignmentFlag.AlignCenter, str(count)
                )
            painter.setPen(text)
            painter.drawText(
                QRectF(x, bottom + line * 0.2, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                hour_label(hour),
            )
        painter.end()
