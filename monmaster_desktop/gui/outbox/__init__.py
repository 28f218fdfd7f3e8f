"""The simulated outbox window, "Boîte de réception (simulée)", and its model of the mails."""
