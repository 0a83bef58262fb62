/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents with versions, entities, derived data, user gazetteer.
    r#"
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    current_version INTEGER NOT NULL
);
CREATE TABLE document_versions (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    char_len INTEGER NOT NULL,
    word_count INTEGER NOT NULL,
    title TEXT,
    published TEXT,
    source TEXT,
    author TEXT,
    url TEXT,
    canonical_url TEXT,
    language TEXT,
    format TEXT NOT NULL,
    origin TEXT,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, version)
);
CREATE INDEX document_versions_published ON document_versions(published);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    actor_type TEXT,
    country TEXT,
    data TEXT NOT NULL
);
CREATE TABLE sentences (
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    begin INTEGER NOT NULL,
    end INTEGER NOT NULL,
    FOREIGN KEY (doc_id, version) REFERENCES document_versions(doc_id, version)
);
CREATE INDEX sentences_doc ON sentences(doc_id);
CREATE TABLE mentions (
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    begin INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    entity_id TEXT REFERENCES entities(id),
    stage TEXT NOT NULL,
    FOREIGN KEY (doc_id, version) REFERENCES document_versions(doc_id, version)
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    data TEXT NOT NULL,
    FOREIGN KEY (doc_id, version) REFERENCES document_versions(doc_id, version)
);
CREATE INDEX events_doc ON events(doc_id, ordinal);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    data TEXT NOT NULL,
    FOREIGN KEY (doc_id, version) REFERENCES document_versions(doc_id, version)
);
CREATE INDEX claims_doc ON claims(doc_id, ordinal);
CREATE TABLE gazetteer_user (
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    origin TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
"#,
    // 2: fusion results, the analyst's own claims (merges, splits, grades), as-of reads.
    r#"
CREATE TABLE fused_events (
    id TEXT PRIMARY KEY,
    ordinal INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE fused_members (
    event_id TEXT PRIMARY KEY,
    fused_id TEXT NOT NULL REFERENCES fused_events(id)
);
CREATE INDEX fused_members_fused ON fused_members(fused_id);
CREATE TABLE contradictions (
    id TEXT PRIMARY KEY,
    fused_id TEXT NOT NULL REFERENCES fused_events(id),
    field TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE copy_groups (
    doc_id TEXT PRIMARY KEY,
    group_no INTEGER NOT NULL
);
CREATE TABLE analyst_claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object TEXT NOT NULL,
    analyst TEXT,
    note TEXT,
    made_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX analyst_claims_predicate ON analyst_claims(predicate);
CREATE INDEX document_versions_ingested ON document_versions(ingested_at);
"#,
    // 3: coded events imported from datasets (ACLED …) and designation listings.
    r#"
CREATE TABLE coded_events (
    id TEXT PRIMARY KEY,
    dataset TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    line INTEGER NOT NULL,
    event TEXT NOT NULL,
    fields TEXT NOT NULL
);
CREATE INDEX coded_events_dataset ON coded_events(dataset, line);
CREATE TABLE designations (
    id TEXT PRIMARY KEY,
    entity_id TEXT,
    matched_by TEXT,
    data TEXT NOT NULL
);
CREATE INDEX designations_entity ON designations(entity_id);
"#,
    // 4: full-text search over current document versions; API access tokens (hashed).
    r#"
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts (rowid, title, text)
    SELECT d.rowid, COALESCE(v.title, ''), v.text FROM documents d
    JOIN document_versions v ON v.doc_id = d.id AND v.version = d.current_version;
CREATE TABLE api_tokens (
    hash TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    label TEXT,
    created_at TEXT NOT NULL
);
"#,
];
