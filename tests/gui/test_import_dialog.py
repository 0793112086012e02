"""The import dialog: read a file in the background, check and correct the mapping, import, read the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from focus_helpers import activate, wait_focus
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.services.importing import Field
from mentordesk.services.people import PersonRow, list_people
from mentordesk.ui.itemmodels.import_preview_model import PreviewColumn
from mentordesk.ui.itemmodels.import_problems_model import ProblemKind
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.operations import Operations
from mentordesk.ui.people.importing.import_dialog import ImportDialog
from mentordesk.ui.people.importing.review_panel import NO_EMAIL_TEXT, NO_NAME_TEXT, NO_ROLE_TEXT
from mentordesk.ui.people.page import PeoplePage
from mentordesk.ui.tasks import InlineRunner, TaskManager

DATA = Path(__file__).parents[1] / "data" / "imports"


def _rows(store: EventStore) -> list[PersonRow]:
    with store.read_session() as session:
        return list_people(session, store.event_id)


@pytest.fixture
def people_page(window: MainWindow, store: EventStore, qtbot: QtBot) -> PeoplePage:
    """The People page of an empty event, in a window whose background work runs on threads."""
    window.open_event(store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    qtbot.waitUntil(lambda: page.count_label.text() != "", timeout=20_000)
    return page


def _open(page: PeoplePage, qtbot: QtBot, file_name: str | Path) -> ImportDialog:
    dialog = page.import_people(choose_file=False)
    assert dialog is not None and dialog.isVisible()
    dialog.load_file(file_name if isinstance(file_name, Path) else DATA / file_name)
    qtbot.waitUntil(lambda: not dialog.is_busy, timeout=20_000)
    return dialog


def _preview_column(dialog: ImportDialog, column: PreviewColumn) -> list[str]:
    model = dialog.review.preview_model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_file_is_read_in_the_background_and_its_mapping_shown(people_page: PeoplePage, qtbot: QtBot) -> None:
    dialog = _open(people_page, qtbot, "eventbrite_attendees.csv")
    review = dialog.review
    assert dialog.stack.currentWidget() is review
    assert review.file_label.text() == "eventbrite_attendees.csv"
    assert review.format_label.text().startswith("CSV, UTF-8 with BOM, comma-delimited · 7 rows")
    headers = review.mapping.headers
    # Every column of the file has its own drop-down, showing the guessed field.
    assert review.field_combo(headers.index("Company")).currentText() == "Organisation"
    assert review.field_combo(headers.index("Ticket Type")).currentText() == "Ticket type"
    assert review.field_combo(headers.index("Order #")).currentText() == "Ignore"
    assert _preview_column(dialog, PreviewColumn.NAME)[:2] == ["Amara Okafor", "Zoë Šimůnek"]
    assert _preview_column(dialog, PreviewColumn.ROLE)[:2] == ["Mentor", "Mentor"]
    assert _preview_column(dialog, PreviewColumn.ORGANISATION)[0] == "Lagos Fintech Hub"
    assert not review.problem_label.isVisibleTo(dialog) and not review.note_label.isVisibleTo(dialog)
    assert dialog.import_button.isEnabled()


def test_changing_a_column_changes_the_preview(people_page: PeoplePage, qtbot: QtBot) -> None:
    dialog = _open(people_page, qtbot, "eventbrite_attendees.csv")
    review = dialog.review
    company = review.field_combo(review.mapping.headers.index("Company"))
    company.setCurrentIndex(company.findData(Field.DEPARTMENT.value))
    assert review.mapping.column_of(Field.DEPARTMENT) == review.mapping.headers.index("Company")
    assert _preview_column(dialog, PreviewColumn.DEPARTMENT)[0] == "Lagos Fintech Hub"
    assert review.preview_view.isColumnHidden(PreviewColumn.ORGANISATION)
    assert not review.preview_view.isColumnHidden(PreviewColumn.DEPARTMENT)

    # Choosing E-mail for the buyer's address takes it from the attendee's column, in its drop-down too.
    email = review.field_combo(review.mapping.headers.index("Email"))
    buyer = review.field_combo(review.mapping.headers.index("Buyer Email"))
    buyer.setCurrentIndex(buyer.findData(Field.EMAIL.value))
    assert email.currentText() == "Ignore"
    assert _preview_column(dialog, PreviewColumn.EMAIL)[2] == "grace.oconnor@example.org"  # line 4 was bought by Grace


def test_without_a_role_column_the_role_must_be_chosen(people_page: PeoplePage, qtbot: QtBot) -> None:
    dialog = _open(people_page, qtbot, "eventbrite_attendees.csv")
    review = dialog.review
    dialog.set_field(review.mapping.headers.index("Ticket Type"), None)
    assert review.problem_label.isVisibleTo(dialog) and review.problem_label.text() == NO_ROLE_TEXT
    assert not dialog.import_button.isEnabled()
    assert all(status.startswith("Skipped") for status in _preview_column(dialog, PreviewColumn.STATUS))

    review.role_combo.setCurrentIndex(review.role_combo.findText("Everyone is a mentee"))
    assert review.role is Role.MENTEE
    assert not review.problem_label.isVisibleTo(dialog)
    assert dialog.import_button.isEnabled()
    assert _preview_column(dialog, PreviewColumn.ROLE)[:4] == ["Mentee"] * 4
    assert _preview_column(dialog, PreviewColumn.STATUS)[:4] == ["Ready"] * 4


def test_role_for_the_whole_file_overrides_the_ticket_type(
    people_page: PeoplePage, store: EventStore, qtbot: QtBot
) -> None:
    dialog = _open(people_page, qtbot, "eventbrite_attendees.csv")
    dialog.set_role(Role.FACILITATOR)
    assert _preview_column(dialog, PreviewColumn.ROLE)[:2] == ["Facilitator", "Facilitator"]
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)
    assert {row.role for row in _rows(store)} == {Role.FACILITATOR}


def test_import_runs_in_the_background_and_ends_with_a_summary(
    people_page: PeoplePage, store: EventStore, qtbot: QtBot
) -> None:
    dialog = _open(people_page, qtbot, "eventbrite_attendees.csv")
    task = dialog.start_import()
    assert task is not None
    assert dialog.stack.currentWidget() is dialog.progress_page
    assert not dialog.cancel_button.isEnabled()
    dialog.reject()  # the import is one transaction: the dialog stays until it is done
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        pass
    summary = imported.args[0]
    assert summary.added > 0 and summary.added + len(summary.skipped) + summary.updated + summary.unchanged == 7

    panel = dialog.summary_panel
    assert dialog.stack.currentWidget() is panel
    assert panel.describe_label.text() == summary.describe() + "."
    assert panel.added.value_label.text() == str(summary.added)
    assert panel.skipped.value_label.text() == str(len(summary.skipped))
    problems = panel.problems_model.rows
    assert any(p.kind is ProblemKind.SKIPPED and p.lines == (6,) and "Refunded" in p.details for p in problems)
    assert dialog.close_button.isVisible() and not dialog.import_button.isVisible()

    # The People page shows the new people, and says what the import did.
    qtbot.waitUntil(lambda: people_page.model.rowCount() == summary.added, timeout=20_000)
    assert "Grace O'Connor" in [row.full_name for row in people_page.model.rows]
    assert people_page.notice_label.text() == summary.describe() + "."
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_progress_reaches_the_dialog(
    people_page: PeoplePage, store: EventStore, big_attendee_file: Path, qtbot: QtBot
) -> None:
    dialog = _open(people_page, qtbot, big_attendee_file)
    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
    task = dialog.start_import()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    # import_table reports every 200 rows and at the end: 0, 200, 400 and 450 of 450.
    assert values[-1] == dialog.progress_bar.maximum()
    assert len(set(values)) >= 3
    assert dialog.progress_label.text() == "450 of 450 rows"
    assert len(_rows(store)) == 450


@pytest.mark.parametrize(
    ("file_name", "message"),
    [
        ("logo_renamed.csv", "logo_renamed.csv is a PNG image, not an attendee list; choose a CSV or .xlsx file."),
        ("empty.csv", "empty.csv is empty."),
        ("old_excel.xls", "old_excel.xls is an old-style Excel .xls workbook"),
    ],
)
def test_a_file_that_cannot_be_read_says_why_and_changes_nothing(
    window: MainWindow, demo_store: EventStore, qtbot: QtBot, file_name: str, message: str
) -> None:
    window.open_event(demo_store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    before = _rows(demo_store)
    dialog = _open(page, qtbot, file_name)
    assert dialog.stack.currentWidget() is dialog.choose_page
    assert dialog.error_label.isVisibleTo(dialog) and dialog.error_label.text().startswith(message)
    assert dialog.error_text == dialog.error_label.text()
    assert dialog.start_import() is None
    assert not dialog.import_button.isVisible()
    assert _rows(demo_store) == before

    # Another, good file replaces the message.
    dialog.load_file(DATA / "eventbrite_attendees.csv")
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review, timeout=20_000)
    assert not dialog.error_label.isVisibleTo(dialog)


def test_a_file_without_a_name_column_cannot_be_imported(people_page: PeoplePage, qtbot: QtBot) -> None:
    dialog = _open(people_page, qtbot, "no_name_column.csv")
    review = dialog.review
    assert review.problem_label.text() == NO_NAME_TEXT
    assert not dialog.import_button.isEnabled() and dialog.start_import() is None
    assert review.preview_model.rowCount() == 0
    # Telling the dialog which column holds the names is enough.
    dialog.set_field(review.mapping.headers.index("Company"), Field.FULL_NAME)
    assert dialog.import_button.isEnabled()
    assert _preview_column(dialog, PreviewColumn.NAME) == ["Acme"]


def test_a_file_without_email_gets_a_gentle_note(people_page: PeoplePage, qtbot: QtBot) -> None:
    dialog = _open(people_page, qtbot, "eventbrite_attendees.csv")
    dialog.set_field(dialog.review.mapping.headers.index("Email"), None)
    assert dialog.review.note_label.text() == NO_EMAIL_TEXT
    assert dialog.import_button.isEnabled()


def test_inline_runner_drives_the_whole_dialog(qtbot: QtBot, store: EventStore) -> None:
    dialog = ImportDialog(Operations(store, TaskManager(InlineRunner())))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.load_file(DATA / "google_form_responses.csv")
    assert dialog.stack.currentWidget() is dialog.review
    dialog.start_import()
    assert dialog.summary is not None and dialog.summary.added == len(_rows(store))


def test_file_menu_import_opens_the_dialog_on_the_people_page(
    window: MainWindow, store: EventStore, qtbot: QtBot
) -> None:
    assert not window.import_action.isEnabled()
    window.open_event(store.path)  # type: ignore[arg-type]
    assert window.import_action.isEnabled()
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    window.import_action.trigger()
    page = window.workspace.people
    assert window.workspace.current_page is page
    dialog = window.dialog
    assert isinstance(dialog, ImportDialog) and dialog is page.dialog and dialog.isVisible()
    chooser = dialog.file_chooser
    assert isinstance(chooser, QFileDialog) and chooser.isVisible()
    assert chooser.fileMode() == QFileDialog.FileMode.ExistingFile
    chooser.reject()
    dialog.reject()
    assert not dialog.isVisible()


def test_empty_event_calls_to_action(people_page: PeoplePage, qtbot: QtBot) -> None:
    assert people_page.stack.currentWidget() is people_page.empty_state
    qtbot.mouseClick(people_page.empty_state.add_button, Qt.MouseButton.LeftButton)
    assert people_page.dialog is not None and people_page.dialog.windowTitle() == "Add a person"
    people_page.dialog.reject()
    qtbot.mouseClick(people_page.empty_state.import_button, Qt.MouseButton.LeftButton)
    dialog = people_page.dialog
    assert isinstance(dialog, ImportDialog)
    assert dialog.file_chooser is not None
    dialog.file_chooser.reject()
    dialog.reject()


def test_tab_walks_the_drop_downs_and_the_wheel_scrolls_past_them(
    people_page: PeoplePage, qtbot: QtBot
) -> None:
    dialog = _open(people_page, qtbot, "eventbrite_attendees.csv")
    review = dialog.review
    activate(qtbot, dialog)
    first = review.field_combo(0)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    wait_focus(qtbot, review.field_combo(1))

    unfocused = review.field_combo(5)
    before = unfocused.currentText()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(unfocused.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(unfocused, wheel)
    assert unfocused.currentText() == before
    assert review.mapping_view.verticalScrollBar().value() > 0
