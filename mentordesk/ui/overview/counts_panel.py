"""The row of count tiles on the Overview: arrivals per role, groups and sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from mentordesk.ui.widgets.naming import named

if TYPE_CHECKING:
    from mentordesk.services.events import EventCounts, RoleCount


class StatTile(QFrame):
    """One figure with a caption, a detail line and an optional arrival bar."""

    def __init__(self, caption: str, *, with_bar: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(4)
        self.caption_label = named(QLabel(caption), "statCaption")
        self.value_label = named(QLabel("–"), "statValue")
        self.detail_label = named(QLabel(""), "statDetail")
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        self.bar: QProgressBar | None = None
        if with_bar:
            self.bar = named(QProgressBar(), "statBar")
            self.bar.setTextVisible(False)
            self.bar.setFixedHeight(6)
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            layout.addWidget(self.bar)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumWidth(150)

    def set_role_count(self, count: RoleCount) -> None:
        self.value_label.setText(f"{count.arrived} / {count.registered}")
        if count.registered == 0:
            self.detail_label.setText("none registered")
        else:
            self.detail_label.setText(f"{count.arrived} of {count.registered} arrived")
        if self.bar is not None:
            self.bar.setRange(0, max(count.registered, 1))
            self.bar.setValue(count.arrived)
        self.setAccessibleName(f"{self.caption_label.text()}: {self.detail_label.text()}")


class CountsPanel(QWidget):
    """Mentors, mentees, facilitators (arrived of registered), then groups and their sessions."""

    #: Tiles per row before they wrap, widest first; a narrow window gets two rows of tiles.
    WIDE_COLUMNS = 4
    NARROW_COLUMNS = 2
    NARROW_BELOW_PX = 700

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mentors = StatTile("Mentors", with_bar=True)
        self.mentees = StatTile("Mentees", with_bar=True)
        self.facilitators = StatTile("Facilitators", with_bar=True)
        self.groups = StatTile("Groups", with_bar=False)
        self.summary_label = named(QLabel(""), "countsSummary")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(12)
        self._columns = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._grid)
        layout.addWidget(self.summary_label)
        self._arrange(self.WIDE_COLUMNS)
        self.counts: EventCounts | None = None

    def tiles(self) -> tuple[StatTile, ...]:
        return (self.mentors, self.mentees, self.facilitators, self.groups)

    def set_counts(self, counts: EventCounts | None) -> None:
        self.counts = counts
        if counts is None:
            for tile in self.tiles():
                tile.value_label.setText("–")
                tile.detail_label.setText("")
            self.summary_label.setText("")
            return
        self.mentors.set_role_count(counts.mentors)
        self.mentees.set_role_count(counts.mentees)
        self.facilitators.set_role_count(counts.facilitators)
        self.groups.value_label.setText(str(counts.groups))
        sessions = counts.group_sessions
        self.groups.detail_label.setText(f"{sessions} {'session' if sessions == 1 else 'sessions'} planned")
        self.groups.setAccessibleName(f"Groups: {counts.groups}, {self.groups.detail_label.text()}")
        people = counts.people
        self.summary_label.setText(
            f"{counts.arrived} of {people} {'person has' if people == 1 else 'people have'} arrived."
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Qt layouts do not wrap; re-flow the tiles so a small window shows two per row.
        columns = self.NARROW_COLUMNS if self.width() < self.NARROW_BELOW_PX else self.WIDE_COLUMNS
        if columns != self._columns:
            self._arrange(columns)
        super().resizeEvent(event)

    def _arrange(self, columns: int) -> None:
        self._columns = columns
        for tile in self.tiles():
            self._grid.removeWidget(tile)
        for number, tile in enumerate(self.tiles()):
            self._grid.addWidget(tile, number // columns, number % columns)
        for column in range(self.WIDE_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
