#!/usr/bin/python3
"""A long-lived probe session for the AT-SPI tests: one JSON request per stdin line, one JSON reply per line.

Run by Debian's ``/usr/bin/python3`` (it has ``gi``) inside ``run_with_bus.sh``, so that it and the
application it starts share the Xvfb display, the D-Bus session and the accessibility bus. The tests
(in the venv's Python) send requests; every reply is ``{"ok": true, ...}`` or ``{"ok": false,
"error": ...}``. Requests:

  {"op": "start", "argv": [...], "log": PATH}   start the application (stdout/stderr to PATH) and
                                                 listen to every event it sends from then on
  {"op": "steps", "lines": ["click --role ..."]} probe.py sub-command lines, run in order; stops at
                                                 the first that fails; replies "results"
  {"op": "key", "keysym": 65288}                 one key press and release (BackSpace here)
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
import subprocess
import sys
import time

# probe.py sits next to this script (sys.path[0]); importing it also selects the Atspi 2.0 typelib.
from probe import DEFAULT_EVENTS, Probe, ProbeError, _safe, run_line

from gi.repository import Atspi, GLib  # isort: skip

# How long Qt may take between doing something and its accessibility events arriving here.
SETTLE_SECONDS = 0.15
STEP_TIMEOUT = 10.0


class Session:
    def __init__(self) -> None:
        self.app: subprocess.Popen[bytes] | None = None
        self.probe: Probe | None = None
        self.events: list[dict[str, object]] = []
        self.started = time.monotonic()
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

    def start(self, argv: list[str], log: str) -> dict[str, object]:
        with open(log, "wb") as output:
            self.app = subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT)
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

    def key(self, keysym: int) -> dict[str, object]:
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        self.pump(SETTLE_SECONDS)
        return {}

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
            return self.start(list(request["argv"]), str(request["log"]))  # type: ignore[arg-type]
        if op == "steps":
            return self.steps(list(request["lines"]))  # type: ignore[arg-type]
        if op == "key":
            return self.key(int(request["keysym"]))  # type: ignore[arg-type]
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
