"""The operator screens' French texts built at run time (project-written). Static texts are in the forms
``ui/operator_pin_dialog.ui``, ``ui/operator_new_pin_dialog.ui``, ``ui/operator_console.ui`` and
``ui/operator_purge_dialog.ui``; the core's messages (PIN refused, throttled, export done, purge done)
are in ``monmaster_desktop.texts``. One place per text; never assembled from pieces.
"""

from __future__ import annotations

# --- The key sequence (documented for operators in the README; shown on no candidate's screen) ------
OPERATOR_KEYS = "Ctrl+Alt+Shift+O"

# --- The new PIN dialog at a kiosk's first start -------------------------------------------------------
QUIT_KIOSK_BUTTON = "Quitter la borne"  # its "Annuler", when the kiosk cannot run without a PIN

# --- The console ----------------------------------------------------------------------------------------
TODAY = (
    "Aujourd'hui ({day}) : {created} compte(s) créé(s), dont {pending} en attente d'activation et "
    "{active} activé(s)."
)
TOTAL = (
    "Depuis le début : {created} compte(s) créé(s), dont {pending} en attente d'activation et "
    "{active} activé(s)."
)
CHART_DESCRIPTION_EMPTY = "Aucun compte créé aujourd'hui."
CHART_HOUR = "{hour} h : {count}"  # one bar, in the chart's description ("9 h : 3")
CHART_HOUR_LABEL = "{hour} h"  # under a bar
AUDIT_COLUMNS = ("Date", "Action", "Nombre")
AUDIT_EMPTY = "—"
EXPORT_DIALOG_TITLE = "Exporter les inscriptions"
EXPORT_CSV_FILTER = "Fichier CSV (*.csv)"
EXPORT_JSON_FILTER = "Fichier JSON (*.json)"
EXPORT_DEFAULT_NAME = "inscriptions-{day}"
CONSOLE_OPENED = "Console de l'opérateur ouverte."

# --- The purge ------------------------------------------------------------------------------------------
PURGE_WARNING = (
    "{accounts} compte(s) et leurs courriels simulés seront effacés définitivement de cet ordinateur. "
    "Exportez-les d'abord si vous en avez besoin."
)
PURGE_WORD = "EFFACER"
