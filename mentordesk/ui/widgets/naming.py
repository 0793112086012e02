"""Object names and buddies given where a widget is built, in a form the type checker can see.

PySide6 accepts Qt properties as keyword arguments (``QLabel("Hi", objectName="title")``) but its
stubs do not declare them, so mypy rejects every such call. These helpers set the same property
right after construction, which is what PySide6 does with the keyword, and return the widget so the
construction stays one expression. Object names matter: the stylesheets select on ``#name`` and the
tests find widgets by name.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

_O = TypeVar("_O", bound=QObject)


def named(obj: _O, name: str) -> _O:
    """``obj`` with its object name set to ``name``."""
    obj.setObjectName(name)
    return obj


def with_buddy(label: QLabel, buddy: QWidget) -> QLabel:
    """``label`` with its mnemonic (the ``&`` letter) moving the focus to ``buddy``."""
    label.setBuddy(buddy)
    return label
