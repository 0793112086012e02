"""A realistic large event for benchmarks: N people with names from many writing systems."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import insert

from mentordesk.models import Person, Role
from mentordesk.models.normalize import email_key, fold
from mentordesk.models.store import EventStore
from mentordesk.services.people import BADGE_ALPHABET, BADGE_CODE_LENGTH

FIRST = ["Zoë", "Amara", "Łukasz", "Ayşe", "François", "Bjørn", "Chiamaka", "Mateus", "Ольга", "Sofía",
         "Tomás", "Jonas", "Émilie", "Kwame", "Anaïs", "Sveinn", "Isabela", "Jakub", "Mei Lin", "रवि",
         "Hannah", "Diego", "愛子", "Yusuf", "Leilani", "Chloé", "Николай", "Grace", "Ingrid", "Pedro",
         "Αλέξανδρος", "نورا", "נועה", "서연", "芳", "Nguyễn Thị", "Priya", "Siobhán", "Lars-Erik", "María José"]
LAST = ["Okafor", "Šimůnek", "Wiśniewski", "Yılmaz", "Dubois", "Ødegård", "Eze", "Conceição", "Коваленко",
        "Ramírez", "Ó Súilleabháin", "Müller", "Tremblay", "Mensah", "Lefèvre", "Þórsson", "Araújo", "Dvořák",
        "Chen", "அய்யர்", "Schröder", "Fernández", "山本", "Demir", "Kahale", "Martin", "Петров", "O'Connor",
        "Bergström", "Gonçalves", "Παπαδόπουλος", "الحسيني", "כהן", "김", "王", "Lan", "Raghunathan",
        "Ní Bhriain", "Håkansson", "García-Olmedo"]


def make_event(directory: Path, people: int, seed: int = 7) -> tuple[Path, list[tuple[int, str, str]]]:
    """Create an event file with ``people`` people; return its path and (id, code, name) rows."""
    rng = random.Random(seed)
    path = directory / f"bench-{people}.mentordesk"
    codes: set[str] = set()
    rows = []
    with EventStore.create(path, name=f"Benchmark event, {people} people") as store:
        for i in range(people):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            code = ""
            while not code or code in codes:
                code = "".join(rng.choice(BADGE_ALPHABET) for _ in range(BADGE_CODE_LENGTH))
            codes.add(code)
            email = f"person{i}@example.org"
            rows.append({
                "event_id": store.event_id, "first_name": first, "last_name": last, "email": email,
                "email_key": email_key(email), "role": Role.MENTOR if i % 8 == 0 else Role.MENTEE,
                "badge_code": code, "search_key": fold(f"{first} {last}"), "topics": [],
            })
        with store.session() as session:
            session.execute(insert(Person), rows)
        with store.read_session() as session:
            listed = session.execute(
                Person.__table__.select().with_only_columns(Person.id, Person.badge_code, Person.first_name,
                                                            Person.last_name)
            ).all()
    return path, [(r.id, r.badge_code, f"{r.first_name} {r.last_name}") for r in listed]
