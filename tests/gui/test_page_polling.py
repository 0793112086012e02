"""The page base: a visible page re-reads the event when it changes — this app's commits and other
processes' — instead of on a timer; hidden pages wait until they are shown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore
from mentordesk.ui import change_watcher
from mentordesk.ui.tasks import InlineRunner, TaskManager
from mentordesk.ui.widgets.page import Page


class CountingPage(Page):
    key = "counting"
    title = "Counting"
    refresh_interval_ms = 20

    def __init__(self, tasks: TaskManager) -> None:
        super().__init__(tasks)
        self.polls = 0

    def poll(self) -> None:
        self.polls += 1


class PeopleOnlyPage(CountingPage):
    watched_tables = frozenset({"person"})


def _add_person(store: EventStore, code: str) -> None:
    with store.session() as session:
        session.add(Person(event_id=store.event_id, first_name="Ada", last_name="Lovelace", role=Role.MENTOR,
                           badge_code=code))


def test_a_commit_of_this_app_re_reads_the_visible_page_only(store: EventStore, qtbot: QtBot) -> None:
    page = CountingPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_store(store)
    page.set_active(True)
    # An event file's other writers are watched: no timer is needed, none runs.
    assert not page.refresh_timer.isActive()
    _add_person(store, "ADA-0001")
    qtbot.waitUntil(lambda: page.polls == 1, timeout=20_000)

    page.set_active(False)  # another page is shown
    _add_person(store, "ADA-0002")
    qtbot.wait(100)
    assert page.polls == 1
    page.set_store(None)


def test_another_process_writing_re_reads_the_visible_page(store: EventStore, qtbot: QtBot) -> None:
    """Another connection (here a second store on the file, as another desk or the command line
    would be) commits: the probe notices and the page re-reads."""
    page = CountingPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_store(store)
    page.set_active(True)
    assert store.path is not None
    with EventStore.open(store.path) as elsewhere:
        _add_person(elsewhere, "ADA-0003")
    qtbot.waitUntil(lambda: page.polls >= 1, timeout=20_000)
    page.set_store(None)


def test_a_page_re_reads_only_for_the_tables_it_shows(store: EventStore, qtbot: QtBot) -> None:
    people = PeopleOnlyPage(TaskManager(InlineRunner()))
    qtbot.addWidget(people)
    people.set_store(store)
    people.set_active(True)
    watcher = change_watcher.acquire(store)
    try:
        watcher.changed.emit(frozenset({"checkin_entry"}))
        assert people.polls == 0
        watcher.changed.emit(frozenset({"person", "checkin_entry"}))
        assert people.polls == 1
        watcher.changed.emit(None)  # anything may have changed
        assert people.polls == 2
    finally:
        change_watcher.release(store)
        people.set_store(None)


def test_the_pages_of_one_event_share_one_watcher_until_the_last_lets_go(store: EventStore, qtbot: QtBot) -> None:
    first, second = CountingPage(TaskManager(InlineRunner())), CountingPage(TaskManager(InlineRunner()))
    for page in (first, second):
        qtbot.addWidget(page)
        page.set_store(store)
    assert first._watcher is second._watcher is not None
    watcher = first._watcher
    first.set_store(None)
    assert watcher.probe_timer.isActive()
    second.set_store(None)
    assert not watcher.probe_timer.isActive()


def test_a_page_without_an_event_never_polls(qtbot: QtBot) -> None:
    page = CountingPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.set_active(True)
    assert not page.refresh_timer.isActive() and page._watcher is None
