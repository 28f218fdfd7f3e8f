"""Asking where to save a file (a mail as .eml, the testers' log as .txt): one dialog, one default folder.

Never writes anything itself: the caller writes to the path it gets back, and says whether it worked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def default_save_directory() -> Path:
    """The user's Documents folder where it exists, else their home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def ask_save_path(parent: QWidget, title: str, default: Path, file_filter: str, suffix: str) -> Path | None:
    """Qt's save dialog (in French) opened on ``default``; None when cancelled.

    A name typed without an extension gets ``suffix`` (".eml", ".txt").
    """
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(default), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(suffix)
