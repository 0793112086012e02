"""The run console with injected wall and monotonic clocks: commands reach the event file, keys
work, chimes sound once, a reopened page resumes at the right second (or says the rounds ended
meanwhile), and a stepped wall clock moves nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from focus_helpers import activate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from mentordesk.models import ClockPhase, ClockState, FlashClock, PlanMode
from mentordesk.models.store import EventStore
from mentordesk.services.flash.live import SessionSetup, plan_session
from mentordesk.services.flash.wallclock import EPOCH, TrustedClock
from mentordesk.ui.flash.console_panel import ConsolePanel
from mentordesk.ui.flash.dialogs import PersonDialog
from mentordesk.ui.flash.end_dialog import EndDialog
from mentordesk.ui.flash.page import FlashPage
from mentordesk.ui.tasks import InlineRunner, TaskManager

T0 = datetime(2026, 5, 4, 18, 0, tzinfo=UTC)


class FakeTime:
    """A wall clock and a monotonic clock moved by hand: ``advance`` is time passing (both move),
    ``step`` is someone (or NTP) setting the wall clock (only it moves)."""

    def __init__(self) -> None:
        self.at = T0
        self.mono_ns = 7_000_000_000_000
        self.boot_id = "boot-1"

    def wall_ns(self) -> int:
        return (self.at - EPOCH) // timedelta(microseconds=1) * 1000

    def mono(self) -> int:
        return self.mono_ns

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)
        self.mono_ns += timedelta(**delta) // timedelta(microseconds=1) * 1000

    def step(self, **delta: float) -> None:
        self.at += timedelta(**delta)

    def reboot(self) -> None:
        self.boot_id, self.mono_ns = "boot-2", 1_000_000_000

    def clock(self) -> TrustedClock:
        """A new app's clock on these sources."""
        return TrustedClock(self.wall_ns, self.mono, self.boot_id)


@pytest.fixture
def planned(demo_store: EventStore) -> EventStore:
    with demo_store.session() as session:
        plan_session(session, demo_store.event_id, SessionSetup(3, 7, 60, 1, PlanMode.MATCH))
    return demo_store


def _page(qtbot: QtBot, store: EventStore, time: FakeTime) -> FlashPage:
    page = FlashPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.driver.clock = time.clock()
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    page.set_store(store)
    page.set_active(True)
    page.tabs.setCurrentWidget(page.console)
    # The console's keys are shortcuts: Qt delivers them only in the active window.
    activate(qtbot, page)
    return page


@pytest.fixture
def time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def page(qtbot: QtBot, planned: EventStore, time: FakeTime) -> Iterator[FlashPage]:
    shown = _page(qtbot, planned, time)
    yield shown
    shown.set_store(None)


def _stored(store: EventStore) -> FlashClock:
    with store.read_session() as session:
        row = session.query(FlashClock).one()
        session.expunge(row)
        return row


def test_console_buttons_change_the_stored_clock(page: FlashPage, planned: EventStore, time: FakeTime) -> None:
    buttons = page.console.buttons
    assert buttons["start"].isEnabled() and not buttons["pause"].isEnabled()
    buttons["start"].click()
    row = _stored(planned)
    assert (row.state, row.round_number, row.phase_started_at) == (ClockState.RUNNING, 1, T0)
    time.advance(minutes=2)
    buttons["pause"].click()
    row = _stored(planned)
    assert (row.state, row.elapsed_us) == (ClockState.PAUSED, 120_000_000)
    assert buttons["pause"].text() == "Resume"
    assert page.console.countdown_label.text() == "05:00"
    time.advance(minutes=10)  # a long keynote overrun: the paused clock does not move
    buttons["pause"].click()
    assert _stored(planned).state is ClockState.RUNNING
    buttons["add_minute"].click()
    assert _stored(planned).extra_seconds == 60
    page.driver.tick()
    assert page.console.countdown_label.text() == "06:00"
    buttons["skip"].click()
    row = _stored(planned)
    assert (row.round_number, row.phase) == (1, ClockPhase.CHANGEOVER)
    assert page.console.phase_label.text() == "Find your table"
    buttons["end"].click()
    # End asks first (issue 14, item 2); confirmed, it finishes the session.
    assert isinstance(page.dialog, EndDialog)
    page.dialog.end_button.click()
    assert _stored(planned).state is ClockState.FINISHED
    assert page.console.headline_label.text() == "All 3 rounds done"


def test_keys_drive_the_console(page: FlashPage, planned: EventStore, time: FakeTime, qtbot: QtBot) -> None:
    console = page.console
    console.setFocus()
    qtbot.keyClick(console, Qt.Key.Key_F5)
    assert _stored(planned).state is ClockState.RUNNING
    time.advance(seconds=30)
    qtbot.keyClick(console, Qt.Key.Key_Space)
    assert _stored(planned).state is ClockState.PAUSED
    qtbot.keyClick(console, Qt.Key.Key_Space)
    assert _stored(planned).state is ClockState.RUNNING
    qtbot.keyClick(console, Qt.Key.Key_Plus)
    assert _stored(planned).extra_seconds == 60
    qtbot.keyClick(console, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _stored(planned).phase is ClockPhase.CHANGEOVER
    qtbot.keyClick(console, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(page.dialog, EndDialog)  # End asks first
    page.dialog.end_button.click()
    assert _stored(planned).state is ClockState.FINISHED
    assert all(console.buttons[name].toolTip().endswith(")") for name in console.buttons)


@pytest.mark.sound
def test_the_timer_only_repaints_and_records_phase_changes(page: FlashPage, planned: EventStore,
                                                           time: FakeTime, qtbot: QtBot) -> None:
    page.console.buttons["start"].click()
    assert page.console.note_label.text().startswith("Round 1 ends at ")
    played: list[str] = []
    page.sound.cue_played.connect(played.append)
    time.advance(minutes=6, seconds=1)
    page.driver.tick()
    assert played == ["chime-one-minute"]
    assert page.console.countdown_label.text() == "00:59"
    page.driver.tick()
    assert played == ["chime-one-minute"]  # once only
    time.advance(seconds=60)
    page.driver.tick()
    assert played == ["chime-one-minute", "chime-end"]
    row = _stored(planned)
    # The changeover began exactly when the meeting ran out, not when the timer noticed.
    assert (row.phase, row.phase_started_at) == (ClockPhase.CHANGEOVER, T0 + timedelta(minutes=7))
    assert page.console.phase_label.text() == "Find your table"
    assert page.console.countdown_label.text() == "00:59"


@pytest.mark.sound
def test_reopening_resumes_the_running_round(qtbot: QtBot, planned: EventStore, time: FakeTime) -> None:
    first = _page(qtbot, planned, time)
    first.console.buttons["start"].click()
    first.set_store(None)  # the app closes (or crashes)
    first.close()
    time.advance(minutes=10, seconds=15)  # 7 min round 1 + 1 min changeover + 2:15 into round 2
    again = _page(qtbot, planned, time)
    assert again.console.headline_label.text() == "Round 2 of 3"
    assert again.console.countdown_label.text() == "04:45"
    assert again.console.buttons["pause"].isEnabled()
    row = _stored(planned)
    assert (row.round_number, row.phase, row.phase_started_at) == (2, ClockPhase.MEETING, T0 + timedelta(minutes=8))
    # Nothing chimes for what happened while the app was closed.
    played: list[str] = []
    again.sound.cue_played.connect(played.append)
    again.driver.tick()
    assert played == []
    assert again.snapshot is not None and again.snapshot.info is not None and again.snapshot.info.started == 2
    again.set_store(None)


def test_reopening_after_the_end_says_so(qtbot: QtBot, planned: EventStore, time: FakeTime) -> None:
    first = _page(qtbot, planned, time)
    first.console.buttons["start"].click()
    first.set_store(None)
    time.advance(hours=2)
    again = _page(qtbot, planned, time)
    assert again.console.headline_label.text() == "All 3 rounds done"
    assert "while the app was closed" in again.console.note_label.text()
    assert _stored(planned).state is ClockState.FINISHED
    again.set_store(None)


def test_projector_follows_the_clock(page: FlashPage, time: FakeTime) -> None:
    projector = page.open_projector()
    assert projector.isVisible() and projector.showing_board  # before the start: round 1's tables
    assert projector.board is not None and projector.board.round_number == 1
    page.console.buttons["start"].click()
    assert not projector.showing_board
    time.advance(minutes=7, seconds=5)
    page.driver.tick()
    assert projector.showing_board and projector.board.round_number == 2
    projector.close()
    assert page.projector is None


def test_no_drift_over_a_sixty_minute_round_whatever_the_ticks(qtbot: QtBot, store: EventStore, time: FakeTime,
                                                                add_person) -> None:  # type: ignore[no-untyped-def]
    from mentordesk.models import Role
    from mentordesk.services import checkin

    for first, role in (("Ada", Role.MENTOR), ("Bo", Role.MENTEE)):
        with store.session() as session:
            checkin.check_in(session, add_person(store, first, "Test", role))
    with store.session() as session:
        plan_session(session, store.event_id, SessionSetup(1, 60, 0, 1, PlanMode.ROTATE))
    page = _page(qtbot, store, time)
    page.console.buttons["start"].click()
    # Ticks that come late, early, or not at all for minutes (a busy laptop, a sleeping one).
    elapsed_ms = 0
    for step_ms in [199, 201, 1_000, 180_000, 17, 1_234_567, 333, 2_000_000 - 1, 149_999]:
        time.advance(milliseconds=step_ms)
        elapsed_ms += step_ms
        view = page.driver.tick()
        assert view is not None
        assert view.remaining_ms == 3_600_000 - elapsed_ms
    time.advance(milliseconds=3_600_000 - elapsed_ms - 50)
    view = page.driver.tick()
    assert view is not None and view.remaining_ms == 50 and view.countdown == "00:01"
    time.advance(milliseconds=50)
    view = page.driver.tick()
    assert view is not None and view.finished
    page.set_store(None)


@pytest.mark.sound
def test_the_warning_time_is_a_setting(page: FlashPage, time: FakeTime) -> None:
    from mentordesk.settings import FLASH_WARN_SECONDS, Settings

    page.console.warn_spin.setValue(120)
    assert Settings().get(FLASH_WARN_SECONDS) == 120
    page.console.buttons["start"].click()
    played: list[str] = []
    page.sound.cue_played.connect(played.append)
    time.advance(minutes=4, seconds=59)
    page.driver.tick()
    assert played == []
    time.advance(seconds=2)
    page.driver.tick()
    assert played == ["chime-one-minute"]
    page.console.chimes_check.setChecked(False)  # chimes off: nothing sounds at the end
    time.advance(minutes=3)
    page.driver.tick()
    assert played == ["chime-one-minute"]


def test_projector_names_waiting_spots_of_a_rotation_also_after_reopening(qtbot: QtBot, demo_store: EventStore,
                                                                           time: FakeTime) -> None:
    page = _page(qtbot, demo_store, time)
    page.tabs.setCurrentWidget(page.setup_panel)
    page.setup_panel.mode_combo.setCurrentIndex(page.setup_panel.mode_combo.findData(PlanMode.ROTATE.value))
    page.setup_panel.plan_button.click()
    projector = page.open_projector()
    assert projector.board is not None
    waiting = [e for e in projector.board.entries if e.table is None]
    assert waiting and all(e.where != "Waiting" for e in waiting)
    projector.close()
    page.set_store(None)
    # A new window on the same file (as after a restart) reads the spots from the event file.
    again = _page(qtbot, demo_store, time)
    projector = again.open_projector()
    assert projector.board is not None
    assert [(e.name, e.where) for e in projector.board.entries if e.table is None] == [
        (e.name, e.where) for e in waiting]
    projector.close()
    again.set_store(None)


# -- a stepped wall clock (issue 11, item 12): the console reads the trusted clock


def _meeting_rounds_ended(store: EventStore) -> list[int]:
    from mentordesk.models import FlashRound

    with store.read_session() as session:
        return [r.number for r in session.query(FlashRound).filter(FlashRound.ended_at.is_not(None))]


@pytest.mark.sound
def test_a_forward_step_while_running_moves_nothing_on_the_console(page: FlashPage, planned: EventStore,
                                                                   time: FakeTime) -> None:
    played: list[str] = []
    page.sound.cue_played.connect(played.append)
    page.console.buttons["start"].click()
    time.advance(minutes=2)
    page.driver.tick()
    time.step(minutes=10)  # the whole session is 3 × 7 + 2 × 1 = 23 min; this would end round 1
    view = page.driver.tick()
    assert view is not None and (view.round_number, view.phase) == (1, ClockPhase.MEETING)
    assert page.console.headline_label.text() == "Round 1 of 3"
    assert page.console.countdown_label.text() == "05:00"
    assert played == [] and _meeting_rounds_ended(planned) == []
    row = _stored(planned)
    assert (row.state, row.round_number, row.phase_started_at) == (ClockState.RUNNING, 1, T0 + timedelta(minutes=10))
    # Time goes on at its true pace from there, and the round ends when it really does.
    time.advance(minutes=5)
    page.driver.tick()
    assert page.console.phase_label.text() == "Find your table"
    assert played == ["chime-end"]
    assert _meeting_rounds_ended(planned) == [1]


def test_a_backward_step_while_running_does_not_turn_the_console_back(page: FlashPage, planned: EventStore,
                                                                     time: FakeTime) -> None:
    page.console.buttons["start"].click()
    time.advance(minutes=2)
    page.driver.tick()
    time.step(minutes=-10)
    page.driver.tick()
    assert page.console.countdown_label.text() == "05:00"
    time.advance(seconds=30)
    page.driver.tick()
    assert page.console.countdown_label.text() == "04:30"
    page.console.buttons["pause"].click()  # commands use the trusted now too
    assert _stored(planned).elapsed_us == 150_000_000


def test_a_step_while_the_app_was_closed_is_caught_on_reopening(qtbot: QtBot, planned: EventStore,
                                                                time: FakeTime) -> None:
    first = _page(qtbot, planned, time)
    first.console.buttons["start"].click()
    first.set_store(None)
    first.close()
    time.advance(minutes=1)
    time.step(minutes=10)
    again = _page(qtbot, planned, time)
    assert again.console.headline_label.text() == "Round 1 of 3"
    assert again.console.countdown_label.text() == "06:00"
    assert "while the app was closed" not in again.console.note_label.text()
    assert _meeting_rounds_ended(planned) == []
    again.set_store(None)


def test_after_a_reboot_the_wall_clock_is_believed(qtbot: QtBot, planned: EventStore, time: FakeTime) -> None:
    """The limit left: with a new boot the stored monotonic reading means nothing."""
    first = _page(qtbot, planned, time)
    first.console.buttons["start"].click()
    first.set_store(None)
    first.close()
    time.reboot()
    time.advance(minutes=1)
    time.step(minutes=2)
    again = _page(qtbot, planned, time)
    assert again.console.countdown_label.text() == "04:00"
    again.set_store(None)


# -- through the operations layer (issue 12): the writer, not the repaint, touches the event file


def test_the_repaints_read_and_write_nothing(page: FlashPage, planned: EventStore, time: FakeTime,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    page.console.buttons["start"].click()
    opened: list[str] = []
    for name in ("session", "read_session"):
        real = getattr(planned, name)
        monkeypatch.setattr(planned, name, lambda real=real, name=name: opened.append(name) or real())
    for _second in range(5):
        time.advance(seconds=1)
        page.driver.tick()
    assert page.console.countdown_label.text() == "06:55"
    assert opened == []
    time.advance(minutes=7)  # the meeting ran out: the phase change is written, once
    page.driver.tick()
    page.driver.tick()
    assert opened == ["session"]
    assert _stored(planned).phase is ClockPhase.CHANGEOVER


def test_keys_pressed_quickly_are_written_in_the_order_pressed(qtbot: QtBot, planned: EventStore, time: FakeTime,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from mentordesk.ui.operations import finish_changes
    from mentordesk.ui.tasks import ThreadPoolRunner

    tasks = TaskManager(ThreadPoolRunner())
    page = FlashPage(tasks)
    qtbot.addWidget(page)
    page.driver.clock = time.clock()
    page.show()
    page.set_store(planned)
    page.set_active(True)
    page.tabs.setCurrentWidget(page.console)
    console = page.console
    qtbot.waitUntil(lambda: console.buttons["start"].isEnabled(), timeout=20_000)
    console.setFocus()
    caplog.set_level(logging.INFO, logger="mentordesk.ui.operations")
    caplog.clear()  # what was written before the keys (the session caught up on opening)
    qtbot.keyClick(console, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: console.buttons["pause"].isEnabled(), timeout=20_000)
    # Pause, resume, +1 minute, one right after the other: none waits for the one before, and
    # the second Space resumes what the first paused (the console still showed "Pause").
    time.advance(seconds=30)
    qtbot.keyClick(console, Qt.Key.Key_Space)
    time.advance(seconds=30)
    qtbot.keyClick(console, Qt.Key.Key_Space)
    qtbot.keyClick(console, Qt.Key.Key_Plus)
    assert finish_changes(planned)
    qtbot.waitUntil(lambda: console.buttons["pause"].text() == "Pause" and console.countdown_label.text() == "07:30",
                    timeout=20_000)
    row = _stored(planned)
    assert (row.state, row.elapsed_us, row.extra_seconds) == (ClockState.RUNNING, 30_000_000, 60)
    assert row.phase_started_at == T0 + timedelta(minutes=1)
    assert "The clock says" not in page.notice
    # Only the commands were written: reading the page again after each writes nothing.
    written = [r.getMessage().split(":")[0] for r in caplog.records if "written in" in r.getMessage()]
    assert written == ["flash.clock.start", "flash.clock.toggle_pause", "flash.clock.toggle_pause",
                       "flash.clock.add_minute"]
    page.set_store(None)
    assert finish_changes(planned) and tasks.wait_for_all()


def test_a_refused_command_is_said_on_the_page(page: FlashPage, planned: EventStore) -> None:
    page.console.buttons["start"].click()
    page.driver.start()  # F5 again, say: the clock has already been started
    assert page.notice == "The clock says: the clock has already been started."
    assert _stored(planned).state is ClockState.RUNNING


def test_the_key_line_and_the_dialogs_name_what_they_do(qtbot: QtBot) -> None:
    # Issue 14, item 11: the key line read "+ +1 minute", and the dialogs' buttons said OK.
    panel = ConsolePanel()
    assert "+ one more minute" in panel.keys_label.text() and "+ +1" not in panel.keys_label.text()
    dialog = PersonDialog("Late arrival", "Who arrived?", [(1, "Zoë")], action="&Add to the rounds")
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "&Add to the rounds"
    qtbot.addWidget(panel)
    qtbot.addWidget(dialog)
