"""The operator screens' texts built at run time (project-written), in French, the source language.

Each is marked ``QT_TRANSLATE_NOOP(CONTEXT, …)`` and said with ``language.translated(CONTEXT, X,
**params)``, so that it follows a language switch (README, "Translating"). Static texts are in the
forms ``ui/operator_pin_dialog.ui``, ``ui/operator_new_pin_dialog.ui``, ``ui/operator_console.ui``
and ``ui/operator_purge_dialog.ui``; the counted sentences (the figures, the purge's warning) and the
core's messages (PIN refused, throttled, export done, purge done) are in ``monmaster_desktop.texts``
(gettext has plural forms). One place per text; never assembled from pieces.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "Operator"

# --- The key sequence (documented for operators in the README; shown on no candidate's screen) ------
# Not a text: Qt's portable key names, the same in every language.
OPERATOR_KEYS = "Ctrl+Alt+Shift+O"

# --- The PIN dialogs ----------------------------------------------------------------------------------
# What a PIN field's description says besides a refusal.
PIN_HINT = QT_TRANSLATE_NOOP("Operator", "De 6 à 12 chiffres.")
# The new PIN dialog's "Annuler" at a kiosk's first start, when the kiosk cannot run without a PIN.
QUIT_KIOSK_BUTTON = QT_TRANSLATE_NOOP("Operator", "Quitter la borne")

# --- The console ----------------------------------------------------------------------------------------
CHART_NAME = QT_TRANSLATE_NOOP("Operator", "Comptes créés par heure aujourd'hui")
CHART_DESCRIPTION_EMPTY = QT_TRANSLATE_NOOP("Operator", "Aucun compte créé aujourd'hui.")
CHART_HOUR = QT_TRANSLATE_NOOP("Operator", "{hour} h : {count}")  # one bar, in the chart's description
CHART_HOUR_LABEL = QT_TRANSLATE_NOOP("Operator", "{hour} h")  # under a bar
CHART_SEPARATOR = QT_TRANSLATE_NOOP("Operator", " ; ")  # between two bars in the description
AUDIT_COLUMNS = (
    QT_TRANSLATE_NOOP("Operator", "Date"),
    QT_TRANSLATE_NOOP("Operator", "Action"),
    QT_TRANSLATE_NOOP("Operator", "Nombre"),
)
AUDIT_EMPTY = "—"  # no count: a dash in every language
EXPORT_DIALOG_TITLE = QT_TRANSLATE_NOOP("Operator", "Exporter les inscriptions")
EXPORT_CSV_FILTER = QT_TRANSLATE_NOOP("Operator", "Fichier CSV (*.csv)")
EXPORT_JSON_FILTER = QT_TRANSLATE_NOOP("Operator", "Fichier JSON (*.json)")
EXPORT_DEFAULT_NAME = QT_TRANSLATE_NOOP("Operator", "inscriptions-{day}")
CONSOLE_OPENED = QT_TRANSLATE_NOOP("Operator", "Console de l'opérateur ouverte.")

# --- The purge ------------------------------------------------------------------------------------------
# The word typed to confirm, in the language shown (docs/kiosk.md, "Decisions"): "ERASE" in English.
PURGE_WORD = QT_TRANSLATE_NOOP("Operator", "EFFACER")
PURGE_INSTRUCTION = QT_TRANSLATE_NOOP("Operator", "Pour confirmer, écrivez {word} dans le champ ci-dessous.")
