"""The "Afficher" / "Masquer" button beside a password field (step 2 and "Se connecter").

Shows or hides what was typed on screen only: the fields stay protected on the accessibility bus
either way (``accessibility/password_protection.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QAbstractButton, QLineEdit

# What the button says: what pressing it will do next.
SHOW_PASSWORD = "Afficher"
HIDE_PASSWORD = "Masquer"


def show_passwords(button: QAbstractButton, fields: Iterable[QLineEdit], shown: bool) -> None:
    """Show or hide the password fields and name the button after what it will do next."""
    mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
    for field in fields:
        field.setEchoMode(mode)
    text = HIDE_PASSWORD if shown else SHOW_PASSWORD
    button.setText(text)
    button.setAccessibleName(text)
