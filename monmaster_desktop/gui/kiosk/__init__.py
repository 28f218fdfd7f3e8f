"""The kiosk: one candidate after another on a fair's machine, nothing of one left for the next.

``controller.install_kiosk`` turns a main window into a kiosk (the whole screen, no way out for a
candidate, the idle reset, the end of a session); ``single_instance`` keeps a second instance off the
data folder. docs/kiosk.md describes the behaviour and its tests.
"""
