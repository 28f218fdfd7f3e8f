#!/usr/bin/python3
"""A long-lived probe session for the AT-SPI tests: one JSON request per stdin line, one JSON reply per line.

Run by Debian's ``/usr/bin/python3`` (it has ``gi``) inside ``run_with_bus.sh``, so that it and the
application it starts share the Xvfb display, the D-Bus session and the accessibility bus. The tests
(in the venv's Python) send requests; every reply is ``{"ok": true, ...}`` or ``{"ok": false,
"error": ...}``. Requests:

  {"op": "start", "argv": [...], "log": PATH, "env": {...}}
                                                 start the application (stdout/stderr to PATH, ENV
                                                 added to this environment) and listen to every
                                                 event it sends from then on
  {"op": "steps", "lines": ["click --role ..."]} probe.py sub-command lines, run in order; stops at
                                                 the first that fails; replies "results"
  {"op": "key", "keysym": 65288, "modifiers": [4]}
                                                 one key press and release (BackSpace here), with
                                                 the modifiers (X masks: 4 is Control) locked on
  {"op": "children_at", "name": N, "indices": [0, 5]}
                                                 ask the node named N for its children at those
                                                 indices (past the end too); replies their roles
                                                 (null where there is none) and the child count
  {"op": "orca_start", "prefs": DIR, "debug": FILE}
                                                 start Orca (orca -u DIR --debug-file FILE) on
                                                 this session's bus; replies once it has started
  {"op": "orca_stop"}                            stop Orca
  {"op": "walkers_start", "modes": ["plain", "thorough"], "dir": D}
                                                 start one tree_walker.py process per mode against
                                                 the application (their reports go to D)
  {"op": "walkers_stop"}                         stop them; replies their "reports"
  {"op": "mark"}                                 how many events are held now, for wait_event's start
  {"op": "wait_event", "type": T, "data": S, "timeout": s, "start": N, "exact": false}
                                                 until an event of type T whose text contains S
                                                 (is S, if exact), among the held events from N on
  {"op": "events"}                               every event received so far, then forgets them
  {"op": "status"}                               the application's exit code, null while it runs
  {"op": "stop"}                                 stop the application (TERM, then KILL)

One connection for the whole test: a request costs a few milliseconds instead of a process start.
Events are received after each step and while ``wait_event`` waits; the listener stays registered, so
Qt keeps sending every kind of event the whole time, as it does for a running screen reader.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

# probe.py sits next to this script (sys.path[0]); importing it also selects the Atspi 2.0 typelib.
from probe import DEFAULT_EVENTS, Probe, ProbeError, _safe, run_line

from gi.repository import Atspi, GLib  # isort: skip

# How long Qt may take between doing something and its accessibility events arriving here.
SETTLE_SECONDS = 0.15
STEP_TIMEOUT = 10.0
TREE_WALKER = Path(__file__).resolve().parent / "tree_walker.py"


class Session:
    def __init__(self) -> None:
        self.app: subprocess.Popen[bytes] | None = None
        self.probe: Probe | None = None
        self.events: list[dict[str, object]] = []
        self.started = time.monotonic()
        self.walkers: list[tuple[subprocess.Popen[bytes], Path]] = []
        self.orca: subprocess.Popen[bytes] | None = None
        self.walkers_stop_file: Path | None = None
        self.listener = Atspi.EventListener.new(self._on_event)
        for event_type in DEFAULT_EVENTS:
            self.listener.register(event_type)

    # --- events -------------------------------------------------------------------------------------

    def _on_event(self, event: Atspi.Event) -> None:
        if self.app is None:
            return
        source = event.source
        if source is None or _safe(source.get_process_id) != self.app.pid:
            return
        record: dict[str, object] = {
            "t": round(time.monotonic() - self.started, 3),
            "type": event.type,
            "detail1": event.detail1,
            "detail2": event.detail2,
            "source": {"role": _safe(source.get_role_name, "?"), "name": _safe(source.get_name, "")},
        }
        data = _safe(lambda: event.any_data)
        if isinstance(data, Atspi.Accessible):
            # A reference to an object, not text the application sent.
            record["object"] = f"{_safe(data.get_role_name, '?')}:{_safe(data.get_name, '')}"
        elif isinstance(data, str):
            record["text"] = data
        elif data is not None:
            record["value"] = data if isinstance(data, (int, float, bool)) else repr(data)
        self.events.append(record)

    def pump(self, seconds: float = 0.0) -> None:
        """Let pending events arrive, for at least ``seconds``."""
        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while True:
            while context.pending():
                context.iteration(False)
            if time.monotonic() >= deadline:
                return
            time.sleep(0.01)

    # --- requests -----------------------------------------------------------------------------------

    def start(self, argv: list[str], log: str, env: dict[str, str]) -> dict[str, object]:
        with open(log, "wb") as output:
            self.app = subprocess.Popen(
                argv, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **env}
            )
        self.probe = Probe(pid=self.app.pid)
        self.probe.app(timeout=STEP_TIMEOUT)
        return {"pid": self.app.pid}

    def steps(self, lines: list[str]) -> dict[str, object]:
        assert self.probe is not None, "start the application first"
        results = []
        for line in lines:
            result = run_line(self.probe, line, STEP_TIMEOUT)
            self.pump()
            results.append(result)
            if "error" in result:
                return {"ok": False, "error": f"{line}: {result['error']}", "results": results}
        self.pump(SETTLE_SECONDS)
        return {"results": results}

    def key(self, keysym: int, modifiers: list[int]) -> dict[str, object]:
        mask = 0
        for modifier in modifiers:
            mask |= modifier
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
        try:
            Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        finally:
            if mask:
                Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
        self.pump(SETTLE_SECONDS)
        return {}

    def children_at(self, name: str, indices: list[int]) -> dict[str, object]:
        assert self.probe is not None, "start the application first"
        node = self.probe.find(name=name, timeout=STEP_TIMEOUT)[0]
        count = node.get_child_count()
        roles: list[str | None] = []
        for index in indices:
            child = node.get_child_at_index(index)
            roles.append(child.get_role_name() if child is not None else None)
            self.pump(SETTLE_SECONDS)
        return {"count": count, "roles": roles}

    def orca_start(self, prefs: str, debug_file: str) -> dict[str, object]:
        self.orca_stop()
        log = Path(debug_file).with_suffix(".stderr")
        with open(log, "wb") as output:
            self.orca = subprocess.Popen(
                ["orca", "-u", prefs, "--debug-file", debug_file],
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.orca.poll() is not None:
                raise ProbeError(f"orca exited with code {self.orca.returncode}; see {log}")
            try:
                if "SPEECH OUTPUT: 'Screen reader on.'" in Path(debug_file).read_text(errors="replace"):
                    return {"pid": self.orca.pid}
            except OSError:
                pass
            self.pump(0.1)
        raise ProbeError("orca did not say 'Screen reader on.' within 30 s")

    def orca_stop(self) -> dict[str, object]:
        if self.orca is not None and self.orca.poll() is None:
            self.orca.terminate()
            try:
                self.orca.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.orca.kill()
                self.orca.wait()
        self.orca = None
        return {}

    def walkers_start(self, modes: list[str], directory: str) -> dict[str, object]:
        assert self.app is not None, "start the application first"
        self.walkers_stop()
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        self.walkers_stop_file = folder / "stop-walking"
        self.walkers_stop_file.unlink(missing_ok=True)
        for mode in modes:
            report = folder / f"walker-{mode}.json"
            report.unlink(missing_ok=True)
            options = ["--thorough"] if mode == "thorough" else []
            command = [sys.executable, str(TREE_WALKER), *options, str(self.app.pid)]
            walker = subprocess.Popen([*command, str(self.walkers_stop_file), str(report)])
            self.walkers.append((walker, report))
        return {"started": len(self.walkers)}

    def walkers_stop(self) -> dict[str, object]:
        if self.walkers_stop_file is not None:
            self.walkers_stop_file.touch()
        reports = []
        for walker, report in self.walkers:
            try:
                walker.wait(timeout=60)  # a thorough pass over many windows takes seconds
            except subprocess.TimeoutExpired:
                walker.kill()
                walker.wait()
            try:
                reports.append(json.loads(report.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                reports.append({"error": f"no report (exit code {walker.returncode})"})
        self.walkers = []
        self.walkers_stop_file = None
        return {"reports": reports}

    def wait_event(
        self, event_type: str, data: str, timeout: float, start: int, exact: bool
    ) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while True:
            for record in self.events[start:]:
                text = str(record.get("text", ""))
                if record["type"] == event_type and (text == data if exact else data in text):
                    return {"event": record}
            if time.monotonic() >= deadline:
                raise ProbeError(f"no {event_type} event containing {data!r} within {timeout} s")
            self.pump(0.05)

    def take_events(self) -> dict[str, object]:
        self.pump(SETTLE_SECONDS)
        events, self.events = self.events, []
        return {"events": events}

    def stop(self) -> dict[str, object]:
        self.walkers_stop()
        self.orca_stop()
        if self.app is not None and self.app.poll() is None:
            self.app.terminate()
            try:
                self.app.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.app.kill()
                self.app.wait()
        code = self.app.returncode if self.app is not None else None
        self.app = None
        self.probe = None
        return {"returncode": code}

    def handle(self, request: dict[str, object]) -> dict[str, object]:
        op = request["op"]
        if op == "start":
            env = dict(request.get("env") or {})  # type: ignore[call-overload]
            return self.start(list(request["argv"]), str(request["log"]), env)  # type: ignore[arg-type]
        if op == "steps":
            return self.steps(list(request["lines"]))  # type: ignore[arg-type]
        if op == "key":
            modifiers = [int(keysym) for keysym in request.get("modifiers") or []]  # type: ignore[union-attr]
            return self.key(int(request["keysym"]), modifiers)  # type: ignore[arg-type]
        if op == "children_at":
            return self.children_at(str(request["name"]), [int(i) for i in request["indices"]])  # type: ignore[union-attr]
        if op == "orca_start":
            return self.orca_start(str(request["prefs"]), str(request["debug"]))
        if op == "orca_stop":
            return self.orca_stop()
        if op == "walkers_start":
            return self.walkers_start(list(request["modes"]), str(request["dir"]))  # type: ignore[arg-type]
        if op == "walkers_stop":
            return self.walkers_stop()
        if op == "wait_event":
            return self.wait_event(
                str(request["type"]),
                str(request.get("data", "")),
                float(request.get("timeout", 5)),
                int(request.get("start", 0)),  # type: ignore[arg-type]
                bool(request.get("exact", False)),
            )
        if op == "mark":
            self.pump()
            return {"mark": len(self.events)}
        if op == "events":
            return self.take_events()
        if op == "stop":
            return self.stop()
        if op == "status":
            return {"returncode": self.app.poll() if self.app is not None else None}
        raise ProbeError(f"unknown op {op!r}")


def main() -> int:
    session = Session()
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                reply = session.handle(json.loads(line))
                reply.setdefault("ok", True)
            except (ProbeError, GLib.Error, KeyError, ValueError, OSError) as error:
                reply = {"ok": False, "error": str(error)}
            print(json.dumps(reply, ensure_ascii=False), flush=True)
    finally:
        session.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
