"""Every printable document and its options: the one list the Print & export page and the CLI share.

A document kind is data (key, title, options) plus a ``build`` function that turns an event into
PDF bytes. Kinds register themselves from modules in ``mentordesk.printing.documents`` (one module
per family: badges, schedules, sheets, reports …), so adding a document never touches the UI.

``build`` receives a read session, the chosen option values (every option present, defaults
filled in) and a ``progress(done, total)`` callback. The callback raises :class:`Cancelled` when
the user has cancelled, which is how long exports stop promptly; ``build`` must let it propagate.

An option whose values come from the event (a group, a session, a mentee) names a
``choices_from(session)`` function; the page reads the choices in the background and offers a list,
while the CLI and ``build`` still take the same plain values (a name or a number).
"""

from __future__ import annotations

import importlib
import locale
import os
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from mentordesk.settings import PAGE_SIZE, Settings

Progress = Callable[[int, int], None]
OptionKind = Literal["choice", "bool", "int", "text"]


class Cancelled(Exception):
    """Raised by a progress callback when the user cancelled the export."""


class DocumentError(Exception):
    """The document cannot be made for this event (e.g. no rotation planned yet); one clear line."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    #: For choices that belong to a value of another option (a group's sessions): that value. The
    #: form offers this choice only while that option is blank or holds it; see
    #: ``OptionSpec.choices_within``.
    within: str = ""


#: Reads an option's choices from the open event (in a read session, off the UI thread).
ChoicesFrom = Callable[[Session], tuple[Choice, ...]]


@dataclass(frozen=True)
class OptionSpec:
    key: str
    label: str
    kind: OptionKind
    #: ``None`` for page size means "from the system locale" (see :func:`default_page_size`).
    default: Any
    choices: tuple[Choice, ...] = ()
    help: str = ""
    minimum: int = 0
    maximum: int = 1000
    #: Choices read from the event, for options whose values depend on its data. The first choice
    #: is the default one ("every group", "the next session"); when the event has nothing to choose
    #: from, the function returns only that entry, labelled to say so ("No groups yet").
    choices_from: ChoicesFrom | None = None
    #: Key of another option whose value narrows these choices (see ``Choice.within``).
    choices_within: str = ""
    #: Where the default comes from when it is the user's preference (the badge's label stock):
    #: called each time options are resolved, so a change in Preferences applies at once.
    default_from: Callable[[], Any] | None = None


@dataclass(frozen=True)
class DocumentKind:
    key: str
    title: str
    description: str
    build: Callable[[Session, Mapping[str, Any], Progress], bytes]
    options: tuple[OptionSpec, ...] = ()
    #: Suggested file name without extension, e.g. "badges".
    file_stem: str = "document"
    #: Sort key on the Print & export page (badges first, reports last).
    order: int = 100
    extra: Mapping[str, Any] = field(default_factory=dict)

    def resolved_options(self, chosen: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Every option's value: the chosen one where given, otherwise its default."""
        values: dict[str, Any] = {}
        chosen = chosen or {}
        for option in self.options:
            value = chosen.get(option.key, option.default)
            if value is None and option.default_from is not None:
                value = option.default_from()
            values[option.key] = value
        unknown = set(chosen) - {o.key for o in self.options}
        if unknown:
            raise DocumentError(f"{self.title}: unknown option(s) {', '.join(sorted(unknown))}")
        return values


PAGE_SIZE_KEY = "page_size"
PAGE_SIZES = ("A4", "Letter")
PAGE_SIZE_OPTION = OptionSpec(
    PAGE_SIZE_KEY,
    "Page size",
    "choice",
    default=None,
    choices=(Choice("A4", "A4 (210 × 297 mm)"), Choice("Letter", "US Letter (8.5 × 11 in)")),
    help="Defaults to the paper chosen in Preferences, or else the system's locale.",
    default_from=lambda: preferred_page_size(),
)

# Countries whose paper is US Letter (ISO 3166 alpha-2); everyone else uses A4.
_LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "DO", "CR", "PA", "SV", "NI", "BZ"}
)


def default_page_size(locale_name: str | None = None) -> str:
    """"Letter" where the locale's country uses it, else "A4".

    ``locale_name`` like "en_US.UTF-8"; by default the environment's (LC_PAPER, LC_ALL, LANG), then
    Python's view of the user's locale.
    """
    name = locale_name
    if name is None:
        for var in ("LC_PAPER", "LC_ALL", "LANG"):
            if os.environ.get(var):
                name = os.environ[var]
                break
        else:
            name = locale.getlocale()[0] or ""
    tag = name.split(".")[0].split("@")[0].replace("-", "_")
    country = tag.split("_")[-1].upper() if "_" in name or "-" in name else ""
    return "Letter" if country in _LETTER_COUNTRIES else "A4"


def page_size_choice(value: str) -> str | None:
    """``value`` as one of :data:`PAGE_SIZES` ("a4", " letter " too), or None."""
    folded = value.strip().lower()
    return next((size for size in PAGE_SIZES if size.lower() == folded), None)


def preferred_page_size(settings: Settings | None = None) -> str:
    """The paper chosen in Preferences (setting ``page_size``), else the locale's (:func:`default_page_size`)."""
    return page_size_choice((settings or Settings()).get(PAGE_SIZE)) or default_page_size()


_REGISTRY: dict[str, DocumentKind] = {}
_loaded = False


def register(kind: DocumentKind) -> DocumentKind:
    """Add a document kind (called at import time by modules of ``printing.documents``)."""
    _REGISTRY[kind.key] = kind
    return kind


def _load() -> None:
    global _loaded
    if _loaded:
        return
    from mentordesk.printing import documents as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
    _loaded = True


def documents() -> list[DocumentKind]:
    """Every registered document kind, in page order."""
    _load()
    return sorted(_REGISTRY.values(), key=lambda kind: (kind.order, kind.title))


def get(key: str) -> DocumentKind:
    _load()
    try:
        return _REGISTRY[key]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise DocumentError(f"unknown document {key!r}; known documents: {known}") from None


def build(session: Session, key: str, options: Mapping[str, Any] | None = None,
          progress: Progress | None = None) -> bytes:
    """Make one document's PDF bytes with its options resolved."""
    kind = get(key)
    return kind.build(session, kind.resolved_options(options), progress or (lambda _done, _total: None))
