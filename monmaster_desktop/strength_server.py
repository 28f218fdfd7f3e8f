"""The password strength estimate in a process of its own (docs/performance.md, "The strength process").

zxcvbn is pure Python: on a thread of the application it holds the interpreter lock while it scores,
and every keystroke handled meanwhile waits for that lock at each of its calls into Python. Run in a
child process it shares nothing with the window, and a keystroke never waits for it.

The protocol is one JSON object per line, ASCII only (``json.dumps`` escapes every other character,
so any text — accents, emoji, a line feed — travels as typed):

- the server's first line, once zxcvbn is imported: ``{"ready": true}``;
- a request, on the server's standard input: ``{"id": 7, "password": "…", "context": ["camille"]}``;
- its answer, on the server's standard output: ``{"id": 7, "score": 3}``, or ``{"id": 7, "error":
  "ValueError"}`` when the request could not be scored (the error's type only, never its message,
  which could quote the password; ``id`` is null when the request itself could not be read).

The server ends when its standard input ends: when the application closes it or exits, even by a
crash, so a server never outlives its application. It keeps nothing between requests, writes no
file and logs nothing but an error's type; the password reaches it only through the pipe of its
standard input, never its command line or environment.

This module never imports Qt: the application's side is ``gui/strength_process.py``.
"""

from __future__ import annotations

import json
import sys
from typing import BinaryIO

# The option of ``python -m monmaster_desktop`` (and of the frozen executable) that runs this server
# instead of the application; handled by ``__main__`` before anything else is imported.
SERVER_OPTION = "--strength-server"
READY_LINE = {"ready": True}


def answer(line: bytes) -> dict[str, object]:
    """The answer to one request line."""
    from monmaster_desktop.validation import estimate_strength

    request_id: object = None
    try:
        request = json.loads(line)
        request_id = request["id"]
        if not isinstance(request_id, int):
            request_id = None
            raise TypeError("id")
        password, context = request["password"], request["context"]
        if not isinstance(password, str) or not all(isinstance(word, str) for word in context):
            raise TypeError("password or context")
        return {"id": request_id, "score": estimate_strength(password, tuple(context)).score}
    except Exception as error:  # the type only: a message could quote the password
        return {"id": request_id, "error": type(error).__name__}


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    """Answer each line of ``requests`` on ``answers`` until ``requests`` ends."""
    import zxcvbn  # noqa: F401  (imported before "ready": the first answer is as quick as the next)

    _write(answers, READY_LINE)
    for line in requests:
        if line.strip():
            _write(answers, answer(line))


def _write(answers: BinaryIO, reply: dict[str, object]) -> None:
    answers.write(json.dumps(reply).encode("ascii") + b"\n")
    answers.flush()


def main() -> int:
    try:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    except (BrokenPipeError, KeyboardInterrupt):  # the application went away: nothing to answer
        return 0
    return 0
