"""The yardstick of the start-up benchmark: a bare two-page PySide6 QWizard, nothing else.

Run by ``bench_first_paint.py`` with the same Python as the application (and frozen by PyInstaller
for the bundle's comparison), and by ``bench_windows.py`` for its memory. It measures its first
paint with the application's own probe (``monmaster_desktop/gui/first_paint.py``, which imports
only Qt): with ``MONMASTER_DESKTOP_EXIT_AFTER_FIRST_PAINT=1`` it prints the monotonic clock once its
window's first paint has returned to the event loop, then quits.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

from monmaster_desktop.gui.first_paint import install_start_up_probe

# The main window's size (monmaster_desktop/gui/main_window.py): the same number of pixels to paint.
WINDOW_SIZE = (1100, 760)


def page(title: str, text: str) -> QWizardPage:
    wizard_page = QWizardPage()
    wizard_page.setTitle(title)
    layout = QVBoxLayout(wizard_page)
    layout.addWidget(QLabel(text))
    return wizard_page


def main() -> int:
    app = QApplication(sys.argv)
    wizard = QWizard()
    wizard.setWindowTitle("Assistant")
    wizard.addPage(page("Première page", "Bienvenue."))
    wizard.addPage(page("Deuxième page", "Fin."))
    wizard.resize(*WINDOW_SIZE)
    install_start_up_probe(wizard)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
