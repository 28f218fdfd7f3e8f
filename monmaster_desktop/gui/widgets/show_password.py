"""The "Afficher" / "Masquer" button beside a password field (step 2 and "Se connecter").

Shows or hides what was typed on screen only: the fields stay protected on the accessibility bus
either way (``accessibility/password_protection.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from monmaster_desktop.gui.language import translated

# What the button says: what pressing it will do next.
SHOW_PASSWORD = QT_TRANSLATE_NOOP("ShowPassword", "Afficher")
HIDE_PASSWORD = QT_TRANSLATE_NOOP("ShowPassword", "Masquer")


def show_passwords(button: QAbstractButton, fields: Iterable[QLineEdit], shown: bool) -> None:
    """Show or hide the password fields and name the button after what it will do next.

    Called again with the same state after a language switch, it names the button in the new language.
    """
    mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
    for field in fields:
        if field.echoMode() != mode:
            field.setEchoMode(mode)
    text = translated("ShowPassword", HIDE_PASSWORD if shown else SHOW_PASSWORD)
    button.setText(text)
    button.setAccessibleName(text)
