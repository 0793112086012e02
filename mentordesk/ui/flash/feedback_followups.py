"""Mutual follow-ups: who both asked to follow up, with contacts only where both consented.

Pairs where someone did not consent to sharing contact details are counted in the line above
the list but never named: the organiser can pass a message on without learning who they are.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.feedback import FollowUps
from mentordesk.services.spreadsheets import tsv_text
from mentordesk.ui.itemmodels.feedback_followups_model import Column, FollowUpsModel
from mentordesk.ui.widgets.naming import named
from mentordesk.ui.widgets.tables import set_up_table

NO_FOLLOW_UPS_TEXT = ("No mutual follow-ups yet.\n\nA pair appears here when the mentee and the mentor both "
                      "said “I'd like to follow up” and both agreed to share their contact details.")


def summary_text(follow_ups: FollowUps) -> str:
    shown = len(follow_ups.shown)
    text = f"{shown} mutual follow-up{'s' if shown != 1 else ''} with contacts to share"
    if follow_ups.without_consent:
        hidden = follow_ups.without_consent
        text += (f"; {hidden} more pair{'s' if hidden != 1 else ''} both said yes, but contact sharing was "
                 "not agreed by both, so their details are not shown")
    return text + "."


def as_table_text(follow_ups: FollowUps) -> str:
    """The list as tab-separated lines with a header, for pasting into a spreadsheet or an e-mail;
    a name or address that a spreadsheet would take for a formula is pasted as text."""
    return tsv_text(
        ("Mentee", "Mentee e-mail", "Mentor", "Mentor e-mail", "Round"),
        ((f.mentee.name, f.mentee.email, f.mentor.name, f.mentor.email, f.round_number) for f in follow_ups.shown),
    )


class FollowUpsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackFollowUps")
        self.model = FollowUpsModel(self)
        self.follow_ups = FollowUps((), 0)
        self.title_label = named(QLabel("Mutual follow-ups"), "sectionTitle")
        self.copy_button = named(QPushButton("Copy list"), "followUpsCopy")
        self.copy_button.setToolTip("Copy names and e-mail addresses, to paste into a spreadsheet or an e-mail")
        self.summary_label = named(QLabel(""), "feedbackFollowUpsSummary")
        self.summary_label.setWordWrap(True)
        self.table = named(QTableView(), "followUpsTable")
        self.table.setModel(self.model)
        set_up_table(self.table, short_columns=None, multi=True, striped=False, grid=True,
                     row_heights=QHeaderView.ResizeMode.Interactive, left_header=False, highlight_header=True)
        self.table.setAccessibleName("Mutual follow-ups")
        self.table.setMinimumHeight(60)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (Column.MENTEE_CONTACT, Column.MENTOR_CONTACT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.ROUND, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(Column.MENTEE, 170)
        self.table.setColumnWidth(Column.MENTOR, 170)
        self.empty_label = named(QLabel(NO_FOLLOW_UPS_TEXT), "emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # In a small window the explanation may be cut rather than squeeze the grid above.
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.copy_button)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.stack, 1)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.set_follow_ups(FollowUps((), 0))

    def set_follow_ups(self, follow_ups: FollowUps) -> None:
        self.follow_ups = follow_ups
        self.copy_button.setEnabled(bool(follow_ups.shown))
        self.model.set_rows(follow_ups.shown)
        self.summary_label.setText(summary_text(follow_ups))
        self.summary_label.setVisible(bool(follow_ups.total))
        self.stack.setCurrentWidget(self.table if follow_ups.shown else self.empty_label)

    def _on_copy_button_clicked(self) -> None:
        QApplication.clipboard().setText(as_table_text(self.follow_ups))
