"""Fixtures for the GUI tests: a main window with its own UI state, and helpers to wait on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.people import new_badge_code
from mentordesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A shown main window with no event open (MENTORDESK_HOME is private to the test)."""
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
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
