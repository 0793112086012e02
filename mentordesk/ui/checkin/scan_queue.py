"""The desk's queue of scans in flight: each write asked of the event's writer, until its outcome arrives.

Every check-in (a scan, a name chosen, a walk-in), undo and check-out is one change of the
operations layer (``ui/operations.py``); the event's one writer runs them in the order they were
asked for, so their outcomes arrive in that order too. :class:`ScanQueue` sends them, counts those
whose outcome has not arrived (:attr:`ScanQueue.pending`, which tests and the endurance run wait
on), and turns each outcome — done, refused or not recorded — into one :class:`Answer` for the
panel. The writes themselves and their words are ``desk_actions``; the page decides what the
input field does meanwhile and shows the answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from mentordesk.models import CheckinMethod
from mentordesk.services.desk import DeskResult, Outcome
from mentordesk.services.desk_reads import Candidate
from mentordesk.services.domain_error import DomainError
from mentordesk.ui.checkin import desk_actions
from mentordesk.ui.checkin.desk_actions import Scanned, Shown
from mentordesk.ui.operations import Failure, FailureKind, Operations

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")


@dataclass(frozen=True)
class Answer:
    """The outcome of one write, for the panel."""

    shown: Shown
    #: The desk's result, when the write was a check-in (a CHOOSE result keeps the names listed).
    result: DeskResult | None = None
    #: The input it answers: cleared from the field if it is still there.
    typed: str | None = None
    #: Input that was not recorded: put back in the field unless something new was typed meanwhile.
    restore: str = ""


class ScanQueue(QObject):
    """Sends the desk's writes and reports each one's outcome, in order, as ``answered``."""

    #: A write's outcome (an :class:`Answer`); a scan typed by hand that found nobody says nothing.
    answered = Signal(object)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        #: The widget that asks (its deletion drops the outcomes; errors are shown over it).
        self._owner = owner
        #: Changes asked for whose outcome has not arrived yet.
        self._pending = 0

    @property
    def pending(self) -> int:
        """Writes asked for whose outcome has not arrived yet."""
        return self._pending

    def scan(self, ops: Operations, text: str, station: str, *, automatic: bool, by_hand: bool) -> None:
        """Check in whoever ``text`` names (Enter, or with ``automatic`` a scan that stopped arriving)."""
        event_id = ops.event_id

        def done(scanned: Scanned) -> None:
            self._scanned(text, scanned, station, automatic=automatic, by_hand=by_hand)

        self._change(ops, "checkin.scan",
                     lambda session: desk_actions.check_in_text(session, event_id, text, station, automatic=automatic),
                     done=done, refused=self._check_in_refused, failed=lambda failure: self._failed(failure, text))

    def choose(self, ops: Operations, candidate: Candidate, station: str, *, raw: str, typed: str) -> None:
        """Check in the person chosen among those whose name matches ``typed``."""
        self._change(ops, "checkin.chosen",
                     lambda session: desk_actions.check_in_chosen(session, candidate.card.id, station,
                                                                  CheckinMethod.NAME, raw=raw),
                     done=lambda result: self._answer(desk_actions.shown_for(result, station), result=result,
                                                      typed=typed),
                     refused=self._check_in_refused, failed=lambda failure: self._failed(failure, typed))

    def walk_in(self, ops: Operations, person_id: int, station: str) -> None:
        """Check in someone just added at the desk."""
        self._change(ops, "checkin.walk_in",
                     lambda session: desk_actions.check_in_chosen(session, person_id, station, CheckinMethod.MANUAL),
                     done=lambda result: self._answer(desk_actions.shown_for(result, station, walk_in=True),
                                                      result=result),
                     refused=self._check_in_refused, failed=self._failed)

    def undo(self, ops: Operations, station: str) -> None:
        """Undo the last check-in or check-out made at ``station``."""
        event_id = ops.event_id
        self._change(ops, "checkin.undo", lambda session: desk_actions.undo_last(session, event_id, station),
                     done=self._answer, refused=lambda error: self._answer(desk_actions.undo_refused(error)),
                     failed=self._failed)

    def check_out(self, ops: Operations, person: tuple[int, str], station: str) -> None:
        """Check out ``person`` (id and name)."""
        self._change(ops, "checkin.check_out", lambda session: desk_actions.check_out(session, person, station),
                     done=self._answer,
                     refused=lambda error: self._answer(desk_actions.check_out_refused(error, person)),
                     failed=self._failed)

    def _change(self, ops: Operations, label: str, work: Callable[[Session], T], *, done: Callable[[T], None],
                refused: Callable[[DomainError], None], failed: Callable[[Failure], None]) -> None:
        """``ops.change``, counted in :attr:`pending` until its outcome arrives."""
        self._pending += 1

        def on_done(result: T) -> None:
            self._pending -= 1
            done(result)

        def on_failed(failure: Failure) -> None:
            self._pending -= 1
            failed(failure)

        ops.change(label, work, done=on_done, refused=refused, failed=on_failed, owner=self._owner)

    def _answer(self, shown: Shown, *, result: DeskResult | None = None, typed: str | None = None,
                restore: str = "") -> None:
        self.answered.emit(Answer(shown, result=result, typed=typed, restore=restore))

    def _scanned(self, text: str, scanned: Scanned, station: str, *, automatic: bool, by_hand: bool) -> None:
        result = scanned.result
        if automatic and result.outcome is Outcome.UNKNOWN and (by_hand or scanned.names_match):
            # Someone is typing: a name that happens to read as a code, or an unfinished e-mail.
            # It was not found as a code; leave it to them (Enter gives the verdict).
            return
        self._answer(desk_actions.shown_for(result, station), result=result, typed=text)

    def _check_in_refused(self, error: DomainError) -> None:
        self._answer(desk_actions.check_in_refused(error))

    def _failed(self, failure: Failure, text: str = "") -> None:
        """Nothing was written: "Not recorded" (the banner or the error report says more)."""
        if failure.kind is FailureKind.REFUSED:
            return  # answered by the change's ``refused``
        problem = failure.message if failure.kind is FailureKind.ENVIRONMENT else None
        self._answer(desk_actions.not_recorded(problem), restore=text)
