"""The testers' tools: the accessibility log window, "Aller à" and its scenarios, the journey driver."""
