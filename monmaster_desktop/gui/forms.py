"""Building widgets from the Qt Designer forms of ``ui/`` (static layout only; behaviour is in Python).

The forms' texts are French (the source language) and translatable: ``QUiLoader`` says each in the
current language as it builds the form (``QCoreApplication.translate`` with the form's class name as
context, as ``pyside6-lupdate`` extracts them). A form loaded at run time has no generated
``retranslateUi``, and QUiLoader's own retranslation (``setLanguageChangeEnabled``) runs in each
widget's event filter, after its page has already set its own texts and names for the new language,
and would put the form's words back over them. So ``retranslate_form`` re-applies the translation of
every translatable property of the form instead, read once from the ``.ui`` file, when the page that
owns the form chooses: first the form's texts, then what the page sets itself (docs/architecture.md,
"Languages").
"""

from __future__ import annotations

import importlib
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QObject
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
    widget.setProperty(FORM_PROPERTY, name)
    return widget


FORM_PROPERTY = "uiForm"  # on a form's root widget: the ui/ file it was built from


@dataclass(frozen=True)
class FormText:
    """One translatable string of a form: which object, which property, the French source."""

    object_name: str
    property: str
    source: str
    comment: str | None


@cache
def form_texts(name: str) -> tuple[str, tuple[FormText, ...]]:
    """The translation context of ``ui/<name>`` (its class) and its translatable strings."""
    root = ElementTree.parse(ui_file(name)).getroot()
    context = root.findtext("class") or ""
    found: list[FormText] = []
    for element in root.iter():
        if element.tag not in ("widget", "action"):
            continue
        for prop in element.findall("property"):
            string = prop.find("string")
            if string is None or not string.text or string.get("notr") in ("true", "yes"):
                continue
            found.append(
                FormText(element.get("name", ""), prop.get("name", ""), string.text, string.get("comment"))
            )
    return context, tuple(found)


def retranslate_form(form: QWidget) -> None:
    """Every translatable text of a form built by ``load_form``, again in the current language."""
    name = form.property(FORM_PROPERTY)
    if not name:
        raise ValueError(f"{form.objectName()!r} was not built by load_form")
    context, texts = form_texts(str(name))
    for text in texts:
        target = form if form.objectName() == text.object_name else form.findChild(QObject, text.object_name)
        if target is not None:
            target.setProperty(text.property, QCoreApplication.translate(context, text.source, text.comment))


def find_child(form: QWidget, kind: type[W], name: str, form_name: str) -> W:
    """The ``kind`` named ``name`` in a form built from ``ui/<form_name>``; a clear error if it is missing."""
    found = form.findChild(kind, name)
    if found is None:
        raise LookupError(f"{form_name} has no {kind.__name__} named {name!r}")
    return found
