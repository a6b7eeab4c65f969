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

Tables are validated in batches (:func:`validate_table_schemas`): the tables
that share a model and the same frame columns, from any number of documents,
are stacked into one frame and validated by one pandera call, since a call's
fixed cost is far larger than its cost per row. The stacked frame carries a
``table_key`` column (the table's position in the batch), and uniqueness is
declared on ``(table_key, row_key)`` (statements ``(table_key, side,
row_key)``), so a row key is unique within its own table. The failure cases are
then split back by table and put in the order, with the check names, that the
table validated alone would give (see :func:`_cases_as_alone`): every table's
:class:`SchemaResult` is the same whatever else is in the batch.

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

from collections.abc import Sequence
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

# Columns of the frame that are not amounts; ``table_key`` only in a batch's stacked frame.
KEY_COLUMNS = ("table_key", "row_key", "row_label", "page", "side")
_AMOUNT_COLUMN_REGEX = r"^(?!table_key$|row_key$|row_label$|page$|side$).+$"
_INTEGER_COLUMNS = ("table_key", "page")
_CENT = Decimal("0.01")

# function codes, 'total', a unit of a table listed by unit ('unit:024001', 'unit:<name>'),
# or an item of a table listed by item ('item:公共财政拨款(补助)资金')
FUNCTION_CODE_PATTERN = r"^(\d{3}|\d{5}|\d{7}|total|unit:.+|item:.+)$"
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
    """Common frame layout: the row's identity, its page, and Decimal amounts.

    ``table_key`` tells the tables of a batch apart (:func:`validate_table_schemas`).
    """

    table_key: Series[int]
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


class _KeyedTable(_NonNegativeAmountTable):
    """Tables whose ``row_key`` is unique within the table (one code, one row)."""

    class Config:
        strict = True
        coerce = True
        unique = ["table_key", "row_key"]


class _FunctionTable(_KeyedTable):
    row_key: Series[str] = pa.Field(str_matches=FUNCTION_CODE_PATTERN)


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
    carryover: Series[object] | None  # budgets: 上年结转结余 beside the year's money
    reserve: Series[object] | None  # budgets: 单位预留机动经费
    carryover_next: Series[object] | None  # budgets: 结转下年资金
    basic_personnel: Series[object] | None  # budgets: 基本支出 split into 人员经费 | 公用经费
    basic_public: Series[object] | None


class BasicProjectByFunctionSchema(_FunctionTable):
    """Tables 05 and 08: total / basic / project."""

    total: Series[object]
    basic: Series[object]
    project: Series[object]
    carryover: Series[object] | None
    basic_personnel: Series[object] | None
    basic_public: Series[object] | None


class GovernmentFundSchema(_FunctionTable):
    """Table 07 政府性基金预算财政拨款收入支出决算表."""

    carryover_begin: Series[object] | None
    income: Series[object] | None
    total: Series[object]
    basic: Series[object]
    project: Series[object]
    carryover_end: Series[object] | None
    carryover: Series[object] | None
    basic_personnel: Series[object] | None
    basic_public: Series[object] | None


class EconomicClassSchema(_KeyedTable):
    """Table 06 基本支出决算明细表: economic codes and the two footers."""

    row_key: Series[str] = pa.Field(str_matches=ECONOMIC_CODE_PATTERN)
    amount: Series[object]


class ThreePublicSchema(_KeyedTable):
    """Table 09 "三公"经费支出决算表: budget and actual per cost item."""

    row_key: Series[str] = pa.Field(isin=list(THREE_PUBLIC_ITEMS))
    budget: Series[object]
    actual: Series[object]


class _StatementTable(_AmountTable):
    """Statements 01 and 04: printed line labels on an income and an expenditure side."""

    row_key: Series[str] = pa.Field(str_length={"min_value": 1})
    side: Series[str] = pa.Field(isin=["income", "expenditure"])

    class Config:
        strict = True
        coerce = True
        unique = ["table_key", "side", "row_key"]


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


class BudgetThreePublicSchema(_KeyedTable):
    """Budget table 09 "三公"经费预算表: the budget column only (no 决算数)."""

    row_key: Series[str] = pa.Field(isin=list(THREE_PUBLIC_ITEMS))
    budget: Series[object]
    actual: Series[object] | None


class BudgetIncomeSchema(_FunctionTable):
    """Budget table 02: by function or by unit, appropriation whole or split by fund."""

    total: Series[object]
    fiscal_appropriation: Series[object] | None
    general_public_budget: Series[object] | None
    government_fund: Series[object] | None
    state_capital: Series[object] | None
    fiscal_special_account: Series[object] | None
    superior_subsidy: Series[object] | None
    business_income: Series[object] | None
    operating_income: Series[object] | None
    affiliated_remittance: Series[object] | None
    other_income: Series[object] | None
    carryover: Series[object] | None


class SingleAmountByFunctionSchema(_FunctionTable):
    """Budget function tables (03, 05, 07, 08) printed with a single amount column."""

    total: Series[object]
    basic: Series[object] | None
    project: Series[object] | None
    carryover: Series[object] | None
    basic_personnel: Series[object] | None
    basic_public: Series[object] | None


class SplitBasicByFunctionSchema(_FunctionTable):
    """Budget function tables whose 基本支出 is printed only as 人员经费 | 公用经费."""

    total: Series[object]
    basic_personnel: Series[object]
    basic_public: Series[object]
    project: Series[object]
    remit_to_higher: Series[object] | None
    business: Series[object] | None
    subsidy_to_affiliates: Series[object] | None
    carryover: Series[object] | None


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
    "02": BudgetIncomeSchema,
    "09": BudgetThreePublicSchema,
}
SINGLE_AMOUNT_FUNCTION_TABLES = ("03", "05", "07", "08")


def _is_single_amount(table: ExtractedTable) -> bool:
    """A function table that prints one amount column (合计/金额) and no basic/project split."""
    keys = {c.key for c in table.columns} | {k for r in table.rows for k in r.values}
    return "total" in keys and not keys & {"basic", "project"}


def _splits_basic(table: ExtractedTable) -> bool:
    keys = {c.key for c in table.columns} | {k for r in table.rows for k in r.values}
    return "basic" not in keys and {"basic_personnel", "basic_public"} <= keys


def schema_for(
    table: ExtractedTable, document_kind: str | None = None
) -> type[pa.DataFrameModel] | None:
    """The model one table is validated with, by table code and document kind."""
    if document_kind == "budget":
        if table.table_code in BUDGET_SCHEMA_BY_TABLE:
            return BUDGET_SCHEMA_BY_TABLE[table.table_code]
        if table.table_code in SINGLE_AMOUNT_FUNCTION_TABLES and _is_single_amount(table):
            return SingleAmountByFunctionSchema
        if table.table_code in SINGLE_AMOUNT_FUNCTION_TABLES and _splits_basic(table):
            return SplitBasicByFunctionSchema
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


def _frame_columns(table: ExtractedTable) -> tuple[list[int], dict[str, list[Any]]]:
    """The index and the columns (name → values) of a table's frame; see :func:`table_to_frame`."""
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
    return index, records


def _frame(columns: dict[str, list[Any]], index: list[int] | pd.RangeIndex) -> pd.DataFrame:
    return pd.DataFrame(
        {
            name: pd.Series(
                values, index=index, dtype="int64" if name in _INTEGER_COLUMNS else object
            )
            for name, values in columns.items()
        }
    )


def table_to_frame(table: ExtractedTable) -> pd.DataFrame:
    """Turn an extracted table into the frame its schema validates.

    Columns: ``row_key``, ``row_label``, ``page``, ``side`` (statements only),
    then one column per amount key: the table's declared columns in order, then
    any other key found in the rows' values (so that a stray key fails the
    strict schema). Amounts stay Python ``Decimal`` objects in ``object`` dtype;
    a key missing from a row is ``None``. Statement lines with neither label
    nor amount (the blank numbered lines 9…26 of table 01) are dropped. The
    index is the row's position in ``table.rows``.

    :func:`validate_table_schemas` stacks these frames, with a ``table_key``
    column in front.
    """
    index, columns = _frame_columns(table)
    return _frame(columns, index)


def _check_id(check: Any) -> str:
    name = str(check)
    for prefix, check_id in _CHECK_IDS:
        if name.startswith(prefix):
            return check_id
    return "OTHER"


def _has_index(index: Any) -> bool:
    return index is not None and not (isinstance(index, float) and pd.isna(index))


def _row_location(table: ExtractedTable, index: Any) -> str:
    try:
        row = table.rows[int(index)]
    except (TypeError, ValueError, IndexError):
        return table.table_code
    if row.side:
        return f"{table.table_code}/{row.side}/{row.row_key}"
    return f"{table.table_code}/{row.row_key}"


@dataclass
class _StackedTable:
    """One table of a batch: its shape, its result, and its frame's index and columns."""

    table: ExtractedTable
    shape: str  # SHAPE_NAMES value, e.g. 'FUNCTION'
    result: SchemaResult
    index: list[int]
    columns: dict[str, list[Any]]


def validate_table_schemas(
    tables: Sequence[tuple[ExtractedTable, str | None]],
) -> list[SchemaResult]:
    """Validate many tables with one pandera call per model and column layout.

    ``tables`` holds ``(table, document_kind)`` pairs from any number of
    documents. The tables that share a model (:func:`schema_for`) and the same
    frame columns, in the same order, are stacked into one frame and validated
    together; each table's failure cases are then turned into findings as if
    it had been validated alone (see the module docstring). Returns one
    :class:`SchemaResult` per pair, in order.
    """
    results: list[SchemaResult] = []
    stacks: dict[tuple[type[pa.DataFrameModel], tuple[str, ...]], list[_StackedTable]] = {}
    for table, document_kind in tables:
        index, columns = _frame_columns(table)
        result = SchemaResult(table_code=table.table_code, row_count=len(index))
        results.append(result)
        model = schema_for(table, document_kind)
        spec = SPEC_BY_CODE.get(table.table_code)
        if model is None or spec is None:
            continue
        result.checks_evaluated = 1
        member = _StackedTable(table, SHAPE_NAMES[spec.shape], result, index, columns)
        stacks.setdefault((model, tuple(columns)), []).append(member)
    for (model, _), members in stacks.items():
        _validate_stack(model, members)
    return results


def validate_table_schema(table: ExtractedTable, document_kind: str | None = None) -> SchemaResult:
    """Validate one table against its shape's schema; every failure becomes a Finding.

    ``document_kind`` 'budget' picks the budget variant of the model where
    there is one (:func:`schema_for`); anything else validates as a final account.
    """
    return validate_table_schemas([(table, document_kind)])[0]


def _validate_stack(model: type[pa.DataFrameModel], members: list[_StackedTable]) -> None:
    """Validate the stacked frame of ``members`` (same model and columns); record their findings."""
    stacked: dict[str, list[Any]] = {"table_key": []}
    rows: list[tuple[int, int]] = []  # stacked row -> (member, the row's index in its table frame)
    for position, member in enumerate(members):
        stacked["table_key"].extend([position] * len(member.index))
        for name, values in member.columns.items():
            stacked.setdefault(name, []).extend(values)
        rows.extend((position, table_index) for table_index in member.index)
    frame = _frame(stacked, pd.RangeIndex(len(rows)))
    try:
        model.validate(frame, lazy=True)
        return
    except SchemaErrors as errors:
        # The frame's index is pandera's order of execution; sort_values re-sorted it.
        cases = errors.failure_cases.sort_index().to_dict("records")
    except SchemaError as error:  # not expected with lazy=True, kept for safety
        cases = [{"column": None, "check": str(error.check), "failure_case": None, "index": None}]

    by_table = _split_cases(cases, rows, len(members))
    if by_table is None:
        for member in members:
            _validate_stack(model, [member])
        return
    for member, table_cases in zip(members, by_table, strict=True):
        if table_cases:
            _record_findings(member, _cases_as_alone(model, table_cases))


# Failure cases that belong to the frame's columns, not to a row: the same for every
# table of a stack, since they share their columns.
_COLUMN_CHECK_IDS = ("REQUIRED_COLUMN", "UNEXPECTED_COLUMN")


def _split_cases(
    cases: list[dict[str, Any]], rows: list[tuple[int, int]], table_count: int
) -> list[list[dict[str, Any]]] | None:
    """Each stacked table's failure cases, indexed as in its own frame.

    Returns None when a case of a stack of several tables may depend on the
    other tables' rows: a failure without a row that is not about the columns
    (a check that raised, a column-wide type failure) or a value that could not
    be coerced. The stack is then validated table by table.
    """
    by_table: list[list[dict[str, Any]]] = [[] for _ in range(table_count)]
    for case in cases:
        check_id = _check_id(case.get("check"))
        index = case.get("index")
        if table_count > 1 and (
            check_id in ("WRONG_TYPE", "OTHER")
            or (not _has_index(index) and check_id not in _COLUMN_CHECK_IDS)
        ):
            return None
        if not _has_index(index):
            for table_cases in by_table:
                table_cases.append(case)
            continue
        position, table_index = rows[int(index)]
        by_table[position].append({**case, "index": table_index})
    return by_table


def _cases_as_alone(
    model: type[pa.DataFrameModel], cases: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """One table's failure cases from a stack, in the form and order of the table validated alone.

    - cases on ``table_key`` (from the uniqueness checks) are dropped;
    - for the models with unique row keys (:class:`_KeyedTable`), the frame-level
      ``(table_key, row_key)`` uniqueness is reported as pandera reports
      ``unique=True`` on ``row_key`` for one table: check ``field_uniqueness`` on
      the ``row_key`` column, placed where that column's uniqueness check runs;
    - then pandera's final sort of the failure cases by schema context
      (descending, and not stable) is applied to this table's cases alone.
    """
    cases = [case for case in cases if case.get("column") != "table_key"]
    if issubclass(model, _KeyedTable):
        duplicates = [c for c in cases if c.get("check") == "multiple_fields_uniqueness"]
        if duplicates:
            first = cases.index(duplicates[0])
            others = [c for c in cases if c.get("check") != "multiple_fields_uniqueness"]
            schema_columns = list(model.to_schema().columns)
            before = frozenset(schema_columns[: schema_columns.index("row_key")])
            at = next(
                (
                    i
                    for i in range(first, len(others))
                    if _after_row_key_uniqueness(others[i], before)
                ),
                len(others),
            )
            moved = [
                {**c, "schema_context": "Column", "check": "field_uniqueness"} for c in duplicates
            ]
            cases = others[:at] + moved + others[at:]
    if len(cases) > 1:
        contexts = pd.DataFrame({"schema_context": [c.get("schema_context") for c in cases]})
        order = contexts.sort_values("schema_context", ascending=False).index
        cases = [cases[i] for i in order]
    return cases


def _after_row_key_uniqueness(case: dict[str, Any], columns_before: frozenset[str]) -> bool:
    """Whether pandera, validating one keyed table, reports ``case`` after the row_key uniqueness.

    Its order: the checks of the frame (columns, multi-column uniqueness), then
    each column's nullability, uniqueness, type and checks, column by column in
    the model's order; failures without a row come last.
    """
    if not _has_index(case.get("index")):
        return True
    if case.get("schema_context") != "Column":
        return False
    column = case.get("column")
    if column in columns_before:
        return False
    return not (column == "row_key" and case.get("check") == "not_nullable")


def _record_findings(member: _StackedTable, cases: list[dict[str, Any]]) -> None:
    """Turn one table's failure cases into findings, failed rows and missing columns."""
    table, shape, result = member.table, member.shape, member.result
    seen: set[tuple[str, str]] = set()
    for case in cases:
        check_id = _check_id(case.get("check"))
        rule_id = f"SCHEMA_{shape}_{check_id}"
        column = case.get("column")
        if check_id == "DUPLICATE_KEY":
            column = "row_key"  # (side, row_key) duplicates are reported once per row
        failure = case.get("failure_case")
        index = case.get("index")
        has_index = _has_index(index)
        if check_id == "DUPLICATE_KEY" and has_index:
            failure = table.rows[int(index)].row_key
        if check_id in _COLUMN_CHECK_IDS:
            location = f"{table.table_code}/column/{failure}"
            if check_id == "REQUIRED_COLUMN":
                result.missing_columns.append(str(failure))
            message = f"Table {table.table_code} ({table.title}): column '{failure}' " + (
                "is required but missing"
                if check_id == "REQUIRED_COLUMN"
                else "is not in the schema"
            )
        else:
            row_location = _row_location(table, index) if has_index else table.table_code
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
                message_zh=f"表{table.table_code}（{table.title}）{location}：数值 {failure} "
                f"不符合表格式要求（{rule_id}）。",
            )
        )
