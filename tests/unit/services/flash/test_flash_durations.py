"""Changeover durations in words and back: "1 min 30 s" is 90 seconds, both ways."""

from __future__ import annotations

import pytest

from mentordesk.services.flash.durations import changeover_phrase, parse_seconds, seconds_text


@pytest.mark.parametrize(("seconds", "text", "phrase"), [
    (0, "none", ""), (15, "15 s", "15-second changeover"), (60, "1 min", "1-minute changeover"),
    (90, "1 min 30 s", "90-second changeover"), (600, "10 min", "10-minute changeover"),
    (3600, "60 min", "60-minute changeover"),
])
def test_seconds_in_words(seconds: int, text: str, phrase: str) -> None:
    assert seconds_text(seconds) == text
    assert changeover_phrase(seconds) == phrase
    assert parse_seconds(text) == seconds  # what the form shows, it reads back


@pytest.mark.parametrize(("typed", "seconds"), [
    ("90", 90), ("90 s", 90), ("90 sec", 90), ("1:30", 90), ("1m30s", 90), ("1 min 30 s", 90),
    ("1.5 min", 90), ("1,5 min", 90), ("2 minutes", 120), (" 45 ", 45), ("none", 0), ("0", 0), ("1 MIN", 60),
])
def test_typed_durations(typed: str, seconds: int) -> None:
    assert parse_seconds(typed) == seconds


@pytest.mark.parametrize("typed", ["", "soon", "1 min x", "min", "1:75", "-5"])
def test_not_durations(typed: str) -> None:
    assert parse_seconds(typed) is None
