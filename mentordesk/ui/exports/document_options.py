"""The Print & export page's options: what was chosen for each document, and the choices read from the event.

The options chosen for a document are remembered while the app runs and put back in the form when
it is chosen again (from the defaults when an option was renamed since); the badge options chosen
here are also the desk's for its one-person badge. Options whose choices come from the event
(groups, sessions, people) have them read in the background through the page's loads, and a choice
by number made in one event is forgotten when another is opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from mentordesk.printing import catalog
from mentordesk.printing.catalog import Choice, ChoicesFrom, DocumentKind
from mentordesk.ui.exports.options_form import OptionsForm
from mentordesk.ui.widgets import badge_printer
from mentordesk.ui.widgets.page import Page


class DocumentOptions:
    """The options shown in ``form``, remembered per document; choices read with ``page``'s loads."""

    def __init__(self, form: OptionsForm, page: Page) -> None:
        self.form = form
        self._page = page
        #: Options chosen per document key, for as long as the app runs.
        self.remembered: dict[str, dict[str, Any]] = {}

    def values(self) -> dict[str, Any]:
        """The options the form holds now."""
        return self.form.values()

    def show(self, kind: DocumentKind) -> None:
        """Put ``kind``'s options in the form, as last chosen."""
        try:
            values = kind.resolved_options(self.remembered.get(kind.key))
        except catalog.DocumentError:
            values = kind.resolved_options()  # an option was renamed since: start from the defaults
        # Some options are for other callers (the desk's one-person badge): the form leaves them out.
        hidden = set(kind.extra.get("hidden_options", ()))
        self.form.set_options([o for o in kind.options if o.key not in hidden], values)

    def keep(self, kind: DocumentKind) -> None:
        """Remember what the form holds as ``kind``'s options (another document is being chosen)."""
        self.remembered[kind.key] = self.form.values()

    def remember(self, kind: DocumentKind, options: dict[str, Any]) -> None:
        """``options`` were chosen for ``kind`` (edited, or used for a preview)."""
        self.remembered[kind.key] = options
        if kind.key == badge_printer.BADGES_KEY:
            badge_printer.remember_choice(options)

    def load_choices(self, kind: DocumentKind) -> None:
        """Read the choices of ``kind``'s event-dependent options in the background."""
        for spec in self.form.choice_sources():
            source = spec.choices_from
            assert source is not None
            self._page.load(f"exports.choices.{kind.key}.{spec.key}", partial(_read_choices, source),
                            partial(self.form.set_choices, source))

    def forget_event_choices(self, kinds: Sequence[DocumentKind]) -> None:
        """Another event: a group or person chosen by number in the last one means nothing here."""
        self.form.forget_choices()
        for kind in kinds:
            for spec in kind.options:
                if spec.choices_from is not None:
                    self.remembered.get(kind.key, {}).pop(spec.key, None)


def _read_choices(source: ChoicesFrom, session: Any, _event_id: int) -> tuple[Choice, ...]:
    return source(session)
