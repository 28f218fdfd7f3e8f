"""Starting the GUI: the QApplication, Qt's French translation, the theme, the main window."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import monmaster_desktop
from monmaster_desktop import APP_DISPLAY_NAME, APP_NAME, validation
from monmaster_desktop.accounts.service import open_account_service
from monmaster_desktop.accounts.store import DatabaseTooNewError, utc_now
from monmaster_desktop.assets import resource_file
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.accessibility.password_protection import install_password_protection
from monmaster_desktop.gui.accessibility.recorder import start_accessibility_log
from monmaster_desktop.gui.accessibility.safe_interfaces import install_safe_accessible_interfaces
from monmaster_desktop.gui.appearance import AppearanceController
from monmaster_desktop.gui.context import GuiContext
from monmaster_desktop.gui.first_paint import after_first_paint, install_start_up_probe
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.style import DEFAULT_THEME, apply_style
from monmaster_desktop.gui.testers.menu import install_accessibility_menu
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.settings import Settings


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with French settings, Qt's own French texts and the default theme."""
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    install_password_protection()  # no password character on the accessibility bus (Linux AT-SPI)
    install_safe_accessible_interfaces()  # no crash whatever an accessibility client asks
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    # Window managers match the window to the installed .desktop entry and its icon.
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_file("icons/monmaster-desktop.svg"))))
    translator = QTranslator(app)
    # Qt's own dialogs (file dialog, context menus) in French too.
    if translator.load(
        QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(translator)
    app.setProperty("theme", DEFAULT_THEME)
    apply_style(app, DEFAULT_THEME, 1.0)
    return app


def create_main_window(settings: Settings, appearance: AppearanceController | None = None) -> MainWindow:
    service = open_account_service(settings)
    announcer = Announcer()
    # Before the main window: the testers' log records the very first page announcement too.
    log = start_accessibility_log(announcer)
    context = GuiContext(
        settings=settings, service=service, runner=TaskRunner(), announcer=announcer, clock=utc_now
    )
    window = MainWindow(context, appearance=appearance)
    install_accessibility_menu(window, context, log)
    return window


def run_gui(settings: Settings) -> int:
    app = create_application()
    appearance = AppearanceController(app)  # the saved (or the system's) theme and text size
    try:
        window = create_main_window(settings, appearance)
    except DatabaseTooNewError as error:
        print(error, file=sys.stderr)
        return 2
    after_first_paint(window, lambda: _after_first_paint(app))
    # Installed last, so its event filter sees the first paint first: it reports before the rest runs.
    install_start_up_probe(window)
    if settings.kiosk:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()


def _after_first_paint(app: QApplication) -> None:
    """What the first screen does not need, done once it is painted rather than before."""
    # The address and strength checkers' imports (~170 ms) happen off the UI thread, well before the
    # candidate reaches "Choisir mes identifiants".
    threading.Thread(target=validation.import_checkers, name="import-checkers", daemon=True).start()
    # Reading the version loads importlib.metadata (tens of milliseconds); nothing reads it earlier.
    app.setApplicationVersion(monmaster_desktop.__version__)


def run_screenshots(directory: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
    create_application()
    from monmaster_desktop.gui.screenshots import take_screenshots

    for path in take_screenshots(directory):
        print(path)
    return 0
