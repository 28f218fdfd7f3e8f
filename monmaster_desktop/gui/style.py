"""The look of the application: theme tokens put into resources/styles/*.qss, sizes scaled with the text.

Every component's style lives in its own ``NN-name.qss`` file of ``resources/styles`` (all themes);
colours are tokens (``@primary``) defined once per theme in ``<theme>.theme``, so a new theme is one
small file and contrast can be computed from the tokens (tests/unit/test_contrast.py). A theme may add
rules of its own in ``<theme>.qss``, read after the shared sheets (the high-contrast focus).

``apply_style`` also sets the application palette from the same tokens, so what the style sheets do
not reach (Qt's own dialogs, a text browser's links, placeholder text) follows the theme too.
It never decides which theme to use: that is ``appearance.AppearanceController``'s job.

Widgets whose look depends on a dynamic property (``invalid``, ``kind``, ``alert``) are repolished
through ``set_style_property``, the one place that knows a style sheet must be told.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from monmaster_desktop import APP_NAME
from monmaster_desktop.assets import resource_file

DEFAULT_THEME = "light"
BASE_POINT_SIZE = 11.0
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
MIN_TEXT_SCALE = TEXT_SCALES[0]
MAX_TEXT_SCALE = TEXT_SCALES[-1]

_TOKEN = re.compile(r"@([a-z][a-z0-9-]*)")
_POINT_SIZE = re.compile(r"(\d+(?:\.\d+)?)pt\b")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_SHARED_SHEET = "[0-9]*.qss"  # 00-base.qss, 10-messages.qss…: every theme
# The check mark of a ticked box, drawn in the theme's @on-primary over its @primary fill. Qt's style
# sheets only take images from files, so it is written once per colour into a private folder.
_CHECK_MARK_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
    '<path d="M13 33 L26 46 L51 18" fill="none" stroke="{colour}" stroke-width="9" '
    'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)


def _styles_dir() -> Path:
    return resource_file("styles/00-base.qss").parent


@cache
def theme_tokens(theme: str = DEFAULT_THEME) -> dict[str, str]:
    """The ``token = value`` lines of ``<theme>.theme`` (lines starting with # are comments)."""
    tokens: dict[str, str] = {}
    for line in resource_file(f"styles/{theme}.theme").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, value = (part.strip() for part in line.split("=", 1))
            tokens[name] = value
    return tokens


@cache
def _template(theme: str) -> str:
    paths = sorted(_styles_dir().glob(_SHARED_SHEET))
    extra = _styles_dir() / f"{theme}.qss"
    if extra.is_file():
        paths.append(extra)
    return _COMMENT.sub("", "\n".join(path.read_text(encoding="utf-8") for path in paths))


def _style_cache_dir() -> Path:
    # The per-user cache, not a temporary folder per process: a process killed before its clean-up
    # (a crash, a test's kill) must not leave a folder behind each time. Files are keyed by colour.
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "styles"


def check_mark_file(colour: str) -> Path:
    """An SVG check mark in ``colour`` (``#rrggbb``), for ``image: url(@check-mark)``.

    Written again whenever it is missing: a kiosk runs for weeks, and cache cleaners remove old files.
    """
    folder = _style_cache_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = QColor(colour).name()
    path = folder / f"check-{name[1:]}.svg"
    if not path.is_file():
        path.write_text(_CHECK_MARK_SVG.format(colour=name), encoding="utf-8")
    return path


def style_tokens(theme: str = DEFAULT_THEME) -> dict[str, str]:
    """The theme's tokens plus those derived from them: the check marks' image files.

    ``@check-mark`` is drawn on a @primary fill (a ticked box, a highlighted menu item), ``@text-check-mark``
    on the page (a menu's checked item).
    """
    tokens = dict(theme_tokens(theme))
    tokens["check-mark"] = check_mark_file(tokens["on-primary"]).as_posix()
    tokens["text-check-mark"] = check_mark_file(tokens["text"]).as_posix()
    return tokens


def style_sheet(theme: str = DEFAULT_THEME, text_scale: float = 1.0) -> str:
    """The whole style sheet of ``theme`` with every pt size multiplied by ``text_scale``."""
    tokens = style_tokens(theme)

    def token(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in tokens:
            raise KeyError(f"style token @{name} is not defined in {theme}.theme")
        return tokens[name]

    def scaled(match: re.Match[str]) -> str:
        return f"{float(match.group(1)) * text_scale:g}pt"

    return _POINT_SIZE.sub(scaled, _TOKEN.sub(token, _template(theme)))


def current_theme() -> str:
    """The theme the application shows now (``apply_style`` keeps it as an application property)."""
    app = QApplication.instance()
    theme = app.property("theme") if app is not None else None
    return str(theme) if theme else DEFAULT_THEME


_colours: dict[tuple[str, str], QColor] = {}


def theme_colour(token: str) -> QColor:
    """A colour token of the current theme ("error", "border-strong"…); the text colour if unknown.

    Painting asks for colours at every repaint: each is parsed once (a copy is returned).
    """
    theme = current_theme()
    colour = _colours.get((theme, token))
    if colour is None:
        tokens = theme_tokens(theme)
        colour = _colours[(theme, token)] = QColor(tokens.get(token, tokens["text"]))
    return QColor(colour)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again: its rules depend on a dynamic property that just changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    _opaque_again(widget)  # the polish took it away
    widget.update()


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheet selects on (``QLineEdit[invalid="true"]``), repolishing once."""
    current = widget.property(name)
    if current == value or (current is None and value is False):
        return  # unset reads as false to the sheets' selectors: no re-polish at a field's first key
    widget.setProperty(name, value)
    repolish(widget)


# On the line edits ``paint_fields_opaque`` marked: they are told again after each polish.
OPAQUE_FIELD_PROPERTY = "paintsOpaque"


def paint_fields_opaque(root: QWidget) -> None:
    """Tell Qt that the style sheets paint every line edit under ``root`` edge to edge in solid colours
    (a background and square borders in every state and theme, tests/unit/test_contrast.py), so that
    repainting a field at each keystroke does not repaint every widget behind it first.

    The style sheet's polish takes the attribute away from any widget whose rule has padding (every
    line edit's has), so it is given again where a field is polished: by the page when it is shown
    (its first polish), by ``repolish`` and by ``apply_style`` (docs/performance.md, "Typing").
    """
    for field in root.findChildren(QLineEdit):
        paint_opaque(field)


def paint_opaque(widget: QWidget) -> None:
    """``widget`` paints every pixel of its rectangle: Qt need not paint what is behind it first.

    Kept after the polishes ``repolish`` and ``apply_style`` run; a widget polished another way
    (first shown, reparented) calls this again then.
    """
    widget.setProperty(OPAQUE_FIELD_PROPERTY, True)
    widget.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Show ``widget`` in error (red border) or not, as the style sheets draw ``[invalid="true"]``."""
    set_style_property(widget, "invalid", invalid)


def theme_palette(theme: str = DEFAULT_THEME) -> QPalette:
    """The application palette in the theme's colours: Qt's dialogs, links and placeholders follow it."""
    colours = {name: QColor(value) for name, value in theme_tokens(theme).items() if value.startswith("#")}
    role = QPalette.ColorRole
    palette = QPalette()
    for roles, token in (
        ((role.Window, role.Base, role.Button, role.Light, role.ToolTipBase), "background"),
        ((role.AlternateBase, role.Midlight), "background-alt"),
        ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText, role.Shadow), "text"),
        ((role.Mid,), "border"),
        ((role.Dark,), "border-strong"),
        ((role.Highlight, role.Link, role.LinkVisited, role.Accent), "primary"),
        ((role.HighlightedText,), "on-primary"),
        ((role.PlaceholderText,), "text-mention"),
        ((role.BrightText,), "error"),
    ):
        for colour_role in roles:
            palette.setColor(colour_role, colours[token])
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, colour_role, colours["disabled-text"])
    for colour_role in (role.Button, role.Base):
        palette.setColor(disabled, colour_role, colours["disabled-background"])
    return palette


def apply_style(app: QApplication, theme: str = DEFAULT_THEME, text_scale: float = 1.0) -> None:
    """Apply ``theme`` at ``text_scale`` (1.0 to 2.0): colours, palette, base font and every pt size.

    The application property "theme" is set first: widgets that paint with theme colours
    (``feedback.kind_colour``, the captcha) read it while the new sheet repolishes them.
    """
    text_scale = min(max(text_scale, MIN_TEXT_SCALE), MAX_TEXT_SCALE)
    app.setProperty("theme", theme)
    app.setProperty("textScale", text_scale)
    app.setPalette(theme_palette(theme))
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * text_scale)
    app.setFont(font)
    app.setStyleSheet(style_sheet(theme, text_scale))
    _fields_opaque_again()


def _fields_opaque_again() -> None:
    """The new sheet polished every widget: the widgets marked by ``paint_opaque`` are opaque again."""
    for window in QApplication.topLevelWidgets():
        for widget in (window, *window.findChildren(QWidget)):
            _opaque_again(widget)


def _opaque_again(widget: QWidget) -> None:
    if widget.property(OPAQUE_FIELD_PROPERTY):
        widget.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


@contextlib.contextmanager
def look_restored(app: QApplication) -> Iterator[None]:
    """Give the application back its theme, text size, palette and style sheet as they were."""
    theme, scale = app.property("theme"), app.property("textScale")
    palette, font, sheet = QPalette(app.palette()), QFont(app.font()), app.styleSheet()
    try:
        yield
    finally:
        app.setProperty("theme", theme)
        app.setProperty("textScale", scale)
        app.setPalette(palette)
        app.setFont(font)
        app.setStyleSheet(sheet)
        _fields_opaque_again()
