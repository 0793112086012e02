"""Feedback on flash meetings, as one panel for the Flash page: the quick-entry grid, the mutual
follow-ups, and a button that opens the feedback kiosk for mentees.

The panel reads the current rotation (the one the page shows) in the background (``refresh``),
through the operations layer the page hands it (``set_ops``); the grid writes each edit straight
away, after which the follow-ups are read again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models.store import EventStore
from mentordesk.services import feedback as fb
from mentordesk.services.feedback import FeedbackBoard
from mentordesk.settings import Settings
from mentordesk.ui.flash.feedback_followups import FollowUpsView
from mentordesk.ui.flash.feedback_grid import FeedbackGrid
from mentordesk.ui.flash.feedback_kiosk import FeedbackKiosk
from mentordesk.ui.operations import Operations
from mentordesk.ui.widgets.kiosk_base import KioskHost
from mentordesk.ui.widgets.naming import named

FOLLOW_UPS_DELAY_MS = 400


class FeedbackPanel(QWidget, KioskHost):
    #: The board was read and shown (tests wait for it).
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackPanel")
        self._ops: Operations | None = None
        #: Bumped on every store change and read, so that only the newest read is shown.
        self._generation = 0
        self.settings = Settings()
        self.board: FeedbackBoard | None = None
        self.kiosk: FeedbackKiosk | None = None
        #: The PIN dialog while it is open.
        self.dialog: QWidget | None = None
        self._hidden_window: QWidget | None = None
        #: Typing a stack of cards saves many cells a second; the follow-ups are read again once
        #: the typing pauses, not after every key.
        self.follow_ups_timer = QTimer(self)
        self.follow_ups_timer.setSingleShot(True)
        self.follow_ups_timer.setInterval(FOLLOW_UPS_DELAY_MS)
        self._build()
        self._connect_signals()
        self.set_ops(None)

    def _build(self) -> None:
        self.session_label = named(QLabel(""), "feedbackSession")
        self.session_label.setTextFormat(Qt.TextFormat.PlainText)
        self.session_label.setWordWrap(True)
        self.kiosk_button = named(QPushButton("Feedback kiosk…"), "feedbackKioskButton")
        self.kiosk_button.setToolTip("Full screen: mentees find themselves and rate their meetings; "
                                     "only the PIN leaves it")
        top = QHBoxLayout()
        top.addWidget(self.session_label, 1)
        top.addWidget(self.kiosk_button, 0, Qt.AlignmentFlag.AlignTop)
        self.grid = FeedbackGrid()
        self.follow_ups = FollowUpsView()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.follow_ups)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        # The grid is where the work is: it gets most of the height, also in a small window.
        self.splitter.setSizes([3000, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        self.kiosk_button.clicked.connect(self._on_kiosk_button_clicked)
        self.grid.changed.connect(self._on_grid_changed)
        self.follow_ups_timer.timeout.connect(self._on_follow_ups_timer_timeout)

    # -- what the panel offers

    @property
    def ops(self) -> Operations | None:
        return self._ops

    @property
    def store(self) -> EventStore | None:
        return None if self._ops is None else self._ops.store

    def set_ops(self, ops: Operations | None) -> None:
        """The open event (None: none), as the page's door to it."""
        self._ops = ops
        self._generation += 1
        if self.kiosk is not None:
            # It works on the event that was open; the organiser closed or swapped it.
            self.kiosk.force_close()
        self.grid.set_ops(ops)
        self.board = None
        self.follow_ups.set_follow_ups(fb.FollowUps((), 0))
        self.kiosk_button.setEnabled(False)
        self.session_label.setText("" if ops is not None else "Open an event to enter feedback.")
        self.refresh()

    def refresh(self, *, grid: bool = True) -> None:
        """Read the current rotation's meetings, feedback and follow-ups in the background.

        ``grid=False`` after an edit in the grid: the grid already shows what was saved, so only
        the follow-ups and the counts are brought up to date."""
        ops = self._ops
        if ops is None:
            return
        if grid:
            self.follow_ups_timer.stop()  # this read brings them up to date too
        self._generation += 1
        generation = self._generation
        event_id = ops.event_id

        def done(board: FeedbackBoard) -> None:
            if generation == self._generation:
                self._show(board, grid=grid)

        ops.query("feedback.board", lambda session: fb.feedback_board(session, event_id), done=done, owner=self)

    def start_kiosk(self) -> FeedbackKiosk | None:
        """Open the feedback kiosk full screen (the PIN must be set); the app hides behind it."""
        if self._ops is None or self.board is None or self.board.flash_session_id is None:
            return None
        if self.kiosk is None:
            self.kiosk = FeedbackKiosk(self._ops, self.settings, self.board.flash_session_id)
            self.kiosk.finished.connect(self._on_kiosk_finished)
        # Behind the kiosk the grid shows everybody's feedback. It is hidden before the kiosk is
        # shown: hiding the active window hands activation on, and the kiosk must be the last to get it.
        self._hide_behind_kiosk(self.window(), unless=self.kiosk)
        self.kiosk.start()
        return self.kiosk

    # -- slots

    def _on_grid_changed(self) -> None:
        self.follow_ups_timer.start()

    def _on_follow_ups_timer_timeout(self) -> None:
        self.refresh(grid=False)

    def _on_kiosk_button_clicked(self) -> None:
        self._start_kiosk_or_choose_pin()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _on_kiosk_finished(self) -> None:
        self._release_kiosk()
        self.refresh()

    # -- helpers

    def _show(self, board: FeedbackBoard, *, grid: bool = True) -> None:
        self.board = board
        if grid or board.flash_session_id != self.grid.flash_session_id:
            self.grid.set_meetings(board.flash_session_id, board.meetings)
        self.follow_ups.set_follow_ups(board.follow_ups)
        self.kiosk_button.setEnabled(bool(board.meetings))
        if board.flash_session_id is None:
            self.session_label.setText("Feedback on flash meetings: no rotation planned yet.")
        else:
            mentees = len({m.mentee_id for m in board.meetings})
            given = sum(1 for m in board.meetings if m.mentee_has_feedback)
            self.session_label.setText(
                f"{board.flash_session_name}: {len(board.meetings)} meetings of {mentees} mentees; "
                f"feedback entered for {given}.")
        self.loaded.emit()
