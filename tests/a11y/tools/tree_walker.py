#!/usr/bin/python3
"""A tester's accessibility client: walks the whole tree of one application again and again, fast.

Run by Debian's ``/usr/bin/python3`` (it has ``gi``) inside ``run_with_bus.sh``, as a process of its own,
beside whatever drives the application. Each pass asks every node what Accerciser, dogtail or a
tester's script asks — name, role, description, states, attributes, relations, index in parent, its
children one by one — and, for each interface the node has, its contents (text, actions, value,
extents, table cells, selection). It also asks what a careless or stale client asks: the child just
past the end (what a client still holding the child count from before a scroll bar was hidden asks),
far past it, offsets outside the text, actions and cells that do not exist. Nothing it asks changes
the application: no action is performed, no text or value is set.

libatspi's own cache is switched off, so that every question reaches the application.

  tree_walker.py [--thorough] PID STOP_FILE REPORT_FILE

Plain (the default) asks each node its name, role, description, states and children, as fast as it
can, the way a tree viewer refreshes; ``--thorough`` asks everything above, careless questions
included (a pass takes seconds: run both side by side).

Runs until STOP_FILE exists or the application is gone, then writes one JSON object to REPORT_FILE:
passes completed, nodes visited, questions asked, and whether the application was still alive.
"""

from __future__ import annotations

import json
import os
import sys
import time
import warnings

from probe import Probe, _safe

from gi.repository import Atspi  # isort: skip

# Indices a careless client asks beyond the end of a list (added to its length).
PAST_THE_END = (0, 1, 2, 7)
FAR_AWAY = 2**31 - 1
MAX_DEPTH = 60

# Some getters are flagged deprecated in favour of names GI does not expose: not news to a tester.
warnings.filterwarnings("ignore", category=DeprecationWarning)


class Walker:
    def __init__(self, pid: int, thorough: bool, stop_file: str) -> None:
        self.pid = pid
        self.stop_file = stop_file
        self.thorough = thorough
        self.probe = Probe(pid=pid)
        self.nodes = 0
        self.questions = 0

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        # A zombie (exited, not yet reaped by its parent) is not alive either.
        try:
            with open(f"/proc/{self.pid}/stat") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    def ask(self, question, *arguments) -> object:
        self.questions += 1
        return _safe(lambda: question(*arguments))

    def walk_once(self) -> None:
        app = self.probe.app(timeout=20)
        _safe(lambda: app.set_cache_mask(Atspi.Cache.NONE))
        self.visit(app, 0)

    def visit(self, node: Atspi.Accessible, depth: int) -> None:
        if os.path.exists(self.stop_file):
            return  # asked to stop: no need to finish a thorough pass of many seconds
        self.nodes += 1
        _safe(node.clear_cache)
        for question in (node.get_name, node.get_role_name, node.get_description):
            self.ask(question)
        states = self.ask(node.get_state_set)
        if states is not None:
            _safe(states.get_states)
        count = self.ask(node.get_child_count) or 0
        if self.thorough:
            for question in (
                node.get_attributes,
                node.get_relation_set,
                node.get_index_in_parent,
                node.get_parent,
            ):
                self.ask(question)
            self.ask_interfaces(node, set(self.ask(node.get_interfaces) or []))
            for extra in PAST_THE_END:
                self.ask(node.get_child_at_index, count + extra)
            self.ask(node.get_child_at_index, FAR_AWAY)
        if depth >= MAX_DEPTH:
            return
        for index in range(count):
            child = self.ask(node.get_child_at_index, index)
            if child is not None:
                self.visit(child, depth + 1)

    def ask_interfaces(self, node: Atspi.Accessible, interfaces: set[str]) -> None:
        if "Component" in interfaces:
            self.ask(Atspi.Component.get_extents, node, Atspi.CoordType.SCREEN)
            self.ask(Atspi.Component.get_accessible_at_point, node, -5, -5, Atspi.CoordType.WINDOW)
        if "Text" in interfaces:
            length = self.ask(Atspi.Text.get_character_count, node) or 0
            self.ask(Atspi.Text.get_text, node, 0, length)
            self.ask(Atspi.Text.get_caret_offset, node)
            for offset in (-5, length, length + 3, FAR_AWAY):
                self.ask(Atspi.Text.get_character_at_offset, node, offset)
                self.ask(Atspi.Text.get_text_attributes, node, offset)
                self.ask(Atspi.Text.get_string_at_offset, node, offset, Atspi.TextGranularity.WORD)
                self.ask(Atspi.Text.get_character_extents, node, offset, Atspi.CoordType.SCREEN)
            self.ask(Atspi.Text.get_text, node, -7, length + 9)
            self.ask(Atspi.Text.get_range_extents, node, length, -3, Atspi.CoordType.SCREEN)
            self.ask(Atspi.Text.get_selection, node, 5)
        if "Action" in interfaces:
            actions = self.ask(Atspi.Action.get_n_actions, node) or 0
            for index in (*range(actions), actions, actions + 4):
                self.ask(Atspi.Action.get_action_name, node, index)
                self.ask(Atspi.Action.get_action_description, node, index)
                self.ask(Atspi.Action.get_key_binding, node, index)
        if "Value" in interfaces:
            self.ask(Atspi.Value.get_current_value, node)
            self.ask(Atspi.Value.get_maximum_value, node)
        if "Table" in interfaces:
            rows = self.ask(Atspi.Table.get_n_rows, node) or 0
            columns = self.ask(Atspi.Table.get_n_columns, node) or 0
            for row, column in ((0, 0), (rows, 0), (0, columns), (rows + 5, columns + 5), (-1, -1)):
                self.ask(Atspi.Table.get_accessible_at, node, row, column)
                self.ask(Atspi.Table.get_index_at, node, row, column)
            for index in (rows, columns, -1, FAR_AWAY):
                self.ask(Atspi.Table.get_row_description, node, index)
                self.ask(Atspi.Table.get_column_description, node, index)
                self.ask(Atspi.Table.get_column_header, node, index)
                self.ask(Atspi.Table.get_row_at_index, node, index)
        if "Selection" in interfaces:
            selected = self.ask(Atspi.Selection.get_n_selected_children, node) or 0
            for index in (selected, selected + 3, FAR_AWAY):
                self.ask(Atspi.Selection.get_selected_child, node, index)
                self.ask(Atspi.Selection.is_child_selected, node, index)


def main() -> int:
    arguments = sys.argv[1:]
    thorough = "--thorough" in arguments
    pid, stop_file, report_file = (argument for argument in arguments if argument != "--thorough")
    walker = Walker(int(pid), thorough, stop_file)
    passes = 0
    started = time.monotonic()
    while walker.alive() and not os.path.exists(stop_file):
        walker.walk_once()
        passes += 1
    report = {
        "mode": "thorough" if thorough else "plain",
        "passes": passes,
        "nodes": walker.nodes,
        "questions": walker.questions,
        "seconds": round(time.monotonic() - started, 1),
        "app_alive": walker.alive(),
    }
    with open(report_file, "w", encoding="utf-8") as output:
        json.dump(report, output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
