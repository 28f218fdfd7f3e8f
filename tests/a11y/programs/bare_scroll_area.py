"""The Qt defect, reduced: a window with one QScrollArea, nothing of the application's.

``python bare_scroll_area.py`` runs it as Qt makes it; ``--with-safe-interfaces`` first installs the
application's fix (``monmaster_desktop.gui.accessibility.safe_interfaces``). An accessibility client that
asks the scroll area (named "zone") for its child at an index past its children crashes the first
(docs/accessibility.md, "A crash of Qt's accessibility bridge") and not the second.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget


def main() -> int:
    app = QApplication(sys.argv[:1])
    if "--with-safe-interfaces" in sys.argv:
        from monmaster_desktop.gui.accessibility.safe_interfaces import install_safe_accessible_interfaces

        install_safe_accessible_interfaces()
    window = QWidget()
    window.setWindowTitle("zone de défilement")
    area = QScrollArea()
    area.setAccessibleName("zone")
    area.setWidget(QLabel("Bonjour\n" * 80))  # taller than the area: a vertical scroll bar shows
    QVBoxLayout(window).addWidget(area)
    window.resize(300, 200)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
