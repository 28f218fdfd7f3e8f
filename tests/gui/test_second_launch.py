"""A second launch on the same data folder says in French that the application already runs; a lock
left by a crash is recovered (docs/kiosk.md, "One instance per data folder").

The first instance is the real application in a process of its own (offscreen); the second is
``run_gui`` in this process, its dialog collected.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from monmaster_desktop import texts
from monmaster_desktop.exit_codes import EXIT_ALREADY_RUNNING
from monmaster_desktop.gui import app as gui_app
from monmaster_desktop.gui.main_window import MainWindow
from monmaster_desktop.settings import LOCK_FILE_NAME, HashingParameters, Settings

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def start_application(data_dir: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    """The real application on ``data_dir``, offscreen, until it holds the folder's lock."""
    environment = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PATH": "/usr/bin:/bin",
    }
    application = subprocess.Popen(
        [sys.executable, "-m", "monmaster_desktop", "--data-dir", str(data_dir)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not (data_dir / LOCK_FILE_NAME).exists():
        if application.poll() is not None or time.monotonic() > deadline:
            application.kill()
            pytest.fail(f"the application did not take the lock (exit code {application.poll()})")
        time.sleep(0.05)
    return application


def test_a_second_launch_is_told_and_a_crashed_ones_lock_recovered(
    started_gui: list[QWidget], tmp_path: Path, monkeypatch
) -> None:
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append((title, text)))
    data_dir = tmp_path / "data"
    settings = Settings(data_dir=data_dir, hashing=HashingParameters.fast_for_tests())
    first = start_application(data_dir, tmp_path)
    try:
        assert gui_app.run_gui(settings) == EXIT_ALREADY_RUNNING
        assert told == [(texts.ALREADY_RUNNING_TITLE, texts.ALREADY_RUNNING.format(folder=data_dir))]
        assert started_gui == []  # no window of its own on the same folder
    finally:
        first.send_signal(signal.SIGKILL)  # a crash: the lock file stays behind
        first.wait(timeout=30)
    assert (data_dir / LOCK_FILE_NAME).exists()

    assert gui_app.run_gui(settings) == 0  # the stale lock is taken over
    assert any(isinstance(widget, MainWindow) for widget in started_gui)
    for widget in started_gui:
        if isinstance(widget, MainWindow):
            widget.context.service.close()
    assert not (data_dir / LOCK_FILE_NAME).exists()  # released at the end of the run
