"""The style sheet: theme tokens substituted into resources/styles/*.qss, sizes scaled with the text.

Every component's style lives in its own ``NN-name.qss`` file of ``resources/styles``; colours are
tokens (``@primary``) defined once per theme in ``<theme>.theme``, so a new theme is one small file
and contrast can be computed from the tokens.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from monmaster_desktop.assets import resource_file

DEFAULT_THEME = "light"
BASE_POINT_SIZE = 11.0
MIN_TEXT_SCALE = 1.0
MAX_TEXT_SCALE = 2.0

_TOKEN = re.compile(r"@([a-z][a-z0-9-]*)")
_POINT_SIZE = re.compile(r"(\d+(?:\.\d+)?)pt\b")


def _styles_dir() -> Path:
    return resource_file("styles/00-base.qss").parent


@cache
def theme_tokens(theme: str = DEFAULT_THEME) -> dict[str, str]:
    """The ``token = #rrggbb`` lines of ``<theme>.theme`` (lines starting with # are comments)."""
    tokens: dict[str, str] = {}
    for line in resource_file(f"styles/{theme}.theme").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, value = (part.strip() for part in line.split("=", 1))
            tokens[name] = value
    return tokens


_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


@cache
def _template() -> str:
    sheets = (path.read_text(encoding="utf-8") for path in sorted(_styles_dir().glob("*.qss")))
    return _COMMENT.sub("", "\n".join(sheets))


def style_sheet(theme: str = DEFAULT_THEME, text_scale: float = 1.0) -> str:
    tokens = theme_tokens(theme)

    def colour(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in tokens:
            raise KeyError(f"style token @{name} is not defined in {theme}.theme")
        return tokens[name]

    def scaled(match: re.Match[str]) -> str:
        return f"{float(match.group(1)) * text_scale:g}pt"

    return _POINT_SIZE.sub(scaled, _TOKEN.sub(colour, _template()))


def apply_style(app: QApplication, theme: str = DEFAULT_THEME, text_scale: float = 1.0) -> None:
    """Apply the theme at ``text_scale`` (1.0 to 2.0): the base font and every pt size follow."""
    text_scale = min(max(text_scale, MIN_TEXT_SCALE), MAX_TEXT_SCALE)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * text_scale)
    app.setFont(font)
    app.setStyleSheet(style_sheet(theme, text_scale))
    app.setProperty("textScale", text_scale)
