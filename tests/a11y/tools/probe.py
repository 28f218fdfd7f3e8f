#!/usr/bin/python3
# Vendored from ../shared/tools/a11y/probe.py (the project's AT-SPI test tooling); keep it in sync with that copy.
# ruff: noqa  (the shared copy, neither linted nor formatted here; two changes, for speed while
# other clients load the application: find_all asks the application's Collection interface for the
# matching role and states in one call (falling back to walking the tree), and a walk with --state
# showing does not descend into what is not showing)
# fmt: off
"""Black-box AT-SPI probe for Qt (or any) desktop apps: what a screen reader sees.

Run with Debian's /usr/bin/python3 (needs python3-gi + gir1.2-atspi-2.0), inside a
session that has an AT-SPI bus (see run_with_bus.sh).

  probe.py apps                                  list applications on the a11y bus
  probe.py [--app NAME] dump [--showing] [--max-depth N] [--root-path 0/0/4]
  probe.py [--app NAME] find   SEL...            all matching nodes as JSON
  probe.py [--app NAME] describe SEL...          the first (or --nth) match
  probe.py [--app NAME] click  SEL... [--action Press]   do an Action (Press/Toggle/SetFocus...)
  probe.py [--app NAME] activate                 give the app's window X input focus (no WM
                                                 under Xvfb: otherwise no active/focused states)
  probe.py [--app NAME] focus  SEL...            activate, then Component.grab_focus / SetFocus
  probe.py [--app NAME] set-text SEL... --text T EditableText.set_text_contents
  probe.py [--app NAME] type   SEL... --text T   focus, then synthesize key presses (XTest)
  probe.py [--app NAME] get-text SEL...          Text interface contents (+ name)
  probe.py [--app NAME] wait   SEL... [--timeout S] [--gone]
  probe.py [--app NAME] events [--seconds S] [--type T ...] [--do 'STEP' ...]
                               [--ignore TYPE_PREFIX ...] [--summary] [--stream]
  probe.py [--app NAME] batch 'STEP' 'STEP' ...  several steps, one connection

SEL (selector) options, all optional, combined with AND:
  --role ROLE        AT-SPI role name, e.g. "push button", "radio button", "text",
                     "password text", "check box", "label", "grouping", "page tab"
  --name NAME        exact accessible name     --name-re RE   regex search on the name
  --within NAME      some ancestor has this exact name (e.g. the QGroupBox title)
  --state STATE      node has this state (repeatable), e.g. --state showing
  --nth N            pick the Nth match (0-based, document order; default 0)
  --path 0/1/3       child-index path from the application root

--app matches the application name exactly, then as a substring; without --app the
newest application (highest start time of its PID) is used.

Output is JSON on stdout. Exit code 0 = ok, 1 = not found / timeout, 2 = usage/other.
Importable: `from probe import Probe`.
"""
import argparse
import json
import os
import re
import shlex
import sys
import time
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# Atspi.Action.get_action_name is flagged deprecated in favour of atspi_action_get_name,
# which GI does not expose under that name; silence the noise.
warnings.filterwarnings("ignore", message=r".*get_action_name is deprecated", category=DeprecationWarning)

DEFAULT_EVENTS = [
    "object:state-changed",
    "object:text-changed",
    "object:property-change",
    "object:children-changed",
    "object:announcement",
    "object:text-caret-moved",
    "object:selection-changed",
    "object:visible-data-changed",
    "object:active-descendant-changed",
    "window:activate",
    "window:create",
    "window:deactivate",
    "focus:",
]

# Which action names to try, in order, for "click" when --action is not given.
CLICK_ACTIONS = ["Press", "press", "click", "Toggle", "toggle", "activate", "jump"]


class ProbeError(Exception):
    pass


def x11_focus_pid_windows(pid):
    """Give X input focus to the mapped top-level windows whose _NET_WM_PID is `pid`.

    Under a bare Xvfb there is no window manager, so a new window is never activated:
    Qt then reports no "active"/"focused" states and sends no focus events, and
    synthesized key presses go nowhere. XSetInputFocus is what a WM would do.
    Pure ctypes on libX11 (no extra package). Returns the list of window ids focused.
    """
    import ctypes
    import ctypes.util
    c = ctypes
    xlib = c.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
    ul, vp = c.c_ulong, c.c_void_p
    xlib.XOpenDisplay.restype = vp
    xlib.XOpenDisplay.argtypes = [c.c_char_p]
    xlib.XDefaultRootWindow.restype = ul
    xlib.XDefaultRootWindow.argtypes = [vp]
    xlib.XInternAtom.restype = ul
    xlib.XInternAtom.argtypes = [vp, c.c_char_p, c.c_int]
    xlib.XQueryTree.argtypes = [vp, ul, c.POINTER(ul), c.POINTER(ul),
                                c.POINTER(c.POINTER(ul)), c.POINTER(c.c_uint)]
    xlib.XGetWindowProperty.argtypes = [vp, ul, ul, c.c_long, c.c_long, c.c_int, ul,
                                        c.POINTER(ul), c.POINTER(c.c_int), c.POINTER(ul),
                                        c.POINTER(ul), c.POINTER(c.POINTER(c.c_ubyte))]
    xlib.XFree.argtypes = [vp]
    xlib.XRaiseWindow.argtypes = [vp, ul]
    xlib.XSetInputFocus.argtypes = [vp, ul, c.c_int, ul]
    xlib.XSync.argtypes = [vp, c.c_int]
    xlib.XCloseDisplay.argtypes = [vp]

    class XWindowAttributes(c.Structure):
        _fields_ = [("x", c.c_int), ("y", c.c_int), ("width", c.c_int), ("height", c.c_int),
                    ("border_width", c.c_int), ("depth", c.c_int), ("visual", vp),
                    ("root", ul), ("class_", c.c_int), ("bit_gravity", c.c_int),
                    ("win_gravity", c.c_int), ("backing_store", c.c_int),
                    ("backing_planes", ul), ("backing_pixel", ul), ("save_under", c.c_int),
                    ("colormap", ul), ("map_installed", c.c_int), ("map_state", c.c_int),
                    ("all_event_masks", c.c_long), ("your_event_mask", c.c_long),
                    ("do_not_propagate_mask", c.c_long), ("override_redirect", c.c_int),
                    ("screen", vp)]
    xlib.XGetWindowAttributes.argtypes = [vp, ul, c.POINTER(XWindowAttributes)]

    dpy = xlib.XOpenDisplay(None)
    if not dpy:
        raise ProbeError(f"cannot open X display {os.environ.get('DISPLAY')!r}")
    try:
        atom = xlib.XInternAtom(dpy, b"_NET_WM_PID", 1)
        if not atom:
            return []
        root = xlib.XDefaultRootWindow(dpy)
        r, p, kids, n = ul(), ul(), c.POINTER(ul)(), c.c_uint()
        if not xlib.XQueryTree(dpy, root, c.byref(r), c.byref(p), c.byref(kids), c.byref(n)):
            return []
        wins = [kids[i] for i in range(n.value)]
        if kids:
            xlib.XFree(kids)
        hits = []
        for w in wins:
            at, fmt, nitems, after = ul(), c.c_int(), ul(), ul()
            data = c.POINTER(c.c_ubyte)()
            if xlib.XGetWindowProperty(dpy, w, atom, 0, 1, 0, 6,  # 6 = XA_CARDINAL
                                       c.byref(at), c.byref(fmt), c.byref(nitems),
                                       c.byref(after), c.byref(data)) != 0:
                continue
            val = c.cast(data, c.POINTER(c.c_ulong))[0] if data and nitems.value else None
            if data:
                xlib.XFree(data)
            if val != pid:
                continue
            attrs = XWindowAttributes()
            xlib.XGetWindowAttributes(dpy, w, c.byref(attrs))
            if attrs.map_state == 2:  # IsViewable
                hits.append(w)
        for w in hits[-1:]:  # the topmost mapped one
            xlib.XRaiseWindow(dpy, w)
            xlib.XSetInputFocus(dpy, w, 2, 0)  # RevertToParent, CurrentTime
        xlib.XSync(dpy, 0)
        return hits[-1:]
    finally:
        xlib.XCloseDisplay(dpy)


def _nick(enum_value):
    return getattr(enum_value, "value_nick", str(enum_value))


def _safe(fn, default=None):
    try:
        return fn()
    except GLib.Error:
        return default
    except Exception:  # noqa: BLE001 - a dead or half-built node must not kill a dump
        return default


def proc_start_time(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return -1


class Probe:
    def __init__(self, app=None, pid=None, text_limit=2000):
        Atspi.init()
        self.app_query = app
        self.pid = pid
        self.text_limit = text_limit
        self._app = None

    # ------------------------------------------------------------- apps
    def apps(self):
        desk = Atspi.get_desktop(0)
        out = []
        for i in range(_safe(desk.get_child_count, 0)):
            a = _safe(lambda: desk.get_child_at_index(i))
            if a is None:
                continue
            pid = _safe(a.get_process_id, -1)
            out.append({"name": _safe(a.get_name, ""), "pid": pid,
                        "children": _safe(a.get_child_count, 0),
                        "toolkit": _safe(a.get_toolkit_name, ""),
                        "toolkit_version": _safe(a.get_toolkit_version, ""),
                        "started": proc_start_time(pid), "_obj": a})
        return out

    def app(self, timeout=0.0):
        """The target application (cached). Waits up to `timeout` s for it to appear."""
        if self._app is not None:
            return self._app
        deadline = time.monotonic() + timeout
        while True:
            apps = self.apps()
            cand = []
            if self.pid is not None:
                cand = [a for a in apps if a["pid"] == self.pid]
            elif self.app_query:
                cand = [a for a in apps if a["name"] == self.app_query] or \
                       [a for a in apps if self.app_query.lower() in a["name"].lower()]
            else:
                cand = [a for a in apps if a["pid"] != os.getpid()]
            cand = [a for a in cand if a["children"] > 0] or cand
            if cand:
                best = max(cand, key=lambda a: (a["started"], a["pid"]))
                self._app = best["_obj"]
                return self._app
            if time.monotonic() >= deadline:
                raise ProbeError(f"application not found: {self.app_query or self.pid or '(any)'}; "
                                 f"apps on bus: {[a['name'] for a in apps]}")
            time.sleep(0.1)

    # ------------------------------------------------------------- description
    def describe(self, node, path=None, with_text=True):
        d = {"role": _safe(node.get_role_name, "?"), "name": _safe(node.get_name, "")}
        desc = _safe(node.get_description, "")
        if desc:
            d["description"] = desc
        ss = _safe(node.get_state_set)
        d["states"] = sorted(_nick(s) for s in ss.get_states()) if ss else []
        d["child_count"] = _safe(node.get_child_count, 0)
        if path is not None:
            d["path"] = path
        ifaces = _safe(node.get_interfaces, []) or []
        d["interfaces"] = [i for i in ifaces if i not in ("Accessible", "Collection")]
        if "Action" in ifaces:
            n = _safe(lambda: Atspi.Action.get_n_actions(node), 0)
            d["actions"] = [_safe(lambda i=i: Atspi.Action.get_action_name(node, i), "?")
                            for i in range(n)]
        if with_text and "Text" in ifaces:
            count = _safe(lambda: Atspi.Text.get_character_count(node), 0)
            txt = _safe(lambda: Atspi.Text.get_text(node, 0, min(count, self.text_limit)), None)
            d["text"] = txt
            if count > self.text_limit:
                d["text_truncated_at"] = self.text_limit
        if "Value" in ifaces:
            d["value"] = _safe(lambda: Atspi.Value.get_current_value(node))
        rels = []
        for r in _safe(node.get_relation_set, []) or []:
            targets = []
            for i in range(_safe(r.get_n_targets, 0)):
                t = _safe(lambda i=i: r.get_target(i))
                if t is not None:
                    targets.append(f"{_safe(t.get_role_name, '?')}:{_safe(t.get_name, '')}")
            rels.append({"type": _nick(r.get_relation_type()), "targets": targets})
        if rels:
            d["relations"] = rels
        attrs = _safe(node.get_attributes, {}) or {}
        if attrs:
            d["attributes"] = dict(attrs)
        if "Component" in ifaces:
            e = _safe(lambda: Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW))
            if e is not None:
                d["extents"] = [e.x, e.y, e.width, e.height]
        return d

    def tree(self, node=None, max_depth=50, showing_only=False, path="", depth=0):
        node = node or self.app()
        d = self.describe(node, path=path or "")
        if depth >= max_depth:
            return d
        kids = []
        for i in range(d["child_count"]):
            c = _safe(lambda i=i: node.get_child_at_index(i))
            if c is None:
                continue
            if showing_only:
                ss = _safe(c.get_state_set)
                if ss is not None and not ss.contains(Atspi.StateType.SHOWING):
                    continue
            kids.append(self.tree(c, max_depth, showing_only,
                                  f"{path}/{i}" if path else str(i), depth + 1))
        if kids:
            d["children"] = kids
        return d

    # ------------------------------------------------------------- search
    def walk(self, node=None, path="", ancestors=(), showing_only=False):
        """Yield (node, path, ancestor_names) in document order (only what shows, if asked)."""
        node = node or self.app()
        yield node, path, ancestors
        name = _safe(node.get_name, "")
        for i in range(_safe(node.get_child_count, 0)):
            c = _safe(lambda i=i: node.get_child_at_index(i))
            if c is None:
                continue
            if showing_only:
                ss = _safe(c.get_state_set)
                if ss is not None and not ss.contains(Atspi.StateType.SHOWING):
                    continue
            yield from self.walk(c, f"{path}/{i}" if path else str(i), ancestors + (name,),
                                 showing_only)

    def by_path(self, path):
        node = self.app()
        for part in [p for p in path.split("/") if p != ""]:
            node = node.get_child_at_index(int(part))
            if node is None:
                raise ProbeError(f"no node at path {path}")
        return node

    def find_all(self, role=None, name=None, name_re=None, within=None, states=(),
                 path=None, root=None):
        if path:
            return [(self.by_path(path), path)]
        rx = re.compile(name_re) if name_re else None
        want_states = []
        for st in states:
            v = getattr(Atspi.StateType, st.upper().replace("-", "_").replace(" ", "_"), None)
            if v is None:
                raise ProbeError(f"unknown state {st!r} (e.g. showing, focused, checked, enabled)")
            want_states.append(v)
        if root is None and (role or want_states):
            found = self._find_by_collection(role, want_states, name, rx, within)
            if found is not None:
                return found
        out = []
        showing_only = Atspi.StateType.SHOWING in want_states
        for node, p, anc in self.walk(root, showing_only=showing_only):
            if role and _safe(node.get_role_name, "") != role:
                continue
            nm = _safe(node.get_name, "")
            if name is not None and nm != name:
                continue
            if rx and not rx.search(nm or ""):
                continue
            if within is not None and within not in anc:
                continue
            if want_states:
                ss = _safe(node.get_state_set)
                if ss is None or not all(ss.contains(st) for st in want_states):
                    continue
            out.append((node, p))
        return out

    def _find_by_collection(self, role, want_states, name, rx, within):
        """One GetMatches call for role and states, then name/within/path per match; None if unsupported."""
        roles = []
        if role:
            value = getattr(Atspi.Role, role.upper().replace(" ", "_"), None)
            if value is None:
                return None
            roles.append(value)
        try:
            rule = Atspi.MatchRule.new(
                Atspi.StateSet.new(want_states), Atspi.CollectionMatchType.ALL,
                {}, Atspi.CollectionMatchType.ALL,
                roles, Atspi.CollectionMatchType.ANY if roles else Atspi.CollectionMatchType.ALL,
                [], Atspi.CollectionMatchType.ALL, False)
            app = self.app()
            matches = Atspi.Collection.get_matches(app, rule, Atspi.CollectionSortOrder.CANONICAL, 0, True)
        except (GLib.Error, TypeError, AttributeError):
            return None
        out = []
        for node in matches:
            nm = _safe(node.get_name, "")
            if name is not None and nm != name:
                continue
            if rx and not rx.search(nm or ""):
                continue
            located = self._locate(node, app)
            if located is None:
                continue  # gone meanwhile, or not under this application
            path, ancestors = located
            if within is not None and within not in ancestors:
                continue
            out.append((node, path))
        return out

    def _locate(self, node, app):
        """(path from the application, ancestor names from the application down), by climbing parents."""
        indices, ancestors = [], []
        current = node
        for _ in range(100):
            parent = _safe(current.get_parent)
            if parent is None:
                return None
            index = _safe(current.get_index_in_parent, -1)
            if index is None or index < 0:
                return None
            indices.append(index)
            ancestors.append(_safe(parent.get_name, ""))
            if parent == app or _safe(parent.get_role_name, "") == "application":
                return "/".join(str(i) for i in reversed(indices)), tuple(reversed(ancestors))
            current = parent
        return None

    def find(self, nth=0, timeout=0.0, **sel):
        deadline = time.monotonic() + timeout
        while True:
            found = self.find_all(**sel)
            if len(found) > nth:
                return found[nth]
            if time.monotonic() >= deadline:
                raise ProbeError(f"no node matches {sel} (nth={nth}); {len(found)} match(es)")
            time.sleep(0.1)

    # ------------------------------------------------------------- actions
    def do_action(self, node, action=None):
        n = Atspi.Action.get_n_actions(node)
        names = [Atspi.Action.get_action_name(node, i) for i in range(n)]
        def norm(x):  # Qt says "Set Focus", others "SetFocus"/"setfocus"
            return x.replace(" ", "").replace("-", "").replace("_", "").lower()
        order = [action] if action else CLICK_ACTIONS
        for want in order:
            hits = [i for i, nm in enumerate(names) if nm == want] or \
                   [i for i, nm in enumerate(names) if norm(nm) == norm(want)]
            if hits:
                ok = Atspi.Action.do_action(node, hits[0])
                return {"action": names[hits[0]], "ok": bool(ok), "available": names}
        hint = ""
        ss = _safe(node.get_state_set)
        if ss is not None and not ss.contains(Atspi.StateType.ENABLED):
            hint = " (node is not 'enabled': Qt exposes no actions on disabled widgets)"
        raise ProbeError(f"action {action or CLICK_ACTIONS} not in {names}{hint}")

    def window_active(self):
        app = self.app()
        for i in range(_safe(app.get_child_count, 0)):
            w = _safe(lambda i=i: app.get_child_at_index(i))
            ss = _safe(w.get_state_set) if w is not None else None
            if ss is not None and ss.contains(Atspi.StateType.ACTIVE):
                return True
        return False

    def activate(self, wait=1.0):
        """Make the app's window the active X window (what a window manager would do)."""
        if self.window_active():
            return {"ok": True, "already_active": True}
        wins = x11_focus_pid_windows(self.app().get_process_id())
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and not self.window_active():
            time.sleep(0.02)
        return {"ok": self.window_active(), "x11_windows": wins}

    def focus(self, node, activate=True):
        res = {}
        if activate and not self.window_active():
            res["activated"] = self.activate()["ok"]
        if "Component" in (_safe(node.get_interfaces, []) or []):
            ok = _safe(lambda: Atspi.Component.grab_focus(node), False)
            if ok:
                res.update({"method": "Component.grab_focus", "ok": True})
                return res
        res.update(self.do_action(node, "SetFocus"))
        return res

    def set_text(self, node, text):
        if "EditableText" not in (_safe(node.get_interfaces, []) or []):
            raise ProbeError("node has no EditableText interface")
        ok = Atspi.EditableText.set_text_contents(node, text)
        return {"ok": bool(ok)}

    def type_text(self, node, text, delay=0.02, activate=True):
        """Focus the node, then send real key events (goes through X, like a user)."""
        self.focus(node, activate=activate)
        time.sleep(0.1)
        for ch in text:
            # KEYSYM event with the keysym of the character (latin-1 = code point).
            ks = ord(ch) if ord(ch) < 0x100 else 0x01000000 + ord(ch)
            Atspi.generate_keyboard_event(ks, None, Atspi.KeySynthType.SYM)
            time.sleep(delay)
        return {"ok": True, "typed": len(text)}

    def get_text(self, node):
        d = {"role": _safe(node.get_role_name, "?"), "name": _safe(node.get_name, "")}
        if "Text" in (_safe(node.get_interfaces, []) or []):
            count = Atspi.Text.get_character_count(node)
            d["text"] = Atspi.Text.get_text(node, 0, count)
            d["character_count"] = count
        return d

    # ------------------------------------------------------------- events
    def listen(self, seconds=5.0, types=None, steps=(), all_apps=False, on_event=None):
        """Collect AT-SPI events for `seconds`; `steps` (callables) run once listening."""
        types = types or DEFAULT_EVENTS
        events = []
        t0 = time.monotonic()
        target_pid = None if all_apps else _safe(lambda: self.app().get_process_id())

        def cb(ev):
            src = ev.source
            pid = _safe(lambda: src.get_process_id()) if src is not None else None
            if target_pid is not None and pid is not None and pid != target_pid:
                return
            rec = {"t": round(time.monotonic() - t0, 3), "type": ev.type,
                   "detail1": ev.detail1, "detail2": ev.detail2}
            data = _safe(lambda: ev.any_data)
            if isinstance(data, Atspi.Accessible):
                data = f"{_safe(data.get_role_name, '?')}:{_safe(data.get_name, '')}"
            if data is not None and not isinstance(data, (str, int, float, bool)):
                data = repr(data)
            if data not in (None, ""):
                rec["any_data"] = data
            if src is not None:
                rec["source"] = {"role": _safe(src.get_role_name, "?"),
                                 "name": _safe(src.get_name, "")}
            events.append(rec)
            if on_event:
                on_event(rec)

        listener = Atspi.EventListener.new(cb)
        registered, failed = [], []
        for t in types:
            try:
                (registered if listener.register(t) else failed).append(t)
            except GLib.Error as e:
                failed.append(f"{t} ({e.message})")
        loop = GLib.MainLoop()
        results = []

        def run_steps():
            for s in steps:
                try:
                    results.append(s())
                except Exception as e:  # noqa: BLE001
                    results.append({"error": str(e)})
            return False

        GLib.timeout_add(200, run_steps)
        GLib.timeout_add(int(seconds * 1000), loop.quit)
        loop.run()
        for t in registered:
            _safe(lambda t=t: listener.deregister(t))
        return {"seconds": seconds, "registered": registered, "failed": failed,
                "step_results": results, "events": events}


# ===================================================================== CLI

def add_selector(p):
    p.add_argument("--role")
    p.add_argument("--name")
    p.add_argument("--name-re")
    p.add_argument("--within")
    p.add_argument("--state", action="append", default=[])
    p.add_argument("--nth", type=int, default=0)
    p.add_argument("--path")
    p.add_argument("--timeout", type=float, default=None, dest="node_timeout",
                   help="wait up to S seconds for the node (default: the global --timeout)")


def sel_of(a):
    return dict(role=a.role, name=a.name, name_re=a.name_re, within=a.within,
                states=a.state, path=a.path)


def build_parser():
    ap = argparse.ArgumentParser(prog="probe.py", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--app", help="application name (exact, else substring)")
    ap.add_argument("--pid", type=int)
    ap.add_argument("--timeout", type=float, default=5.0, dest="app_timeout",
                    help="seconds to wait for the app / nodes (default 5)")
    ap.add_argument("--pretty", action="store_true", help="indent JSON")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("apps")
    p = sub.add_parser("dump")
    p.add_argument("--showing", action="store_true", help="only nodes with state 'showing'")
    p.add_argument("--max-depth", type=int, default=50)
    p.add_argument("--root-path", help="dump from this child-index path")
    p.add_argument("--text-limit", type=int, default=2000)
    sub.add_parser("activate")
    for c in ("find", "click", "focus", "get-text", "wait", "set-text", "type", "describe"):
        p = sub.add_parser(c)
        add_selector(p)
        if c in ("focus", "type"):
            p.add_argument("--no-activate", action="store_true",
                           help="do not first give the app's window X input focus")
        if c == "click":
            p.add_argument("--action", help="action name (default: first of %s)" % CLICK_ACTIONS)
        if c in ("set-text", "type"):
            p.add_argument("--text", required=True)
        if c == "wait":
            p.add_argument("--gone", action="store_true", help="wait until no node matches")
    p = sub.add_parser("events")
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--type", action="append", dest="types",
                   help="event type to register (repeatable); default: a broad set")
    p.add_argument("--all-apps", action="store_true", help="do not filter on --app's pid")
    p.add_argument("--do", action="append", default=[],
                   help="a step (same syntax as a subcommand) run once listening")
    p.add_argument("--stream", action="store_true", help="also print each event to stderr as it arrives")
    p.add_argument("--ignore", action="append", default=[],
                   help="drop events whose type starts with this (repeatable), "
                        "e.g. --ignore object:state-changed:showing")
    p.add_argument("--summary", action="store_true",
                   help="add 'summary': counts per type and source")
    p = sub.add_parser("batch")
    p.add_argument("steps", nargs="+", help="subcommand lines, e.g. \"click --role 'push button' --name Next\"")
    return ap


def run_cmd(probe, a, default_timeout):
    """Execute one parsed subcommand; returns a JSON-able result."""
    tmo = getattr(a, "node_timeout", None)
    tmo = default_timeout if tmo is None else tmo
    if a.cmd == "apps":
        return [{k: v for k, v in x.items() if not k.startswith("_")} for x in probe.apps()]
    if a.cmd == "dump":
        probe.text_limit = a.text_limit
        root = probe.by_path(a.root_path) if a.root_path else probe.app(timeout=tmo)
        return probe.tree(root, max_depth=a.max_depth, showing_only=a.showing,
                          path=a.root_path or "")
    if a.cmd == "events":
        steps = [lambda line=line: run_line(probe, line, default_timeout) for line in a.do]
        def stream(rec):
            print(json.dumps(rec, ensure_ascii=False), file=sys.stderr, flush=True)
        on_event = stream if a.stream else None
        probe.app(timeout=tmo)
        res = probe.listen(a.seconds, a.types, steps, a.all_apps, on_event)
        if a.ignore:
            kept = [e for e in res["events"] if not e["type"].startswith(tuple(a.ignore))]
            res["ignored"] = len(res["events"]) - len(kept)
            res["events"] = kept
        if a.summary:
            counts = {}
            for e in res["events"]:
                src = e.get("source", {})
                k = f'{e["type"]} <- {src.get("role", "?")}:{src.get("name", "")}'
                counts[k] = counts.get(k, 0) + 1
            res["summary"] = counts
        return res
    if a.cmd == "batch":
        return [run_line(probe, line, default_timeout) for line in a.steps]
    probe.app(timeout=tmo)
    if a.cmd == "activate":
        return probe.activate()
    sel = sel_of(a)
    if a.cmd == "wait":
        deadline = time.monotonic() + tmo
        while True:
            found = probe.find_all(**sel)
            if (not a.gone and len(found) > a.nth) or (a.gone and not found):
                res = {"ok": True, "waited": round(tmo - (deadline - time.monotonic()), 3)}
                if not a.gone:
                    res["node"] = probe.describe(found[a.nth][0], found[a.nth][1])
                return res
            if time.monotonic() >= deadline:
                raise ProbeError(f"timeout after {tmo}s waiting for {sel}"
                                 + (" to disappear" if a.gone else ""))
            time.sleep(0.1)
    if a.cmd == "find":
        return [probe.describe(n, p) for n, p in probe.find_all(**sel)]
    node, path = probe.find(nth=a.nth, timeout=tmo, **sel)
    if a.cmd == "describe":
        described = probe.describe(node, path)
        # The language a screen reader picks a voice for (one node only: a D-Bus call more).
        locale = _safe(node.get_object_locale, "")
        if locale:
            described["locale"] = locale
        return described
    if a.cmd == "click":
        r = probe.do_action(node, a.action)
    elif a.cmd == "focus":
        r = probe.focus(node, activate=not a.no_activate)
    elif a.cmd == "set-text":
        r = probe.set_text(node, a.text)
    elif a.cmd == "type":
        r = probe.type_text(node, a.text, activate=not a.no_activate)
    elif a.cmd == "get-text":
        r = probe.get_text(node)
    else:
        raise ProbeError(f"unknown command {a.cmd}")
    r["target"] = {"role": _safe(node.get_role_name, "?"), "name": _safe(node.get_name, ""),
                   "path": path}
    return r


def run_line(probe, line, default_timeout):
    parser = build_parser()
    try:
        a = parser.parse_args(shlex.split(line) if isinstance(line, str) else line)
    except SystemExit:
        raise ProbeError(f"bad step: {line!r}")
    try:
        return {"step": line, "result": run_cmd(probe, a, default_timeout)}
    except ProbeError as e:
        return {"step": line, "error": str(e)}


def main(argv=None):
    a = build_parser().parse_args(argv)
    t0 = time.monotonic()
    probe = Probe(app=a.app, pid=a.pid)
    try:
        res = run_cmd(probe, a, a.app_timeout)
        rc = 0
        if a.cmd == "batch" and any("error" in r for r in res):
            rc = 1
    except ProbeError as e:
        res, rc = {"error": str(e)}, 1
    if isinstance(res, dict):
        res.setdefault("elapsed_s", round(time.monotonic() - t0, 3))
    try:
        print(json.dumps(res, ensure_ascii=False, indent=2 if a.pretty else None), flush=True)
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
    return rc


if __name__ == "__main__":
    sys.exit(main())
