"""pandera schemas for the extracted tables, one ``DataFrameModel`` per table shape.

An :class:`~pipelines.extraction.model.ExtractedTable` is turned into a pandas
frame by :func:`table_to_frame`: one row per printed row, the columns
``row_key``, ``row_label``, ``page`` (and ``side`` for the statements 01/04),
then one column per canonical amount key of the table. Amount columns hold
Python ``Decimal`` objects in ``object`` dtype: never floats.

Every model is ``strict`` (no column outside the catalogue) and ``coerce``,
and is validated ``lazy=True`` so that every failure case of a table is
reported at once. Each failure case becomes a :class:`Finding` with the rule id
``SCHEMA_<SHAPE>_<CHECK>`` (see :data:`SCHEMA_RULES`) and severity 'error'.

Checks:
- function tables (02, 03, 05, 07, 08): ``row_key`` is a 3, 5 or 7 digit
  function code or 'total', unique in the table;
- table 06: ``row_key`` is a 3 or 5 digit economic code or one of the footer
  keys 'personnel_total' / 'public_total', unique;
- table 09: ``row_key`` is one of the six cost items, unique;
- statements (01, 04): non-empty label, ``side`` 'income' or 'expenditure',
  ``(side, row_key)`` unique;
- required amount columns present (per table, :data:`REQUIRED_COLUMNS`);
- every amount is a ``Decimal`` with at most 2 decimal places;
- amounts non-negative in function tables, 06 and 09. Statements may hold
  negatives (carry-over lines), so they are not checked for sign.

Budget documents (``document_kind == 'budget'``) are extracted onto the same
table codes and column keys (see ``BUDGET_TABLES`` in
:mod:`pipelines.extraction.catalogue`) and validated by the same models, except
where a budget table legitimately prints fewer columns (:data:`BUDGET_SCHEMA_BY_TABLE`):
- 09 "三公"经费预算表: only ``budget`` is required (a budget has no 决算数);
- function tables 03, 05, 07, 08 printed in the single-amount form (one
  金额 / 合计 column, e.g. Jiangsu "金额"): only ``total`` is required. A budget
  function table that prints ``basic`` or ``project`` at all is validated with
  the final-account model, so that a half-recognised header still fails;
- 06 may hold a ``total`` row (合计) above or below its codes: the row-key
  pattern already allows it, and rule ``T06_GRAND_TOTAL`` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors
from pandera.typing import Series

from pipelines.extraction.catalogue import SPEC_BY_CODE, THREE_PUBLIC_ITEMS
from pipelines.extraction.model import ExtractedTable

from .findings import Finding, Rule

# Columns of the frame that are not amounts.
KEY_COLUMNS = ("row_key", "row_label", "page", "side")
_AMOUNT_COLUMN_REGEX = r"^(?!row_key$|row_label$|page$|side$).+$"
_CENT = Decimal("0.01")

FUNCTION_CODE_PATTERN = r"^(\d{3}|\d{5}|\d{7}|total)$"
ECONOMIC_CODE_PATTERN = r"^(\d{3}|\d{5}|total|personnel_total|public_total)$"

SHAPE_NAMES = {
    "function": "FUNCTION",
    "economic": "ECONOMIC",
    "statement": "STATEMENT",
    "three_public": "THREE_PUBLIC",
}


def _is_cents_decimal(value: Any) -> bool:
    return isinstance(value, Decimal) and value.is_finite() and value == value.quantize(_CENT)


def _is_not_negative(value: Any) -> bool:
    # Non-Decimals are reported by the decimal check; do not report them twice.
    return not isinstance(value, Decimal) or not value.is_finite() or value >= 0


class _AmountTable(pa.DataFrameModel):
    """Common frame layout: the row's identity, its page, and Decimal amounts."""

    row_label: Series[str]
    page: Series[int]

    class Config:
        strict = True
        coerce = True

    # The method name equals the check name: pandera may report either.
    @pa.check(_AMOUNT_COLUMN_REGEX, regex=True, name="decimal_amount")
    def decimal_amount(cls, amounts: pd.Series) -> pd.Series:
        """Every amount is a Python Decimal with at most 2 decimal places."""
        return amounts.map(_is_cents_decimal).astype(bool)


class _NonNegativeAmountTable(_AmountTable):
    @pa.check(_AMOUNT_COLUMN_REGEX, regex=True, name="non_negative_amount")
    def non_negative_amount(cls, amounts: pd.Series) -> pd.Series:
        """The table promises amounts that are zero or more."""
        return amounts.map(_is_not_negative).astype(bool)


class _FunctionTable(_NonNegativeAmountTable):
    row_key: Series[str] = pa.Field(str_matches=FUNCTION_CODE_PATTERN, unique=True)


class IncomeByFunctionSchema(_FunctionTable):
    """Table 02 收入决算表: rows by function code, columns by income source."""

    total: Series[object]
    fiscal_appropriation: Series[object]
    superior_subsidy: Series[object] | None
    business_income: Series[object] | None
    operating_income: Series[object] | None
    affiliated_remittance: Series[object] | None
    other_income: Series[object] | None


class ExpenditureByFunctionSchema(_FunctionTable):
    """Table 03 支出决算表: basic / project / remit / business / subsidy."""

    total: Series[object]
    basic: Series[object]
    project: Series[object]
    remit_to_higher: Series[object] | None
    business: Series[object] | None
    subsidy_to_affiliates: Series[object] | None


class BasicProjectByFunctionSchema(_FunctionTable):
    """Tables 05 and 08: total / basic / project."""

    total: Series[object]
    basic: Series[object]
    project: Series[object]


class GovernmentFundSchema(_FunctionTable):
    """Table 07 政府性基金预算财政拨款收入支出决算表."""

    carryover_begin: Series[object] | None
    income: Series[object] | None
    total: Series[object]
    basic: Series[object]
    project: Series[object]
    carryover_end: Series[object] | None


class EconomicClassSchema(_NonNegativeAmountTable):
    """Table 06 基本支出决算明细表: economic codes and the two footers."""

    row_key: Series[str] = pa.Field(str_matches=ECONOMIC_CODE_PATTERN, unique=True)
    amount: Series[object]


class ThreePublicSchema(_NonNegativeAmountTable):
    """Table 09 "三公"经费支出决算表: budget and actual per cost item."""

    row_key: Series[str] = pa.Field(isin=list(THREE_PUBLIC_ITEMS), unique=True)
    budget: Series[object]
    actual: Series[object]


class _StatementTable(_AmountTable):
    """Statements 01 and 04: printed line labels on an income and an expenditure side."""

    row_key: Series[str] = pa.Field(str_length={"min_value": 1})
    side: Series[str] = pa.Field(isin=["income", "expenditure"])

    class Config:
        strict = True
        coerce = True
        unique = ["side", "row_key"]


class StatementSchema01(_StatementTable):
    """Table 01 收入支出决算总表: one amount column on both sides."""

    amount: Series[object] = pa.Field(nullable=True)


class StatementSchema04(_StatementTable):
    """Table 04 财政拨款收入支出决算总表: income amount; expenditure by fund type."""

    amount: Series[object] | None = pa.Field(nullable=True)
    total: Series[object] | None = pa.Field(nullable=True)
    general_public_budget: Series[object] | None = pa.Field(nullable=True)
    government_fund: Series[object] | None = pa.Field(nullable=True)
    state_capital: Series[object] | None = pa.Field(nullable=True)


class BudgetThreePublicSchema(_NonNegativeAmountTable):
    """Budget table 09 "三公"经费预算表: the budget column only (no 决算数)."""

    row_key: Series[str] = pa.Field(isin=list(THREE_PUBLIC_ITEMS), unique=True)
    budget: Series[object]
    actual: Series[object] | None


class SingleAmountByFunctionSchema(_FunctionTable):
    """Budget function tables (03, 05, 07, 08) printed with a single amount column."""

    total: Series[object]
    basic: Series[object] | None
    project: Series[object] | None


SCHEMA_BY_TABLE: dict[str, type[pa.DataFrameModel]] = {
    "01": StatementSchema01,
    "02": IncomeByFunctionSchema,
    "03": ExpenditureByFunctionSchema,
    "04": StatementSchema04,
    "05": BasicProjectByFunctionSchema,
    "06": EconomicClassSchema,
    "07": GovernmentFundSchema,
    "08": BasicProjectByFunctionSchema,
    "09": ThreePublicSchema,
}

# Budget documents: models that replace the final-account ones (see the module docstring).
BUDGET_SCHEMA_BY_TABLE: dict[str, type[pa.DataFrameModel]] = {
    "09": BudgetThreePublicSchema,
}
SINGLE_AMOUNT_FUNCTION_TABLES = ("03", "05", "07", "08")


def _is_single_amount(table: ExtractedTable) -> bool:
    """A function table that prints one amount column (合计/金额) and no basic/project split."""
    keys = {c.key for c in table.columns} | {k for r in table.rows for k in r.values}
    return "total" in keys and not keys & {"basic", "project"}


def schema_for(
    table: ExtractedTable, document_kind: str | None = None
) -> type[pa.DataFrameModel] | None:
    """The model one table is validated with, by table code and document kind."""
    if document_kind == "budget":
        if table.table_code in BUDGET_SCHEMA_BY_TABLE:
            return BUDGET_SCHEMA_BY_TABLE[table.table_code]
        if table.table_code in SINGLE_AMOUNT_FUNCTION_TABLES and _is_single_amount(table):
            return SingleAmountByFunctionSchema
    return SCHEMA_BY_TABLE.get(table.table_code)


# pandera check name (prefix) -> the <CHECK> part of the rule id.
_CHECK_IDS: tuple[tuple[str, str], ...] = (
    ("column_in_dataframe", "REQUIRED_COLUMN"),
    ("column_in_schema", "UNEXPECTED_COLUMN"),
    ("field_uniqueness", "DUPLICATE_KEY"),
    ("multiple_fields_uniqueness", "DUPLICATE_KEY"),
    ("str_matches", "ROW_KEY_FORMAT"),
    ("isin", "ROW_KEY_FORMAT"),
    ("str_length", "ROW_KEY_FORMAT"),
    ("decimal_amount", "AMOUNT_NOT_DECIMAL"),
    ("non_negative_amount", "NEGATIVE_AMOUNT"),
    ("not_nullable", "MISSING_VALUE"),
    ("coerce_dtype", "WRONG_TYPE"),
    ("dtype", "WRONG_TYPE"),
)

_CHECK_DESCRIPTIONS = {
    "REQUIRED_COLUMN": "a column the table must have is missing",
    "UNEXPECTED_COLUMN": "a column outside the catalogue for this table shape",
    "DUPLICATE_KEY": "row keys are unique in a table (per side for statements)",
    "ROW_KEY_FORMAT": "row key format: function codes 3/5/7 digits or 'total'; "
    "economic codes 3/5 digits or the footer keys; 三公 cost items; "
    "statements a non-empty label on side income/expenditure",
    "AMOUNT_NOT_DECIMAL": "every amount is a Decimal with at most 2 decimal places",
    "NEGATIVE_AMOUNT": "amounts are non-negative where the table promises it",
    "MISSING_VALUE": "a required value is missing",
    "WRONG_TYPE": "a value cannot be coerced to the column's type",
    "OTHER": "any other schema failure",
}

SCHEMA_RULES: tuple[Rule, ...] = tuple(
    Rule(
        rule_id=f"SCHEMA_{shape}_{check}",
        severity="error",
        table_codes=",".join(
            code for code, spec in sorted(SPEC_BY_CODE.items()) if spec.shape == shape_key
        ),
        identity=description,
        description=f"pandera schema check on the {shape_key} table shape: {description}",
    )
    for shape_key, shape in SHAPE_NAMES.items()
    for check, description in _CHECK_DESCRIPTIONS.items()
    if not (shape == "STATEMENT" and check == "NEGATIVE_AMOUNT")
)


@dataclass
class SchemaResult:
    """What schema validation found for one table."""

    table_code: str
    row_count: int
    findings: list[Finding] = field(default_factory=list)
    failed_rows: set[int] = field(default_factory=set)  # frame index of rows with failures
    missing_columns: list[str] = field(default_factory=list)
    checks_evaluated: int = 0


def _is_blank_statement_line(table: ExtractedTable, index: int) -> bool:
    row = table.rows[index]
    return not row.row_key.strip() and all(
        isinstance(v, Decimal) and v == 0 for v in row.values.values()
    )


def table_to_frame(table: ExtractedTable) -> pd.DataFrame:
    """Turn an extracted table into the frame its schema validates.

    Columns: ``row_key``, ``row_label``, ``page``, ``side`` (statements only),
    then one column per amount key: the table's declared columns in order, then
    any other key found in the rows' values (so that a stray key fails the
    strict schema). Amounts stay Python ``Decimal`` objects in ``object`` dtype;
    a key missing from a row is ``None``. Statement lines with neither label
    nor amount (the blank numbered lines 9…26 of table 01) are dropped.
    """
    spec = SPEC_BY_CODE.get(table.table_code)
    is_statement = spec is not None and spec.shape == "statement"
    amount_keys: list[str] = []
    for column in table.columns:
        if column.key not in amount_keys:
            amount_keys.append(column.key)
    for row in table.rows:
        for key in row.values:
            if key not in amount_keys:
                amount_keys.append(key)

    records: dict[str, list[Any]] = {"row_key": [], "row_label": [], "page": []}
    if is_statement:
        records["side"] = []
    for key in amount_keys:
        records[key] = []
    index: list[int] = []
    for i, row in enumerate(table.rows):
        if is_statement and _is_blank_statement_line(table, i):
            continue
        index.append(i)
        records["row_key"].append(row.row_key)
        records["row_label"].append(row.row_label)
        records["page"].append(row.page)
        if is_statement:
            records["side"].append(row.side)
        for key in amount_keys:
            records[key].append(row.values.get(key))
    frame = pd.DataFrame(
        {
            name: pd.Series(values, dtype=object, index=index)
            if name not in ("page",)
            else pd.Series(values, index=index, dtype="int64")
            for name, values in records.items()
        }
    )
    return frame


def _check_id(check: Any) -> str:
    name = str(check)
    for prefix, check_id in _CHECK_IDS:
        if name.startswith(prefix):
            return check_id
    return "OTHER"


def _row_location(table: ExtractedTable, frame: pd.DataFrame, index: Any) -> str:
    try:
        row = table.rows[int(index)]
    except (TypeError, ValueError, IndexError):
        return table.table_code
    if row.side:
        return f"{table.table_code}/{row.side}/{row.row_key}"
    return f"{table.table_code}/{row.row_key}"


def validate_table_schema(table: ExtractedTable, document_kind: str | None = None) -> SchemaResult:
    """Validate one table against its shape's schema; every failure becomes a Finding.

    ``document_kind`` 'budget' picks the budget variant of the model where
    there is one (:func:`schema_for`); anything else validates as a final account.
    """
    frame = table_to_frame(table)
    result = SchemaResult(table_code=table.table_code, row_count=len(frame))
    model = schema_for(table, document_kind)
    spec = SPEC_BY_CODE.get(table.table_code)
    if model is None or spec is None:
        return result
    shape = SHAPE_NAMES[spec.shape]
    result.checks_evaluated = 1
    try:
        model.validate(frame, lazy=True)
        return result
    except SchemaErrors as errors:
        cases = errors.failure_cases
    except SchemaError as error:  # not expected with lazy=True, kept for safety
        cases = pd.DataFrame(
            [{"column": None, "check": str(error.check), "failure_case": None, "index": None}]
        )

    seen: set[tuple[str, str]] = set()
    for case in cases.to_dict("records"):
        check_id = _check_id(case.get("check"))
        rule_id = f"SCHEMA_{shape}_{check_id}"
        column = case.get("column")
        if check_id == "DUPLICATE_KEY":
            column = "row_key"  # (side, row_key) duplicates are reported once per row
        failure = case.get("failure_case")
        index = case.get("index")
        has_index = index is not None and not (isinstance(index, float) and pd.isna(index))
        if check_id == "DUPLICATE_KEY" and has_index:
            failure = table.rows[int(index)].row_key
        if check_id in ("REQUIRED_COLUMN", "UNEXPECTED_COLUMN"):
            location = f"{table.table_code}/column/{failure}"
            if check_id == "REQUIRED_COLUMN":
                result.missing_columns.append(str(failure))
            message = f"Table {table.table_code} ({table.title}): column '{failure}' " + (
                "is required but missing"
                if check_id == "REQUIRED_COLUMN"
                else "is not in the schema"
            )
        else:
            row_location = _row_location(table, frame, index) if has_index else table.table_code
            location = f"{row_location}/{column}"
            if has_index:
                result.failed_rows.add(int(index))
            label = table.rows[int(index)].row_label if has_index else ""
            message = (
                f"Table {table.table_code} ({table.title}), row '{label}', column "
                f"'{column}' ({table.column_label(str(column))}): value {failure!r} fails "
                f"{case.get('check')} — {_CHECK_DESCRIPTIONS.get(check_id, '')}"
            )
        if (rule_id, location) in seen:
            continue
        seen.add((rule_id, location))
        actual = failure if isinstance(failure, Decimal) else None
        result.findings.append(
            Finding(
                rule_id=rule_id,
                location=location,
                severity="error",
                table_code=table.table_code,
                expected_yuan=None,
                actual_yuan=actual,
                difference_yuan=None,
                message=message,
            )
        )
    return result
