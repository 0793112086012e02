"""``mentordesk kiosk status|unlock``: the kiosk's PIN lock, from the desk's own account.

After ten wrong PINs in a row a kiosk locks itself: guests can still check in, but no PIN
leaves it. The lock lives in the preferences file, so it can be lifted from anywhere the
organiser is logged in as the same user (another terminal, a remote shell): the kiosk on screen
asks for the PIN again the next time someone tries to leave it.
"""

from __future__ import annotations

import argparse

from mentordesk.cli import _GROUP_HELP, EXIT_OK, command

_GROUP_HELP["kiosk"] = "the self check-in kiosk's PIN lock"


@command("status", "say whether kiosk mode is locked after too many wrong PINs", group="kiosk")
def _cmd_kiosk_status(_args: argparse.Namespace) -> int:
    from mentordesk.settings import KIOSK_LOCKED, KIOSK_PIN, Settings

    settings = Settings()
    locked_at = settings.get(KIOSK_LOCKED)
    if locked_at:
        print(f"Kiosk mode locked itself at {locked_at} after too many wrong PINs; "
              "'mentordesk kiosk unlock' lifts the lock.")
    elif settings.get(KIOSK_PIN):
        print("Kiosk mode is not locked; a PIN is set.")
    else:
        print("Kiosk mode is not locked; no PIN is set yet (it is chosen when kiosk mode starts).")
    return EXIT_OK


@command("unlock", "lift the lock a kiosk put on itself after too many wrong PINs", group="kiosk")
def _cmd_kiosk_unlock(_args: argparse.Namespace) -> int:
    from mentordesk.settings import KIOSK_LOCKED, Settings

    settings = Settings()
    if not settings.get(KIOSK_LOCKED):
        print("Kiosk mode was not locked.")
        return EXIT_OK
    settings.set(KIOSK_LOCKED, "")
    print("Kiosk mode is unlocked: the kiosk asks for the PIN again the next time someone leaves it.")
    return EXIT_OK
