"""The import dialog says, before Import is pressed, what the import will add, update and skip, and
why (issue 14, item 10); the figures are the importer's own dry run and agree with what Import does."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mentordesk.models import Role
from mentordesk.models.store import EventStore
from mentordesk.ui.itemmodels.import_problems_model import ProblemColumn, problems_of
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.people.importing.import_dialog import ImportDialog
from mentordesk.ui.people.importing.plan_panel import plan_text
from mentordesk.ui.people.page import PeoplePage

DATA = Path(__file__).parents[1] / "data" / "imports"


@pytest.fixture
def people_page(window: MainWindow, store: EventStore, qtbot: QtBot) -> PeoplePage:
    """The People page of an empty event, in a window whose background work runs on threads."""
    window.open_event(store.path)  # type: ignore[arg-type]
    window.workspace.show_page(1)
    page = window.workspace.people
    qtbot.waitUntil(lambda: page.count_label.text() != "", timeout=20_000)
    return page


def _open(page: PeoplePage, qtbot: QtBot, path: Path) -> ImportDialog:
    dialog = page.import_people(choose_file=False)
    assert dialog is not None
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.plan_panel.plan is not None, timeout=20_000)
    return dialog


def test_the_plan_is_shown_before_import_and_is_what_import_does(people_page: PeoplePage, qtbot: QtBot) -> None:
    dialog = _open(people_page, qtbot, DATA / "rows_with_problems.csv")
    plan = dialog.plan_panel.plan
    assert plan is not None and plan.skipped  # the sample has rows that cannot be imported
    panel = dialog.plan_panel
    assert panel.plan_label.text().startswith(plan_text(plan))
    assert f"skip {len(plan.skipped)} " in panel.plan_label.text()
    # Every reason is listed, in full, in a table that scrolls.
    model = panel.problems_model
    assert model.rowCount() == len(problems_of(plan)) > 0
    details = [model.index(row, ProblemColumn.DETAILS).data() for row in range(model.rowCount())]
    for issue in plan.skipped:
        assert any(issue.message in text for text in details)
    assert panel.problems_view.isVisibleTo(dialog)
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        dialog.import_button.click()
    done = imported.args[0]
    assert (done.added, done.updated, done.unchanged, done.problem_lines()) == \
           (plan.added, plan.updated, plan.unchanged, plan.problem_lines())


def test_changing_the_role_checks_again(people_page: PeoplePage, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "no_roles.csv"
    path.write_text("Name,Email\nAda Lovelace,ada@example.org\nBo Berg,bo@example.org\n", encoding="utf-8")
    dialog = people_page.import_people(choose_file=False)
    assert dialog is not None
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review, timeout=20_000)
    # No role column: the plan waits for one.
    qtbot.waitUntil(lambda: "Choose the columns and the role" in dialog.plan_panel.plan_label.text(), timeout=20_000)
    dialog.set_role(Role.MENTEE)
    qtbot.waitUntil(lambda: dialog.plan_panel.plan is not None, timeout=20_000)
    assert dialog.plan_panel.plan is not None and dialog.plan_panel.plan.added == 2
    assert dialog.plan_panel.plan_label.text().startswith("Import will add 2 people, update 0 and skip 0 rows.")
    assert not dialog.plan_panel.problems_view.isVisibleTo(dialog)


def test_ten_thousand_rows_are_checked_in_the_background(people_page: PeoplePage, qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Email", "Role"])
        for number in range(10_000):
            writer.writerow([f"Person {number}", f"p{number}@example.org" if number % 97 else "not-an-address",
                             "Mentee" if number % 500 else ""])
    dialog = _open(people_page, qtbot, path)
    plan = dialog.plan_panel.plan
    assert plan is not None and plan.rows_read == 10_000
    assert plan.added + len(plan.skipped) == 10_000
    assert dialog.plan_panel.problems_model.rowCount() == len(problems_of(plan))
    # The list scrolls to its last reason.
    view = dialog.plan_panel.problems_view
    view.scrollToBottom()
    assert view.verticalScrollBar().value() == view.verticalScrollBar().maximum() > 0
    dialog.reject()
