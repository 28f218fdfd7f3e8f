"""The documents the flow links to, shown in a dialog: the candidate charter, the CGU, the CNIL's
password recommendations and the "Études en France" procedure.

We do not have the official texts: each one is a short summary written by the Mon Master Desktop
project (``resources/texts/<language>/<key>.md``, one per language of the interface), which says so on
its first line and names the site where the official text is published. An open dialog follows a
language switch. This module never opens a web page or touches the network: the application works
offline, on kiosks.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.assets import resource_file
from monmaster_desktop.gui.language import current_language, is_language_change, translated

_CONTEXT = "DocumentDialog"
DOCUMENT_TITLES: dict[str, str] = {
    "charte": QT_TRANSLATE_NOOP("DocumentDialog", "Charte des droits et devoirs du candidat"),
    "cgu": QT_TRANSLATE_NOOP("DocumentDialog", "Conditions générales d'utilisation"),
    "cnil": QT_TRANSLATE_NOOP("DocumentDialog", "Recommandations de la CNIL sur les mots de passe"),
    "etudes_en_france": QT_TRANSLATE_NOOP("DocumentDialog", "La procédure Études en France"),
}
CLOSE_BUTTON = QT_TRANSLATE_NOOP("DocumentDialog", "Fermer")


def document_text(key: str, language: str | None = None) -> str:
    """The markdown summary of document ``key`` in ``language`` (by default the current one).

    An unknown key raises ``KeyError``.
    """
    if key not in DOCUMENT_TITLES:
        raise KeyError(f"unknown document {key!r}; expected one of {', '.join(DOCUMENT_TITLES)}")
    return resource_file(f"texts/{language or current_language()}/{key}.md").read_text(encoding="utf-8")


class DocumentDialog(QDialog):
    """One document: its title, the text (read-only, scrollable with the keyboard), "Fermer".

    "Fermer" has the focus when the dialog opens, so Enter and Escape both close it; Tab reaches the
    text, where the arrow keys and Page Up / Page Down scroll.
    """

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        markdown = document_text(key)  # KeyError before any widget exists
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"document_{key}")
        self.setSizeGripEnabled(True)

        self.title_label = QLabel(self)
        self.title_label.setObjectName("documentTitleLabel")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.title_label.setProperty("role", "subheading")

        self.text_browser = QTextBrowser(self)
        self.text_browser.setObjectName("documentTextBrowser")
        self.text_browser.setReadOnly(True)
        self.text_browser.setOpenLinks(False)  # offline: a link in a summary must not try to open anything
        self.text_browser.setTabChangesFocus(True)  # Tab leaves the text: no keyboard trap
        self.text_browser.setMarkdown(markdown)

        buttons = QDialogButtonBox(self)
        self.close_button: QPushButton = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("closeButton")
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_browser, 1)
        layout.addWidget(buttons)

        self._name_parts()
        self._fit_to_text()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _name_parts(self) -> None:
        title = translated(_CONTEXT, DOCUMENT_TITLES[self.key])
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.title_label.setText(title)
        self.text_browser.setAccessibleName(title)
        close = translated(_CONTEXT, CLOSE_BUTTON)
        self.close_button.setText(close)
        self.close_button.setAccessibleName(close)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            # The summary in the new language, from its start (another text: another length).
            self._name_parts()
            self.text_browser.setMarkdown(document_text(self.key))
        super().changeEvent(event)

    def _fit_to_text(self) -> None:
        # About 70 characters per line and 24 lines of text, whatever the text scale; the screen caps it.
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * 70 + 100
        height = metrics.lineSpacing() * 24 + 160
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width = min(width, int(screen.width() * 0.9))
            height = min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)


def show_document(parent: QWidget | None, key: str) -> DocumentDialog:
    """Open document ``key`` over ``parent`` (window-modal; Escape or "Fermer" closes it).

    Asking again for a document already open under the same parent brings that dialog back instead
    of stacking a second one. An unknown key raises ``KeyError``.
    """
    if key not in DOCUMENT_TITLES:
        raise KeyError(f"unknown document {key!r}; expected one of {', '.join(DOCUMENT_TITLES)}")
    dialog: DocumentDialog | None = None
    if parent is not None:
        dialog = parent.findChild(
            DocumentDialog, f"document_{key}", Qt.FindChildOption.FindDirectChildrenOnly
        )
    if dialog is None:
        dialog = DocumentDialog(key, parent)
    dialog.text_browser.verticalScrollBar().setValue(0)
    dialog.open()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
