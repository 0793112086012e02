"""The window opens, shows and saves copies of events whose names hold URL syntax or other scripts.

Opening ``what?x=1.mentordesk`` used to raise an uncaught error in the window (the file name was
read as a database URL with parameters), and ``spring%20A.mentordesk`` opened ``spring A``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mentordesk.models import Event
from mentordesk.models.store import EventStore
from mentordesk.ui.main_window import MainWindow


@pytest.mark.parametrize("stem", ["spring%20A", "what?x=1", "table #4", "Ωμέγα ملتقى"])
def test_the_window_opens_exactly_the_named_file(window: MainWindow, tmp_path: Path, stem: str,
                                                qtbot: QtBot) -> None:
    decoy = tmp_path / "spring A.mentordesk"
    EventStore.create(decoy, name="The wrong event").close()
    event = tmp_path / f"{stem}.mentordesk"
    EventStore.create(event, name=f"Event {stem}").close()

    assert window.open_event(event)
    assert window.store is not None and window.store.path == event.resolve()
    qtbot.waitUntil(lambda: window.windowTitle() == f"Event {stem} — MentorDesk", timeout=20_000)
    copy = window.store.save_copy(tmp_path / f"{stem} copy.mentordesk")
    with EventStore.open(copy) as opened, opened.read_session() as session:
        assert session.get(Event, opened.event_id).name == f"Event {stem}"  # type: ignore[union-attr]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".mentordesk") == sorted(
        [decoy.name, event.name, copy.name])
