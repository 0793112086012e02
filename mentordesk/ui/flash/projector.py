"""The projector window: a countdown readable from the back of a hall, and "Find your table".

Everything is painted, with sizes taken from the window's height and width, so the same window
is right at 1280×720 and at 3840×2160. In a meeting the countdown fills the screen under "Round 2
of 6"; in its last minute it turns amber and then red. Before the start and during a changeover
the screen lists every mentee with their table for the coming round, sorted by surname, in as
many columns as fit; when they do not all fit, the pages turn by themselves every few seconds
and a page indicator says which page is shown and which names it covers.

The window opens full screen on the screen chosen (``show_on``) and never takes the app's
keyboard focus away for good: the laptop stays usable. Esc leaves full screen and closes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QWidget

from mentordesk.models import ClockPhase, ClockState
from mentordesk.services.flash.clock_face import ClockView
from mentordesk.services.flash.views import Board, BoardEntry
from mentordesk.ui.widgets.bidi import isolate

#: How long one page of names stays up before the next.
PAGE_MS = 8_000

BACKGROUND = QColor("#0f172a")
BACKGROUND_LAST_MINUTE = QColor("#2a1208")
TEXT = QColor("#f8fafc")
MUTED = QColor("#94a3b8")
ACCENT = QColor("#38bdf8")
WARNING = QColor("#fbbf24")
URGENT = QColor("#f87171")
STRIPE = QColor(255, 255, 255, 14)


@dataclass(frozen=True)
class BoardLayout:
    """How the names of a board are laid out on one page of the current window."""

    columns: int
    rows: int
    font_px: float
    row_height: float

    @property
    def per_page(self) -> int:
        return max(1, self.columns * self.rows)


class ProjectorWindow(QWidget):
    #: The window was closed (Esc, or the console's button).
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        # A top-level window of its own, so it can be full screen on another screen.
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("flashProjector")
        self.setWindowTitle("MentorDesk — projector")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(480, 270)
        self.view: ClockView | None = None
        self.event_name = ""
        self.board: Board | None = None
        self.page = 0
        self.page_timer = QTimer(self)
        self.page_timer.setInterval(PAGE_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.page_timer.timeout.connect(self._on_page_timer_timeout)

    # -- what the console calls

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (the window's current one when None)."""
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def set_state(self, view: ClockView | None, event_name: str, board: Board | None) -> None:
        board_changed = board is not self.board and (
            board is None or self.board is None
            or (board.round_number, board.entries) != (self.board.round_number, self.board.entries))
        before = self._shown()
        self.view, self.event_name, self.board = view, event_name, board
        if board_changed:
            self.page = 0
        self._update_paging()
        # The console ticks five times a second; a 4K repaint of 400 names costs ~35 ms, so the
        # window repaints only when something it shows has changed (about once a second).
        if board_changed or self._shown() != before:
            self.update()

    def _shown(self) -> tuple[object, ...]:
        view = self.view
        if view is None:
            return (None, self.event_name)
        return (view.countdown, view.headline, view.phase_label, view.state, view.phase, self.last_minute,
                self.event_name, self.showing_board)

    @property
    def showing_board(self) -> bool:
        view = self.view
        if self.board is None or not self.board.entries or view is None:
            return False
        return view.state is ClockState.IDLE or (view.phase is ClockPhase.CHANGEOVER and not view.finished)

    def board_layout(self) -> BoardLayout:
        """Columns and rows of names that fit the window.

        The name font starts at 1/24 of the height (readable from the back of a hall) and shrinks,
        down to 1/46, until every name fits on one page; below that the pages turn instead. With
        few names the columns are balanced, so a dozen names do not hang in one corner."""
        count = len(self.board.entries) if self.board else 0
        longest = max((len(e.name) for e in self.board.entries), default=12) if self.board else 12
        # Room for a long name (longer ones are elided) plus the table number or "Waiting".
        name_em = min(max(longest, 12), 24)
        area = self._board_rect()
        height = float(self.height())
        layout = BoardLayout(1, 1, 14.0, 20.0)
        for divisor in (24, 28, 32, 36, 41, 46):
            font_px = max(13.0, height / divisor)
            metrics = QFontMetricsF(self._font(font_px))
            column_w = metrics.averageCharWidth() * (name_em + 10) + font_px
            row_h = font_px * 1.45
            columns = max(1, int((area.width() + font_px) // column_w))
            rows = max(1, int(area.height() // row_h))
            layout = BoardLayout(columns, rows, font_px, row_h)
            if columns * rows >= count:
                break
        if count <= layout.per_page:
            # One page: the rows spread evenly over every column that fits.
            columns = max(1, min(layout.columns, count))
            layout = BoardLayout(columns, max(1, -(-count // columns)), layout.font_px, layout.row_height)
        return layout

    @property
    def page_count(self) -> int:
        if not self.showing_board or self.board is None:
            return 1
        per_page = self.board_layout().per_page
        return max(1, -(-len(self.board.entries) // per_page))

    def entries_on_page(self, page: int) -> tuple[BoardEntry, ...]:
        if self.board is None:
            return ()
        per_page = self.board_layout().per_page
        return self.board.entries[page * per_page:(page + 1) * per_page]

    def next_page(self) -> None:
        self.page = (self.page + 1) % self.page_count
        self.update()

    # -- Qt events

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: object) -> None:
        self.page_timer.stop()
        self.closed.emit()
        super().closeEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_paging()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        last_minute = self.last_minute
        painter.fillRect(self.rect(), BACKGROUND_LAST_MINUTE if last_minute else BACKGROUND)
        if self.showing_board:
            self._paint_board(painter)
        else:
            self._paint_countdown(painter)
        painter.end()

    # -- painting

    @staticmethod
    def _font(px: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setPixelSize(max(1, round(px)))
        font.setBold(bold)
        return font

    @property
    def last_minute(self) -> bool:
        view = self.view
        return bool(view and view.phase is ClockPhase.MEETING and view.state is not ClockState.IDLE
                    and 0 < view.remaining_ms <= max(view.warn_at_ms, 1) and not view.finished)

    def _countdown_colour(self) -> QColor:
        view = self.view
        if view is None or not self.last_minute:
            return TEXT
        return URGENT if view.remaining_ms <= 15_000 else WARNING

    def _text(self, painter: QPainter, rect: QRectF, text: str, px: float, colour: QColor, *,
              bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> None:
        font = self._font(px, bold)
        metrics = QFontMetricsF(font)
        # Shrink a line that does not fit the width (a long event name) rather than cut it.
        width = metrics.horizontalAdvance(text)
        if width > rect.width() > 0:
            font = self._font(max(8.0, px * rect.width() / width * 0.98), bold)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)

    def _fitted_px(self, text: str, box: QRectF, bold: bool = True) -> float:
        """The largest pixel size at which ``text`` fits ``box``."""
        probe = 100.0
        metrics = QFontMetricsF(self._font(probe, bold))
        by_width = box.width() / max(1.0, metrics.horizontalAdvance(text)) * probe
        by_height = box.height() / max(1.0, metrics.height()) * probe
        return max(8.0, min(by_width, by_height))

    def _paint_countdown(self, painter: QPainter) -> None:
        w, h = float(self.width()), float(self.height())
        margin = h * 0.05
        view = self.view
        self._text(painter, QRectF(margin, margin * 0.6, w - 2 * margin, h * 0.08), self.event_name, h * 0.045, MUTED)
        if view is None:
            self._text(painter, QRectF(0, 0, w, h), "Flash mentoring", h * 0.1, TEXT, bold=True)
            return
        self._text(painter, QRectF(margin, h * 0.13, w - 2 * margin, h * 0.14), view.headline, h * 0.1, TEXT,
                   bold=True)
        box = QRectF(margin, h * 0.27, w - 2 * margin, h * 0.52)
        digits = view.countdown if not view.finished else "Thank you!"
        painter.setFont(self._font(self._fitted_px("00:00" if not view.finished else digits, box), True))
        painter.setPen(self._countdown_colour())
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), digits)
        phase = view.phase_label
        if view.state is ClockState.RUNNING and view.phase is ClockPhase.MEETING and self.last_minute:
            phase = "Almost time — please finish your conversation"
        colour = WARNING if view.state is ClockState.PAUSED else ACCENT
        self._text(painter, QRectF(margin, h * 0.81, w - 2 * margin, h * 0.12), phase, h * 0.065, colour, bold=True)

    def _board_rect(self) -> QRectF:
        w, h = float(self.width()), float(self.height())
        margin = h * 0.04
        return QRectF(margin, h * 0.2, w - 2 * margin, h * 0.69)

    def _paint_board(self, painter: QPainter) -> None:
        assert self.board is not None and self.view is not None
        w, h = float(self.width()), float(self.height())
        margin = h * 0.04
        view = self.view
        # The top band: what to do, which round, and the changeover's own countdown.
        title = "Find your table"
        round_line = f"Round {self.board.round_number} of {view.round_count}"
        if view.state is ClockState.IDLE:
            round_line += " — starting soon"
        self._text(painter, QRectF(margin, margin * 0.5, w * 0.62, h * 0.1), title, h * 0.08, TEXT, bold=True,
                   align=Qt.AlignmentFlag.AlignLeft)
        self._text(painter, QRectF(margin, h * 0.105, w * 0.62, h * 0.07), f"{round_line} · {isolate(self.event_name)}",
                   h * 0.04, MUTED, align=Qt.AlignmentFlag.AlignLeft)
        clock_box = QRectF(w * 0.66, margin * 0.4, w * 0.34 - margin, h * 0.15)
        if view.state is not ClockState.IDLE:
            painter.setFont(self._font(self._fitted_px("00:00", clock_box), True))
            painter.setPen(WARNING if view.state is ClockState.PAUSED else ACCENT)
            painter.drawText(clock_box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             view.countdown)
            caption = "paused" if view.state is ClockState.PAUSED else f"until round {self.board.round_number}"
            self._text(painter, QRectF(w * 0.66, clock_box.bottom() - h * 0.01, w * 0.34 - margin, h * 0.045),
                       caption, h * 0.032, MUTED, align=Qt.AlignmentFlag.AlignRight)

        layout = self.board_layout()
        area = self._board_rect()
        entries = self.entries_on_page(self.page)
        column_w = (area.width() - (layout.columns - 1) * layout.font_px) / layout.columns
        name_font = self._font(layout.font_px)
        table_font = self._font(layout.font_px, bold=True)
        name_metrics = QFontMetricsF(name_font)
        table_metrics = QFontMetricsF(table_font)
        widest = max((e.where for e in entries), key=table_metrics.horizontalAdvance, default="Waiting")
        table_w = table_metrics.horizontalAdvance(widest) + layout.font_px * 0.6
        for number, entry in enumerate(entries):
            column, row = divmod(number, layout.rows)
            x = area.left() + column * (column_w + layout.font_px)
            y = area.top() + row * layout.row_height
            cell = QRectF(x, y, column_w, layout.row_height)
            if row % 2 == 0:
                painter.fillRect(cell, STRIPE)
            inner = cell.adjusted(layout.font_px * 0.3, 0, -layout.font_px * 0.3, 0)
            name_box = QRectF(inner.left(), inner.top(), inner.width() - table_w, inner.height())
            painter.setFont(name_font)
            painter.setPen(TEXT)
            painter.drawText(name_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             name_metrics.elidedText(entry.name, Qt.TextElideMode.ElideRight, name_box.width()))
            painter.setFont(table_font)
            painter.setPen(ACCENT if entry.table is not None else WARNING)
            where = entry.where
            painter.drawText(QRectF(inner.right() - table_w, inner.top(), table_w, inner.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), where)

        # The foot: where waiting mentees go, and which page of names this is.
        foot = QRectF(margin, h * 0.9, w - 2 * margin, h * 0.08)
        pages = self.page_count
        note = self.board.waiting_note
        if pages > 1:
            indicator = self.page_indicator()
            self._text(painter, QRectF(foot.left() + foot.width() * 0.6, foot.top(), foot.width() * 0.4,
                                       foot.height()), indicator, h * 0.035, TEXT, bold=True,
                       align=Qt.AlignmentFlag.AlignRight)
            foot = QRectF(foot.left(), foot.top(), foot.width() * 0.58, foot.height())
        if note:
            self._text(painter, foot, note, h * 0.032, WARNING, align=Qt.AlignmentFlag.AlignLeft)

    def page_indicator(self) -> str:
        """Which page is up and the stretch of names it covers: "Page 2 of 5 · Eze – Kahale"."""
        entries = self.entries_on_page(self.page)
        first, last = entries[0].name if entries else "", entries[-1].name if entries else ""
        # Isolated: a right-to-left surname would otherwise swap the range and the page number.
        return (f"Page {self.page + 1} of {self.page_count} · {isolate(first.split(',')[0])} – "
                f"{isolate(last.split(',')[0])}")

    # -- paging

    def _update_paging(self) -> None:
        pages = self.page_count
        if self.page >= pages:
            self.page = 0
        if pages > 1 and self.isVisible():
            if not self.page_timer.isActive():
                self.page_timer.start()
        else:
            self.page_timer.stop()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self._update_paging()

    def _on_page_timer_timeout(self) -> None:
        self.next_page()
