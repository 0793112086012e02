"""Events for the schedule, sheet and report tests: people in many scripts, a saved plan, feedback,
group attendance; and reading a PDF back as its reader would (text per page, PNG, QR codes)."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader

from mentordesk.models import (
    Attendance,
    AttendanceStatus,
    Feedback,
    GroupMember,
    GroupSession,
    MemberRole,
    MentorGroup,
    Person,
    PlanMode,
    Role,
)
from mentordesk.models.store import EventStore
from mentordesk.services import checkin
from mentordesk.services.flash import load_problem, plan, save_plan
from mentordesk.services.people import new_badge_code

MENTORS = [("Amara", "Okafor"), ("Zoë", "Šimůnek"), ("博", "田中"), ("Αλέξανδρος", "Παπαδόπουλος"),
           ("محمد", "الحسيني"), ("Lars-Erik", "Håkansson")]
MENTEES = [("נועה", "כהן"), ("芳", "王"), ("Łukasz", "Wiśniewski"), ("Ольга", "Коваленко"), ("지호", "박"),
           ("Maximilian Alexander", "von Hohenberg-Schwarzenfeld"), ("Dương Minh", "Khôi"), ("Grace", "O'Connor"),
           ("Kwame", "Mensah")]


@dataclass(frozen=True)
class People:
    mentors: list[int]
    mentees: list[int]


def add_people(store: EventStore, mentors: list[tuple[str, str]], mentees: list[tuple[str, str]], *,
               check_in: bool = True, consent: bool = True, at: datetime | None = None, tag: str = "") -> People:
    with store.session() as session:
        taken: set[str] = set()

        def add(first: str, last: str, role: Role, index: int) -> int:
            person = Person(event_id=store.event_id, first_name=first, last_name=last, role=role,
                            email=f"{role.value}{tag}{index}@example.org", organization=f"Org {index}",
                            badge_code=new_badge_code(session, store.event_id, taken), consent_share_contact=consent)
            session.add(person)
            session.flush()
            if check_in:
                when = (at or datetime(2026, 5, 4, 9, 0, tzinfo=UTC)) + timedelta(minutes=index)
                checkin.check_in(session, person.id, at=when)
            return person.id

        ids = People([add(f, last, Role.MENTOR, i) for i, (f, last) in enumerate(mentors)],
                     [add(f, last, Role.MENTEE, i) for i, (f, last) in enumerate(mentees)])
    return ids


def save_rotation(store: EventStore, *, rounds: int = 3, seats: int = 1, mode: PlanMode = PlanMode.ROTATE,
                  minutes: int = 7) -> int:
    with store.session() as session:
        problem = load_problem(session, store.event_id, rounds=rounds, seats=seats)
        result = plan(problem, mode)
        return save_plan(session, store.event_id, result.plan, minutes=minutes)


def add_feedback(store: EventStore, flash_id: int, round_number: int, author: int, about: int, *,
                 rating: int | None = None, follow_up: bool = False) -> None:
    with store.session() as session:
        session.add(Feedback(author_id=author, about_person_id=about, flash_session_id=flash_id,
                             round_number=round_number, rating=rating, wants_follow_up=follow_up))


def add_group(store: EventStore, name: str, mentor: int, mentees: list[int], *, sessions: int = 3,
              first: datetime | None = None, statuses: dict[tuple[int, int], AttendanceStatus] | None = None) -> int:
    """A group with weekly sessions; ``statuses`` maps (session index, person id) to attendance."""
    first = first or datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
    with store.session() as session:
        group = MentorGroup(event_id=store.event_id, name=name, location="Room 1")
        session.add(group)
        session.flush()
        session.add(GroupMember(group_id=group.id, person_id=mentor, role=MemberRole.MENTOR,
                                joined_on=date(2026, 3, 1)))
        for mentee in mentees:
            session.add(GroupMember(group_id=group.id, person_id=mentee, role=MemberRole.MENTEE,
                                    joined_on=date(2026, 3, 1)))
        for index in range(sessions):
            meeting = GroupSession(group_id=group.id, title=f"{name} — week {index + 1}",
                                   starts_at=first + timedelta(weeks=index), duration_minutes=60, location="Room 1")
            session.add(meeting)
            session.flush()
            for (which, person), status in (statuses or {}).items():
                if which == index:
                    session.add(Attendance(session_id=meeting.id, person_id=person, status=status))
        return group.id


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Text compared without spaces, line breaks or presentation forms (how extraction differs)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def render_pngs(pdf: bytes, folder: Path, dpi: int = 150, first: int | None = None,
                last: int | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "doc.pdf"
    source.write_bytes(pdf)
    command = ["pdftoppm", "-png", "-r", str(dpi)]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    subprocess.run([*command, str(source), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))
