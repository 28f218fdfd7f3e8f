"""The local account database: accounts, activation tokens and the simulated outbox.

No Qt import anywhere in this package, and no password in clear anywhere it writes.
"""
