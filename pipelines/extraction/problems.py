"""What extraction could not read, as values: a kind, the table and page it concerns, words.

Validation weighs these per table (a page of a table whose columns were not
recognised withholds that table); people read ``message``. Nothing downstream
matches on the message text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ProblemKind(StrEnum):
    TABLE_NOT_FOUND = "table_not_found"  # a standard table of the document's set is not located
    TABLE_NOT_FUNCTION_CODED = "table_not_function_coded"  # rows by source or unit, no codes
    PAGE_NOT_READ = "page_not_read"  # a page of a table whose columns were not recognised
    UNREADABLE_AMOUNT = "unreadable_amount"  # a value cell that is not an amount
    UNCODED_AMOUNTS = "uncoded_amounts"  # amounts in a row without a function code
    ROW_NOT_UNDERSTOOD = "row_not_understood"  # a 三公 row not mapped to its items
    SCANNED_PAGES = "scanned_pages"  # pages without a text layer
    PROSE_ONLY = "prose_only"  # no standard tables: the prose file of a document set


#: the kinds that show a table's rows were not all read (its verdict weighs them)
READING_FAILURES = frozenset(
    {
        ProblemKind.PAGE_NOT_READ,
        ProblemKind.UNREADABLE_AMOUNT,
        ProblemKind.UNCODED_AMOUNTS,
        ProblemKind.ROW_NOT_UNDERSTOOD,
    }
)


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    message: str  # for people: what was not read and where
    table_code: str | None = None
    page: int | None = None

    def __str__(self) -> str:
        return self.message

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "message": self.message,
            "table_code": self.table_code,
            "page": self.page,
        }

    @classmethod
    def from_json_dict(cls, data: dict[str, Any]) -> Problem:
        return cls(ProblemKind(data["kind"]), data["message"], data["table_code"], data["page"])


def table_problem(kind: ProblemKind, table_code: str, page: int | None, detail: str) -> Problem:
    """A problem of one table, its message naming the table and page."""
    where = f"table {table_code}" + (f" page {page}" if page is not None else "")
    return Problem(kind, f"{where}: {detail}", table_code, page)
