"""The yardstick of the start-up benchmark: a bare two-page PySide6 QWizard, nothing else.

Run by ``bench_first_paint.py`` with the same Python as the application (and frozen by PyInstaller
for the bundle's comparison). It measures first paint exactly as the application's probe does
(``monmaster_desktop/gui/first_paint.py``): the monotonic clock once the top-level window's first
paint has returned to the event loop, printed in the same format, then it quits. It imports nothing of
the project, so freezing it needs no more than PySide6.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

# The main window's size (monmaster_desktop/gui/main_window.py): the same number of pixels to paint.
WINDOW_SIZE = (1100, 760)


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"first-paint-monotonic {time.monotonic():.6f}", flush=True)
        QApplication.quit()


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
    probe = FirstPaint()
    wizard.installEventFilter(probe)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
