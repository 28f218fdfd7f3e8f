"""The kiosk (docs/kiosk.md): the whole screen and no way out, the idle warning, the end of a session
without a trace, the outbox limited to the session.

Each kiosk is built as the application builds it (``app.create_main_window`` with ``kiosk=True``), its
time counted in short "seconds" (``idle.SECOND_MS``) so that a countdown of 20 takes a moment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from gui_support import AnnouncementLog
from kiosk_support import Kiosk, open_test_kiosk, traces_of
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWizard
from support import GOOD_PASSWORD

from monmaster_desktop.accounts.service import AccountService
from monmaster_desktop.gui.appearance import AppearanceController
from monmaster_desktop.gui.context import PageId
from monmaster_desktop.gui.kiosk import idle
from monmaster_desktop.gui.kiosk import texts as kiosk_texts
from monmaster_desktop.gui.outbox.window import OutboxWindow
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.settings import Settings

Button = QWizard.WizardButton
HOME = Button.CustomButton1
EMAIL = "camille.kiosque@example.fr"
SECOND_MS = 20  # a kiosk "second" in these tests


@pytest.fixture
def appearance(qapp, tmp_path: Path) -> Iterator[AppearanceController]:
    """The theme and text size, over a settings file of the test's own; the look restored after."""
    saved = (qapp.styleSheet(), QFont(qapp.font()), QPalette(qapp.palette()))
    saved_properties = {name: qapp.property(name) for name in ("theme", "textScale")}
    existing = set(QApplication.topLevelWidgets())
    store = QSettings(str(tmp_path / "appearance.ini"), QSettings.Format.IniFormat)
    yield AppearanceController(qapp, store, remember=False)  # as the application makes a kiosk's
    for window in set(QApplication.topLevelWidgets()) - existing:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QGuiApplication.styleHints().unsetColorScheme()
    qapp.setStyleSheet(saved[0])
    qapp.setFont(saved[1])
    qapp.setPalette(saved[2])
    for name, value in saved_properties.items():
        qapp.setProperty(name, value)


@pytest.fixture
def make_kiosk(
    qtbot, service: AccountService, settings: Settings, appearance: AppearanceController, monkeypatch
) -> Iterator[Callable[..., Kiosk]]:
    monkeypatch.setattr(idle, "SECOND_MS", SECOND_MS)
    made: list[Kiosk] = []

    def make(**options: object) -> Kiosk:
        made.append(open_test_kiosk(qtbot, settings, service, appearance, **options))
        return made[-1]

    yield make
    for kiosk in made:
        kiosk.close()


def test_a_kiosk_leaves_the_saved_theme_and_text_size_as_they_were(qapp, tmp_path: Path) -> None:
    """A kiosk's look lasts one session: neither its defaults nor a candidate's choice become the look
    the computer's user finds the next time the application starts outside kiosk mode."""
    path = tmp_path / "saved.ini"
    saved = QSettings(str(path), QSettings.Format.IniFormat)
    saved.setValue("appearance/textScale", 1.25)
    saved.sync()
    kiosk_look = AppearanceController(qapp, QSettings(str(path), QSettings.Format.IniFormat), remember=False)
    assert (kiosk_look.theme_choice(), kiosk_look.text_scale()) == ("system", 1.0)  # not the saved look
    kiosk_look.zoom_in()
    kiosk_look.restore("light", 2.0)  # e.g. a kiosk configured with text-size = 200
    after = QSettings(str(path), QSettings.Format.IniFormat)
    assert (float(after.value("appearance/textScale")), after.value("appearance/theme")) == (1.25, None)
    # Outside a kiosk, the choice is remembered as before.
    desktop_look = AppearanceController(qapp, QSettings(str(path), QSettings.Format.IniFormat))
    assert desktop_look.text_scale() == 1.25
    desktop_look.zoom_in()
    assert float(QSettings(str(path), QSettings.Format.IniFormat).value("appearance/textScale")) > 1.25
    kiosk_look.restore("system", 1.0)


def candidate_at(kiosk: Kiosk) -> Candidate:
    return Candidate.at(kiosk.window)


def register_and_activate(candidate: Candidate, email: str = EMAIL) -> None:
    candidate.go_to_credentials()
    candidate.register(email, GOOD_PASSWORD)
    candidate.open_outbox()
    candidate.follow_link()
    candidate.wait_for_page(PageId.ACTIVATED)


# --- the screen ------------------------------------------------------------------------------------


def test_the_kiosk_takes_the_whole_screen_frameless(make_kiosk) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    screen = window.screen()
    assert window.geometry() == screen.geometry()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


@pytest.mark.parametrize("keys", ["Ctrl+Q", "Ctrl+W", "Ctrl+F4", "Alt+F4"])
def test_no_key_and_no_close_request_closes_it(qtbot, make_kiosk, keys: str) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    assert not window.close()  # what a window manager's close button asks
    combination = QKeySequence(keys)[0]
    QTest.keyClick(window.wizard, combination.key(), combination.keyboardModifiers())
    QApplication.processEvents()
    assert window.isVisible()


def test_the_testers_menu_is_not_there(make_kiosk) -> None:
    kiosk = make_kiosk()
    titles = [
        action.text().replace("&", "") for action in kiosk.window.menuBar().actions() if action.isVisible()
    ]
    assert "Accessibilité" not in titles and titles == ["Courriels", "Affichage", "Aide"]


def test_the_operator_quits_it(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk()
    kiosk.controller.quit_kiosk()
    qtbot.waitUntil(lambda: not kiosk.window.isVisible())


# --- the idle warning --------------------------------------------------------------------------------


def wait_for_warning(qtbot, kiosk: Kiosk) -> idle.IdleWarningDialog:
    qtbot.waitUntil(lambda: kiosk.controller.guard.dialog is not None, timeout=10_000)
    dialog = kiosk.controller.guard.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_warning_is_a_titled_dialog_said_at_once(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk(idle_timeout=5, warning=30)
    announcements = AnnouncementLog(kiosk.window.context.announcer)
    dialog = wait_for_warning(qtbot, kiosk)
    assert isinstance(dialog, QDialog) and dialog.windowTitle() == "Êtes-vous toujours là ?"
    button = dialog.continue_button
    assert button.text() == "Continuer" and button.isDefault()
    qtbot.waitUntil(button.hasFocus)
    (first, assertive) = announcements.entries[0]
    assert assertive and first.startswith(
        "Êtes-vous toujours là ? Sans réponse, la session se terminera dans 30"
    )
    # What a screen reader reading only the focused control hears (Orca 43), then at intervals.
    assert button.accessibleDescription().startswith("La session se terminera dans 30 secondes.")
    qtbot.waitUntil(lambda: "Fin de la session dans 20 secondes." in announcements.texts, timeout=10_000)
    assert button.accessibleDescription().startswith("La session se terminera dans 20 secondes.")
    assert dialog.countdown_label.text().startswith("La session se terminera dans")
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # answered before the end


def fill_the_address(candidate: Candidate) -> QLineEdit:
    candidate.go_to_credentials()
    email = candidate.field(PageId.CREDENTIALS, "emailEdit")
    candidate.type_into(email, EMAIL)
    candidate.type_into(candidate.field(PageId.CREDENTIALS, "passwordEdit"), GOOD_PASSWORD)
    return email


@pytest.mark.parametrize(
    "answer", ["Entrée", "une autre touche", "Échap", "un clic sur Continuer", "un clic ailleurs"]
)
def test_any_answer_keeps_the_page_and_what_was_typed(qtbot, make_kiosk, answer: str) -> None:
    kiosk = make_kiosk(warning=1_000)
    candidate = candidate_at(kiosk)
    email = fill_the_address(candidate)
    announcements = AnnouncementLog(kiosk.window.context.announcer)
    kiosk.controller.guard.warn()  # the idle time is over (its clock: test_without_an_answer…)
    dialog = wait_for_warning(qtbot, kiosk)
    commit = candidate.button(Button.CommitButton)
    clicked: list[bool] = []
    commit.clicked.connect(lambda: clicked.append(True))
    if answer == "Entrée":
        QTest.keyClick(dialog.continue_button, Qt.Key.Key_Return)
    elif answer == "une autre touche":
        QTest.keyClick(dialog, Qt.Key.Key_A)
    elif answer == "Échap":
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    elif answer == "un clic sur Continuer":
        QTest.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    else:  # on "Continuer" of the page under the warning: it answers, and presses nothing
        QTest.mouseClick(commit, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: kiosk.controller.guard.dialog is None)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    qtbot.waitUntil(lambda: kiosk_texts.SESSION_CONTINUES in announcements.texts)
    assert clicked == []
    assert candidate.current_page() is PageId.CREDENTIALS
    assert email.text() == EMAIL
    assert candidate.field(PageId.CREDENTIALS, "passwordEdit").text() == GOOD_PASSWORD
    # The clock starts again: a new warning comes after another idle time, not at once.
    assert kiosk.controller.guard.dialog is None


def test_an_assistive_technologys_action_answers(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk(warning=1_000)
    candidate = candidate_at(kiosk)
    email = fill_the_address(candidate)
    kiosk.controller.guard.warn()
    dialog = wait_for_warning(qtbot, kiosk)
    interface = QAccessible.queryAccessibleInterface(dialog.continue_button)
    actions = interface.actionInterface()
    press = QAccessibleActionInterface.pressAction()
    assert actions is not None and press in actions.actionNames()
    actions.doAction(press)  # what AT-SPI's "Press" calls
    qtbot.waitUntil(lambda: kiosk.controller.guard.dialog is None)
    assert email.text() == EMAIL and candidate.current_page() is PageId.CREDENTIALS


def test_without_an_answer_the_session_ends(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk(idle_timeout=10, warning=20)
    candidate = candidate_at(kiosk)
    fill_the_address(candidate)
    ended: list[bool] = []
    kiosk.controller.session_ended.connect(lambda: ended.append(True))
    dialog = wait_for_warning(qtbot, kiosk)
    qtbot.waitUntil(lambda: ended == [True], timeout=10_000)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert candidate.current_page() is PageId.WELCOME
    assert traces_of([EMAIL, GOOD_PASSWORD], kiosk) == []


def test_activity_restarts_the_idle_clock(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk(idle_timeout=200)
    guard = kiosk.controller.guard
    monitor = kiosk.controller.monitor
    kinds: list[str] = []
    monitor.activity.connect(kinds.append)
    wizard = kiosk.window.wizard
    for act in (
        lambda: QTest.keyClick(wizard, Qt.Key.Key_Shift),
        lambda: QTest.mouseClick(wizard, Qt.MouseButton.LeftButton),
        lambda: QApplication.sendEvent(
            wizard.currentPage().scroll_area.viewport(),
            _wheel(wizard),
        ),
        lambda: wizard.button(Button.NextButton).setFocus(),  # a screen reader moving the focus
    ):
        qtbot.waitUntil(lambda: guard.idle_remaining_ms() < guard.idle_interval_ms() * 0.9, timeout=10_000)
        kinds.clear()
        act()
        assert kinds, "not counted as activity"
        assert guard.idle_remaining_ms() > guard.idle_interval_ms() * 0.9


def _wheel(widget):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    return QWheelEvent(
        QPointF(5, 5),
        QPointF(widget.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


# --- the end of a session ----------------------------------------------------------------------------

WAYS = ["l'inactivité", "Terminer", "Se déconnecter", "le retour automatique", "Retour à l'accueil"]


@pytest.mark.parametrize("way", WAYS)
def test_every_way_of_ending_a_session_leaves_no_trace(qtbot, make_kiosk, appearance, way: str) -> None:
    kiosk = make_kiosk(warning=20, return_after_activation=50 if way == "le retour automatique" else 100_000)
    window = kiosk.window
    candidate = candidate_at(kiosk)
    announcements = AnnouncementLog(window.context.announcer)
    captcha_before = candidate.credentials_page().captcha_widget.captcha.code
    # Everything a candidate can leave behind: the answers, the fields, the clipboard, a document,
    # the outbox, a bigger text in another theme, a sign-in.
    if way == "l'inactivité":  # restyling takes a while: once is enough to prove it comes back
        appearance.set_theme("dark")
        appearance.zoom_in()
    register_and_activate(candidate)
    if way == "Se déconnecter":
        candidate.press(Button.NextButton, "Se connecter")
        candidate.wait_for_page(PageId.SIGN_IN)
        candidate.sign_in(EMAIL, GOOD_PASSWORD)
        candidate.wait_for_page(PageId.SIGNED_IN)
    window.open_document("cgu")
    window.open_outbox(None)
    browser = window.outbox_window().message_browser  # the mail's text, selected and copied
    browser.selectAll()
    browser.copy()
    assert "Activer mon compte" in QGuiApplication.clipboard().text()
    QGuiApplication.clipboard().setText(EMAIL)  # the address, copied from a field
    assert QGuiApplication.clipboard().text() == EMAIL

    ended: list[bool] = []
    kiosk.controller.session_ended.connect(lambda: ended.append(True))
    if way == "l'inactivité":
        kiosk.controller.guard.warn()  # the idle time is over; nobody answers the countdown
    elif way == "Terminer":
        window.outbox_window().hide()
        candidate.press(HOME, "Terminer")
    elif way == "Se déconnecter":
        candidate.press(Button.FinishButton, "Se déconnecter")
    elif way == "Retour à l'accueil":
        candidate.press(HOME, "Terminer")  # the same button, named "Terminer" on a kiosk
    qtbot.waitUntil(lambda: ended == [True], timeout=15_000)
    QApplication.processEvents()

    assert candidate.current_page() is PageId.WELCOME
    assert [
        dialog
        for dialog in QApplication.topLevelWidgets()
        if isinstance(dialog, QDialog) and dialog.isVisible()
    ] == []
    assert not window.outbox_window().isVisible() and window.outbox_window().model.rowCount() == 0
    assert (appearance.theme_choice(), appearance.text_scale()) == ("system", 1.0)
    assert candidate.credentials_page().captcha_widget.captcha.code != captcha_before
    assert kiosk.window.wizard.page(PageId.WELCOME).session_notice.isVisible()
    assert announcements.texts[-1] == kiosk_texts.NEW_SESSION
    assert QGuiApplication.clipboard().text() == ""
    local_part = EMAIL.split("@")[0]
    assert traces_of([EMAIL, local_part, GOOD_PASSWORD], kiosk) == []


def test_a_new_session_starts_with_every_field_empty_and_no_undo(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk()
    candidate = candidate_at(kiosk)
    email = fill_the_address(candidate)
    kiosk.controller.end_session()
    candidate.go_to_credentials()
    email.setFocus()
    QTest.keyClick(email, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z brings nothing back
    assert email.text() == ""
    password = candidate.field(PageId.CREDENTIALS, "passwordEdit")
    password.setFocus()
    QTest.keyClick(password, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert password.text() == ""


def test_compte_active_counts_down_and_can_be_stopped(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk(return_after_activation=1_000)
    candidate = candidate_at(kiosk)
    announcements = AnnouncementLog(kiosk.window.context.announcer)
    register_and_activate(candidate)
    page = kiosk.controller.activated_page
    assert candidate.button(HOME).text() == "Terminer"
    assert page.auto_return_frame.isVisible()
    assert page.auto_return_label.text().startswith("Retour automatique à l'accueil dans")
    assert page.auto_return_label.buddy() is page.heading()  # said with the heading
    qtbot.waitUntil(
        lambda: any(text.startswith("Retour automatique à l'accueil dans") for text in announcements.texts)
    )
    candidate.click(page.stay_button)
    assert not page.auto_return_frame.isVisible()
    assert kiosk_texts.AUTO_RETURN_STOPPED in announcements.texts
    assert candidate.current_page() is PageId.ACTIVATED


def test_leaving_compte_active_stops_the_countdown(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk(return_after_activation=1_000)
    candidate = candidate_at(kiosk)
    register_and_activate(candidate)
    candidate.press(Button.NextButton, "Se connecter")
    candidate.wait_for_page(PageId.SIGN_IN)
    assert kiosk.controller.activated_page.auto_return_frame.isHidden()  # the countdown stopped


# --- the outbox of a kiosk ---------------------------------------------------------------------------


def listed_recipients(outbox: OutboxWindow) -> list[str]:
    """The recipients the outbox's list shows, as its view reads them."""
    model = outbox.mail_list.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_outbox_lists_only_this_sessions_mails(qtbot, make_kiosk) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    candidate = candidate_at(kiosk)
    candidate.go_to_credentials()
    candidate.register("premiere@example.fr", GOOD_PASSWORD)
    candidate.open_outbox()
    assert listed_recipients(window.outbox_window()) == ["premiere@example.fr"]
    kiosk.controller.end_session()
    assert window.outbox_window().model.rowCount() == 0

    window.open_outbox(None)  # Ctrl+Maj+B at the start of the next session: nothing to read
    outbox = window.outbox_window()
    assert outbox.model.rowCount() == 0 and outbox.empty_label.isVisible()
    outbox.hide()
    candidate.go_to_credentials()
    candidate.register("seconde@example.fr", GOOD_PASSWORD)
    candidate.open_outbox()
    assert listed_recipients(outbox) == ["seconde@example.fr"]
    assert len(window.context.service.outbox.list()) == 2  # both are in the database all the same
    assert traces_of(["premiere@example.fr"], kiosk, undo=False) == []
