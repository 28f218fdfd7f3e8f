"""The Qt layer: a thin GUI over the core modules; it never touches SQLite or argon2 directly."""
