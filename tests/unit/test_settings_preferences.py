"""The settings Preferences edits: paper and label stock as the documents' defaults, environment
overrides reported, every save announced to the screens that show it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk import settings as settings_module
from mentordesk.printing import catalog, labels
from mentordesk.settings import (
    ALL_SETTINGS,
    LABEL_STOCK,
    PAGE_SIZE,
    STATION_NAME,
    Settings,
    tidy_station_name,
)


def test_every_setting_has_its_own_key_and_variable() -> None:
    assert len({s.key for s in ALL_SETTINGS}) == len(ALL_SETTINGS)
    assert PAGE_SIZE.env_var == "MENTORDESK_PAGE_SIZE" and LABEL_STOCK.env_var == "MENTORDESK_LABEL_STOCK"


def test_the_paper_chosen_in_preferences_is_every_documents_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_PAPER", "de_DE.UTF-8")
    settings = Settings()
    assert catalog.preferred_page_size(settings) == "A4"
    settings.set(PAGE_SIZE, "Letter")
    assert catalog.preferred_page_size(Settings()) == "Letter"
    assert catalog.get("schedule").resolved_options()[catalog.PAGE_SIZE_KEY] == "Letter"
    # Chosen on the page (or the command line), the paper given wins.
    assert catalog.get("schedule").resolved_options({"page_size": "A4"})[catalog.PAGE_SIZE_KEY] == "A4"
    settings.set(PAGE_SIZE, "folio")  # not a paper we print on: the locale's
    assert catalog.preferred_page_size(Settings()) == "A4"


def test_the_label_stock_chosen_in_preferences_is_the_badges_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert catalog.get("badges").resolved_options()["layout"] == "avery-5392"
    Settings().set(PAGE_SIZE, "A4")
    assert catalog.get("badges").resolved_options()["layout"] == "avery-l4785"
    Settings().set(LABEL_STOCK, "durable-1456-02")
    assert catalog.get("badges").resolved_options()["layout"] == "durable-1456-02"
    assert catalog.get("calibration").resolved_options()["layout"] == "durable-1456-02"
    assert labels.preferred_stock_key() == "durable-1456-02"
    Settings().set(LABEL_STOCK, "gone-stock")
    assert labels.preferred_stock_key() == "avery-l4785"


def test_the_calibration_command_uses_the_preferred_stock(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    from mentordesk.cli import main

    Settings().set(LABEL_STOCK, "herma-4412")
    out = tmp_path / "calibration.pdf"
    assert main(["export", "calibration", "-o", str(out)]) == 0
    assert "HERMA 4412" in PdfReader(str(out)).pages[0].extract_text()


def test_a_setting_fixed_by_the_environment_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    assert settings.overridden_by(STATION_NAME) is None
    monkeypatch.setenv("MENTORDESK_STATION_NAME", "Kiosk 3")
    assert settings.overridden_by(STATION_NAME) == "MENTORDESK_STATION_NAME"


def test_every_save_is_announced_with_its_key() -> None:
    heard: list[str] = []
    settings_module.add_listener(heard.append)
    try:
        Settings().set(STATION_NAME, "Desk 4")
        Settings().set(PAGE_SIZE, "A4")
    finally:
        settings_module.remove_listener(heard.append)
    Settings().set(STATION_NAME, "Desk 5")
    assert heard == ["station_name", "page_size"]


def test_station_names_are_tidied_once_for_everyone() -> None:
    assert tidy_station_name("  Front\t desk  2 ") == "Front desk 2"
    assert len(tidy_station_name("x" * 300)) == settings_module.STATION_MAX_CHARS
