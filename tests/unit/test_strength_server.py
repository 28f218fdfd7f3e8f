"""The strength server: the application's estimates in a process of their own, line by line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from monmaster_desktop import validation
from monmaster_desktop.strength_server import READY_LINE, answer, serve

ROOT = Path(__file__).resolve().parents[2]


def request(request_id: object, password: object, context: object = ()) -> bytes:
    return json.dumps({"id": request_id, "password": password, "context": list(context)}).encode("ascii")


def test_each_request_gets_the_score_the_application_would_compute() -> None:
    passwords = ("azerty", "Motdepasse1%", "Éléphant-été-2026", "mot 😀 de passe", "ligne\n2024", "Aa1%" * 30)
    lines = (request(number, text, ["camille"]) + b"\n" for number, text in enumerate(passwords))
    requests = io.BytesIO(b"".join(lines))
    answers = io.BytesIO()

    serve(requests, answers)

    lines = [json.loads(line) for line in answers.getvalue().splitlines()]
    assert lines[0] == READY_LINE  # said before any request is read
    assert lines[1:] == [
        {"id": number, "score": validation.estimate_strength(text, ("camille",)).score}
        for number, text in enumerate(passwords)
    ]
    assert answers.getvalue().isascii()


def test_a_request_that_cannot_be_scored_gets_an_error_by_type_and_the_server_goes_on() -> None:
    secret = "Secret-Rh%8vQz"
    bad = [
        b"not json " + secret.encode(),
        json.dumps({"id": 2, "password": secret}).encode(),  # no context
        request(3, 12345),
        request("4", secret),
        request(5, secret, [7]),
    ]
    answers = io.BytesIO()

    serve(io.BytesIO(b"\n".join([*bad, request(6, "azerty")]) + b"\n"), answers)

    replies = [json.loads(line) for line in answers.getvalue().splitlines()[1:]]
    assert replies == [
        {"id": None, "error": "JSONDecodeError"},
        {"id": 2, "error": "KeyError"},
        {"id": 3, "error": "TypeError"},
        {"id": None, "error": "TypeError"},
        {"id": 5, "error": "TypeError"},
        {"id": 6, "score": 0},
    ]
    assert secret not in answers.getvalue().decode()  # an error is said by its type, never its text


def test_blank_lines_are_not_requests() -> None:
    answers = io.BytesIO()
    serve(io.BytesIO(b"\n  \n" + request(1, "azerty") + b"\n"), answers)
    assert answers.getvalue().splitlines()[1:] == [b'{"id": 1, "score": 0}']


def test_an_answer_is_one_line_whatever_the_password() -> None:
    reply = answer(request(1, "a\nb\r\u2028c\x00"))
    assert set(reply) == {"id", "score"}


def test_the_server_runs_as_the_application_starts_it_and_ends_with_its_input() -> None:
    # ``python -m monmaster_desktop --strength-server``, as gui/strength_process.py starts it from a
    # checkout or a wheel (the bundle's executable takes the same option): nothing but the answers
    # on its output, no Qt loaded, and it ends when its input does.
    completed = subprocess.run(
        [sys.executable, "-m", "monmaster_desktop", "--strength-server"],
        input=request(1, "Motdepasse1%") + b"\n",
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout.splitlines() == [
        b'{"ready": true}',
        json.dumps({"id": 1, "score": validation.estimate_strength("Motdepasse1%").score}).encode(),
    ]
    assert completed.stderr == b""


def test_the_server_loads_neither_qt_nor_the_application() -> None:
    code = (
        "import sys, runpy; sys.argv = ['monmaster_desktop', '--strength-server']\n"
        "try:\n    runpy.run_module('monmaster_desktop', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'argon2', 'email_validator', "
        "'monmaster_desktop.cli', 'monmaster_desktop.accounts'))), file=sys.stderr)"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], input=b"", capture_output=True, cwd=ROOT, timeout=60, check=False
    )
    assert completed.stdout == b'{"ready": true}\n'
    assert completed.stderr.strip() == b"[]"
