"""The base of every sidebar page: its header, the open event, and loading data off the UI thread.

A page gets the open :class:`EventStore` through :meth:`Page.set_store` (``None`` when the event is
closed) and is told when it becomes the visible page. While it is visible and an event is open, a
page that sets :attr:`Page.refresh_interval_ms` re-reads the event every so often through
:meth:`Page.poll` (another station, the command line or a kiosk may have written to it); hidden
pages do not poll. Reads go through :meth:`Page.load`, which
runs a service call on a background thread via the task manager and hands the result back on the
UI thread; a result that arrives after the event was closed or swapped is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from mentordesk.ui import errors
from mentordesk.ui.tasks import TaskManager

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.models.store import EventStore

T = TypeVar("T")

#: Margins of a page's content, shared so that every page lines up with its neighbours.
PAGE_MARGINS = (28, 22, 28, 22)


class PageHeader(QWidget):
    """A page's title with a one-line explanation beneath it."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title_label = QLabel(title, objectName="pageTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle_label = QLabel(subtitle, objectName="pageSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setVisible(bool(subtitle))
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


class Page(QWidget):
    """One entry of the sidebar."""

    #: Identifier, also the name of the icon in ``resources/icons/pages/``.
    key: ClassVar[str] = ""
    title: ClassVar[str] = ""
    subtitle: ClassVar[str] = ""
    #: Pages of fixed-size content scroll as a whole in a small window; pages built around a
    #: table leave the scrolling to the table.
    scrollable: ClassVar[bool] = True
    #: How often the visible page calls :meth:`poll` while an event is open; 0: never.
    refresh_interval_ms: ClassVar[int] = 0

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._tasks = tasks
        self._store: EventStore | None = None
        #: Bumped whenever the store changes, so late results of an older store are ignored.
        self._generation = 0
        self._loading: set[str] = set()
        #: Reads that failed; a timer does not retry them (and re-report the error every few
        #: seconds) until the event is opened again.
        self._failed: set[str] = set()
        self._active = False
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(self.refresh_interval_ms)
        self.refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self.header = PageHeader(self.title, self.subtitle)
        content = QWidget(objectName="pageContent")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if self.scrollable:
            scroll = QScrollArea(objectName="pageScroll")
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(content)
            outer.addWidget(scroll)
        else:
            outer.addWidget(content)
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(*PAGE_MARGINS)
        self.body.setSpacing(14)
        self.body.addWidget(self.header)

    @property
    def store(self) -> EventStore | None:
        return self._store

    @property
    def is_active(self) -> bool:
        return self._active

    def set_store(self, store: EventStore | None) -> None:
        self._store = store
        self._failed.clear()
        self.discard_pending_loads()
        self.store_changed()
        self._update_refresh_timer()

    def discard_pending_loads(self) -> None:
        """Ignore the results of reads still under way (they may predate a change just made)."""
        self._generation += 1
        self._loading.clear()

    def set_active(self, active: bool) -> None:
        self._active = active
        if active:
            self.activated()
        else:
            self.deactivated()
        self._update_refresh_timer()

    def _update_refresh_timer(self) -> None:
        polling = bool(self.refresh_interval_ms) and self._active and self._store is not None
        if not polling:
            self.refresh_timer.stop()
        elif not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def _on_refresh_timer_timeout(self) -> None:
        self.poll()

    # -- for subclasses

    def store_changed(self) -> None:
        """The event was opened, swapped or closed (``self.store`` is None then)."""

    def activated(self) -> None:
        """The page became the visible one."""

    def deactivated(self) -> None:
        """Another page became the visible one."""

    def poll(self) -> None:
        """Re-read what the page shows (every :attr:`refresh_interval_ms` while visible)."""

    def load(self, label: str, query: Callable[[Session, int], T], on_loaded: Callable[[T], None]) -> bool:
        """Run ``query(session, event_id)`` in the background and pass its result to ``on_loaded``.

        Returns False (and does nothing) when no event is open, the same load is still running
        or has failed, so a timer can call this freely without piling up work behind a slow disk.
        """
        store = self._store
        if store is None or label in self._loading or label in self._failed:
            return False
        generation = self._generation
        self._loading.add(label)

        def work(_report: Callable[[float], None]) -> T:
            with store.read_session() as session:
                return query(session, store.event_id)

        def done(result: Any) -> None:
            if generation != self._generation:
                return
            self._loading.discard(label)
            on_loaded(result)

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            self._loading.discard(label)
            self._failed.add(label)
            self.load_failed(label, error)

        self._tasks.run(label, work, on_success=done, on_failure=failed)
        return True

    def load_failed(self, label: str, error: BaseException) -> None:
        """A background read failed (the file was deleted, a disk error …): log it and say so."""
        errors.report_unexpected(error, self)
