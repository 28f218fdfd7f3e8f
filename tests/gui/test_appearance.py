"""The "Affichage" menu: text size (Ctrl + / Ctrl − / Ctrl 0, remembered) and theme (system, light, dark,
high contrast), and what the candidate then sees: check marks, focus rings, pages at 200 % that reflow
without cutting anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import AnnouncementLog
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.appearance import AppearanceController, SystemAppearance
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.style import (
    BASE_POINT_SIZE,
    apply_style,
    check_mark_file,
    style_sheet,
    theme_tokens,
)

CTRL = Qt.KeyboardModifier.ControlModifier


class FakeSystem(SystemAppearance):
    """The platform's preferences, changed by the test as a candidate would in the system settings."""

    def __init__(self) -> None:
        super().__init__()
        self.dark = False
        self.high_contrast = False

    def prefers_dark(self) -> bool:
        return self.dark

    def prefers_high_contrast(self) -> bool:
        return self.high_contrast

    def switch(self, *, dark: bool | None = None, high_contrast: bool | None = None) -> None:
        self.dark = self.dark if dark is None else dark
        self.high_contrast = self.high_contrast if high_contrast is None else high_contrast
        self.changed.emit()


class Appearance:
    """A controller over a settings file of the test's own, in a window with an "Affichage" menu."""

    def __init__(
        self, qtbot, app: QApplication, path: Path, system: FakeSystem, announcer: Announcer
    ) -> None:
        self.app = app
        self.path = path
        self.system = system
        self.announcer = announcer
        self.controller = self.start()
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.window.setCentralWidget(QLabel("Bonjour"))
        self.view_menu = self.window.menuBar().addMenu("&Affichage")
        self.controller.build_menu(self.view_menu)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)

    def start(self) -> AppearanceController:
        """A controller as the application makes one at start-up (a new run reads the same file)."""
        store = QSettings(str(self.path), QSettings.Format.IniFormat)
        return AppearanceController(self.app, store, self.announcer, self.system)

    def press(self, key: Qt.Key) -> None:
        QTest.keyClick(self.window, key, CTRL)
        QApplication.sendPostedEvents()  # the menu's actions run from the event loop

    def choose(self, action: QAction) -> None:
        """Pick a menu item, then let the event loop run what it queued."""
        action.trigger()
        QApplication.sendPostedEvents()

    def theme_menu(self) -> QMenu:
        menus = [action.menu() for action in self.view_menu.actions() if action.menu() is not None]
        assert len(menus) == 1
        return menus[0]


@pytest.fixture
def appearance(qapp, qtbot, tmp_path: Path) -> Iterator[Appearance]:
    # The application object outlives the test: the next tests get back the look they had.
    saved = (qapp.styleSheet(), QFont(qapp.font()), QPalette(qapp.palette()))
    saved_properties = {name: qapp.property(name) for name in ("theme", "textScale")}
    existing_windows = set(QApplication.topLevelWidgets())
    yield Appearance(qtbot, qapp, tmp_path / "appearance.ini", FakeSystem(), Announcer())
    # This test's windows go first: swapping Qt's style sheet style under open windows crashes later.
    for window in set(QApplication.topLevelWidgets()) - existing_windows:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QGuiApplication.styleHints().unsetColorScheme()
    sheet, font, palette = saved
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)
    for name, value in saved_properties.items():
        qapp.setProperty(name, value)


def visible_text(action_text: str) -> str:
    return action_text.replace("&", "")


def app_theme(app: QApplication) -> str:
    return str(app.property("theme"))


# --- text size -----------------------------------------------------------------------------------


def test_first_run_shows_normal_size_text_in_the_systems_light_theme(appearance: Appearance) -> None:
    assert appearance.controller.theme_choice() == "system"
    assert appearance.controller.effective_theme() == "light"
    assert appearance.controller.text_scale() == 1.0
    assert app_theme(appearance.app) == "light"
    assert appearance.app.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE)


def test_ctrl_plus_grows_the_text_by_quarters_up_to_200_percent(appearance: Appearance) -> None:
    sizes = []
    for _ in range(6):
        appearance.press(Qt.Key.Key_Plus)
        sizes.append(appearance.controller.text_scale())
    assert sizes == [1.25, 1.5, 1.75, 2.0, 2.0, 2.0]
    assert appearance.app.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 2)


def test_ctrl_equals_grows_the_text_too_for_keyboards_where_plus_needs_shift(appearance: Appearance) -> None:
    appearance.press(Qt.Key.Key_Equal)
    assert appearance.controller.text_scale() == 1.25


def test_ctrl_minus_shrinks_the_text_but_never_below_100_percent(appearance: Appearance) -> None:
    appearance.press(Qt.Key.Key_Plus)
    appearance.press(Qt.Key.Key_Plus)
    appearance.press(Qt.Key.Key_Minus)
    assert appearance.controller.text_scale() == 1.25
    appearance.press(Qt.Key.Key_Minus)
    appearance.press(Qt.Key.Key_Minus)
    assert appearance.controller.text_scale() == 1.0


def test_ctrl_0_brings_the_text_back_to_normal_size(appearance: Appearance) -> None:
    for _ in range(3):
        appearance.press(Qt.Key.Key_Plus)
    appearance.press(Qt.Key.Key_0)
    assert appearance.controller.text_scale() == 1.0
    assert appearance.app.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE)


def test_the_menu_offers_the_three_sizes_with_their_shortcuts(appearance: Appearance) -> None:
    actions = [action for action in appearance.view_menu.actions() if not action.isSeparator()]
    shortcuts = {
        visible_text(action.text()): [key.toString() for key in action.shortcuts()] for action in actions
    }
    assert shortcuts["Agrandir le texte"][0] == "Ctrl++"
    assert "Ctrl+=" in shortcuts["Agrandir le texte"]
    assert shortcuts["Réduire le texte"][0] == "Ctrl+-"
    assert shortcuts["Taille normale du texte"] == ["Ctrl+0"]
    assert appearance.view_menu.actions()[3].isSeparator()
    assert visible_text(appearance.view_menu.actions()[4].text()) == "Thème"


def test_text_size_is_remembered_for_the_next_run(appearance: Appearance) -> None:
    appearance.press(Qt.Key.Key_Plus)
    appearance.press(Qt.Key.Key_Plus)
    apply_style(appearance.app)  # as if the application had closed
    next_run = appearance.start()
    assert next_run.text_scale() == 1.5
    assert appearance.app.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.5)


def test_a_damaged_settings_file_gives_normal_text_and_the_system_theme(appearance: Appearance) -> None:
    store = QSettings(str(appearance.path), QSettings.Format.IniFormat)
    store.setValue("appearance/textScale", "énorme")
    store.setValue("appearance/theme", "violet")
    store.sync()
    next_run = appearance.start()
    assert (next_run.theme_choice(), next_run.text_scale()) == ("system", 1.0)


def test_a_stored_size_between_steps_snaps_to_the_nearest_step(appearance: Appearance) -> None:
    store = QSettings(str(appearance.path), QSettings.Format.IniFormat)
    store.setValue("appearance/textScale", 3.7)
    store.sync()
    assert appearance.start().text_scale() == 2.0


def test_size_changes_are_announced_politely(appearance: Appearance) -> None:
    log = AnnouncementLog(appearance.announcer)
    appearance.press(Qt.Key.Key_Plus)
    appearance.press(Qt.Key.Key_0)
    assert log.entries == [("Taille du texte : 125 %.", False), ("Taille du texte : 100 %.", False)]


def test_ctrl_plus_at_200_percent_says_it_is_the_largest_size(appearance: Appearance) -> None:
    for _ in range(4):
        appearance.press(Qt.Key.Key_Plus)
    log = AnnouncementLog(appearance.announcer)
    appearance.press(Qt.Key.Key_Plus)
    assert log.texts == ["Taille du texte : 200 %, la plus grande taille."]


# --- themes --------------------------------------------------------------------------------------


def test_the_theme_menu_lists_four_exclusive_choices_with_the_system_checked(appearance: Appearance) -> None:
    actions = appearance.theme_menu().actions()
    assert [visible_text(action.text()) for action in actions] == [
        "Selon le système",
        "Clair",
        "Sombre",
        "Contraste élevé",
    ]
    assert all(action.isCheckable() for action in actions)
    assert [action.isChecked() for action in actions] == [True, False, False, False]
    assert actions[0].actionGroup().isExclusive()


def test_choosing_sombre_in_the_menu_darkens_the_application(appearance: Appearance) -> None:
    log = AnnouncementLog(appearance.announcer)
    changes: list[tuple[str, float]] = []
    appearance.controller.changed.connect(lambda theme, scale: changes.append((theme, scale)))
    sombre = appearance.theme_menu().actions()[2]
    appearance.choose(sombre)
    assert sombre.isChecked()
    assert app_theme(appearance.app) == "dark"
    assert appearance.app.palette().color(QPalette.ColorRole.Window) == QColor(
        theme_tokens("dark")["background"]
    )
    assert changes == [("dark", 1.0)]
    assert log.entries == [("Thème : sombre.", False)]


def test_the_system_choice_follows_a_dark_system_live(appearance: Appearance) -> None:
    appearance.system.switch(dark=True)
    assert app_theme(appearance.app) == "dark"
    appearance.system.switch(dark=False)
    assert app_theme(appearance.app) == "light"


def test_a_system_asking_for_high_contrast_gets_the_high_contrast_theme(appearance: Appearance) -> None:
    appearance.system.switch(dark=True, high_contrast=True)
    assert appearance.controller.effective_theme() == "high-contrast"
    assert app_theme(appearance.app) == "high-contrast"


def test_the_platform_watcher_hears_qts_colour_scheme_and_contrast_signals(qapp) -> None:
    watcher = SystemAppearance()
    heard: list[bool] = []
    watcher.changed.connect(lambda: heard.append(True))
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # what Qt does when the system switches
    hints.accessibility().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    assert heard == [True, True]


def test_a_chosen_theme_stays_when_the_system_changes(appearance: Appearance) -> None:
    appearance.controller.set_theme("light")
    appearance.system.switch(dark=True)
    assert app_theme(appearance.app) == "light"


def test_going_back_to_the_system_choice_says_which_theme_it_gives(appearance: Appearance) -> None:
    appearance.controller.set_theme("high-contrast")
    appearance.system.switch(dark=True)
    log = AnnouncementLog(appearance.announcer)
    appearance.choose(appearance.theme_menu().actions()[0])
    assert app_theme(appearance.app) == "dark"
    assert log.texts == ["Thème : selon le système, actuellement sombre."]


def test_the_theme_choice_is_remembered_for_the_next_run(appearance: Appearance) -> None:
    appearance.controller.set_theme("high-contrast")
    apply_style(appearance.app)
    next_run = appearance.start()
    assert next_run.theme_choice() == "high-contrast"
    assert app_theme(appearance.app) == "high-contrast"
    assert next_run.theme_actions["high-contrast"].isChecked()


def test_an_unknown_theme_is_refused(appearance: Appearance) -> None:
    with pytest.raises(ValueError, match="violet"):
        appearance.controller.set_theme("violet")
    assert appearance.controller.theme_choice() == "system"


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_links_and_selections_in_qt_widgets_follow_the_theme(appearance: Appearance, theme: str) -> None:
    appearance.controller.set_theme(theme)
    palette = appearance.app.palette()
    tokens = theme_tokens(theme)
    assert palette.color(QPalette.ColorRole.Link) == QColor(tokens["primary"])
    assert palette.color(QPalette.ColorRole.Text) == QColor(tokens["text"])
    assert palette.color(QPalette.ColorRole.Highlight) == QColor(tokens["primary"])
    assert palette.color(QPalette.ColorRole.HighlightedText) == QColor(tokens["on-primary"])
    assert palette.color(QPalette.ColorRole.PlaceholderText) == QColor(tokens["text-mention"])


# --- what the candidate sees in each theme -------------------------------------------------------


def _grab(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def _colours(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}


def _contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def linear(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * linear(colour.redF())
            + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF())
        )

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def sample(appearance: Appearance, qtbot) -> QWidget:
    """A page with a primary button and a check box, on the theme's page background."""
    page = QWidget()
    page.setObjectName("outboxWindow")  # a top-level widget the base sheet paints with the page colour
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    page.button = QPushButton("Continuer")  # type: ignore[attr-defined]
    page.box = QCheckBox("J'accepte")  # type: ignore[attr-defined]
    layout.addWidget(page.button)  # type: ignore[attr-defined]
    layout.addWidget(page.box)  # type: ignore[attr-defined]
    page.show()
    qtbot.waitExposed(page)
    return page


def _inside_the_box(image: QImage, box_colour: QColor) -> set[str]:
    """The colours inside the bounding box of the pixels of ``box_colour`` (the indicator)."""
    points = [
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y) == box_colour
    ]
    assert points, f"no pixel of {box_colour.name()}: the box is not drawn"
    left, right = min(x for x, _ in points), max(x for x, _ in points)
    top, bottom = min(y for _, y in points), max(y for _, y in points)
    return {image.pixelColor(x, y).name() for x in range(left, right + 1) for y in range(top, bottom + 1)}


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_a_ticked_box_shows_a_check_mark_in_every_theme(appearance: Appearance, sample, theme: str) -> None:
    appearance.controller.set_theme(theme)
    primary, on_primary = (QColor(theme_tokens(theme)[token]) for token in ("primary", "on-primary"))
    sample.box.setChecked(False)
    assert primary.name() in _colours(_grab(sample.box))  # the empty box's outline
    sample.box.setChecked(True)
    # The box filled with the primary colour, and the check mark drawn on it in the colour meant for it.
    assert on_primary.name() in _inside_the_box(_grab(sample.box), primary)


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_the_focused_button_has_a_ring_that_stands_out_3_to_1(
    appearance: Appearance, sample, theme: str
) -> None:
    appearance.controller.set_theme(theme)
    sample.button.setFocus()
    qtbot_wait_for_focus(sample.button)
    focused = _grab(sample.button)
    middle = focused.height() // 2
    ring = focused.pixelColor(0, middle)  # the button's outermost pixels
    fill = focused.pixelColor(6, middle)  # just inside the ring (at most 3 px wide)
    page = QColor(theme_tokens(theme)["background"])
    assert _contrast(ring, page) >= 3.0
    assert _contrast(ring, fill) >= 3.0


def qtbot_wait_for_focus(widget: QWidget) -> None:
    widget.activateWindow()
    QApplication.processEvents()
    assert widget.hasFocus()


# --- 200 % text: the layout reflows and scrolls, nothing is cut ----------------------------------

BUTTON_TOLERANCE_PX = 4  # padding may shrink a little; the words need far more than this


def clipped_widgets(window: MainWindow) -> list[str]:
    """What the current page cuts: a form wider than its view, wrapped text or a button too short."""
    page = window.wizard.currentPage()
    problems = []
    if page.form.width() > page.scroll_area.viewport().width():
        problems.append(
            f"the form is {page.form.width()} px wide in a {page.scroll_area.viewport().width()} px view"
        )
    for label in page.findChildren(QLabel):
        wrapped = label.isVisible() and label.text() and label.wordWrap()
        if wrapped and label.height() < label.heightForWidth(label.width()):
            problems.append(f"label {label.text()[:40]!r} is cut")
    buttons = [*page.findChildren(QPushButton), *window.wizard.findChildren(QPushButton)]
    for button in buttons:
        if button.isVisible() and button.height() < button.sizeHint().height() - BUTTON_TOLERANCE_PX:
            problems.append(
                f"button {button.text()!r} is {button.height()} px high, needs {button.sizeHint().height()}"
            )
    return sorted(set(problems))


def visit_every_page(qtbot, window: MainWindow) -> dict[str, list[str]]:
    found = {}
    for page_id in PageId:
        if page_id is not PageId.WELCOME:
            window.wizard.go_to(page_id)
        qtbot.waitUntil(lambda page_id=page_id: window.wizard.current_page_id is page_id)
        QApplication.processEvents()
        found[page_id.name] = clipped_widgets(window)
    return {page: problems for page, problems in found.items() if problems}


def kiosk_sized_window(qtbot, gui_context: GuiContext) -> MainWindow:
    window = MainWindow(gui_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_at_200_percent_every_page_reflows_without_cutting_anything(
    appearance: Appearance, qtbot, gui_context: GuiContext, theme: str
) -> None:
    appearance.controller.set_theme(theme)
    for _ in range(4):
        appearance.controller.zoom_in()
    window = kiosk_sized_window(qtbot, gui_context)
    assert visit_every_page(qtbot, window) == {}


def test_growing_the_text_while_a_page_is_open_cuts_nothing(
    appearance: Appearance, qtbot, gui_context: GuiContext
) -> None:
    window = kiosk_sized_window(qtbot, gui_context)
    window.wizard.go_to(PageId.CANDIDATER)
    window.wizard.go_to(PageId.ELIGIBILITY)
    for _ in range(4):
        appearance.controller.zoom_in()
    QApplication.processEvents()
    assert clipped_widgets(window) == []


def test_a_check_mark_removed_by_a_tmp_cleaner_comes_back_with_the_next_style(qapp) -> None:
    sheet = style_sheet("dark")
    path = check_mark_file(theme_tokens("dark")["on-primary"])
    assert f"url({path.as_posix()})" in sheet
    path.unlink()
    style_sheet("dark")
    assert path.is_file()
