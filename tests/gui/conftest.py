"""Fixtures for the GUI tests: a main window with its own UI state, and helpers to wait on it."""

from __future__ import annotations

import csv
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from focus_helpers import activate
from pytestqt.qtbot import QtBot

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.importing import import_file
from mentordesk.services.people import new_badge_code
from mentordesk.ui.gc_guard import UiThreadGarbageCollector
from mentordesk.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def fresh_error_messages() -> Iterator[None]:
    """Each test starts with no error message held back as a repeat of an earlier test's."""
    from mentordesk.ui import errors

    errors._shown_at.clear()
    yield
    errors._shown_at.clear()


@pytest.fixture(autouse=True)
def ui_thread_garbage_collection(qapp: object) -> Iterator[None]:
    """As in the app: the collector never runs on a worker thread (see ui/gc_guard.py)."""
    was_enabled = gc.isenabled()
    collector = UiThreadGarbageCollector()
    yield
    collector.deleteLater()
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A shown main window with no event open (MENTORDESK_HOME is private to the test)."""
    main = MainWindow()
    # Edits a test left unsaved on the Overview would make closing ask Save / Discard / Cancel.
    qtbot.addWidget(main, before_close_func=lambda _widget: main.workspace.overview.revert())
    main.show()
    qtbot.waitExposed(main)
    # Window shortcuts (Ctrl+1 …) only reach the active window, and activation arrives as a queued event.
    activate(qtbot, main)
    yield main
    main.close()


AddPerson = Callable[..., int]


@pytest.fixture
def add_person() -> AddPerson:
    """Put one person into an event file, as an import would (there is no people-editing service yet)."""

    def add(store: EventStore, first: str, last: str, role: Role = Role.MENTEE, **fields: object) -> int:
        with store.session() as session:
            person = Person(
                event_id=store.event_id,
                first_name=first,
                last_name=last,
                role=role,
                badge_code=new_badge_code(session, store.event_id),
                **fields,
            )
            session.add(person)
            session.flush()
            return person.id

    return add


#: Names in several writing systems, some very long, for generated attendee files.
_FIRST_NAMES = ("Zoë", "Łukasz", "María José", "博", "Αλέξανδρος", "Дмитрий", "محمد", "נועה", "서연", "Nguyễn Thị",
                "Maximilian Alexander", "Siobhán", "Ayşe", "Bjørn", "Chiamaka")
_LAST_NAMES = ("Šimůnek", "Wiśniewski", "García-Olmedo", "田中", "Παπαδόπουλος", "Соколов", "الحسيني", "כהן", "김",
               "von Hohenberg-Schwarzenfeld", "Ní Bhriain", "Yılmaz", "Ødegård", "Eze", "Okafor-Adeyemi")
BIG_FILE_ROWS = 450


@pytest.fixture
def big_attendee_file(tmp_path: Path) -> Path:
    """An Eventbrite-style export of 450 attendees (a third of them mentors), every e-mail unique."""
    path = tmp_path / "big_export.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "Email", "Ticket Type", "Company", "Job Title"])
        for number in range(BIG_FILE_ROWS):
            writer.writerow([
                _FIRST_NAMES[number % len(_FIRST_NAMES)],
                _LAST_NAMES[(number * 7) % len(_LAST_NAMES)],
                f"attendee{number}@example.org",
                "Mentor (Volunteer)" if number % 3 == 0 else "Mentee - Student",
                "Fraunhofer-Institut für Produktionstechnik und Automatisierung" if number % 5 == 0 else "Acme",
                "Engineer",
            ])
    return path


@pytest.fixture
def many_people_store(store: EventStore, big_attendee_file: Path) -> EventStore:
    """An event with 450 people, imported from the generated file as a user would."""
    with store.session() as session:
        import_file(session, store.event_id, big_attendee_file)
    return store
