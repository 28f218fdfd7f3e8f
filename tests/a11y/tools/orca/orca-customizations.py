# Orca's customizations for the tests: Orca 43 runs headless and writes what it would say.
# Loaded by Orca from its preferences folder (orca -u FOLDER); see tests/a11y/orca_support.py.
import orca.debug
import orca.settings
import orca.speech

# No speech server on a test machine: with speech "initialised" to nothing, Orca still writes every
# utterance to its debug file as a "SPEECH OUTPUT: '…'" line.
orca.speech.init = lambda: None
orca.settings.enableBraille = False
# Line-buffered, so that the tests read each utterance as soon as Orca says it.
if orca.debug.debugFile is not None:
    orca.debug.debugFile = open(orca.debug.debugFile.name, "a", buffering=1)  # noqa: SIM115
