"""No screen: a French message saying what is wrong and what works instead, never Qt's English abort."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_support import assert_no_traceback, child_environment

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland displays")

ALTERNATIVES = "Sans écran, ces commandes fonctionnent : monmaster-desktop --self-test"


def start_the_application(data_dir: Path, **display: str) -> subprocess.CompletedProcess[str]:
    environment = child_environment()
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        environment.pop(name, None)
    environment |= display
    return subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_no_display_at_all_says_so_in_french(tmp_path: Path) -> None:
    completed = start_the_application(tmp_path / "data")
    assert completed.returncode == 3
    assert_no_traceback(completed)
    assert "aucun écran n'est disponible" in completed.stderr and ALTERNATIVES in completed.stderr
    assert "--screenshots DOSSIER" in completed.stderr and "accounts list" in completed.stderr
    assert "Qt platform plugin" not in completed.stderr and "xcb-cursor0" not in completed.stderr
    assert not (tmp_path / "data").exists()  # nothing was created for a window that never opened


def test_a_display_that_does_not_answer_says_so_instead_of_aborting(tmp_path: Path) -> None:
    unused = (number for number in range(97, 200) if not Path(f"/tmp/.X11-unix/X{number}").exists())
    display = f":{next(unused)}"
    completed = start_the_application(tmp_path / "data", DISPLAY=display)
    assert completed.returncode == 3, completed.returncode
    assert completed.returncode != -signal.SIGABRT
    assert f"l'écran « {display} » ne répond pas" in completed.stderr and ALTERNATIVES in completed.stderr
    assert "This application failed to start" not in completed.stderr
    assert "Reinstalling the application" not in completed.stderr
