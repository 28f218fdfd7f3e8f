"""The operator's PIN in the GUI: the prompt that opens the console, and choosing a new PIN.

Both are real dialogs whose static layout is a form (``ui/operator_pin_dialog.ui``,
``ui/operator_new_pin_dialog.ui``): each field has its visible label as accessible name, the PIN
fields are password fields kept off the accessibility bus, and a refusal is shown under the field,
put in its description (what Orca 43 reads) and announced assertively; the focus stays in the field.
Verifying and hashing (argon2id) run on the worker, off the UI thread. The PIN is never kept: the
fields are emptied (their undo history too) whatever the outcome. A language switch says the form,
the refusal shown and the fields' descriptions again in the new language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPushButton, QWidget

from monmaster_desktop import texts
from monmaster_desktop.accounts.operator import OperatorService, PinCheck, pin_problem
from monmaster_desktop.accounts.store import StorageError
from monmaster_desktop.gui.accessibility.announcer import Announcer, describe
from monmaster_desktop.gui.accessibility.password_protection import protect_password_field
from monmaster_desktop.gui.language import translated
from monmaster_desktop.gui.operator import texts as operator_texts
from monmaster_desktop.gui.operator.dialog import OperatorDialog
from monmaster_desktop.gui.widgets.field_message import FieldMessage
from monmaster_desktop.gui.worker import TaskRunner
from monmaster_desktop.i18n import again, message

PIN_PROMPT_FORM = "operator_pin_dialog.ui"
NEW_PIN_FORM = "operator_new_pin_dialog.ui"


def pin_hint() -> str:
    """What a PIN field's description says besides a refusal, in the current language."""
    return translated(operator_texts.CONTEXT, operator_texts.PIN_HINT)


class PinPromptDialog(OperatorDialog):
    """ "Accès opérateur": the PIN, "Valider" (default) or "Annuler"; accepted once the PIN is right."""

    def __init__(
        self,
        operator: OperatorService,
        runner: TaskRunner,
        announcer: Announcer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            PIN_PROMPT_FORM, operator, runner, announcer, parent, default_button="validateButton"
        )
        self.setObjectName("operatorPinDialog")
        self.pin_edit: QLineEdit = self.child(QLineEdit, "pinEdit")
        self.message: FieldMessage = self.child(FieldMessage, "pinMessage")
        self.validate_button: QPushButton = self.child(QPushButton, "validateButton")
        self.cancel_button: QAbstractButton = self.child(QAbstractButton, "cancelButton")
        self._refusal = ""  # the refusal shown (an i18n.Message), said again after a language switch
        protect_password_field(self.pin_edit)
        describe(self.pin_edit, pin_hint())
        self.validate_button.clicked.connect(self.validate)
        self.cancel_button.clicked.connect(self.reject)

    def retranslate(self) -> None:
        super().retranslate()
        self._refusal = again(self._refusal)
        describe(self.pin_edit, self._refusal, pin_hint())

    def validate(self) -> None:
        if self._busy:
            return
        pin = self.pin_edit.text()
        self.pin_edit.setText("")  # also empties the undo history
        self._busy = True
        self.validate_button.setEnabled(False)
        self._runner.submit(lambda: self._operator.verify_pin(pin), self._checked, self._failed)

    def _checked(self, check: PinCheck) -> None:
        self._busy = False
        self.validate_button.setEnabled(True)
        if check.accepted:
            self.accept()
            return
        self._refuse(check.message or message(texts.PIN_REFUSED))

    def _failed(self, _error: BaseException) -> None:
        self._busy = False
        self.validate_button.setEnabled(True)
        self._refuse(message(texts.UNEXPECTED_ERROR))

    def _refuse(self, message: str) -> None:
        self._refusal = message
        self.message.show_message("error", message)
        describe(self.pin_edit, message, pin_hint())
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._announcer.announce(self.pin_edit, message, assertive=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        self.pin_edit.setText("")
        super().done(result)


class NewPinDialog(OperatorDialog):
    """ "Choisir le code opérateur": the PIN twice, "Enregistrer"; accepted once it is stored.

    ``cancel_text`` renames "Annuler" ("Quitter la borne" at a kiosk's first start, which cannot run
    without a PIN; an ``i18n.Message``, said again at a language switch); the caller decides what
    cancelling means.
    """

    saved = Signal()

    def __init__(
        self,
        operator: OperatorService,
        runner: TaskRunner,
        announcer: Announcer,
        parent: QWidget | None = None,
        *,
        cancel_text: str | None = None,
    ) -> None:
        super().__init__(NEW_PIN_FORM, operator, runner, announcer, parent, default_button="saveButton")
        self.setObjectName("operatorNewPinDialog")
        self.new_pin_edit: QLineEdit = self.child(QLineEdit, "newPinEdit")
        self.confirm_pin_edit: QLineEdit = self.child(QLineEdit, "confirmPinEdit")
        self.message: FieldMessage = self.child(FieldMessage, "pinMessage")
        self.save_button: QPushButton = self.child(QPushButton, "saveButton")
        self.cancel_button: QAbstractButton = self.child(QAbstractButton, "cancelButton")
        self._cancel_text = cancel_text
        if cancel_text:
            self.cancel_button.setText(cancel_text)
        # The refusal shown and the field it describes, said again after a language switch.
        self._refusal: tuple[str, QLineEdit] | None = None
        for edit in (self.new_pin_edit, self.confirm_pin_edit):
            protect_password_field(edit)
            describe(edit, pin_hint())
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

    def retranslate(self) -> None:
        super().retranslate()
        if self._cancel_text:
            self._cancel_text = again(self._cancel_text)
            self.cancel_button.setText(self._cancel_text)
        for edit in (self.new_pin_edit, self.confirm_pin_edit):
            describe(edit, pin_hint())
        if self._refusal is not None:
            said, field = self._refusal
            self._refusal = again(said), field
            describe(field, self._refusal[0], pin_hint())

    def save(self) -> None:
        if self._busy:
            return
        pin, again = self.new_pin_edit.text(), self.confirm_pin_edit.text()
        problem = pin_problem(pin)
        field = self.new_pin_edit
        if problem is None and again != pin:
            problem, field = message(texts.PIN_MISMATCH), self.confirm_pin_edit
        if problem is not None:
            # A PIN that breaks the rule is typed again from the start; a confirmation that differs,
            # only the confirmation.
            self._refuse(problem, field, (field,) if field is self.confirm_pin_edit else None)
            return
        self._busy = True
        self.save_button.setEnabled(False)
        self._runner.submit(lambda: self._operator.set_pin(pin), self._stored, self._failed)

    def _stored(self, _result: object) -> None:
        self._busy = False
        self._announcer.announce(self, message(texts.PIN_SET_DONE))
        self.saved.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        said = error.message if isinstance(error, StorageError) else message(texts.UNEXPECTED_ERROR)
        self._refuse(said, self.new_pin_edit)

    def _refuse(self, said: str, field: QLineEdit, emptied: tuple[QLineEdit, ...] | None = None) -> None:
        for edit in emptied or (self.new_pin_edit, self.confirm_pin_edit):
            edit.setText("")
        for edit in (self.new_pin_edit, self.confirm_pin_edit):
            describe(edit, pin_hint())
        self._refusal = said, field
        self.message.show_message("error", said)
        describe(field, said, pin_hint())
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self._announcer.announce(field, said, assertive=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.new_pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def done(self, result: int) -> None:
        for edit in (self.new_pin_edit, self.confirm_pin_edit):
            edit.setText("")
        super().done(result)
