"""Étape 2 sur 2, "Choisir mes identifiants": address, password, confirmation, captcha, consent, "Continuer".

The static layout is ``ui/credentials_page.ui``; this module adds the behaviour:

- live help that does not shout: the password checklist follows every keystroke; the confirmation
  mismatch shows as soon as the confirmation is not empty; the iCloud remark shows as soon as the
  domain matches; the address is judged only when the candidate leaves the field (or submits);
- screen readers hear what a sighted candidate sees change, once typing pauses (``ANNOUNCE_DELAY_MS``),
  and only what changed; the focused field's accessible description always holds its current state;
- "Continuer" (the wizard's commit button) stays enabled except while the account is being created:
  a candidate who presses it too early is told what is missing, which a screen reader user cannot
  learn from a silently disabled button. Registration (argon2: 0.1–0.3 s) runs in the worker;
  every refusal of the service shows under its field and in the error summary, and nothing typed is
  lost, passwords included.

Caps Lock: Qt has no portable query of the Caps Lock state. The page reads it from key events in the
password fields: the platform's native modifier bit where it is known (X11 and Wayland: Lock 0x2,
Windows: 0x100, macOS: NSEventModifierFlagCapsLock 0x10000), and a press of the Caps Lock key itself
toggles what the page believes (the only source on other platforms).

Never logs, prints or announces a password, nor puts one in an accessible name or description.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from monmaster_desktop import texts, validation
from monmaster_desktop.accounts.service import RegistrationField, RegistrationRequest, RegistrationResult
from monmaster_desktop.gui.accessibility import describe
from monmaster_desktop.gui.checklist import ALL_CRITERIA_MET, INVALID, NEUTRAL, VALID, PasswordChecklist
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.feedback import FieldMessage, kind_colour
from monmaster_desktop.gui.pages.base import FormPage, limit_field_widths
from monmaster_desktop.gui.password_field import protect_password_field, show_passwords
from monmaster_desktop.settings import CaptchaMode

if TYPE_CHECKING:
    from monmaster_desktop.gui.captcha_widget import CaptchaWidget

# --- Texts -----------------------------------------------------------------------------------------
# From the seed: the wizard button of this page.
CONTINUE_BUTTON = "Continuer"
# Written by the project.
CAPS_LOCK_WARNING = "Attention : la touche Verrouillage majuscules est activée."
BUSY_TEXT = "Création de votre compte en cours…"
BUSY_ANNOUNCEMENT = "Création de votre compte en cours."
ONE_ERROR = "Le formulaire contient 1 erreur."
SEVERAL_ERRORS = "Le formulaire contient {count} erreurs."
ERROR_LINE = "• {field} : {message}"
CRITERION_VALID = "Critère validé : {labels}."
CRITERIA_VALID = "Critères validés : {labels}."
CRITERION_INVALID = "Critère en erreur : {labels}."
CRITERIA_INVALID = "Critères en erreur : {labels}."
PASSWORDS_MATCH = "Les mots de passe correspondent."
# Names of the places an error can be, in the error summary (the fields use their own labels).
CONSENT_FIELD_NAME = "Conditions générales d'utilisation"
ELIGIBILITY_FIELD_NAME = "Étape 1 sur 2"
CAPTCHA_FIELD_NAME = "Captcha"

# Announce once the candidate has stopped typing for this long; never per keystroke.
ANNOUNCE_DELAY_MS = 700
# An address found wrong on leaving the field is told after this delay, so that a click on
# "Continuer" (which also leaves the field) gives one announcement, not two.
EMAIL_ERROR_DELAY_MS = 400

# The Caps Lock bit of QKeyEvent.nativeModifiers() per Qt platform plugin (see the module docstring).
CAPS_LOCK_NATIVE_MASKS: dict[str, int] = {"xcb": 0x2, "wayland": 0x2, "windows": 0x100, "cocoa": 0x10000}


def caps_lock_native_mask() -> int:
    """The Caps Lock bit of this platform's native key modifiers, 0 where it is unknown."""
    platform = QGuiApplication.platformName()
    return next((mask for name, mask in CAPS_LOCK_NATIVE_MASKS.items() if platform.startswith(name)), 0)


def error_count_text(count: int) -> str:
    return ONE_ERROR if count == 1 else SEVERAL_ERRORS.format(count=count)


def wrap_button_text(button: QPushButton) -> QLabel:
    """Let a link button's text wrap (Qt cannot wrap a button's own text).

    The button keeps its text, hence its accessible name, but paints it transparent (``wrapsText``
    in 60-credentials.qss); a word-wrapped label inside shows it, and the button's layout gives the
    button its height for any width, so a long link reflows at 200 % instead of widening the page.
    """
    label = QLabel(button.text(), button)
    label.setObjectName(f"{button.objectName()}Text")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("role", "link-text")
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    layout = QVBoxLayout(button)
    layout.setContentsMargins(6, 4, 6, 4)  # the link's border (2 px) and padding (2 px 4 px)
    layout.addWidget(label)
    button.setProperty("wrapsText", True)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    # An explicit minimum width, or layouts would use the one-line text width as the button's minimum.
    button.setMinimumWidth(1)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return label


def _describe(widget: QWidget, *parts: str | None) -> None:
    """``accessibility.describe``, only when the text changes: each change is an event screen readers get."""
    if widget.accessibleDescription() != " ".join(part for part in parts if part):
        describe(widget, *parts)


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def _is_marked_invalid(widget: QWidget) -> bool:
    # Asked only once the property exists: PySide6 6.12's property() of a missing property returns
    # None without a reference, and enough such calls crash the interpreter at exit.
    if b"invalid" not in (bytes(name.data()) for name in widget.dynamicPropertyNames()):
        return False
    return bool(widget.property("invalid"))


def _mark_invalid(widget: QWidget, invalid: bool) -> None:
    if _is_marked_invalid(widget) != invalid:
        widget.setProperty("invalid", invalid)
        _repolish(widget)


class CredentialsPage(FormPage):
    FORM = "credentials_page.ui"

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, CONTINUE_BUTTON)
        # Set by the wizard: "Vous avez déjà vos identifiants ? →" goes to sign-in through it.
        self.on_sign_in_requested: Callable[[], None] = lambda: None

        self.email_label = self.child(QLabel, "emailLabel")
        self.email_hint = self.child(QLabel, "emailHintLabel")
        self.email_edit = self.child(QLineEdit, "emailEdit")
        self.email_message = self.child(FieldMessage, "emailMessage")
        self.password_label = self.child(QLabel, "passwordLabel")
        self.password_row = self.child(QWidget, "passwordRow")
        self.password_edit = self.child(QLineEdit, "passwordEdit")
        self.show_password_button = self.child(QPushButton, "showPasswordButton")
        self.caps_lock_message = self.child(FieldMessage, "capsLockMessage")
        self.password_message = self.child(FieldMessage, "passwordMessage")
        self.password_rules = self.child(QLabel, "passwordRulesLabel")
        self.checklist = self.child(PasswordChecklist, "passwordChecklist")
        self.cnil_link = self.child(QPushButton, "cnilLinkButton")
        self.confirmation_label = self.child(QLabel, "confirmationLabel")
        self.confirmation_edit = self.child(QLineEdit, "confirmationEdit")
        self.confirmation_message = self.child(FieldMessage, "confirmationMessage")
        # Before anything else: no character of either password ever reaches the accessibility bus.
        protect_password_field(self.password_edit)
        protect_password_field(self.confirmation_edit)
        for edit in (self.password_edit, self.confirmation_edit):
            edit.setMaxLength(validation.MAX_PASSWORD_FIELD_LENGTH)  # a 1 MB paste stops there
        self.captcha_container = self.child(QWidget, "captchaContainer")
        self.consent_checkbox = self.child(QCheckBox, "consentCheckBox")
        self.consent_label = self.child(QLabel, "consentLabel")
        self.consent_message = self.child(FieldMessage, "consentMessage")
        self.cgu_link = self.child(QPushButton, "cguLinkButton")
        self.sign_in_link = self.child(QPushButton, "signInLinkButton")
        self.busy_panel = self.child(QFrame, "busyPanel")
        self.busy_label = self.child(QLabel, "busyLabel")
        self.busy_indicator = self.child(QProgressBar, "busyIndicator")
        self.error_summary = self.child(QFrame, "formErrorSummary")
        self.error_title = self.child(FieldMessage, "formErrorTitle")
        self.error_list = self.child(QLabel, "formErrorList")

        self._busy = False
        self._registered = False
        self._generation = 0  # bumped by clear(): a registration finishing after it is ignored
        self._caps_lock_on = False
        self._email_error: str | None = None  # the error shown under the address, if any
        self._password_errors: list[str] = []  # the service's refusals shown under the password
        # What screen readers were last told, so that only changes are announced.
        self._announced_states = self.checklist.row_states()
        self._announced_problems: tuple[str, ...] = ()
        self._announced_too_guessable = False
        self._announced_mismatch: bool | None = None
        self._announced_email_warning: str | None = None

        self._announce_timer = QTimer(self)
        self._announce_timer.setSingleShot(True)
        self._announce_timer.setInterval(ANNOUNCE_DELAY_MS)
        self._announce_timer.timeout.connect(self._announce_changes)
        self._email_error_timer = QTimer(self)
        self._email_error_timer.setSingleShot(True)
        self._email_error_timer.setInterval(EMAIL_ERROR_DELAY_MS)
        self._email_error_timer.timeout.connect(self._announce_email_error)

        self._set_up_accessibility()
        self._set_up_links()
        self.captcha_widget = self._set_up_captcha()
        self._set_up_tab_order()
        self.fit_to_text()

        self.email_edit.textChanged.connect(self._email_changed)
        self.password_edit.textChanged.connect(self._password_changed)
        self.confirmation_edit.textChanged.connect(self._confirmation_changed)
        self.show_password_button.toggled.connect(self._show_password_toggled)
        self.consent_checkbox.toggled.connect(self._consent_toggled)
        self.checklist.settled.connect(self._describe_password)
        # "Afficher" takes focus from Tab only; a click on it would otherwise hand focus to the nearest
        # ancestor accepting clicks (the scroll area). The row takes it and gives it back to the field.
        self.password_row.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._last_password_field: QLineEdit = self.password_edit
        for watched in (
            self.email_edit,
            self.password_edit,
            self.confirmation_edit,
            self.consent_label,
            self.password_row,
        ):
            watched.installEventFilter(self)

        self.error_summary.hide()
        self.busy_panel.hide()
        self._describe_all()

    # --- building -----------------------------------------------------------------------------------

    def _set_up_accessibility(self) -> None:
        # Accessible names are the visible labels (one source: the .ui).
        for label, field in (
            (self.email_label, self.email_edit),
            (self.password_label, self.password_edit),
            (self.confirmation_label, self.confirmation_edit),
            (self.consent_label, self.consent_checkbox),
        ):
            field.setAccessibleName(label.text())
        self.show_password_button.setAccessibleName(self.show_password_button.text())
        self.checklist.setAccessibleName(self.password_rules.text())
        self.busy_label.setText(BUSY_TEXT)
        self.busy_indicator.setAccessibleName(BUSY_TEXT)
        # Focusable by code only: a refused submit with no field in error lands here.
        self.error_title.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.consent_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self._contrast_consent_box()

    def _contrast_consent_box(self) -> None:
        # Fusion (Linux) outlines a checkbox in the palette's window colour darkened: too pale on white
        # for a control's 3:1 contrast. A strong border colour from the theme fixes it.
        palette = self.consent_checkbox.palette()
        palette.setColor(QPalette.ColorRole.Window, kind_colour("border-strong"))
        self.consent_checkbox.setPalette(palette)

    def _set_up_links(self) -> None:
        for button in (self.cnil_link, self.cgu_link, self.sign_in_link):
            button.setAccessibleName(button.text())
        wrap_button_text(self.cnil_link)
        wrap_button_text(self.cgu_link)
        self.sign_in_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sign_in_link.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.cnil_link.clicked.connect(lambda: self.context.open_document("cnil"))
        self.cgu_link.clicked.connect(lambda: self.context.open_document("cgu"))
        self.sign_in_link.clicked.connect(lambda: self.on_sign_in_requested())

    def _set_up_captcha(self) -> CaptchaWidget | None:
        if self.context.settings.captcha is CaptchaMode.OFF:
            self.captcha_container.hide()
            return None
        # Imported here: with the captcha off (operators, tests) the page does not need that module.
        from monmaster_desktop.gui.captcha_widget import CaptchaWidget

        captcha = CaptchaWidget(self.captcha_container)
        captcha.set_mode(self.context.settings.captcha)
        captcha.set_announcer(self.context.announcer)
        layout = self.captcha_container.layout()
        assert layout is not None
        layout.addWidget(captcha)
        return captcha

    def _set_up_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.email_edit,
            self.password_edit,
            self.show_password_button,
            self.cnil_link,  # it sits right under the criteria, between the two password fields
            self.confirmation_edit,
        ]
        if self.captcha_widget is not None:
            chain.extend(self.captcha_widget.tab_chain())
        chain.extend([self.consent_checkbox, self.cgu_link, self.sign_in_link])
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def fit_to_text(self) -> None:
        super().fit_to_text()
        if hasattr(self, "confirmation_edit"):  # the base class calls this before our fields exist
            limit_field_widths(self.email_edit, self.password_row, self.confirmation_edit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.StyleChange:
            self._contrast_consent_box()
        super().changeEvent(event)

    # --- the wizard's questions ---------------------------------------------------------------------

    def nextId(self) -> int:
        return PageId.MAIL_SENT

    def isComplete(self) -> bool:
        # Always complete but while busy: see the module docstring for why "Continuer" stays enabled.
        return not self._busy

    def is_busy(self) -> bool:
        return self._busy

    def validatePage(self) -> bool:
        if self._registered:
            return True
        if self._busy:
            return False
        self._submit()
        return False  # the worker's answer moves the wizard on (or shows what to fix)

    # --- live behaviour -----------------------------------------------------------------------------

    def _email_changed(self, text: str) -> None:
        self.checklist.set_strength_context(validation.strength_context_for_email(text))
        check = validation.check_email(text)
        if self._email_error is not None and not check.is_valid:
            pass  # an error already shown stays until the address is valid; no new one while typing
        elif check.warning:
            self._show_email_message("warning", check.warning)
        else:
            self._show_email_message(None, None)
        self._announce_timer.start()

    def _validate_email_on_leave(self) -> None:
        text = self.email_edit.text()
        if not text.strip():
            return  # passing through an empty field is not a mistake yet; "Continuer" will say it
        check = validation.check_email(text)
        if check.is_valid:
            self._show_email_message("warning" if check.warning else None, check.warning)
            return
        if check.error and check.error != self._email_error:
            self._show_email_message("error", check.error)
            # Told a moment later, unless the candidate left the field by pressing "Continuer":
            # the error summary then says it, once.
            self._email_error_timer.start()

    def _announce_email_error(self) -> None:
        if self._email_error is not None and not self._busy:
            self.context.announcer.announce(self.email_edit, self._email_error, assertive=True)

    def _show_email_message(self, kind: str | None, text: str | None) -> None:
        self._email_error = text if kind == "error" else None
        if kind and text:
            self.email_message.show_message(kind, text)
        else:
            self.email_message.clear()
        _mark_invalid(self.email_edit, kind == "error")
        _describe(self.email_edit, self.email_hint.text(), text)

    def _password_changed(self, text: str) -> None:
        self.checklist.set_password(text)
        if self._password_errors:
            # The candidate is fixing it: the checklist now says what is still missing.
            self._password_errors = []
            self.password_message.clear()
            _mark_invalid(self.password_edit, False)
        self._update_confirmation_message()
        self._announce_timer.start()

    def _confirmation_changed(self, _text: str) -> None:
        self._update_confirmation_message()
        self._announce_timer.start()

    def _passwords_mismatch(self) -> bool | None:
        """None while the confirmation is empty, else whether it differs from the password."""
        confirmation = self.confirmation_edit.text()
        if not confirmation:
            return None
        normalize = validation.normalize_password
        return normalize(confirmation) != normalize(self.password_edit.text())

    def _update_confirmation_message(self) -> None:
        mismatch = self._passwords_mismatch()
        if mismatch:
            self.confirmation_message.show_message("error", texts.PASSWORD_MISMATCH)
        else:
            self.confirmation_message.clear()
        _mark_invalid(self.confirmation_edit, bool(mismatch))
        self._describe_confirmation()

    def _show_password_toggled(self, shown: bool) -> None:
        # One button for both fields: the candidate sees what they type in the confirmation too.
        show_passwords(self.show_password_button, (self.password_edit, self.confirmation_edit), shown)

    def _consent_toggled(self, checked: bool) -> None:
        if checked:
            self.consent_message.clear()
            _mark_invalid(self.consent_checkbox, False)
            _describe(self.consent_checkbox)

    # --- Caps Lock ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched in (self.password_edit, self.confirmation_edit):
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                self._caps_lock_from_key(event)
            elif kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                if kind == QEvent.Type.FocusIn and isinstance(watched, QLineEdit):
                    self._last_password_field = watched
                self._show_caps_lock_message()
        elif watched is self.password_row and kind == QEvent.Type.FocusIn:
            self._last_password_field.setFocus(Qt.FocusReason.MouseFocusReason)
        elif watched is self.email_edit and kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            # Leaving the window or opening a context menu is not leaving the field.
            if event.reason() not in (
                Qt.FocusReason.ActiveWindowFocusReason,
                Qt.FocusReason.PopupFocusReason,
            ):
                self._validate_email_on_leave()
        elif (
            watched is self.consent_label
            and kind == QEvent.Type.MouseButtonRelease
            and self.consent_checkbox.isEnabled()
        ):
            # The sentence is the checkbox's label: a click on it ticks the box, as in a browser.
            self.consent_checkbox.setFocus(Qt.FocusReason.MouseFocusReason)
            self.consent_checkbox.click()
            return True
        return super().eventFilter(watched, event)

    def _caps_lock_from_key(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_CapsLock:
            # The modifiers of this very event describe the state before the press: toggle instead.
            self._set_caps_lock(not self._caps_lock_on)
            return
        mask = caps_lock_native_mask()
        # Only real key events carry the platform's modifiers; synthetic ones (tests) carry none.
        if mask and (event.spontaneous() or event.nativeScanCode()):
            self._set_caps_lock(bool(event.nativeModifiers() & mask))

    def _set_caps_lock(self, on: bool) -> None:
        if on == self._caps_lock_on:
            return
        self._caps_lock_on = on
        self._show_caps_lock_message()
        if on:
            self.context.announcer.announce(self.password_edit, CAPS_LOCK_WARNING)

    def caps_lock_on(self) -> bool:
        return self._caps_lock_on

    def _show_caps_lock_message(self) -> None:
        focused = QApplication.focusWidget()
        visible = self._caps_lock_on and focused in (self.password_edit, self.confirmation_edit)
        if visible and self.caps_lock_message.text() != CAPS_LOCK_WARNING:
            self.caps_lock_message.show_message("warning", CAPS_LOCK_WARNING)
        elif not visible and self.caps_lock_message.text():
            self.caps_lock_message.clear()
        self._describe_password()
        self._describe_confirmation()

    # --- accessible descriptions and coalesced announcements ------------------------------------------

    def _rules_sentence(self) -> str:
        labels = ", ".join(criterion.label for criterion in validation.PASSWORD_CRITERIA)
        return f"{self.password_rules.text()} {labels}."

    def _describe_password(self) -> None:
        summary = self.checklist.summary()
        _describe(
            self.password_edit,
            self.caps_lock_message.text() or None,
            " ".join(self._password_errors) or None,
            summary or self._rules_sentence(),
            self.checklist.strength_text() or None,
        )

    def _describe_all(self) -> None:
        _describe(self.email_edit, self.email_hint.text(), self.email_message.text() or None)
        self._describe_password()
        self._describe_confirmation()
        _describe(self.consent_checkbox, self.consent_message.text() or None)

    def _describe_confirmation(self) -> None:
        _describe(
            self.confirmation_edit,
            self.caps_lock_message.text() or None,
            self.confirmation_message.text() or None,
        )

    def _announce_changes(self) -> None:
        parts: list[str] = []
        states = self.checklist.row_states()
        labels = {criterion.key: criterion.label for criterion in validation.PASSWORD_CRITERIA}
        changed = [key for key, state in states.items() if state != self._announced_states[key]]
        validated = [labels[key] for key in changed if states[key] == VALID]
        in_error = [labels[key] for key in changed if states[key] == INVALID]
        if validated:
            template = CRITERION_VALID if len(validated) == 1 else CRITERIA_VALID
            parts.append(template.format(labels=", ".join(validated)))
        if in_error:
            template = CRITERION_INVALID if len(in_error) == 1 else CRITERIA_INVALID
            parts.append(template.format(labels=", ".join(in_error)))
        if changed and all(state == VALID for state in states.values()):
            parts.append(ALL_CRITERIA_MET)
        check = self.checklist.check()
        problems = check.problems if check is not None else ()
        parts.extend(
            validation.PASSWORD_PROBLEM_MESSAGES[problem]
            for problem in problems
            if problem not in self._announced_problems
        )
        too_guessable = self.checklist.too_guessable_shown()
        if too_guessable and not self._announced_too_guessable:
            parts.append(validation.TOO_GUESSABLE_MESSAGE)
        mismatch = self._passwords_mismatch()
        if mismatch is not None and mismatch != self._announced_mismatch:
            parts.append(texts.PASSWORD_MISMATCH if mismatch else PASSWORDS_MATCH)
        warning = self.email_message.text() if self.email_message.kind() == "warning" else None
        if warning and warning != self._announced_email_warning:
            parts.append(warning)

        self._announced_states = states
        self._announced_problems = problems
        self._announced_too_guessable = too_guessable
        self._announced_mismatch = mismatch
        self._announced_email_warning = warning
        if parts:
            source = QApplication.focusWidget() or self
            self.context.announcer.announce(source, " ".join(parts))

    def _forget_announced(self) -> None:
        self._announce_timer.stop()
        self._announced_states = {key: NEUTRAL for key in self.checklist.row_states()}
        self._announced_problems = ()
        self._announced_too_guessable = False
        self._announced_mismatch = None
        self._announced_email_warning = None

    # --- submitting -----------------------------------------------------------------------------------

    def _submit(self) -> None:
        self._email_error_timer.stop()
        captcha = self.captcha_widget
        if captcha is not None:
            # Solved once, it stays solved until clear(): a refused form is fixed, not re-captcha'd.
            verdict = captcha.verify()
            if not verdict.ok:
                # The captcha widget shows and announces its own message; the summary repeats it.
                self._show_summary([(CAPTCHA_FIELD_NAME, verdict.message or "")])
                if QApplication.focusWidget() not in captcha.tab_chain():
                    self._focus(captcha.answer_edit())
                return
        request = RegistrationRequest(
            email=self.email_edit.text(),
            password=self.password_edit.text(),
            password_confirmation=self.confirmation_edit.text(),
            consent=self.consent_checkbox.isChecked(),
            eligibility_answers=dict(self.context.session.eligibility_answers),
        )
        service = self.context.service
        generation = self._generation
        self._set_busy(True)
        self.context.runner.submit(
            lambda: service.register(request),
            lambda result: self._registration_done(generation, result),
            lambda error: self._registration_failed(generation),
        )

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        self.busy_panel.setVisible(busy)
        # Read-only rather than disabled: the fields stay readable and focus stays where it is.
        edits = [self.email_edit, self.password_edit, self.confirmation_edit]
        controls: list[QWidget] = [
            self.show_password_button,
            self.consent_checkbox,
            self.cnil_link,
            self.cgu_link,
            self.sign_in_link,
        ]
        if self.captcha_widget is not None:
            edits.append(self.captcha_widget.answer_edit())
            controls.extend(widget for widget in self.captcha_widget.tab_chain() if widget not in edits)
        for edit in edits:
            edit.setReadOnly(busy)
        for control in controls:
            control.setEnabled(not busy)
        self.completeChanged.emit()  # the wizard disables "Continuer" while busy (and restores Back after)
        wizard = self.wizard()
        if busy and wizard is not None and wizard.currentPage() is self:
            # Going back while the account is being created would leave its result nowhere to show.
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
        if busy:
            self.scroll_area.ensureWidgetVisible(self.busy_panel)
            self.context.announcer.announce(self.busy_indicator, BUSY_ANNOUNCEMENT)

    def _registration_done(self, generation: int, result: RegistrationResult) -> None:
        if generation != self._generation:
            return  # the page was cleared for the next candidate meanwhile
        self._set_busy(False)
        if result.ok:
            assert result.account is not None
            self.context.session.registered_email = result.account.email
            self.context.session.activation_mail_id = result.mail_id
            self._registered = True
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self:
                wizard.next()
            return
        storage = result.refusals_for(RegistrationField.STORAGE)
        if storage:  # the form is fine, the disk refused: say that alone, keep everything typed
            self._show_form_failure(f"{storage[0].message} {texts.INPUT_KEPT}")
            return
        self._show_refusals(result)

    def _registration_failed(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self._show_form_failure(texts.UNEXPECTED_ERROR)

    def _show_form_failure(self, message: str) -> None:
        self._clear_refusals()
        self._show_summary([], title=message)
        self._focus(self.error_title)
        self.context.announcer.announce(self.error_title, message, assertive=True)

    def _show_refusals(self, result: RegistrationResult) -> None:
        self._clear_refusals()
        field_names = {
            RegistrationField.EMAIL: self.email_label.text(),
            RegistrationField.PASSWORD: self.password_label.text(),
            RegistrationField.PASSWORD_CONFIRMATION: self.confirmation_label.text(),
            RegistrationField.CONSENT: CONSENT_FIELD_NAME,
            RegistrationField.ELIGIBILITY: ELIGIBILITY_FIELD_NAME,
        }
        focus_targets: dict[RegistrationField, QWidget] = {
            RegistrationField.EMAIL: self.email_edit,
            RegistrationField.PASSWORD: self.password_edit,
            RegistrationField.PASSWORD_CONFIRMATION: self.confirmation_edit,
            RegistrationField.CONSENT: self.consent_checkbox,
            RegistrationField.ELIGIBILITY: self.error_title,
        }
        lines: list[tuple[str, str]] = []
        first_target: QWidget | None = None
        for where in field_names:  # the page's order, top to bottom
            messages = [refusal.message for refusal in result.refusals_for(where)]
            if not messages:
                continue
            lines.extend((field_names[where], message) for message in messages)
            first_target = first_target or focus_targets[where]
            joined = " ".join(messages)
            if where is RegistrationField.EMAIL:
                self._show_email_message("error", joined)
            elif where is RegistrationField.PASSWORD:
                self._password_errors = messages
                self.password_message.show_message("error", joined)
                _mark_invalid(self.password_edit, True)
            elif where is RegistrationField.PASSWORD_CONFIRMATION:
                self.confirmation_message.show_message("error", joined)
                _mark_invalid(self.confirmation_edit, True)
                self._describe_confirmation()
            elif where is RegistrationField.CONSENT:
                self.consent_message.show_message("error", joined)
                _mark_invalid(self.consent_checkbox, True)
                _describe(self.consent_checkbox, joined)
        if not result.refusals_for(RegistrationField.EMAIL) and result.email_warning:
            self._show_email_message("warning", result.email_warning)
        self._describe_password()
        self._show_summary(lines)
        target = first_target or self.error_title
        self._focus(target)
        first_message = lines[0][1] if lines else ""
        self.context.announcer.announce(
            target, f"{error_count_text(len(lines))} {first_message}".strip(), assertive=True
        )

    def _show_summary(self, lines: list[tuple[str, str]], title: str | None = None) -> None:
        self.error_title.show_message("error", title or error_count_text(len(lines)))
        listed = "\n".join(ERROR_LINE.format(field=field, message=message) for field, message in lines)
        self.error_list.setText(listed)
        self.error_list.setVisible(bool(listed))
        self.error_summary.show()

    def _clear_refusals(self) -> None:
        """Hide what the last refused submit showed (live messages are recomputed)."""
        self.error_summary.hide()
        self.error_title.clear()
        self.error_list.clear()
        self._password_errors = []
        self.password_message.clear()
        _mark_invalid(self.password_edit, False)
        self.consent_message.clear()
        _mark_invalid(self.consent_checkbox, False)
        if self._email_error is not None:
            self._show_email_message(None, None)
        self._update_confirmation_message()
        self._describe_all()

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(widget)

    # --- back to empty --------------------------------------------------------------------------------

    def clear(self) -> None:
        """Everything emptied for the next candidate: fields (and their undo history), messages, captcha."""
        super().clear()
        self._generation += 1
        self._registered = False
        self._set_busy(False)
        for edit in (self.email_edit, self.password_edit, self.confirmation_edit):
            edit.setText("")  # setText also empties the undo history: Ctrl+Z brings nothing back
        self.show_password_button.setChecked(False)
        self._show_password_toggled(False)
        self.checklist.clear()
        self.consent_checkbox.setChecked(False)
        self._caps_lock_on = False
        self.caps_lock_message.clear()
        self._show_email_message(None, None)
        self._clear_refusals()
        self.confirmation_message.clear()
        _mark_invalid(self.confirmation_edit, False)
        if self.captcha_widget is not None:
            self.captcha_widget.clear()
        self._email_error_timer.stop()
        self._forget_announced()
        self._describe_all()
