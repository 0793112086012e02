"""Dragging people between groups: the payload a drag carries and the drop that reads it.

Members (of a real group or of a proposed one) are dragged as their person ids with the key of the
group they come from; a group list accepts the drop on a row and announces the move, and the screen
asks a service to make it. Nothing is moved by the model itself.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData

MEMBERS_MIME = "application/x-mentordesk-group-members"


def members_mime(source_key: object, person_ids: Sequence[int]) -> QMimeData:
    data = QMimeData()
    payload = {"from": source_key, "people": list(person_ids)}
    data.setData(MEMBERS_MIME, json.dumps(payload).encode())
    return data


def read_members_mime(data: QMimeData) -> tuple[object, list[int]] | None:
    """(source group key, person ids) from a drag, or None for anything else."""
    if not data.hasFormat(MEMBERS_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(MEMBERS_MIME).data()).decode())
        return payload["from"], [int(x) for x in payload["people"]]
    except (ValueError, KeyError, TypeError):
        return None
