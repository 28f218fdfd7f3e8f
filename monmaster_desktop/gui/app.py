"""Starting the GUI: the QApplication, its language (Qt's catalogs, the core's), the theme, the main window.

Start-up never ends in a traceback or in Qt's English abort: no usable screen is said in words
(exit 3); data that cannot be used is said in a dialog and on stderr (exit 2); a damaged database
is moved aside by the core, and a dialog tells the operator where it went (docs/reliability.md). The
language is the one of ``--lang`` (French by default), which stays the kiosk's default. One
instance per data folder: a second one says so and exits with status 4 (docs/kiosk.md). A kiosk
starts only once its operator's PIN exists, and is shown by its controller (``gui/kiosk``).
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import monmaster_desktop
from monmaster_desktop import APP_DISPLAY_NAME, APP_NAME, i18n, texts, validation
from monmaster_desktop.accounts.service import AccountService, open_account_service, start_account_service
from monmaster_desktop.accounts.store import utc_now
from monmaster_desktop.assets import resource_file
from monmaster_desktop.exit_codes import EXIT_ALREADY_RUNNING, EXIT_DATA_UNUSABLE, EXIT_NO_DISPLAY
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.accessibility.password_protection import install_password_protection
from monmaster_desktop.gui.accessibility.recorder import start_accessibility_log
from monmaster_desktop.gui.accessibility.safe_interfaces import install_safe_accessible_interfaces
from monmaster_desktop.gui.appearance import AppearanceController
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.first_paint import after_first_paint, install_start_up_probe
from monmaster_desktop.gui.kiosk.single_instance import AlreadyRunning, lock_data_folder
from monmaster_desktop.gui.language import LanguageUnavailable, install_language
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.operator.access import OperatorAccess, install_operator_access
from monmaster_desktop.gui.soon import call_soon
from monmaster_desktop.gui.style import DEFAULT_THEME, apply_style
from monmaster_desktop.gui.testers.menu import install_accessibility_menu
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.i18n import gettext, message
from monmaster_desktop.settings import DataError, Settings, ensure_private_dir, os_error_reason


def create_application(argv: list[str] | None = None, language: str = i18n.DEFAULT_LANGUAGE) -> QApplication:
    """The QApplication in ``language`` (its catalogs, Qt's own, the locale) with the default theme.

    Raises ``LanguageUnavailable`` when the catalogs of ``language`` are missing from this copy.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    install_password_protection()  # no password character on the accessibility bus (Linux AT-SPI)
    install_safe_accessible_interfaces()  # no crash whatever an accessibility client asks
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    # Window managers match the window to the installed .desktop entry and its icon.
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_file("icons/monmaster-desktop.svg"))))
    # The application's catalogs, Qt's own (file dialog, context menus) and the locale, together.
    install_language(language)
    app.setProperty("theme", DEFAULT_THEME)
    apply_style(app, DEFAULT_THEME, 1.0)
    return app


def create_main_window(
    settings: Settings, appearance: AppearanceController | None = None, service: AccountService | None = None
) -> MainWindow:
    if service is None:
        service = open_account_service(settings)
    announcer = Announcer()
    # Before the main window: the testers' log records the very first page announcement too.
    log = start_accessibility_log(announcer)
    context = GuiContext(
        settings=settings, service=service, runner=TaskRunner(), announcer=announcer, clock=utc_now
    )
    window = MainWindow(context, appearance=appearance)
    install_accessibility_menu(window, context, log)
    kiosk = None
    if settings.kiosk:  # the kiosk's controller (and its idle guard) only where there is a kiosk
        from monmaster_desktop.gui.kiosk.controller import install_kiosk

        kiosk = install_kiosk(window, appearance)

    def purged(console: QWidget) -> None:
        # Nothing of the purged candidates stays on screen either; the console stays open.
        if kiosk is not None:
            kiosk.end_session(keep_open=console)
        else:
            window.wizard.start_over_requested.emit()

    install_operator_access(window, on_quit=kiosk.quit_kiosk if kiosk else window.close, on_purged=purged)
    return window


def run_gui(settings: Settings) -> int:
    app = _create_application_or_exit()
    try:
        install_language(settings.language)  # --lang: the language and the kiosk's default one
    except LanguageUnavailable as error:  # a copy built without its catalogs
        print(error, file=sys.stderr)
        return EXIT_DATA_UNUSABLE
    # The saved (or the system's) theme and text size; a kiosk saves nothing (docs/kiosk.md).
    appearance = AppearanceController(app, remember=not settings.kiosk)
    try:
        ensure_private_dir(settings.data_dir)
        lock = lock_data_folder(settings)  # held until the end of the run
    except DataError as error:
        return _refuse_to_start(str(error), EXIT_DATA_UNUSABLE)
    except AlreadyRunning:
        said = message(texts.ALREADY_RUNNING, folder=settings.data_dir)
        return _refuse_to_start(said, EXIT_ALREADY_RUNNING, gettext(texts.ALREADY_RUNNING_TITLE))
    except OSError as error:
        said = message(texts.LOCK_UNAVAILABLE, path=settings.lock_path, reason=os_error_reason(error))
        return _refuse_to_start(said, EXIT_DATA_UNUSABLE)
    try:
        return _run_locked(app, settings, appearance)
    finally:
        lock.unlock()


def _run_locked(app: QApplication, settings: Settings, appearance: AppearanceController) -> int:
    try:
        started = start_account_service(settings)
    except DataError as error:
        return _refuse_to_start(str(error), EXIT_DATA_UNUSABLE)
    window = create_main_window(settings, appearance, started.service)
    after_first_paint(window, lambda: _after_first_paint(app))
    # Installed last, so its event filter sees the first paint first: it reports before the rest runs.
    install_start_up_probe(window)
    if settings.kiosk:
        from monmaster_desktop.gui.kiosk.controller import KioskController

        kiosk = window.findChild(KioskController)
        assert kiosk is not None
        access = window.findChild(OperatorAccess)
        assert access is not None
        if not access.require_pin():  # a kiosk cannot run without its operator's PIN
            return 0
        kiosk.show()
    else:
        window.show()
    if started.set_aside is not None:
        notice = set_aside_notice(started.set_aside)
        print(notice, file=sys.stderr)
        call_soon(window, lambda: show_set_aside_notice(window, notice))
    return app.exec()


def _after_first_paint(app: QApplication) -> None:
    """What the first screen does not need, done once it is painted rather than before."""
    # The address and strength checkers' imports (~170 ms) happen off the UI thread, well before the
    # candidate reaches "Choisir mes identifiants".
    threading.Thread(target=validation.import_checkers, name="import-checkers", daemon=True).start()
    # Reading the version looks for the package's metadata along sys.path; nothing reads it earlier.
    app.setApplicationVersion(monmaster_desktop.__version__)


def _refuse_to_start(said: str, status: int, title: str = APP_DISPLAY_NAME) -> int:
    """Say why the application cannot start, on stderr and in a dialog; the exit status."""
    print(said, file=sys.stderr)
    QMessageBox.critical(None, title, said)
    return status


def set_aside_notice(kept: Path) -> str:
    return i18n.message(texts.DATABASE_SET_ASIDE, name=kept.name, folder=kept.parent)


def show_set_aside_notice(parent: QWidget, notice: str) -> QMessageBox:
    """Tell the operator, over the main window, that a damaged database was moved aside (window-modal)."""
    title = gettext(texts.DATABASE_SET_ASIDE_TITLE)
    box = QMessageBox(QMessageBox.Icon.Warning, title, notice, parent=parent)
    box.setObjectName("setAsideNotice")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def _create_application_or_exit() -> QApplication:
    """``create_application``, but Qt failing to open any display exits with a message in words (status 3).

    Qt reports that failure with a fatal message and then aborts the process; the handler says what is
    wrong in French first and exits before the abort. Qt's other start-up messages are kept, and shown
    as Qt would once the application exists.
    """
    held: list[tuple[str, str]] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            held.append((context.category or "", message))
            return
        print(_display_failure_message(held), file=sys.stderr, flush=True)
        os._exit(EXIT_NO_DISPLAY)  # Qt aborts when a fatal handler returns

    previous = qInstallMessageHandler(handler)
    try:
        app = create_application()
    finally:
        qInstallMessageHandler(previous)
    for category, said in held:
        print(f"{category}: {said}" if category and category != "default" else said, file=sys.stderr)
    return app


def _display_failure_message(qt_messages: list[tuple[str, str]]) -> str:
    display = os.environ.get("DISPLAY", "")
    if display and any("could not connect to display" in message for _, message in qt_messages):
        lines = [gettext(texts.DISPLAY_UNREACHABLE).format(display=display)]
    elif not display and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        lines = [gettext(texts.NO_DISPLAY)]
    else:
        lines = [gettext(texts.DISPLAY_PLATFORM_FAILED)]
        lines += [f"  {category}: {said}" for category, said in qt_messages]
    lines.append(gettext(texts.WITHOUT_A_SCREEN))
    return "\n".join(lines)


def run_screenshots(directory: Path, language: str = i18n.DEFAULT_LANGUAGE) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
    create_application(language=language)
    from monmaster_desktop.gui.screenshots import take_screenshots

    for path in take_screenshots(directory, languages=i18n.LANGUAGES):
        print(path)
    return 0
