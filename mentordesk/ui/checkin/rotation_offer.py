"""The desk's offer to seat a late arrival: "not in the flash rounds yet — F8 adds them".

Someone checked in after the rounds were planned has no table (``services/flash/arrivals``).
The panel says so (``desk_actions.shown_for``); this shows the panel's *Add to the flash rounds*
button with it and gives it its key, and adding is one change of the operations layer: the live
re-plan of the rounds to come (everyone who arrived after planning is seated at once). The
panel's note then says where they sit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from mentordesk.services.domain_error import DomainError
from mentordesk.ui.checkin import desk_actions
from mentordesk.ui.checkin.desk_actions import ADD_TO_ROTATION_KEY
from mentordesk.ui.checkin.result_panel import ResultPanel
from mentordesk.ui.checkin.scan_queue import Answer, ScanQueue

if TYPE_CHECKING:
    from mentordesk.ui.widgets.page import Page


class RotationOffer(QObject):
    def __init__(self, page: Page, scan_queue: ScanQueue, panel: ResultPanel) -> None:
        super().__init__(page)
        self._page, self._panel = page, panel
        #: Who the offer is for (None: no offer on the panel).
        self.person_id: int | None = None
        self.button = panel.add_rotation_button
        self.button.setToolTip(f"Re-plan the flash rounds to come with them ({ADD_TO_ROTATION_KEY})")
        self.button.setAccessibleName("Add them to the flash rounds to come")
        self.shortcut = QShortcut(QKeySequence(ADD_TO_ROTATION_KEY), page,
                                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._connect_signals(scan_queue)

    def _connect_signals(self, scan_queue: ScanQueue) -> None:
        # Connected after the page's own slot, so the panel already shows the answer.
        scan_queue.answered.connect(self._on_scan_queue_answered)
        self.button.clicked.connect(self._on_button_clicked)
        self.shortcut.activated.connect(self._on_button_clicked)

    def _on_scan_queue_answered(self, answer: Answer) -> None:
        offered = answer.shown.offer_rotation and answer.shown.person_id is not None
        self.person_id = answer.shown.person_id if offered else None
        self.button.setVisible(offered)
        self.button.setEnabled(offered)

    def _on_button_clicked(self) -> None:
        ops, person_id = self._page.ops, self.person_id
        # The key also arrives while no offer is shown: nothing then.
        if ops is None or person_id is None or self.button.isHidden():
            return
        event_id = ops.event_id
        self.button.setEnabled(False)
        self._panel.set_note("Re-planning the rounds to come…")

        def done(outcome: tuple[str, str]) -> None:
            if self.person_id == person_id:
                self.person_id = None
                self.button.hide()
                table, note = outcome
                self._panel.table_label.setText(table)
                self._panel.table_label.setVisible(bool(table))
                self._panel.set_note(note)

        def refused(error: DomainError) -> None:
            if self.person_id == person_id:
                self.button.setEnabled(True)
                self._panel.set_note(f"Not added: {error}.")

        ops.change("checkin.add_to_rotation",
                   lambda session: desk_actions.add_to_rotation(session, event_id, person_id),
                   done=done, refused=refused, failed=lambda _failure: self.button.setEnabled(True), owner=self._page)
