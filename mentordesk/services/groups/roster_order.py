"""The one order in which a group's people are listed: the attendance grid and the sign-in sheet.

Attendance is typed in from a printed sheet, so the grid must list people exactly as the sheet
does: by surname, then first name, ignoring case and accents ("Ødegård" files as "odegard",
"Émile" as "emile"), the person's id settling equal names. Someone with only one name is filed
under it as if it were the surname. Roles do not matter: the mentor is listed among the members.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from mentordesk.models.normalize import fold

T = TypeVar("T")


def sign_in_key(first_name: str, last_name: str, person_id: int) -> tuple[str, str, int]:
    surname = last_name or first_name
    return fold(surname), fold(first_name if last_name else ""), person_id


def sign_in_order(people: Iterable[T]) -> list[T]:
    """Items sorted in sign-in order; each needs ``first_name``, ``last_name`` and ``person_id`` or ``id``."""
    def key(item: Any) -> tuple[str, str, int]:
        ident = getattr(item, "person_id", None)
        if ident is None:
            ident = getattr(item, "id", 0)
        return sign_in_key(item.first_name or "", item.last_name or "", int(ident or 0))

    return sorted(people, key=key)
