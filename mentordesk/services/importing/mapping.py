"""Which column of the file feeds which field: guessed from the headers, correctable by the user.

A ``ColumnMapping`` is an immutable value: the import dialog shows one drop-down per column and,
when the user picks another field, replaces its mapping with ``with_field``. A field is fed by at
most one column, so choosing a field for one column takes it away from any other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mentordesk.models.normalize import fold
from mentordesk.services.importing.fields import Field
from mentordesk.services.importing.headers import match_header
from mentordesk.services.importing.limits import excerpt, number
from mentordesk.services.importing.table import Table

_NAME_FIELDS = (Field.FULL_NAME, Field.FIRST_NAME, Field.LAST_NAME)


@dataclass(frozen=True)
class ColumnMapping:
    headers: tuple[str, ...]
    #: For each column (same order as ``headers``), the field it feeds, or None when ignored.
    fields: tuple[Field | None, ...]

    def __post_init__(self) -> None:
        if len(self.headers) != len(self.fields):
            raise ValueError("a mapping needs one entry per column")
        used = [field for field in self.fields if field is not None]
        if len(used) != len(set(used)):
            raise ValueError("a field can be fed by one column only")

    @classmethod
    def from_fields(cls, headers: Sequence[str], chosen: Mapping[int, Field]) -> ColumnMapping:
        """A mapping from ``{column index: field}``; columns not named are ignored."""
        return cls(tuple(headers), tuple(chosen.get(index) for index in range(len(headers))))

    def column_of(self, field: Field) -> int | None:
        try:
            return self.fields.index(field)
        except ValueError:
            return None

    def with_field(self, column: int, field: Field | None) -> ColumnMapping:
        """This mapping with ``column`` feeding ``field`` (None: ignored); the field leaves any other column."""
        if not 0 <= column < len(self.fields):
            raise IndexError(f"there is no column {column}")
        fields = [None if existing == field else existing for existing in self.fields]
        fields[column] = field
        return ColumnMapping(self.headers, tuple(fields))

    def as_dict(self) -> dict[int, Field]:
        return {index: field for index, field in enumerate(self.fields) if field is not None}

    @property
    def has_name(self) -> bool:
        return any(field in self.fields for field in _NAME_FIELDS)

    @property
    def has_role(self) -> bool:
        return Field.ROLE in self.fields or Field.TICKET_TYPE in self.fields

    @property
    def missing(self) -> tuple[Field, ...]:
        """What the dialog should ask the user to map.

        ``FULL_NAME`` stands for any name column (without one the file cannot be imported),
        ``EMAIL`` for the e-mail address (recommended: it is how re-imports recognise people), and
        ``ROLE`` for a role or ticket-type column (without one, choose a role for the whole file).
        """
        missing: list[Field] = []
        if not self.has_name:
            missing.append(Field.FULL_NAME)
        if Field.EMAIL not in self.fields:
            missing.append(Field.EMAIL)
        if not self.has_role:
            missing.append(Field.ROLE)
        return tuple(missing)


def guess_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The most likely field for each column; where several columns could feed a field, the best one."""
    candidates = []
    for index, header in enumerate(headers):
        found = match_header(header)
        if found is not None:
            candidates.append((-found.score, index, found.field))
    fields: list[Field | None] = [None] * len(headers)
    taken: set[Field] = set()
    # Best score first; equal scores go to the leftmost column, which exports put first for a reason.
    for _score, index, field in sorted(candidates, key=lambda item: (item[0], item[1])):
        if field not in taken:
            fields[index] = field
            taken.add(field)
    return ColumnMapping(tuple(headers), tuple(fields))


def duplicate_columns(table: Table, mapping: ColumnMapping) -> list[str]:
    """A warning for each column that shares its header with an imported column and holds other values.

    Exports sometimes repeat a header (two "Email" columns: the buyer's and the attendee's); only
    one of them can feed the field, and the user must hear that the other was left out.
    """
    by_header: dict[str, list[int]] = {}
    for index, header in enumerate(mapping.headers):
        if header.strip():
            by_header.setdefault(fold(header), []).append(index)
    warnings = []
    for columns in by_header.values():
        used = [index for index in columns if mapping.fields[index] is not None]
        if len(columns) < 2 or not used:
            continue
        kept = used[0]
        field = mapping.fields[kept]
        assert field is not None
        for other in columns:
            if other == kept or mapping.fields[other] is not None:
                continue
            differing = sum(
                1 for row in table.rows if row.cell(other).strip() and row.cell(other).strip() != row.cell(kept).strip()
            )
            if differing:
                rows = "row" if differing == 1 else "rows"
                warnings.append(
                    f"columns {kept + 1} and {other + 1} are both called “{excerpt(mapping.headers[kept])}”: "
                    f"column {kept + 1} was imported as {field.label.lower()} and column {other + 1} was left out, "
                    f"although it holds other values on {number(differing)} {rows}; to import that column instead, "
                    "choose it in the import window or rename the other"
                )
    return warnings
