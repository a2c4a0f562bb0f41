"""CSV files people bring and take away: one reader for every import, one writer for every export.

Spreadsheets save CSV in many shapes: UTF-8 with a byte-order mark, semicolons where the decimal
separator is a comma (German and French Excel), tabs when copied. The reader accepts all of them;
the writer escapes cells a spreadsheet would run as a formula (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rainbow_admin.errors import InvalidInput

DELIMITERS = (",", ";", "\t")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_decode(data: bytes, *, max_bytes: int) -> str:
    """The text of an uploaded CSV file: UTF-8, with or without a byte-order mark."""
    if len(data) > max_bytes:
        raise InvalidInput(
            _("The file is too large (%(size)s MB at most).")
            % {"size": max_bytes // (1024 * 1024)},
            code="file_too_large",
            field="file",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            _("The file is not UTF-8 text: in the spreadsheet, save it as “CSV UTF-8”."),
            code="invalid_csv",
            field="file",
        ) from None


def _delimiter(header_line: str) -> str:
    # The header names no column with a comma, semicolon or tab in it: the one that splits it
    # most is the separator.
    return max(DELIMITERS, key=header_line.count)


def csv_rows(
    content: str, *, required: Sequence[str], max_rows: int | None = None
) -> list[dict[str, str]]:
    """The rows of a CSV text as dictionaries keyed by the lower-cased header names.

    Comma, semicolon or tab separated (taken from the header line, or from Excel's ``sep=`` line
    before it); a leading byte-order mark is ignored; cells are stripped; blank lines are skipped.
    The header must name every ``required`` column; more than ``max_rows`` rows is refused.
    """
    lines = content.removeprefix("\ufeff").lstrip("\r\n").split("\n", 1)
    first_line = lines[0].rstrip("\r")
    if first_line.lower().startswith("sep=") and len(first_line) == 5:
        # Excel's own hint line ("sep=;") names the separator and comes before the header.
        delimiter, content = first_line[4], lines[1] if len(lines) > 1 else ""
    else:
        delimiter, content = _delimiter(first_line), "\n".join(lines)
    reader = csv.reader(io.StringIO(content), delimiter=delimiter)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        missing = [name for name in required if name not in header]
        if missing:
            raise InvalidInput(
                ngettext(
                    "The first line of the file must name the columns %(columns)s, separated by "
                    "commas, semicolons or tabs; the column %(missing)s is missing.",
                    "The first line of the file must name the columns %(columns)s, separated by "
                    "commas, semicolons or tabs; the columns %(missing)s are missing.",
                    len(missing),
                )
                % {"columns": ", ".join(required), "missing": ", ".join(missing)},
                code="invalid_csv",
                field="file",
            )
        rows: list[dict[str, str]] = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            rows.append(
                {name: cell.strip() for name, cell in zip(header, cells, strict=False) if name}
            )
            if max_rows is not None and len(rows) > max_rows:
                raise InvalidInput(
                    _("At most %(max)s rows per file.") % {"max": max_rows},
                    code="too_many_rows",
                    field="file",
                )
    except csv.Error:
        # The csv module's own words (English, technical) are not for the reader.
        raise InvalidInput(
            _("The file is not a readable CSV file (a value may be too long)."),
            code="invalid_csv",
            field="file",
        ) from None
    if not rows:
        raise InvalidInput(_("The file has no rows."), code="invalid_csv", field="file")
    return rows


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object that hands back what is written, so each row becomes one chunk."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The lines of a CSV file, one at a time (for a streamed response), cells escaped."""
    writer = csv.writer(_Line())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([csv_cell(value) for value in row])
