"""What the Groups page offers its tabs: reading, writing, messages above the tabs, and dialogs.

The tabs are built by the page and work through it; they know it only as this :class:`GroupsHost`,
so ``page.py`` imports the tabs and nothing imports ``page.py`` back. ``GroupsPage`` is the one
host; mypy checks that it fits where the page hands itself to a tab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.models.store import EventStore
    from mentordesk.ui.operations import Operations

T = TypeVar("T")
D = TypeVar("D", bound=QDialog)


class GroupsHost(Protocol):
    """The Groups page, as its tabs see it."""

    #: The latest dialog opened from the page, so tests can find and drive it.
    dialog: QWidget | None

    @property
    def store(self) -> EventStore | None: ...

    @property
    def ops(self) -> Operations | None: ...

    def load(self, label: str, query: Callable[[Session, int], T], on_loaded: Callable[[T], None]) -> bool:
        """Read in the background (``Page.load``)."""
        ...

    def discard_pending_loads(self) -> None:
        """Ignore the results of reads still under way (they may predate a change just made)."""
        ...

    def change(self, label: str, work: Callable[[Session], T], then: Callable[[T], None] | None = None) -> bool:
        """Write ``work`` through the operations layer; ``then(result)`` once it is committed."""
        ...

    def show_notice(self, text: str) -> None:
        """Say what was done, above the tabs, for a while."""
        ...

    def show_error(self, text: str) -> None:
        """Say what went wrong, above the tabs, until the next change goes through."""
        ...

    def open(self, dialog: D) -> D:
        """Show a dialog of a tab without blocking, and remember it."""
        ...

    def open_group_dialog(self, group_id: int | None) -> QDialog | None:
        """Make a group (``None``) or edit one."""
        ...

    def open_auto_form(self) -> QDialog | None:
        """Propose groups from everyone's topics and department."""
        ...

    def open_add_people(self, group_id: int) -> QDialog | None:
        """Add people to a group."""
        ...

    def show_groups_tab(self) -> None:
        """Show the Groups tab (an empty tab's next step: make groups first)."""
        ...

    def ask_next_step(self, step: str) -> None:
        """Ask the workspace for another page's next step (``Page.next_step_requested``)."""
        ...
