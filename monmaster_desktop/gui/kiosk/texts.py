"""The kiosk's French texts built at run time (project-written). The static ones are in the forms:
``ui/idle_warning_dialog.ui``, the "Rester sur cette page" line of ``ui/activated_page.ui`` and the
"Nouvelle session" line of ``ui/welcome_page.ui``. One place per text; never assembled from pieces.
"""

from __future__ import annotations

# --- The idle warning ("Êtes-vous toujours là ?") ------------------------------------------------------
# Shown under the heading, updated every second.
WARNING_COUNTDOWN = "La session se terminera dans {wait}."
# Said at once (assertive) when the warning opens.
WARNING_ANNOUNCEMENT = (
    "Êtes-vous toujours là ? Sans réponse, la session se terminera dans {wait} et les informations "
    "saisies seront effacées. Appuyez sur une touche ou choisissez « Continuer » pour continuer."
)
# The "Continuer" button's description (what screen readers that read only the focused control
# hear, Orca 43 among them), updated with the announcements.
WARNING_DESCRIPTION = "La session se terminera dans {wait}. Appuyez sur Entrée pour continuer."
# Said at the intervals (RGAA 13.1: the remaining time is known without looking).
WARNING_REMAINING = "Fin de la session dans {wait}."
SESSION_CONTINUES = "La session continue."

# --- The end of a session ------------------------------------------------------------------------------
NEW_SESSION = "Nouvelle session. Rien de la personne précédente n'a été conservé."
FINISH_BUTTON = "Terminer"  # "Retour à l'accueil" on "Compte activé" reads so on a kiosk
AUTO_RETURN = "Retour automatique à l'accueil dans {wait}."
AUTO_RETURN_STOPPED = "Retour automatique arrêté : vous restez sur cette page."
