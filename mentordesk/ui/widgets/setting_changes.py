"""Screens that show a setting follow it when it is changed elsewhere (Preferences, another screen).

Every screen holds a ``Settings`` of its own; ``settings.add_listener`` hears every save made in this
process. :func:`follow` turns that into a Qt call on the UI thread for one widget: the desk's station
name, the console's warning time and the sound switches show the new value at once. The callback
belongs to a small child of the receiving widget, so it goes when the widget goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from mentordesk import settings as settings_module
from mentordesk.settings import Setting, Settings


class _Changes(QObject):
    """One per process: re-emits every saved key as a Qt signal (queued when saved off the UI thread)."""

    changed = Signal(str)

    def announce(self, key: str) -> None:
        self.changed.emit(key)


_changes: _Changes | None = None


def _hub() -> _Changes:
    global _changes
    if _changes is None:
        _changes = _Changes()
        settings_module.add_listener(_changes.announce)
    return _changes


class _Follower(QObject):
    def __init__(self, setting: Setting[Any], settings: Settings, apply: Callable[[Any], None],
                 parent: QObject) -> None:
        super().__init__(parent)
        self._setting = setting
        self._settings = settings
        self._apply = apply

    def on_changed(self, key: str) -> None:
        if key == self._setting.key:
            self._apply(self._settings.get(self._setting))


def follow(setting: Setting[Any], settings: Settings, receiver: QObject, apply: Callable[[Any], None]) -> None:
    """Call ``apply(value)`` whenever ``setting`` is saved, for as long as ``receiver`` lives.

    ``apply`` also runs after the receiver's own saves: it must do nothing when the value shown is
    already the value given (and must not save it again).
    """
    follower = _Follower(setting, settings, apply, receiver)
    _hub().changed.connect(follower.on_changed, Qt.ConnectionType.AutoConnection)
