"""The log file is private, bounded in size, and masks e-mail addresses."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentordesk import logfile, paths


@pytest.fixture
def logger() -> Iterator[logging.Logger]:
    made = logging.getLogger("mentordesk.test-logfile")
    made.propagate = False
    yield made
    for handler in list(made.handlers):
        made.removeHandler(handler)
        handler.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_log_is_readable_by_the_user_only(logger: logging.Logger) -> None:
    target = logfile.attach(logger)
    logger.info("desk started")
    assert target == paths.log_file().resolve()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_log_rotates_instead_of_growing_without_end(logger: logging.Logger,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 10_000)
    target = logfile.attach(logger)
    assert target is not None
    for n in range(2_000):
        logger.info("scan %d recorded for person id %d", n, n)
    files = sorted(target.parent.glob(target.name + "*"))
    assert [f.name for f in files] == [target.name] + [f"{target.name}.{n}" for n in range(1, logfile.BACKUP_COUNT + 1)]
    assert all(f.stat().st_size <= 10_000 for f in files)
    if os.name == "posix":
        assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_e_mail_addresses_are_masked(logger: logging.Logger) -> None:
    target = logfile.attach(logger)
    assert target is not None
    logger.error("could not check in zoe.simunek+desk@example.org (id 7)")
    text = Path(target).read_text(encoding="utf-8")
    assert "example.org" not in text and "<e-mail> (id 7)" in text


def test_an_unwritable_log_folder_does_not_stop_anything(logger: logging.Logger, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("MENTORDESK_HOME", str(blocker))
    assert logfile.attach(logger) is None
