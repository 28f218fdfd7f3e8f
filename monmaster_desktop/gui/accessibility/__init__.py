"""What the application tells assistive technologies, and what it keeps from them (docs/architecture.md)."""
