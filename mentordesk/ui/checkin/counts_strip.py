"""The desk's live arrival counts in one compact row: mentors, mentees and everyone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mentordesk.ui.widgets.naming import named

if TYPE_CHECKING:
    from mentordesk.services.events import EventCounts


class CountFigure(QFrame):
    """"Mentors" above "8 / 12"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countFigure")
        self.caption = caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 8)
        layout.setSpacing(0)
        self.caption_label = named(QLabel(caption), "countCaption")
        self.value_label = named(QLabel("–"), "countValue")
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_figures(self, arrived: int | None, registered: int | None) -> None:
        if arrived is None or registered is None:
            self.value_label.setText("–")
            self.setToolTip("")
            self.setAccessibleName(self.caption)
            return
        self.value_label.setText(f"{arrived} / {registered}")
        text = f"{self.caption}: {arrived} of {registered} arrived"
        self.setToolTip(text)
        self.setAccessibleName(text)


class CountsStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mentors = CountFigure("Mentors")
        self.mentees = CountFigure("Mentees")
        self.everyone = CountFigure("Everyone")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for figure in (self.mentors, self.mentees, self.everyone):
            layout.addWidget(figure)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: EventCounts | None) -> None:
        if counts is None:
            for figure in (self.mentors, self.mentees, self.everyone):
                figure.set_figures(None, None)
            return
        self.mentors.set_figures(counts.mentors.arrived, counts.mentors.registered)
        self.mentees.set_figures(counts.mentees.arrived, counts.mentees.registered)
        # Facilitators count among everyone, without a figure of their own at the desk.
        self.everyone.set_figures(counts.arrived, counts.people)

    @property
    def text(self) -> str:
        return " · ".join(
            f"{figure.caption} {figure.value_label.text()}" for figure in (self.mentors, self.mentees, self.everyone)
        )
