"""Batched validation: documents validated together report what each reports alone."""

from __future__ import annotations

import copy

import pandera.pandas as pa
import pytest
from pandera.errors import SchemaErrors

import pipelines.validation as validation
from pipelines.extraction.catalogue import SPEC_BY_CODE
from pipelines.extraction.model import DocumentExtraction
from pipelines.validation import (
    DocumentStatus,
    TableStatus,
    ValidationReport,
    schemas,
    validate_document,
    validate_documents,
)
from pipelines.validation.schemas import schema_for, table_to_frame, validate_table_schemas
from tests.support.validation_fixtures import (
    broken_documents,
    consistent_document,
    extracted_sample,
)
from tools.samples import all_samples

SAMPLES = all_samples()
BROKEN = broken_documents()


@pytest.fixture(scope="module")
def documents() -> list[DocumentExtraction]:
    """Every sample's extraction (raw/ and the variants), then the documents with breaks."""
    return [extracted_sample(s.path) for s in SAMPLES] + list(BROKEN.values())


def keys(report: ValidationReport, suffix: str = "") -> set[tuple[str, str]]:
    return {(f.rule_id, f.location) for f in report.findings if f.rule_id.endswith(suffix)}


def test_a_batch_reports_what_each_document_reports_alone(documents):
    batch = validate_documents(documents)
    assert batch == [validate_documents([d])[0] for d in documents]
    assert batch == [validate_document(d) for d in documents]
    assert validate_documents(documents[::-1]) == batch[::-1]

    # The known findings still come out of the batch.
    by_name = dict(zip(BROKEN, batch[len(SAMPLES) :], strict=True))
    assert by_name["consistent"].findings == []
    assert ("T03_ROW_SUM", "03/2060101/total") in keys(by_name["row total off"])
    # a table whose schema mostly fails is withheld: its reason, not its failures, is reported
    failing = by_name["table 05 failing its schema"]
    assert failing.tables["05"].status == TableStatus.WITHHELD
    assert "rows fail the schema" in failing.tables["05"].reason
    assert keys(failing, "WITHHELD") == {("R_TABLE_WITHHELD", "05")}
    missing = by_name["column missing and column unexpected"]
    assert "header not recognised: no column for basic" in missing.tables["03"].reason
    assert {
        ("SCHEMA_STATEMENT_DUPLICATE_KEY", "01/income/总计/row_key"),
        ("SCHEMA_STATEMENT_ROW_KEY_FORMAT", "01/sideways/总计/side"),
    } <= keys(by_name["statement line twice and a bad side"])
    assert "rows fail the schema" in by_name["table 03 failing everywhere"].tables["03"].reason
    assert "no rows read" in by_name["table without rows"].status_reason


def test_row_keys_are_unique_per_table_not_per_batch():
    first, second, duplicated = (consistent_document() for _ in range(3))
    for doc in (first, second):
        # A table 08 like 05: the same model, columns and row keys, in the same document.
        doc.tables["08"] = copy.deepcopy(doc.tables["05"])
        doc.tables["08"].table_code = "08"
    t05 = duplicated.tables["05"]
    t05.rows.append(copy.deepcopy(t05.row("206")))
    t01 = duplicated.tables["01"]
    t01.rows.append(copy.deepcopy(t01.row("总计", "income")))

    reports = validate_documents([first, second, duplicated])

    assert keys(reports[0], "_DUPLICATE_KEY") == set()
    assert keys(reports[1], "_DUPLICATE_KEY") == set()
    assert keys(reports[2], "_DUPLICATE_KEY") == {
        ("SCHEMA_FUNCTION_DUPLICATE_KEY", "05/206/row_key"),
        ("SCHEMA_STATEMENT_DUPLICATE_KEY", "01/income/总计/row_key"),
    }
    messages = {f.location: f.message for f in reports[2].findings}
    assert "value '206' fails field_uniqueness" in messages["05/206/row_key"]
    assert "fails multiple_fields_uniqueness" in messages["01/income/总计/row_key"]
    assert reports == [validate_document(d) for d in (first, second, duplicated)]


def _schema_alone(model: type[pa.DataFrameModel]) -> pa.DataFrameSchema:
    """The model in its one-table form: no ``table_key``, row keys unique in the frame."""
    schema = model.to_schema().remove_columns(["table_key"])
    if schema.unique == ["table_key", "row_key"]:
        schema = schema.update_column("row_key", unique=True)
        schema.unique = None
    else:
        schema.unique = [column for column in schema.unique if column != "table_key"]
    return schema


def test_stacked_tables_report_what_pandera_reports_for_each_table_alone(documents):
    """Every table of a stack against pandera validating that table on its own."""
    tables = [
        (table, doc.document_kind)
        for doc in documents
        for _, table in sorted(doc.tables.items())
        if table.rows
    ]
    results = validate_table_schemas(tables)

    failing = 0
    for (table, kind), result in zip(tables, results, strict=True):
        model = schema_for(table, kind)
        assert model is not None
        expected = schemas.SchemaResult(table.table_code, result.row_count, checks_evaluated=1)
        try:
            _schema_alone(model).validate(table_to_frame(table), lazy=True)
            continue
        except SchemaErrors as errors:
            cases = errors.failure_cases.to_dict("records")
        failing += 1
        shape = schemas.SHAPE_NAMES[SPEC_BY_CODE[table.table_code].shape]
        schemas._record_findings(schemas._StackedTable(table, shape, expected, [], {}), cases)
        assert result == expected, table.table_code
    assert failing >= 6
    # pandera sorts a table's failure cases by a sort that is not stable; order counts.
    assert max(len(r.findings) for r in results) > 16


def test_one_pandera_call_per_table_layout(documents, monkeypatch):
    clean = documents[: len(SAMPLES)]
    validate = pa.DataFrameModel.validate.__func__
    calls: list[type[pa.DataFrameModel]] = []

    def counted(cls, *args, **kwargs):
        calls.append(cls)
        return validate(cls, *args, **kwargs)

    monkeypatch.setattr(pa.DataFrameModel, "validate", classmethod(counted))
    validate_documents(clean)

    tables = [(t, d.document_kind) for d in clean for t in d.tables.values() if t.rows]
    layouts = {(schema_for(t, kind), tuple(table_to_frame(t).columns)) for t, kind in tables}
    assert len(calls) == len(layouts) < len(tables) / 4


def test_a_crashing_document_does_not_lose_the_others(monkeypatch):
    good = consistent_document()
    other = BROKEN["row total off"]
    frame_crash = consistent_document()
    frame_crash.tables["05"].rows[2].page = None  # no int page: its frame cannot be built
    rules_crash = consistent_document()
    rules_crash.document_id = "rules-crash"
    check_rules = validation.check_rules

    def crashing_check_rules(extraction: DocumentExtraction):
        if extraction.document_id == "rules-crash":
            raise ZeroDivisionError("rules crashed")
        return check_rules(extraction)

    monkeypatch.setattr(validation, "check_rules", crashing_check_rules)
    expected = [validate_document(good), validate_document(other)]
    with pytest.raises(TypeError):
        validate_document(frame_crash)
    with pytest.raises(TypeError):
        validate_documents([good, frame_crash, other])  # without on_crash, the crash propagates

    crashes: list[tuple[DocumentExtraction, Exception]] = []

    def on_crash(extraction: DocumentExtraction, error: Exception) -> ValidationReport:
        crashes.append((extraction, error))
        return ValidationReport(
            status=DocumentStatus.QUARANTINED,
            status_reason=f"validation crashed: {type(error).__name__}",
        )

    reports = validate_documents([good, frame_crash, rules_crash, other], on_crash=on_crash)

    assert [(doc, type(error)) for doc, error in crashes] == [
        (frame_crash, TypeError),
        (rules_crash, ZeroDivisionError),
    ]
    assert [reports[0], reports[3]] == expected
    assert reports[1].status_reason == "validation crashed: TypeError"
    assert reports[2].status_reason == "validation crashed: ZeroDivisionError"
