"""The banner across the top of the main window that says the event file cannot be written.

It shows the environment's problem (``ui/errors.py`` announces it: the file locked, the disk
full, a read-only folder, a failing drive) in one sentence that says what to do, and stays until
a later write goes through or the user dismisses it. Unlike a message box it takes no focus and
blocks nothing: the desk goes on scanning while the organiser frees disk space, and the banner
goes by itself when saving works again. Screen readers hear it as an alert.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from mentordesk.ui import errors
from mentordesk.ui.widgets.naming import named


class ProblemBanner(QFrame):
    """Hidden until :func:`errors.report_environment` is called; one per main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setAccessibleName("Problem with the event file")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 10, 8)
        layout.setSpacing(12)
        self.title_label = named(QLabel("Not saved"), "problemBannerTitle")
        self.message_label = named(QLabel(), "problemBannerMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.dismiss_button = named(QPushButton("Dismiss"), "problemBannerDismiss")
        self.dismiss_button.setAccessibleName("Dismiss the problem banner")
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()
        self._signals = errors.problem_signals()
        self._signals.listeners += 1
        self._connect_signals()
        if self._signals.current is not None:
            self.show_problem(self._signals.current)

    def _connect_signals(self) -> None:
        self._signals.environment_failed.connect(self._on_signals_environment_failed)
        self._signals.environment_recovered.connect(self._on_signals_environment_recovered)
        self.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        self.destroyed.connect(_forget_listener)

    @property
    def message(self) -> str:
        return "" if self.isHidden() else self.message_label.text()

    def show_problem(self, problem: str) -> None:
        """Say ``problem`` (one line from ``models/db_errors.py``) as a sentence."""
        text = problem[:1].upper() + problem[1:]
        if not text.endswith("."):
            text += "."
        self.message_label.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def _on_signals_environment_failed(self, problem: str) -> None:
        self.show_problem(problem)

    def _on_signals_environment_recovered(self) -> None:
        self.hide()

    def _on_dismiss_button_clicked(self) -> None:
        self.hide()


def _forget_listener() -> None:
    errors.problem_signals().listeners -= 1
