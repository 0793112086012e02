"""Helpers for rows of push buttons, shared by the screens."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton


def match_heights(*buttons: QPushButton) -> None:
    """Give buttons side by side one height: a styled primary button is taller than a plain one."""
    for button in buttons:
        button.ensurePolished()
    height = max(button.sizeHint().height() for button in buttons)
    for button in buttons:
        button.setFixedHeight(height)
