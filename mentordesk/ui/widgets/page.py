"""The base of every sidebar page: its header, the open event, and loading data off the UI thread.

A page gets the open :class:`EventStore` through :meth:`Page.set_store` (``None`` when the event is
closed) and is told when it becomes the visible page. While it is visible, it re-reads what it
shows through :meth:`Page.poll` whenever the event changes — a commit of this app, or one of
another process (the command line, a kiosk, another desk), told by the shared
``ui/change_watcher.py`` — if the change touches :attr:`Page.watched_tables`. Hidden pages re-read
when they are shown. :attr:`Page.refresh_interval_ms` is the fallback for an event whose other
writers cannot be watched (a database server): only then does the visible page re-read on a
timer. Reads go through :meth:`Page.load`, a query of the operations layer (``ui/operations.py``)
that runs a service call on a background thread and hands the result back on the UI thread; a
result that arrives after the event was closed or swapped is dropped. :attr:`Page.ops` is the
page's door for everything else it reads or writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from mentordesk.ui import change_watcher
from mentordesk.ui.change_watcher import ChangeWatcher
from mentordesk.ui.operations import Failure, FailureKind, Operations
from mentordesk.ui.tasks import TaskManager
from mentordesk.ui.widgets.naming import named

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mentordesk.models.store import EventStore

T = TypeVar("T")

#: What :attr:`Page.next_step_requested` may ask for besides another page's key: import people.
IMPORT_PEOPLE = "import-people"

#: Margins of a page's content, shared so that every page lines up with its neighbours.
PAGE_MARGINS = (28, 22, 28, 22)


class PageHeader(QWidget):
    """A page's title with a one-line explanation beneath it."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title_label = named(QLabel(title), "pageTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle_label = named(QLabel(subtitle), "pageSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setVisible(bool(subtitle))
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


class Page(QWidget):
    """One entry of the sidebar."""

    #: An empty page's button asks the workspace for the next step: another page (its key) or
    #: :data:`IMPORT_PEOPLE`. A page never imports another page; the workspace shows it.
    next_step_requested = Signal(str)

    #: Identifier, also the name of the icon in ``resources/icons/pages/``.
    key: ClassVar[str] = ""
    title: ClassVar[str] = ""
    subtitle: ClassVar[str] = ""
    #: Pages of fixed-size content scroll as a whole in a small window; pages built around a
    #: table leave the scrolling to the table.
    scrollable: ClassVar[bool] = True
    #: How often the visible page calls :meth:`poll` while an event is open whose other writers
    #: cannot be watched (see the module docstring); 0: never.
    refresh_interval_ms: ClassVar[int] = 0
    #: The tables whose changes the page shows (None: any change re-reads the page).
    watched_tables: ClassVar[frozenset[str] | None] = None

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.key}")
        self._tasks = tasks
        self._store: EventStore | None = None
        #: Bumped whenever the store changes, so late results of an older store are ignored.
        self._generation = 0
        self._loading: set[str] = set()
        #: Loads asked for again while running: made once more when the running one is done.
        self._again: dict[str, tuple[Callable[[Session, int], Any], Callable[[Any], None]]] = {}
        #: Reads that failed with a bug; they are not retried (and the error re-reported on every
        #: change) until the event is opened again. A file that was busy or a full disk is retried.
        self._failed: set[str] = set()
        self._active = False
        self._watcher: ChangeWatcher | None = None
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(self.refresh_interval_ms)
        self.refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self.header = PageHeader(self.title, self.subtitle)
        content = named(QWidget(), "pageContent")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if self.scrollable:
            scroll = named(QScrollArea(), "pageScroll")
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # Not a Tab stop of its own (it would be an invisible one): tabbing through the
            # page's controls scrolls each into view.
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
    def ops(self) -> Operations | None:
        """The way to read and write the open event (None while no event is open)."""
        return None if self._store is None else Operations(self._store, self._tasks)

    @property
    def is_active(self) -> bool:
        return self._active

    def set_store(self, store: EventStore | None) -> None:
        self._watch(store)
        self._store = store
        self._failed.clear()
        self.discard_pending_loads()
        self.store_changed()
        self._update_refresh_timer()

    def discard_pending_loads(self) -> None:
        """Ignore the results of reads still under way (they may predate a change just made)."""
        self._generation += 1
        self._loading.clear()
        self._again.clear()

    def set_active(self, active: bool) -> None:
        self._active = active
        if active:
            self.activated()
        else:
            self.deactivated()
        self._update_refresh_timer()

    def _update_refresh_timer(self) -> None:
        watched = self._watcher is not None and self._watcher.sees_other_writers
        polling = bool(self.refresh_interval_ms) and self._active and self._store is not None and not watched
        if not polling:
            self.refresh_timer.stop()
        elif not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def _on_refresh_timer_timeout(self) -> None:
        self.poll()

    def _watch(self, store: EventStore | None) -> None:
        if self._watcher is not None and self._store is not None:
            self._watcher.changed.disconnect(self._on_watcher_changed)
            change_watcher.release(self._store)
            self._watcher = None
        if store is not None:
            self._watcher = change_watcher.acquire(store)
            self._watcher.changed.connect(self._on_watcher_changed)

    def _on_watcher_changed(self, tables: frozenset[str] | None) -> None:
        if not self._active or self._store is None:
            return
        watched = self.watched_tables
        if tables is None or watched is None or tables & watched:
            # A read already running may predate the change: the page reads again after it.
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
        or has failed, so it can be called freely without piling up work behind a slow disk. A
        load asked for while the same one runs is made once more after it: the running one may
        have read the event before the change that asked.
        """
        store = self._store
        if store is None or label in self._failed:
            return False
        if label in self._loading:
            self._again[label] = (query, on_loaded)
            return False
        generation = self._generation
        self._loading.add(label)

        def done(result: T) -> None:
            if generation != self._generation:
                return
            self._loading.discard(label)
            on_loaded(result)
            again = self._again.pop(label, None)
            if again is not None:
                self.load(label, *again)

        def failed(failure: Failure) -> None:
            if generation != self._generation:
                return
            self._loading.discard(label)
            if failure.kind is not FailureKind.ENVIRONMENT:
                # A busy or full disk passes; a bug would fail again on every change.
                self._failed.add(label)
            self.load_failed(label, failure)

        event_id = store.event_id
        Operations(store, self._tasks).query(label, lambda session: query(session, event_id), done=done,
                                            failed=failed, owner=self)
        return True

    def load_failed(self, label: str, failure: Failure) -> None:
        """A background read failed (the file was deleted, a disk error …); the operations layer
        has already said so (a banner, or the unexpected-error report)."""
