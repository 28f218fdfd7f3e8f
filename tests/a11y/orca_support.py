"""A real screen reader in the tests: Orca 43, headless, driven by real key presses.

``Orca`` starts Debian's ``orca`` on the same accessibility bus as the application (inside the
``ScreenReader`` session), with ``tools/orca/orca-customizations.py``: no speech server, no braille,
every utterance written to its debug file as ``SPEECH OUTPUT: '…'``. What Orca *says* is read from
that file; keys are real key presses through X (XTest), which Orca hears as a user's keys. Controls
are found as a blind user finds them: Tab until Orca says the name.

Orca speaks its own language (English role and state names here: the tests run without a French
locale); the application's texts are spoken as they are.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

from a11y_support import TAB, ProbeFailed, ScreenReader

CUSTOMIZATIONS = Path(__file__).resolve().parent / "tools" / "orca" / "orca-customizations.py"
# "HH:MM:SS.micro - SPEECH OUTPUT: 'text'{voice}" or "… 'text' {voice}": the text may hold quotes.
_SPEECH = re.compile(r"SPEECH OUTPUT: '(?P<text>.*)'\s*(?:\{.*\})?\s*$")
# What Orca echoes of the keys pressed (key echo is on by default).
KEY_ECHOES = frozenset({"tab", "space", "return", "backspace", "shift", "left", "right", "up", "down"})


def orca_missing() -> str | None:
    """Why Orca cannot run here, or None."""
    if shutil.which("orca") is None:
        return "orca is not installed (Debian: orca)"
    return None


class Orca:
    """Orca running on ``reader``'s bus; ``heard()`` returns what it said since the last call."""

    def __init__(self, reader: ScreenReader, folder: Path) -> None:
        self.reader = reader
        prefs = folder / "orca-prefs"
        prefs.mkdir(parents=True, exist_ok=True)
        shutil.copy(CUSTOMIZATIONS, prefs / CUSTOMIZATIONS.name)
        self.debug_file = folder / "orca-debug.out"
        self._read = 0
        self.everything: list[str] = []  # every utterance since Orca started
        reader.request("orca_start", prefs=str(prefs), debug=str(self.debug_file))

    def utterances(self) -> list[str]:
        """Every utterance written so far, in order."""
        try:
            lines = self.debug_file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return []
        return [match["text"] for line in lines if (match := _SPEECH.search(line))]

    def heard(self, settle: float = 0.5) -> list[str]:
        """What Orca said since the last call, once it has been quiet for ``settle`` seconds."""
        count = len(self.utterances())
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            time.sleep(settle)
            now = len(self.utterances())
            if now == count:
                break
            count = now
        said = self.utterances()
        fresh = said[self._read :]
        self._read = len(said)
        self.everything.extend(fresh)
        return fresh

    def hear_until(self, pattern: str, timeout: float = 10.0) -> list[str]:
        """Wait until Orca says something matching ``pattern`` (regex); what it said up to then."""
        expression = re.compile(pattern)
        heard: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            heard += self.heard(settle=0.2)
            if any(expression.search(text) for text in heard):
                return heard
        raise ProbeFailed(f"Orca never said {pattern!r}; it said: {heard}")

    def press(self, keysym: int, *modifiers: int, settle: float = 0.5) -> str:
        """Press a key; everything Orca said about it but the key's own echo, as one line."""
        self.heard(settle=0.05)  # forget what came before
        self.reader.key(keysym, *modifiers)
        return spoken(self.heard(settle=settle))

    def tab_to(self, pattern: str, limit: int = 30) -> str:
        """Tab until Orca says something matching ``pattern`` (regex), as a blind user looks for a control."""
        expression = re.compile(pattern)
        said = []
        for _ in range(limit):
            line = self.press(TAB, settle=0.3)
            said.append(line)
            if expression.search(line):
                return line
        raise ProbeFailed(f"{limit} Tab presses and Orca never said {pattern!r}; it said: {said}")

    def type(self, text: str) -> str:
        """Type ``text`` key by key (XTest); everything Orca said meanwhile, as one line."""
        self.heard(settle=0.05)
        for character in text:
            code = ord(character)
            self.reader.key(code if code < 0x100 else 0x01000000 + code)
        return spoken(self.heard())

    def stop(self) -> None:
        self.reader.request("orca_stop")


def spoken(utterances: list[str]) -> str:
    """Utterances as one line, without Orca's echo of the keys themselves."""
    return " ".join(text.strip() for text in utterances if text.strip().lower() not in KEY_ECHOES)
