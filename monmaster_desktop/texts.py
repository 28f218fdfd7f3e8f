"""The sentences the core builds or shows at run time (account service, mails, command line), in French.

One place per text: the service and the GUI both take their sentences from here. Sentences of the
seed (the platform's own guide) are copied verbatim; the others are written by the project and say
so. Each is a gettext msgid marked ``N_``: it is said in the candidate's language where it is used
(``i18n.message``, ``i18n.gettext``), and its English is in ``translations/en.po``. No Qt import here.
"""

from __future__ import annotations

from monmaster_desktop.i18n import N_, Message, N_plural, message, plural_message, sentences

# --- The activation mail (seed, verbatim, except where marked) ----------------------------------
MAIL_SENDER_NAME = "Mon Master"
# A reserved .invalid domain: the outbox is simulated and nothing can ever be delivered.
MAIL_SENDER_ADDRESS = "ne-pas-repondre@monmaster-desktop.invalid"
ACTIVATION_MAIL_SUBJECT = N_("Activez votre compte Mon Master")  # project-written
ACTIVATION_MAIL_GREETING = N_("Bonjour,")
ACTIVATION_MAIL_WELCOME = N_("Bienvenue sur Mon Master.")
ACTIVATION_MAIL_BODY = N_(
    "Votre compte a été créé. Pour l'activer, veuillez cliquer sur le lien ci-dessous :"
)
ACTIVATION_LINK_TEXT = N_("Activer mon compte")
# The plain-text mail's link line: the link's words, then the address.
ACTIVATION_LINK_LINE = N_("{link} : {url}")
ACTIVATION_MAIL_VALIDITY = N_("Ce lien est valable {hours} heures.")  # project-written
ACTIVATION_MAIL_SIGNATURE = (N_("Cordialement,"), N_("L'équipe Mon Master"))
PLATFORM_DESCRIPTION = N_(
    "Mon Master est la plateforme nationale de candidature en première année des formations "
    "conduisant au diplôme national de master."
)
AUTOMATIC_MESSAGE = N_("Ceci est un message automatique. Merci de ne pas y répondre.")

# --- Registration refusals (project-written) ------------------------------------------------------
PASSWORD_CRITERIA_MISSING = N_("Votre mot de passe ne respecte pas tous les critères. Il manque : {missing}.")
PASSWORD_MISMATCH = N_("Les mots de passe ne correspondent pas.")
CONSENT_MISSING = N_(
    "Vous devez cocher la case « J'accepte que les informations saisies dans le formulaire soient "
    "utilisées pour créer mes identifiants… » pour continuer."
)
NOT_ELIGIBLE = N_(
    "Vous devez répondre « Oui » aux quatre questions de l'étape 1 pour créer un compte sur la "
    "plateforme Mon Master."
)
ACCOUNT_ALREADY_ACTIVE = N_(
    "Un compte activé existe déjà avec cette adresse électronique. Connectez-vous avec vos identifiants."
)
ACCOUNT_ALREADY_PENDING = N_(
    "Un compte existe déjà avec cette adresse électronique, mais il n'est pas encore activé. "
    "Vous pouvez renvoyer le courriel d'activation."
)

# --- Activation (project-written) -----------------------------------------------------------------
ACTIVATION_DONE = N_("Votre compte a bien été activé. Vous pouvez maintenant vous connecter.")
ACTIVATION_ALREADY_ACTIVE = N_("Ce compte est déjà activé. Vous pouvez vous connecter.")
ACTIVATION_EXPIRED = N_(
    "Ce lien d'activation a expiré. Demandez un nouveau courriel d'activation : le nouveau lien sera "
    "valable {hours} heures."
)
ACTIVATION_SUPERSEDED = N_(
    "Ce lien d'activation a été remplacé par un lien plus récent. Utilisez le dernier courriel reçu."
)
ACTIVATION_UNKNOWN = N_(
    "Ce lien d'activation n'est pas valide. Vérifiez que vous avez utilisé le lien complet."
)

# --- Resending the activation mail (project-written) ----------------------------------------------
RESEND_DONE = N_(
    "Un nouveau courriel d'activation a été envoyé à {email}. Le lien précédent ne fonctionne plus."
)
RESEND_ALREADY_ACTIVE = ACTIVATION_ALREADY_ACTIVE
RESEND_UNKNOWN_ADDRESS = N_("Aucun compte n'a été créé avec cette adresse électronique.")

# --- Sign-in (project-written) --------------------------------------------------------------------
SIGN_IN_FAILED = N_("Adresse électronique ou mot de passe incorrect.")
SIGN_IN_PENDING = N_(
    "Votre compte n'est pas encore activé. Cliquez sur le lien du courriel d'activation, ou "
    "demandez un nouveau courriel."
)
SIGN_IN_THROTTLED = N_(
    "Trop de tentatives de connexion ont échoué pour cette adresse. Réessayez dans {wait}."
)


# --- Storage failures (project-written; docs/reliability.md) --------------------------------------
# Keyed by StorageProblem's values (accounts.store): why SQLite or the disk refused, then what to do.
STORAGE_REASONS = {
    "full": N_("l'espace disque est plein, ou la base de données a atteint sa taille maximale."),
    "read_only": N_("la base de données ou son dossier est en lecture seule."),
    "busy": N_("la base de données est occupée par un autre programme."),
    "damaged": N_("le fichier de la base de données est endommagé."),
    "unavailable": N_("le disque ou le dossier des données ne répond pas (erreur d'accès)."),
}
STORAGE_ADVICE = {
    "full": N_("Libérez de la place sur le disque, puis réessayez."),
    "read_only": N_("Rétablissez l'accès en écriture, puis réessayez."),
    "busy": N_("Réessayez dans un instant."),
    "damaged": N_(
        "Relancez l'application : elle mettra le fichier endommagé de côté et repartira sur une base neuve."
    ),
    "unavailable": N_("Vérifiez le disque et le dossier des données, puis réessayez."),
}
# What a service result says (the GUI shows it where the candidate acted; nothing typed is lost).
STORAGE_FAILED = N_("Impossible d'enregistrer : {reason} {advice}")
# What the command line and the start-up say to the operator.
STORAGE_UNUSABLE = N_(
    "Impossible d'utiliser la base de données {path} : {reason} {advice} Vous pouvez aussi choisir un "
    "autre dossier avec --data-dir DOSSIER."
)
INPUT_KEPT = N_("Vos saisies sont conservées.")

# --- A damaged database file (project-written) ----------------------------------------------------
DATABASE_DAMAGED = N_(
    "La base de données {path} est endommagée ou n'est pas une base de Mon Master Desktop (fichier "
    "tronqué, abîmé ou d'un autre type) : elle ne peut pas être ouverte. Elle n'a pas été modifiée."
)
DATABASE_DAMAGED_CLI_ADVICE = N_(
    "Lancez l'application graphique, qui la met de côté sans la modifier et repart sur une base neuve, "
    "ou choisissez un autre dossier avec --data-dir DOSSIER."
)
DATABASE_SET_ASIDE_TITLE = N_("Base de données endommagée")
DATABASE_SET_ASIDE = N_(
    "La base de données de Mon Master Desktop était endommagée et ne pouvait pas être ouverte. Elle a "
    "été mise de côté sans être modifiée, sous le nom « {name} », dans le dossier {folder}.\n\n"
    "L'application repart sur une base de données neuve : les comptes et les courriels enregistrés "
    "avant ne s'y trouvent pas."
)
DATABASE_SET_ASIDE_FAILED = N_(
    "La base de données {path} est endommagée et n'a pas pu être mise de côté ({reason}). Elle n'a pas "
    "été modifiée. Déplacez-la vous-même, ou choisissez un autre dossier avec --data-dir DOSSIER."
)

# --- The data folder (project-written) ------------------------------------------------------------
DATA_DIR_NOT_A_FOLDER = N_(
    "« {path} » n'est pas un dossier : Mon Master Desktop ne peut pas y enregistrer ses données. "
    "Choisissez un dossier avec --data-dir DOSSIER."
)
DATA_DIR_CANNOT_CREATE = N_(
    "Impossible de créer le dossier des données {path} ({reason}). Choisissez un autre dossier avec "
    "--data-dir DOSSIER."
)
DATA_DIR_READ_ONLY = N_(
    "Le dossier des données {path} est en lecture seule (droits d'accès ou système de fichiers en "
    "lecture seule) : Mon Master Desktop ne peut pas y enregistrer les comptes. Rendez-le accessible en "
    "écriture, ou choisissez un autre dossier avec --data-dir DOSSIER."
)
DATA_DIR_OTHER_OWNER = N_(
    "Le dossier des données {path} appartient à un autre utilisateur, qui ne vous permet pas d'y "
    "écrire : Mon Master Desktop ne peut pas y enregistrer les comptes. Choisissez un dossier à vous "
    "avec --data-dir DOSSIER."
)
# Why the system refused, by errno name; any other error is named by its number.
OS_ERROR_REASONS = {
    "EACCES": N_("droits insuffisants"),
    "EPERM": N_("droits insuffisants"),
    "EROFS": N_("système de fichiers en lecture seule"),
    "ENOSPC": N_("disque plein"),
    "EDQUOT": N_("quota de disque atteint"),
    "ENAMETOOLONG": N_("nom trop long"),
    "ENOENT": N_("dossier parent introuvable"),
    "ENOTDIR": N_("un élément du chemin n'est pas un dossier"),
    "EEXIST": N_("un fichier porte déjà ce nom"),
}
OS_ERROR_OTHER = N_("erreur système n° {number}")

# --- No screen (project-written) ------------------------------------------------------------------
NO_DISPLAY = N_(
    "Mon Master Desktop ne peut pas ouvrir sa fenêtre : aucun écran n'est disponible (ni DISPLAY ni "
    "WAYLAND_DISPLAY n'est défini, comme dans une session SSH ou sur un serveur). Lancez-le depuis une "
    "session de bureau."
)
DISPLAY_UNREACHABLE = N_(
    "Mon Master Desktop ne peut pas ouvrir sa fenêtre : l'écran « {display} » ne répond pas. Lancez-le "
    "depuis une session de bureau, ou vérifiez la variable DISPLAY."
)
DISPLAY_PLATFORM_FAILED = N_(
    "Mon Master Desktop ne peut pas ouvrir sa fenêtre : Qt n'a pu utiliser aucun affichage (une "
    "bibliothèque système manque peut-être ; les messages de Qt sont repris ci-dessous)."
)
WITHOUT_A_SCREEN = N_(
    "Sans écran, ces commandes fonctionnent : monmaster-desktop --self-test, "
    "monmaster-desktop --screenshots DOSSIER, monmaster-desktop accounts list, "
    "monmaster-desktop outbox list, monmaster-desktop outbox show ID et les outils de l'opérateur "
    "(monmaster-desktop operator set-pin, export, purge)."
)


# How a wait reads: "45 secondes", "2 minutes", "1 heure et 5 minutes".
WAIT_SECONDS = N_plural("{count} seconde", "{count} secondes")
WAIT_MINUTES = N_plural("{count} minute", "{count} minutes")
WAIT_HOURS = N_plural("{count} heure", "{count} heures")
WAIT_HOURS_AND_MINUTES = N_("{hours} et {minutes}")


def format_wait(seconds: int) -> Message:
    """A wait time in words, in the current language: "45 secondes", "2 minutes", "1 heure et 5 minutes"."""
    seconds = max(1, int(seconds))
    if seconds < 60:
        return plural_message(*WAIT_SECONDS, seconds)
    minutes = -(-seconds // 60)  # round up: never announce a shorter wait than the real one
    if minutes < 60:
        return plural_message(*WAIT_MINUTES, minutes)
    hours, minutes = divmod(minutes, 60)
    if not minutes:
        return plural_message(*WAIT_HOURS, hours)
    return message(
        WAIT_HOURS_AND_MINUTES,
        hours=plural_message(*WAIT_HOURS, hours),
        minutes=plural_message(*WAIT_MINUTES, minutes),
    )


# --- GUI pages built at run time (project-written) --------------------------------------------------
ACCOUNT_CREATED = N_(
    "Votre compte a été créé. Il sera actif dès que vous aurez cliqué sur le lien du courriel."
)
MAIL_SENT_TO = N_("Un courriel d'activation a été envoyé à l'adresse {email}.")
NEW_MAIL_ANNOUNCEMENT = N_("Nouveau courriel dans la boîte de réception : {subject}.")
SIGNED_IN_WELCOME = N_("Vous êtes connecté à votre compte Mon Master.")
SIGNED_IN_EMAIL = N_("Adresse électronique : {email}")
SIGNED_IN_CREATED = N_("Compte créé le {moment}")
SIGNED_IN_ACTIVATED = N_("Compte activé le {moment}")
SIGNED_IN_LAST = N_("Connexion en cours depuis le {moment}")
SIGNING_IN = N_("Connexion en cours.")
SIGNED_OUT = N_("Vous êtes déconnecté.")
NOT_AN_ACTIVATION_LINK = N_("Ce lien n'est pas un lien d'activation de Mon Master.")
STEP_PAGE_ANNOUNCEMENT = N_("{step} : {heading}")
STEP_2_LABEL = N_("Étape 2 sur 2")  # the seed's (step 1's is eligibility.STEP_LABEL)
UNEXPECTED_ERROR = N_("Une erreur inattendue est survenue. Vos saisies sont conservées ; réessayez.")


# A moment on screen: the date and the time in the locale's own formats (the GUI makes them), joined.
MOMENT = N_("{date} à {time}")

# --- Counted sentences of the GUI (project-written): gettext has plural forms, Qt's Python lupdate
# does not (docs/architecture.md, "Languages").
FORM_ERRORS = N_plural("Le formulaire contient {count} erreur.", "Le formulaire contient {count} erreurs.")
NEW_MAILS = N_plural("{count} nouveau courriel", "{count} nouveaux courriels")
LOG_ENTRIES = N_plural("{count} entrée.", "{count} entrées.")

# --- The operator's configuration file (project-written; docs/kiosk.md) -----------------------------
CONFIG_MISSING = N_("Le fichier de configuration {path} est introuvable.")
CONFIG_UNREADABLE = N_("Le fichier de configuration {path} ne peut pas être lu (droits d'accès ?).")
CONFIG_NOT_TOML = N_("Le fichier de configuration {path} n'est pas un fichier TOML valide : {reason}.")
CONFIG_UNKNOWN_KEY = N_(
    "Le fichier de configuration {path} contient la clé inconnue « {key} ». Clés possibles : {known}."
)
CONFIG_BAD_VALUE = N_("Dans le fichier de configuration {path}, la valeur de « {key} » doit être {expected}.")
CONFIG_EXPECTED_BOOLEAN = N_("true ou false")
CONFIG_EXPECTED_SECONDS = N_("un nombre entier de secondes entre {low} et {high}")
CONFIG_EXPECTED_ONE_OF = N_("l'une de ces valeurs : {choices}")

# --- One instance per data folder (project-written) ---------------------------------------------------
ALREADY_RUNNING_TITLE = N_("Mon Master Desktop est déjà ouvert")
ALREADY_RUNNING = N_(
    "Mon Master Desktop est déjà ouvert sur le dossier des données {folder}. Utilisez la fenêtre déjà "
    "ouverte, ou quittez-la avant de recommencer. Pour utiliser un autre dossier : --data-dir DOSSIER."
)
LOCK_UNAVAILABLE = N_(
    "Impossible de créer le fichier de verrou {path} ({reason}) : Mon Master Desktop ne peut pas "
    "vérifier qu'il n'est pas déjà ouvert sur ce dossier."
)

# --- The operator's PIN (project-written) -----------------------------------------------------------
PIN_RULE = N_("Le code opérateur doit comporter de 6 à 12 chiffres, sans espace ni autre caractère.")
PIN_NOT_SET = N_(
    "Aucun code opérateur n'est défini. Définissez-en un avec « monmaster-desktop operator set-pin »."
)
PIN_REFUSED = N_("Code opérateur incorrect.")
PIN_REFUSED_THEN_WAIT = N_("Code opérateur incorrect. Trop d'essais : réessayez dans {wait}.")
PIN_THROTTLED = N_("Trop d'essais de code opérateur. Réessayez dans {wait}.")
PIN_MISMATCH = N_("Les deux codes saisis ne sont pas identiques.")
PIN_SET_DONE = N_("Le code opérateur est enregistré.")

# --- The operator's tools (project-written) -------------------------------------------------------------
# Keyed by AuditAction's values (accounts.operator).
AUDIT_ACTIONS = {
    "pin_set": N_("Code opérateur défini"),
    "pin_refused": N_("Code opérateur refusé"),
    "console_opened": N_("Console ouverte"),
    "export_csv": N_("Export CSV"),
    "export_json": N_("Export JSON"),
    "purge": N_("Effacement des données des candidats"),
    "kiosk_quit": N_("Borne quittée"),
}
# Counted: gettext's plural forms (the count decides the words in each language).
EXPORT_DONE = N_plural("{count} compte exporté dans {path}.", "{count} comptes exportés dans {path}.")
EXPORT_AUDIT_DONE = N_("Journal des actions exporté dans {path}.")
EXPORT_FAILED = N_(
    "L'export n'a pas pu être écrit dans {path} ({reason}). Aucun fichier partiel n'a été laissé."
)
# Two counts: each said by its own plural, then put in the sentence.
PURGE_DONE = N_(
    "Données des candidats effacées : {accounts} et {mails}. Les fichiers du dossier des données n'en "
    "gardent aucune trace."
)
PURGED_ACCOUNTS = N_plural("{count} compte", "{count} comptes")
PURGED_MAILS = N_plural("{count} courriel", "{count} courriels")
PURGE_SET_ASIDE_DONE = N_plural(
    "{count} copie de base endommagée mise de côté a aussi été supprimée.",
    "{count} copies de base endommagée mises de côté ont aussi été supprimées.",
)
PURGE_NEEDS_YES = N_(
    "L'effacement de toutes les données des candidats est définitif : ajoutez --yes pour confirmer."
)


def export_done(accounts: int, path: object) -> Message:
    """ "3 comptes exportés dans /…/inscriptions.csv." """
    return plural_message(*EXPORT_DONE, accounts, path=path)


def purge_done(accounts: int, mails: int, set_aside_files: int = 0) -> Message:
    """What a purge did: the accounts and mails deleted, and the damaged copies if there were any."""
    done = message(
        PURGE_DONE,
        accounts=plural_message(*PURGED_ACCOUNTS, accounts),
        mails=plural_message(*PURGED_MAILS, mails),
    )
    if not set_aside_files:
        return done
    return sentences(done, plural_message(*PURGE_SET_ASIDE_DONE, set_aside_files))


# --- The operator's console (project-written; counted, hence here: docs/architecture.md, "Languages") ---
# Today's and the total figures: one sentence each, its counts said by their own plurals.
FIGURES_TODAY = N_("Aujourd'hui ({day}) : {created}, dont {pending} et {active}.")
FIGURES_TOTAL = N_("Depuis le début : {created}, dont {pending} et {active}.")
ACCOUNTS_CREATED = N_plural("{count} compte créé", "{count} comptes créés")
ACCOUNTS_PENDING = N_plural("{count} en attente d'activation", "{count} en attente d'activation")
ACCOUNTS_ACTIVE = N_plural("{count} activé", "{count} activés")
# The purge's confirmation dialog.
PURGE_WARNING = N_plural(
    "{count} compte et ses courriels simulés seront effacés définitivement de cet ordinateur. "
    "Exportez-les d'abord si vous en avez besoin.",
    "{count} comptes et leurs courriels simulés seront effacés définitivement de cet ordinateur. "
    "Exportez-les d'abord si vous en avez besoin.",
)


def figures(template: str, created: int, pending: int, active: int, /, **params: object) -> Message:
    """One line of the figures ("… : 3 comptes créés, dont 1 en attente d'activation et 2 activés")."""
    return message(
        template,
        created=plural_message(*ACCOUNTS_CREATED, created),
        pending=plural_message(*ACCOUNTS_PENDING, pending),
        active=plural_message(*ACCOUNTS_ACTIVE, active),
        **params,
    )
