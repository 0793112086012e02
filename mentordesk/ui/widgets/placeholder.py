"""A page whose screen is not built yet: it says plainly what the screen will do.

It shows no sample or made-up data, only the plan, so nobody mistakes it for a working screen.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.page import Page


class PlaceholderPage(Page):
    """Header, a "not available yet" note, and the list of what the page will offer."""

    #: What the finished screen will let people do, one short sentence each.
    plans: ClassVar[tuple[str, ...]] = ()

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent)
        card = QFrame(objectName="placeholderCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(22, 18, 22, 20)
        layout.setSpacing(10)

        badge = QLabel("Not available yet", objectName="placeholderBadge")
        layout.addWidget(badge, alignment=Qt.AlignmentFlag.AlignLeft)
        intro = QLabel("This screen is still being built. When it is ready, it will let you:")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        items = "".join(f"<li style='margin-bottom:6px'>{plan}</li>" for plan in self.plans)
        self.plan_label = QLabel(f"<ul style='margin-left:-18px'>{items}</ul>", objectName="placeholderPlans")
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        self.plan_label.setWordWrap(True)
        layout.addWidget(self.plan_label)

        card.setMaximumWidth(720)
        self.body.addWidget(card)
        self.body.addStretch(1)
