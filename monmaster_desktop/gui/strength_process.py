"""Where the checklist's strength estimates run: a process of their own, or a thread when it cannot.

zxcvbn is pure Python. On a thread of the application it holds the interpreter lock while it scores,
and a keystroke handled meanwhile waits for the lock at each of its calls into Python: keys typed
during an estimate took 2–3 times as long as the others. In the server of ``strength_server`` (a
child process that never imports Qt) it shares nothing with the window; the UI thread only writes a
line to a pipe and reads one back when Qt says it has come (docs/performance.md, "The strength
process").

One ``StrengthEstimator`` serves the whole application (``strength_estimator()``); the first
checklist starts its server, after the first paint (the credentials page is built then). Until the
server says it is ready, and for good once it has failed (could not start, ended, answered nothing
for ``ANSWER_TIMEOUT_MS``, or answered garbage), estimates run on a thread of Qt's global pool as
before, so an estimate is never lost: the requests the server had not answered are run there too.
A failure is logged once, by kind — never a password, which exists only in the request's pipe and,
until it is answered, in this object's memory.

Answers come back as ``estimated(asker, revision, Strength | None)``, always on the UI thread; the
asker (a checklist's number) and the revision are the caller's, so it can drop an answer for a text
that has changed since (``widgets/checklist.py``).
"""

from __future__ import annotations

import atexit
import itertools
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QProcess,
    QProcessEnvironment,
    QThreadPool,
    QTimer,
    Signal,
)

from monmaster_desktop import validation
from monmaster_desktop.strength_server import READY_LINE, SERVER_OPTION

log = logging.getLogger(__name__)

# zxcvbn scores the longest text it takes (72 characters) in ~20–45 ms on this project's slowest
# machine: a server that has not answered after this long is stuck, or the machine is; either way the
# candidate gets the estimate from a thread rather than waiting on.
ANSWER_TIMEOUT_MS = 3000
# How long the application waits for its server to end on its own (end of its input) when it quits.
STOP_WAIT_MS = 1000

# On the thread fallback, zxcvbn holds the interpreter lock while it scores and the UI thread waits for
# it at each call into Python up to the interpreter's switch interval, 5 ms by default: 1 ms keeps a
# keystroke that arrives during an estimate within a frame.
GIL_SWITCH_INTERVAL_S = 0.001

PROCESS = "process"  # the server answers
STARTING = "starting"  # the server is starting: threads answer meanwhile
THREADS = "threads"  # no server (not started, or failed): threads answer


@dataclass(frozen=True)
class _Request:
    asker: int
    revision: int
    password: str
    context: tuple[str, ...]


def server_command() -> tuple[str, list[str]]:
    """The program and arguments that start the server, from a checkout, a wheel or the bundle."""
    if getattr(sys, "frozen", False):  # the bundle's executable reads the option first (__main__)
        return sys.executable, [SERVER_OPTION]
    return sys.executable, ["-m", "monmaster_desktop", SERVER_OPTION]


def _server_environment() -> QProcessEnvironment:
    environment = QProcessEnvironment.systemEnvironment()
    if getattr(sys, "frozen", False):
        # PyInstaller: the child sets itself up as a fresh start of the bundle, not as a part of this
        # process (the documented variable for an application that starts itself).
        environment.insert("PYINSTALLER_RESET_ENVIRONMENT", "1")
    else:
        # The package as this process imported it, whatever the working folder and installation.
        package_root = str(Path(__file__).resolve().parents[2])
        existing = environment.value("PYTHONPATH")
        environment.insert("PYTHONPATH", os.pathsep.join(filter(None, (package_root, existing))))
    return environment


class StrengthEstimator(QObject):
    """Estimates of passwords, by the server when it is ready, by a pool thread otherwise."""

    # (the asker, the revision it asked for, validation.Strength | None when it could not be scored)
    estimated = Signal(int, int, object)

    def __init__(self, command: tuple[str, list[str]] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._command = command or server_command()
        self._process: QProcess | None = None
        self._way = THREADS
        self._failed = False
        self._received = b""  # the start of a line the server has not finished writing
        self._request_ids = itertools.count(1)
        self._sent: dict[int, _Request] = {}  # sent to the server, not yet answered
        self._answer_timer = QTimer(self)
        self._answer_timer.setSingleShot(True)
        self._answer_timer.setInterval(ANSWER_TIMEOUT_MS)
        self._answer_timer.timeout.connect(self._no_answer_in_time)
        self.answers_from_server = 0
        self.answers_from_threads = 0
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.stop)

    def way(self) -> str:
        """``PROCESS``, ``STARTING`` or ``THREADS``: where the next estimate runs."""
        return self._way

    def process_id(self) -> int | None:
        """The server's process id while it is used, None otherwise."""
        return self._process.processId() if self._process is not None else None

    def waiting_for(self) -> int:
        """How many estimates the server has been sent and has not answered yet."""
        return len(self._sent)

    def start(self) -> None:
        """Start the server (once; never again after a failure). Returns at once: it says when ready."""
        if self._process is not None or self._failed:
            return
        process = QProcess(self)
        program, arguments = self._command
        process.setProgram(program)
        process.setArguments(arguments)
        process.setProcessEnvironment(_server_environment())
        # What the server could say on its error output is an error's type at most; the application
        # does not read it (a full pipe would block the server).
        process.setStandardErrorFile(QProcess.nullDevice())
        process.readyReadStandardOutput.connect(self._read_answers)
        # Methods, not lambdas: Qt cuts a method's connections when this object is destroyed, before
        # its process, whose destructor would otherwise call back into a half-destroyed object.
        process.errorOccurred.connect(self._process_error)
        process.finished.connect(self._process_ended)
        self._process = process
        self._way = STARTING
        process.start()

    def stop(self) -> None:
        """End the server: its input closes, it ends; killed if it has not within ``STOP_WAIT_MS``."""
        self._let_go(gently=True)

    def estimate(self, asker: int, revision: int, password: str, context: tuple[str, ...]) -> None:
        """Score ``password``; ``estimated`` says it, on the UI thread, with ``asker`` and ``revision``."""
        request = _Request(asker, revision, password, tuple(context))
        if self._way != PROCESS or self._process is None:
            self._run_on_a_thread(request)
            return
        request_id = next(self._request_ids)
        line = {"id": request_id, "password": password, "context": list(request.context)}
        self._sent[request_id] = request
        self._process.write(json.dumps(line).encode("ascii") + b"\n")
        if not self._answer_timer.isActive():
            self._answer_timer.start()

    # --- the server's side ---------------------------------------------------------------------------

    def _read_answers(self) -> None:
        process = self._process
        if process is None:
            return
        self._received += bytes(process.readAllStandardOutput().data())
        *lines, self._received = self._received.split(b"\n")
        for line in lines:
            if self._process is None:
                return  # given up on a line before this one
            if line.strip():
                self._take(line)

    def _take(self, line: bytes) -> None:
        try:
            reply = json.loads(line)
        except ValueError:
            self._give_up("an answer that is not JSON")
            return
        if reply == READY_LINE:
            self._way = PROCESS
            return
        request = self._sent.pop(reply.get("id"), None) if isinstance(reply, dict) else None
        if request is None:
            self._give_up("an answer to no request")
            return
        score = reply.get("score")
        strength: validation.Strength | None = None
        if isinstance(score, int) and 0 <= score < len(validation.STRENGTH_LABELS):
            strength = validation.strength_for_score(score)
        else:
            log.error("the strength server could not score a password: %s", reply.get("error", "no score"))
        if self._sent:
            self._answer_timer.start()  # the next answer's time counts from this one
        else:
            self._answer_timer.stop()
        self.answers_from_server += 1
        self.estimated.emit(request.asker, request.revision, strength)

    def _process_error(self, error: QProcess.ProcessError) -> None:
        self._give_up(f"process error {error.name}")

    def _process_ended(self, code: int, status: QProcess.ExitStatus) -> None:
        self._give_up(f"ended ({status.name}, {code})")

    def _no_answer_in_time(self) -> None:
        self._give_up("no answer in time")

    def _give_up(self, why: str) -> None:
        """The server is no use: threads answer from now on, starting with what it had not answered."""
        if self._process is None:
            return
        log.warning("the strength server is not used any more (%s): estimates run on a thread", why)
        self._failed = True
        self._let_go(gently=False)

    def _let_go(self, gently: bool) -> None:
        """Stop using the server (its input closed first if ``gently``, else killed at once)."""
        process, self._process = self._process, None
        if process is None:
            return
        self._way = THREADS
        self._answer_timer.stop()
        for signal in (process.readyReadStandardOutput, process.errorOccurred, process.finished):
            signal.disconnect()
        if process.state() != QProcess.ProcessState.NotRunning:
            if gently:
                process.closeWriteChannel()
            if not gently or not process.waitForFinished(STOP_WAIT_MS):
                process.kill()
                process.waitForFinished(STOP_WAIT_MS)
        process.deleteLater()
        self._run_on_threads_what_was_sent()

    def _run_on_threads_what_was_sent(self) -> None:
        sent, self._sent = self._sent, {}
        for request in sent.values():
            self._run_on_a_thread(request)

    # --- the threads' side ---------------------------------------------------------------------------

    def _run_on_a_thread(self, request: _Request) -> None:
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
        QThreadPool.globalInstance().start(lambda: self._estimate_here(request))

    def _estimate_here(self, request: _Request) -> None:
        """Runs on a pool thread; the signal reaches the UI thread queued."""
        try:
            strength: validation.Strength | None = validation.estimate_strength(
                request.password, request.context
            )
        except Exception as error:  # reported by type only: never the password
            log.error("strength estimate failed: %s", type(error).__name__)
            strength = None
        self.answers_from_threads += 1
        self.estimated.emit(request.asker, request.revision, strength)


_estimator: StrengthEstimator | None = None


def strength_estimator() -> StrengthEstimator:
    """The application's estimator, made (and its server started) by the first caller on the UI thread.

    Never deleted: a pool thread may still emit on it after every checklist has gone.
    """
    global _estimator
    if _estimator is None:
        _estimator = StrengthEstimator()
        # A program that ends without leaving the event loop (a test run, the self-test): the server
        # ends before Python's and Qt's objects are torn down.
        atexit.register(_estimator.stop)
        _estimator.start()
    return _estimator
