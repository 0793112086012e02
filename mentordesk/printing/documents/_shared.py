"""What the document families share: the read-then-draw ``build`` on the chosen page size, the
registration of such a document, and the options several families offer.

A helper, not a family: it registers nothing (``catalog`` imports every module of this package).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from mentordesk.printing.catalog import PAGE_SIZE_KEY, PAGE_SIZE_OPTION, DocumentKind, OptionSpec, Progress, register
from mentordesk.printing.option_choices import group_choices

Options = Mapping[str, Any]
Build = Callable[[Session, Options, Progress], bytes]

GROUP_OPTION = OptionSpec("group", "Group", "text", default="", help="A group's name or number; empty for every group.",
                          choices_from=group_choices)


def paged(read: Callable[[Session, Options], Any], render: Callable[..., bytes],
          render_options: Callable[[Options], dict[str, Any]] | None = None) -> Build:
    """A ``build`` that calls ``render(read(session, options), page=…, progress=…, **render_options(options))``."""

    def build(session: Session, options: Options, progress: Progress) -> bytes:
        extra = render_options(options) if render_options else {}
        return render(read(session, options), page=options[PAGE_SIZE_KEY], progress=progress, **extra)

    return build


def text_option(options: Options, key: str, default: str = "") -> str:
    """A text option's value as the data builders take it (blank when unset)."""
    return str(options[key] or default)


def register_paged(*, key: str, title: str, description: str, build: Build, options: tuple[OptionSpec, ...] = (),
                   order: int, file_stem: str = "") -> DocumentKind:
    """Register a document whose first option is the page size; the file stem defaults to the key with dashes."""
    return register(DocumentKind(
        key=key, title=title, description=description, build=build, options=(PAGE_SIZE_OPTION, *options),
        file_stem=file_stem or key.replace("_", "-"), order=order,
    ))
