"""Focus in the GUI tests without depending on when a window becomes active.

Which window is active is the platform's business, and it says so late: an ``activateWindow()``
or a newly shown window is answered by a queued event, later still on a loaded machine, and on
the offscreen platform a closed dialog hands activation back to no one. ``QWidget.hasFocus()``
and ``QApplication.focusWidget()`` are true only inside the active window, so a test that asserts
them right after an action asserts activation timing too. So:

* where only the focus chain matters (Tab, a page putting the focus on its field, an editor
  opening), ask the window which of its widgets has the focus (``focus_widget``, ``wait_focus``):
  that is settled by ``setFocus()`` itself, active or not;
* where activation matters (window shortcuts such as Ctrl+F fire only in the active window, a
  focus-in event is sent only there), ``activate`` first and wait for it, with a timeout long
  enough for a busy machine (waitUntil returns as soon as it holds).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

#: How long a busy machine may take to activate a window or move the focus.
FOCUS_TIMEOUT_MS = 20_000


def activate(qtbot: QtBot, widget: QWidget) -> None:
    """Make ``widget``'s window the active one and wait until the platform says it is."""
    window = widget.window()

    def active() -> bool:
        if window.isActiveWindow():
            return True
        # Asked again while waiting: a window hidden or shown meanwhile (the app behind a kiosk)
        # can hand activation elsewhere after the first request was answered.
        window.activateWindow()
        return False

    qtbot.waitUntil(active, timeout=FOCUS_TIMEOUT_MS)


def focus_widget(widget: QWidget) -> QWidget | None:
    """The widget that has the focus in ``widget``'s window (or will have it once it is active)."""
    return widget.window().focusWidget()


def _focus_target(widget: QWidget) -> QWidget:
    while widget.focusProxy() is not None:
        widget = widget.focusProxy()
    return widget


def wait_focus(qtbot: QtBot, widget: QWidget) -> None:
    """Wait until ``widget`` (or its focus proxy) is the focus widget of its window."""
    target = _focus_target(widget)
    qtbot.waitUntil(lambda: focus_widget(target) is target, timeout=FOCUS_TIMEOUT_MS)
