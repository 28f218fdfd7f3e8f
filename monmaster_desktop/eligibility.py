"""Step 1 of the account creation: "Suis-je concerné par la plateforme ?".

This module holds the four eligibility questions of the Mon Master platform, their exact French
texts (copied from the platform's own guide, the project's seed document; gettext msgids, their
English in ``translations/en.po``: the GUI says them with ``i18n.gettext``), the explanations shown
when a question is answered *Non*, and the verdict that decides whether the candidate may go on to
step 2 ("Choisir mes identifiants").

It is pure Python and must never import Qt: the GUI (``monmaster_desktop.gui``) renders what is
here, and the account service stores the answers (see :func:`answers_to_json`) together with
:data:`CHARTER_VERSION`.

Texts and their origin:

* copied verbatim from the seed (straight apostrophes ``'`` as in the seed; markdown emphasis and
  link markers removed): the question texts, cases and note, :data:`STEP_LABEL`,
  :data:`STEP_TITLE`, :data:`NEXT_STEP`, :data:`INTRO`, :data:`ANSWER_IS_CORRECT`,
  :data:`ELIGIBLE_TITLE`, :data:`ELIGIBLE_TEXT`;
* written by the project (the seed has none): every ``Question.if_no`` explanation and
  :data:`NOT_CONCERNED_TITLE`.
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass

from monmaster_desktop.i18n import N_, message

__all__ = [
    "ANSWER_IS_CORRECT",
    "CHARTER_VERSION",
    "ELIGIBLE_TEXT",
    "ELIGIBLE_TITLE",
    "INTRO",
    "NEXT_STEP",
    "NOT_CONCERNED_TITLE",
    "QUESTIONS",
    "QUESTION_KEYS",
    "STEP_LABEL",
    "STEP_TITLE",
    "Answer",
    "EligibilityVerdict",
    "Question",
    "QuestionFeedback",
    "answers_from_json",
    "answers_to_json",
    "assess",
    "normalize_answers",
    "parse_answer",
    "question_by_key",
]


class Answer(enum.Enum):
    """A candidate's answer to one question.

    The values are what gets stored in the database (inside the JSON of :func:`answers_to_json`).
    An unanswered question is simply absent from an answers mapping, or mapped to ``None``.
    """

    OUI = "oui"
    NON = "non"


@dataclass(frozen=True)
class Question:
    """One eligibility question, as the platform shows it."""

    key: str
    """Stable identifier, used in answers mappings and in the stored JSON."""
    number: int
    """1 to 4, the order of the seed."""
    text: str
    """The sentence before any list ("Je suis dans l'un des cas suivants :" for questions 3 and 4)."""
    cases: tuple[str, ...]
    """The bullet items, without the leading "- " (empty for questions 1 and 2)."""
    note: str | None
    """The "Attention, …" note of question 3; ``None`` elsewhere."""
    link_text: str | None
    """The phrase of ``text`` or ``cases`` that the GUI shows as a link (it also occurs in ``if_no``)."""
    link_target: str | None
    """A key naming the document the link opens ("charte", "etudes_en_france")."""
    if_no: str
    """Project-written French explanation shown when the answer is *Non*: why the platform is not
    for the candidate and what to do instead. Reads well on its own (screen readers)."""


# --- Texts copied from the seed ---------------------------------------------------------------

STEP_LABEL = N_("Étape 1 sur 2")
STEP_TITLE = N_("Suis-je concerné par la plateforme ?")
NEXT_STEP = N_("Prochaine étape : Choisir mes identifiants")
INTRO = N_(
    "Pour vous assurer que vous êtes bien éligible à la plateforme de candidature, vous devez confirmer que :"
)
# The seed shows "✔ Votre saisie est correcte": the check mark is an icon drawn by the GUI, so it
# is kept out of the text (a screen reader would otherwise read "coche lourde").
ANSWER_IS_CORRECT = N_("Votre saisie est correcte")
ELIGIBLE_TITLE = N_("Je suis éligible")
ELIGIBLE_TEXT = N_(
    "Vous remplissez les conditions pour candidater en première année de master via la plateforme "
    'Mon Master. Cliquez sur "Créer mon compte" ci-dessous pour créer votre compte.'
)

# --- Texts written by the project (not in the seed) -------------------------------------------

# Title of the panel shown instead of ELIGIBLE_TITLE when at least one answer is Non.
NOT_CONCERNED_TITLE = N_("Je ne suis pas concerné par la plateforme")

# Version of the candidate charter ("charte des droits et devoirs du candidat") the candidate
# certifies having read; stored with the answers.
CHARTER_VERSION = "2026-1"

_IF_NO_FIRST_YEAR_MASTER = N_(
    "La plateforme Mon Master sert uniquement à candidater en première année d'une formation "
    "conduisant au diplôme national de master. Pour entrer en deuxième année de master, ou pour "
    "préparer un autre diplôme, adressez-vous directement à l'établissement qui propose la formation."
)
_IF_NO_CHARTER = N_(
    "Pour créer un compte, vous devez avoir lu la charte des droits et devoirs du candidat et vous "
    "engager à la respecter, notamment à ne créer qu'un seul compte sur la plateforme. "
    "Lisez la charte, puis répondez Oui si vous l'acceptez."
)
_IF_NO_LICENCE_GRADE = N_(
    "La plateforme Mon Master est réservée aux titulaires d'un diplôme conférant le grade de licence "
    "et aux étudiants qui sont en train de l'obtenir. Si vous avez l'autorisation de redoubler votre "
    "première année de master, ou si votre cursus prévoit votre admission automatique en première "
    "année de master, vous n'avez pas à passer par la plateforme : contactez votre établissement. "
    "Si vous avez un autre diplôme, renseignez-vous auprès de l'établissement qui propose la formation "
    "sur la validation des acquis (VAP ou VAE)."
)
_IF_NO_RESIDENCE = N_(
    "Vous relevez du dispositif Études en France, géré par Campus France : vous devez candidater sur "
    "la plateforme Études en France, et non sur la plateforme Mon Master."
)

# --- The four questions, in the seed's order --------------------------------------------------

QUESTIONS: tuple[Question, ...] = (
    Question(
        key="first_year_master",
        number=1,
        text=N_(
            "Je souhaite candidater en première année d'une ou plusieurs formations conduisant à "
            "l'obtention du diplôme national de master."
        ),
        cases=(),
        note=None,
        link_text=None,
        link_target=None,
        if_no=_IF_NO_FIRST_YEAR_MASTER,
    ),
    Question(
        key="charter",
        number=2,
        text=N_(
            "Je certifie avoir lu la charte des droits et devoirs du candidat et je m'engage à la "
            "respecter, notamment en ne créant qu'un seul compte sur la plateforme de candidature "
            "Mon Master."
        ),
        cases=(),
        note=None,
        link_text=N_("charte des droits et devoirs du candidat"),
        link_target="charte",
        if_no=_IF_NO_CHARTER,
    ),
    Question(
        key="licence_grade",
        number=3,
        text=N_("Je suis dans l'un des cas suivants :"),
        cases=(
            N_(
                "Je suis titulaire d'un diplôme conférant le grade de licence en France ou à l'étranger "
                "(diplôme national de licence, licence professionnelle, BUT, etc.),"
            ),
            N_("Je suis en cours d'obtention d'un diplôme conférant le grade de licence."),
        ),
        note=N_(
            "Attention, les étudiants autorisés à redoubler en première année de master et les "
            "étudiants dont le cursus prévoit automatiquement l'admission en première année de "
            "master ne sont pas concernés par la plateforme de candidature Mon Master."
        ),
        link_text=None,
        link_target=None,
        if_no=_IF_NO_LICENCE_GRADE,
    ),
    Question(
        key="residence",
        number=4,
        text=N_("Je suis dans l'un des cas suivants :"),
        cases=(
            N_("de nationalité française,"),
            N_(
                "de nationalité d'un pays de l'Espace économique européen, d'Andorre, de Suisse ou de Monaco,"
            ),
            N_(
                "étranger et résidant en France ou dans l'un des pays de l'Espace économique européen, "
                "en Andorre, en Suisse ou à Monaco,"
            ),
            N_(
                "de nationalité extra-communautaire (Espace économique européen, Andorre, Suisse, "
                "Monaco) et mon pays de résidence n'est pas couvert par le dispositif Études en France."
            ),
        ),
        note=None,
        link_text=N_("Études en France"),
        link_target="etudes_en_france",
        if_no=_IF_NO_RESIDENCE,
    ),
)

QUESTION_KEYS: tuple[str, ...] = tuple(q.key for q in QUESTIONS)
_BY_KEY: dict[str, Question] = {q.key: q for q in QUESTIONS}


def question_by_key(key: str) -> Question:
    """Return the question named ``key``; raise ``ValueError`` for an unknown key."""
    try:
        return _BY_KEY[key]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown eligibility question key {key!r}; expected one of {', '.join(QUESTION_KEYS)}"
        ) from None


# --- The verdict ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionFeedback:
    """What the GUI shows under one question."""

    key: str
    answer: Answer | None
    ok: bool | None
    """``True`` for Oui, ``False`` for Non, ``None`` when unanswered."""
    message: str | None
    """:data:`ANSWER_IS_CORRECT` for Oui, the question's ``if_no`` for Non (in the current language, a
    ``Message``), ``None`` when unanswered."""


@dataclass(frozen=True)
class EligibilityVerdict:
    """The outcome of :func:`assess`."""

    is_eligible: bool
    """All four questions answered Oui: the candidate may create an account."""
    all_answered: bool
    feedback: tuple[QuestionFeedback, ...]
    """One entry per question, in question order."""
    refusals: tuple[QuestionFeedback, ...]
    """The entries answered Non, in question order."""
    unanswered: tuple[str, ...]
    """Keys of the unanswered questions, in question order."""


def parse_answer(value: Answer | str | None) -> Answer | None:
    """Turn an :class:`Answer`, its value ("oui"/"non", any case) or ``None`` into an answer.

    Anything else raises ``ValueError``: it is a programming error, not user input.
    """
    if value is None or isinstance(value, Answer):
        return value
    if isinstance(value, str):
        lowered = value.lower()
        for answer in Answer:
            if answer.value == lowered:
                return answer
    raise ValueError(
        f"unknown eligibility answer {value!r}; expected Answer.OUI, Answer.NON, 'oui', 'non' or None"
    )


def normalize_answers(answers: Mapping[str, Answer | str | None]) -> dict[str, Answer | None]:
    """Return ``{key: Answer | None}`` for every question, in question order.

    Raises ``ValueError`` for an unknown key or an unknown value.
    """
    if not isinstance(answers, Mapping):
        raise ValueError(f"eligibility answers must be a mapping, not {type(answers).__name__}")
    for key in answers:
        question_by_key(key)  # raises for an unknown key
    return {key: parse_answer(answers.get(key)) for key in QUESTION_KEYS}


def assess(answers: Mapping[str, Answer | str | None]) -> EligibilityVerdict:
    """Assess the candidate's answers to the four questions.

    ``answers`` maps question keys to :class:`Answer` members, their string values ("oui"/"non",
    case-insensitive) or ``None``; a missing key means unanswered. An unknown key or value raises
    ``ValueError``.
    """
    normalized = normalize_answers(answers)
    feedback: list[QuestionFeedback] = []
    for question in QUESTIONS:
        answer = normalized[question.key]
        if answer is Answer.OUI:
            item = QuestionFeedback(question.key, answer, True, message(ANSWER_IS_CORRECT))
        elif answer is Answer.NON:
            item = QuestionFeedback(question.key, answer, False, message(question.if_no))
        else:
            item = QuestionFeedback(question.key, None, None, None)
        feedback.append(item)
    refusals = tuple(f for f in feedback if f.ok is False)
    unanswered = tuple(f.key for f in feedback if f.answer is None)
    return EligibilityVerdict(
        is_eligible=all(f.answer is Answer.OUI for f in feedback),
        all_answered=not unanswered,
        feedback=tuple(feedback),
        refusals=refusals,
        unanswered=unanswered,
    )


# --- Storage ----------------------------------------------------------------------------------


def answers_to_json(answers: Mapping[str, Answer | str | None]) -> str:
    """Canonical JSON of the answers, as stored with an account.

    Every question key is present, in question order, with "oui", "non" or ``null``; nothing else,
    e.g. ``{"first_year_master": "oui", "charter": "oui", "licence_grade": null, "residence": "non"}``.
    """
    normalized = normalize_answers(answers)
    return json.dumps({key: (a.value if a is not None else None) for key, a in normalized.items()})


def answers_from_json(text: str) -> dict[str, Answer | None]:
    """Read JSON written by :func:`answers_to_json` back into ``{key: Answer | None}``.

    Every question key is present in the result (a missing one is unanswered). Invalid JSON, a
    non-object, an unknown key or an unknown value raises ``ValueError``.
    """
    try:
        return dict(_answers_from_json(text))
    except TypeError as exc:  # unhashable, hence no JSON text either
        raise ValueError(f"eligibility answers are not valid JSON: {exc}") from exc


@functools.lru_cache(maxsize=64)
def _answers_from_json(text: str) -> tuple[tuple[str, Answer | None], ...]:
    # Cached: nearly every account stores one of a handful of texts (all "oui", most often), and
    # listing 100,000 accounts would otherwise parse the same one 100,000 times.
    try:
        data = json.loads(text)
    except (TypeError, json.JSONDecodeError) as exc:
        raise ValueError(f"eligibility answers are not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"eligibility answers JSON must be an object, not {type(data).__name__}")
    return tuple(normalize_answers(data).items())
