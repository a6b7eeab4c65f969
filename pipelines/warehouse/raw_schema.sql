-- The raw layer: what the Python loader writes, and what dbt reads as sources.
-- One row set per document; a document's rows are replaced as a whole.
CREATE SCHEMA IF NOT EXISTS raw;

-- One row per ingested PDF, whether it loaded or was quarantined.
CREATE TABLE IF NOT EXISTS raw.documents (
    document_id        VARCHAR PRIMARY KEY,  -- 'doc_' + first 16 hex of sha256
    sha256             VARCHAR NOT NULL,
    source_file        VARCHAR NOT NULL,     -- path relative to the raw folder
    page_count         INTEGER,
    department_name    VARCHAR,
    region             VARCHAR,
    fiscal_year        INTEGER,
    document_kind      VARCHAR,              -- 'final_account' / 'budget'
    reporting_scope    VARCHAR,              -- 'department' / 'unit'
    source_unit        VARCHAR,              -- '元' / '万元'
    status             VARCHAR NOT NULL,     -- 'loaded' / 'partial' / 'quarantined' / 'withdrawn'
    status_reason      VARCHAR,
    extractor_version  VARCHAR NOT NULL,
    extraction_seconds DOUBLE,
    ingested_at        TIMESTAMP NOT NULL
);

-- One row per document and standard table of its kind's set: loaded, declared
-- empty, withheld (read but not reliably: no cells) or not found.
CREATE TABLE IF NOT EXISTS raw.document_tables (
    document_id        VARCHAR NOT NULL,
    table_code         VARCHAR NOT NULL,     -- '01'..'09', national numbering
    standard_title     VARCHAR NOT NULL,     -- the national title of the code for the kind
    title              VARCHAR,              -- as printed; NULL when not found
    printed_number     VARCHAR,
    unit               VARCHAR,
    pages              VARCHAR,              -- '12,13': the pages it was printed on
    first_page         INTEGER,
    last_page          INTEGER,
    is_empty           BOOLEAN NOT NULL,
    note               VARCHAR,
    row_count          INTEGER NOT NULL,
    status             VARCHAR NOT NULL,     -- 'loaded' / 'declared_empty' / 'withheld' / 'not_found'
    status_reason      VARCHAR,
    identities_checked INTEGER NOT NULL,     -- its own identities (row sums, hierarchy, 合计)
    identities_broken  INTEGER NOT NULL,
    PRIMARY KEY (document_id, table_code)
);

-- Every printed amount, one row per table cell, in yuan, with provenance.
CREATE TABLE IF NOT EXISTS raw.table_cells (
    document_id  VARCHAR NOT NULL,
    table_code   VARCHAR NOT NULL,
    row_seq      INTEGER NOT NULL,            -- order of the row in the table
    row_key      VARCHAR NOT NULL,            -- function/economic code, line label, cost item
    row_label    VARCHAR NOT NULL,            -- as printed (normalised)
    side         VARCHAR,                     -- statements: 'income' / 'expenditure'
    line_no      INTEGER,                     -- 行次 where printed
    column_key   VARCHAR NOT NULL,
    column_label VARCHAR NOT NULL,
    amount_yuan  DECIMAL(20, 2) NOT NULL,
    source_page  INTEGER NOT NULL
);

-- The narrative's "年初预算为…，支出决算为…，完成年初预算的…%" sentences.
CREATE TABLE IF NOT EXISTS raw.budget_execution (
    document_id         VARCHAR NOT NULL,
    function_code       VARCHAR,
    function_label      VARCHAR NOT NULL,
    initial_budget_yuan DECIMAL(20, 2) NOT NULL,
    final_yuan          DECIMAL(20, 2) NOT NULL,
    completion_rate     DECIMAL(9, 2),
    explanation         VARCHAR,
    source_page         INTEGER NOT NULL
);

-- Totals the narrative restates (收支总计, 基本支出, "三公" budget …).
CREATE TABLE IF NOT EXISTS raw.narrative_figures (
    document_id VARCHAR NOT NULL,
    figure_key  VARCHAR NOT NULL,
    amount_yuan DECIMAL(20, 2) NOT NULL,
    source_page INTEGER NOT NULL,
    sentence    VARCHAR NOT NULL
);

-- Validation results: schema failures and broken document identities.
CREATE TABLE IF NOT EXISTS raw.validation_findings (
    document_id     VARCHAR NOT NULL,
    rule_id         VARCHAR NOT NULL,
    location        VARCHAR NOT NULL,
    severity        VARCHAR NOT NULL,         -- 'error' / 'warning' / 'info'
    table_code      VARCHAR,
    expected_yuan   DECIMAL(20, 2),
    actual_yuan     DECIMAL(20, 2),
    difference_yuan DECIMAL(20, 2),
    message         VARCHAR NOT NULL,
    message_zh      VARCHAR NOT NULL DEFAULT ''  -- the message in Chinese
);

-- The rule catalogue, so analysts can read what each rule_id checks.
CREATE TABLE IF NOT EXISTS raw.validation_rules (
    rule_id     VARCHAR PRIMARY KEY,
    severity    VARCHAR NOT NULL,
    table_codes VARCHAR,
    identity    VARCHAR NOT NULL,
    description VARCHAR NOT NULL
);

-- Part 3's 机关运行经费 sentence: the amount and its change as printed.
CREATE TABLE IF NOT EXISTS raw.operating_costs (
    document_id         VARCHAR NOT NULL,
    amount_yuan         DECIMAL(20, 2) NOT NULL,
    initial_budget_yuan DECIMAL(20, 2),       -- amount less the change, when against 年初预算
    change_yuan         DECIMAL(20, 2),       -- signed: below the comparison is negative
    change_rate         DECIMAL(9, 2),        -- as printed, signed like change_yuan
    change_base         VARCHAR,              -- 'budget' (比年初预算) / 'previous_year' (比上年)
    explanation         VARCHAR,
    source_page         INTEGER NOT NULL,
    sentence            VARCHAR NOT NULL
);

-- Part 3's 政府采购 section: the total and its parts.
CREATE TABLE IF NOT EXISTS raw.procurement (
    document_id   VARCHAR NOT NULL,
    category      VARCHAR NOT NULL,           -- 'total', 'goods', 'works', 'services', 'sme_awarded' …
    amount_yuan   DECIMAL(20, 2),
    share_percent DECIMAL(9, 2),              -- as printed, where printed
    source_page   INTEGER NOT NULL,
    sentence      VARCHAR NOT NULL
);

-- Part 3's 国有资产占用 section: vehicles by kind, equipment over a value.
CREATE TABLE IF NOT EXISTS raw.state_assets (
    document_id VARCHAR NOT NULL,
    asset_item  VARCHAR NOT NULL,             -- 'vehicles_total', a kind as printed, 'equipment_over_1m' …
    quantity    DECIMAL(20, 2),
    unit        VARCHAR NOT NULL,             -- '辆', '台（套）'
    value_yuan  DECIMAL(20, 2),
    source_page INTEGER NOT NULL,
    sentence    VARCHAR NOT NULL
);

-- Performance self-evaluation: a form's (or the prose's) summary and its indicators.
CREATE TABLE IF NOT EXISTS raw.performance_evaluations (
    document_id         VARCHAR NOT NULL,
    row_seq             INTEGER NOT NULL,     -- order in the document
    evaluation_kind     VARCHAR NOT NULL,     -- 'overall' / 'project'
    subject             VARCHAR NOT NULL,     -- the project as printed, or the department
    indicator           VARCHAR,              -- NULL for a summary row; else the 三级指标
    indicator_level1    VARCHAR,
    indicator_level2    VARCHAR,
    budget_yuan         DECIMAL(20, 2),
    initial_budget_yuan DECIMAL(20, 2),
    actual_yuan         DECIMAL(20, 2),
    execution_rate      DECIMAL(9, 2),
    score               DECIMAL(9, 2),
    max_score           DECIMAL(9, 2),
    funds_score         DECIMAL(9, 2),        -- a form's 资金 row score, part of its 总分
    target              VARCHAR,
    achieved            VARCHAR,
    deviation_reason    VARCHAR,
    source              VARCHAR NOT NULL,     -- 'form' (Part 6 table) / 'narrative'
    source_page         INTEGER NOT NULL,
    sentence            VARCHAR NOT NULL
);
