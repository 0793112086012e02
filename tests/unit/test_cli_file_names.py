"""Every command works on event files whose names hold URL syntax, spaces or other scripts.

The event used to be opened through a database URL built from the path: "%20" was decoded (an
import into ``spring%20A.mentordesk`` wrote into ``spring A.mentordesk``), and a "?" started URL
parameters (a stray database file and an internal error). The commands run in-process here (the
command line's own entry point), so the whole matrix stays quick.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentordesk.cli import main

NAMES = ["spring%20A", "what?x=1", "table #4", "two  spaces", "Ωμέγα 東京 ملتقى", "100%", "a%2Fb"]

ATTENDEES = (
    "First Name,Last Name,Email,Ticket Type\n"
    "Zoë,Šimůnek,zoe@example.org,Mentee\n"
    "Amara,Okafor,amara@example.org,Mentor\n"
)


@pytest.mark.parametrize("stem", NAMES)
def test_every_command_uses_exactly_the_named_file(tmp_path: Path, stem: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    event = tmp_path / f"{stem}.mentordesk"
    attendees = tmp_path / "attendees.csv"
    attendees.write_text(ATTENDEES, encoding="utf-8")

    assert main(["init", "--event", str(event), "--name", "Spring"]) == 0
    assert main(["import", "--event", str(event), str(attendees)]) == 0
    capsys.readouterr()
    assert main(["people", "--event", str(event), "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert sorted(p["last_name"] for p in people) == ["Okafor", "Šimůnek"]
    for person in people:
        assert main(["checkin", "--event", str(event), person["badge_code"]]) == 0
    plan = tmp_path / f"{stem}.json"
    assert main(["flash", "plan", "--event", str(event), "--rounds", "1", "--minutes", "5", "--json", str(plan)]) == 0
    assert json.loads(plan.read_text(encoding="utf-8"))["rounds"][0]["tables"]
    summary = tmp_path / f"{stem} summary.pdf"
    assert main(["export", "summary", "--event", str(event), "-o", str(summary)]) == 0
    assert summary.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["groups", "--event", str(event), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    calendar = tmp_path / f"{stem}.ics"
    assert main(["export", "calendar", "--event", str(event), "-o", str(calendar)]) == 0
    assert calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    demo = tmp_path / f"{stem} demo.mentordesk"
    assert main(["demo", "--event", str(demo)]) == 0
    capsys.readouterr()

    # Nothing was written anywhere else: only the files named above (and their SQLite companions).
    made = {path.name for path in tmp_path.iterdir()} - {"home"}
    expected = {event.name, attendees.name, plan.name, summary.name, calendar.name, demo.name}
    companions = {name for name in made - expected if name.endswith(("-wal", "-shm"))}
    assert made - companions == expected


def test_a_percent_name_never_opens_the_decoded_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two files, ``spring%20A`` and ``spring A``: each command touches only the one it names."""
    encoded = tmp_path / "spring%20A.mentordesk"
    decoded = tmp_path / "spring A.mentordesk"
    assert main(["init", "--event", str(decoded), "--name", "Decoded"]) == 0
    assert main(["init", "--event", str(encoded), "--name", "Encoded"]) == 0
    attendees = tmp_path / "attendees.csv"
    attendees.write_text(ATTENDEES, encoding="utf-8")
    assert main(["import", "--event", str(encoded), str(attendees)]) == 0
    capsys.readouterr()
    assert main(["people", "--event", str(decoded), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["people", "--event", str(encoded), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
