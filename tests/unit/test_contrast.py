"""Every theme's colours are readable: WCAG 2.x contrast computed from the style sheets themselves.

The shared sheets (resources/styles/NN-*.qss) and the theme's own ``<theme>.qss`` are read with the
theme's tokens put in, as the application does; each rule is resolved with a small cascade (a rule
applies to a selector when its type, id, attributes and states are a subset of it; the more specific,
then the later, wins). Then:
- text: every ``color`` against the background it is drawn on — its own, its container's for a
  sub-control, its ancestor's for a descendant selector, otherwise the page (@background) and the
  panels and fields (@background-alt) — at least 4.5:1 (7:1 in the high-contrast theme);
- controls (WCAG 1.4.11), at least 3:1 against what surrounds them: whatever identifies a bordered
  control (a border or its fill), every focus ring (also against the control's own fill), the fill
  of scroll bar thumbs, progress chunks, done stepper segments and check box / radio indicators, and
  the check mark or dot of a checked indicator against the indicator's fill.
What the sheets cannot say (colours drawn in Python, a label inside a button) is listed in
``PAINTED_PAIRS``; what WCAG does not require is listed in ``EXEMPT`` with the reason.
No Qt here: the files are read directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from monmaster_desktop.assets import resource_file

STYLES = resource_file("styles/00-base.qss").parent
THEMES = tuple(sorted(path.stem for path in STYLES.glob("*.theme")))
TEXT_MINIMUM = {"high-contrast": 7.0}  # WCAG 1.4.6 (AAA) in the high-contrast theme
DEFAULT_TEXT_MINIMUM = 4.5  # WCAG 1.4.3
COMPONENT_MINIMUM = 3.0  # WCAG 1.4.11, and the focus ring
SURFACES = ("background", "background-alt")  # the page; panels, fields, lists

# Selectors the component check leaves out, and why (text colours are never exempt, except disabled).
EXEMPT: dict[str, str] = {
    'QFrame[role="panel"]': "a container, not a control: its content is text, checked as text",
    'QGroupBox[role="question"]': "the thin rule between two questions is decorative",
    'QLabel[role="captcha-image"]': "the frame is decorative; the characters drawn inside are checked "
    "as text (PAINTED_PAIRS) and the question says the same in words",
    'QFrame[role="step-segment"]': "the track of the stepper: 'Étape 1 sur 2' says the progress in "
    "words, and the done segments are checked",
    "#CredentialsPage QProgressBar": "the busy bar's track: the chunk is checked and the words "
    "'Création de votre compte…' say the same",
    "QMenu::separator": "a decorative line between groups of menu items",
}
# Pairs drawn in Python or by nesting the sheets cannot see: (what, foreground token, background
# tokens, minimum: "text" or "component").
PAINTED_PAIRS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    *(
        (f"status icon disc ({kind}, feedback.paint_status_icon)", kind, SURFACES, "component")
        for kind in ("error", "success", "info", "warning")
    ),
    ("checklist's neutral circle (feedback.paint_status_icon)", "text-mention", SURFACES, "component"),
    ("captcha characters in the text colour (captcha_widget)", "text", ("background-alt",), "text"),
    ("captcha characters in the primary colour (captcha_widget)", "primary", ("background-alt",), "text"),
    ("mail link in the outbox's text browser (outbox_window)", "primary", ("background-alt",), "text"),
    ("mail footer <small> in the outbox (outbox_window)", "text-mention", ("background-alt",), "text"),
    ("unread mail dot (outbox_window)", "primary", SURFACES, "component"),
    ("link words inside a focused link button (role=link-text)", "primary", ("focus-background",), "text"),
    ("bars of the operator's hourly chart (operator/chart.py)", "primary", ("background",), "component"),
    ("counts and hours under the hourly chart (operator/chart.py)", "text", ("background",), "text"),
)
# The white check, cross, "i" or "!" inside a status icon's disc (feedback.paint_status_icon).
ICON_GLYPH = "#ffffff"
ICON_KINDS = ("error", "success", "info", "warning")

_TOKEN = re.compile(r"@([a-z][a-z0-9-]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
_STOP = re.compile(r"stop:\s*[\d.]+\s+(#[0-9a-fA-F]{6})")
_CHECK_MARK = re.compile(r"url\(check-mark:(#[0-9a-fA-F]{6})\)")
_COMPOUND_PART = re.compile(r"::([\w-]+)|:([\w-]+)|#([\w-]+)|\[([^\]]+)\]|([A-Za-z_][\w]*)")


# --- WCAG 2.x ------------------------------------------------------------------------------------
def relative_luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# --- the sheets, as the application assembles them -----------------------------------------------
def theme_tokens(theme: str) -> dict[str, str]:
    tokens: dict[str, str] = {}
    for line in (STYLES / f"{theme}.theme").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, value = (part.strip() for part in line.split("=", 1))
            tokens[name] = value
    return tokens


def sheet_paths(theme: str) -> list[Path]:
    paths = sorted(STYLES.glob("[0-9]*.qss"))
    extra = STYLES / f"{theme}.qss"
    return [*paths, extra] if extra.is_file() else paths


def with_derived_tokens(tokens: dict[str, str]) -> dict[str, str]:
    # style.style_tokens writes the check marks to files; here they stay readable colours.
    return {
        **tokens,
        "check-mark": f"check-mark:{tokens['on-primary']}",
        "text-check-mark": f"check-mark:{tokens['text']}",
    }


def style_sheet(theme: str, tokens: dict[str, str]) -> str:
    template = _COMMENT.sub("", "\n".join(path.read_text(encoding="utf-8") for path in sheet_paths(theme)))
    derived = with_derived_tokens(tokens)
    return _TOKEN.sub(lambda match: derived[match.group(1)], template)


# --- selectors and a small cascade ---------------------------------------------------------------
@dataclass(frozen=True)
class Compound:
    """One element of a selector: ``QPushButton[variant="link"]:focus``, ``QCheckBox::indicator``."""

    type: str = ""
    id: str = ""
    attributes: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    sub_control: str = ""

    @classmethod
    def parse(cls, text: str) -> Compound:
        kind = ident = sub_control = ""
        attributes: set[str] = set()
        states: set[str] = set()
        for sub, state, id_, attribute, type_ in _COMPOUND_PART.findall(text):
            if sub:
                sub_control = sub
            elif state:
                states.add(state)
            elif id_:
                ident = id_
            elif attribute:
                attributes.add(attribute.replace(" ", ""))
            else:
                kind = type_
        return cls(kind, ident, frozenset(attributes), frozenset(states), sub_control)

    def covers(self, other: Compound) -> bool:
        """Whether a rule written for ``self`` applies to an element described by ``other``."""
        return (
            self.type in ("", other.type)
            and self.id in ("", other.id)
            and self.sub_control == other.sub_control
            and self.states <= other.states
            and all(_attribute_met(attribute, other.attributes) for attribute in self.attributes)
        )

    def specificity(self) -> tuple[int, int, int]:
        return (bool(self.id), len(self.attributes) + len(self.states), bool(self.type))

    def but(self, **changes: object) -> Compound:
        values = {name: getattr(self, name) for name in ("type", "id", "attributes", "states", "sub_control")}
        return Compound(**{**values, **changes})  # type: ignore[arg-type]


def _attribute_met(attribute: str, present: frozenset[str]) -> bool:
    if "=" in attribute:
        return attribute in present
    return any(item == attribute or item.startswith(attribute + "=") for item in present)


@dataclass(frozen=True)
class Selector:
    text: str
    ancestors: tuple[Compound, ...]
    subject: Compound

    @classmethod
    def parse(cls, text: str) -> Selector:
        parts = [Compound.parse(part) for part in text.replace(">", " ").split()]
        return cls(" ".join(text.split()), tuple(parts[:-1]), parts[-1])

    def covers(self, other: Selector) -> bool:
        if not self.subject.covers(other.subject):
            return False
        remaining = list(other.ancestors)
        for ancestor in self.ancestors:  # each of ours matches one of theirs, in order
            while remaining and not ancestor.covers(remaining[0]):
                remaining.pop(0)
            if not remaining:
                return False
            remaining.pop(0)
        return True

    def specificity(self) -> tuple[int, int, int]:
        scores = [compound.specificity() for compound in (*self.ancestors, self.subject)]
        return tuple(sum(score[i] for score in scores) for i in range(3))  # type: ignore[return-value]


@dataclass(frozen=True)
class Rule:
    selector: Selector
    declarations: tuple[tuple[str, str], ...]
    order: int


def parse_rules(sheet: str) -> list[Rule]:
    rules: list[Rule] = []
    for match in re.finditer(r"([^{}]+)\{([^{}]*)\}", sheet):
        declarations = tuple(
            (name.strip().lower(), value.strip())
            for name, _, value in (item.partition(":") for item in match.group(2).split(";"))
            if value.strip()
        )
        for selector in match.group(1).split(","):
            if selector.strip():
                rules.append(Rule(Selector.parse(selector), declarations, len(rules)))
    return rules


SIDES = ("top", "right", "bottom", "left")


@dataclass
class Computed:
    """The properties this test needs, after the cascade."""

    color: str | None = None
    background: str | None = None
    borders: dict[str, tuple[float, str | None]] = field(default_factory=dict)  # side: (width, colour)
    selection: tuple[str, str] | None = None
    image: str | None = None

    def border_colours(self) -> list[str]:
        return [colour for width, colour in self.borders.values() if width > 0 and colour and _is_hex(colour)]


def _is_hex(value: str | None) -> bool:
    return bool(value and _HEX.fullmatch(value))


def _border(value: str) -> tuple[float | None, str | None]:
    width = re.search(r"(\d+(?:\.\d+)?)px", value)
    colour = _HEX.search(value)
    if value.strip() == "none":
        return 0.0, None
    if "transparent" in value:
        return (float(width.group(1)) if width else None), "transparent"
    return (float(width.group(1)) if width else None), (colour.group(0) if colour else None)


def compute(subject: Selector, rules: list[Rule]) -> Computed:
    applicable = sorted(
        (rule for rule in rules if rule.selector.covers(subject)),
        key=lambda rule: (rule.selector.specificity(), rule.order),
    )
    computed = Computed()
    selection_background = selection_colour = None
    for rule in applicable:
        for name, value in rule.declarations:
            if name == "color":
                computed.color = value
            elif name in ("background", "background-color"):
                computed.background = value
            elif name == "image":
                computed.image = value
            elif name == "selection-background-color":
                selection_background = value
            elif name == "selection-color":
                selection_colour = value
            elif name.startswith("border") and "radius" not in name:
                _apply_border(computed, name, value)
    if selection_background and selection_colour:
        computed.selection = (selection_colour, selection_background)
    return computed


def _apply_border(computed: Computed, name: str, value: str) -> None:
    if name == "border":
        width, colour = _border(value)
        for side in SIDES:
            computed.borders[side] = (width or 0.0, colour)
    elif name == "border-color":
        for side, (width, _) in computed.borders.items():
            computed.borders[side] = (width, value)
    elif name == "border-width":
        width = float(re.sub(r"[^\d.]", "", value) or 0)
        for side, (_, colour) in computed.borders.items():
            computed.borders[side] = (width, colour)
    elif name.removeprefix("border-") in SIDES:
        width, colour = _border(value)
        computed.borders[name.removeprefix("border-")] = (width or 0.0, colour)


# --- what each element is drawn on ---------------------------------------------------------------
# Sub-controls drawn inside another sub-control rather than on the widget itself.
CONTAINER_SUB_CONTROL = {("QMenu", "indicator"): "item"}


class Theme:
    def __init__(self, name: str, overrides: dict[str, str] | None = None) -> None:
        self.name = name
        self.tokens = {**theme_tokens(name), **(overrides or {})}
        self.rules = parse_rules(style_sheet(name, self.tokens))
        self.subjects = list(dict.fromkeys(rule.selector for rule in self.rules))
        self.surfaces = [self.tokens[token] for token in SURFACES]

    @cache  # noqa: B019 - a Theme lives for one test
    def computed(self, selector: Selector) -> Computed:
        return compute(selector, self.rules)

    def solid_background(self, selector: Selector) -> str | None:
        background = self.computed(selector).background
        return background if _is_hex(background) else None

    def backgrounds_under(self, selector: Selector) -> list[str]:
        """What an element without a background of its own is drawn on."""
        subject = selector.subject
        if subject.sub_control:
            inner = CONTAINER_SUB_CONTROL.get((subject.type, subject.sub_control), "")
            for container in (
                subject.but(sub_control=inner),
                subject.but(sub_control="", states=frozenset()),
            ):
                background = self.solid_background(Selector(selector.text, selector.ancestors, container))
                if background:
                    return [background]
        if selector.ancestors:
            ancestor = selector.ancestors[-1]
            found = {
                background
                for candidate in self.subjects
                if not candidate.ancestors and ancestor.covers(candidate.subject)
                for background in [self.solid_background(candidate)]
                if background
            }
            if found:
                return sorted(found)
        return self.surfaces

    def fills_and_surroundings(self, selector: Selector) -> tuple[list[str], list[str]]:
        background = self.computed(selector).background or ""
        fills = _HEX.findall(background) if "gradient" not in background else _STOP.findall(background)[:1]
        return fills, self.backgrounds_under(selector)


# --- the checks ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pair:
    what: str
    foreground: str
    background: str
    minimum: float

    @property
    def ratio(self) -> float:
        return contrast(self.foreground, self.background)

    def __str__(self) -> str:
        return (
            f"{self.what}: {self.foreground} on {self.background} is {self.ratio:.2f}:1, "
            f"needs {self.minimum}:1"
        )


def _disabled(selector: Selector) -> bool:
    return any("disabled" in compound.states for compound in (*selector.ancestors, selector.subject))


def _exempt(selector: Selector) -> bool:
    return selector.text in EXEMPT


def text_pairs(theme: Theme) -> Iterator[Pair]:
    minimum = TEXT_MINIMUM.get(theme.name, DEFAULT_TEXT_MINIMUM)
    for selector in theme.subjects:
        if _disabled(selector):
            continue  # WCAG 1.4.3 exempts inactive controls
        computed = theme.computed(selector)
        own = theme.solid_background(selector)
        grounds = [own] if own else theme.backgrounds_under(selector)
        if _is_hex(computed.color):
            for ground in grounds:
                yield Pair(f"text of {selector.text}", computed.color, ground, minimum)  # type: ignore[arg-type]
        if computed.selection and all(_is_hex(colour) for colour in computed.selection):
            yield Pair(f"selected text in {selector.text}", *computed.selection, minimum)


def component_pairs(theme: Theme) -> Iterator[Pair]:
    for selector in theme.subjects:
        if _disabled(selector) or _exempt(selector):
            continue
        computed = theme.computed(selector)
        fills, surroundings = theme.fills_and_surroundings(selector)
        subject = selector.subject
        if "focus" in subject.states:
            # The ring against what is outside it and against the control's own fill inside it.
            for ring in set(computed.border_colours()):
                for ground in {*surroundings, *fills}:
                    yield Pair(f"focus ring of {selector.text}", ring, ground, COMPONENT_MINIMUM)
            continue
        if subject.sub_control in ("handle", "chunk", "indicator") or 'done="true"' in subject.attributes:
            yield from _identified(selector.text, [*fills, *computed.border_colours()], surroundings)
            yield from _marks(selector.text, computed, fills[:1] or surroundings)
            continue
        borders = computed.border_colours()
        if borders:
            yield from _identified(selector.text, [*fills, *borders], surroundings)


def _identified(what: str, identifiers: list[str], surroundings: list[str]) -> Iterator[Pair]:
    """The strongest of a control's border and fill against each surrounding (one suffices)."""
    if not identifiers:
        return
    for ground in surroundings:
        best = max(identifiers, key=lambda colour: contrast(colour, ground))
        yield Pair(f"outline or fill of {what}", best, ground, COMPONENT_MINIMUM)


def _marks(what: str, computed: Computed, grounds: list[str]) -> Iterator[Pair]:
    """A checked indicator's mark against what it is drawn on: a check mark image, a gradient's dot."""
    mark = _CHECK_MARK.search(computed.image or "")
    stops = _STOP.findall(computed.background or "")
    if mark:
        for ground in grounds:
            yield Pair(f"check mark of {what}", mark.group(1), ground, COMPONENT_MINIMUM)
    if len(stops) >= 2:
        yield Pair(f"dot of {what}", stops[0], stops[-1], COMPONENT_MINIMUM)


def painted_pairs(theme: Theme) -> Iterator[Pair]:
    text_minimum = TEXT_MINIMUM.get(theme.name, DEFAULT_TEXT_MINIMUM)
    for what, foreground, grounds, kind in PAINTED_PAIRS:
        if not all(token in theme.tokens for token in (foreground, *grounds)):
            continue  # e.g. focus-background exists only where a theme's sheet uses it
        minimum = text_minimum if kind == "text" else COMPONENT_MINIMUM
        for ground in grounds:
            yield Pair(what, theme.tokens[foreground], theme.tokens[ground], minimum)
    for kind in ICON_KINDS:
        yield Pair(f"white glyph in the {kind} icon", ICON_GLYPH, theme.tokens[kind], COMPONENT_MINIMUM)


def all_pairs(theme: Theme) -> list[Pair]:
    return [*text_pairs(theme), *component_pairs(theme), *painted_pairs(theme)]


def failures(pairs: Iterable[Pair]) -> list[str]:
    return sorted({str(pair) for pair in pairs if pair.ratio < pair.minimum})


# --- the tests -----------------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEMES)
def test_every_text_is_readable_on_what_it_is_drawn_on(theme: str) -> None:
    assert failures(text_pairs(Theme(theme))) == []


@pytest.mark.parametrize("theme", THEMES)
def test_every_control_focus_ring_and_indicator_stands_out(theme: str) -> None:
    assert failures(component_pairs(Theme(theme))) == []


@pytest.mark.parametrize("theme", THEMES)
def test_colours_painted_in_python_are_readable_too(theme: str) -> None:
    assert failures(painted_pairs(Theme(theme))) == []


@pytest.mark.parametrize("theme", THEMES)
def test_the_check_reaches_the_rules_that_matter(theme: str) -> None:
    checked = {pair.what for pair in all_pairs(Theme(theme))}
    for expected in (
        'text of QLabel[role="mention"]',
        'text of QLabel[kind="error"]',
        "text of QFrame[alert] QLabel",
        "text of QPushButton:hover",
        'text of QPushButton[variant="secondary"]',
        "text of QMenu::item:selected",
        "selected text in QLineEdit",
        "focus ring of QPushButton:focus",
        "focus ring of QLineEdit:focus",
        "outline or fill of QLineEdit",
        "outline or fill of QScrollBar::handle:vertical",
        'outline or fill of QFrame[role="step-segment"][done="true"]',
        "outline or fill of QCheckBox::indicator",
        "check mark of QCheckBox::indicator:checked",
        "dot of QRadioButton::indicator:checked",
        "check mark of QMenu::indicator:checked:selected",
    ):
        assert expected in checked, expected


def test_a_pale_grey_mention_text_fails_the_check() -> None:
    pale = failures(text_pairs(Theme("light", {"text-mention": "#aaaaaa"})))
    assert any('QLabel[role="mention"]' in failure for failure in pale)


def test_a_pale_focus_ring_fails_the_check() -> None:
    pale = failures(component_pairs(Theme("light", {"focus": "#9fc3ff"})))
    assert any("focus ring of QPushButton:focus" in failure for failure in pale)
    assert any("focus ring of QLineEdit:focus" in failure for failure in pale)


def test_a_check_mark_the_colour_of_its_box_fails_the_check() -> None:
    invisible = failures(component_pairs(Theme("dark", {"on-primary": "#7a7af0"})))
    assert any("check mark of QCheckBox::indicator:checked" in failure for failure in invisible)


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_defines_every_token_its_sheets_use(theme: str) -> None:
    tokens = with_derived_tokens(theme_tokens(theme))
    for path in sheet_paths(theme):
        used = set(_TOKEN.findall(_COMMENT.sub("", path.read_text(encoding="utf-8"))))
        assert used <= tokens.keys(), f"{path.name} uses undefined tokens in {theme}: {used - tokens.keys()}"


@pytest.mark.parametrize("theme", THEMES)
def test_colour_tokens_are_plain_hex_colours(theme: str) -> None:
    for name, value in theme_tokens(theme).items():
        if not name.endswith("width"):
            assert _is_hex(value), f"{theme}.theme: {name} = {value} is not #rrggbb"


@pytest.mark.parametrize("theme", THEMES)
def test_line_edits_are_painted_edge_to_edge_in_solid_colours(theme: str) -> None:
    # style.paint_fields_opaque tells Qt a line edit hides what is behind it (no repaint of its
    # ancestors at each keystroke): true only while every rule for it keeps a solid background and
    # solid square borders.
    loaded = Theme(theme)
    states = [selector for selector in loaded.subjects if selector.subject.type == "QLineEdit"]
    assert states
    for selector in states:
        computed = loaded.computed(selector)
        assert loaded.solid_background(selector), selector.text
        for side, (_width, colour) in computed.borders.items():
            assert colour is None or _is_hex(colour), f"{selector.text}: {side} border {colour}"
    rules = _COMMENT.sub("", style_sheet(theme, with_derived_tokens(theme_tokens(theme))))
    for block in re.findall(r"([^{}]*QLineEdit[^{}]*)\{([^}]*)\}", rules):
        assert "radius" not in block[1], block[0].strip()


def test_every_exemption_names_a_rule_that_exists() -> None:
    selectors = {selector.text for theme in THEMES for selector in Theme(theme).subjects}
    assert set(EXEMPT) <= selectors, set(EXEMPT) - selectors


def test_the_three_themes_exist() -> None:
    assert {"light", "dark", "high-contrast"} <= set(THEMES)


def lowest_ratios(theme: str) -> dict[str, Pair]:
    """The weakest pair of each kind (for the project's notes): ``python tests/unit/test_contrast.py``."""
    loaded = Theme(theme)
    lowest: dict[str, Pair] = {}
    for kind, pairs in (
        ("text", text_pairs(loaded)),
        ("components", component_pairs(loaded)),
        ("painted", painted_pairs(loaded)),
    ):
        lowest[kind] = min(pairs, key=lambda pair: pair.ratio)
    return lowest


if __name__ == "__main__":
    for name in THEMES:
        for kind, pair in lowest_ratios(name).items():
            print(f"{name:14} {kind:10} {pair}")
