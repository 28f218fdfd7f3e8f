"""The installed Qt binding does not corrupt Python's reference counts (a kiosk runs for hours).

PySide6 6.12.0 on Python 3.11 drops one reference to None per call of a method returning nothing;
after a few thousand calls Python aborts with "deallocating None". pyproject.toml keeps that version
out; this test fails if a binding with the same defect is ever installed again.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal from Python 3.12 on: its count is meaningless, and safe",
)
def test_calling_qt_many_times_leaves_none_reference_count_alone(qapp) -> None:
    thing, label, edit = QObject(), QLabel(), QLineEdit()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        thing.setObjectName("x")
        label.setText("y")
        edit.setText("z")
    gc.collect()
    assert sys.getrefcount(None) >= before - 10, "the Qt binding drops references to None"
