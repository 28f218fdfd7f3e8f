"""The window keeps answering while the account is created (argon2 runs off the UI thread).

No absolute time limit (the suite runs on machines of any speed): the registration uses the real
argon2 parameters, and the test checks that the UI thread's timer kept ticking through it — the
longest gap between ticks is a small part of the registration's duration — and that the hashing
ran on another thread. benchmarks/bench_gui.py prints the figures.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from itertools import pairwise

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWizard
from support import GOOD_PASSWORD

from monmaster_desktop.accounts.service import RegistrationResult, open_account_service
from monmaster_desktop.gui.context import GuiContext, PageId
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.gui.testers.journey import Candidate
from monmaster_desktop.settings import CaptchaMode, HashingParameters


def test_clicking_continuer_never_freezes_the_window(
    qtbot, request, gui_context: GuiContext, monkeypatch
) -> None:
    # Production argon2 parameters, over the same data dir: the slow part the worker exists for.
    production = open_account_service(
        dataclasses.replace(gui_context.settings, hashing=HashingParameters()), gui_context.clock
    )
    request.addfinalizer(production.close)
    registering_threads: list[threading.Thread] = []
    original_register = production.register

    def register(request) -> RegistrationResult:
        registering_threads.append(threading.current_thread())
        return original_register(request)

    monkeypatch.setattr(production, "register", register)
    gui_context.service = production
    gui_context.settings = dataclasses.replace(gui_context.settings, captcha=CaptchaMode.OFF)
    window = MainWindow(gui_context)
    qtbot.addWidget(window)
    window.show()
    candidate = Candidate.at(window)
    candidate.go_to_credentials()
    candidate.fill_credentials("camille.martin@example.fr", GOOD_PASSWORD)

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    candidate.click(window.wizard.button(QWizard.WizardButton.CommitButton))
    assert window.wizard.pages[PageId.CREDENTIALS].busy_panel.isVisible()  # the visible busy state
    qtbot.waitUntil(lambda: window.wizard.current_page_id is PageId.MAIL_SENT, timeout=20000)
    duration = time.perf_counter() - started
    timer.stop()

    assert registering_threads and registering_threads[0] is not threading.main_thread()
    gaps = [later - earlier for earlier, later in pairwise(ticks)]
    assert len(ticks) > 5
    assert max(gaps) < duration / 2, f"the UI stalled {max(gaps):.3f} s of a {duration:.3f} s registration"
