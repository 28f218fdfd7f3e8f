"""The candidate's display choices: theme and text size, applied at once and remembered across runs.

``AppearanceController`` holds the theme choice ("system", "light", "dark", "high-contrast") and the
text scale (100 % to 200 % in steps of 25 %), applies them with ``style.apply_style`` and keeps them in
a QSettings (the tests pass an .ini file of their own). "system" follows the platform live: a dark
colour scheme gives the dark theme, a high-contrast preference the high-contrast one (Qt 6.10's
``QAccessibilityHints.contrastPreference``, which Qt fills from Windows contrast themes, macOS
"Increase contrast" and the desktop portal on Linux where the desktop exposes it; elsewhere it stays
"no preference" and the candidate chooses "Contraste élevé" in the menu).

``build_menu`` fills the "Affichage" menu (Ctrl + / Ctrl − / Ctrl 0 and the "Thème" submenu); every
change is announced politely to screen readers. ``retranslate`` names the menu's items again after a
language switch. This module never stores anything but these two choices.
"""

from __future__ import annotations

import functools

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from monmaster_desktop import APP_NAME
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.style import TEXT_SCALES, apply_style

SYSTEM = "system"
LIGHT = "light"
DARK = "dark"
HIGH_CONTRAST = "high-contrast"
THEME_CHOICES = (SYSTEM, LIGHT, DARK, HIGH_CONTRAST)

ORGANIZATION = APP_NAME  # QSettings(ORGANIZATION, APP_NAME): one small file per user
THEME_KEY = "appearance/theme"
TEXT_SCALE_KEY = "appearance/textScale"
ZOOM_IN_WITHOUT_SHIFT = QKeySequence("Ctrl+=")
RESET_ZOOM_KEY = QKeySequence("Ctrl+0")

# --- Texts (project-written) ---------------------------------------------------------------------
_CONTEXT = "AppearanceController"
ZOOM_IN_TEXT = QT_TRANSLATE_NOOP("AppearanceController", "&Agrandir le texte")
ZOOM_OUT_TEXT = QT_TRANSLATE_NOOP("AppearanceController", "&Réduire le texte")
RESET_ZOOM_TEXT = QT_TRANSLATE_NOOP("AppearanceController", "&Taille normale du texte")
THEME_MENU_TEXT = QT_TRANSLATE_NOOP("AppearanceController", "T&hème")
THEME_MENU_TEXTS = {
    SYSTEM: QT_TRANSLATE_NOOP("AppearanceController", "Selon le &système"),
    LIGHT: QT_TRANSLATE_NOOP("AppearanceController", "&Clair"),
    DARK: QT_TRANSLATE_NOOP("AppearanceController", "S&ombre"),
    HIGH_CONTRAST: QT_TRANSLATE_NOOP("AppearanceController", "Contraste é&levé"),
}
THEME_NAMES = {
    SYSTEM: QT_TRANSLATE_NOOP("AppearanceController", "selon le système"),
    LIGHT: QT_TRANSLATE_NOOP("AppearanceController", "clair"),
    DARK: QT_TRANSLATE_NOOP("AppearanceController", "sombre"),
    HIGH_CONTRAST: QT_TRANSLATE_NOOP("AppearanceController", "contraste élevé"),
}
TEXT_SCALE_ANNOUNCEMENT = QT_TRANSLATE_NOOP("AppearanceController", "Taille du texte : {percent} %.")
LARGEST_TEXT_ANNOUNCEMENT = QT_TRANSLATE_NOOP(
    "AppearanceController", "Taille du texte : {percent} %, la plus grande taille."
)
SMALLEST_TEXT_ANNOUNCEMENT = QT_TRANSLATE_NOOP(
    "AppearanceController", "Taille du texte : {percent} %, la plus petite taille."
)
THEME_ANNOUNCEMENT = QT_TRANSLATE_NOOP("AppearanceController", "Thème : {name}.")
SYSTEM_THEME_ANNOUNCEMENT = QT_TRANSLATE_NOOP(
    "AppearanceController", "Thème : selon le système, actuellement {name}."
)


def default_store() -> QSettings:
    """Where the installed application keeps the choices (the registry on Windows, a .conf elsewhere)."""
    return QSettings(ORGANIZATION, APP_NAME)


def nearest_text_scale(value: object) -> float:
    """The allowed text scale closest to ``value`` (anything unreadable gives 100 %)."""
    try:
        wanted = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return TEXT_SCALES[0]
    if wanted != wanted:  # NaN
        return TEXT_SCALES[0]
    return min(TEXT_SCALES, key=lambda scale: abs(scale - wanted))


def percent(scale: float) -> int:
    return round(scale * 100)


class SystemAppearance(QObject):
    """What the platform prefers: a dark colour scheme, high contrast. ``changed`` when either changes.

    The real one reads Qt's style hints; the tests use a subclass they drive themselves.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Both kept: PySide6 forgets the accessibility hints once the style hints' wrapper is collected.
        self._hints = QGuiApplication.styleHints()
        self._hints.colorSchemeChanged.connect(self._platform_changed)
        accessibility = getattr(self._hints, "accessibility", None)  # Qt 6.10+
        self._accessibility = accessibility() if accessibility is not None else None
        if self._accessibility is not None:
            self._accessibility.contrastPreferenceChanged.connect(self._platform_changed)

    def _platform_changed(self, *_new_value: object) -> None:
        # A method, not a lambda: Qt disconnects it when this object is destroyed.
        self.changed.emit()

    def prefers_dark(self) -> bool:
        return self._hints.colorScheme() == Qt.ColorScheme.Dark

    def prefers_high_contrast(self) -> bool:
        if self._accessibility is None:
            return False
        return self._accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast


class AppearanceController(QObject):
    """The theme choice and text scale of the application: applied, remembered, offered in a menu.

    ``changed(theme, scale)`` gives the theme in effect (never "system") and the scale, after every
    change that alters either.
    """

    changed = Signal(str, float)

    def __init__(
        self,
        app: QApplication,
        store: QSettings | None = None,
        announcer: Announcer | None = None,
        system: SystemAppearance | None = None,
        parent: QObject | None = None,
        *,
        remember: bool = True,
    ) -> None:
        super().__init__(parent)
        self._app = app
        # A kiosk remembers nothing (``remember=False``): its candidates' choices last one session, and
        # its own defaults (docs/kiosk.md) must not become the next desktop user's saved choice.
        self._store = store if store is not None else default_store()
        self._remember = remember
        self._announcer = announcer
        self._system = system if system is not None else SystemAppearance(self)
        self._announce_source: QWidget | None = None
        stored_choice = str(self._store.value(THEME_KEY, SYSTEM)) if remember else SYSTEM
        self._choice = stored_choice if stored_choice in THEME_CHOICES else SYSTEM
        stored_scale = self._store.value(TEXT_SCALE_KEY, TEXT_SCALES[0]) if remember else TEXT_SCALES[0]
        self._scale = nearest_text_scale(stored_scale)
        self._applied: tuple[str, float] | None = None
        self._build_actions()
        self._system.changed.connect(self._system_changed)
        self._request_colour_scheme()
        self._apply()

    # --- state ------------------------------------------------------------------------------------

    def theme_choice(self) -> str:
        """What the candidate chose: "system", "light", "dark" or "high-contrast"."""
        return self._choice

    def effective_theme(self) -> str:
        """The theme on screen: the choice, or what the system prefers when the choice is "system"."""
        if self._choice != SYSTEM:
            return self._choice
        if self._system.prefers_high_contrast():
            return HIGH_CONTRAST
        return DARK if self._system.prefers_dark() else LIGHT

    def text_scale(self) -> float:
        return self._scale

    def set_announcer(self, announcer: Announcer | None, source: QWidget | None = None) -> None:
        """Announce changes through ``announcer``, from ``source`` when no widget has the focus."""
        self._announcer = announcer
        self._announce_source = source

    # --- changes ----------------------------------------------------------------------------------

    def set_theme(self, choice: str) -> None:
        if choice not in THEME_CHOICES:
            raise ValueError(f"unknown theme choice {choice!r}; expected one of {THEME_CHOICES}")
        self._choice = choice
        self._save((THEME_KEY, choice))
        self._request_colour_scheme()
        self._apply()
        if choice == SYSTEM:
            name = translated(_CONTEXT, THEME_NAMES[self.effective_theme()])
            self._announce(translated(_CONTEXT, SYSTEM_THEME_ANNOUNCEMENT, name=name))
        else:
            self._announce(
                translated(_CONTEXT, THEME_ANNOUNCEMENT, name=translated(_CONTEXT, THEME_NAMES[choice]))
            )

    def restore(self, choice: str, scale: float) -> None:
        """Back to ``choice`` and ``scale`` without a word to screen readers: a kiosk's new session.

        The new session's page announcement follows; a "Thème : …" before it would only be noise.
        """
        if choice not in THEME_CHOICES:
            raise ValueError(f"unknown theme choice {choice!r}; expected one of {THEME_CHOICES}")
        self._choice = choice
        self._scale = nearest_text_scale(scale)
        self._save((THEME_KEY, choice), (TEXT_SCALE_KEY, self._scale))
        self._request_colour_scheme()
        self._apply()

    def zoom_in(self) -> None:
        self._step_scale(+1)

    def zoom_out(self) -> None:
        self._step_scale(-1)

    def reset_zoom(self) -> None:
        self._set_scale(TEXT_SCALES[0])
        self._announce(translated(_CONTEXT, TEXT_SCALE_ANNOUNCEMENT, percent=percent(self._scale)))

    def _step_scale(self, step: int) -> None:
        index = min(max(TEXT_SCALES.index(self._scale) + step, 0), len(TEXT_SCALES) - 1)
        self._set_scale(TEXT_SCALES[index])
        # At either end the key still says something: the candidate learns why nothing grew.
        if step > 0 and index == len(TEXT_SCALES) - 1:
            template = LARGEST_TEXT_ANNOUNCEMENT
        elif step < 0 and index == 0:
            template = SMALLEST_TEXT_ANNOUNCEMENT
        else:
            template = TEXT_SCALE_ANNOUNCEMENT
        self._announce(translated(_CONTEXT, template, percent=percent(self._scale)))

    def _set_scale(self, scale: float) -> None:
        self._scale = scale
        self._save((TEXT_SCALE_KEY, scale))
        self._apply()

    def _save(self, *values: tuple[str, object]) -> None:
        if not self._remember:
            return
        for key, value in values:
            self._store.setValue(key, value)
        self._store.sync()

    def _system_changed(self) -> None:
        if self._choice == SYSTEM:
            self._apply()

    def _request_colour_scheme(self) -> None:
        # Tells the platform which scheme the window frames should use (Windows 11, macOS); "system"
        # hands the decision back. Platforms without it (offscreen, X11) ignore the request.
        hints = QGuiApplication.styleHints()
        if self._choice == SYSTEM:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if self._choice == DARK else Qt.ColorScheme.Light)

    def _apply(self) -> None:
        wanted = (self.effective_theme(), self._scale)
        self._sync_actions()
        if wanted == self._applied:
            return
        self._applied = wanted
        apply_style(self._app, *wanted)
        self.changed.emit(*wanted)

    def _announce(self, text: str) -> None:
        if self._announcer is None:
            return
        source = QApplication.focusWidget() or QApplication.activeWindow() or self._announce_source
        if source is not None:
            self._announcer.announce(source, text)

    # --- the "Affichage" menu ---------------------------------------------------------------------

    def _build_actions(self) -> None:
        # Queued: restyling every window takes a while, and an accessibility client that pressed the
        # menu item waits for its reply meanwhile (a screen reader's call times out after 0.8 s).
        queued = Qt.ConnectionType.QueuedConnection
        self.zoom_in_action = QAction(self)
        # Ctrl + needs Shift on many layouts (AZERTY, QWERTY): Ctrl = is the same key without it.
        zoom_in_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn)
        if ZOOM_IN_WITHOUT_SHIFT not in zoom_in_keys:
            zoom_in_keys.append(ZOOM_IN_WITHOUT_SHIFT)
        self.zoom_in_action.setShortcuts(zoom_in_keys)
        self.zoom_in_action.triggered.connect(self.zoom_in, queued)
        self.zoom_out_action = QAction(self)
        self.zoom_out_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut))
        self.zoom_out_action.triggered.connect(self.zoom_out, queued)
        self.reset_zoom_action = QAction(self)
        self.reset_zoom_action.setShortcut(RESET_ZOOM_KEY)
        self.reset_zoom_action.triggered.connect(self.reset_zoom, queued)
        self.theme_group = QActionGroup(self)
        self.theme_group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for choice in THEME_CHOICES:
            action = QAction(self.theme_group)
            action.setCheckable(True)
            action.setData(choice)
            action.triggered.connect(functools.partial(self._theme_chosen, choice), queued)
            self.theme_actions[choice] = action
        self._theme_menus: list[QMenu] = []
        self.retranslate()

    def retranslate(self) -> None:
        """The actions' and the "Thème" submenus' texts in the current language."""
        self.zoom_in_action.setText(translated(_CONTEXT, ZOOM_IN_TEXT))
        self.zoom_out_action.setText(translated(_CONTEXT, ZOOM_OUT_TEXT))
        self.reset_zoom_action.setText(translated(_CONTEXT, RESET_ZOOM_TEXT))
        for choice, action in self.theme_actions.items():
            action.setText(translated(_CONTEXT, THEME_MENU_TEXTS[choice]))
        self._theme_menus = [menu for menu in self._theme_menus if shiboken6.isValid(menu)]
        for menu in self._theme_menus:
            menu.setTitle(translated(_CONTEXT, THEME_MENU_TEXT))

    def _theme_chosen(self, choice: str, _checked: bool = False) -> None:
        self.set_theme(choice)

    def zoom_actions(self) -> list[QAction]:
        """Agrandir / Réduire / Taille normale: add them to other windows so their shortcuts work there."""
        return [self.zoom_in_action, self.zoom_out_action, self.reset_zoom_action]

    def build_menu(self, menu: QMenu) -> None:
        """Add the text size actions, a separator and the "Thème" submenu to ``menu`` ("Affichage")."""
        menu.addActions(self.zoom_actions())
        menu.addSeparator()
        theme_menu = menu.addMenu(translated(_CONTEXT, THEME_MENU_TEXT))
        theme_menu.addActions(list(self.theme_actions.values()))
        self._theme_menus.append(theme_menu)
        if self._announce_source is None:
            self._announce_source = menu.parentWidget()

    def _sync_actions(self) -> None:
        self.theme_actions[self._choice].setChecked(True)
