"""The command line, run as a real subprocess the way scripts and outside checks run it.

Each command under test runs as a subprocess (about a second each); the event files a test only
starts from are made in-process, and what a command left in a file is read in-process (the
``init``, ``demo`` and ``people`` commands themselves are tested on their own).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk import __version__


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "mentordesk", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        timeout=120,
    )


def _init(event: Path, name: str) -> None:
    """A new, empty event file, as ``mentordesk init`` makes it."""
    from mentordesk.models.store import EventStore

    with EventStore.create(event, name=name):
        pass


def _people(event: Path) -> list[dict[str, object]]:
    """The event's people as ``mentordesk people --json`` prints them."""
    from mentordesk.models.store import EventStore
    from mentordesk.services.people import list_people

    with EventStore.open(event) as store, store.read_session() as session:
        rows = list_people(session, store.event_id)
    result: list[dict[str, object]] = json.loads(json.dumps([row.to_json() for row in rows], ensure_ascii=False))
    return result


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *, contains: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mentordesk: error:")
    assert contains in lines[0]


def test_version_and_help() -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"MentorDesk {__version__}"
    helptext = run("--help")
    assert helptext.returncode == 0
    for name in ("init", "demo", "people", "--event"):
        assert name in helptext.stdout


def test_init_creates_an_event(tmp_path: Path) -> None:
    event = tmp_path / "spring.mentordesk"
    result = run("init", "--event", str(event), "--name", "Spring Flash", "--date", "2026-05-04")
    assert result.returncode == 0, result.stderr
    assert "Spring Flash" in result.stdout
    people = run("people", "--event", str(event), "--json")
    assert people.returncode == 0 and json.loads(people.stdout) == []


def test_init_refuses_an_existing_file(tmp_path: Path) -> None:
    event = tmp_path / "spring.mentordesk"
    assert run("init", "--event", str(event), "--name", "First").returncode == 0
    before = _digest(event)
    result = run("init", "--event", str(event), "--name", "Second")
    _assert_one_line_error(result, contains="already exists")
    assert _digest(event) == before


def test_init_rejects_a_bad_date(tmp_path: Path) -> None:
    event = tmp_path / "x.mentordesk"
    result = run("init", "--event", str(event), "--name", "X", "--date", "4 May")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr
    assert not event.exists()


def test_missing_event_is_a_usage_error() -> None:
    result = run("people", "--json")
    _assert_one_line_error(result, contains="--event")
    assert result.returncode == 2


def test_event_can_come_from_the_environment(tmp_path: Path) -> None:
    event = tmp_path / "env.mentordesk"
    assert run("init", "--name", "From env", env={"MENTORDESK_EVENT": str(event)}).returncode == 0
    result = run("people", "--json", env={"MENTORDESK_EVENT": str(event)})
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_demo_then_people_json_matches_the_contract(tmp_path: Path) -> None:
    event = tmp_path / "demo.mentordesk"
    demo = run("demo", "--event", str(event))
    assert demo.returncode == 0, demo.stderr
    result = run("people", "--event", str(event), "--json")
    assert result.returncode == 0, result.stderr
    people = json.loads(result.stdout)
    keys = {"id", "first_name", "last_name", "email", "role", "organization", "topics", "badge_code", "checked_in"}
    assert people and all(set(p) == keys for p in people)
    roles = {p["role"] for p in people}
    assert roles == {"mentor", "mentee", "facilitator"}
    assert sum(p["role"] == "mentor" for p in people) == 12
    assert sum(p["role"] == "mentee" for p in people) == 40
    assert all(isinstance(p["id"], int) and isinstance(p["checked_in"], bool) for p in people)
    assert all(isinstance(p["topics"], list) for p in people)
    assert len({p["badge_code"] for p in people}) == len(people)
    assert any(p["email"] is None for p in people)
    # Badge codes are opaque: nothing personal inside.
    for p in people:
        assert p["first_name"].casefold() not in p["badge_code"].casefold()
    names = {f"{p['first_name']} {p['last_name']}" for p in people}
    assert {"Zoë Šimůnek", "Дмитрий Соколов", "محمد الحسيني", "지호 박", "Nguyễn Thị Lan"} <= names


def test_demo_refuses_an_existing_file(tmp_path: Path, demo_template: Path) -> None:
    event = tmp_path / "demo.mentordesk"
    shutil.copyfile(demo_template, event)
    before = _digest(event)
    _assert_one_line_error(run("demo", "--event", str(event)), contains="already exists")
    assert _digest(event) == before


def test_people_plain_listing(tmp_path: Path, demo_template: Path) -> None:
    event = tmp_path / "demo.mentordesk"
    shutil.copyfile(demo_template, event)
    result = run("people", "--event", str(event))
    assert result.returncode == 0
    assert result.stdout.strip().splitlines()[-1] == "54 people, 42 arrived"


def _foreign_files(tmp_path: Path, demo_template: Path) -> dict[str, Path]:
    files = {
        "csv": tmp_path / "attendees.csv",
        "empty": tmp_path / "empty.mentordesk",
        "damaged": tmp_path / "damaged.mentordesk",
        "newer": tmp_path / "newer.mentordesk",
    }
    files["csv"].write_text("First Name,Last Name\nAnn,Lee\n", encoding="utf-8")
    files["empty"].write_bytes(b"")
    shutil.copyfile(demo_template, files["damaged"])
    data = bytearray(files["damaged"].read_bytes())
    data[8 * 4096 : 20 * 4096] = b"\x00\xff" * (6 * 4096)
    files["damaged"].write_bytes(bytes(data))
    import sqlite3

    _init(files["newer"], "Newer")
    conn = sqlite3.connect(files["newer"])
    conn.execute("UPDATE alembic_version SET version_num = '9000'")
    conn.commit()
    conn.close()
    return files


@pytest.mark.parametrize("command", [["people", "--json"], ["people"]])
def test_foreign_damaged_and_newer_files_give_one_line_and_stay_unchanged(
    tmp_path: Path, demo_template: Path, command: list[str]
) -> None:
    expected = {"csv": "not a MentorDesk event file", "empty": "not a MentorDesk event file",
                "damaged": "damaged", "newer": "newer version"}
    for kind, path in _foreign_files(tmp_path, demo_template).items():
        before = _digest(path)
        result = run(*command, "--event", str(path))
        _assert_one_line_error(result, contains=expected[kind])
        assert _digest(path) == before, kind


def test_demo_and_init_on_a_foreign_file_refuse_and_leave_it(tmp_path: Path) -> None:
    path = tmp_path / "attendees.csv"
    path.write_text("First Name\nAnn\n", encoding="utf-8")
    before = _digest(path)
    _assert_one_line_error(run("demo", "--event", str(path)), contains="already exists")
    _assert_one_line_error(run("init", "--event", str(path), "--name", "X"), contains="already exists")
    assert _digest(path) == before


def test_unknown_command_is_a_usage_error() -> None:
    result = run("frobnicate")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "invalid choice" in result.stderr


DemoPeople = tuple[Path, list[dict[str, object]]]


@pytest.fixture
def demo_people(tmp_path: Path, demo_template: Path) -> DemoPeople:
    """The demo event (as ``mentordesk demo`` makes it) and its people."""
    event = tmp_path / "desk.mentordesk"
    shutil.copyfile(demo_template, event)
    return event, _people(event)


def test_checkin_by_code_and_email(demo_people: DemoPeople) -> None:
    event, people = demo_people
    absent = [p for p in people if not p["checked_in"] and p["email"]]
    first, second = absent[0], absent[1]
    result = run("checkin", "--event", str(event), str(first["badge_code"]).lower())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{first['first_name']} {first['last_name']}"
    again = run("checkin", "--event", str(event), str(first["badge_code"]))
    assert again.returncode == 0 and "already checked in" in again.stderr
    by_email = run("checkin", "--event", str(event), str(second["email"]).upper())
    assert by_email.returncode == 0 and by_email.stdout.strip() == f"{second['first_name']} {second['last_name']}"
    after = {p["id"]: p["checked_in"] for p in _people(event)}
    assert after[first["id"]] and after[second["id"]]


def test_checkin_unknown_code_exits_1(demo_people: DemoPeople) -> None:
    event, _ = demo_people
    result = run("checkin", "--event", str(event), "NOPE9999")
    _assert_one_line_error(result, contains="NOPE9999")
    assert result.returncode == 1


def test_checkin_stdin_answers_each_line(demo_people: DemoPeople) -> None:
    event, people = demo_people
    absent = [p for p in people if not p["checked_in"]]
    lines = [str(absent[0]["badge_code"]), "bogus", "", str(absent[1]["badge_code"])]
    result = run("checkin", "--event", str(event), "--stdin", input="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"OK {absent[0]['id']}", "ERR unknown code: bogus", f"OK {absent[1]['id']}"]


def test_checkin_stdin_acknowledges_only_durable_commits(demo_people: DemoPeople) -> None:
    """Kill the process right after an OK: the acknowledged check-in must be in the file."""
    event, people = demo_people
    absent = [p for p in people if not p["checked_in"]]
    env = {key: value for key, value in os.environ.items() if key != "MENTORDESK_EVENT"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mentordesk", "checkin", "--event", str(event), "--stdin"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(f"{absent[0]['badge_code']}\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == f"OK {absent[0]['id']}"
    proc.kill()
    proc.wait(timeout=30)
    proc.stdin.close()
    proc.stdout.close()
    after = {p["id"]: p["checked_in"] for p in _people(event)}
    assert after[absent[0]["id"]] is True


IMPORTS = Path(__file__).resolve().parents[1] / "data" / "imports"


def test_import_prints_a_summary_and_problems_on_stderr(tmp_path: Path) -> None:
    event = tmp_path / "import.mentordesk"
    _init(event, "Import")
    result = run("import", "--event", str(event), str(IMPORTS / "eventbrite_attendees.csv"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "Read 7 rows from eventbrite_attendees.csv: 6 added, 0 updated, 0 unchanged, 1 skipped"
    )
    assert result.stderr.strip().startswith("skipped line 6")
    people = _people(event)
    assert len(people) == 6
    again = run("import", "--event", str(event), str(IMPORTS / "eventbrite_attendees.csv"))
    assert "0 added" in again.stdout and len(_people(event)) == 6


def test_import_with_a_role_for_the_whole_file(tmp_path: Path) -> None:
    event = tmp_path / "import.mentordesk"
    _init(event, "Import")
    result = run("import", "--event", str(event), str(IMPORTS / "semicolon_windows1252.csv"), "--role", "mentor")
    assert result.returncode == 0, result.stderr
    people = _people(event)
    assert people and {p["role"] for p in people} == {"mentor"}


@pytest.mark.parametrize("name", ["empty.csv", "binary_garbage.csv", "logo_renamed.csv", "old_excel.xls",
                                  "no_name_column.csv", "header_only.csv", "does-not-exist.csv"])
def test_import_of_an_unreadable_file_is_one_line_and_changes_nothing(tmp_path: Path, name: str) -> None:
    event = tmp_path / "import.mentordesk"
    _init(event, "Import")
    result = run("import", "--event", str(event), str(IMPORTS / name))
    _assert_one_line_error(result, contains=name)
    assert _people(event) == []


def _check_rotation(doc: dict[str, object], checked_in: set[str], rounds: int, seats: int) -> None:
    people = doc["people"]
    assert isinstance(people, dict) and set(people) == checked_in
    met: set[tuple[str, str]] = set()
    assert isinstance(doc["rounds"], list) and [r["round"] for r in doc["rounds"]] == list(range(1, rounds + 1))
    for round_ in doc["rounds"]:
        seen = [t["mentor"] for t in round_["tables"]] + [m for t in round_["tables"] for m in t["mentees"]]
        seen += round_["waiting"]
        assert sorted(seen) == sorted(people), "everyone exactly once per round"
        for table in round_["tables"]:
            assert people[table["mentor"]]["role"] == "mentor" and len(table["mentees"]) <= seats
            for mentee in table["mentees"]:
                assert people[mentee]["role"] == "mentee"
                assert (mentee, table["mentor"]) not in met, "a mentee never meets a mentor twice"
                met.add((mentee, table["mentor"]))
        assert all(people[w]["role"] == "mentee" for w in round_["waiting"])


@pytest.mark.parametrize(("mode", "seats"), [("match", 1), ("match", 3), ("rotate", 2)])
def test_flash_plan_writes_the_rotation_json(tmp_path: Path, demo_people: DemoPeople, mode: str, seats: int) -> None:
    event, people = demo_people
    out = tmp_path / "rotation.json"
    result = run("flash", "plan", "--event", str(event), "--rounds", "6", "--minutes", "7", "--seats", str(seats),
                 "--mode", mode, "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "meetings" in result.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    checked_in = {str(p["id"]) for p in people if p["checked_in"] and p["role"] in ("mentor", "mentee")}
    _check_rotation(doc, checked_in, rounds=6, seats=seats)


def test_flash_plan_refuses_bad_input_in_one_line(tmp_path: Path, demo_people: DemoPeople) -> None:
    event, _ = demo_people
    out = tmp_path / "rotation.json"
    result = run("flash", "plan", "--event", str(event), "--rounds", "6", "--minutes", "7", "--seats", "4",
                 "--json", str(out))
    _assert_one_line_error(result, contains="seats")
    assert not out.exists()
    empty = tmp_path / "empty.mentordesk"
    _init(empty, "Empty")
    nobody = run("flash", "plan", "--event", str(empty), "--rounds", "3", "--minutes", "5", "--json", str(out))
    assert nobody.returncode != 0 and "Traceback" not in nobody.stderr and len(nobody.stderr.strip().splitlines()) == 1


def test_flash_plan_saves_a_changeover_in_seconds(tmp_path: Path, demo_people: DemoPeople) -> None:
    from sqlalchemy import select

    from mentordesk.models import FlashSession
    from mentordesk.models.store import EventStore

    event, _ = demo_people
    out = tmp_path / "rotation.json"
    result = run("flash", "plan", "--event", str(event), "--rounds", "4", "--minutes", "7", "--mode", "rotate",
                 "--json", str(out), "--save", "--changeover", "90")
    assert result.returncode == 0, result.stderr
    with EventStore.open(event) as store, store.read_session() as session:
        saved = session.scalars(select(FlashSession)).all()
        assert [(s.round_count, s.changeover_seconds) for s in saved] == [(4, 90)]
    too_long = run("flash", "plan", "--event", str(event), "--rounds", "4", "--minutes", "7",
                   "--json", str(out), "--save", "--changeover", "4000")
    _assert_one_line_error(too_long, contains="changeover")
