"""The import dialog's item models: the column mapping, the preview and the list of problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services.importing import Field, guess_mapping, import_table, preview, read_file
from mentordesk.ui.itemmodels.import_mapping_model import FIELD_ROLE, ColumnMappingModel, MappingColumn
from mentordesk.ui.itemmodels.import_preview_model import ImportPreviewModel, PreviewColumn
from mentordesk.ui.itemmodels.import_problems_model import ImportProblemsModel, ProblemColumn, ProblemKind, problems_of

DATA = Path(__file__).parents[1] / "data" / "imports"


@pytest.fixture
def mapping_model() -> ColumnMappingModel:
    table = read_file(DATA / "eventbrite_attendees.csv")
    model = ColumnMappingModel()
    model.set_table(table, guess_mapping(table.headers))
    return model


def test_mapping_model_passes_the_model_tester(qtmodeltester, mapping_model: ColumnMappingModel) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(mapping_model, force_py=True)


def test_mapping_model_shows_each_column_with_an_example_and_its_field(mapping_model: ColumnMappingModel) -> None:
    company = mapping_model.mapping.headers.index("Company")
    row = [mapping_model.index(company, column).data() for column in MappingColumn]
    assert row == ["Company", "Lagos Fintech Hub", "Organisation"]
    order = mapping_model.mapping.headers.index("Order #")
    assert mapping_model.index(order, MappingColumn.FIELD).data() == "Ignore"
    assert mapping_model.index(order, MappingColumn.FIELD).data(FIELD_ROLE) == ""
    assert mapping_model.flags(mapping_model.index(order, MappingColumn.FIELD)) & Qt.ItemFlag.ItemIsEditable


def test_choosing_a_field_takes_it_from_the_other_column(mapping_model: ColumnMappingModel, qtbot: QtBot) -> None:
    email = mapping_model.mapping.headers.index("Email")
    buyer_email = mapping_model.mapping.headers.index("Buyer Email")
    changed: list[int] = []
    mapping_model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    with qtbot.waitSignal(mapping_model.mapping_changed) as signal:
        assert mapping_model.setData(mapping_model.index(buyer_email, MappingColumn.FIELD), Field.EMAIL.value)
    assert signal.args[0].column_of(Field.EMAIL) == buyer_email
    assert mapping_model.index(email, MappingColumn.FIELD).data() == "Ignore"
    assert sorted(changed) == sorted([email, buyer_email])
    # The same choice again changes nothing and says nothing.
    with qtbot.assertNotEmitted(mapping_model.mapping_changed):
        mapping_model.setData(mapping_model.index(buyer_email, MappingColumn.FIELD), Field.EMAIL.value)
    assert not mapping_model.setData(mapping_model.index(email, MappingColumn.FIELD), "no-such-field")


def test_preview_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    table = read_file(DATA / "rows_with_problems.csv")
    model = ImportPreviewModel()
    model.set_rows(preview(table, guess_mapping(table.headers), limit=10))
    qtmodeltester.check(model, force_py=True)


def test_preview_model_shows_what_each_row_becomes() -> None:
    table = read_file(DATA / "eventbrite_attendees.csv")
    model = ImportPreviewModel()
    model.set_rows(preview(table, guess_mapping(table.headers), role=Role.FACILITATOR, limit=7))
    first = {column: model.index(0, column).data() for column in PreviewColumn}
    assert first[PreviewColumn.LINE] == "2"
    assert first[PreviewColumn.NAME] == "Amara Okafor"
    assert first[PreviewColumn.ROLE] == "Facilitator"
    assert first[PreviewColumn.STATUS] == "Ready"
    refunded = next(row for row in range(model.rowCount()) if model.index(row, PreviewColumn.LINE).data() == "6")
    assert model.index(refunded, PreviewColumn.NAME).data() == "François Dubois"
    assert model.index(refunded, PreviewColumn.STATUS).data().startswith("Skipped: not attending")
    assert model.index(refunded, PreviewColumn.NAME).data(Qt.ItemDataRole.ForegroundRole) is not None


def test_problems_model_lists_skips_warnings_and_duplicates_in_file_order(  # type: ignore[no-untyped-def]
    qtmodeltester, store: EventStore
) -> None:
    table = read_file(DATA / "rows_with_problems.csv")
    with store.session() as session:
        summary = import_table(session, store.event_id, table, guess_mapping(table.headers))
    problems = problems_of(summary)
    assert [p.lines[0] for p in problems] == sorted(p.lines[0] for p in problems)
    assert {p.kind for p in problems} >= {ProblemKind.SKIPPED}
    model = ImportProblemsModel()
    model.set_rows(problems)
    qtmodeltester.check(model, force_py=True)
    texts = [model.index(0, column).data() for column in ProblemColumn]
    assert texts == ["3", "Skipped", "Broken Mail", "invalid e-mail address “not-an-address”"]
