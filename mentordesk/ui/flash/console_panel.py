"""The "Run" tab: the round clock on the laptop, its buttons and keys, the projector and chimes.

Every button has a key, named in its tooltip and in the line under the buttons; the keys work
whenever the Run tab is shown (the page gives it the focus). The buttons never take the focus,
so Space always pauses or resumes instead of pressing the last button clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.models import ClockPhase, ClockState
from mentordesk.services.flash.clock_face import ClockView
from mentordesk.ui.widgets.naming import named

#: name → (button text, key, what it does)
ACTIONS: dict[str, tuple[str, str, str]] = {
    "start": ("Start", "F5", "Start round 1"),
    "pause": ("Pause", "Space", "Pause or resume the clock"),
    "add_minute": ("+1 minute", "+", "Give the current round (or changeover) one more minute"),
    "skip": ("Skip ▸", "Ctrl+Right", "End this phase now and go on to the next"),
    "end": ("End…", "Ctrl+Shift+End", "Finish the session now (asks first; can be undone for a few minutes)"),
    "undo_end": ("Undo end", "Ctrl+Z", "Bring back the rounds End finished, where they were"),
    "projector": ("Projector", "F11", "Show the countdown full screen on the chosen screen (Esc there closes it)"),
}
#: The key line's words where the button's own would read oddly after its key ("+ +1 minute").
KEY_HINTS = {"add_minute": "one more minute"}


class ConsolePanel(QWidget):
    action_requested = Signal(str)
    chimes_toggled = Signal(bool)
    warning_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flashConsole")
        # The panel itself takes the focus, so its keys work as soon as the tab is shown.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self.shortcuts = {
            name: QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for name, (_text, key, _tip) in ACTIONS.items()
        }
        self._connect_signals()
        self.show_view(None)

    def _build(self) -> None:
        self.headline_label = named(QLabel(""), "flashHeadline")
        self.headline_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label = named(QLabel("--:--"), "flashCountdown")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.countdown_label.font())
        font.setPointSize(54)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.countdown_label.setFont(font)
        head_font = QFont(self.headline_label.font())
        head_font.setPointSize(18)
        head_font.setBold(True)
        self.headline_label.setFont(head_font)
        self.phase_label = named(QLabel(""), "flashPhase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label = named(QLabel(""), "pageSubtitle")
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setWordWrap(True)

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addStretch(1)
        for name, (text, key, tip) in ACTIONS.items():
            button = QPushButton(text)
            # A click leaves the keys with the console; Tab still reaches every button.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            shown_key = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{tip} ({shown_key})")
            self.buttons[name] = button
            if name == "projector":
                row.addSpacing(16)
            row.addWidget(button)
        row.addStretch(1)
        self.keys_label = named(QLabel(" · ".join(f"{QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)} "
                                            f"{KEY_HINTS.get(n, t.rstrip('…').lower())}"
                                            for n, (t, k, _) in ACTIONS.items())),
                                "checkinKeys")
        self.keys_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keys_label.setWordWrap(True)

        self.screen_combo = QComboBox()
        self.screen_combo.setAccessibleName("Projector screen")
        self.screen_combo.setToolTip("The screen the projector window opens on")
        self.screen_combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.refresh_screens()
        self.chimes_check = QCheckBox("Chimes")
        self.chimes_check.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.chimes_check.setToolTip("Chime at the warning and at the end of every round and changeover")
        self.warn_spin = QSpinBox()
        self.warn_spin.setRange(0, 600)
        self.warn_spin.setSingleStep(15)
        self.warn_spin.setSuffix(" s left")
        self.warn_spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.warn_spin.setToolTip("When the warning chime sounds and the projector turns amber (0: no warning)")
        self.warn_spin.setAccessibleName("Warning time")
        options = QHBoxLayout()
        options.addWidget(QLabel("Screen"))
        options.addWidget(self.screen_combo, 1)
        options.addSpacing(12)
        options.addWidget(self.chimes_check)
        options.addWidget(QLabel("warn at"))
        options.addWidget(self.warn_spin)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addStretch(1)
        layout.addWidget(self.headline_label)
        layout.addWidget(self.countdown_label)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.note_label)
        layout.addSpacing(10)
        layout.addLayout(row)
        layout.addWidget(self.keys_label)
        layout.addStretch(1)
        layout.addLayout(options)

    def _connect_signals(self) -> None:
        for name, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, n=name: self.action_requested.emit(n))
        for name, shortcut in self.shortcuts.items():
            # A key presses its button: a disabled button (e.g. Start once started) ignores it.
            shortcut.activated.connect(self.buttons[name].click)
        self.chimes_check.toggled.connect(self.chimes_toggled)
        self.warn_spin.valueChanged.connect(self._on_warn_spin_value_changed)

    def _on_warn_spin_value_changed(self, seconds: int) -> None:
        self.warning_changed.emit(seconds * 1000)

    def refresh_screens(self) -> None:
        current = self.screen_combo.currentData()
        self.screen_combo.clear()
        screens = QGuiApplication.screens()
        for number, screen in enumerate(screens, start=1):
            size = screen.size()
            self.screen_combo.addItem(f"{number}: {screen.name() or 'Screen'} ({size.width()}×{size.height()})",
                                      screen.name())
        # A second screen is usually the projector.
        index = self.screen_combo.findData(current) if current is not None else len(screens) - 1
        self.screen_combo.setCurrentIndex(max(0, index))

    def chosen_screen_name(self) -> str | None:
        return self.screen_combo.currentData()

    def show_view(self, view: ClockView | None, *, planned: bool = False, note: str = "") -> None:
        if view is None:
            self.headline_label.setText("No rounds planned")
            self.countdown_label.setText("--:--")
            self.phase_label.setText("Plan the rounds on the Plan tab first.")
        else:
            self.headline_label.setText(view.headline)
            self.countdown_label.setText(view.countdown)
            self.phase_label.setText(view.phase_label)
        warn = bool(view and view.phase is ClockPhase.MEETING and view.state is not ClockState.IDLE
                    and 0 < view.remaining_ms <= view.warn_at_ms)
        self.countdown_label.setProperty("lastMinute", warn)
        self.countdown_label.setStyleSheet("color: #d97706;" if warn else "")
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        state = view.state if view else None
        self.buttons["start"].setEnabled(planned and state is ClockState.IDLE)
        self.buttons["pause"].setEnabled(planned and state in (ClockState.RUNNING, ClockState.PAUSED))
        self.buttons["pause"].setText("Resume" if state is ClockState.PAUSED else "Pause")
        for name in ("add_minute", "skip", "end"):
            self.buttons[name].setEnabled(planned and state in (ClockState.RUNNING, ClockState.PAUSED))
        # Only while End can be taken back; otherwise Ctrl+Z presses a disabled button and does nothing.
        undo = bool(planned and view is not None and view.can_undo_end)
        self.buttons["undo_end"].setEnabled(undo)
        self.buttons["undo_end"].setVisible(undo)
        self.buttons["projector"].setEnabled(planned)
