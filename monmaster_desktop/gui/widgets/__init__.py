"""The widgets the pages are made of: messages, the checklist, the captcha, Caps Lock, the error summary."""
