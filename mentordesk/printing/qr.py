"""QR codes drawn as vector shapes: sharp at any printer resolution and a few hundred bytes each.

Dark modules of a row are merged into one rectangle per run, all of a code's rectangles form one
filled path written in module units under a scaling transform, so a 21 × 21 code is about 120
short ``re`` operators rather than a bitmap.

The payload is the person's badge code as stored (opaque, uppercase letters and digits, so the
compact alphanumeric mode applies); ``services.lookup.code_candidates`` reads it back at the desk.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M

#: Light modules required around a code (the standard asks for 4; 2 is plenty on a white badge,
#: and callers keep other ink outside this margin).
QUIET_MODULES = 2


@lru_cache(maxsize=4096)
def matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, dark = True, without quiet zone.

    The mask pattern is fixed: choosing the "best" of eight costs eight full encodings (1.6 ms a
    code, most of the time of a 1,000-badge print); every mask is valid and short codes scan
    equally well with any of them.
    """
    code = qrcode.QRCode(version=None, error_correction=ERROR_CORRECT_M, border=0, mask_pattern=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


@lru_cache(maxsize=4096)
def _path_ops(payload: str) -> tuple[int, str]:
    modules = matrix(payload)
    count = len(modules)
    ops: list[str] = []
    for r, row in enumerate(modules):
        y = count - 1 - r  # PDF y grows upwards, matrix rows go down
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                ops.append(f"{start} {y} {c - start} 1 re")
            else:
                c += 1
    return count, "\n".join(ops)


def modules_count(payload: str) -> int:
    return len(matrix(payload))


def draw_qr(canvas: Any, x: float, y: float, size: float, payload: str, *, color: str = "0 g") -> None:
    """Draw the code for ``payload`` filling the square with bottom-left corner (x, y) and side ``size``.

    The quiet zone is *not* inside the square: keep :data:`QUIET_MODULES` modules free around it.
    """
    count, ops = _path_ops(payload)
    scale = size / count
    # Raw operators through the public addLiteral: reportlab's path objects format every number
    # through Python and would make QR drawing the slowest part of a badge.
    canvas.addLiteral(f"q\n{scale:.4f} 0 0 {scale:.4f} {x:.3f} {y:.3f} cm\n{color}\n{ops}\nf\nQ")
