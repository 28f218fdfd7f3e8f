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
