use crate::error::StoreError;
use crate::schema::MIGRATIONS;
use crate::{
    AnalystClaim, CheckReport, CodedEventRow, DatedDocument, DesignationRow, DocFilter, DocSummary,
    EntityCount, FusionRows, PutOutcome, SearchHit, Stats, Store, WriteItem,
};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::HashMap;
use std::path::Path;
use tessera_model::{
    Annotations, Claim, DocId, Document, DocumentMeta, Entity, EntityId, Event, Mention,
    MentionType, SourceFormat, Span,
};

/// The embedded SQLite store.
pub struct SqliteStore {
    conn: Connection,
}

/// The last instant an as-of bound covers: a bare date means the end of that day.
fn end_of_moment(as_of: &str) -> String {
    if as_of.len() == 10 {
        format!("{as_of}T23:59:59.999Z")
    } else {
        as_of.to_owned()
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl SqliteStore {
    /// Open (creating if needed) a store file, in WAL mode with foreign keys, migrated.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Self::init(conn)
    }

    /// A throw-away store in memory (tests, `--dry-run`).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL keeps readers working during ingest and makes a killed writer harmless: the
        // uncommitted tail of the log is ignored on the next open. NORMAL sync is safe against
        // process crashes (kill -9) in WAL mode.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Every statement of the write path stays prepared across documents.
        conn.set_prepared_statement_cache_capacity(64);
        // Plans do not depend on bound values (no ANALYZE data here anyway); otherwise SQLite
        // re-prepares some lookups on every new binding.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        let mut store = SqliteStore { conn };
        store.migrate()?;
        Ok(store)
    }

    /// A number that changes whenever another connection commits to the file (SQLite's
    /// `PRAGMA data_version`): cheap to poll, so a long-running reader can notice writes.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0))?)
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as usize)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let found = self.schema_version()?;
        if found > MIGRATIONS.len() {
            return Err(StoreError::TooNew {
                found,
                supported: MIGRATIONS.len(),
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found) {
            let version = i + 1;
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)
                .and_then(|_| tx.pragma_update(None, "user_version", version as i64))
                .map_err(|source| StoreError::Migration { version, source })?;
            tx.commit()
                .map_err(|source| StoreError::Migration { version, source })?;
        }
        Ok(())
    }

    fn put_document(
        tx: &Transaction<'_>,
        doc: &Document,
        hash: &str,
    ) -> Result<(PutOutcome, u32), StoreError> {
        // Statements are cached: preparing them anew for each short document cost more than
        // running them.
        let current: Option<(u32, String)> = tx
            .prepare_cached(
                "SELECT v.version, v.content_hash FROM documents d
                 JOIN document_versions v ON v.doc_id = d.id AND v.version = d.current_version
                 WHERE d.id = ?1",
            )?
            .query_row([doc.id.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (outcome, version) = match current {
            Some((v, h)) if h == hash => return Ok((PutOutcome::Unchanged, v)),
            Some((v, _)) => (PutOutcome::NewVersion(v + 1), v + 1),
            None => (PutOutcome::New, 1),
        };
        tx.prepare_cached(
            "INSERT INTO documents (id, current_version) VALUES (?1, ?2)
             ON CONFLICT(id) DO UPDATE SET current_version = excluded.current_version",
        )?
        .execute(params![doc.id.as_str(), version])?;
        let m = &doc.meta;
        tx.prepare_cached(
            "INSERT INTO document_versions (doc_id, version, content_hash, text, char_len,
               word_count, title, published, source, author, url, canonical_url, language,
               format, origin, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        )?
        .execute(params![
            doc.id.as_str(),
            version,
            hash,
            doc.text,
            doc.text.chars().count() as i64,
            doc.word_count() as i64,
            m.title,
            m.published,
            m.source,
            m.author,
            m.url,
            m.canonical_url,
            m.language,
            doc.format.as_str(),
            doc.origin,
            now(),
        ])?;
        Ok((outcome, version))
    }

    /// Bring the search index, which holds current versions only keyed by the document's
    /// rowid, up to date with the batch's new and changed documents.
    ///
    /// One statement for the batch, run after every other write of the transaction: FTS5
    /// writes its pending terms to disk at each statement of a transaction once it has been
    /// written to, so indexing document by document made one index segment per document, and
    /// merging them cost more than the rest of the store's work.
    fn index_for_search(
        tx: &Transaction<'_>,
        written: &[(&Document, PutOutcome)],
    ) -> Result<(), StoreError> {
        // A document given twice in one batch is indexed once, as last given.
        // (the document as last given, whether its first version here replaced an indexed one)
        let mut rows: Vec<(&Document, bool)> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for (doc, outcome) in written {
            match at.get(doc.id.as_str()) {
                Some(&i) => rows[i].0 = doc,
                None => {
                    at.insert(doc.id.as_str(), rows.len());
                    rows.push((doc, matches!(outcome, PutOutcome::NewVersion(_))));
                }
            }
        }
        if rows.is_empty() {
            return Ok(());
        }
        let replaced: Vec<&str> = rows
            .iter()
            .filter(|r| r.1)
            .map(|r| r.0.id.as_str())
            .collect();
        if !replaced.is_empty() {
            tx.prepare_cached(
                "DELETE FROM documents_fts WHERE rowid IN
                   (SELECT d.rowid FROM documents d JOIN json_each(?1) j ON d.id = j.value)",
            )?
            .execute([serde_json::to_string(&replaced).expect("ids serialise")])?;
        }
        let new: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|(doc, _)| {
                (
                    doc.id.as_str(),
                    doc.meta.title.as_deref().unwrap_or(""),
                    doc.text.as_str(),
                )
            })
            .collect();
        tx.prepare_cached(
            "INSERT INTO documents_fts (rowid, title, text)
             SELECT d.rowid, j.value ->> 1, j.value ->> 2
             FROM json_each(?1) j JOIN documents d ON d.id = j.value ->> 0",
        )?
        .execute([serde_json::to_string(&new).expect("documents serialise")])?;
        Ok(())
    }

    /// Fusion results describe the events as they were; any change to derived data makes
    /// them stale until fusion runs again.
    fn invalidate_fusion(tx: &Transaction<'_>) -> Result<(), StoreError> {
        tx.execute_batch(
            "DELETE FROM contradictions; DELETE FROM fused_members; DELETE FROM fused_events;
             DELETE FROM copy_groups;",
        )?;
        Ok(())
    }

    fn delete_derived(tx: &Transaction<'_>, doc_id: &str) -> Result<(), StoreError> {
        for sql in [
            "DELETE FROM sentences WHERE doc_id = ?1",
            "DELETE FROM mentions WHERE doc_id = ?1",
            "DELETE FROM events WHERE doc_id = ?1",
            "DELETE FROM claims WHERE doc_id = ?1",
        ] {
            tx.prepare_cached(sql)?.execute([doc_id])?;
        }
        Ok(())
    }

    fn insert_derived(
        tx: &Transaction<'_>,
        doc_id: &str,
        version: u32,
        ann: &Annotations,
        entities: &[Entity],
    ) -> Result<(), StoreError> {
        let mut ent = tx.prepare_cached(
            "INSERT INTO entities (id, kind, name, actor_type, country, data)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
               actor_type = excluded.actor_type, country = excluded.country, data = excluded.data",
        )?;
        for e in entities {
            let data = serde_json::to_string(e).expect("entities serialise");
            ent.execute(params![
                e.id.as_str(),
                e.kind.as_str(),
                e.name,
                e.actor_type.map(|t| t.as_str()),
                e.country,
                data
            ])?;
        }
        let mut sent = tx.prepare_cached(
            "INSERT INTO sentences (doc_id, version, begin, end) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for s in &ann.sentences {
            sent.execute(params![
                doc_id,
                version,
                s.span.begin as i64,
                s.span.end as i64
            ])?;
        }
        let mut men = tx.prepare_cached(
            "INSERT INTO mentions (doc_id, version, begin, end, text, type, entity_id, stage)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for m in &ann.mentions {
            men.execute(params![
                doc_id,
                version,
                m.span.begin as i64,
                m.span.end as i64,
                m.text,
                m.mention_type.as_str(),
                m.entity_id.as_ref().map(|e| e.as_str()),
                m.stage
            ])?;
        }
        let mut ev = tx.prepare_cached(
            "INSERT OR REPLACE INTO events (id, doc_id, version, ordinal, data) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, e) in ann.events.iter().enumerate() {
            ev.execute(params![
                e.id,
                doc_id,
                version,
                i as i64,
                serde_json::to_string(e).expect("events serialise")
            ])?;
        }
        let mut cl = tx.prepare_cached(
            "INSERT OR REPLACE INTO claims (id, doc_id, version, ordinal, data) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, c) in ann.claims.iter().enumerate() {
            cl.execute(params![
                c.id,
                doc_id,
                version,
                i as i64,
                serde_json::to_string(c).expect("claims serialise")
            ])?;
        }
        Ok(())
    }

    fn row_to_document(r: &rusqlite::Row<'_>) -> rusqlite::Result<Document> {
        let format: String = r.get(12)?;
        Ok(Document {
            id: DocId(r.get(0)?),
            version: r.get(1)?,
            text: r.get(2)?,
            meta: DocumentMeta {
                title: r.get(3)?,
                published: r.get(4)?,
                source: r.get(5)?,
                author: r.get(6)?,
                url: r.get(7)?,
                canonical_url: r.get(8)?,
                language: r.get(9)?,
            },
            origin: r.get(10)?,
            format: SourceFormat::parse(&format).unwrap_or(SourceFormat::Text),
        })
    }

    fn decode<T: serde::de::DeserializeOwned>(
        what: &'static str,
        id: &str,
        data: &str,
    ) -> Result<T, StoreError> {
        serde_json::from_str(data).map_err(|e| StoreError::Corrupt {
            what,
            id: id.to_owned(),
            message: e.to_string(),
        })
    }

    fn json_rows<T: serde::de::DeserializeOwned>(
        &self,
        what: &'static str,
        table: &str,
        id: Option<&DocId>,
    ) -> Result<Vec<T>, StoreError> {
        let sql = match id {
            Some(_) => format!("SELECT id, data FROM {table} WHERE doc_id = ?1 ORDER BY ordinal"),
            None => format!("SELECT id, data FROM {table} ORDER BY doc_id, ordinal"),
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let map = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?));
        let rows: Vec<(String, String)> = match id {
            Some(d) => stmt
                .query_map([d.as_str()], map)?
                .collect::<Result<_, _>>()?,
            None => stmt.query_map([], map)?.collect::<Result<_, _>>()?,
        };
        rows.iter()
            .map(|(id, data)| Self::decode(what, id, data))
            .collect()
    }
}

const DOC_COLUMNS: &str = "v.doc_id, v.version, v.text, v.title, v.published, v.source, v.author,
    v.url, v.canonical_url, v.language, v.origin, v.ingested_at, v.format";

impl Store for SqliteStore {
    fn write_batch(&mut self, items: Vec<WriteItem>) -> Result<Vec<PutOutcome>, StoreError> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(items.len());
        let mut written = Vec::new();
        for item in &items {
            let hash = item.document.content_hash();
            let (outcome, version) = Self::put_document(&tx, &item.document, &hash)?;
            if outcome != PutOutcome::Unchanged {
                written.push((&item.document, outcome));
                Self::delete_derived(&tx, item.document.id.as_str())?;
                Self::insert_derived(
                    &tx,
                    item.document.id.as_str(),
                    version,
                    &item.annotations,
                    &item.entities,
                )?;
            }
            outcomes.push(outcome);
        }
        if !written.is_empty() {
            Self::invalidate_fusion(&tx)?;
        }
        Self::index_for_search(&tx, &written)?;
        tx.commit()?;
        Ok(outcomes)
    }

    fn current_hash(&self, id: &DocId) -> Result<Option<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.content_hash FROM documents d JOIN document_versions v
             ON v.doc_id = d.id AND v.version = d.current_version WHERE d.id = ?1",
        )?;
        Ok(stmt.query_row([id.as_str()], |r| r.get(0)).optional()?)
    }

    fn replace_derived(&mut self, items: Vec<WriteItem>) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for item in &items {
            let id = item.document.id.as_str();
            let version: Option<u32> = tx
                .query_row(
                    "SELECT current_version FROM documents WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(version) = version else { continue };
            Self::delete_derived(&tx, id)?;
            Self::insert_derived(&tx, id, version, &item.annotations, &item.entities)?;
        }
        Self::invalidate_fusion(&tx)?;
        tx.commit()?;
        Ok(())
    }

    fn clear_derived(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch(
            "BEGIN; DELETE FROM sentences; DELETE FROM mentions; DELETE FROM events;
             DELETE FROM claims; DELETE FROM contradictions; DELETE FROM fused_members;
             DELETE FROM fused_events; DELETE FROM copy_groups; COMMIT;",
        )?;
        Ok(())
    }

    fn document(&self, id: &DocId, version: Option<u32>) -> Result<Option<Document>, StoreError> {
        let sql = format!(
            "SELECT {DOC_COLUMNS} FROM document_versions v JOIN documents d ON d.id = v.doc_id
             WHERE v.doc_id = ?1 AND v.version = COALESCE(?2, d.current_version)"
        );
        Ok(self
            .conn
            .query_row(&sql, params![id.as_str(), version], Self::row_to_document)
            .optional()?)
    }

    fn versions(&self, id: &DocId) -> Result<Vec<u32>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT version FROM document_versions WHERE doc_id = ?1 ORDER BY version")?;
        let v = stmt
            .query_map([id.as_str()], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(v)
    }

    fn document_ids(&self) -> Result<Vec<DocId>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT id FROM documents ORDER BY id")?;
        let v = stmt
            .query_map([], |r| Ok(DocId(r.get(0)?)))?
            .collect::<Result<_, _>>()?;
        Ok(v)
    }

    fn list_documents(&self, f: &DocFilter) -> Result<Vec<DocSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT v.doc_id, v.version, v.title, v.published, v.source, v.format, v.word_count,
                (SELECT COUNT(*) FROM mentions m WHERE m.doc_id = v.doc_id)
             FROM document_versions v JOIN documents d ON d.id = v.doc_id AND d.current_version = v.version
             WHERE (?1 IS NULL OR v.source = ?1)
               AND (?2 IS NULL OR v.published >= ?2)
               AND (?3 IS NULL OR substr(v.published, 1, length(?3)) <= ?3)
               AND (?4 IS NULL OR instr(lower(v.text), lower(?4)) > 0 OR instr(lower(COALESCE(v.title, '')), lower(?4)) > 0)
             ORDER BY v.published IS NULL, v.published DESC, v.doc_id
             LIMIT COALESCE(?5, -1)",
        )?;
        let rows = stmt
            .query_map(
                params![
                    f.source,
                    f.since,
                    f.until,
                    f.contains,
                    f.limit.map(|l| l as i64)
                ],
                |r| {
                    Ok(DocSummary {
                        id: DocId(r.get(0)?),
                        version: r.get(1)?,
                        title: r.get(2)?,
                        published: r.get(3)?,
                        source: r.get(4)?,
                        format: r.get(5)?,
                        words: r.get::<_, i64>(6)? as u64,
                        mentions: r.get::<_, i64>(7)? as u64,
                    })
                },
            )?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn mentions(&self, id: &DocId) -> Result<Vec<Mention>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT begin, end, text, type, entity_id, stage FROM mentions WHERE doc_id = ?1 ORDER BY begin, end",
        )?;
        let rows = stmt
            .query_map([id.as_str()], |r| {
                let ty: String = r.get(3)?;
                Ok(Mention {
                    span: Span {
                        document_id: id.clone(),
                        begin: r.get::<_, i64>(0)? as usize,
                        end: r.get::<_, i64>(1)? as usize,
                    },
                    text: r.get(2)?,
                    mention_type: MentionType::parse(&ty).unwrap_or(MentionType::Org),
                    entity_id: r.get::<_, Option<String>>(4)?.map(EntityId),
                    stage: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn events(&self, id: Option<&DocId>) -> Result<Vec<Event>, StoreError> {
        self.json_rows("event", "events", id)
    }

    fn claims(&self, id: Option<&DocId>) -> Result<Vec<Claim>, StoreError> {
        self.json_rows("claim", "claims", id)
    }

    fn entity(&self, id: &str) -> Result<Option<Entity>, StoreError> {
        let data: Option<String> = self
            .conn
            .query_row("SELECT data FROM entities WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        data.map(|d| Self::decode("entity", id, &d)).transpose()
    }

    fn top_entities(&self, places: bool, limit: u64) -> Result<Vec<EntityCount>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.name, e.kind, COUNT(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id
             WHERE (e.kind = 'place') = ?1
             GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![places, limit as i64], |r| {
                Ok(EntityCount {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    mentions: r.get::<_, i64>(3)? as u64,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let mut stmt = self
            .conn
            .prepare("SELECT type, COUNT(*) FROM mentions GROUP BY type ORDER BY type")?;
        let by_type = stmt
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })?
            .collect::<Result<_, _>>()?;
        Ok(Stats {
            documents: count("SELECT COUNT(*) FROM documents")?,
            document_versions: count("SELECT COUNT(*) FROM document_versions")?,
            words: count(
                "SELECT COALESCE(SUM(v.word_count), 0) FROM document_versions v
                 JOIN documents d ON d.id = v.doc_id AND d.current_version = v.version",
            )?,
            sentences: count("SELECT COUNT(*) FROM sentences")?,
            mentions: count("SELECT COUNT(*) FROM mentions")?,
            entities: count("SELECT COUNT(*) FROM entities")?,
            events: count("SELECT COUNT(*) FROM events")?,
            claims: count("SELECT COUNT(*) FROM claims")?,
            mentions_by_type: by_type,
        })
    }

    fn check(&self) -> Result<CheckReport, StoreError> {
        let mut report = CheckReport::default();
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if integrity != "ok" {
            report
                .problems
                .push(format!("integrity_check: {integrity}"));
        }
        {
            let mut fk = self.conn.prepare("PRAGMA foreign_key_check")?;
            let rows: Vec<(String, i64, String)> = fk
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            for (table, rowid, parent) in rows {
                report.problems.push(format!(
                    "{table} row {rowid} refers to a missing {parent} row"
                ));
            }
        }
        let missing: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM documents d LEFT JOIN document_versions v
             ON v.doc_id = d.id AND v.version = d.current_version WHERE v.doc_id IS NULL",
            [],
            |r| r.get(0),
        )?;
        if missing > 0 {
            report
                .problems
                .push(format!("{missing} documents lack their current version"));
        }
        let stale: i64 = self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.version != d.current_version)
                  + (SELECT COUNT(*) FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE s.version != d.current_version)",
            [],
            |r| r.get(0),
        )?;
        if stale > 0 {
            report.problems.push(format!(
                "{stale} mentions or sentences belong to a superseded version"
            ));
        }
        // Every span slices its document's text and mentions repeat the text they cover.
        let mut docs = self.conn.prepare(
            "SELECT v.doc_id, v.text, v.char_len, v.content_hash FROM document_versions v
             JOIN documents d ON d.id = v.doc_id AND d.current_version = v.version",
        )?;
        let mut mentions = self
            .conn
            .prepare_cached("SELECT begin, end, text FROM mentions WHERE doc_id = ?1")?;
        let mut sentences = self
            .conn
            .prepare_cached("SELECT begin, end FROM sentences WHERE doc_id = ?1")?;
        let mut rows = docs.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let text: String = r.get(1)?;
            let char_len: i64 = r.get(2)?;
            report.documents_checked += 1;
            if text.chars().count() as i64 != char_len {
                report
                    .problems
                    .push(format!("{id}: stored length does not match its text"));
            }
            let offsets = tessera_model::CharOffsets::new(&text);
            let ms: Vec<(i64, i64, String)> = mentions
                .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            for (b, e, t) in ms {
                report.spans_checked += 1;
                match offsets.slice(&text, b as usize, e as usize) {
                    Some(s) if s == t => {}
                    _ => report.problems.push(format!(
                        "{id}: mention [{b}, {e}) {t:?} does not match the text"
                    )),
                }
            }
            let ss: Vec<(i64, i64)> = sentences
                .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (b, e) in ss {
                report.spans_checked += 1;
                if b > e || e > char_len {
                    report
                        .problems
                        .push(format!("{id}: sentence [{b}, {e}) is outside the text"));
                }
            }
        }
        for (what, table) in [("event", "events"), ("claim", "claims")] {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT id, data FROM {table}"))?;
            let rows: Vec<(String, String)> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (id, data) in rows {
                if let Err(e) = serde_json::from_str::<serde_json::Value>(&data) {
                    report
                        .problems
                        .push(format!("{what} {id}: corrupt JSON: {e}"));
                }
            }
        }
        Ok(report)
    }

    fn put_gazetteer_entry(
        &mut self,
        kind: &str,
        id: &str,
        json: &str,
        origin: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO gazetteer_user (id, kind, data, origin, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(kind, id) DO UPDATE SET data = excluded.data, origin = excluded.origin,
               imported_at = excluded.imported_at",
            params![id, kind, json, origin, now()],
        )?;
        Ok(())
    }

    fn gazetteer_entries(&self, kind: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM gazetteer_user WHERE kind = ?1 ORDER BY id")?;
        let rows = stmt
            .query_map([kind], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn documents_as_of(&self, as_of: Option<&str>) -> Result<Vec<DatedDocument>, StoreError> {
        let bound = as_of.map(end_of_moment);
        let sql = format!(
            "SELECT {DOC_COLUMNS}, d.current_version FROM document_versions v
             JOIN documents d ON d.id = v.doc_id
             WHERE v.version = (SELECT MAX(w.version) FROM document_versions w
                                WHERE w.doc_id = v.doc_id AND (?1 IS NULL OR w.ingested_at <= ?1))
             ORDER BY v.doc_id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([bound.as_deref()], |r| {
            let document = Self::row_to_document(r)?;
            let current: u32 = r.get(13)?;
            Ok(DatedDocument {
                current: document.version == current,
                ingested_at: r.get(11)?,
                document,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn replace_fusion(&mut self, rows: FusionRows) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        Self::invalidate_fusion(&tx)?;
        {
            let mut ev =
                tx.prepare("INSERT INTO fused_events (id, ordinal, data) VALUES (?1, ?2, ?3)")?;
            let mut mem = tx.prepare(
                "INSERT OR REPLACE INTO fused_members (event_id, fused_id) VALUES (?1, ?2)",
            )?;
            for (i, (id, members, data)) in rows.events.iter().enumerate() {
                ev.execute(params![id, i as i64, data])?;
                for m in members {
                    mem.execute(params![m, id])?;
                }
            }
            let mut ct = tx.prepare(
                "INSERT INTO contradictions (id, fused_id, field, data) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (id, fused, field, data) in &rows.contradictions {
                ct.execute(params![id, fused, field, data])?;
            }
            let mut cg = tx
                .prepare("INSERT OR REPLACE INTO copy_groups (doc_id, group_no) VALUES (?1, ?2)")?;
            for (g, docs) in rows.copy_groups.iter().enumerate() {
                for d in docs {
                    cg.execute(params![d.as_str(), g as i64])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn fused_events_json(&self) -> Result<Option<Vec<String>>, StoreError> {
        let fused: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM fused_events", [], |r| r.get(0))?;
        let events: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))?;
        if fused == 0 && events > 0 {
            return Ok(None);
        }
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM fused_events ORDER BY ordinal")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(Some(rows.collect::<Result<_, _>>()?))
    }

    fn contradictions_json(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.data FROM contradictions c JOIN fused_events f ON f.id = c.fused_id
             ORDER BY f.ordinal, c.field",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn put_coded_events(&mut self, rows: Vec<CodedEventRow>) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut changed = 0;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO coded_events (id, dataset, doc_id, line, event, fields)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(id) DO UPDATE SET dataset = excluded.dataset, doc_id = excluded.doc_id,
                   line = excluded.line, event = excluded.event, fields = excluded.fields
                 WHERE coded_events.fields != excluded.fields OR coded_events.event != excluded.event",
            )?;
            for r in &rows {
                changed += stmt.execute(params![
                    r.id,
                    r.dataset,
                    r.doc_id,
                    r.line as i64,
                    r.event,
                    r.fields
                ])?;
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    fn coded_events(&self, dataset: Option<&str>) -> Result<Vec<CodedEventRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, dataset, doc_id, line, event, fields FROM coded_events
             WHERE ?1 IS NULL OR dataset = ?1 ORDER BY dataset, line, id",
        )?;
        let rows = stmt.query_map([dataset], |r| {
            Ok(CodedEventRow {
                id: r.get(0)?,
                dataset: r.get(1)?,
                doc_id: r.get(2)?,
                line: r.get::<_, i64>(3)? as u64,
                event: r.get(4)?,
                fields: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn put_designations(&mut self, rows: Vec<DesignationRow>) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut changed = 0;
        {
            let mut stmt = tx.prepare(
                "INSERT INTO designations (id, entity_id, matched_by, data) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(id) DO UPDATE SET entity_id = excluded.entity_id,
                   matched_by = excluded.matched_by, data = excluded.data
                 WHERE designations.data != excluded.data
                    OR designations.entity_id IS NOT excluded.entity_id",
            )?;
            for r in &rows {
                changed += stmt.execute(params![r.id, r.entity_id, r.matched_by, r.data])?;
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    fn designations(&self) -> Result<Vec<DesignationRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, entity_id, matched_by, data FROM designations ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(DesignationRow {
                id: r.get(0)?,
                entity_id: r.get(1)?,
                matched_by: r.get(2)?,
                data: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn add_analyst_claim(
        &mut self,
        subject: &str,
        predicate: &str,
        object: &str,
        analyst: Option<&str>,
        note: Option<&str>,
    ) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO analyst_claims (subject, predicate, object, analyst, note, made_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![subject, predicate, object, analyst, note, now()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    fn revoke_analyst_claim(&mut self, id: i64) -> Result<bool, StoreError> {
        let n = self.conn.execute(
            "UPDATE analyst_claims SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
            params![id, now()],
        )?;
        Ok(n == 1)
    }

    fn analyst_claims(
        &self,
        as_of: Option<&str>,
        include_revoked: bool,
    ) -> Result<Vec<AnalystClaim>, StoreError> {
        let bound = as_of.map(end_of_moment);
        let mut stmt = self.conn.prepare(
            "SELECT id, subject, predicate, object, analyst, note, made_at, revoked_at
             FROM analyst_claims
             WHERE (?1 IS NULL OR made_at <= ?1)
               AND (?2 OR revoked_at IS NULL OR (?1 IS NOT NULL AND revoked_at > ?1))
             ORDER BY id",
        )?;
        let rows = stmt.query_map(params![bound, include_revoked], |r| {
            Ok(AnalystClaim {
                id: r.get(0)?,
                subject: r.get(1)?,
                predicate: r.get(2)?,
                object: r.get(3)?,
                analyst: r.get(4)?,
                note: r.get(5)?,
                made_at: r.get(6)?,
                revoked_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn search_documents(&self, query: &str, limit: u64) -> Result<Vec<SearchHit>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(vec![]);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, v.title, v.published, v.source,
                    snippet(documents_fts, 1, char(2), char(3), '…', 24), bm25(documents_fts)
             FROM documents_fts f
             JOIN documents d ON d.rowid = f.rowid
             JOIN document_versions v ON v.doc_id = d.id AND v.version = d.current_version
             WHERE documents_fts MATCH ?1
             ORDER BY bm25(documents_fts), d.id
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![fts, limit as i64], |r| {
            Ok(SearchHit {
                id: DocId(r.get(0)?),
                title: r.get(1)?,
                published: r.get(2)?,
                source: r.get(3)?,
                snippet: r.get(4)?,
                score: -r.get::<_, f64>(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn put_api_token(&mut self, hash: &str, role: &str, label: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO api_tokens (hash, role, label, created_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![hash, role, label, now()],
        )?;
        Ok(())
    }

    fn api_tokens(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT hash, role FROM api_tokens ORDER BY created_at, hash")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The user's words as an FTS5 query: each word quoted (so operators and stray quotes in
/// the input cannot break the syntax), all required; a trailing `*` keeps prefix search.
fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split_whitespace()
        .filter_map(|w| {
            let prefix = w.ends_with('*');
            let word: String = w
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '\'')
                .collect();
            let word = word.trim_matches(|c| c == '-' || c == '\'');
            (!word.is_empty()).then(|| format!("\"{word}\"{}", if prefix { "*" } else { "" }))
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl SqliteStore {
    /// Run several gazetteer writes in one transaction (imports of large dumps).
    pub fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(v) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_model::Sentence;

    fn doc(id: &str, text: &str) -> Document {
        Document {
            id: DocId::from(id),
            version: 0,
            text: text.into(),
            meta: DocumentMeta::default(),
            format: SourceFormat::Text,
            origin: None,
        }
    }

    fn item(d: Document) -> WriteItem {
        let span = |b, e| Span {
            document_id: d.id.clone(),
            begin: b,
            end: e,
        };
        let text = d.text.clone();
        let quetta = text.find("Quetta").map(|b| text[..b].chars().count());
        let mut ann = Annotations::default();
        ann.sentences.push(Sentence {
            span: span(0, text.chars().count()),
        });
        if let Some(b) = quetta {
            ann.mentions.push(Mention {
                span: span(b, b + 6),
                text: "Quetta".into(),
                mention_type: MentionType::Loc,
                entity_id: Some(EntityId::from("gn:1167528")),
                stage: "test".into(),
            });
        }
        let entities = vec![Entity {
            id: EntityId::from("gn:1167528"),
            kind: tessera_model::EntityKind::Place,
            name: "Quetta".into(),
            aliases: vec![],
            actor_type: None,
            country: Some("PK".into()),
            parent: None,
            place: None,
        }];
        WriteItem {
            document: d,
            annotations: ann,
            entities,
        }
    }

    #[test]
    fn versions_idempotency_and_derived_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len());
        let out = s
            .write_batch(vec![
                item(doc("a", "Blast in Quetta.")),
                item(doc("b", "Calm day.")),
            ])
            .unwrap();
        assert_eq!(out, [PutOutcome::New, PutOutcome::New]);
        assert_eq!(
            s.write_batch(vec![item(doc("a", "Blast in Quetta."))])
                .unwrap(),
            [PutOutcome::Unchanged]
        );
        let out = s
            .write_batch(vec![item(doc("a", "Second blast in Quetta."))])
            .unwrap();
        assert_eq!(out, [PutOutcome::NewVersion(2)]);
        drop(s);

        let s = SqliteStore::open(&path).unwrap();
        let a = DocId::from("a");
        assert_eq!(s.versions(&a).unwrap(), [1, 2]);
        assert_eq!(
            s.document(&a, None).unwrap().unwrap().text,
            "Second blast in Quetta."
        );
        assert_eq!(
            s.document(&a, Some(1)).unwrap().unwrap().text,
            "Blast in Quetta."
        );
        let m = s.mentions(&a).unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].span.begin, 16);
        let st = s.stats().unwrap();
        assert_eq!(
            (
                st.documents,
                st.document_versions,
                st.mentions,
                st.sentences,
                st.entities
            ),
            (2, 3, 1, 2, 1)
        );
        let report = s.check().unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(s.top_entities(true, 5).unwrap()[0].mentions, 1);
    }

    #[test]
    fn check_finds_broken_spans_and_references() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        s.write_batch(vec![item(doc("a", "Blast in Quetta."))])
            .unwrap();
        s.conn.execute("UPDATE mentions SET begin = 0", []).unwrap();
        s.conn.execute_batch("PRAGMA foreign_keys = OFF; INSERT INTO mentions VALUES ('a', 1, 0, 5, 'Blast', 'ORG', 'nope', 't'); PRAGMA foreign_keys = ON;").unwrap();
        let report = s.check().unwrap();
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.contains("does not match the text")),
            "{:?}",
            report.problems
        );
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.contains("refers to a missing entities row")),
            "{:?}",
            report.problems
        );
    }

    #[test]
    fn clearing_and_replacing_derived_data() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        s.write_batch(vec![item(doc("a", "Blast in Quetta."))])
            .unwrap();
        s.clear_derived().unwrap();
        assert_eq!(s.stats().unwrap().mentions, 0);
        s.replace_derived(vec![item(doc("a", "Blast in Quetta."))])
            .unwrap();
        assert_eq!(s.stats().unwrap().mentions, 1);
        assert!(s.check().unwrap().problems.is_empty());
    }

    #[test]
    fn newer_schemas_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(SqliteStore::open(&path).unwrap());
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        drop(c);
        assert!(matches!(
            SqliteStore::open(&path),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }

    #[test]
    fn search_finds_current_versions_only_and_survives_hostile_queries() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        s.write_batch(vec![
            item(doc("a", "Blast in Quetta kills two.")),
            item(doc("b", "Clash near Bannu.")),
        ])
        .unwrap();
        let hits = s.search_documents("quetta", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].id.as_str(), "a");
        assert!(
            hits[0].snippet.contains("\u{2}Quetta\u{3}"),
            "{}",
            hits[0].snippet
        );
        // A new version replaces the old text in the index.
        s.write_batch(vec![item(doc("a", "Blast in Peshawar kills two."))])
            .unwrap();
        assert!(s.search_documents("quetta", 10).unwrap().is_empty());
        assert_eq!(s.search_documents("pesh*", 10).unwrap().len(), 1);
        // FTS5 operators and stray quotes are words, not syntax.
        for q in ["\"", "NEAR(", "a OR", "-", "*", "\"bannu", "bannu)"] {
            s.search_documents(q, 10).unwrap();
        }
        assert_eq!(s.search_documents("\"bannu", 10).unwrap().len(), 1);
        // One id twice in a batch: indexed once, as last given; a changed document beside an
        // unchanged one.
        s.write_batch(vec![
            item(doc("c", "Protest in Gwadar.")),
            item(doc("c", "Protest in Turbat.")),
            item(doc("a", "Blast in Peshawar kills two.")),
            item(doc("b", "Clash near Bannu and Lakki Marwat.")),
        ])
        .unwrap();
        assert!(s.search_documents("gwadar", 10).unwrap().is_empty());
        assert_eq!(s.search_documents("turbat", 10).unwrap().len(), 1);
        assert_eq!(s.search_documents("peshawar", 10).unwrap().len(), 1);
        assert_eq!(s.search_documents("bannu", 10).unwrap().len(), 1);
        assert_eq!(s.search_documents("lakki", 10).unwrap().len(), 1);
        assert_eq!(s.search_documents("kills", 10).unwrap().len(), 1);
    }
}
