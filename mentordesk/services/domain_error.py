"""The one base of every "the event's rules say no" error the services raise.

A :class:`DomainError` is not a bug and not the environment's fault: a code that matches nobody,
a check-out of someone not checked in, a group without a name. Its text is written for the person
at the screen and is shown where they acted (``ui/operations.py``) or printed by the command line,
never with a traceback. Each service keeps its own subclass (``CheckinError``, ``GroupError`` …),
so a caller can still catch only the refusals it expects.
"""

from __future__ import annotations


class DomainError(ValueError):
    """A request the event's rules refuse; ``str(error)`` says why, in the user's words."""
