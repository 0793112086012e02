"""What an import did, as plain values: counts, skipped rows, warnings and likely duplicates."""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.services.importing.rows import RowIssue


@dataclass(frozen=True)
class LikelyDuplicate:
    """Lines of the file that probably describe the same person, or someone already in the event."""

    lines: tuple[int, ...]
    name: str
    reason: str
    person_ids: tuple[int, ...] = ()

    def describe(self) -> str:
        if len(self.lines) == 1:
            where = f"line {self.lines[0]}"
        else:
            where = "lines " + ", ".join(str(line) for line in self.lines[:-1]) + f" and {self.lines[-1]}"
        return f"{where} ({self.name}): {self.reason}"


@dataclass(frozen=True)
class ImportSummary:
    source_name: str
    #: Data rows in the file (blank rows not counted); each is added, updated, unchanged or skipped.
    rows_read: int
    added: int
    updated: int
    unchanged: int
    skipped: tuple[RowIssue, ...] = ()
    warnings: tuple[RowIssue, ...] = ()
    duplicates: tuple[LikelyDuplicate, ...] = ()
    added_ids: tuple[int, ...] = ()
    updated_ids: tuple[int, ...] = ()
    #: (line, "added" / "updated" / "unchanged" / "skipped") for every data row, in file order.
    outcomes: tuple[tuple[int, str], ...] = ()

    def describe(self) -> str:
        """One line: "Read 45 rows from attendees.csv: 40 added, 3 updated, 0 unchanged, 2 skipped"."""
        rows = "row" if self.rows_read == 1 else "rows"
        text = (
            f"Read {self.rows_read} {rows} from {self.source_name}: {self.added} added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.skipped)} skipped"
        )
        extras = []
        if self.warnings:
            extras.append(_count(len(self.warnings), "warning"))
        if self.duplicates:
            extras.append(_count(len(self.duplicates), "likely duplicate"))
        return text + (f" ({', '.join(extras)})" if extras else "")

    def problem_lines(self) -> list[str]:
        """Every skipped row, warning and likely duplicate as a line of text, in file order."""
        entries: list[tuple[int, int, str]] = []
        entries += [(issue.line, 0, f"skipped {issue.describe()}") for issue in self.skipped]
        entries += [(issue.line, 1, f"warning {issue.describe()}") for issue in self.warnings]
        entries += [(dup.lines[0], 2, f"likely duplicate {dup.describe()}") for dup in self.duplicates]
        return [text for _line, _order, text in sorted(entries)]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
