"""Driving the real application over AT-SPI from the tests: what a screen reader sees and does.

``ScreenReader`` starts ``tools/run_with_bus.sh`` (Xvfb, a private D-Bus session, the accessibility
bus) around ``tools/probe_session.py`` (Debian's Python with ``gi``), starts the application inside it
and sends it probe steps. It stops everything it started when closed: the session stops the
application, ``run_with_bus.sh`` stops the bus, D-Bus and Xvfb, each by PID.
"""

from __future__ import annotations

import json
import os
import re
import selectors
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

TOOLS = Path(__file__).resolve().parent / "tools"
DEBIAN_PYTHON = "/usr/bin/python3"
AT_SPI_BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
REPLY_TIMEOUT = 60.0

INTERESTING_STATES = frozenset({"enabled", "checked", "focused", "active", "editable"})

# X keysyms, for ScreenReader.key
BACKSPACE = 0xFF08
TAB = 0xFF09
RETURN = 0xFF0D
ESCAPE = 0xFF1B
SPACE = 0x20
# X modifier masks, for ScreenReader.key's modifiers
SHIFT = 1 << 0
CONTROL = 1 << 2

Event = dict[str, Any]


def missing_requirements() -> str | None:
    """Why the AT-SPI tests cannot run on this machine, or None when they can."""
    if not sys.platform.startswith("linux"):
        return "AT-SPI is the Linux accessibility bus"
    for program in ("Xvfb", "dbus-run-session", "dbus-send"):
        if shutil.which(program) is None:
            return f"{program} is not installed (Debian: xvfb, dbus)"
    if not any(os.access(path, os.X_OK) for path in AT_SPI_BUS_LAUNCHERS):
        return "at-spi-bus-launcher is not installed (Debian: at-spi2-core)"
    check = 'import gi; gi.require_version("Atspi", "2.0"); from gi.repository import Atspi'
    try:
        found = subprocess.run([DEBIAN_PYTHON, "-c", check], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        found = False
    if not found:
        return f"{DEBIAN_PYTHON} cannot import gi's Atspi (Debian: python3-gi gir1.2-atspi-2.0)"
    return None


Selector = str | int | tuple[str, ...]  # a tuple repeats the option: state=("showing", "enabled")


def step(command: str, *options: str, **selector: Selector) -> str:
    """A probe.py step line: step("click", role="push button", name="Continuer", state="showing")."""
    parts = [command]
    for key, value in selector.items():
        values = value if isinstance(value, tuple) else (value,)
        for one in values:
            parts += [f"--{key.replace('_', '-')}", str(one)]
    parts += options
    return shlex.join(parts)


class ProbeFailed(AssertionError):
    pass


class ScreenReader:
    """One accessibility bus with one probe session; ``start_app`` runs the application inside it."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self._bus_log = (log_dir / "bus.log").open("wb")
        self._process = subprocess.Popen(
            [str(TOOLS / "run_with_bus.sh"), DEBIAN_PYTHON, str(TOOLS / "probe_session.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._bus_log,
            text=True,
            encoding="utf-8",
            start_new_session=True,
        )
        self._selector = selectors.DefaultSelector()
        assert self._process.stdout is not None
        self._selector.register(self._process.stdout, selectors.EVENT_READ)
        self.events: list[Event] = []  # every event the application sent, in order
        self.pid: int | None = None
        try:
            ready = self._read_reply()
            if not ready.get("ready"):
                raise ProbeFailed(f"the probe session did not start: {ready}")
        except BaseException:
            self.close()
            raise

    # --- talking to the session ---------------------------------------------------------------------

    def _read_reply(self) -> dict[str, Any]:
        assert self._process.stdout is not None
        deadline = time.monotonic() + REPLY_TIMEOUT
        while time.monotonic() < deadline:
            if self._selector.select(timeout=deadline - time.monotonic()):
                line = self._process.stdout.readline()
                if not line:
                    break
                return json.loads(line)
        log = (self.log_dir / "bus.log").read_text(errors="replace")[-3000:]
        raise ProbeFailed(f"no reply from the probe session; its log ends with:\n{log}")

    def request(self, op: str, **arguments: Any) -> dict[str, Any]:
        reply = self._send(op, **arguments)
        if not reply.get("ok"):
            raise ProbeFailed(f"{op} failed: {reply.get('error')}\n{self._what_is_showing()}")
        return reply

    def _send(self, op: str, **arguments: Any) -> dict[str, Any]:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps({"op": op, **arguments}) + "\n")
        self._process.stdin.flush()
        return self._read_reply()

    def _what_is_showing(self) -> str:
        """For failure messages: what a screen reader would find on screen right now."""
        try:
            reply = self._send("steps", lines=[step("find", state="showing")])
            nodes = reply["results"][0]["result"] if reply.get("ok") else []
        except (ProbeFailed, KeyError, IndexError, OSError):
            return "(what is showing could not be read)"
        if not nodes:
            status = self._send("status")
            return f"nothing showing; the application's exit code: {status.get('returncode')}"
        lines = [
            f"  {node['role']}: {node['name']!r} {sorted(set(node['states']) & INTERESTING_STATES)}"
            + (f" text={node['text']!r}" if node.get("text") else "")
            for node in nodes
            if node["name"] or node.get("text")
        ]
        return "showing now:\n" + "\n".join(lines)

    # --- the application ----------------------------------------------------------------------------

    def start_app(self, *arguments: str, python: str = sys.executable) -> int:
        """Start ``python -m monmaster_desktop ARGUMENTS`` on the bus; wait until its first button shows."""
        return self._start([python, "-m", "monmaster_desktop", *arguments])

    def start_app_with(self, code: str, *arguments: str, python: str = sys.executable) -> int:
        """Like ``start_app``, but ``code`` runs first in the application's process (before any window)."""
        argv = [python, "-c", f"{code}\nimport sys\nfrom monmaster_desktop.cli import main\nsys.exit(main())"]
        return self._start([*argv, *arguments])

    def start_program(self, *argv: str) -> int:
        """Start any program on the bus (a Qt program of the tests' own); wait until it shows a window."""
        reply = self.request("start", argv=list(argv), log=str(self.log_dir / "app.log"), env={})
        self.pid = int(reply["pid"])
        return self.pid

    def children_at(self, name: str, *indices: int) -> tuple[int, list[str | None]]:
        """What a client gets asking the node named ``name`` for its children at ``indices``."""
        reply = self.request("children_at", name=name, indices=list(indices))
        return int(reply["count"]), list(reply["roles"])

    def _start(self, argv: list[str]) -> int:
        # The user's own settings (theme, text size) and cache stay untouched.
        env = {
            "XDG_CONFIG_HOME": str(self.log_dir / "config"),
            "XDG_CACHE_HOME": str(self.log_dir / "cache"),
        }
        reply = self.request("start", argv=argv, log=str(self.log_dir / "app.log"), env=env)
        self.pid = int(reply["pid"])
        self.run(step("wait", role="push button", state="showing"), "activate")
        return self.pid

    def app_exit_code(self) -> int | None:
        """None while the application runs; its exit code once it has ended (negative: killed by a signal)."""
        return self.request("status").get("returncode")

    def app_log(self) -> str:
        path = self.log_dir / "app.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- what a screen reader does ------------------------------------------------------------------

    def run(self, *lines: str) -> list[Any]:
        """Run probe steps in order; their results (each step's "result")."""
        reply = self.request("steps", lines=list(lines))
        return [result["result"] for result in reply["results"]]

    def one(self, line: str) -> Any:
        return self.run(line)[0]

    def describe(self, **selector: Selector) -> dict[str, Any]:
        return self.one(step("describe", **selector))

    def find(self, **selector: Selector) -> list[dict[str, Any]]:
        return self.one(step("find", **selector))

    def click(self, **selector: Selector) -> None:
        self.one(step("click", **selector))

    def type(self, text: str, **selector: Selector) -> None:
        self.one(step("type", "--text", text, **selector))

    def key(self, keysym: int, *modifiers: int) -> None:
        """A real key press through X (XTest), with the modifiers held: key(TAB, SHIFT)."""
        self.request("key", keysym=keysym, modifiers=list(modifiers))

    def press_until_focused(self, keysym: int, *, limit: int = 40, **selector: Selector) -> dict[str, Any]:
        """Press a key (Tab) until the control matching ``selector`` has the focus, as a blind user does."""
        for _ in range(limit):
            found = self.find(state=("focused", "showing"), **selector)
            if found:
                return found[0]
            self.key(keysym)
        raise ProbeFailed(f"{limit} presses never focused {selector}\n{self._what_is_showing()}")

    def focus_top_window(self) -> None:
        """Give the keyboard to the application's newest window, as a window manager would."""
        self.request("focus_top_window")

    def start_walkers(self, *modes: str) -> None:
        """Start tree walkers (tools/tree_walker.py: "plain", "thorough") as processes of their own."""
        self.request("walkers_start", modes=list(modes), dir=str(self.log_dir / "walkers"))

    def stop_walkers(self) -> list[dict[str, Any]]:
        """Stop the tree walkers; their reports (passes, nodes, questions asked)."""
        return list(self.request("walkers_stop")["reports"])

    def wait(self, **selector: Selector) -> dict[str, Any]:
        return self.one(step("wait", **selector))["node"]

    def click_to_page(self, announcement: str, **selector: Selector) -> None:
        """Click what opens another page, read the tree until its heading shows, then expect its announcement.

        The heading is the announcement's last part ("Étape 2 sur 2 : Choisir mes identifiants" →
        "Choisir mes identifiants"; in English "Step 2 of 2: Choose my credentials"). Reading the tree
        while the wizard switches pages is what testers' tools do; it once crashed Qt
        (docs/accessibility.md, "A crash of Qt's accessibility bridge").
        """
        mark = self.request("mark")["mark"]
        self.click(**selector)
        heading = re.split(" ?: ", announcement, maxsplit=1)[-1]
        self.wait(role="label", name=heading, state="showing")
        self.request(
            "wait_event", type="object:announcement", data=announcement, timeout=15, start=mark, exact=True
        )

    def click_then_wait(self, event_type: str, text: str, **selector: Selector) -> Event:
        """Click, then wait for an event of that type whose text is ``text``, without reading the tree."""
        mark = self.request("mark")["mark"]
        self.click(**selector)
        reply = self.request("wait_event", type=event_type, data=text, timeout=15, start=mark, exact=True)
        return reply["event"]

    def wait_event(self, event_type: str, containing: str = "", timeout: float = 10.0) -> Event:
        """The first event of that type whose text contains ``containing``, received or to come."""
        for event in self.events:
            if event["type"] == event_type and containing in str(event.get("text", "")):
                return event
        return self.request("wait_event", type=event_type, data=containing, timeout=timeout)["event"]

    def collect_events(self) -> list[Event]:
        """The events received since the last call (all of them stay in ``events``)."""
        fresh = self.request("events")["events"]
        self.events.extend(fresh)
        return fresh

    # --- the end ------------------------------------------------------------------------------------

    def close(self) -> None:
        try:
            if self._process.poll() is None and self._process.stdin is not None:
                self._process.stdin.close()  # the session stops the application and exits
            self._process.wait(timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            self._process.terminate()  # run_with_bus.sh stops what it started on TERM
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        finally:
            self._selector.close()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._bus_log.close()


# --- what the tests check -------------------------------------------------------------------------------

BULLETS = frozenset("\u25cf\u2022*")  # what a password field may say instead of its characters


def fragments(secret: str, size: int = 3) -> set[str]:
    return {secret[start : start + size] for start in range(len(secret) - size + 1)}


def password_leaks(events: list[Event], password: str, field_names: tuple[str, ...]) -> list[Event]:
    """The events that give away something of ``password``.

    Any text sent by a password field (its text changes, name, description, announcements it is the
    source of) must contain none of the password's characters: bullets only. Text sent by anything
    else must contain neither the password nor any three consecutive characters of it (a one- or
    two-character match in an e-mail address or a captcha answer is a coincidence, not a leak).
    """
    characters = set(password) - BULLETS
    pieces = fragments(password)
    leaks = []
    for event in events:
        text = event.get("text")
        if not isinstance(text, str):
            continue
        source = event.get("source", {})
        from_password_field = source.get("role") == "password text" or source.get("name") in field_names
        if (from_password_field and characters & set(text)) or any(piece in text for piece in pieces):
            leaks.append(event)
    return leaks


def of_type(events: list[Event], prefix: str, source_name: str | None = None) -> list[Event]:
    return [
        event
        for event in events
        if event["type"].startswith(prefix)
        and (source_name is None or event.get("source", {}).get("name") == source_name)
    ]


# The French number words of the captcha question ("Écrivez en chiffres le nombre soixante-quatre.").
_NUMBER_WORDS = {
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip


def number_from_french(words: str) -> int:
    """1 to 99 from their French words: "soixante et onze" → 71, "quatre-vingt-dix-sept" → 97."""
    total = 0
    previous = ""
    for word in words.strip(" .").replace("-", " ").split():
        if word == "et":
            continue
        if word in ("vingt", "vingts") and previous == "quatre":
            total += 80 - 4  # quatre-vingt: four twenties, not four plus twenty
        else:
            total += _NUMBER_WORDS[word]
        previous = word
    return total


_ENGLISH_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip


def number_from_english(words: str) -> int:
    """1 to 99 from their English words: "forty-two" → 42."""
    return sum(_ENGLISH_NUMBER_WORDS[word] for word in words.strip(" .").replace("-", " ").split())
