"""The desk's name search as you type: who the text in the input field names, read in the background.

One search runs at a time, a query of the operations layer. Text typed while it runs is searched
when it is done, so a fast typist costs one search per answer, not one per key; an answer is
passed on only if it still belongs to the text in the field, and answers of a search on an event
that was closed or swapped meanwhile are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from mentordesk.services.desk_reads import NameMatches, name_matches
from mentordesk.ui.operations import Failure, Operations
from mentordesk.ui.widgets.scan_field import ScanField


class NameSearch(QObject):
    """Searches the names in ``field``'s text; ``found`` carries the answer for the text as it stands."""

    #: The people whose name matches the field's text as it stands (a :class:`NameMatches`).
    found = Signal(object)

    def __init__(self, field: ScanField, owner: QWidget) -> None:
        super().__init__(owner)
        self._field = field
        #: The widget that asks (its deletion drops the answers; errors are shown over it).
        self._owner = owner
        #: The search under way (at most one; the newest text is searched after it).
        self._searching = False
        #: Bumped when the event changes: answers of a search on the old one are dropped.
        self._generation = 0

    @property
    def searching(self) -> bool:
        """Whether a search is under way."""
        return self._searching

    def forget(self) -> None:
        """The event was closed or swapped: drop the answer of the search under way."""
        self._searching = False
        self._generation += 1

    def search(self, ops: Operations) -> None:
        """List the people whose name matches the field, in the background (one search at a time;
        the text typed meanwhile is searched when it is done)."""
        query = self._field.text().strip()
        if not query or self._searching:
            return
        self._searching = True
        generation, event_id = self._generation, ops.event_id

        def done(matches: NameMatches) -> None:
            if generation == self._generation:
                self._searching = False
                self._answered(ops, matches)

        def failed(_failure: Failure) -> None:
            if generation == self._generation:
                self._searching = False

        ops.query("checkin.name_search", lambda session: name_matches(session, event_id, query), done=done,
                  failed=failed, owner=self._owner)

    def _answered(self, ops: Operations, matches: NameMatches) -> None:
        if matches.query != self._field.text().strip():
            # Typed on (or scanned, or cleared) meanwhile: only the newest text's answer counts.
            self.search(ops)
            return
        self.found.emit(matches)
