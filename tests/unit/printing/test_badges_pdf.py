"""Badge PDFs read as their readers would: names extracted as text, every QR code decoded from a
rendering and used to check the right person in, codes inside their labels, no glyph missing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from badge_fixtures import (
    PEOPLE,
    Added,
    add_people,
    decode_qr_codes,
    glyph_problems,
    page_texts,
    save_rotation,
    text_found,
)
from pypdf import PdfReader

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.printing import catalog, fonts, labels
from mentordesk.printing.catalog import Cancelled
from mentordesk.services.desk import Outcome, check_in_input


def _build(store: EventStore, **options: object) -> bytes:
    with store.read_session() as session:
        return catalog.build(session, "badges", options)


def _check_codes_check_in(store: EventStore, added: list[Added], codes: list[str]) -> None:
    by_code = {a.code: a for a in added}
    with store.session() as session:
        for code in codes:
            result = check_in_input(session, store.event_id, code, station="test", allow_names=False)
            assert result.outcome in (Outcome.CHECKED_IN, Outcome.ALREADY)
            assert result.person is not None and result.person.id == by_code[code].id


@pytest.mark.parametrize("key", [stock.key for stock in labels.STOCKS])
def test_each_layout_prints_every_name_and_a_decodable_code_inside_each_label(store: EventStore, key: str) -> None:
    added = add_people(store, check_in=False)
    pdf = _build(store, layout=key)
    stock = labels.stock(key)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == -(-len(added) // stock.per_page)
    assert all(float(p.mediabox.width) == pytest.approx(stock.page_width) for p in reader.pages)

    texts = page_texts(pdf)
    decoded = decode_qr_codes(pdf)
    assert sorted(d.text for d in decoded) == sorted(a.code for a in added)
    with store.read_session() as session:
        from mentordesk.printing.badge_data import build_badges

        order = [b.person_id for b in build_badges(session).badges]
    by_id = {a.id: a for a in added}
    for position, person_id in enumerate(order):
        person = by_id[person_id]
        page, index = divmod(position, stock.per_page)
        # The name, organisation and role word are on the person's page.
        for part in (person.first, person.last):
            assert text_found(part, texts[page]), (key, part)
        assert person.role.value.upper() in texts[page]
        # The person's code is decoded inside the person's label.
        cell = stock.cell(index)
        found = [d for d in decoded if d.text == person.code]
        assert len(found) == 1 and found[0].page == page
        assert cell.x < found[0].x < cell.x + cell.width and cell.y < found[0].y < cell.y + cell.height, (key, person)
    _check_codes_check_in(store, added, [d.text for d in decoded])


def test_no_character_is_drawn_without_its_glyph(store: EventStore) -> None:
    add_people(store)
    save_rotation(store)
    pdf = _build(store, layout="avery-5395", back=True)
    assert glyph_problems(pdf) == []
    for first, last, org, _role in PEOPLE:
        assert fonts.missing_glyphs(first + last + org) == set()


def test_long_organisation_and_names_fit_their_label(store: EventStore) -> None:
    long = [("Maximilian Alexander Friedrich Wilhelm Karl-Theodor", "von und zu Hohenberg-Schwarzenfeld-Lichtenstein",
             "Internationale Gesellschaft für Nachhaltige Entwicklung und Zusammenarbeit mbH, Bonn", Role.MENTEE),
            ("王小明王小明王小明王小明王小明王小明", "欧阳", "", Role.MENTOR),
            ("عبد الرحمن بن محمد بن عبد الله", "آل سعود الحسيني القرشي", "", Role.MENTOR)]
    added = add_people(store, long)
    for key in ("avery-5395", "durable-1445-02"):
        pdf = _build(store, layout=key)
        text = page_texts(pdf)[0]
        # Long names shrink and wrap; they are never cut.
        for person in added:
            assert text_found(person.first, text) and text_found(person.last, text), (key, person.first)
        assert "…" not in text
        assert sorted(d.text for d in decode_qr_codes(pdf)) == sorted(a.code for a in added)


def test_back_side_follows_each_sheet_with_itineraries_behind_their_fronts(store: EventStore) -> None:
    added = add_people(store)
    save_rotation(store, rounds=3)
    stock = labels.stock("avery-5392")
    pdf = _build(store, layout=stock.key, back=True)
    reader = PdfReader(io.BytesIO(pdf))
    sheets = -(-len(added) // stock.per_page)
    assert len(reader.pages) == 2 * sheets
    texts = page_texts(pdf)
    with store.read_session() as session:
        from mentordesk.printing.badge_data import build_badges

        data = build_badges(session, with_itinerary=True)
    for position, badge in enumerate(data.badges):
        sheet, _index = divmod(position, stock.per_page)
        back = texts[2 * sheet + 1]
        assert text_found(badge.first_name, back)
        for line in badge.itinerary:
            if line.table is not None and line.with_whom and badge.role is Role.MENTEE:
                assert text_found(line.with_whom, back)
    # Fronts carry QR codes, backs none.
    pages_with_codes = {d.page for d in decode_qr_codes(pdf)}
    assert pages_with_codes == {2 * s for s in range(sheets)}


def test_checked_in_and_role_filters(store: EventStore) -> None:
    added = add_people(store, check_in=False)
    with store.session() as session:
        check_in_input(session, store.event_id, added[1].code, station="t")
    pdf = _build(store, layout="label-printer", checked_in=True)
    assert [d.text for d in decode_qr_codes(pdf)] == [added[1].code]
    mentors = [a for a in added if a.role is Role.MENTOR]
    pdf = _build(store, layout="label-printer", role="mentor")
    assert sorted(d.text for d in decode_qr_codes(pdf)) == sorted(a.code for a in mentors)
    pdf = _build(store, layout="label-printer", person_ids=f"{added[3].id}")
    assert [d.text for d in decode_qr_codes(pdf)] == [added[3].code]


def test_nobody_to_print_is_one_clear_error(store: EventStore) -> None:
    add_people(store, check_in=False)
    with pytest.raises(catalog.DocumentError, match="nobody"):
        _build(store, checked_in=True)


def test_four_hundred_people_and_cancel(store: EventStore) -> None:
    added = add_people(store, count=400, check_in=False)
    calls: list[tuple[int, int]] = []
    with store.read_session() as session:
        pdf = catalog.build(session, "badges", {"layout": "avery-l4785"}, lambda d, t: calls.append((d, t)))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 40
    assert calls[-1] == (400, 400) and len(calls) >= 40
    # Every name is on its page; the codes of the first and last sheets decode (all codes of every
    # layout are decoded above, this is about 400 not breaking anything).
    texts = page_texts(pdf)
    with store.read_session() as session:
        from mentordesk.printing.badge_data import build_badges

        order = build_badges(session).badges
    for position, badge in enumerate(order):
        assert text_found(badge.first_name, texts[position // 10])
    first_and_last = [d for d in decode_qr_codes(pdf, pages=(1, 1)) + decode_qr_codes(pdf, pages=(40, 40))]
    assert sorted(d.text for d in first_and_last) == sorted(b.badge_code for b in order[:10] + order[-10:])
    assert {d.page for d in first_and_last} == {0, 39}
    assert len(added) == 400

    def cancel(done: int, _total: int) -> None:
        if done >= 50:
            raise Cancelled

    with store.read_session() as session, pytest.raises(Cancelled):
        catalog.build(session, "badges", {"layout": "avery-l4785"}, cancel)


def test_printer_offset_moves_everything(store: EventStore, monkeypatch: pytest.MonkeyPatch) -> None:
    added = add_people(store, [("Ana", "Lima", "", Role.MENTEE)])
    plain = decode_qr_codes(_build(store, layout="avery-5395"))[0]
    monkeypatch.setenv("MENTORDESK_PRINT_OFFSETS", '{"Desk printer": [5, -3]}')
    shifted = decode_qr_codes(_build(store, layout="avery-5395", printer="Desk printer"))[0]
    assert shifted.text == added[0].code
    assert shifted.x - plain.x == pytest.approx(5 * 72 / 25.4, abs=1.5)
    assert shifted.y - plain.y == pytest.approx(-3 * 72 / 25.4, abs=1.5)


@pytest.mark.parametrize("key", [stock.key for stock in labels.STOCKS])
def test_calibration_page_names_its_stock(store: EventStore, key: str, tmp_path: Path) -> None:
    with store.read_session() as session:
        pdf = catalog.build(session, "calibration", {"layout": key})
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert labels.stock(key).title.split(" — ")[0] in text
    assert "mm" in text and "in" in text
    assert glyph_problems(pdf) == []
