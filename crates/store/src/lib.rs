//! Where Tessera keeps documents and what was read from them.
//!
//! The main types, and how they fit:
//! - [`Store`] is the backend-neutral interface the pipeline writes through: put documents
//!   (idempotent, versioned), replace a document's derived data (sentences, mentions, events,
//!   claims), read them back, count and check. A PostgreSQL backend implements the same trait.
//! - [`SqliteStore`] is the embedded default: one file, WAL, foreign keys, versioned
//!   migrations ([`MIGRATIONS`]). Every batch is one transaction, so `kill -9` loses at most the
//!   batch in flight and never leaves half a document.
//! - [`WriteItem`] is one document with its annotations; [`PutOutcome`] says what the store
//!   did with it (new, unchanged, new version).
//!
//! ```
//! use tessera_model::{Annotations, DocId, Document, DocumentMeta, SourceFormat};
//! use tessera_store::{PutOutcome, SqliteStore, Store, WriteItem};
//! let mut store = SqliteStore::open_in_memory().unwrap();
//! let doc = Document {
//!     id: DocId::from("r1"), version: 0, text: "Two killed in Quetta.".into(),
//!     meta: DocumentMeta::default(), format: SourceFormat::Text, origin: None,
//! };
//! let item = || WriteItem { document: doc.clone(), annotations: Annotations::default(), entities: vec![] };
//! assert_eq!(store.write_batch(vec![item()]).unwrap(), [PutOutcome::New]);
//! assert_eq!(store.write_batch(vec![item()]).unwrap(), [PutOutcome::Unchanged]);
//! assert_eq!(store.stats().unwrap().documents, 1);
//! ```

mod error;
mod schema;
mod sqlite;

pub use error::StoreError;
pub use schema::MIGRATIONS;
pub use sqlite::SqliteStore;

use serde::Serialize;
use tessera_model::{Annotations, Claim, DocId, Document, Entity, Event, Mention};

/// What the store did with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PutOutcome {
    /// A document id not seen before.
    New,
    /// Same id and identical content: nothing written.
    Unchanged,
    /// Same id, changed content: stored as the next version; the old stays retrievable.
    NewVersion(u32),
}

/// One document to store with what extraction found in it and the entities it refers to.
#[derive(Debug, Clone)]
pub struct WriteItem {
    /// The document (its `version` is ignored: the store assigns it).
    pub document: Document,
    /// Derived data, replaced wholesale when the document is new or changed.
    pub annotations: Annotations,
    /// Entities the annotations refer to (upserted).
    pub entities: Vec<Entity>,
}

/// Counts over the store.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Distinct document ids.
    pub documents: u64,
    /// Stored versions, all documents.
    pub document_versions: u64,
    /// Words in the current versions.
    pub words: u64,
    /// Sentences of current versions.
    pub sentences: u64,
    /// Mentions.
    pub mentions: u64,
    /// Entities referred to.
    pub entities: u64,
    /// Events.
    pub events: u64,
    /// Claims.
    pub claims: u64,
    /// Mentions per type label.
    pub mentions_by_type: Vec<(String, u64)>,
}

/// How often an entity is mentioned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityCount {
    /// Entity id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// Number of mentions.
    pub mentions: u64,
}

/// A document in a listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocSummary {
    /// Id.
    pub id: DocId,
    /// Current version.
    pub version: u32,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Source.
    pub source: Option<String>,
    /// Format.
    pub format: String,
    /// Words.
    pub words: u64,
    /// Mentions in the current version.
    pub mentions: u64,
}

/// Filters for listing documents.
#[derive(Debug, Clone, Default)]
pub struct DocFilter {
    /// Only this source (exact).
    pub source: Option<String>,
    /// Published on or after (ISO prefix compare).
    pub since: Option<String>,
    /// Published on or before.
    pub until: Option<String>,
    /// Text or title contains (case-insensitive).
    pub contains: Option<String>,
    /// At most this many.
    pub limit: Option<u64>,
}

/// What `check` found: empty `problems` means the store is sound.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CheckReport {
    /// Documents examined.
    pub documents_checked: u64,
    /// Spans examined.
    pub spans_checked: u64,
    /// Everything wrong, one line each.
    pub problems: Vec<String>,
}

/// An analyst's own claim: a correction or decision, never overwriting what the extractor read.
/// Fusion reads `same_incident_as`, `different_incident_from`, `stands_alone`,
/// `same_entity_as` and `reliability` (subject a source name, object an Admiralty letter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalystClaim {
    /// Row id, for revoking.
    pub id: i64,
    /// What it is about (an event id, entity name or source name).
    pub subject: String,
    /// The decision.
    pub predicate: String,
    /// The other side (an event id, an entity name, a grade), or empty.
    pub object: String,
    /// Who made it.
    pub analyst: Option<String>,
    /// Why.
    pub note: Option<String>,
    /// When (RFC 3339, UTC).
    pub made_at: String,
    /// When it was taken back, if it was.
    pub revoked_at: Option<String>,
}

/// What fusion found, ready to store: JSON payloads keyed by id.
#[derive(Debug, Clone, Default)]
pub struct FusionRows {
    /// Fused events: id, member event ids, JSON.
    pub events: Vec<(String, Vec<String>, String)>,
    /// Contradictions: id, fused event id, field, JSON.
    pub contradictions: Vec<(String, String, String, String)>,
    /// Groups of documents that are copies of one story.
    pub copy_groups: Vec<Vec<DocId>>,
}

/// A document version as it stood at some moment, with when it was ingested.
#[derive(Debug, Clone)]
pub struct DatedDocument {
    /// The document at that version.
    pub document: Document,
    /// When that version was ingested.
    pub ingested_at: String,
    /// Whether it is still the current version (its derived data is stored).
    pub current: bool,
}

/// A coded event imported from a dataset, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodedEventRow {
    /// The dataset's id for it (`acled:<event_id_cnty>`).
    pub id: String,
    /// `acled`, `ucdp`, …
    pub dataset: String,
    /// The document holding its note.
    pub doc_id: String,
    /// Its line in the imported file.
    pub line: u64,
    /// The coded event (model JSON).
    pub event: String,
    /// The row's fields (JSON object).
    pub fields: String,
}

/// A designation as stored, with the entity it was matched to (if exactly one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignationRow {
    /// Authority-qualified reference (`un:QDe.132`).
    pub id: String,
    /// The matched entity.
    pub entity_id: Option<String>,
    /// The name that matched.
    pub matched_by: Option<String>,
    /// The designation (JSON).
    pub data: String,
}

/// A document found by full-text search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The document.
    pub id: DocId,
    /// Its title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// A passage around the matches; each match is wrapped in U+0002 … U+0003 so that a
    /// front end can highlight it without ever treating report text as markup.
    pub snippet: String,
    /// Relevance (higher is better; BM25).
    pub score: f64,
}

/// The backend-neutral store interface (SQLite now; PostgreSQL can follow).
pub trait Store {
    /// Store documents and their derived data in one transaction. Identical content is
    /// `Unchanged` and writes nothing; changed content becomes a new version whose derived
    /// data replaces the old version's.
    fn write_batch(&mut self, items: Vec<WriteItem>) -> Result<Vec<PutOutcome>, StoreError>;
    /// The content hash of a document's current version (to skip re-extracting unchanged input).
    fn current_hash(&self, id: &DocId) -> Result<Option<String>, StoreError>;
    /// Replace the derived data of documents' current versions (for re-extraction).
    fn replace_derived(&mut self, items: Vec<WriteItem>) -> Result<(), StoreError>;
    /// Drop all derived data (mentions, sentences, events, claims).
    fn clear_derived(&mut self) -> Result<(), StoreError>;
    /// A document, at its current version or the one asked for.
    fn document(&self, id: &DocId, version: Option<u32>) -> Result<Option<Document>, StoreError>;
    /// The versions stored for a document.
    fn versions(&self, id: &DocId) -> Result<Vec<u32>, StoreError>;
    /// All document ids, sorted.
    fn document_ids(&self) -> Result<Vec<DocId>, StoreError>;
    /// Documents matching a filter, newest publication first.
    fn list_documents(&self, filter: &DocFilter) -> Result<Vec<DocSummary>, StoreError>;
    /// Mentions of a document's current version, in text order.
    fn mentions(&self, id: &DocId) -> Result<Vec<Mention>, StoreError>;
    /// Events of a document (all documents when `None`), in document then evidence order.
    fn events(&self, id: Option<&DocId>) -> Result<Vec<Event>, StoreError>;
    /// Claims of a document (all documents when `None`).
    fn claims(&self, id: Option<&DocId>) -> Result<Vec<Claim>, StoreError>;
    /// An entity.
    fn entity(&self, id: &str) -> Result<Option<Entity>, StoreError>;
    /// The most mentioned entities of a kind (`place` or any actor kind when `actors`).
    fn top_entities(&self, places: bool, limit: u64) -> Result<Vec<EntityCount>, StoreError>;
    /// Counts.
    fn stats(&self) -> Result<Stats, StoreError>;
    /// Integrity and referential checks.
    fn check(&self) -> Result<CheckReport, StoreError>;
    /// Save a user gazetteer or actor record (JSON) under an id and kind (`place`, `actor`).
    fn put_gazetteer_entry(
        &mut self,
        kind: &str,
        id: &str,
        json: &str,
        origin: &str,
    ) -> Result<(), StoreError>;
    /// User gazetteer records of a kind, as JSON.
    fn gazetteer_entries(&self, kind: &str) -> Result<Vec<String>, StoreError>;
    /// Each document at its latest version ingested at or before `as_of` (RFC 3339 or a
    /// date; all current versions when `None`), in id order.
    fn documents_as_of(&self, as_of: Option<&str>) -> Result<Vec<DatedDocument>, StoreError>;
    /// Replace the stored fusion results in one transaction.
    fn replace_fusion(&mut self, rows: FusionRows) -> Result<(), StoreError>;
    /// Fused events as JSON, in order; `None` when fusion has not run since the last change.
    fn fused_events_json(&self) -> Result<Option<Vec<String>>, StoreError>;
    /// Contradictions as JSON.
    fn contradictions_json(&self) -> Result<Vec<String>, StoreError>;
    /// Record an analyst's claim; returns its id.
    fn add_analyst_claim(
        &mut self,
        subject: &str,
        predicate: &str,
        object: &str,
        analyst: Option<&str>,
        note: Option<&str>,
    ) -> Result<i64, StoreError>;
    /// Take an analyst's claim back (it stays on record, marked revoked). False if unknown.
    fn revoke_analyst_claim(&mut self, id: i64) -> Result<bool, StoreError>;
    /// Store coded events (replacing changed ones); returns how many were new or changed.
    fn put_coded_events(&mut self, rows: Vec<CodedEventRow>) -> Result<usize, StoreError>;
    /// Coded events of a dataset (all when `None`), in file order.
    fn coded_events(&self, dataset: Option<&str>) -> Result<Vec<CodedEventRow>, StoreError>;
    /// Store designations (replacing changed ones); returns how many were new or changed.
    fn put_designations(&mut self, rows: Vec<DesignationRow>) -> Result<usize, StoreError>;
    /// All designations, by id.
    fn designations(&self) -> Result<Vec<DesignationRow>, StoreError>;
    /// Documents whose title or text contain all the words of `query` (a trailing `*` on a
    /// word matches prefixes), best first. Punctuation in the query is ignored.
    fn search_documents(&self, query: &str, limit: u64) -> Result<Vec<SearchHit>, StoreError>;
    /// Remember an API token by its hash, with its role (`read` or `analyst`).
    fn put_api_token(&mut self, hash: &str, role: &str, label: &str) -> Result<(), StoreError>;
    /// Stored API tokens: (hash, role).
    fn api_tokens(&self) -> Result<Vec<(String, String)>, StoreError>;
    /// Analyst claims in force at `as_of` (now when `None`), oldest first; with
    /// `include_revoked`, every claim ever made.
    fn analyst_claims(
        &self,
        as_of: Option<&str>,
        include_revoked: bool,
    ) -> Result<Vec<AnalystClaim>, StoreError>;
}
