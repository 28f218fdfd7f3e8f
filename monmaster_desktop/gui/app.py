"""Starting the GUI: the QApplication, the French settings, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QFile, QIODevice, QLocale
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QApplication, QWidget

from monmaster_desktop import APP_DISPLAY_NAME, APP_NAME, __version__
from monmaster_desktop.assets import resource_file, ui_file
from monmaster_desktop.settings import Settings


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build a widget tree from a Qt Designer form of ``ui/``."""
    form = QFile(str(ui_file(name)))
    if not form.open(QIODevice.OpenModeFlag.ReadOnly):
        raise OSError(f"cannot read {form.fileName()}: {form.errorString()}")
    try:
        widget = QUiLoader().load(form, parent)
    finally:
        form.close()
    if widget is None:
        raise RuntimeError(f"cannot build {name}")
    return widget


def run_gui(settings: Settings) -> int:
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setStyleSheet(resource_file("styles/light.qss").read_text(encoding="utf-8"))
    window = load_form("welcome_page.ui")
    window.setWindowTitle(APP_DISPLAY_NAME)
    if settings.kiosk:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()
