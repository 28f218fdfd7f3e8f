"""The operator's tools in the GUI: the hidden key sequence, the PIN prompts, the console.

``access.install_operator_access`` wires them to a main window; docs/kiosk.md describes them.
"""
