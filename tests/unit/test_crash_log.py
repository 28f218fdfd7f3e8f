"""A crash of the GUI leaves a file a tester can attach to a report; a clean run leaves none."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

from monmaster_desktop.crash_log import LOG_FOLDER, start_crash_log

CRASHING_RUN = """
import faulthandler, sys
from pathlib import Path
from monmaster_desktop.crash_log import start_crash_log
start_crash_log(Path(sys.argv[1]))
def answer_the_screen_reader():
    faulthandler._sigsegv()  # what a crash inside Qt looks like to Python
answer_the_screen_reader()
"""


def test_a_crash_writes_every_threads_stack_to_the_data_dirs_log_folder(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-c", CRASHING_RUN, str(tmp_path)], capture_output=True, timeout=60)
    assert run.returncode != 0
    (log,) = (tmp_path / LOG_FOLDER).glob("crash-*.log")
    text = log.read_text(encoding="utf-8")
    assert text.startswith("Mon Master Desktop ")
    assert "joignez-le à votre signalement" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert "answer_the_screen_reader" in text  # the stack says where it happened
    if sys.platform != "win32":
        assert log.stat().st_mode & 0o777 == 0o600


def test_a_clean_exit_leaves_no_crash_file(tmp_path: Path) -> None:
    crash_log = start_crash_log(tmp_path)
    assert crash_log is not None and crash_log.path.exists()
    crash_log.close()
    assert list((tmp_path / LOG_FOLDER).iterdir()) == []


def test_a_data_dir_where_nothing_can_be_written_only_means_no_crash_file(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    assert start_crash_log(blocked) is None


def test_the_heading_names_the_installed_version_without_importing_importlib_metadata(tmp_path: Path) -> None:
    # The GUI starts its crash log before its window: the version is read straight from the package's
    # installed metadata, not through importlib.metadata (~40 ms, docs/performance.md).
    check = (
        "import sys; from pathlib import Path; from monmaster_desktop.crash_log import start_crash_log; "
        "log = start_crash_log(Path(sys.argv[1])); "
        "print(log.path.read_text(encoding='utf-8').splitlines()[0]); "
        "print('importlib.metadata' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", check, str(tmp_path)], capture_output=True, text=True, timeout=60, check=True
    )
    heading, metadata_imported = run.stdout.splitlines()
    assert heading.startswith(f"Mon Master Desktop {importlib.metadata.version('monmaster-desktop')} — ")
    assert metadata_imported == "False"
