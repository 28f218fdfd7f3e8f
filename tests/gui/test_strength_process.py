"""The strength estimate in a process of its own, and the threads that take over when it cannot serve."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time

import pytest
from test_checklist import ChecklistUnderTest

from monmaster_desktop import validation
from monmaster_desktop.gui import strength_process
from monmaster_desktop.gui.strength_process import PROCESS, STARTING, THREADS, StrengthEstimator

# Passwords the pipe must carry as typed: accents, a symbol outside Latin-1, an emoji (two UTF-16
# units), a line feed, a quote and a backslash, past the 72 characters zxcvbn scores.
PASSWORDS = (
    "azerty",
    "Motdepasse1%",
    "Éléphant-été-2026",
    "Rh%8vQz!mLw2€",
    "mot 😀 de passe",
    "ligne\n2024",
    'guillemet"\\barre',
    "Aa1%" * 30,
)
CONTEXT = ("camille", "dupont", "monmaster", "master")


class Answers:
    """What an estimator said, by asker and revision."""

    def __init__(self, estimator: StrengthEstimator) -> None:
        self.received: dict[tuple[int, int], validation.Strength | None] = {}
        estimator.estimated.connect(self._take)

    def _take(self, asker: int, revision: int, strength: validation.Strength | None) -> None:
        self.received[(asker, revision)] = strength


@pytest.fixture
def estimator(qtbot):
    made = StrengthEstimator()
    made.start()
    qtbot.waitUntil(lambda: made.way() == PROCESS, timeout=15_000)
    yield made
    made.stop()


def never_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """zxcvbn run here (the UI's process) fails the test: the levels must come from the server."""

    def refused(password: str, context: object = ()) -> validation.Strength:
        raise AssertionError("the strength was estimated in the application's process")

    monkeypatch.setattr(validation, "estimate_strength", refused)


def test_the_server_scores_as_the_application_would(
    qtbot, estimator: StrengthEstimator, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {password: validation.estimate_strength(password, CONTEXT) for password in PASSWORDS}
    never_in_this_process(monkeypatch)
    answers = Answers(estimator)

    for revision, password in enumerate(PASSWORDS):
        estimator.estimate(1, revision, password, CONTEXT)
    qtbot.waitUntil(lambda: len(answers.received) == len(PASSWORDS))

    assert [answers.received[(1, revision)] for revision in range(len(PASSWORDS))] == list(expected.values())
    assert estimator.way() == PROCESS
    assert (estimator.answers_from_server, estimator.answers_from_threads) == (len(PASSWORDS), 0)


def test_a_checklist_shows_the_servers_levels_and_never_an_older_texts(
    qtbot, estimator: StrengthEstimator, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = validation.estimate_strength("Motdepasse1%")
    never_in_this_process(monkeypatch)
    bound = ChecklistUnderTest(qtbot, estimator)
    shown: list[validation.Strength | None] = []
    bound.checklist.strength_shown.connect(lambda: shown.append(bound.checklist.strength()))
    server = estimator.process_id()
    assert server is not None
    os.kill(server, signal.SIGSTOP)  # a server slow to answer: "Motdepasse" is sent, then held
    try:
        bound.type("Motdepasse")
        qtbot.waitUntil(lambda: estimator.waiting_for() == 1)
        bound.type("1%")  # typed while "Motdepasse" is being scored
    finally:
        os.kill(server, signal.SIGCONT)

    qtbot.waitUntil(lambda: not bound.checklist.pending())
    assert shown == [expected]  # the level of "Motdepasse" never reached the screen
    assert estimator.answers_from_server == 2 and estimator.answers_from_threads == 0


def test_a_server_that_cannot_start_leaves_the_estimates_to_threads(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    estimator = StrengthEstimator(command=("/nonexistent/monmaster-strength", []))
    estimator.start()
    qtbot.waitUntil(lambda: estimator.way() == THREADS)
    bound = ChecklistUnderTest(qtbot, estimator)

    bound.type("Motdepasse1%")

    qtbot.waitUntil(lambda: not bound.checklist.pending())
    assert bound.checklist.strength() == validation.estimate_strength("Motdepasse1%")
    assert estimator.answers_from_threads == 1
    assert "FailedToStart" in caplog.text


def test_a_server_that_dies_has_its_unanswered_estimates_run_on_threads(
    qtbot, estimator: StrengthEstimator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    answers = Answers(estimator)
    server = estimator.process_id()
    assert server is not None
    os.kill(server, signal.SIGSTOP)
    estimator.estimate(4, 1, "Motdepasse1%", ())
    assert estimator.waiting_for() == 1
    os.kill(server, signal.SIGKILL)  # killed before it answered

    qtbot.waitUntil(lambda: (4, 1) in answers.received)
    assert answers.received[(4, 1)] == validation.estimate_strength("Motdepasse1%")
    assert estimator.way() == THREADS
    estimator.start()  # never started again after a failure: threads answer from now on
    assert estimator.way() == THREADS
    estimator.estimate(4, 2, "azerty", ())
    qtbot.waitUntil(lambda: (4, 2) in answers.received)
    assert estimator.answers_from_threads == 2
    assert "Motdepasse" not in caplog.text


def test_a_server_that_stops_answering_is_replaced_by_threads(
    qtbot, estimator: StrengthEstimator, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = Answers(estimator)
    server = estimator.process_id()
    assert server is not None
    os.kill(server, signal.SIGSTOP)  # alive, never answering
    estimator._answer_timer.setInterval(300)  # ANSWER_TIMEOUT_MS, shortened for the test
    estimator.estimate(5, 1, "azerty", ())

    qtbot.waitUntil(lambda: (5, 1) in answers.received, timeout=5_000)  # the stopped server was killed
    assert not _running(server)
    assert answers.received[(5, 1)] == validation.estimate_strength("azerty")
    assert estimator.way() == THREADS and estimator.process_id() is None


@pytest.mark.parametrize(
    "reply",
    ['print("not json", flush=True)', 'print(\'{"id": 999, "score": 4}\', flush=True)'],
    ids=["not-json", "no-such-request"],
)
def test_a_server_that_answers_nonsense_is_replaced_by_threads(qtbot, reply: str) -> None:
    # A program that says "ready", then answers the first request with ``reply``.
    ready = 'print(\'{"ready": true}\', flush=True)'
    program = "\n".join(("import sys", ready, "sys.stdin.readline()", reply, "sys.stdin.read()"))
    estimator = StrengthEstimator(command=(sys.executable, ["-c", program]))
    estimator.start()
    qtbot.waitUntil(lambda: estimator.way() == PROCESS, timeout=15_000)
    answers = Answers(estimator)

    estimator.estimate(6, 1, "azerty", ())

    qtbot.waitUntil(lambda: (6, 1) in answers.received)
    assert answers.received[(6, 1)] == validation.estimate_strength("azerty")
    assert estimator.way() == THREADS
    assert estimator.answers_from_server == 0


def test_estimates_asked_while_the_server_starts_run_on_threads(qtbot) -> None:
    estimator = StrengthEstimator()
    estimator.start()
    assert estimator.way() == STARTING  # the server imports zxcvbn: nobody waits for it
    answers = Answers(estimator)
    estimator.estimate(7, 1, "azerty", ())
    qtbot.waitUntil(lambda: (7, 1) in answers.received)
    assert estimator.answers_from_threads == 1
    qtbot.waitUntil(lambda: estimator.way() == PROCESS, timeout=15_000)
    estimator.stop()


def test_the_server_ends_when_the_application_stops_it(qtbot, estimator: StrengthEstimator) -> None:
    server = estimator.process_id()
    assert server is not None
    estimator.stop()
    deadline = time.monotonic() + 5
    while _running(server) and time.monotonic() < deadline:
        qtbot.wait(20)
    assert not _running(server)
    assert estimator.way() == THREADS


def test_the_application_uses_one_server_for_every_checklist(qtbot) -> None:
    first = ChecklistUnderTest(qtbot)
    second = ChecklistUnderTest(qtbot)
    assert first.checklist._estimator is second.checklist._estimator is strength_process.strength_estimator()
    assert strength_process.strength_estimator().way() in (STARTING, PROCESS)


def _running(process_id: int) -> bool:
    """True while ``process_id`` runs (a zombie not yet reaped by Qt counts as ended)."""
    try:
        with open(f"/proc/{process_id}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
