"""Importing 10,000 attendees: a realistic ticketing export into a new event, then again.

The file is generated afresh (fixed seed) in a temporary folder: an Eventbrite-style export with
order and attendee numbers, ticket types that name the role, a few refunded tickets, topics,
requested mentors, and names in many writing systems. The first import adds everyone; the
second, of the same file, finds everyone already there (all unchanged), which is the path a
re-import after a late registration takes. Each figure is the whole job as the user waits for it:
reading the file, guessing the mapping, importing and committing.
"""

from __future__ import annotations

import csv
import random
import tempfile
import time
from pathlib import Path

from bench.common import Result
from mentordesk.models.store import EventStore
from mentordesk.services.importing import ImportSummary, import_file

ROWS = 10_000
TARGET_SECONDS = 3.0

_FIRST = [
    "Amara", "Zoë", "博", "Αλέξανδρος", "Дмитрий", "Priya", "محمد", "Siobhán", "Nguyễn Thị", "María José",
    "서연", "Lars-Erik", "נועה", "芳", "Łukasz", "Ayşe", "François", "Bjørn", "Chiamaka", "Mateus", "Ольга",
    "Sofía", "Tomás", "Fatima Zahra", "Jonas", "Émilie", "Kwame", "Anaïs", "Dương Minh", "Sveinn", "Ελένη",
    "愛子", "지호", "Νίκος", "Ірина", "Grace", "Thandiwe", "Mohammed", "Ingrid", "Pedro",
]
_LAST = [
    "Okafor", "Šimůnek", "田中", "Παπαδόπουλος", "Соколов", "Raghunathan", "الحسيني", "Ní Bhriain", "Lan",
    "García-Olmedo", "김", "Håkansson", "כהן", "王", "Wiśniewski", "Yılmaz", "Dubois", "Ødegård", "Eze",
    "Conceição", "Коваленко", "Ramírez", "Ó Súilleabháin", "El Amrani", "Müller", "Tremblay", "van der Berg",
    "de la Cruz", "Þórsson", "Araújo", "Dvořák", "山本", "박", "Schröder", "O'Connor", "Al-Farsi", "Bergström",
]
_COMPANIES = ["Lagos Fintech Hub", "BrnoSoft", "Kaizen Robotics", "Aegean Data", "Northwind Security",
              "Lumen Health", "Café Crème SàRL", "Müller & Söhne GmbH", "Universidad de São Paulo", "株式会社テスト"]
_TITLES = ["Engineer", "Student", "Product Manager", "Designer", "Researcher", "CTO", "Analyst"]
_TOPICS = ["Leadership", "Career change", "Machine learning", "Public speaking", "Fundraising", "UX research",
           "Security", "Negotiation", "Open source", "Work–life balance"]
HEADER = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type", "Attendee #",
          "Attendee Status", "Company", "Job Title", "Interests", "Preferred mentors"]


def write_export(path: Path, rows: int = ROWS, seed: int = 2026) -> None:
    rng = random.Random(seed)
    mentors: list[str] = []
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        order = 100_000
        for index in range(rows):
            if index == 0 or rng.random() < 0.6:
                order += 1
            # Second given names and double family names make the small pools give mostly distinct
            # names, as a real attendee list has; the few repeats exercise the duplicate report.
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            if rng.random() < 0.8:
                first = f"{first} {rng.choice(_FIRST)}"
            if rng.random() < 0.5:
                last = f"{last}-{rng.choice(_LAST)}"
            email = f"attendee{index}@example.org"
            draw = rng.random()
            ticket = "Mentor (Volunteer)" if draw < 0.15 else "Facilitator" if draw < 0.17 else "Mentee - Student"
            if ticket.startswith("Mentor"):
                # Forms ask for a mentor's name; some people paste the address from the programme.
                mentors.append(email if rng.random() < 0.5 else f"{first} {last}")
            requested = ""
            if ticket.startswith("Mentee") and mentors and rng.random() < 0.4:
                recent = mentors[-50:]
                requested = "; ".join(rng.sample(recent, min(len(recent), rng.randint(1, 3))))
            writer.writerow([
                order, "2026-03-01 10:00", first, last, email, 1, ticket,
                f"{order}{index:05d}", "Refunded" if rng.random() < 0.01 else "Attending",
                rng.choice(_COMPANIES), rng.choice(_TITLES), ", ".join(rng.sample(_TOPICS, rng.randint(0, 3))),
                requested,
            ])


def _timed_import(store: EventStore, path: Path) -> tuple[float, ImportSummary]:
    started = time.perf_counter()
    with store.session() as session:
        summary = import_file(session, store.event_id, path)
    return time.perf_counter() - started, summary


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "attendees.csv"
        write_export(export)
        with EventStore.create(Path(folder) / "bench.mentordesk", name="Import benchmark") as store:
            first, added = _timed_import(store, export)
            second, again = _timed_import(store, export)
    return [
        Result(
            what=f"import {ROWS:,} rows into a new event",
            target=f"< {TARGET_SECONDS:g} s",
            measured=(f"{first:.2f} s ({added.added} added, {len(added.skipped)} skipped, "
                      f"{len(added.warnings)} warnings, {len(added.duplicates)} likely duplicates)"),
            met=first < TARGET_SECONDS,
        ),
        Result(
            what=f"re-import the same {ROWS:,} rows",
            target=f"< {TARGET_SECONDS:g} s",
            measured=f"{second:.2f} s ({again.unchanged} unchanged, {again.updated} updated, {again.added} added)",
            met=second < TARGET_SECONDS,
        ),
    ]


if __name__ == "__main__":
    for result in run():
        print(" | ".join(result.row()))
