"""The simulated outbox window, "Boîte de réception (simulée)": the list of mails and the one being read.

The list is a table over ``outbox.model.OutboxModel``, which reads its rows a page at a time, so the
window opens and scrolls as fast with 10,000 mails as with ten; only the mail being read is read whole
and parsed. The message view renders the mail's HTML part.
Inline links of a text browser are not reachable through the accessibility API, so every link of the
mail is also offered as a real push button named after the link's text. Following a link only emits
``link_activated``: the main window activates the account through the service and reports back with
``show_status``. A language switch says the window's texts again; a mail keeps its own language.

This window never shows an activation token other than inside the link itself, never shows a
mail's raw source, and never touches the database except through ``Outbox``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from monmaster_desktop.accounts.mail import MailLink, MailSelection, Outbox, StoredMail
from monmaster_desktop.accounts.store import StorageError
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.forms import find_child, load_form, retranslate_form
from monmaster_desktop.gui.language import is_language_change, translated
from monmaster_desktop.gui.outbox.model import PAGE_ROWS, OutboxModel, format_mail_date
from monmaster_desktop.gui.soon import call_soon
from monmaster_desktop.gui.style import current_theme, set_style_property, theme_tokens
from monmaster_desktop.gui.widgets.entries_table import show_entries_in
from monmaster_desktop.gui.widgets.field_message import KINDS, FieldMessage
from monmaster_desktop.gui.widgets.save_dialog import ask_save_path, default_save_directory
from monmaster_desktop.i18n import plural_message
from monmaster_desktop.texts import NEW_MAILS

W = TypeVar("W", bound=QObject)

# --- Texts built at run time (project-written; the static ones are in ui/outbox_window.ui) ----------
_CONTEXT = "OutboxWindow"
NEW_MAIL = QT_TRANSLATE_NOOP("OutboxWindow", "Nouveau courriel : {subject}")
SAVE_DIALOG_TITLE = QT_TRANSLATE_NOOP("OutboxWindow", "Enregistrer le courriel")
SAVE_DIALOG_FILTER = QT_TRANSLATE_NOOP("OutboxWindow", "Courriel (*.eml)")
SAVE_FILE_NAME = QT_TRANSLATE_NOOP("OutboxWindow", "courriel-{number}.eml")
SAVED = QT_TRANSLATE_NOOP("OutboxWindow", "Courriel enregistré : {path}")
SAVE_FAILED = QT_TRANSLATE_NOOP(
    "OutboxWindow", "Le courriel n'a pas pu être enregistré à cet endroit. Choisissez un autre dossier."
)
MAIL_HEADER_DESCRIPTION = QT_TRANSLATE_NOOP(
    "OutboxWindow", "Objet : {subject}. De : {sender}. À : {recipient}. Date : {date}."
)
# The window width, in average characters, from which the list and the mail fit side by side.
SIDE_BY_SIDE_MIN_CHARACTERS = 130


class _KeysThatAct(QObject):
    """Keys the window acts on itself, on the widget they are pressed on; ``act`` says if it did.

    Enter and Return open a list row or press a button: outside a dialog a push button ignores
    Enter, and a table view opens a row on Enter only on some platforms, while keyboard users expect
    Enter everywhere. Home and End in the list go to the newest and the oldest mail, as in mail
    programs: a table's own go to the first and last column of the row, which does nothing in a list
    that selects whole rows (Ctrl+Home and Ctrl+End, the table's way to the first and last row, still
    work).
    """

    def __init__(
        self,
        keys: tuple[Qt.Key, ...],
        act: Callable[[QObject, QKeyEvent], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._keys = keys
        self._act = act

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._keys
            and not event.isAutoRepeat()
        ):
            return self._act(watched, event)
        return False


class OutboxWindow(QWidget):
    """The top-level window of the simulated mailbox. Layout in ``ui/outbox_window.ui``."""

    link_activated = Signal(str)  # the URL of a mail link the candidate followed

    def __init__(
        self,
        outbox: Outbox,
        clock: Callable[[], datetime],
        announcer: Announcer,
        parent: QWidget | None = None,
        *,
        only_mail_ids: Collection[int] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._outbox = outbox
        self._clock = clock
        self._announcer = announcer
        self._recipient_filter: str | None = None
        # A kiosk lists only the mails its current session sent (set_mail_ids); None lists them all.
        self._mail_ids: tuple[int, ...] | None = tuple(only_mail_ids) if only_mail_ids is not None else None
        self._displayed: StoredMail | None = None
        self._link_buttons: list[QPushButton] = []
        self._seen_ids: set[int] = set()
        self._restoring_selection = False
        self._splitter_sized = False

        # The form and the model exist before this window is styled: its change events use them.
        self.form = load_form("outbox_window.ui")
        self.scroll_area = self._child(QScrollArea, "contentScrollArea")
        self.heading_label = self._child(QLabel, "headingLabel")
        self.status_frame = self._child(QFrame, "statusFrame")
        self.status_message = self._child(FieldMessage, "statusMessage")
        self.empty_label = self._child(QLabel, "emptyLabel")
        self.splitter = self._child(QSplitter, "mailSplitter")
        self.mail_list = self._child(QTableView, "mailList")
        self.no_selection_label = self._child(QLabel, "noSelectionLabel")
        self.header_frame = self._child(QFrame, "messageHeaderFrame")
        self.subject_value = self._child(QLabel, "subjectValueLabel")
        self.from_value = self._child(QLabel, "fromValueLabel")
        self.to_value = self._child(QLabel, "toValueLabel")
        self.date_value = self._child(QLabel, "dateValueLabel")
        self.message_browser = self._child(QTextBrowser, "messageBrowser")
        self.links_row = self._child(QWidget, "linksRow")
        self.links_layout = self.links_row.layout()
        assert isinstance(self.links_layout, QHBoxLayout)
        self.save_button = self._child(QPushButton, "saveButton")
        self.close_button = self._child(QPushButton, "closeButton")

        self.model = OutboxModel(outbox.summaries, self)
        self._row_height_timer = QTimer(self, singleShot=True, interval=0)
        self._row_height_timer.timeout.connect(self._fit_row_height)
        # Queued: the model says so while the list paints, when no widget may change.
        self.model.storage_failed.connect(
            lambda reason: self.show_status("error", reason), Qt.ConnectionType.QueuedConnection
        )
        self._configure_list()
        self._configure_browser()
        self.status_frame.hide()

        self.setObjectName("outboxWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())  # "Boîte de réception (simulée)", from the form
        self.resize(1100, 680)
        self._fit_to_text_size()

        self._press_on_enter = _KeysThatAct((Qt.Key.Key_Return, Qt.Key.Key_Enter), self._enter_pressed, self)
        for widget in (self.mail_list, self.save_button, self.close_button):
            widget.installEventFilter(self._press_on_enter)
        self._home_and_end = _KeysThatAct((Qt.Key.Key_Home, Qt.Key.Key_End), self._home_or_end_pressed, self)
        self.mail_list.installEventFilter(self._home_and_end)
        self.save_button.clicked.connect(self._save_displayed_mail)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)

        self._reload(announce_new=False)
        self._show_no_mail()

    # --- public API -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list; the selected mail stays selected if it still exists. New mails are announced."""
        self._reload(announce_new=self.isVisible())

    def show_mail(self, mail_id: int | None = None) -> None:
        """Show and raise the window on one mail (the newest by default), displayed and marked read."""
        self._reload(announce_new=False)
        self.show()
        self.raise_()
        self.activateWindow()
        row = self.model.row_of(mail_id) if mail_id is not None else (0 if self.model.rowCount() else None)
        if row is None:
            self._select_row(None)
            self._show_no_mail()
            self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._select_row(row)
        self._display_row(row)
        self._focus_message()

    def set_recipient_filter(self, email: str | None) -> None:
        """Kiosk mode: list only the current candidate's mails (None lists every mail)."""
        self._recipient_filter = email or None
        self._reload(announce_new=self.isVisible())

    def set_mail_ids(self, mail_ids: Collection[int]) -> None:
        """Kiosk mode: list only these mails, the current session's (none after the session ends)."""
        self._mail_ids = tuple(mail_ids)
        self._reload(announce_new=self.isVisible())

    def show_status(self, kind: str, text: str) -> None:
        """An alert inside the window (e.g. the result of following a link), announced to screen readers."""
        if kind not in KINDS:
            raise ValueError(f"unknown status kind {kind!r}")
        set_style_property(self.status_frame, "alert", kind)
        self.status_message.show_message(kind, text)
        self.status_frame.setVisible(bool(text))
        call_soon(self, lambda: self.scroll_area.ensureWidgetVisible(self.status_frame, 0, 0))
        self._announcer.announce(self.status_message, text, assertive=kind in ("error", "warning"))

    def clear(self) -> None:
        """Reset for the next candidate: hidden, nothing selected or displayed, no status, no filter.

        A window restricted to a session's mails stays restricted, to none of them.
        """
        self.hide()
        self.status_message.clear()
        self.status_frame.hide()
        self._recipient_filter = None
        if self._mail_ids is not None:
            self._mail_ids = ()
        self._reload(announce_new=False, reset=True)  # the rows' accessible cells go with the candidate
        self._select_row(None)
        self._show_no_mail()
        self.scroll_area.verticalScrollBar().setValue(0)

    def ask_save_path(self, default: Path) -> Path | None:
        """Where to save the mail; None when the candidate cancels. Tests override it."""
        title, file_filter = translated(_CONTEXT, SAVE_DIALOG_TITLE), translated(_CONTEXT, SAVE_DIALOG_FILTER)
        return ask_save_path(self, title, default, file_filter, ".eml")

    def displayed_mail_id(self) -> int | None:
        return self._displayed.entry.id if self._displayed is not None else None

    def link_buttons(self) -> list[QPushButton]:
        """The buttons standing for the links of the displayed mail, in the mail's order."""
        return list(self._link_buttons)

    # --- building -------------------------------------------------------------------------------

    def _child(self, kind: type[W], name: str) -> W:
        return find_child(self.form, kind, name, "outbox_window.ui")

    def _configure_list(self) -> None:
        view = self.mail_list
        share, fit = QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents
        show_entries_in(
            view,
            self.model,
            {
                OutboxModel.RECIPIENT_COLUMN: share,
                OutboxModel.SUBJECT_COLUMN: share,
                OutboxModel.DATE_COLUMN: fit,
            },
        )
        # Every row is one line of the same height (set by _fit_row_height): measuring each row's
        # contents would read all the mails. The date column is measured on the rows in view and a
        # page around them at most (Qt's default, 1,000 rows, would read ten pages).
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setResizeContentsPrecision(PAGE_ROWS // 2)
        selection = view.selectionModel()
        selection.currentRowChanged.connect(self._current_row_changed)
        view.doubleClicked.connect(lambda index: self._open_row(index.row()))

    def _configure_browser(self) -> None:
        browser = self.message_browser
        browser.setReadOnly(True)
        browser.setOpenLinks(False)
        browser.setOpenExternalLinks(False)
        # Keyboard users reach links through the buttons below (the only ones screen readers see);
        # Tab leaves the text at once instead of visiting inline links first.
        browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        browser.setTabChangesFocus(True)
        browser.anchorClicked.connect(self._inline_link_clicked)
        browser.document().setDocumentMargin(12)
        self._style_mail_for_theme()

    def _style_mail_for_theme(self) -> None:
        """The mail's link and footer in the current theme's colours (dark: a light blue, not #000091)."""
        tokens = theme_tokens(current_theme())
        self.message_browser.document().setDefaultStyleSheet(
            f"a {{ color: {tokens['primary']}; text-decoration: underline; font-weight: bold; }}"
            # The mail's <small> footer stays readable: greyer, not smaller.
            f" small {{ color: {tokens['text-mention']}; font-size: medium; }}"
        )

    # --- list ----------------------------------------------------------------------------------

    def _reload(self, *, announce_new: bool, reset: bool = False) -> None:
        displayed_id = self.displayed_mail_id()
        current_id = self._current_mail_id()
        try:
            mail_ids = self._outbox.mail_ids(self._selection())
        except StorageError as error:  # the list stays as it was; the window says why
            self.show_status("error", error.message)
            return
        new_ids = [mail_id for mail_id in mail_ids if mail_id not in self._seen_ids]
        self._seen_ids.update(new_ids)

        self._restoring_selection = True  # a reload is not the candidate choosing a mail
        try:
            self.model.set_mail_ids(mail_ids, reset=reset)
            keep = current_id if current_id is not None else displayed_id
            self._select_row(self.model.row_of(keep) if keep is not None else None)
        finally:
            self._restoring_selection = False

        if displayed_id is not None and self.model.row_of(displayed_id) is None:
            self._show_no_mail()
        has_mail = bool(mail_ids)
        self.empty_label.setVisible(not has_mail)
        self.splitter.setVisible(has_mail)
        self.save_button.setVisible(has_mail)
        self._fit_row_height()
        if announce_new and new_ids:
            newest_row = self.model.row_of(new_ids[0]) if len(new_ids) == 1 else None
            newest = self.model.entry(newest_row) if newest_row is not None else None
            text = (
                translated(_CONTEXT, NEW_MAIL, subject=newest.subject)
                if newest is not None
                else plural_message(*NEW_MAILS, len(new_ids))
            )
            self._announcer.announce(self.mail_list, text)

    def _selection(self) -> MailSelection:
        # A kiosk's session lists its own few mails, found by id; the table's other rows are never read.
        return MailSelection(recipient=self._recipient_filter, mail_ids=self._mail_ids)

    def _current_mail_id(self) -> int | None:
        index = self.mail_list.currentIndex()
        return self.model.mail_id(index.row()) if index.isValid() else None

    def _select_row(self, row: int | None) -> None:
        view = self.mail_list
        selection = view.selectionModel()
        if row is None:
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring_selection or not current.isValid():
            return
        # Focus arriving on the list makes a row current without selecting it: select it too.
        if not self.mail_list.selectionModel().isRowSelected(current.row(), QModelIndex()):
            self._select_row(current.row())
        self._display_row(current.row())

    def _open_row(self, row: int) -> None:
        """Enter or a double click on a row: read it (focus on its content)."""
        if self.model.mail_id(row) is None:
            return
        self._select_row(row)
        self._display_row(row)
        self._focus_message()

    def _focus_message(self) -> None:
        self.message_browser.setFocus(Qt.FocusReason.OtherFocusReason)
        # With large text the window scrolls: bring the mail's header and first lines into view, once
        # the layout has settled (a window just shown has not placed its widgets yet).
        call_soon(self, self._scroll_to_message)

    def _scroll_to_message(self) -> None:
        if self._displayed is None:
            return
        contents = self.scroll_area.widget()
        top_of_mail = self.header_frame.mapTo(contents, QPoint(0, 0)).y()
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(min(top_of_mail, bar.maximum()))

    def _enter_pressed(self, widget: QObject, _event: QKeyEvent) -> bool:
        if widget is self.mail_list:
            self._open_row(self.mail_list.currentIndex().row())
        elif isinstance(widget, QPushButton) and widget.isEnabled():
            widget.animateClick()
        return True

    def _home_or_end_pressed(self, _widget: QObject, event: QKeyEvent) -> bool:
        rows = self.model.rowCount()
        if not rows or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Home, Shift+End…: the table's own
        self._select_row(0 if event.key() == Qt.Key.Key_Home else rows - 1)
        return True

    # --- message view ---------------------------------------------------------------------------

    def _display_row(self, row: int) -> None:
        """Show the row's mail, read whole and parsed now (the list holds only what it shows), read."""
        mail_id = self.model.mail_id(row)
        if mail_id is None:
            return
        try:
            if self._displayed is None or self._displayed.entry.id != mail_id:
                stored = self._outbox.get(mail_id)
                if stored is None:  # removed behind our back: show the list as it is now
                    self._reload(announce_new=False)
                    return
                self._display(stored)
            entry = self.model.entry(row)
            if entry is not None and not entry.is_read:
                now = self._clock()
                self._outbox.mark_read(mail_id, now)
                self.model.mark_read(mail_id, now)
        except StorageError as error:  # a full or read-only disk: the mail stays unread, and we say why
            self.show_status("error", error.message)

    def _display(self, stored: StoredMail) -> None:
        self._displayed = stored
        message = stored.message
        sender = str(message.get("From", ""))
        recipient = stored.entry.recipient
        self.subject_value.setText(stored.entry.subject)
        self.from_value.setText(sender)
        self.to_value.setText(recipient)
        html_body = stored.html_body
        if html_body is not None:
            self.message_browser.setHtml(html_body)
        else:
            self.message_browser.setPlainText(stored.text_body)
        self.message_browser.verticalScrollBar().setValue(0)
        self._describe_displayed_mail()
        self._set_link_buttons(stored.links)
        self.no_selection_label.hide()
        self.header_frame.show()
        self.message_browser.show()
        self.save_button.setEnabled(True)

    def _describe_displayed_mail(self) -> None:
        """The date as the locale writes it, and the content's description, in the current language."""
        stored = self._displayed
        if stored is None:
            return
        date = format_mail_date(stored.entry.sent_at)
        self.date_value.setText(date)
        # A screen reader landing on the content hears what a sighted user reads in the header above it.
        self.message_browser.setAccessibleDescription(
            translated(
                _CONTEXT,
                MAIL_HEADER_DESCRIPTION,
                subject=stored.entry.subject,
                sender=str(stored.message.get("From", "")),
                recipient=stored.entry.recipient,
                date=date,
            )
        )

    def retranslate(self) -> None:
        """The window's texts in the current language; the mails keep theirs."""
        retranslate_form(self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.status_message.retranslate()
        self.model.retranslate()
        self._describe_displayed_mail()

    def _show_no_mail(self) -> None:
        self._displayed = None
        self.message_browser.clear()
        self.message_browser.setAccessibleDescription("")
        for label in (self.subject_value, self.from_value, self.to_value, self.date_value):
            label.clear()
        self._set_link_buttons(())
        self.header_frame.hide()
        self.message_browser.hide()
        self.no_selection_label.show()
        self.save_button.setEnabled(False)

    def _set_link_buttons(self, links: tuple[MailLink, ...]) -> None:
        had_focus = any(button.hasFocus() for button in self._link_buttons)
        for button in self._link_buttons:
            button.hide()
            button.deleteLater()
        self._link_buttons = []
        # After the label, before the stretch that keeps the buttons on the left.
        insert_at = self.links_layout.indexOf(self._child(QLabel, "linksLabel")) + 1
        for number, link in enumerate(links):
            button = QPushButton(link.text, self.links_row)
            button.setObjectName(f"mailLinkButton{number}")
            button.setAccessibleName(link.text)
            button.setAutoDefault(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _checked=False, url=link.url: self.link_activated.emit(url))
            button.installEventFilter(self._press_on_enter)
            self.links_layout.insertWidget(insert_at + number, button)
            button.show()  # a layout would only show it from the event loop, after our tab order is set
            self._link_buttons.append(button)
        self.links_row.setVisible(bool(links))
        # Tab order: list → content → links → save → close (new widgets would otherwise come last).
        chain: list[QWidget] = [
            self.mail_list,
            self.message_browser,
            *self._link_buttons,
            self.save_button,
            self.close_button,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        if had_focus:  # never leave keyboard focus on a deleted button
            fallback = self.message_browser if self._displayed is not None else self.close_button
            (self._link_buttons[0] if self._link_buttons else fallback).setFocus(
                Qt.FocusReason.OtherFocusReason
            )

    def _inline_link_clicked(self, url: QUrl) -> None:
        # Emit the mail's own href (byte for byte) rather than Qt's re-encoding of it.
        clicked = url.toString()
        links = self._displayed.links if self._displayed is not None else ()
        for link in links:
            if QUrl(link.url).toString() == clicked:
                self.link_activated.emit(link.url)
                return
        self.link_activated.emit(clicked)

    # --- saving ---------------------------------------------------------------------------------

    def _save_displayed_mail(self) -> None:
        if self._displayed is None:
            return
        mail_id = self._displayed.entry.id
        name = translated(_CONTEXT, SAVE_FILE_NAME, number=mail_id)
        destination = self.ask_save_path(default_save_directory() / name)
        if destination is None:
            return
        try:
            written = self._outbox.export_eml(mail_id, destination)
        except (OSError, KeyError, StorageError):
            self.show_status("error", translated(_CONTEXT, SAVE_FAILED))
            return
        self.show_status("success", translated(_CONTEXT, SAVED, path=written))

    # --- size and text scale ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_text_size()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.retranslate()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_text_size()
        if event.type() == QEvent.Type.StyleChange:
            # A new theme: the default style sheet only applies to HTML set afterwards.
            self._style_mail_for_theme()
            self.model.follow_theme()
            if self._displayed is not None and self._displayed.html_body is not None:
                position = self.message_browser.verticalScrollBar().value()
                self.message_browser.setHtml(self._displayed.html_body)
                self.message_browser.verticalScrollBar().setValue(position)

    def _fit_row_height(self) -> None:
        """Every row as high as the first one needs at the current text size (one line, bold or not)."""
        if not self.model.rowCount():
            return
        header = self.mail_list.verticalHeader()
        height = max(self.mail_list.sizeHintForRow(0), header.minimumSectionSize())
        if header.defaultSectionSize() != height:
            header.setDefaultSectionSize(height)

    def _fit_to_text_size(self) -> None:
        """List beside the mail when there is room for both, above it otherwise (large text, narrow window).

        The message keeps room for a few lines of text; when the window is too short for everything,
        the content scrolls rather than clips (200 % text at 1366×768).
        """
        metrics = self.fontMetrics()
        # Once every widget has its new font and style sheet (they change one after the other).
        self._row_height_timer.start()
        self.message_browser.setMinimumHeight(metrics.lineSpacing() * 9)
        self.mail_list.setMinimumHeight(metrics.lineSpacing() * 5)
        side_by_side = self.width() >= metrics.averageCharWidth() * SIDE_BY_SIDE_MIN_CHARACTERS
        orientation = Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical
        if self.splitter.orientation() == orientation and self._splitter_sized:
            return
        self._splitter_sized = True
        self.splitter.setOrientation(orientation)
        # Proportions only: QSplitter scales them to the room it has.
        self.splitter.setSizes([1000, 1000] if side_by_side else [1000, 3000])
