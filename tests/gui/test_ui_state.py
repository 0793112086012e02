"""UI state in the INI file: recent files (most recent first, no duplicates, at most eight)."""

from __future__ import annotations

from pathlib import Path

from mentordesk import paths
from mentordesk.ui.ui_state import MAX_RECENT, UiState


def test_state_lives_in_the_ui_state_file(tmp_path: Path) -> None:
    state = UiState()
    state.add_recent_file(tmp_path / "a.mentordesk")
    state.sync()
    assert Path(state.file_name) == paths.ui_state_file()
    assert paths.ui_state_file().is_file()


def test_recent_files_order_and_limit(tmp_path: Path) -> None:
    state = UiState()
    files = [tmp_path / f"e{n}.mentordesk" for n in range(MAX_RECENT + 2)]
    for path in files:
        state.add_recent_file(path)
    state.add_recent_file(files[3])
    recent = UiState().recent_files()
    assert len(recent) == MAX_RECENT
    assert recent[0] == files[3]
    assert recent[1] == files[-1]
    assert len(set(recent)) == len(recent)


def test_a_single_recent_file_survives_a_round_trip(tmp_path: Path) -> None:
    UiState().add_recent_file(tmp_path / "only.mentordesk")
    assert UiState().recent_files() == [tmp_path / "only.mentordesk"]


def test_most_recent_existing_skips_missing_files(tmp_path: Path) -> None:
    present = tmp_path / "present.mentordesk"
    present.write_bytes(b"")
    state = UiState()
    state.add_recent_file(present)
    state.add_recent_file(tmp_path / "missing.mentordesk")
    assert state.most_recent_existing() == present


def test_a_damaged_state_file_falls_back_to_defaults() -> None:
    paths.ui_state_file().write_text("[files]\nrecent=@Invalid(\n[window]\npage=nonsense\n", encoding="utf-8")
    state = UiState()
    assert state.page() == 0
    assert state.geometry() is None
    assert all(isinstance(p, Path) for p in state.recent_files())
