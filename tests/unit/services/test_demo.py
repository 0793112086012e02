"""The demo event is realistic: varied scripts, requests, arrivals and group history."""

from __future__ import annotations

import unicodedata

from sqlalchemy import func, select

from mentordesk.models import Attendance, Goal, GroupSession, MentorRequest, NoGoPair, Person
from mentordesk.models.store import EventStore


def _scripts(text: str) -> set[str]:
    found = set()
    for ch in text:
        if ch.isalpha():
            found.add(unicodedata.name(ch).split()[0])
    return found


def test_demo_names_cover_many_writing_systems(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        names = session.scalars(select(Person.first_name + " " + Person.last_name)).all()
    scripts = set().union(*(_scripts(n) for n in names))
    assert {"LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW", "CJK", "HANGUL"} <= scripts
    assert any(len(n) > 40 for n in names)


def test_demo_has_requests_no_go_pairs_and_group_history(demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        def count(model: type) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0

        assert count(MentorRequest) > 10
        assert count(NoGoPair) == 2
        assert count(GroupSession) == 8
        assert count(Attendance) == 2 * 2 * 6  # two past sessions per group, six members each
        assert count(Goal) == 6
