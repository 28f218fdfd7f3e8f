"""What the operator's dialogs share: a form dialog that waits for nothing else, over the operator's tools.

``OperatorDialog`` keeps the ``OperatorService`` it acts on, the worker that runs the slow calls
(argon2, an export, the purge) and the announcer that tells screen readers the outcome. It never
blocks the window while such a call runs: the call goes to the worker.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from monmaster_desktop.accounts.operator import OperatorService
from monmaster_desktop.gui.accessibility.announcer import Announcer
from monmaster_desktop.gui.kiosk.dialogs import FormDialog
from monmaster_desktop.gui.worker import TaskRunner


class OperatorDialog(FormDialog):
    def __init__(
        self,
        form_name: str,
        operator: OperatorService,
        runner: TaskRunner,
        announcer: Announcer,
        parent: QWidget | None,
        *,
        default_button: str,
    ) -> None:
        super().__init__(form_name, parent, default_button=default_button, modal=True)
        self._operator = operator
        self._runner = runner
        self._announcer = announcer
        self._busy = False  # a slow call is running: the buttons that start one wait

    def is_busy(self) -> bool:
        """Whether a slow call it started (verifying, exporting, purging) is still running."""
        return self._busy
