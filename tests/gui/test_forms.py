"""Every Qt Designer form of ui/ loads through the same locator the application uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from monmaster_desktop.assets import ui_file
from monmaster_desktop.gui.forms import load_form

FORMS = sorted(path.name for path in Path(ui_file("welcome_page.ui")).parent.glob("*.ui"))


@pytest.mark.parametrize("name", FORMS)
def test_every_form_loads(qtbot, name: str) -> None:
    widget = load_form(name)
    qtbot.addWidget(widget)
    assert widget.findChildren(QLabel)


def test_welcome_page_shows_the_platform_description(qtbot) -> None:
    widget = load_form("welcome_page.ui")
    qtbot.addWidget(widget)
    texts = [label.text() for label in widget.findChildren(QLabel)]
    assert (
        "Mon Master est la plateforme nationale de candidature en première année des formations conduisant "
        "au diplôme national de master." in texts
    )
