"""Shared by the feedback GUI tests: a small event in several scripts, a saved plan, and the door
to an event that runs every read and write inline (so the tests stay synchronous)."""

from __future__ import annotations

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services import checkin, roster
from mentordesk.services.flash import load_problem, plan, save_plan
from mentordesk.services.roster import PersonInput
from mentordesk.ui.operations import Operations
from mentordesk.ui.tasks import InlineRunner, TaskManager

#: (first, last, role, consent to share contact details)
PEOPLE = (
    ("Amara", "Okafor", Role.MENTOR, True),
    ("Maximilian Alexander", "von Hohenberg-Schwarzenfeld", Role.MENTOR, True),
    ("博", "田中", Role.MENTOR, False),
    ("Zoë", "Šimůnek", Role.MENTEE, True),
    ("Анна", "Соколова", Role.MENTEE, True),
    ("محمد", "الحسيني", Role.MENTEE, True),
    ("Siobhán", "Ní Bhriain-Okafor-Adeyemi", Role.MENTEE, False),
)


def small_event(store: EventStore) -> dict[str, int]:
    """Three mentors and four mentees, all checked in; ids by first name."""
    ids = {}
    with store.session() as session:
        for number, (first, last, role, consent) in enumerate(PEOPLE):
            pid = roster.add_person(session, store.event_id, PersonInput(
                first, last, role=role, email=f"person{number}@example.org", consent_share_contact=consent,
                organization="Fraunhofer-Institut für Produktionstechnik" if number == 1 else ""))
            checkin.check_in(session, pid)
            ids[first] = pid
    return ids


def planned(store: EventStore, rounds: int = 3, seats: int = 1) -> int:
    with store.session() as session:
        problem = load_problem(session, store.event_id, rounds=rounds, seats=seats)
        return save_plan(session, store.event_id, plan(problem).plan, minutes=7)


def inline_ops(store: EventStore) -> Operations:
    """The operations layer on ``store`` with an inline runner: answers arrive before a call returns."""
    return Operations(store, TaskManager(InlineRunner()))
