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

from mentordesk.models.store import EventStore
from mentordesk.services import groups as svc
from mentordesk.ui.groups.page import GroupsPage
from mentordesk.ui.tasks import InlineRunner, TaskManager


@pytest.fixture
def groups_page(demo_store: EventStore, qtbot: QtBot) -> Iterator[GroupsPage]:
    """The Groups page, shown and active on the demo event."""
    gc.collect()
    page = GroupsPage(TaskManager(InlineRunner()))
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.set_store(demo_store)
    page.show()
    qtbot.waitExposed(page)
    page.set_active(True)
    yield page
    page.set_active(False)
    page.set_store(None)


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
