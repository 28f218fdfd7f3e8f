"""Reading the captcha's question aloud ("Écouter"): Qt's text-to-speech where it exists, nothing elsewhere.

QtTextToSpeech comes with PySide6-Addons (the optional ``speech`` extra). Without it, or without a
voice, ``create_speech_backend`` gives None and the captcha hides "Écouter" rather than offer a button
that does nothing. Never speaks anything but the text it is given (the question, never an answer).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QLocale, QObject, Signal


class SpeechBackend(Protocol):
    """What "Écouter" needs from a speech engine; tests pass a fake one."""

    def is_available(self) -> bool: ...

    def say(self, text: str) -> None: ...


class QtSpeechBackend(QObject):
    """QTextToSpeech (PySide6-Addons) with a voice of the interface's language when the engine has one.

    Construction raises ImportError where the module is not installed. Some engines only become
    ready after a moment: ``availability_changed`` tells the widget to look again.
    """

    availability_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech  # PySide6-Addons: absent from Essentials

        self._engine: QTextToSpeech | None = None
        if not QTextToSpeech.availableEngines():
            return
        self._engine = QTextToSpeech(self)
        self._engine.stateChanged.connect(self._on_state_changed)
        self._choose_voice()

    def _on_state_changed(self, _state: object) -> None:
        self._choose_voice()
        self.availability_changed.emit()

    def _choose_voice(self) -> None:
        """A voice of the interface's language (the default locale's: French or English)."""
        if self._engine is None:
            return
        wanted = QLocale().language()
        matching = [locale for locale in self._engine.availableLocales() if locale.language() == wanted]
        if matching and self._engine.locale().language() != wanted:
            self._engine.setLocale(matching[0])

    def is_available(self) -> bool:
        if self._engine is None:
            return False
        state = self._engine.state()
        if state.name == "Error":
            return False
        return bool(self._engine.availableVoices())

    def say(self, text: str) -> None:
        if self._engine is not None:
            self._engine.stop()
            self._choose_voice()  # the candidate may have switched language since the last time
            self._engine.say(text)


def create_speech_backend(parent: QObject) -> SpeechBackend | None:
    """The platform's speech engine, or None where Qt's text-to-speech module is not installed."""
    try:
        return QtSpeechBackend(parent)
    except ImportError:
        return None
