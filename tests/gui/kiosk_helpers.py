"""Opening a kiosk from the page that owns it, as an organiser does: shared by the kiosk tests."""

from __future__ import annotations

from typing import TypeVar

from focus_helpers import activate, wait_focus
from pytestqt.qtbot import QtBot

from mentordesk.settings import KIOSK_PIN
from mentordesk.ui.widgets.kiosk_base import KioskBase, KioskHost

K = TypeVar("K", bound=KioskBase)


def open_kiosk(host: KioskHost, qtbot: QtBot, pin: str, kind: type[K]) -> K:
    """Set the PIN, press the host's kiosk button and wait until the kiosk's field has the focus."""
    host.settings.set(KIOSK_PIN, pin)
    host.kiosk_button.click()  # type: ignore[attr-defined]
    kiosk = host.kiosk
    assert isinstance(kiosk, kind)
    qtbot.waitExposed(kiosk)
    # A kiosk is used through its own window's keys (Esc, the PIN): it must be the active window.
    activate(qtbot, kiosk)
    wait_focus(qtbot, kiosk.field)
    return kiosk
