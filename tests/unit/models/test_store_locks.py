"""Looking at the open event never drops this process's locks on it.

Opening an event file with plain file I/O and closing it again (to read its header) releases
every POSIX lock the process holds on the file, SQLite's own included. The next process to close
its connection then believed itself the last one and deleted the write-ahead log under this
process, which from then on saw none of the other desks' check-ins (and wrote its own into a log
no one else could see). Found by the change watcher's probe, which stopped seeing changes after
a second store opened the same file in the same process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentordesk.models import CheckinEntry
from mentordesk.models.store import EventStore
from mentordesk.output_files import is_event_file
from mentordesk.services.checkin import checked_in_ids
from mentordesk.services.demo import create_demo_event
from mentordesk.services.importing import ImportFileError
from mentordesk.services.importing.reading import read_file
from mentordesk.services.people import list_people


def _entries(store: EventStore) -> int:
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(CheckinEntry)) or 0


def _checkin_elsewhere(event: Path, code: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    result = subprocess.run([sys.executable, "-m", "mentordesk", "checkin", "--event", str(event), code],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr


def test_inspecting_checking_and_importing_the_open_event_keep_other_desks_visible(tmp_path: Path) -> None:
    event = tmp_path / "desk.mentordesk"
    create_demo_event(event)
    with EventStore.open(event) as store:
        with store.read_session() as session:
            arrived = checked_in_ids(session, store.event_id)
            waiting = [row.badge_code for row in list_people(session, store.event_id) if row.id not in arrived]
        before = _entries(store)
        # Everything that looks at the file while it is open here.
        EventStore.open(event).close()
        assert is_event_file(event)
        with pytest.raises(ImportFileError, match="is a database"):
            read_file(event)

        for expected, code in enumerate(waiting[:3], start=1):
            _checkin_elsewhere(event, code)
            assert Path(f"{event}-wal").exists()
            assert _entries(store) == before + expected
