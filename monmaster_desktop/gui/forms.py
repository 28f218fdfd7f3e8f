"""Building widgets from the Qt Designer forms of ``ui/`` (static layout only; behaviour is in Python)."""

from __future__ import annotations

import importlib
from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from monmaster_desktop.assets import ui_file

W = TypeVar("W", bound=QWidget)

# Our own widgets that forms may use as Designer "promoted" widgets (class name -> module). Each must be
# constructible with only a parent; forms declare them in <customwidgets>.
CUSTOM_WIDGETS: dict[str, str] = {
    "FieldMessage": "monmaster_desktop.gui.widgets.field_message",
    "PasswordChecklist": "monmaster_desktop.gui.widgets.checklist",
}


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``ui/<name>``; children keep their Designer object names."""
    path = ui_file(name)
    source = path.read_text(encoding="utf-8")
    loader = QUiLoader()
    for class_name, module_name in CUSTOM_WIDGETS.items():
        if f"<class>{class_name}</class>" in source:
            loader.registerCustomWidget(getattr(importlib.import_module(module_name), class_name))
    form = QFile(str(path))
    if not form.open(QIODevice.OpenModeFlag.ReadOnly):
        raise OSError(f"cannot read {path}: {form.errorString()}")
    try:
        widget = loader.load(form, parent)
    finally:
        form.close()
    if widget is None:
        raise RuntimeError(f"cannot build {name}: {loader.errorString()}")
    return widget


def find_child(form: QWidget, kind: type[W], name: str, form_name: str) -> W:
    """The ``kind`` named ``name`` in a form built from ``ui/<form_name>``; a clear error if it is missing."""
    found = form.findChild(kind, name)
    if found is None:
        raise LookupError(f"{form_name} has no {kind.__name__} named {name!r}")
    return found
