"""Fixtures and helpers shared by the Groups page tests (imported by those test files).

The page is the real Groups page on a real event file (the demo event: two groups of six with four
weekly sessions each, two of them held), its reads run inline so every assertion sees a settled
screen, and results are read back through the groups services.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.tasks import InlineRunner, TaskManager


@pytest.fixture
def groups_page(demo_store: EventStore, qtbot: QtBot) -> Iterator[GroupsPage]:
    """The Groups page, shown and active on the demo event."""
    yield from _page(demo_store, qtbot)


@pytest.fixture
def class_page(class_of_30: EventStore, qtbot: QtBot) -> Iterator[GroupsPage]:
    """The Groups page on a fresh event with a class of 30 and 6 mentors."""
    yield from _page(class_of_30, qtbot)


def _page(store: EventStore, qtbot: QtBot) -> Iterator[GroupsPage]:
    gc.collect()
    page = GroupsPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.set_store(store)
    page.show()
    qtbot.waitExposed(page)
    page.set_active(True)
    yield page
    page.set_active(False)
    page.set_store(None)


#: A class of 30 in three grades, each with a couple of interests, and six alumni mentors; names in
#: several scripts, one of them very long.
CLASS_FIRST = ("Zoë", "Łukasz", "María José", "博", "Αλέξανδρος", "Дмитрий", "محمد", "נועה", "서연", "Nguyễn Thị")
CLASS_LAST = ("Šimůnek", "Wiśniewski", "García-Olmedo", "田中", "Παπαδόπουλος", "Соколов", "الحسيني", "כהן", "김",
              "von Hohenberg-Schwarzenfeld-Lichtenau")
TOPICS = (("Robotics", "Coding"), ("Art", "Design"), ("Medicine", "Biology"), ("Law", "Debate"), ("Coding", "Design"))


@pytest.fixture
def class_of_30(store: EventStore, add_person) -> EventStore:  # type: ignore[no-untyped-def]
    """A fresh event with 30 mentees (grades 9–11, five interest pairs) and 6 mentors, no groups yet."""
    for n in range(30):
        add_person(store, CLASS_FIRST[n % 10], f"{CLASS_LAST[(n * 3) % 10]} {n + 1}", Role.MENTEE,
                   department=f"Grade {9 + n % 3}", topics=list(TOPICS[n % 5]))
    for n in range(6):
        add_person(store, f"Alumna {n + 1}", CLASS_LAST[n], Role.MENTOR, topics=list(TOPICS[n % 5]))
    return store


def group_ids(store: EventStore) -> dict[str, int]:
    with store.read_session() as session:
        return {g.name: g.id for g in svc.list_groups(session, store.event_id)}


def members(store: EventStore, group_id: int) -> dict[int, svc.MemberInfo]:
    with store.read_session() as session:
        return {m.person_id: m for m in svc.group_members(session, group_id)}


def sessions(store: EventStore, group_id: int | None = None) -> list[svc.SessionInfo]:
    with store.read_session() as session:
        return svc.list_sessions(session, store.event_id, group_id=group_id)


def roster(store: EventStore, session_id: int) -> list[svc.RosterRow]:
    with store.read_session() as session:
        return svc.roster(session, session_id)
