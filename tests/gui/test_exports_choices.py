"""Print & export: options that depend on the event are lists read from it (a group, its sessions,
a mentee, a rotation), and what is picked there is what gets printed."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from exports_helpers import open_page
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentordesk.models import Person, Role
from mentordesk.models.store import EventStore
from mentordesk.printing.option_choices import NO_GROUPS, NO_ROTATION
from mentordesk.services.groups import add_goal, list_groups, list_sessions
from mentordesk.services.people import new_badge_code
from mentordesk.ui.exports.choice_combo import LOADING, SEARCHABLE_FROM, ChoiceCombo
from mentordesk.ui.exports.page import ExportsPage
from mentordesk.ui.tasks import ThreadPoolRunner


def _combo(page: ExportsPage, key: str) -> ChoiceCombo:
    editor = page.panel.options_form.editors[key]
    assert isinstance(editor, ChoiceCombo)
    return editor


def _labels(combo: ChoiceCombo) -> list[str]:
    return [combo.itemText(row) for row in range(combo.count())]


def _text(pdf: bytes | None) -> str:
    assert pdf is not None
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def demo(qtbot: QtBot, demo_store: EventStore) -> ExportsPage:
    page = open_page(qtbot, demo_store)
    page.select_document("sign_in_sheets")
    return page


def test_sign_in_sheets_offer_the_demo_groups_and_print_the_one_chosen(demo: ExportsPage, demo_store: EventStore,
                                                                      qtbot: QtBot) -> None:
    with demo_store.read_session() as session:
        groups = list_groups(session, demo_store.event_id)
    group = _combo(demo, "group")
    assert group.isEnabled() and not group.searchable
    assert _labels(group) == ["Every group"] + [g.name for g in groups]
    assert demo.chosen_options()["group"] == ""

    chosen, other = groups[1], groups[0]
    group.setCurrentIndex(group.findText(chosen.name))
    assert demo.chosen_options()["group"] == str(chosen.id)
    qtbot.mouseClick(demo.panel.preview_button, Qt.MouseButton.LeftButton)
    text = _text(demo.pdf)
    assert _squash(chosen.name) in text and _squash(other.name) not in text
    assert demo.panel.preview.page_count >= 1


def test_a_chosen_group_narrows_the_sessions_and_one_session_is_printed(demo: ExportsPage, demo_store: EventStore,
                                                                       qtbot: QtBot) -> None:
    with demo_store.read_session() as session:
        groups = list_groups(session, demo_store.event_id)
        meetings = list_sessions(session, demo_store.event_id)
    sessions = _combo(demo, "session")
    assert sessions.count() == 3 + len(meetings) == 11
    assert demo.chosen_options()["session"] == "next"

    group = _combo(demo, "group")
    group.setCurrentIndex(group.findText(groups[0].name))
    own = [m for m in meetings if m.group_id == groups[0].id]
    assert sessions.count() == 3 + len(own)
    assert all(groups[0].name in label for label in _labels(sessions)[3:])

    third = own[2]
    sessions.setCurrentIndex(sessions.findData(str(third.id)))
    assert demo.chosen_options() | {"page_size": None} == {"page_size": None, "group": str(groups[0].id),
                                                          "session": str(third.id), "blank_rows": 5}
    demo.start_preview()
    text = _text(demo.pdf)
    assert _squash(third.title) in text
    assert demo.panel.preview.page_count == 1

    # Another group: its sessions are offered, and the other group's session is no longer chosen.
    group.setCurrentIndex(group.findText(groups[1].name))
    assert demo.chosen_options()["session"] == "next"
    assert all(groups[1].name in label for label in _labels(sessions)[3:])
    assert "options changed" in demo.panel.status_label.text()


def test_the_choice_survives_reading_the_list_again_and_other_documents(demo: ExportsPage,
                                                                        demo_store: EventStore) -> None:
    with demo_store.read_session() as session:
        groups = list_groups(session, demo_store.event_id)
    group = _combo(demo, "group")
    group.setCurrentIndex(group.findText(groups[1].name))
    demo.set_active(False)
    demo.set_active(True)  # the page is shown again: the lists are read again
    assert _combo(demo, "group").currentText() == groups[1].name
    demo.select_document("group_report")
    assert _combo(demo, "group").currentText() == "Every group"  # each document has its own choice
    demo.select_document("sign_in_sheets")
    assert _combo(demo, "group").currentText() == groups[1].name
    assert demo.chosen_options()["group"] == str(groups[1].id)


def test_another_event_forgets_the_choice_and_an_empty_one_says_there_is_nothing(
    demo: ExportsPage, demo_store: EventStore, store: EventStore
) -> None:
    group = _combo(demo, "group")
    group.setCurrentIndex(2)
    demo.set_store(store)
    group = _combo(demo, "group")
    assert _labels(group) == [NO_GROUPS] and not group.isEnabled()
    assert _labels(_combo(demo, "session")) == [NO_GROUPS]
    assert demo.chosen_options()["group"] == "" and demo.chosen_options()["session"] == "next"
    demo.select_document("schedule")
    rotation = _combo(demo, "flash_session")
    assert _labels(rotation) == [NO_ROTATION] and not rotation.isEnabled()
    assert demo.chosen_options()["flash_session"] == 0  # still the number the schedule takes
    demo.set_store(demo_store)
    demo.select_document("sign_in_sheets")
    assert _combo(demo, "group").currentText() == "Every group"


def test_choices_read_in_the_background_arrive_in_the_form(qtbot: QtBot, demo_store: EventStore) -> None:
    page = open_page(qtbot, demo_store, ThreadPoolRunner())
    page.select_document("sign_in_sheets")
    group = _combo(page, "group")
    qtbot.waitUntil(lambda: group.count() == 3, timeout=20_000)
    assert LOADING not in _labels(group) and group.isEnabled()
    qtbot.waitUntil(lambda: not page._tasks.busy, timeout=20_000)


def _many_mentees(store: EventStore, count: int) -> dict[str, int]:
    """``count`` mentees with a goal each (so each has a take-home sheet); one is Zoë Šimůnek."""
    ids: dict[str, int] = {}
    with store.session() as session:
        taken: set[str] = set()
        for index in range(count):
            first, last = ("Zoë", "Šimůnek") if index == count // 2 else (f"Mentee{index:03d}", f"Family{index % 37}")
            person = Person(event_id=store.event_id, first_name=first, last_name=last, role=Role.MENTEE,
                            organization="Big School", badge_code=new_badge_code(session, store.event_id, taken))
            session.add(person)
            session.flush()
            add_goal(session, person.id, f"Goal of {first}")
            ids[f"{first} {last}"] = person.id
    return ids


def test_a_long_mentee_list_is_searched_accent_blind_and_the_pick_is_printed(qtbot: QtBot, store: EventStore) -> None:
    ids = _many_mentees(store, 420)
    page = open_page(qtbot, store)
    page.select_document("take_home")
    person = _combo(page, "person")
    assert person.count() == 421 >= SEARCHABLE_FROM and person.searchable
    assert person.currentText() == "Every mentee with a meeting or a goal"
    completer = person.completer()
    assert completer is not None

    person.setFocus()
    person.lineEdit().selectAll()
    qtbot.keyClicks(person.lineEdit(), "zoe sim")
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=20_000)
    assert completer.completionCount() == 1
    popup = completer.popup()
    assert popup.model().index(0, 0).data() == "Zoë Šimůnek (Big School)"
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert person.currentText() == "Zoë Šimůnek (Big School)"
    assert page.chosen_options()["person"] == str(ids["Zoë Šimůnek"])

    page.start_preview()
    text = _text(page.pdf)
    assert "ZoëŠimůnek" in text and "Mentee000" not in text
    assert page.panel.preview.page_count == 1


def test_typed_text_that_names_one_mentee_chooses_them_and_free_text_is_kept(qtbot: QtBot, store: EventStore,
                                                                             tmp_path: Path) -> None:
    ids = _many_mentees(store, 40)
    page = open_page(qtbot, store)
    page.select_document("take_home")
    person = _combo(page, "person")
    person.lineEdit().setText("ŠIMŮNEK")
    assert person.pick_unique_match()
    assert page.chosen_options()["person"] == str(ids["Zoë Šimůnek"])
    # Text matching no one is passed on as typed: the document explains that nobody has that name.
    person.lineEdit().setText("Nobody Here")
    assert not person.pick_unique_match()
    assert page.chosen_options()["person"] == "Nobody Here"
    page.start_preview()
    assert page.pdf is None and "Nobody Here" in page.panel.message_label.text()
    person.lineEdit().setText("")
    assert page.chosen_options()["person"] == ""
