"""A visible focus ring around whichever control has the keyboard focus, in every window.

The platform styles mark the focus faintly (Fusion: a one-pixel tint of the border, nothing at
all on a table), too faint to follow while tabbing through a page. Restyling every kind of
control in the stylesheet would replace the platform's look, so instead one ``QFocusFrame``
follows the focus and is drawn by the stylesheet (``QFocusFrame#focusRing`` in mentordesk.qss;
without the stylesheet the style's own focus frame, often nothing, is drawn).

As in browsers (``:focus-visible``), the ring shows when the focus was moved by the keyboard or
the program, and for text fields always; a control clicked with the mouse shows none. Controls
that draw their own focus (the stylesheet names them in :data:`OWN_FOCUS`) get no ring either.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFocusFrame,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: Widgets whose stylesheet rule already draws a strong focus border (mentordesk.qss).
OWN_FOCUS = frozenset({"checkinField", "kioskField", "kioskPin", "sidebar", "primaryButton", "destructiveButton",
                       "duplicatesNotice"})
#: The kinds of control that get the ring.
RINGED = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTabBar, QTextEdit,
          QPlainTextEdit)
TEXT_FIELDS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


class FocusRing(QObject):
    """Moves the one focus frame to the widget that receives the focus (see the module docstring)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRingTracker")
        self._frame: QFocusFrame | None = None
        app.focusChanged.connect(self._on_app_focus_changed)

    @property
    def frame(self) -> QFocusFrame | None:
        """The frame on show, if any (None before the first focus or once its window is gone)."""
        frame = self._frame
        return frame if frame is not None and shiboken6.isValid(frame) else None

    @property
    def ringed(self) -> QWidget | None:
        frame = self.frame
        return frame.widget() if frame is not None and frame.isVisible() else None

    def show_for(self, widget: QWidget | None) -> None:
        """Put the ring around ``widget`` (its focus proxy's owner), or hide it for None."""
        frame = self.frame
        if widget is None:
            if frame is not None:
                frame.setWidget(None)  # type: ignore[arg-type]  # Qt takes a null widget: ring nothing
            return
        if frame is None:
            # Made inside the widget's window; the previous one went with its window.
            frame = QFocusFrame(widget)
            frame.setObjectName("focusRing")
            self._frame = frame
        frame.setWidget(widget)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.show_for(ring_target(new, clicked=QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton))


def ring_target(widget: QWidget | None, *, clicked: bool = False) -> QWidget | None:
    """The control to ring when ``widget`` takes the focus (None for none)."""
    if widget is None:
        return None
    # A spin box's or an editable combo box's line edit: the ring goes round the whole control.
    owner = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(owner, (QAbstractSpinBox, QComboBox)):
        widget = owner
    if not isinstance(widget, RINGED) or widget.objectName() in OWN_FOCUS:
        return None
    if widget.window().windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip) or widget.isWindow():
        return None  # a drop-down list or completer: it closes as soon as it loses the focus
    if clicked and not isinstance(widget, TEXT_FIELDS):
        return None
    return widget


_installed: FocusRing | None = None


def install(app: QApplication) -> FocusRing:
    """Start the focus ring for the whole application (once; later calls return the same one)."""
    global _installed
    if _installed is None or not shiboken6.isValid(_installed):
        _installed = FocusRing(app)
    return _installed
