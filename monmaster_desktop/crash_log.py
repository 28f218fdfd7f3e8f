"""Where a crash leaves a trace a tester can attach to a report: ``<data dir>/logs/crash-….log``.

While the GUI runs, Python's ``faulthandler`` is pointed at a file of its own in the data dir's log
folder; a fatal signal (SIGSEGV in Qt, SIGABRT, SIGBUS…) writes every thread's Python stack there.
What it holds: the version, the time, the process id, then the stacks (file, line and function names
only: never a variable's value, so never anything typed). At a clean exit a file that received
nothing but its heading is removed, so the folder lists crashes only.

No Qt here; never raises: a data dir where no log can be written only means no crash file.
"""

from __future__ import annotations

import faulthandler
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from monmaster_desktop import __version__

LOG_FOLDER = "logs"


class CrashLog:
    """The open crash file of this run; ``close()`` at a clean exit."""

    def __init__(self, path: Path, stream: TextIO, heading_size: int, was_enabled: bool) -> None:
        self.path = path
        self._stream = stream
        self._heading_size = heading_size
        self._was_enabled = was_enabled  # by whoever ran us (pytest does): given back to stderr

    def close(self) -> None:
        """Stop recording; remove the file if no crash was written to it."""
        if self._was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(sys.__stderr__, all_threads=True)
        else:
            faulthandler.disable()
        try:
            self._stream.close()
            if self.path.stat().st_size <= self._heading_size:
                self.path.unlink()
        except OSError:
            pass


def start_crash_log(data_dir: Path, now: datetime | None = None) -> CrashLog | None:
    """Send fatal errors' stacks to a new file under ``data_dir/logs``; None if it cannot be written."""
    moment = now or datetime.now(UTC)
    folder = data_dir / LOG_FOLDER
    path = folder / f"crash-{moment:%Y%m%d-%H%M%S}-{os.getpid()}.log"
    heading = (
        f"Mon Master Desktop {__version__} — {moment:%Y-%m-%d %H:%M:%S} UTC — processus {os.getpid()}\n"
        f"Python {platform.python_version()} sur {platform.platform()}\n"
        "Si ce fichier contient plus que ces lignes, l'application s'est arrêtée brutalement : "
        "joignez-le à votre signalement.\n\n"
    )
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)  # private, as the service makes it
        folder.mkdir(mode=0o700, exist_ok=True)
        stream = open(path, "x", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        if sys.platform != "win32":
            os.chmod(path, 0o600)
        stream.write(heading)
        stream.flush()
        was_enabled = faulthandler.is_enabled()
        faulthandler.enable(stream, all_threads=True)
    except (OSError, ValueError):
        return None
    return CrashLog(path, stream, len(heading.encode("utf-8")), was_enabled)
