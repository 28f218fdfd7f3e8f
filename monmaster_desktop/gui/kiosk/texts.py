"""The kiosk's texts built at run time (project-written), in French, the source language.

Each is marked ``QT_TRANSLATE_NOOP(CONTEXT, …)`` and said with ``language.translated(CONTEXT, X,
**params)``, so that it follows a language switch (README, "Translating"). The static ones are in
the forms: ``ui/idle_warning_dialog.ui``, the "Rester sur cette page" line of ``ui/activated_page.ui``
and the "Nouvelle session" line of ``ui/welcome_page.ui``. One place per text; never assembled from
pieces (a wait, "30 secondes", is the core's ``texts.format_wait``, counted by gettext).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "Kiosk"

# --- The idle warning ("Êtes-vous toujours là ?") ------------------------------------------------------
# Shown under the heading, updated every second.
WARNING_COUNTDOWN = QT_TRANSLATE_NOOP("Kiosk", "La session se terminera dans {wait}.")
# Said at once (assertive) when the warning opens.
WARNING_ANNOUNCEMENT = QT_TRANSLATE_NOOP(
    "Kiosk",
    "Êtes-vous toujours là ? Sans réponse, la session se terminera dans {wait} et les informations "
    "saisies seront effacées. Appuyez sur une touche ou choisissez « Continuer » pour continuer.",
)
# The "Continuer" button's description (what screen readers that read only the focused control
# hear, Orca 43 among them), updated with the announcements.
WARNING_DESCRIPTION = QT_TRANSLATE_NOOP(
    "Kiosk", "La session se terminera dans {wait}. Appuyez sur Entrée pour continuer."
)
# Said at the intervals (RGAA 13.1: the remaining time is known without looking).
WARNING_REMAINING = QT_TRANSLATE_NOOP("Kiosk", "Fin de la session dans {wait}.")
SESSION_CONTINUES = QT_TRANSLATE_NOOP("Kiosk", "La session continue.")

# --- The end of a session ------------------------------------------------------------------------------
NEW_SESSION = QT_TRANSLATE_NOOP("Kiosk", "Nouvelle session. Rien de la personne précédente n'a été conservé.")
# "Retour à l'accueil" on "Compte activé" reads so on a kiosk.
FINISH_BUTTON = QT_TRANSLATE_NOOP("Kiosk", "Terminer")
AUTO_RETURN = QT_TRANSLATE_NOOP("Kiosk", "Retour automatique à l'accueil dans {wait}.")
AUTO_RETURN_STOPPED = QT_TRANSLATE_NOOP("Kiosk", "Retour automatique arrêté : vous restez sur cette page.")
