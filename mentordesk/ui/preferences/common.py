"""What the Preferences tabs share: a setting fixed by the environment shown as such, hint labels."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from mentordesk.settings import Setting, Settings
from mentordesk.ui.widgets.naming import named


def hint(text: str) -> QLabel:
    """A muted line under a setting that says what it does."""
    label = named(QLabel(text), "pageSubtitle")
    label.setWordWrap(True)
    return label


def fixed_by_environment(settings: Settings, setting: Setting[Any], *editors: QWidget) -> QLabel | None:
    """When an environment variable sets ``setting`` for this run, the editors are disabled and a
    label says so (a value chosen here would not be used); otherwise None."""
    variable = settings.overridden_by(setting)
    if variable is None:
        return None
    for editor in editors:
        editor.setEnabled(False)
        editor.setToolTip(f"Set by {variable} for this run")
    label = named(QLabel(f"Set by the environment variable {variable} for this run: change it there, or remove "
                         "it to use what is chosen here."), "inlineError")
    label.setWordWrap(True)
    return label
