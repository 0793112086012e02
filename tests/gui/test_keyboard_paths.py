"""Every page can be worked from the keyboard: Tab reaches each enabled control of the page once,
in reading order, never gets stuck in a table, and the control with the focus shows a ring.

The walk presses Tab on whichever widget has the window's focus and reads where the focus went
(``focus_helpers``: the focus chain is settled by Qt at once, active window or not).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from focus_helpers import focus_widget
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QRadioButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mentordesk.models.store import EventStore
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.widgets import focus_ring
from mentordesk.ui.workspace import PAGE_ENTRIES

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar, QTextEdit)
#: Tab may stay on one control for a few presses where Tab moves between its parts (a date's day,
#: month and year); more than this and it is stuck.
MAX_PRESSES_ON_ONE = 4
#: Controls left out of the Tab order on purpose, by object name, and why.
NOT_TAB_STOPS = {
    # The desk's matches are chosen with the arrow keys from the scan field, which keeps the focus.
    "candidateTable",
}


@pytest.fixture
def demo_window(window: MainWindow, demo_store: EventStore, qtbot: QtBot) -> Iterator[MainWindow]:
    window.resize(1366, 768)
    assert window.open_event(demo_store.path)  # type: ignore[arg-type]
    # The demo's notice (sample data) sits above every page; Tab reaches it before the page.
    qtbot.waitUntil(window.workspace.sample_notice.isVisible, timeout=10_000)
    yield window


def _rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def _controls(page: QWidget) -> list[QWidget]:
    """The enabled controls of the page a user can see (parts of a control count as the control)."""
    found = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue  # a spin box's or combo box's own line edit
        if isinstance(widget.parentWidget(), QTabWidget) and isinstance(widget, QAbstractButton):
            continue  # the tab bar's scroll arrows
        if widget.objectName() in NOT_TAB_STOPS or not widget.isVisibleTo(page.window()) or not widget.isEnabled():
            continue
        if widget.visibleRegion().isEmpty():
            continue  # scrolled out of a scroll area's view counts: the region test is for clipped-away bits
        found.append(widget)
    return found


def _owner(widget: QWidget) -> QWidget:
    """The control a focused part belongs to (a spin box's line edit is the spin box)."""
    parent = widget.parentWidget()
    return parent if isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)) else widget


def walk_tab_chain(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    """Tab from the sidebar through the page until the focus is back on the sidebar."""
    sidebar = window.workspace.sidebar
    sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    chain: list[QWidget] = []
    presses_here = 0
    for _ in range(300):
        here = focus_widget(window)
        assert here is not None
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        now = focus_widget(window)
        assert now is not None, "Tab lost the focus"
        if now is sidebar:
            return chain
        now = _owner(now)
        if chain and now is chain[-1]:
            presses_here += 1
            assert presses_here < MAX_PRESSES_ON_ONE, f"Tab is stuck in {_name(now)}"
            continue
        presses_here = 0
        assert now not in chain, f"Tab came back to {_name(now)} before reaching the sidebar"
        chain.append(now)
    raise AssertionError("Tab never came back to the sidebar")


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName() or text!r} at {_rect(widget)}"


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def backward_step(before: QWidget, after: QWidget) -> bool:
    """True if ``after`` comes before ``before`` in reading order: left of it in the same row, or
    above it in the same column. (Moving on to the next row, or to the top of the next column, is
    forward.)"""
    a, b = _rect(before), _rect(after)
    same_row = _overlap(a.top(), a.bottom(), b.top(), b.bottom()) > min(a.height(), b.height()) // 2
    same_column = _overlap(a.left(), a.right(), b.left(), b.right()) > min(a.width(), b.width()) // 2
    return (same_row and b.right() <= a.left()) or (same_column and b.bottom() <= a.top())


def _reached(widget: QWidget, chain: list[QWidget]) -> bool:
    if widget in chain:
        return True
    # Radio buttons of one choice are one Tab stop (the checked one); the arrow keys choose among them.
    return isinstance(widget, QRadioButton) and widget.autoExclusive() and any(
        isinstance(other, QRadioButton) and other.parentWidget() is widget.parentWidget() for other in chain)


def check_page(qtbot: QtBot, window: MainWindow, page: QWidget, where: str) -> None:
    chain = walk_tab_chain(qtbot, window)
    missed = [_name(widget) for widget in _controls(page) if not _reached(widget, chain)]
    assert not missed, f"{where}: Tab never reaches {missed}"
    notice = window.workspace.sample_notice
    assert not notice.isVisible() or (notice.new_event_button in chain and notice.hide_button in chain)
    outside = [_name(widget) for widget in chain if not page.isAncestorOf(widget) and not notice.isAncestorOf(widget)]
    assert not outside, f"{where}: Tab leaves the page for {outside}"
    for before, after in itertools.pairwise(chain):
        assert not backward_step(before, after), f"{where}: Tab goes back from {_name(before)} to {_name(after)}"


@pytest.mark.parametrize("index", range(len(PAGE_ENTRIES)), ids=[entry.key for entry in PAGE_ENTRIES])
def test_tab_reaches_every_control_of_each_page_in_reading_order(demo_window: MainWindow, qtbot: QtBot,
                                                                  index: int) -> None:
    window = demo_window
    window.workspace.show_page(index)
    page = window.workspace.current_page
    window.tasks.wait_for_all()
    tabs = [tab for tab in page.findChildren(QTabWidget) if tab.isVisibleTo(window)]
    if not tabs:
        check_page(qtbot, window, page, page.title)
        return
    for tab_widget in tabs:
        for tab in range(tab_widget.count()):
            tab_widget.setCurrentIndex(tab)
            window.tasks.wait_for_all()
            check_page(qtbot, window, page, f"{page.title} ▸ {tab_widget.tabText(tab)}")


def test_tab_leaves_a_table_at_once(demo_window: MainWindow, qtbot: QtBot) -> None:
    window = demo_window
    window.workspace.show_page(window.workspace.index_of("people"))
    people = window.workspace.people
    qtbot.waitUntil(lambda: people.table.model().rowCount() > 10, timeout=20_000)
    people.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(people.table, Qt.Key.Key_Tab)
    assert focus_widget(window) is not people.table
    # The arrow keys still move within it.
    assert people.table.tabKeyNavigation() is False


def test_the_focus_is_ringed_and_the_sidebar_shows_it(demo_window: MainWindow, qtbot: QtBot) -> None:
    window = demo_window
    window.workspace.show_page(window.workspace.index_of("people"))
    people = window.workspace.people
    ring = window.focus_ring
    # The ring follows the focus the user moves with the keyboard (the active window is where it shows).
    from focus_helpers import activate

    activate(qtbot, window)
    window.workspace.sample_notice.hide_button.click()  # Tab from the sidebar goes into the page
    window.workspace.sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.workspace.sidebar, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: ring.ringed is focus_widget(window), timeout=20_000)
    first = focus_widget(window)
    assert first is not None and people.isAncestorOf(first)
    frame = ring.frame
    assert frame is not None and frame.isVisible() and frame.geometry().contains(first.geometry().center())
    # A table shows it too (the platform style marks only the current cell, faintly).
    people.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ring.ringed is people.table, timeout=20_000)
    # The sidebar draws its own (the stylesheet's ::item:focus rule), so the ring stays off it.
    assert focus_ring.ring_target(window.workspace.sidebar) is None
    window.workspace.sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ring.ringed is None, timeout=20_000)
