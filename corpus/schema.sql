-- The highlights archive: plain SQLite tables, documented in docs/ARCHIVE.md.
--
-- Each "-- version N" block is one migration. corpus/migrations.py applies every block above
-- the database's PRAGMA user_version inside one transaction, then sets user_version to N.
-- Never edit a released block: add a new one.

-- version 1

-- One row per ingested file (by content): status 'ok' with the whole report as JSON, or
-- 'failed' with the reason. is_current = 1 marks the newest ok report of an authority+period.
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT NOT NULL UNIQUE,
    path           TEXT NOT NULL,
    format         TEXT,
    authority      TEXT,
    authority_name TEXT,
    period_label   TEXT,
    period_start   TEXT,
    period_end     TEXT,
    period_key     TEXT,
    is_current     INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    status         TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error          TEXT,
    ingested_at    TEXT NOT NULL,
    report_json    TEXT
);
CREATE INDEX documents_authority_period ON documents (authority, period_key);
CREATE INDEX documents_current ON documents (is_current, authority, period_start);

-- One row per assessment-table row: area key, heading, plan items (JSON array), RAG rating.
CREATE TABLE assessments (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    area        TEXT NOT NULL,
    title       TEXT NOT NULL,
    plan_items  TEXT NOT NULL DEFAULT '[]',
    rating      TEXT CHECK (rating IN ('RED', 'RED_AMBER', 'AMBER', 'AMBER_GREEN', 'GREEN')),
    rating_rank INTEGER,
    rating_text TEXT,
    summary     TEXT NOT NULL DEFAULT '',
    span_start  INTEGER,
    span_end    INTEGER,
    page        INTEGER
);
CREATE INDEX assessments_document ON assessments (document_id);

-- Every searchable passage: the headline, each bullet of going well / risks / coming up /
-- additional info, and each assessment summary (section 'assessment', linked by assessment_id).
CREATE TABLE items (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    section       TEXT NOT NULL CHECK (section IN ('headline', 'going_well', 'risks',
                                                   'assessment', 'coming_up', 'additional_info')),
    area          TEXT,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    assessment_id INTEGER REFERENCES assessments (id) ON DELETE CASCADE,
    span_start    INTEGER,
    span_end      INTEGER,
    page          INTEGER
);
CREATE INDEX items_document ON items (document_id, section, position);
CREATE INDEX items_assessment ON items (assessment_id);

-- One row per quantitative figure, with its provenance (span in the plain text, page).
CREATE TABLE indicators (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    label          TEXT NOT NULL,
    indicator      TEXT,
    value          REAL NOT NULL,
    unit           TEXT NOT NULL,
    month          TEXT,
    target         REAL,
    comparator     REAL,
    previous_value REAL,
    previous_month TEXT,
    area           TEXT,
    sentence       TEXT,
    span_start     INTEGER,
    span_end       INTEGER,
    page           INTEGER
);
CREATE INDEX indicators_document ON indicators (document_id);

-- Full-text index over items.text, kept in step by triggers.
CREATE VIRTUAL TABLE items_fts USING fts5 (
    text, content = 'items', content_rowid = 'id', tokenize = 'porter unicode61'
);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF text ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO items_fts (rowid, text) VALUES (new.id, new.text);
END;

-- version 2

-- The full-text index holds the passages of current reports only, with their section, area
-- and authority as tag words, so that a search and its common filters are one FTS5 MATCH
-- (no join over every match). corpus/sqlite_store.py adds and removes a report's passages
-- as it becomes or stops being current. Rebuild it with
--   INSERT INTO passages_fts (passages_fts) VALUES ('delete-all');
-- then the INSERT ... SELECT at the end of this block.
DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
DROP TABLE items_fts;
CREATE VIEW passages AS
SELECT i.id, i.document_id, i.text,
       'sectionstart ' || i.section || ' sectionend areastart ' || coalesce(i.area, 'none')
       || ' areaend authoritystart ' || coalesce(d.authority, 'none') || ' authorityend' AS tags
FROM items AS i JOIN documents AS d ON d.id = i.document_id;
CREATE VIRTUAL TABLE passages_fts USING fts5 (
    text, tags, content = 'passages', content_rowid = 'id', tokenize = 'porter unicode61'
);
INSERT INTO passages_fts (rowid, text, tags)
SELECT p.id, p.text, p.tags FROM passages AS p JOIN documents AS d ON d.id = p.document_id
WHERE d.is_current = 1;

-- version 3

-- Tags become one word each ("sectionrisks", "areachildrenincare", "authoritynorthshire",
-- "ratingambergreen"): a single-word filter joins the search at a fraction of the cost of a
-- phrase, and the rating filter needs no join. The
-- punctuation removed from authority names here is listed again in corpus/fts.py.
-- Authority filters match names in any case, through the two NOCASE indexes.
DROP TABLE passages_fts;
DROP VIEW passages;
CREATE VIEW passages AS
SELECT i.id, i.document_id, i.text,
       'section' || replace(i.section, '_', '') || ' area'
       || replace(coalesce(i.area, 'none'), '_', '')
       || ' authority' || replace(replace(replace(replace(replace(replace(replace(
          coalesce(d.authority, 'none'), ' ', ''), '-', ''), '''', ''), '.', ''), ',', ''),
          '&', ''), '_', '')
       || ' rating' || replace(coalesce(a.rating, 'none'), '_', '') AS tags
FROM items AS i JOIN documents AS d ON d.id = i.document_id
LEFT JOIN assessments AS a ON a.id = i.assessment_id;
CREATE VIRTUAL TABLE passages_fts USING fts5 (
    text, tags, content = 'passages', content_rowid = 'id', tokenize = 'porter unicode61'
);
INSERT INTO passages_fts (rowid, text, tags)
SELECT p.id, p.text, p.tags FROM passages AS p JOIN documents AS d ON d.id = p.document_id
WHERE d.is_current = 1;
CREATE INDEX documents_authority_nocase ON documents (authority COLLATE NOCASE);
CREATE INDEX documents_authority_name_nocase ON documents (authority_name COLLATE NOCASE);

-- version 4

-- Each passage's period is two more tag words, "periodstart202101 periodend202103" (the
-- months without their dash, "periodstartnone" when unknown), so --since and --until are an OR
-- of month words inside the MATCH too and a filtered search joins nothing. The months to OR
-- come from the two indexes on documents below.
DROP TABLE passages_fts;
DROP VIEW passages;
CREATE VIEW passages AS
SELECT i.id, i.document_id, i.text,
       'section' || replace(i.section, '_', '') || ' area'
       || replace(coalesce(i.area, 'none'), '_', '')
       || ' authority' || replace(replace(replace(replace(replace(replace(replace(
          coalesce(d.authority, 'none'), ' ', ''), '-', ''), '''', ''), '.', ''), ',', ''),
          '&', ''), '_', '')
       || ' rating' || replace(coalesce(a.rating, 'none'), '_', '')
       || ' periodstart' || replace(coalesce(d.period_start, 'none'), '-', '')
       || ' periodend' || replace(coalesce(d.period_end, 'none'), '-', '') AS tags
FROM items AS i JOIN documents AS d ON d.id = i.document_id
LEFT JOIN assessments AS a ON a.id = i.assessment_id;
CREATE VIRTUAL TABLE passages_fts USING fts5 (
    text, tags, content = 'passages', content_rowid = 'id', tokenize = 'porter unicode61'
);
INSERT INTO passages_fts (rowid, text, tags)
SELECT p.id, p.text, p.tags FROM passages AS p JOIN documents AS d ON d.id = p.document_id
WHERE d.is_current = 1;
CREATE INDEX documents_current_start ON documents (is_current, period_start);
CREATE INDEX documents_current_end ON documents (is_current, period_end);

-- version 5

-- Merge the index rebuilt by version 4 into one segment: each search hit's snippet seeks every
-- segment, so 20 snippets took 4-7 ms on a 10,000-report archive with the dozens of segments
-- that building it row by row leaves, and 0.5 ms after this.
INSERT INTO passages_fts (passages_fts) VALUES ('optimize');
