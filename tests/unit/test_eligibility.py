"""Step 1 "Suis-je concerné par la plateforme ?": the four questions, their texts and the verdict."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monmaster_desktop import eligibility
from monmaster_desktop.eligibility import (
    ANSWER_IS_CORRECT,
    CHARTER_VERSION,
    ELIGIBLE_TEXT,
    ELIGIBLE_TITLE,
    INTRO,
    NEXT_STEP,
    NOT_CONCERNED_TITLE,
    QUESTION_KEYS,
    QUESTIONS,
    STEP_LABEL,
    STEP_TITLE,
    Answer,
    answers_from_json,
    answers_to_json,
    assess,
    question_by_key,
)

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seed"

ALL_OUI = dict.fromkeys(QUESTION_KEYS, Answer.OUI)


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _seed_text() -> str:
    """The seed documents as plain text: markdown links and emphasis removed, whitespace collapsed."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt")))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [charte …](#) -> charte …
    text = text.replace("**", "").replace("*", "")  # **bold**, *italics*
    return _collapse(text)


def _with(**answers):
    return {**ALL_OUI, **answers}


# --- what the candidate reads ---------------------------------------------------------------


def test_four_questions_in_seed_order():
    assert QUESTION_KEYS == ("first_year_master", "charter", "licence_grade", "residence")
    assert [q.number for q in QUESTIONS] == [1, 2, 3, 4]
    assert [question_by_key(k) for k in QUESTION_KEYS] == list(QUESTIONS)


def test_question_1_asks_about_the_first_year_of_master_verbatim():
    assert question_by_key("first_year_master").text == (
        "Je souhaite candidater en première année d'une ou plusieurs formations conduisant à "
        "l'obtention du diplôme national de master."
    )
    assert question_by_key("first_year_master").cases == ()


def test_question_2_links_the_candidate_charter():
    q = question_by_key("charter")
    assert q.text == (
        "Je certifie avoir lu la charte des droits et devoirs du candidat et je m'engage à la respecter, "
        "notamment en ne créant qu'un seul compte sur la plateforme de candidature Mon Master."
    )
    assert q.link_text == "charte des droits et devoirs du candidat"
    assert q.link_text in q.text
    assert q.link_target == "charte"


def test_question_3_lists_both_licence_cases_and_the_attention_note():
    q = question_by_key("licence_grade")
    assert q.text == "Je suis dans l'un des cas suivants :"
    assert q.cases == (
        "Je suis titulaire d'un diplôme conférant le grade de licence en France ou à l'étranger "
        "(diplôme national de licence, licence professionnelle, BUT, etc.),",
        "Je suis en cours d'obtention d'un diplôme conférant le grade de licence.",
    )
    assert q.note is not None
    assert q.note.startswith("Attention, les étudiants autorisés à redoubler en première année de master")
    assert q.note.endswith("ne sont pas concernés par la plateforme de candidature Mon Master.")
    assert q.link_text is None and q.link_target is None


def test_question_4_lists_the_four_nationality_cases_and_links_etudes_en_france():
    q = question_by_key("residence")
    assert q.text == "Je suis dans l'un des cas suivants :"
    assert len(q.cases) == 4
    assert q.cases[0] == "de nationalité française,"
    assert q.cases[-1] == (
        "de nationalité extra-communautaire (Espace économique européen, Andorre, Suisse, Monaco) "
        "et mon pays de résidence n'est pas couvert par le dispositif Études en France."
    )
    assert q.link_text == "Études en France"
    assert q.link_text in q.cases[-1]
    assert q.link_target == "etudes_en_france"


def test_only_question_3_has_a_note():
    assert [q.key for q in QUESTIONS if q.note] == ["licence_grade"]


def test_step_header_and_panels_read_as_on_the_platform():
    assert STEP_LABEL == "Étape 1 sur 2"
    assert STEP_TITLE == "Suis-je concerné par la plateforme ?"
    assert NEXT_STEP == "Prochaine étape : Choisir mes identifiants"
    assert ANSWER_IS_CORRECT == "Votre saisie est correcte"  # the ✔ is an icon, not text
    assert ELIGIBLE_TITLE == "Je suis éligible"
    assert ELIGIBLE_TEXT == (
        "Vous remplissez les conditions pour candidater en première année de master via la plateforme "
        'Mon Master. Cliquez sur "Créer mon compte" ci-dessous pour créer votre compte.'
    )
    assert NOT_CONCERNED_TITLE and NOT_CONCERNED_TITLE != ELIGIBLE_TITLE
    assert CHARTER_VERSION


def test_texts_use_the_seed_apostrophes_and_no_markdown():
    for q in QUESTIONS:
        for s in (q.text, *q.cases, q.note or "", q.if_no):
            assert "’" not in s
            assert "*" not in s and "[" not in s and "](" not in s
            assert not s.startswith("- ")
            assert s == s.strip()


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason=f"seed folder {SEED_DIR} not present in this checkout")
def test_every_seed_text_occurs_verbatim_in_the_seed():
    seed = _seed_text()
    copied = [STEP_LABEL, STEP_TITLE, NEXT_STEP, INTRO, ANSWER_IS_CORRECT, ELIGIBLE_TITLE, ELIGIBLE_TEXT]
    for q in QUESTIONS:
        copied += [q.text, *q.cases, *([q.note] if q.note else [])]
        if q.link_text:
            copied.append(q.link_text)
    for text in copied:
        assert _collapse(text) in seed, text


# --- the verdict ----------------------------------------------------------------------------


def test_all_oui_makes_me_eligible_with_a_tick_under_each_question():
    verdict = assess(ALL_OUI)
    assert verdict.is_eligible
    assert verdict.all_answered
    assert verdict.refusals == ()
    assert verdict.unanswered == ()
    assert [f.key for f in verdict.feedback] == list(QUESTION_KEYS)
    for f in verdict.feedback:
        assert f.answer is Answer.OUI
        assert f.ok is True
        assert f.message == ANSWER_IS_CORRECT


@pytest.mark.parametrize("key", QUESTION_KEYS)
def test_non_to_any_question_shows_its_explanation_and_blocks_the_account(key):
    verdict = assess(_with(**{key: Answer.NON}))
    assert not verdict.is_eligible
    assert verdict.all_answered
    assert [f.key for f in verdict.refusals] == [key]
    refusal = verdict.refusals[0]
    assert refusal.ok is False
    assert refusal.answer is Answer.NON
    assert refusal.message == question_by_key(key).if_no
    others = [f for f in verdict.feedback if f.key != key]
    assert all(f.message == ANSWER_IS_CORRECT for f in others)


def test_non_to_question_1_sends_me_to_the_institution_for_a_second_year():
    message = assess(_with(first_year_master="non")).refusals[0].message
    assert "première année" in message
    assert "deuxième année" in message
    assert "établissement" in message


def test_non_to_question_2_asks_me_to_read_the_charter_and_answer_oui():
    q = question_by_key("charter")
    message = assess(_with(charter="non")).refusals[0].message
    assert q.link_text in message  # the GUI can link it here too
    assert "un seul compte" in message
    assert "Oui" in message


def test_non_to_question_3_explains_the_licence_grade_and_the_alternatives():
    message = assess(_with(licence_grade="non")).refusals[0].message
    assert "grade de licence" in message
    assert "redoubler" in message
    assert "contactez votre établissement" in message
    assert "validation des acquis" in message


def test_non_to_question_4_points_to_etudes_en_france():
    q = question_by_key("residence")
    message = assess(_with(residence="non")).refusals[0].message
    assert q.link_text in message
    assert "Campus France" in message
    assert "plateforme Études en France" in message


def test_every_explanation_stands_on_its_own_for_a_screen_reader():
    texts = [q.if_no for q in QUESTIONS]
    assert len(set(texts)) == 4
    for text in texts:
        assert "ci-dessus" not in text and "ci-dessous" not in text
        assert text.endswith(".")
        assert 40 < len(text) < 600


def test_unanswered_questions_show_nothing_and_keep_me_waiting():
    verdict = assess({})
    assert not verdict.is_eligible
    assert not verdict.all_answered
    assert verdict.unanswered == QUESTION_KEYS
    assert verdict.refusals == ()
    for f in verdict.feedback:
        assert f.answer is None and f.ok is None and f.message is None


def test_one_question_left_unanswered_is_not_eligible_yet():
    answers = _with(residence=None)
    verdict = assess(answers)
    assert not verdict.is_eligible
    assert not verdict.all_answered
    assert verdict.unanswered == ("residence",)
    assert verdict.refusals == ()
    del answers["residence"]
    assert assess(answers) == verdict


def test_mixing_non_and_unanswered():
    verdict = assess({"first_year_master": "oui", "charter": "non", "residence": Answer.NON})
    assert not verdict.is_eligible
    assert not verdict.all_answered
    assert [f.key for f in verdict.refusals] == ["charter", "residence"]
    assert verdict.unanswered == ("licence_grade",)
    assert [f.ok for f in verdict.feedback] == [True, False, None, False]


@pytest.mark.parametrize("oui", ["oui", "OUI", "Oui"])
def test_string_answers_are_accepted_in_any_case(oui):
    verdict = assess(dict.fromkeys(QUESTION_KEYS, oui))
    assert verdict.is_eligible
    assert assess({"charter": "NoN"}).feedback[1].answer is Answer.NON


def test_unknown_key_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown eligibility question key 'nationality'"):
        assess({**ALL_OUI, "nationality": "oui"})
    with pytest.raises(ValueError):
        question_by_key("nope")


@pytest.mark.parametrize("value", ["yes", "o", "", True, 1, "oui "])
def test_unknown_value_is_a_programming_error(value):
    with pytest.raises(ValueError, match="unknown eligibility answer"):
        assess(_with(charter=value))


# --- storage --------------------------------------------------------------------------------


def test_answers_json_has_every_key_in_question_order_and_nothing_else():
    text = answers_to_json({"charter": Answer.OUI, "residence": "NON"})
    assert text == (
        '{"first_year_master": null, "charter": "oui", "licence_grade": null, "residence": "non"}'
    )
    assert list(json.loads(text)) == list(QUESTION_KEYS)


def test_answers_json_round_trip():
    answers = {
        "first_year_master": Answer.OUI,
        "charter": Answer.NON,
        "licence_grade": None,
        "residence": Answer.OUI,
    }
    assert answers_from_json(answers_to_json(answers)) == answers


def test_answers_from_json_fills_missing_keys_and_rejects_garbage():
    assert answers_from_json('{"charter": "oui"}') == {
        "first_year_master": None,
        "charter": Answer.OUI,
        "licence_grade": None,
        "residence": None,
    }
    for bad in ["not json", "[]", '"oui"', '{"charter": "peut-etre"}', '{"age": "oui"}']:
        with pytest.raises(ValueError):
            answers_from_json(bad)


def test_answers_to_json_rejects_unknown_keys():
    with pytest.raises(ValueError):
        answers_to_json({"extra": "oui"})


# --- properties -----------------------------------------------------------------------------

_answer_values = st.sampled_from([Answer.OUI, Answer.NON, None, "oui", "non", "OUI", "Non"])
_answer_maps = st.dictionaries(st.sampled_from(QUESTION_KEYS), _answer_values)


def _as_answer(value):
    return Answer(value.lower()) if isinstance(value, str) else value


@given(_answer_maps)
def test_eligible_iff_all_four_are_oui(answers):
    verdict = assess(answers)
    normalized = [_as_answer(answers.get(k)) for k in QUESTION_KEYS]
    assert verdict.is_eligible == all(a is Answer.OUI for a in normalized)
    assert verdict.all_answered == all(a is not None for a in normalized)
    assert [f.answer for f in verdict.feedback] == normalized
    assert [f.key for f in verdict.refusals] == [
        k for k, a in zip(QUESTION_KEYS, normalized, strict=True) if a is Answer.NON
    ]
    assert verdict.unanswered == tuple(k for k, a in zip(QUESTION_KEYS, normalized, strict=True) if a is None)
    for f in verdict.feedback:
        assert (f.message is None) == (f.answer is None)


@given(_answer_maps)
def test_json_round_trip_keeps_the_verdict(answers):
    restored = answers_from_json(answers_to_json(answers))
    assert list(restored) == list(QUESTION_KEYS)
    assert assess(restored) == assess(answers)


# --- architecture ---------------------------------------------------------------------------


def test_module_never_imports_qt():
    tree = ast.parse(Path(eligibility.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert not any(name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} for name in imported)
    assert "Qt" in (eligibility.__doc__ or "")
