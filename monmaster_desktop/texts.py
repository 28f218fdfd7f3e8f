"""French texts built or shown at run time by the core (account service, mails, command line).

One place per text: the service and the GUI both take their sentences from here. Sentences of the
seed (the platform's own guide) are copied verbatim; the others are written by the project and say
so. No Qt import here.
"""

from __future__ import annotations

from datetime import datetime

# --- The activation mail (seed, verbatim, except where marked) ----------------------------------
MAIL_SENDER_NAME = "Mon Master"
# A reserved .invalid domain: the outbox is simulated and nothing can ever be delivered.
MAIL_SENDER_ADDRESS = "ne-pas-repondre@monmaster-desktop.invalid"
ACTIVATION_MAIL_SUBJECT = "Activez votre compte Mon Master"  # project-written
ACTIVATION_MAIL_GREETING = "Bonjour,"
ACTIVATION_MAIL_WELCOME = "Bienvenue sur Mon Master."
ACTIVATION_MAIL_BODY = "Votre compte a été créé. Pour l'activer, veuillez cliquer sur le lien ci-dessous :"
ACTIVATION_LINK_TEXT = "Activer mon compte"
ACTIVATION_MAIL_VALIDITY = "Ce lien est valable {hours} heures."  # project-written
ACTIVATION_MAIL_SIGNATURE = ("Cordialement,", "L'équipe Mon Master")
PLATFORM_DESCRIPTION = (
    "Mon Master est la plateforme nationale de candidature en première année des formations "
    "conduisant au diplôme national de master."
)
AUTOMATIC_MESSAGE = "Ceci est un message automatique. Merci de ne pas y répondre."

# --- Registration refusals (project-written) ------------------------------------------------------
PASSWORD_CRITERIA_MISSING = "Votre mot de passe ne respecte pas tous les critères. Il manque : {missing}."
PASSWORD_MISMATCH = "Les mots de passe ne correspondent pas."
CONSENT_MISSING = (
    "Vous devez cocher la case « J'accepte que les informations saisies dans le formulaire soient "
    "utilisées pour créer mes identifiants… » pour continuer."
)
NOT_ELIGIBLE = (
    "Vous devez répondre « Oui » aux quatre questions de l'étape 1 pour créer un compte sur la "
    "plateforme Mon Master."
)
ACCOUNT_ALREADY_ACTIVE = (
    "Un compte activé existe déjà avec cette adresse électronique. Connectez-vous avec vos identifiants."
)
ACCOUNT_ALREADY_PENDING = (
    "Un compte existe déjà avec cette adresse électronique, mais il n'est pas encore activé. "
    "Vous pouvez renvoyer le courriel d'activation."
)

# --- Activation (project-written) -----------------------------------------------------------------
ACTIVATION_DONE = "Votre compte a bien été activé. Vous pouvez maintenant vous connecter."
ACTIVATION_ALREADY_ACTIVE = "Ce compte est déjà activé. Vous pouvez vous connecter."
ACTIVATION_EXPIRED = (
    "Ce lien d'activation a expiré. Demandez un nouveau courriel d'activation : le nouveau lien sera "
    "valable {hours} heures."
)
ACTIVATION_SUPERSEDED = (
    "Ce lien d'activation a été remplacé par un lien plus récent. Utilisez le dernier courriel reçu."
)
ACTIVATION_UNKNOWN = "Ce lien d'activation n'est pas valide. Vérifiez que vous avez utilisé le lien complet."

# --- Resending the activation mail (project-written) ----------------------------------------------
RESEND_DONE = "Un nouveau courriel d'activation a été envoyé à {email}. Le lien précédent ne fonctionne plus."
RESEND_ALREADY_ACTIVE = ACTIVATION_ALREADY_ACTIVE
RESEND_UNKNOWN_ADDRESS = "Aucun compte n'a été créé avec cette adresse électronique."

# --- Sign-in (project-written) --------------------------------------------------------------------
SIGN_IN_FAILED = "Adresse électronique ou mot de passe incorrect."
SIGN_IN_PENDING = (
    "Votre compte n'est pas encore activé. Cliquez sur le lien du courriel d'activation, ou "
    "demandez un nouveau courriel."
)
SIGN_IN_THROTTLED = "Trop de tentatives de connexion ont échoué pour cette adresse. Réessayez dans {wait}."


# --- Storage failures (project-written; docs/reliability.md) --------------------------------------
# Keyed by StorageProblem's values (accounts.store): why SQLite or the disk refused, then what to do.
STORAGE_REASONS = {
    "full": "l'espace disque est plein, ou la base de données a atteint sa taille maximale.",
    "read_only": "la base de données ou son dossier est en lecture seule.",
    "busy": "la base de données est occupée par un autre programme.",
    "damaged": "le fichier de la base de données est endommagé.",
    "unavailable": "le disque ou le dossier des données ne répond pas (erreur d'accès).",
}
STORAGE_ADVICE = {
    "full": "Libérez de la place sur le disque, puis réessayez.",
    "read_only": "Rétablissez l'accès en écriture, puis réessayez.",
    "busy": "Réessayez dans un instant.",
    "damaged": (
        "Relancez l'application : elle mettra le fichier endommagé de côté et repartira sur une base neuve."
    ),
    "unavailable": "Vérifiez le disque et le dossier des données, puis réessayez.",
}
# What a service result says (the GUI shows it where the candidate acted; nothing typed is lost).
STORAGE_FAILED = "Impossible d'enregistrer : {reason} {advice}"
# What the command line and the start-up say to the operator.
STORAGE_UNUSABLE = (
    "Impossible d'utiliser la base de données {path} : {reason} {advice} Vous pouvez aussi choisir un "
    "autre dossier avec --data-dir DOSSIER."
)
INPUT_KEPT = "Vos saisies sont conservées."

# --- A damaged database file (project-written) ----------------------------------------------------
DATABASE_DAMAGED = (
    "La base de données {path} est endommagée ou n'est pas une base de Mon Master Desktop (fichier "
    "tronqué, abîmé ou d'un autre type) : elle ne peut pas être ouverte. Elle n'a pas été modifiée."
)
DATABASE_DAMAGED_CLI_ADVICE = (
    "Lancez l'application graphique, qui la met de côté sans la modifier et repart sur une base neuve, "
    "ou choisissez un autre dossier avec --data-dir DOSSIER."
)
DATABASE_SET_ASIDE_TITLE = "Base de données endommagée"
DATABASE_SET_ASIDE = (
    "La base de données de Mon Master Desktop était endommagée et ne pouvait pas être ouverte. Elle a "
    "été mise de côté sans être modifiée, sous le nom « {name} », dans le dossier {folder}.\n\n"
    "L'application repart sur une base de données neuve : les comptes et les courriels enregistrés "
    "avant ne s'y trouvent pas."
)
DATABASE_SET_ASIDE_FAILED = (
    "La base de données {path} est endommagée et n'a pas pu être mise de côté ({reason}). Elle n'a pas "
    "été modifiée. Déplacez-la vous-même, ou choisissez un autre dossier avec --data-dir DOSSIER."
)

# --- The data folder (project-written) ------------------------------------------------------------
DATA_DIR_NOT_A_FOLDER = (
    "« {path} » n'est pas un dossier : Mon Master Desktop ne peut pas y enregistrer ses données. "
    "Choisissez un dossier avec --data-dir DOSSIER."
)
DATA_DIR_CANNOT_CREATE = (
    "Impossible de créer le dossier des données {path} ({reason}). Choisissez un autre dossier avec "
    "--data-dir DOSSIER."
)
DATA_DIR_READ_ONLY = (
    "Le dossier des données {path} est en lecture seule (droits d'accès ou système de fichiers en "
    "lecture seule) : Mon Master Desktop ne peut pas y enregistrer les comptes. Rendez-le accessible en "
    "écriture, ou choisissez un autre dossier avec --data-dir DOSSIER."
)
DATA_DIR_OTHER_OWNER = (
    "Le dossier des données {path} appartient à un autre utilisateur, qui ne vous permet pas d'y "
    "écrire : Mon Master Desktop ne peut pas y enregistrer les comptes. Choisissez un dossier à vous "
    "avec --data-dir DOSSIER."
)
# Why the system refused, by errno name; any other error is named by its number.
OS_ERROR_REASONS = {
    "EACCES": "droits insuffisants",
    "EPERM": "droits insuffisants",
    "EROFS": "système de fichiers en lecture seule",
    "ENOSPC": "disque plein",
    "EDQUOT": "quota de disque atteint",
    "ENAMETOOLONG": "nom trop long",
    "ENOENT": "dossier parent introuvable",
    "ENOTDIR": "un élément du chemin n'est pas un dossier",
    "EEXIST": "un fichier porte déjà ce nom",
}
OS_ERROR_OTHER = "erreur système n° {number}"

# --- No screen (project-written) ------------------------------------------------------------------
NO_DISPLAY = (
    "Mon Master Desktop ne peut pas ouvrir sa fenêtre : aucun écran n'est disponible (ni DISPLAY ni "
    "WAYLAND_DISPLAY n'est défini, comme dans une session SSH ou sur un serveur). Lancez-le depuis une "
    "session de bureau."
)
DISPLAY_UNREACHABLE = (
    "Mon Master Desktop ne peut pas ouvrir sa fenêtre : l'écran « {display} » ne répond pas. Lancez-le "
    "depuis une session de bureau, ou vérifiez la variable DISPLAY."
)
DISPLAY_PLATFORM_FAILED = (
    "Mon Master Desktop ne peut pas ouvrir sa fenêtre : Qt n'a pu utiliser aucun affichage (une "
    "bibliothèque système manque peut-être ; les messages de Qt sont repris ci-dessous)."
)
WITHOUT_A_SCREEN = (
    "Sans écran, ces commandes fonctionnent : monmaster-desktop --self-test, "
    "monmaster-desktop --screenshots DOSSIER, monmaster-desktop accounts list, "
    "monmaster-desktop outbox list, monmaster-desktop outbox show ID et les outils de l'opérateur "
    "(monmaster-desktop operator set-pin, export, purge)."
)


def format_wait(seconds: int) -> str:
    """A wait time in words: "45 secondes", "2 minutes", "1 heure et 5 minutes"."""
    seconds = max(1, int(seconds))
    if seconds < 60:
        return f"{seconds} seconde{'s' if seconds > 1 else ''}"
    minutes = -(-seconds // 60)  # round up: never announce a shorter wait than the real one
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes > 1 else ''}"
    hours, minutes = divmod(minutes, 60)
    text = f"{hours} heure{'s' if hours > 1 else ''}"
    if minutes:
        text += f" et {minutes} minute{'s' if minutes > 1 else ''}"
    return text


# --- GUI pages built at run time (project-written) --------------------------------------------------
ACCOUNT_CREATED = "Votre compte a été créé. Il sera actif dès que vous aurez cliqué sur le lien du courriel."
MAIL_SENT_TO = "Un courriel d'activation a été envoyé à l'adresse {email}."
NEW_MAIL_ANNOUNCEMENT = "Nouveau courriel dans la boîte de réception : {subject}."
SIGNED_IN_WELCOME = "Vous êtes connecté à votre compte Mon Master."
SIGNED_IN_EMAIL = "Adresse électronique : {email}"
SIGNED_IN_CREATED = "Compte créé le {moment}"
SIGNED_IN_ACTIVATED = "Compte activé le {moment}"
SIGNED_IN_LAST = "Connexion en cours depuis le {moment}"
SIGNING_IN = "Connexion en cours."
SIGNED_OUT = "Vous êtes déconnecté."
NOT_AN_ACTIVATION_LINK = "Ce lien n'est pas un lien d'activation de Mon Master."
STEP_PAGE_ANNOUNCEMENT = "{step} : {heading}"
UNEXPECTED_ERROR = "Une erreur inattendue est survenue. Vos saisies sont conservées ; réessayez."


def format_moment(moment: datetime) -> str:
    """A UTC time shown in the computer's local time, French style: "27/11/2026 à 09:41"."""
    return moment.astimezone().strftime("%d/%m/%Y à %H:%M")


# --- The operator's configuration file (project-written; docs/kiosk.md) -----------------------------
CONFIG_MISSING = "Le fichier de configuration {path} est introuvable."
CONFIG_UNREADABLE = "Le fichier de configuration {path} ne peut pas être lu (droits d'accès ?)."
CONFIG_NOT_TOML = "Le fichier de configuration {path} n'est pas un fichier TOML valide : {reason}."
CONFIG_UNKNOWN_KEY = (
    "Le fichier de configuration {path} contient la clé inconnue « {key} ». Clés possibles : {known}."
)
CONFIG_BAD_VALUE = "Dans le fichier de configuration {path}, la valeur de « {key} » doit être {expected}."
CONFIG_EXPECTED_BOOLEAN = "true ou false"
CONFIG_EXPECTED_SECONDS = "un nombre entier de secondes entre {low} et {high}"
CONFIG_EXPECTED_ONE_OF = "l'une de ces valeurs : {choices}"

# --- One instance per data folder (project-written) ---------------------------------------------------
ALREADY_RUNNING_TITLE = "Mon Master Desktop est déjà ouvert"
ALREADY_RUNNING = (
    "Mon Master Desktop est déjà ouvert sur le dossier des données {folder}. Utilisez la fenêtre déjà "
    "ouverte, ou quittez-la avant de recommencer. Pour utiliser un autre dossier : --data-dir DOSSIER."
)
LOCK_UNAVAILABLE = (
    "Impossible de créer le fichier de verrou {path} ({reason}) : Mon Master Desktop ne peut pas "
    "vérifier qu'il n'est pas déjà ouvert sur ce dossier."
)

# --- The operator's PIN (project-written) -----------------------------------------------------------
PIN_RULE = "Le code opérateur doit comporter de 6 à 12 chiffres, sans espace ni autre caractère."
PIN_NOT_SET = (
    "Aucun code opérateur n'est défini. Définissez-en un avec « monmaster-desktop operator set-pin »."
)
PIN_REFUSED = "Code opérateur incorrect."
PIN_REFUSED_THEN_WAIT = "Code opérateur incorrect. Trop d'essais : réessayez dans {wait}."
PIN_THROTTLED = "Trop d'essais de code opérateur. Réessayez dans {wait}."
PIN_MISMATCH = "Les deux codes saisis ne sont pas identiques."
PIN_SET_DONE = "Le code opérateur est enregistré."

# --- The operator's tools (project-written) -------------------------------------------------------------
# Keyed by AuditAction's values (accounts.operator).
AUDIT_ACTIONS = {
    "pin_set": "Code opérateur défini",
    "pin_refused": "Code opérateur refusé",
    "console_opened": "Console ouverte",
    "export_csv": "Export CSV",
    "export_json": "Export JSON",
    "purge": "Effacement des données des candidats",
    "kiosk_quit": "Borne quittée",
}
EXPORT_DONE = "{count} compte(s) exporté(s) dans {path}."
EXPORT_AUDIT_DONE = "Journal des actions exporté dans {path}."
EXPORT_FAILED = "L'export n'a pas pu être écrit dans {path} ({reason}). Aucun fichier partiel n'a été laissé."
PURGE_DONE = (
    "Données des candidats effacées : {accounts} compte(s) et {mails} courriel(s). Les fichiers du dossier "
    "des données n'en gardent aucune trace."
)
PURGE_SET_ASIDE_DONE = "{count} copie(s) de base endommagée mise(s) de côté ont aussi été supprimée(s)."
PURGE_NEEDS_YES = (
    "L'effacement de toutes les données des candidats est définitif : ajoutez --yes pour confirmer."
)
