"""Several desks on one event file: contention waits its turn, it never fails a scan.

Before writes began as writers (``BEGIN IMMEDIATE``), two ``checkin --stdin`` streams on one file
answered 47–57 % of lines with "database is locked": a transaction that read and then wrote
could not wait for the other desk's commit, whatever the busy timeout said.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import func, select

from mentordesk.models import CheckinEntry, CheckinMethod, Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.checkin import checked_in_ids
from mentordesk.services.demo import create_demo_event
from mentordesk.services.desk import check_in_input

STREAMS = 4
PASSES = 3


def _codes(path: Path) -> list[str]:
    with EventStore.open(path) as store, store.read_session() as session:
        return list(session.scalars(select(Person.badge_code).order_by(Person.id)))


def test_four_checkin_streams_on_one_file_answer_every_line_ok(tmp_path: Path) -> None:
    event = tmp_path / "desks.mentordesk"
    create_demo_event(event)
    codes = _codes(event)
    env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    processes = []
    for stream in range(STREAMS):
        # Every stream scans every code several times, in its own order: the desks overlap.
        order = codes[stream:] + codes[:stream]
        feed = tmp_path / f"desk{stream}.in"
        feed.write_text("\n".join(order * PASSES) + "\n", encoding="utf-8")
        with feed.open("rb") as stdin, (tmp_path / f"desk{stream}.out").open("wb") as stdout, \
                (tmp_path / f"desk{stream}.err").open("wb") as stderr:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "mentordesk", "checkin", "--event", str(event), "--stdin",
                 "--station", f"Desk {stream + 1}"],
                stdin=stdin, stdout=stdout, stderr=stderr, env=env,
            ))
    for stream, process in enumerate(processes):
        assert process.wait(timeout=300) == 0, (tmp_path / f"desk{stream}.err").read_text(encoding="utf-8")
        answers = (tmp_path / f"desk{stream}.out").read_text(encoding="utf-8").splitlines()
        assert len(answers) == len(codes) * PASSES
        refused = [answer for answer in answers if not answer.startswith("OK ")]
        assert refused == [], refused[:3]
    with EventStore.open(event) as store, store.read_session() as session:
        assert checked_in_ids(session, store.event_id) == set(session.scalars(select(Person.id)))


def test_a_transaction_that_reads_then_writes_waits_for_another_desk(tmp_path: Path) -> None:
    """Desk A reads, desk B scans meanwhile, then A writes: both scans are saved.

    With a deferred BEGIN, B committed in the middle of A's transaction and A's write failed at
    once with "database is locked". Now A's transaction holds the write lock from its start, so B
    waits until A has committed. (The short wait for B below only gives the old code the chance to
    fail; the new code passes whether or not B got that far.)
    """
    event = tmp_path / "two.mentordesk"
    create_demo_event(event)
    with EventStore.open(event) as store, store.read_session() as session:
        arrived = checked_in_ids(session, store.event_id)
        codes = list(session.scalars(select(Person.badge_code).where(Person.id.not_in(arrived)).order_by(Person.id)))
    a_has_read = threading.Event()
    b_done = threading.Event()
    errors: list[BaseException] = []

    with EventStore.open(event) as store_b:

        def desk_b() -> None:
            try:
                a_has_read.wait(timeout=60)
                with store_b.session() as session:
                    check_in_input(session, store_b.event_id, codes[1], station="B", allow_names=False,
                                   method=CheckinMethod.COMMAND_LINE)
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)
            finally:
                b_done.set()

        thread = threading.Thread(target=desk_b)
        thread.start()
        with EventStore.open(event) as store_a, store_a.session() as session:
            before = session.scalar(select(func.count()).select_from(CheckinEntry))
            a_has_read.set()
            b_done.wait(timeout=1)
            check_in_input(session, store_a.event_id, codes[0], station="A", allow_names=False,
                           method=CheckinMethod.COMMAND_LINE)
        thread.join(timeout=120)
    assert not thread.is_alive()
    assert errors == []
    with EventStore.open(event) as store, store.read_session() as session:
        after = session.scalar(select(func.count()).select_from(CheckinEntry))
        stations = set(session.scalars(select(CheckinEntry.station).where(CheckinEntry.station.in_(["A", "B"]))))
    assert before is not None and after is not None
    assert stations == {"A", "B"}
    assert after == before + 2


def test_a_reader_is_never_blocked_by_a_writer(tmp_path: Path) -> None:
    """Read sessions begin deferred: an open write transaction does not hold up a page refresh."""
    event = tmp_path / "read.mentordesk"
    create_demo_event(event)
    with EventStore.open(event) as writer, EventStore.open(event) as reader, writer.session() as session:
        session.add(Person(event_id=writer.event_id, first_name="Late", last_name="Arrival", role=Role.MENTEE,
                           badge_code="LATE-0001"))
        session.flush()
        with reader.read_session() as read:
            # The uncommitted walk-in is invisible, and the read does not wait for the writer.
            assert read.scalar(select(func.count()).select_from(Person).where(Person.badge_code == "LATE-0001")) == 0


def test_clock_commands_and_a_busy_desk_on_one_file_all_succeed(tmp_path: Path) -> None:
    """The run console's commands used to fail ("database is locked") while a desk was scanning."""
    from mentordesk.models import PlanMode
    from mentordesk.services.checkin import check_in, check_out
    from mentordesk.services.flash import clock
    from mentordesk.services.flash.live import SessionSetup, plan_session

    event = tmp_path / "console.mentordesk"
    create_demo_event(event)
    with EventStore.open(event) as store, store.session() as session:
        planned = plan_session(session, store.event_id, SessionSetup(3, 7, 60, 1, PlanMode.ROTATE))
        flash_id = planned.flash_session_id
        people = list(checked_in_ids(session, store.event_id))
    errors: list[BaseException] = []
    desk_done = threading.Event()

    def desk() -> None:
        try:
            with EventStore.open(event) as desk_store:
                for person_id in people:
                    with desk_store.session() as session:
                        check_out(session, person_id, station="Desk")
                    with desk_store.session() as session:
                        check_in(session, person_id, station="Desk")
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            desk_done.set()

    thread = threading.Thread(target=desk)
    thread.start()
    commands = 0
    with EventStore.open(event) as console:
        with console.session() as session:
            clock.start(session, flash_id)
        while not desk_done.is_set() or commands < 20:
            for command in (clock.pause, clock.resume, clock.add_minute):
                with console.session() as session:
                    command(session, flash_id)
                commands += 1
    thread.join(timeout=300)
    assert errors == []
    assert commands >= 20
