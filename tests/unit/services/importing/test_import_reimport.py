"""Re-importing updates people and never duplicates them; likely duplicates are reported; all or nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore
from mentordesk.services.importing import ImportSummary, guess_mapping, import_file, import_table, read_bytes

SAMPLES = Path(__file__).resolve().parents[3] / "data" / "imports"


def _import_path(store: EventStore, path: Path, role: Role | None = None) -> ImportSummary:
    with store.session() as session:
        return import_file(session, store.event_id, path, role=role)


def _import_text(store: EventStore, content: str, role: Role | None = None) -> ImportSummary:
    table = read_bytes(content.encode(), "attendees.csv")
    with store.session() as session:
        return import_table(session, store.event_id, table, guess_mapping(table.headers), role=role)


def _people(store: EventStore) -> list[Person]:
    with store.read_session() as session:
        return list(session.scalars(select(Person).where(Person.event_id == store.event_id).order_by(Person.id)))


def _by_email(store: EventStore) -> dict[str | None, Person]:
    return {person.email: person for person in _people(store)}


def test_same_file_twice_adds_nobody(store: EventStore) -> None:
    first = _import_path(store, SAMPLES / "eventbrite_attendees.csv")
    before = {(p.id, p.badge_code, p.email) for p in _people(store)}
    second = _import_path(store, SAMPLES / "eventbrite_attendees.csv")
    assert (first.added, second.added, second.updated, second.unchanged, len(second.skipped)) == (6, 0, 0, 6, 1)
    assert second.describe() == "Read 7 rows from eventbrite_attendees.csv: 0 added, 0 updated, 6 unchanged, 1 skipped"
    assert {(p.id, p.badge_code, p.email) for p in _people(store)} == before


@pytest.mark.parametrize("name", ["google_form_responses.csv", "semicolon_windows1252.csv", "attendees.xlsx",
                                  "unicode_text_utf16.txt", "names_many_scripts.csv"])
def test_every_sample_reimports_unchanged(store: EventStore, name: str) -> None:
    first = _import_path(store, SAMPLES / name)
    second = _import_path(store, SAMPLES / name)
    assert second.added == second.updated == 0
    assert second.unchanged == first.added
    assert len(_people(store)) == first.added


def test_updated_file_updates_and_leaves_absent_fields_alone(store: EventStore) -> None:
    _import_path(store, SAMPLES / "eventbrite_attendees.csv")
    with store.session() as session:  # an organiser's correction by hand, in a field the file lacks
        amara = session.scalars(select(Person).where(Person.email == "amara.okafor@lagosfintech.example")).one()
        amara.pronouns = "she/her"
    summary = _import_path(store, SAMPLES / "eventbrite_attendees_updated.csv")
    assert (summary.added, summary.updated, summary.unchanged, len(summary.skipped)) == (1, 1, 5, 1)
    people = _by_email(store)
    zoe = people["zoe.simunek@brnosoft.example"]
    assert zoe.organization == "BrnoSoft Cloud s.r.o."
    assert zoe.title == "Principal Engineer"  # the updated file has no Job Title column
    assert summary.updated_ids == (zoe.id,)
    assert people["amara.okafor@lagosfintech.example"].pronouns == "she/her"
    assert people["chiamaka.eze@example.org"].role is Role.MENTEE
    assert len(people) == 7


def test_blank_cells_do_not_erase(store: EventStore) -> None:
    _import_text(store, "Name,Email,Role,Company\nAna Lima,ana@example.org,Mentee,Acme\n")
    summary = _import_text(store, "Name,Email,Role,Company\nAna Lima,ana@example.org,Mentee,\n")
    assert summary.unchanged == 1
    assert _by_email(store)["ana@example.org"].organization == "Acme"


def test_email_matches_ignoring_case_and_the_name_follows_the_file(store: EventStore) -> None:
    _import_text(store, "Name,Email,Role\nAna Lima,ana@example.org,Mentee\n")
    summary = _import_text(store, "Name,Email,Role\nAna Lima-Souza,ANA@Example.org,Mentor\n")
    assert (summary.added, summary.updated) == (0, 1)
    [ana] = _people(store)
    assert (ana.last_name, ana.role, ana.email) == ("Lima-Souza", Role.MENTOR, "ana@example.org")


def test_attendee_number_matches_when_the_email_changed(store: EventStore) -> None:
    _import_text(store, "Name,Email,Role,Attendee #\nAna Lima,ana@old.example,Mentee,A-1\n")
    summary = _import_text(store, "Name,Email,Role,Attendee #\nAna Lima,ana@new.example,Mentee,A-1\n")
    assert (summary.added, summary.updated) == (0, 1)
    [ana] = _people(store)
    assert ana.email == "ana@new.example"


def test_shared_order_numbers_do_not_merge_people(store: EventStore) -> None:
    content = "Name,Role,Order #\nAna Lima,Mentee,O-7\nBo Chen,Mentee,O-7\n"
    first = _import_text(store, content)
    second = _import_text(store, content)
    assert (first.added, second.added, second.unchanged) == (2, 0, 2)
    assert [p.full_name for p in _people(store)] == ["Ana Lima", "Bo Chen"]


def test_exact_name_matches_someone_added_by_hand(store: EventStore) -> None:
    with store.session() as session:
        session.add(Person(event_id=store.event_id, first_name="Grace", last_name="O'Connor", role=Role.MENTEE,
                           badge_code="WALKIN01", is_walk_in=True))
    summary = _import_text(store, "First Name,Last Name,Email,Role\nGrace,O'Connor,grace@example.org,Mentee\n")
    assert (summary.added, summary.updated) == (0, 1)
    [grace] = _people(store)
    assert (grace.email, grace.badge_code) == ("grace@example.org", "WALKIN01")


def test_name_never_matches_someone_with_another_email(store: EventStore) -> None:
    _import_text(store, "Name,Email,Role\nJohn Smith,john@one.example,Mentee\n")
    summary = _import_text(store, "Name,Email,Role\nJohn Smith,john@two.example,Mentor\n")
    assert summary.added == 1
    assert [dup.reason for dup in summary.duplicates] == ["someone of the same name is already in the event"]
    assert len(_people(store)) == 2


def test_same_email_twice_in_a_file(store: EventStore) -> None:
    summary = _import_text(store, "Name,Email,Role,Company\nAna Lima,ana@example.org,Mentee,Acme\n"
                                  "Ana Lima,ANA@example.org,Mentee,Globex\n")
    assert (summary.added, summary.updated) == (1, 1)
    [dup] = summary.duplicates
    assert dup.lines == (2, 3) and "line 3 updated what line 2 wrote" in dup.reason
    [ana] = _people(store)
    assert ana.organization == "Globex"
    assert dup.person_ids == (ana.id,)


def test_same_name_different_or_no_email_imports_both_and_reports_them(store: EventStore) -> None:
    content = ("Name,Email,Role\nJane Doe,jane@one.example,Mentee\nJANE DOE,jane@two.example,Mentee\n"
               "Bo Chen,,Mentee\nbo chen,,Mentor\n")
    summary = _import_text(store, content)
    assert summary.added == 4
    reasons = {dup.lines: dup.reason for dup in summary.duplicates}
    assert reasons == {(2, 3): "same name, different e-mail addresses",
                       (4, 5): "same name; no e-mail address to tell them apart"}
    assert all(len(dup.person_ids) == 2 for dup in summary.duplicates)
    again = _import_text(store, content)
    assert (again.added, again.unchanged) == (0, 4)
    assert len(_people(store)) == 4


def test_describe_mentions_warnings_and_duplicates(store: EventStore) -> None:
    summary = _import_text(store, "Name,Role,Consent\nBo Chen,Mentee,perhaps\nBo Chen,Mentee,\n")
    assert summary.describe() == ("Read 2 rows from attendees.csv: 2 added, 0 updated, 0 unchanged, 0 skipped "
                                  "(1 warning, 1 likely duplicate)")
    assert summary.problem_lines() == [
        "warning line 2 (Bo Chen): consent answer “perhaps” not understood; consent left as it was",
        "likely duplicate lines 2 and 3 (Bo Chen): same name; no e-mail address to tell them apart",
    ]


def _big_file(path: Path, rows: int, *, company: str = "Acme") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["First Name", "Last Name", "Email", "Ticket Type", "Company"])
        for index in range(rows):
            writer.writerow([f"Person{index}", "Test", f"p{index}@example.org", "Mentee - Student", company])
    return path


def test_progress_is_reported_every_200_rows(store: EventStore, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    with store.session() as session:
        import_file(session, store.event_id, _big_file(tmp_path / "big.csv", 450), progress=lambda *a: calls.append(a))
    assert calls == [(0, 450), (200, 450), (400, 450), (450, 450)]


class Cancelled(Exception):
    pass


def test_a_failure_part_way_leaves_the_event_untouched_even_in_the_same_session(
    store: EventStore, tmp_path: Path
) -> None:
    _import_path(store, _big_file(tmp_path / "first.csv", 10))
    before = [(p.id, p.organization, p.updated_at) for p in _people(store)]
    changed = _big_file(tmp_path / "changed.csv", 450, company="Globex")  # updates 10, adds 440

    def cancel_after_first_chunk(done: int, _total: int) -> None:
        if done >= 200:
            raise Cancelled

    with store.session() as session:
        with pytest.raises(Cancelled):
            import_file(session, store.event_id, changed, progress=cancel_after_first_chunk)
        # The caller goes on and commits its transaction: the import's savepoint was rolled back.
        assert session.scalar(select(func.count()).select_from(Person)) == 10
    assert [(p.id, p.organization, p.updated_at) for p in _people(store)] == before


def test_a_database_failure_rolls_back_updates_already_made(store: EventStore, tmp_path: Path) -> None:
    _import_path(store, _big_file(tmp_path / "first.csv", 10))
    # A rule the importer cannot know about, enforced by the database itself.
    with store.engine.begin() as connection:
        connection.execute(text(
            "CREATE TRIGGER refuse_person_400 BEFORE INSERT ON person WHEN NEW.first_name = 'Person400' "
            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
        ))
    with pytest.raises(IntegrityError, match="refused by test"), store.session() as session:
        import_file(session, store.event_id, _big_file(tmp_path / "changed.csv", 450, company="Globex"))
    people = _people(store)
    assert len(people) == 10
    assert {p.organization for p in people} == {"Acme"}
