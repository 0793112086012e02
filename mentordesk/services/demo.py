"""The demo event: realistic sample people, requests, check-ins and two groups.

It gives every screen something real to show and is what ``make run`` opens on a new machine.
Names span several writing systems on purpose (Latin with diacritics, Greek, Cyrillic, Arabic,
Hebrew, Chinese, Japanese, Korean, Vietnamese) and a few are very long, so that layouts and
printed badges are exercised the way a real international event would exercise them.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from mentordesk.models import (
    Attendance,
    AttendanceStatus,
    CheckinMethod,
    Frequency,
    Goal,
    GoalProgress,
    GroupKind,
    GroupMember,
    GroupSession,
    MemberRole,
    MentorGroup,
    MentorRequest,
    NoGoPair,
    Note,
    Person,
    Role,
    SessionSeries,
)
from mentordesk.models.store import EventStore
from mentordesk.models.timezones import local_zone_name
from mentordesk.services import checkin, events
from mentordesk.services.groups.timing import local_instant
from mentordesk.services.people import new_badge_code

DEMO_EVENT_NAME = "Harbour Tech Summit — Flash Mentoring"
DEMO_VENUE = "Harbour Conference Centre, Hall B"
DEMO_STATION = "Front desk"

# (first name, last name, e-mail or None, organisation, title, topics)
_MENTORS = [
    ("Amara", "Okafor", "amara.okafor@lagosfintech.example", "Lagos Fintech Hub", "VP Engineering",
     ["Leadership", "Career change", "Fintech"]),
    ("Zoë", "Šimůnek", "zoe.simunek@brnosoft.example", "BrnoSoft", "Principal Engineer",
     ["Open source", "Cloud infrastructure", "Public speaking"]),
    ("博", "田中", "h.tanaka@kaizen-robotics.example", "Kaizen Robotics", "Head of Research",
     ["Machine learning", "Robotics", "Research careers"]),
    ("Αλέξανδρος", "Παπαδόπουλος", "alex.papadopoulos@aegean.example", "Aegean Data", "Chief Data Officer",
     ["Data engineering", "Machine learning", "Leadership"]),
    ("Дмитрий", "Соколов", "d.sokolov@northwind.example", "Northwind Security", "Security Architect",
     ["Security", "Cloud infrastructure"]),
    ("Priya", "Raghunathan", "priya.r@lumen-health.example", "Lumen Health", "Director of Product",
     ["Product management", "Negotiation", "Hiring & interviews"]),
    ("محمد", "الحسيني", "m.alhusseini@sahara-ventures.example", "Sahara Ventures", "Founding Partner",
     ["Entrepreneurship", "Fundraising", "Negotiation"]),
    ("Siobhán", "Ní Bhriain", "siobhan.nibhriain@cliffsedge.example", "Cliffs Edge Games", "Creative Director",
     ["UX research", "Game design", "Public speaking"]),
    ("Nguyễn Thị", "Lan", "lan.nguyen@mekong-ai.example", "Mekong AI", "ML Engineering Manager",
     ["Machine learning", "Leadership", "Work–life balance"]),
    ("María José", "García-Olmedo", "mj.garcia@iberia-cloud.example", "Iberia Cloud", "Staff SRE",
     ["Cloud infrastructure", "Career change", "Work–life balance"]),
    ("서연", "김", "seoyeon.kim@hangang-labs.example", "Hangang Labs", "Design Lead",
     ["UX research", "Product management"]),
    ("Lars-Erik", "Håkansson", "lars-erik.hakansson@nordlys.example", "Nordlys Energy", "CTO",
     ["Leadership", "Entrepreneurship", "Hiring & interviews"]),
]

_MENTEES = [
    ("נועה", "כהן", "noa.cohen@student.example", "Technion", "MSc student"),
    ("芳", "王", "wang.fang@student.example", "Fudan University", "PhD candidate"),
    ("Łukasz", "Wiśniewski", "lukasz.wisniewski@example.org", "Allegro", "Junior Developer"),
    ("Ayşe", "Yılmaz", "ayse.yilmaz@example.org", "Boğaziçi University", "Research Assistant"),
    ("François", "Dubois", "f.dubois@example.org", "Atelier Numérique", "Front-end Developer"),
    ("Bjørn", "Ødegård", "bjorn.odegard@example.org", "Equinor", "Graduate Engineer"),
    ("Chiamaka", "Eze", "chiamaka.eze@example.org", "Andela", "Software Engineer"),
    ("Mateus", "Conceição", "mateus.conceicao@example.org", "Nubank", "Data Analyst"),
    ("Ольга", "Коваленко", "olga.kovalenko@example.org", "Kyiv Polytechnic", "Student"),
    ("Sofía", "Ramírez", "sofia.ramirez@example.org", "Mercado Libre", "QA Engineer"),
    ("Tomás", "Ó Súilleabháin", "tomas.osuilleabhain@example.org", "Trinity College Dublin", "Undergraduate"),
    ("Fatima Zahra", "El Amrani", "fz.elamrani@example.org", "OCP Group", "Process Engineer"),
    ("Jonas", "Müller", "jonas.mueller@example.org", "Siemens", "Working Student"),
    ("Émilie", "Tremblay", "emilie.tremblay@example.org", "Ubisoft Montréal", "Level Designer"),
    ("Kwame", "Mensah", "kwame.mensah@example.org", "Ashesi University", "Student"),
    ("Anaïs", "Lefèvre", "anais.lefevre@example.org", "BlaBlaCar", "Product Designer"),
    ("Dương Minh", "Khôi", "khoi.duong@example.org", "FPT Software", "Backend Developer"),
    ("Sveinn", "Þórsson", "sveinn.thorsson@example.org", "Marel", "Automation Engineer"),
    ("Isabela", "Araújo", "isabela.araujo@example.org", "Universidade de São Paulo", "MSc student"),
    ("Jakub", "Dvořák", "jakub.dvorak@example.org", "Avast", "Security Analyst"),
    ("Mei Lin", "Chen", "meilin.chen@example.org", "Grab", "Data Scientist"),
    ("रवि शंकर", "अय्यर", "ravi.iyer@example.org", "Infosys", "Associate Consultant"),
    ("Hannah", "Schröder", "hannah.schroeder@example.org", "Zalando", "Engineering Intern"),
    ("Diego", "Fernández", None, "Walk-in", ""),
    ("愛子", "山本", "aiko.yamamoto@example.org", "Rakuten", "Associate Product Manager"),
    ("Yusuf", "Demir", "yusuf.demir@example.org", "Getir", "Mobile Developer"),
    ("Leilani", "Kahale", "leilani.kahale@example.org", "University of Hawaiʻi", "Student"),
    ("Oluwaseun", "Adeyemi", "seun.adeyemi@example.org", "Paystack", "DevOps Engineer"),
    ("Chloé", "Martin", "chloe.martin@example.org", "Doctolib", "UX Researcher"),
    ("Николай", "Петров", "nikolai.petrov@example.org", "JetBrains", "Developer Advocate"),
    ("Grace", "O'Connor", "grace.oconnor@example.org", "Stripe", "Support Engineer"),
    ("Mohammed", "Al-Farsi", "m.alfarsi@example.org", "Omantel", "Network Engineer"),
    ("Ingrid", "Bergström", "ingrid.bergstrom@example.org", "Spotify", "Data Engineer"),
    ("Pedro", "Gonçalves", "pedro.goncalves@example.org", "Farfetch", "Graduate Developer"),
    ("Thandiwe", "Dlamini", "thandiwe.dlamini@example.org", "University of Cape Town", "Honours student"),
    ("Elif", "Şahin", "elif.sahin@example.org", "Trendyol", "Software Engineer"),
    ("Matteo", "Rossi", None, "Politecnico di Milano", "Student"),
    ("Ana-Maria", "Popescu", "anamaria.popescu@example.org", "UiPath", "RPA Developer"),
    ("지호", "박", "jiho.park@example.org", "KAIST", "Undergraduate"),
    ("Maximilian Alexander", "von Hohenberg-Schwarzenfeld", "max.hohenberg@example.org",
     "Fraunhofer-Institut für Produktionstechnik und Automatisierung", "Doctoral Researcher"),
]

_FACILITATORS = [
    ("Sarah-Jane", "Whitcombe", "sj.whitcombe@harbourtech.example", "Harbour Tech Summit", "Programme Lead"),
    ("Kofi", "Boateng", "kofi.boateng@harbourtech.example", "Harbour Tech Summit", "Volunteer Coordinator"),
]

_TOPIC_POOL = sorted({topic for *_rest, topics in _MENTORS for topic in topics})


@dataclass(frozen=True)
class DemoSummary:
    path: str
    mentors: int
    mentees: int
    facilitators: int
    checked_in: int
    groups: int
    group_sessions: int

    def describe(self) -> str:
        return (
            f"Created the demo event in {self.path}: {self.mentors} mentors, {self.mentees} mentees, "
            f"{self.facilitators} facilitators ({self.checked_in} checked in), "
            f"{self.groups} groups with {self.group_sessions} sessions"
        )


def create_demo_event(target: str | os.PathLike[str], *, seed: int = 2026) -> DemoSummary:
    """Create a new event file (or database) at ``target`` filled with the demo data."""
    rng = random.Random(seed)
    today = date.today()
    with EventStore.create(target, name=DEMO_EVENT_NAME, starts_on=today, venue=DEMO_VENUE) as store:
        with store.session() as session:
            event_id = store.event_id
            events.mark_sample(session, event_id)
            taken: set[str] = set()

            def add(first: str, last: str, email: str | None, org: str, title: str, role: Role,
                    topics: list[str]) -> Person:
                person = Person(
                    event_id=event_id,
                    first_name=first,
                    last_name=last,
                    email=email,
                    role=role,
                    organization=org,
                    title=title,
                    topics=topics,
                    consent_share_contact=rng.random() < 0.7,
                    external_id=f"HTS-{rng.randrange(100000, 999999)}",
                    badge_code=new_badge_code(session, event_id, taken),
                    is_walk_in=email is None,
                )
                session.add(person)
                return person

            mentors = [add(f, last, e, o, t, Role.MENTOR, topics) for f, last, e, o, t, topics in _MENTORS]
            mentees = [
                add(f, last, e, o, t, Role.MENTEE, rng.sample(_TOPIC_POOL, rng.randint(1, 3)))
                for f, last, e, o, t in _MENTEES
            ]
            facilitators = [add(f, last, e, o, t, Role.FACILITATOR, []) for f, last, e, o, t in _FACILITATORS]
            session.flush()

            # About half the mentees asked for one to three particular mentors.
            for mentee in mentees:
                if rng.random() < 0.5:
                    for rank, mentor in enumerate(rng.sample(mentors, rng.randint(1, 3)), start=1):
                        session.add(MentorRequest(mentee_id=mentee.id, mentor_id=mentor.id, rank=rank))
            # A manager and their report, and two colleagues from the same team, must not meet.
            for a, b, reason in ((mentors[5], mentees[21], "Same team at work"),
                                 (mentors[1], mentees[19], "Manager and report")):
                low, high = sorted((a.id, b.id))
                session.add(NoGoPair(person_a_id=low, person_b_id=high, reason=reason))

            checked_in = _demo_checkins(session, rng, mentors, mentees, facilitators)
            groups, sessions = _demo_groups(session, rng, event_id, mentors, mentees, today)

        return DemoSummary(
            path=store.display_name,
            mentors=len(mentors),
            mentees=len(mentees),
            facilitators=len(facilitators),
            checked_in=checked_in,
            groups=groups,
            group_sessions=sessions,
        )


def _demo_checkins(session, rng: random.Random, mentors: list[Person], mentees: list[Person],  # type: ignore[no-untyped-def]
                   facilitators: list[Person]) -> int:
    """Most people have arrived in the last hour; one check-in was undone, one person left."""
    now = datetime.now().astimezone()
    arrivals = facilitators + mentors[:10] + rng.sample(mentees, 32)
    arrivals.sort(key=lambda _p: rng.random())
    minutes_ago = sorted((rng.uniform(2, 55) for _ in arrivals), reverse=True)
    results = []
    for person, ago in zip(arrivals, minutes_ago, strict=True):
        method = rng.choice([CheckinMethod.SCAN, CheckinMethod.SCAN, CheckinMethod.SCAN, CheckinMethod.NAME])
        results.append(
            checkin.check_in(session, person.id, station=DEMO_STATION, method=method, at=now - timedelta(minutes=ago))
        )
    # A mis-scan corrected at the desk, and a mentee who had to leave early.
    checkin.undo(session, results[5].entry_id, station=DEMO_STATION)
    leaver = next(p for p in arrivals if p.role is Role.MENTEE and p is not arrivals[5])
    checkin.check_out(session, leaver.id, station=DEMO_STATION)
    return len(arrivals) - 2


def _demo_groups(session, rng: random.Random, event_id: int, mentors: list[Person],  # type: ignore[no-untyped-def]
                 mentees: list[Person], today: date) -> tuple[int, int]:
    """Two groups meeting weekly: two sessions already held (with attendance), two to come."""
    # Named zone, wall-clock times: the weekly 16:00 stays at 16:00 across a daylight-saving change.
    zone_name = local_zone_name()
    specs = [
        ("Robotics Circle", GroupKind.GROUP, mentors[2], mentees[0:5], time(16, 0), "Lab 2.14"),
        ("Career Switchers", GroupKind.PEER_CIRCLE, mentors[9], mentees[5:10], time(18, 30), "Room Fjord"),
    ]
    session_count = 0
    for name, kind, mentor, members, at, location in specs:
        group = MentorGroup(event_id=event_id, name=name, kind=kind, location=location,
                            description=f"Weekly meetings with {mentor.full_name}.")
        session.add(group)
        session.flush()
        session.add(GroupMember(group_id=group.id, person_id=mentor.id, role=MemberRole.MENTOR,
                                joined_on=today - timedelta(days=21)))
        for member in members:
            session.add(GroupMember(group_id=group.id, person_id=member.id, role=MemberRole.MENTEE,
                                    joined_on=today - timedelta(days=21)))
        first_day = today - timedelta(days=14)
        series = SessionSeries(group_id=group.id, title=name, first_starts_at=local_instant(first_day, at, zone_name),
                               duration_minutes=60, rrule="FREQ=WEEKLY;COUNT=4", location=location,
                               frequency=Frequency.WEEKLY, repeat_count=4, local_start=at, timezone=zone_name)
        session.add(series)
        session.flush()
        for week in range(4):
            starts = local_instant(first_day + timedelta(weeks=week), at, zone_name)
            meeting = GroupSession(group_id=group.id, series_id=series.id, title=f"{name} — week {week + 1}",
                                   starts_at=starts, duration_minutes=60, location=location, timezone=zone_name,
                                   topic=_SESSION_TOPICS[week])
            session.add(meeting)
            session.flush()
            session_count += 1
            if starts.date() < today:
                for member in [mentor, *members]:
                    status = rng.choices(list(AttendanceStatus), weights=[8, 2, 1, 1])[0]
                    session.add(Attendance(session_id=meeting.id, person_id=member.id, status=status))
        for member in members[:3]:
            goal = Goal(person_id=member.id, group_id=group.id, title=rng.choice(_GOALS),
                        target_on=today + timedelta(days=60))
            session.add(goal)
            session.flush()
            for step, percent in enumerate((10, rng.choice((25, 35, 40)))):
                session.add(GoalProgress(goal_id=goal.id, recorded_on=today - timedelta(days=14 - 7 * step),
                                         percent=percent, note="Discussed in the group session."))
        session.add(Note(group_id=group.id, author=mentor.full_name,
                         body="Good energy in the first sessions; next time start with a round of updates."))
    return len(specs), session_count


_SESSION_TOPICS = ["Introductions and goals", "Show and tell", "Feedback on each other's work", "Next steps"]

_GOALS = [
    "Give a five-minute lightning talk",
    "Finish a portfolio project and publish it",
    "Prepare for technical interviews",
    "Contribute a first patch to an open-source project",
    "Draft a one-year learning plan",
]
