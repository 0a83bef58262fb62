//! The engine: inputs in, extraction in parallel, store out — one code path for the CLI and
//! the server.
//!
//! The main types, and how they fit:
//! - [`Engine`] owns the extraction [`Pipeline`](tessera_extract::Pipeline) (sentence
//!   splitter, gazetteer stage, …) and the [`Gazetteer`] it resolves against, built from the
//!   embedded lists plus the user's imported entries ([`Engine::for_store`]).
//! - [`Engine::ingest`] takes any source of [`Item`]s (a `tessera_ingest::Reader` walk, a
//!   JSONL stream, a pasted report), extracts batches in parallel (rayon) and writes each batch
//!   in one transaction; bad inputs are reported to an [`Observer`], counted and skipped.
//! - [`IngestSummary`] counts what happened; [`Engine::reextract`] rebuilds derived data from
//!   stored documents.
//!
//! ```
//! use tessera_engine::{Engine, NoObserver};
//! use tessera_ingest::{ReadOptions, Reader};
//! use tessera_store::{SqliteStore, Store};
//! let mut store = SqliteStore::open_in_memory().unwrap();
//! let engine = Engine::for_store(&store).unwrap();
//! let jsonl = "{\"id\":\"r1\",\"text\":\"The TTP attacked a post in Bajaur.\"}\nnot json\n";
//! let reader = Reader::new(ReadOptions::default());
//! let summary = engine
//!     .ingest(&mut store, |sink| reader.read_jsonl(jsonl.as_bytes(), "stdin", sink), &mut NoObserver)
//!     .unwrap();
//! assert_eq!((summary.new, summary.skipped), (1, 1));
//! assert_eq!(summary.actor_mentions, 1);
//! assert_eq!(store.stats().unwrap().mentions, 2);
//! ```

mod fusion;
mod imports;

pub use fusion::{FuseOptions, GazetteerNames, describe, predicates, source_kind};
pub use imports::DesignationMatch;
pub use tessera_export as export;
pub use tessera_fuse as fuse;
pub use tessera_import as import;

use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;
use tessera_extract::events::EventStage;
use tessera_extract::{ClaimStage, NameStage, NominalStage, Pipeline, SentenceSplitter};
use tessera_ingest::{IngestError, Item};
use tessera_model::{Annotations, DocId, Document, MentionType};
use tessera_resolve::{ActorRecord, Gazetteer, GazetteerStage, PlaceRecord, ResolveError};
use tessera_store::{PutOutcome, Store, StoreError, WriteItem};

/// Why the engine could not start or finish.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The gazetteer or actor data did not load.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// A user gazetteer entry in the store is corrupt.
    #[error("user gazetteer entry is corrupt: {0}")]
    UserEntry(String),
}

/// Hears about progress and skipped inputs while the engine works.
pub trait Observer {
    /// An input was skipped.
    fn skipped(&mut self, _error: &IngestError) {}
    /// Extraction failed on a document (a bug in a stage); the document is stored without
    /// derived data, which `reextract` rebuilds once the bug is fixed.
    fn extraction_failed(&mut self, _document: &DocId, _message: &str) {}
    /// A batch was written.
    fn progress(&mut self, _summary: &IngestSummary) {}
}

/// An observer that ignores everything.
pub struct NoObserver;
impl Observer for NoObserver {}

/// What one ingest run did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestSummary {
    /// Documents read successfully.
    pub read: u64,
    /// New documents.
    pub new: u64,
    /// Identical to what was stored: nothing written.
    pub unchanged: u64,
    /// Changed documents stored as a new version.
    pub new_versions: u64,
    /// Inputs skipped (reported on the way).
    pub skipped: u64,
    /// Words in new or changed documents.
    pub words: u64,
    /// Sentences in new or changed documents.
    pub sentences: u64,
    /// Place mentions found.
    pub place_mentions: u64,
    /// Actor mentions found.
    pub actor_mentions: u64,
    /// Distinct places found.
    pub places: u64,
    /// Distinct actors found.
    pub actors: u64,
    /// Events found.
    pub events: u64,
    /// Claims found.
    pub claims: u64,
    /// Documents stored without derived data because extraction failed on them.
    pub extraction_failed: u64,
    #[serde(skip)]
    place_ids: BTreeSet<String>,
    #[serde(skip)]
    actor_ids: BTreeSet<String>,
}

/// Documents per transaction: large enough to amortise commits, small enough that memory stays
/// flat and a killed run loses little.
pub const DEFAULT_BATCH: usize = 256;

/// The extraction pipeline and its gazetteer.
pub struct Engine {
    pipeline: Pipeline,
    gazetteer: Arc<Gazetteer>,
    batch_size: usize,
}

impl Engine {
    /// An engine over this gazetteer with the default stages.
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        let pipeline = Pipeline::new(vec![
            Box::new(SentenceSplitter),
            Box::new(GazetteerStage::new(gazetteer.clone())),
            Box::new(NameStage),
            Box::new(NominalStage),
            Box::new(EventStage::new(gazetteer.clone())),
            Box::new(ClaimStage),
        ]);
        Engine {
            pipeline,
            gazetteer,
            batch_size: DEFAULT_BATCH,
        }
    }

    /// The embedded gazetteer plus the user's entries saved in the store.
    pub fn for_store(store: &dyn Store) -> Result<Self, EngineError> {
        Ok(Self::new(Arc::new(load_gazetteer(store)?)))
    }

    /// Documents per transaction.
    pub fn with_batch_size(mut self, n: usize) -> Self {
        self.batch_size = n.max(1);
        self
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// The pipeline.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// Extract one document: its annotations and the entities they refer to.
    pub fn extract(&self, document: Document) -> WriteItem {
        let annotations = self.pipeline.run(&document);
        self.item_of(document, annotations)
    }

    /// A document, its annotations and the entities they refer to.
    fn item_of(&self, document: Document, annotations: Annotations) -> WriteItem {
        let mut seen = HashSet::new();
        let entities = annotations
            .mentions
            .iter()
            .filter_map(|m| m.entity_id.as_ref())
            .filter(|id| seen.insert(id.as_str().to_owned()))
            .filter_map(|id| self.gazetteer.entity(id.as_str()))
            .collect();
        WriteItem {
            document,
            annotations,
            entities,
        }
    }

    /// [`Engine::extract`], caught: a stage that panics on one document costs that document's
    /// derived data (the document itself is kept), never the batch. Returns the panic's
    /// message when it happened.
    fn extract_guarded(&self, document: Document) -> (WriteItem, Option<String>) {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.pipeline.run(&document)
        }));
        match run {
            Ok(annotations) => (self.item_of(document, annotations), None),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".to_owned());
                (
                    self.item_of(document, Annotations::default()),
                    Some(message),
                )
            }
        }
    }

    /// Extract `docs` in parallel, each guarded; failures are counted and reported.
    fn extract_all(
        &self,
        docs: Vec<Document>,
        summary: &mut IngestSummary,
        observer: &mut dyn Observer,
    ) -> Vec<WriteItem> {
        let results: Vec<(WriteItem, Option<String>)> = docs
            .into_par_iter()
            .map(|d| self.extract_guarded(d))
            .collect();
        results
            .into_iter()
            .map(|(item, failed)| {
                if let Some(message) = failed {
                    summary.extraction_failed += 1;
                    observer.extraction_failed(&item.document.id, &message);
                }
                item
            })
            .collect()
    }

    /// Read every item `source` produces, extract in parallel and store, batch by batch.
    pub fn ingest(
        &self,
        store: &mut dyn Store,
        source: impl FnOnce(&mut dyn FnMut(Item)),
        observer: &mut dyn Observer,
    ) -> Result<IngestSummary, StoreError> {
        let mut summary = IngestSummary::default();
        let mut batch: Vec<Document> = Vec::with_capacity(self.batch_size);
        let mut failure: Option<StoreError> = None;
        source(&mut |item| {
            if failure.is_some() {
                return;
            }
            match item {
                Ok(doc) => {
                    batch.push(doc);
                    if batch.len() >= self.batch_size
                        && let Err(e) = self.flush(store, &mut batch, &mut summary, observer)
                    {
                        failure = Some(e);
                    }
                }
                Err(e) => {
                    summary.skipped += 1;
                    observer.skipped(&e);
                }
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        self.flush(store, &mut batch, &mut summary, observer)?;
        Ok(summary)
    }

    fn flush(
        &self,
        store: &mut dyn Store,
        batch: &mut Vec<Document>,
        summary: &mut IngestSummary,
        observer: &mut dyn Observer,
    ) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let docs = std::mem::take(batch);
        summary.read += docs.len() as u64;
        // Unchanged documents are not extracted again; a repeated id within the batch is
        // written in order, the later text becoming the next version.
        let mut todo = Vec::with_capacity(docs.len());
        let mut seen_in_batch = HashSet::new();
        for d in docs {
            let fresh = seen_in_batch.insert(d.id.clone());
            if fresh && store.current_hash(&d.id)?.as_deref() == Some(d.content_hash().as_str()) {
                summary.unchanged += 1;
            } else {
                todo.push(d);
            }
        }
        let items = self.extract_all(todo, summary, observer);
        let counted: Vec<ItemCounts> = items.iter().map(ItemCounts::of).collect();
        let outcomes = store.write_batch(items)?;
        for (outcome, counts) in outcomes.into_iter().zip(counted) {
            match outcome {
                PutOutcome::Unchanged => {
                    summary.unchanged += 1;
                    continue;
                }
                PutOutcome::New => summary.new += 1,
                PutOutcome::NewVersion(_) => summary.new_versions += 1,
            }
            counts.add_to(summary);
        }
        observer.progress(summary);
        Ok(())
    }

    /// Drop all derived data and rebuild it from the stored documents' current versions.
    pub fn reextract(
        &self,
        store: &mut dyn Store,
        observer: &mut dyn Observer,
    ) -> Result<IngestSummary, StoreError> {
        store.clear_derived()?;
        let ids = store.document_ids()?;
        let mut summary = IngestSummary::default();
        for chunk in ids.chunks(self.batch_size) {
            let mut docs = Vec::with_capacity(chunk.len());
            for id in chunk {
                docs.extend(store.document(id, None)?);
            }
            let items = self.extract_all(docs, &mut summary, observer);
            summary.read += items.len() as u64;
            for i in &items {
                ItemCounts::of(i).add_to(&mut summary);
            }
            store.replace_derived(items)?;
            observer.progress(&summary);
        }
        Ok(summary)
    }
}

/// What one extracted document adds to a summary.
struct ItemCounts {
    words: u64,
    sentences: u64,
    events: u64,
    claims: u64,
    mentions: Vec<(MentionType, String)>,
}

impl ItemCounts {
    fn of(item: &WriteItem) -> Self {
        let a = &item.annotations;
        ItemCounts {
            words: item.document.word_count() as u64,
            sentences: a.sentences.len() as u64,
            events: a.events.len() as u64,
            claims: a.claims.len() as u64,
            mentions: a
                .mentions
                .iter()
                .filter_map(|m| Some((m.mention_type, m.entity_id.as_ref()?.0.clone())))
                .collect(),
        }
    }

    fn add_to(self, s: &mut IngestSummary) {
        s.words += self.words;
        s.sentences += self.sentences;
        s.events += self.events;
        s.claims += self.claims;
        for (ty, id) in self.mentions {
            if ty == MentionType::Loc {
                s.place_mentions += 1;
                s.place_ids.insert(id);
            } else {
                s.actor_mentions += 1;
                s.actor_ids.insert(id);
            }
        }
        s.places = s.place_ids.len() as u64;
        s.actors = s.actor_ids.len() as u64;
    }
}

/// The embedded gazetteer plus the user's places and actors saved in the store.
pub fn load_gazetteer(store: &dyn Store) -> Result<Gazetteer, EngineError> {
    let mut g = Gazetteer::embedded()?;
    let places = store
        .gazetteer_entries("place")?
        .iter()
        .map(|j| serde_json::from_str::<PlaceRecord>(j))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| EngineError::UserEntry(e.to_string()))?;
    g.add_places(places);
    let actors = store
        .gazetteer_entries("actor")?
        .iter()
        .map(|j| serde_json::from_str::<ActorRecord>(j))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| EngineError::UserEntry(e.to_string()))?;
    g.add_actors(actors);
    Ok(g)
}

/// Throughput figures of a benchmark run (see [`bench`]).
#[derive(Debug, Clone, Default, Serialize)]
pub struct BenchReport {
    /// Documents processed.
    pub documents: u64,
    /// Whitespace-separated words processed.
    pub words: u64,
    /// Events found (a benchmark must do the work it claims to measure).
    pub events: u64,
    /// Mentions found.
    pub mentions: u64,
    /// Extraction alone, one thread: words per second of wall-clock time.
    pub extract_words_per_sec_one_core: f64,
    /// The same per second of the process's CPU time: on a shared machine the wall clock also
    /// counts time the thread waited for its core.
    pub extract_words_per_cpu_sec: Option<f64>,
    /// Per stage, one thread: (stage, words per second through that stage alone).
    pub stages: Vec<(String, f64)>,
    /// Whole ingest (parse, extract in parallel, store) wall-clock words per second.
    pub ingest_words_per_sec: f64,
    /// Whole ingest, words per second per core used (CPU time).
    pub ingest_words_per_sec_per_core: f64,
    /// Threads the parallel ingest used.
    pub threads: usize,
    /// Peak resident memory of the process, bytes (Linux `VmHWM`).
    pub peak_rss_bytes: Option<u64>,
}

fn cpu_seconds() -> Option<f64> {
    // utime + stime of this process from /proc/self/stat, in clock ticks (100 Hz on Linux).
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Peak resident memory (Linux `VmHWM`), bytes.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

// The source is called twice with a sink; naming the type would not make it simpler.
#[allow(clippy::type_complexity)]
/// Measure extraction (one thread, per stage) and the whole ingest into `store` over documents
/// read from `source`. Documents are streamed twice through `source` so memory stays flat.
pub fn bench(
    engine: &Engine,
    store: &mut dyn Store,
    source: &dyn Fn(&mut dyn FnMut(Item)),
) -> Result<BenchReport, StoreError> {
    let mut report = BenchReport::default();
    // 1. Extraction alone, on this thread, timing every stage.
    let names: Vec<String> = std::iter::once("prepare".to_owned())
        .chain(engine.pipeline.stage_names().into_iter().map(str::to_owned))
        .collect();
    let mut nanos = vec![0u128; names.len()];
    let cpu_start = cpu_seconds();
    let t0 = std::time::Instant::now();
    source(&mut |item| {
        if let Ok(doc) = item {
            let ann = engine.pipeline.run_timed(&doc, &mut nanos);
            report.documents += 1;
            report.words += doc.word_count() as u64;
            report.events += ann.events.len() as u64;
            report.mentions += ann.mentions.len() as u64;
        }
    });
    let secs = t0.elapsed().as_secs_f64().max(1e-9);
    report.extract_words_per_sec_one_core = report.words as f64 / secs;
    report.extract_words_per_cpu_sec = cpu_start
        .and_then(|c0| Some(cpu_seconds()? - c0))
        .filter(|c| *c > 0.0)
        .map(|c| report.words as f64 / c);
    report.stages = names
        .into_iter()
        .zip(nanos)
        .map(|(n, ns)| (n, report.words as f64 / (ns as f64 / 1e9).max(1e-9)))
        .collect();
    // 2. The whole ingest, in parallel, into the store.
    let cpu0 = cpu_seconds();
    let t1 = std::time::Instant::now();
    let summary = engine.ingest(store, |sink| source(sink), &mut NoObserver)?;
    let wall = t1.elapsed().as_secs_f64().max(1e-9);
    let cpu = cpu0
        .and_then(|c0| Some(cpu_seconds()? - c0))
        .filter(|c| *c > 0.0);
    report.ingest_words_per_sec = summary.words as f64 / wall;
    report.ingest_words_per_sec_per_core = cpu.map_or(
        report.ingest_words_per_sec / rayon::current_num_threads() as f64,
        |c| summary.words as f64 / c,
    );
    report.threads = rayon::current_num_threads();
    report.peak_rss_bytes = peak_rss_bytes();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_model::{DocId, DocumentMeta, SourceFormat};
    use tessera_store::SqliteStore;

    fn doc(id: &str, text: String) -> Document {
        Document {
            id: DocId::from(id),
            version: 0,
            text,
            meta: DocumentMeta::default(),
            format: SourceFormat::Text,
            origin: None,
        }
    }

    fn gazetteer() -> Arc<Gazetteer> {
        static G: std::sync::OnceLock<Arc<Gazetteer>> = std::sync::OnceLock::new();
        G.get_or_init(|| Arc::new(Gazetteer::embedded().unwrap()))
            .clone()
    }

    fn engine() -> Engine {
        Engine::new(gazetteer())
    }

    /// Every span an extraction emits must slice the text it came from.
    fn assert_spans_slice(item: &WriteItem) {
        let t = &item.document.text;
        let o = tessera_model::CharOffsets::new(t);
        for m in &item.annotations.mentions {
            assert_eq!(o.slice(t, m.span.begin, m.span.end), Some(m.text.as_str()));
        }
        for s in &item.annotations.sentences {
            assert!(o.slice(t, s.span.begin, s.span.end).is_some());
        }
        for e in &item.annotations.events {
            for x in &e.evidence {
                assert!(o.slice(t, x.begin, x.end).is_some());
            }
        }
        for c in &item.annotations.claims {
            for x in &c.evidence {
                assert!(o.slice(t, x.begin, x.end).is_some());
            }
        }
    }

    #[test]
    fn hard_inputs_give_sound_results() {
        let e = engine();
        let cases = [
            // Other scripts.
            "پشاور میں دھماکہ، تین افراد ہلاک۔ پولیس کے مطابق حملہ آور فرار ہو گئے۔".to_owned(),
            "کابل کې چاودنه وشوه او دوه کسان ووژل شول".to_owned(),
            // A table flattened to text.
            "District | Killed | Injured\nQuetta | 3 | 5\nTurbat | 1 | 0\n".to_owned(),
            // An all-caps headline.
            "BLAST KILLS THREE IN QUETTA; TTP CLAIMS RESPONSIBILITY".to_owned(),
            // Nothing to find.
            "The weather was mild and the markets were open as usual.".to_owned(),
            // Punctuation and digits only.
            "... 12 ,, 3 -- 4 !!! ??".to_owned(),
            String::new(),
        ];
        for (i, text) in cases.into_iter().enumerate() {
            let item = e.extract(doc(&format!("d{i}"), text));
            assert_spans_slice(&item);
        }
        let none = e.extract(doc(
            "calm",
            "The weather was mild and the markets were open as usual.".into(),
        ));
        assert!(none.annotations.events.is_empty());
        assert!(none.annotations.claims.is_empty());
    }

    #[test]
    fn a_long_document_is_read_whole() {
        // About 2 MB of reports run together without blank lines; the extractor must keep
        // its spans right across the whole text and find the events in every part.
        let para = "QUETTA — Two FC soldiers were killed and three injured when a roadside bomb exploded in Turbat on Monday, officials said. ";
        let text = para.repeat(17_000);
        assert!(text.len() > 2_000_000);
        let item = engine().extract(doc("long", text));
        assert_spans_slice(&item);
        // Identical sentences merge a few at a time (restatements), never all into one.
        assert!(
            item.annotations.events.len() >= 16_000 / 6,
            "{}",
            item.annotations.events.len()
        );
        let last = item.annotations.events.last().unwrap();
        assert_eq!(last.fatalities, Some(2));
        // Air strikes nobody is named for look for the forces the whole report names: read
        // once a report, not once an event (2 MB of them took half a minute when it was).
        let strikes = "A drone strike hit a compound in Shawal on Monday, killing three. ";
        let item = engine().extract(doc("strikes", strikes.repeat(30_000)));
        assert_spans_slice(&item);
        assert!(item.annotations.events.len() >= 30_000 / 6);
        // One "sentence" with no full stop, full of places, groups, counts and dates (a
        // flattened table, say): every lookup inside a sentence must stay linear for this to
        // finish (it took minutes when places, dates and counts were scanned pairwise).
        let row = "7 killed and 3 injured near Lahore, the TTP is suspected, Kunduz and Khost \
                   provinces, Quetta Electric Supply Company, on Monday 12 May 2015, one strike \
                   hit a compound, India funds the BLA, a charge Kabul denied, between 15 and \
                   20 people were killed, a patrol came under fire after a blast, police \
                   arrested two in a raid after a bombing, troops of India responded, \
                   explosives were recovered, 29 have been killed since 2001, a bomb was \
                   named, the Taliban vowed to carry out blasts and took control of two \
                   villages, Constable Asif Khan, 33, was shot, On March 9, 12 died in more \
                   than 200 attacks, police opened fire on a rally, two policemen and a \
                   passer-by were killed, most of the dead were soldiers, unidentified gunmen \
                   shot dead a TTP commander, the BLA said it had killed 20 soldiers, \
                   relatives allege he was picked up by security agencies, Pakistan accused \
                   Afghan forces of firing mortars, the previous day, 600 attacks, armed men \
                   set ablaze six tankers, Pakistan and Afghanistan agreed to reopen, police \
                   killed two kidnappers and recovered the abducted boy, 300 killed so far \
                   this year, officials said on Monday that, recovered from their possession, \
                   dispersed peacefully, were stated to be, announced a strike on Monday, \
                   In the second, one incident on Friday, a resident of Karak, the Turi and \
                   Bangash tribes clashed, an unexploded mortar round, killing all 33 \
                   militants, warned on Tuesday that, sentenced two men for their role in, \
                   half a dozen militants were killed, eight to ten people were feared dead, \
                   a teacher who was kidnapped on Monday was found shot dead, two were gunned \
                   down and a third wounded, arrested a would-be suicide bomber, recovered \
                   suicide vests, took control of the crossing without a fight, several were \
                   detained, including the facilitator, was allegedly raped, shelling from \
                   Pakistan killed three, Afghan forces had killed 19 Pakistani soldiers, \
                   Zabihullah Mujahid, the Islamic Emirate's spokesman, said, the military \
                   rejected the claim, The following day, a mob set fire to houses, \
                   ending the sit-in, they set tyres on fire and attacked police vehicles, \
                   Former minister Shireen Mazari was arrested, Police said accused Abdul \
                   Maalik Bengali was killed, Weapons and explosives were also seized, \
                   police opened fire on PTM workers marching, its fighters had killed 14 \
                   security personnel, Two persons, identified as Ali Gola and Mehmood Gola, \
                   the workers of the PPP, were killed, Zabihullah Mujahid, the spokesman, \
                   denied that the TTP has sanctuaries in Afghanistan, The BLF and BLA \
                   announced a merger, Two Chinese nationals were killed, Afghans rallied to \
                   condemn the air strikes, the victims of Tuesday's bombing, bullet-riddled \
                   bodies were recovered from a ravine, Afghan border guards were killed by \
                   Pakistan's troops, no casualties were reported, no one else was hurt, \
                   halting train services to Quetta, near Mashkaf in Bolan, a quadcopter \
                   dropped a bomb, a day after sectarian clashes, three suspects involved in \
                   the extortion of traders were arrested, for the killing of traders, \
                   The Counter Terrorism Department (CTD) on Wednesday said, a claim the \
                   government rejected, Mahrang Baloch and 16 others were arrested, a \
                   commander of the TTP was shot dead by unknown gunmen, the Taliban has \
                   not commented on the killing, 11 civilians were killed in two separate \
                   incidents, with hand grenades and automatic weapons, blocked the \
                   Bannu-Miranshah road, demanding the arrest of, accused Pakistan on Monday \
                   of carrying out drone strikes, eight khwarij were sent to hell, the BLA \
                   is backed by India, providing safe houses to TTP commanders, are rivals \
                   and have clashed, pledged allegiance to the Taliban, rejoined the TTP, set \
                   up training camps in Kunar, two policemen guarding a polio team were shot \
                   dead, Pakistani forces responded to unprovoked firing, wounded 13 outside \
                   the ministry, sent six of them to hell, recovered a trader who had been \
                   kidnapped, in connection with last month's killing of a man, the group's \
                   affiliate has carried out similar attacks, more than 200 Taliban and \
                   affiliated militants were killed, in retaliation for air strikes in Kabul, \
                   an off-duty soldier was shot dead near his home, four men were dragged \
                   out of a coach and shot dead, shot down a quadcopter, A day after gunmen \
                   killed 42 passengers, police detained 120 Afghans, the claim could not \
                   be independently verified, Al Qaeda's chief has been killed, a \
                   trader injured in the attack succumbed to his injuries, violence has \
                   killed dozens in recent months, Assistant Commissioner Najeeb Kakar said, \
                   which the United States designated in 2012, is closely tied to, using tear gas, \
                   hours after four Rangers were killed when a vehicle rammed into them, \
                   killed by police firing, police fired on workers, claimed that its \
                   workers had been killed, a charge the government denied, Pakistan \
                   carried out strikes inside Iran, two days after Tehran said, attacks \
                   rose by 42 per cent, with 74 attacks recorded. The attacks killed 91, \
                   staged a sit-in against the abduction of a colleague, who was kidnapped \
                   last week, injured his two guards, with rockets and small arms, a \
                   mortar shell fired by militants exploded, following the attack on the \
                   convoy, a woman and her two children, the suspects, who were allegedly \
                   planning attacks, were arrested, an alleged facilitator, claimed to have \
                   killed 15 soldiers, but the military put the toll at four, a drone, \
                   believed to be American, struck, officials blamed the TTP for \
                   Friday's bombing, which killed three, ISLAMABAD: Pakistan's defence \
                   minister warned, a man who is said to be involved in kidnapping, \
                   BYC chief Dr Mahrang Baloch and 17 other activists, the cleric and four \
                   of his followers, a mob lynched a man. Eight people were injured, to \
                   recover the abducted constable, mediated by Qatar and Turkey, Qatar's \
                   foreign ministry said, Pakistan and Afghanistan agreed, infiltrate \
                   from Afghanistan in North Waziristan, observed a shutter-down strike, had \
                   killed 50 children since October, killed Khalil Haqqani, the minister, \
                   and four others, but ISKP has repeatedly targeted, saying only one fighter \
                   had been injured, A Sri Lankan factory manager was lynched, The protest \
                   began after two policemen were martyred, recovered from the slain, \
                   four Tehreek-e-Taliban Pakistan (TTP) militants, four ( ) militants (, \
                   Two men died on the spot, whereas the third succumbed, 1,018 protests \
                   erupted, Police killed two robbers who had shot dead a trader, who had, \
                   an Iranian missile and drone strike, killed in separate incidents over \
                   the past week, Delegations from Pakistan and Afghanistan held talks, \
                   accused Kabul of, The Balochistan Bar Council, Two policemen deployed \
                   for the security of polio workers were martyred, attacked two army posts, \
                   a claim the military rejected, a bus carrying Frontier Corps personnel, \
                   in Bannu's Jani Khel area, the Tank police lines, police fired tear gas \
                   shells and opened fire on protesters, two groups of traders clashed over \
                   a dispute, rioted against one another, arrested 450 workers ahead of the \
                   planned protest, traders in Kandahari Bazaar, near Mashkaf tunnel in \
                   Bolan, KARACHI: Police detained, launched an operation to disperse TLP \
                   workers, Police shot dead a man, The Taliban publicly flogged a man, \
                   India fired missiles at six locations, clashes between Rangers and \
                   protesters, in the first six months of the year, from January to June, \
                   in the first quarter, have joined hands, is a sworn enemy of, Reports \
                   suggest that, staged a sit-in with the body of a young man who they said \
                   was killed in a fake encounter, when an improvised explosive device hit \
                   their vehicle. In the ensuing exchange of fire, two terrorists were killed, \
                   from the Gomal Zam dam site, KABUL: Afghan Taliban forces attacked \
                   Pakistani border posts, Seven suspects, among them two Afghans, were \
                   arrested, rounded up some 20 suspects, The number of militants killed \
                   in the operation rose to six, fired into the air and beat women \
                   protesters, sent to hell in an IBO, on Jinnah Road. In Turbat, a man \
                   was shot dead, in an attack claimed by the group, observed the 11th \
                   anniversary of the attack in which 147 people were martyred, but \
                   officials said only two soldiers were martyred, three militants were \
                   killed when their hideout was targeted, near a madrassa in Darra, an attack claimed by the group, The death toll rose to 18. Six \
                   attackers were also killed, blocked the highway to protest the alleged \
                   enforced disappearance of a student, No group claimed responsibility, but \
                   the TTP has opposed campaigns in the past, A Taliban spokesman, Zabihullah \
                   Mujahid, claimed the fighters had captured checkpoints, The two sides \
                   agreed after talks mediated by Qatar and Turkey, released four men who had \
                   been abducted from Kabul Khel in Lakki Marwat in January, set a girls' school on \
                   fire, near the Ministry of Urban Development in Kabul, Gunmen opened fire \
                   on a protest rally, The protest camp was attacked by unknown men, Ten years after \
                   the massacre that killed 147 people, On Wednesday, police killed three of \
                   the attackers. In a statement, the group said leaders would be targeted. 30 people were killed in a spate of \
                   violence across Balochistan this week. The attack is suspected to have been \
                   carried out by the BLA, which has targeted workers in the past. Unknown men \
                   hurled acid on three women. A school principal was gunned down in \
                   Pakistan-occupied Kashmir. A shell fell in Shakoi area of Laddah tehsil \
                   in South Waziristan. The number of casualties might increase. Identities \
                   could not be ascertained. The demonstrations coincided with celebrations \
                   in India. A United States (US) drone fired two missiles. The Rangers accused the MQM of \
                   keeping weapons, reports The Express Tribune. The militant opened fire on \
                   a soldier and was killed in crossfire. The TTP later claimed the \
                   abduction in a statement. The slain men belonged to the proscribed TTP. \
                   Militants used a drone to attack a police station. The group operates \
                   from Pakistani territory, Iranian officials claim. The bomber killed two \
                   embassy staff and four Afghans and wounding 13 others. Officials said the \
                   strikes killed several militants. The affiliate claimed the bombing a day \
                   later. A mob lynched a man. Eight policemen were injured in the attack on \
                   the station. A gun battle between members of rival political parties. \
                   Iran violated Pakistan's airspace and struck a village. All 16 terrorists \
                   were killed in the ensuing clearance operation. Iran has been accused of \
                   supporting the Fatemiyoun. India denies allegations that it funds the BLA. \
                   Washington designated the BLA. Gunmen injured three passengers, one of \
                   whom later died. A shopkeeper was shot and critically wounded; he \
                   succumbed to his injuries. There was no independent confirmation of the \
                   claim. Islamic State's Afghan affiliate claimed responsibility. Ten were \
                   killed and 35 injured as clashes between two tribes entered their fifth \
                   day. Two were killed on the 1st of June, over the weekend and on Monday \
                   last week. Two men are thought to have been killed. Two men were \
                   presumably killed. Two men are feared dead. Two men were said to have been \
                   killed by Taliban fighters. 910 militants had been killed in the \
                   operation Zarb-e-Azb. A prisoner exchange at the border. The Taliban \
                   demanded that Pakistan stop airstrikes. Quoting The New York Times. Baloch \
                   separatists have carried out similar attacks. The minister condemned the \
                   blast. Journalists observed a black day. Lawyers observed Youm-e-Siyah. \
                   Gunmen shot a woman, who later died. Its suicide squad struck. A bomb \
                   targeted a police van, killing five people. They released three soldiers \
                   in exchange for 10 prisoners. The governor of Balkh province and two \
                   others were killed. Police arrested Baloch Yakjehti Committee leader \
                   Mahrang Baloch along with 16 other activists. Pakistani and Afghan forces \
                   exchanged fire, killing two Afghan guards, Taliban officials said. \
                   Troops raided Khyber district's Bagh area. A vehicle travelling to Thal hit \
                   a landmine in Lower Orakzai Agency near the Gwadar Turbat Reto Dero national \
                   highway. Police would begin arresting those who remain in Pul-i-Khumri. \
                   Taliban special forces killed six members of the Islamic State Khorasan \
                   Province. A jirga brokered a ceasefire between the warring tribes after a \
                   week of fighting. The clash followed a dispute over water from the Helmand \
                   river. Two died in Quetta ‘‘Bazaar’’. The group has joined forces with \
                   the TTP, has been fighting alongside the Islamic State and is believed to \
                   provide weapons to the BLA. A suicide bomber was shot dead before he \
                   could detonate his vest. The two men were wounded and taken to hospital \
                   where Rizvi died while Ali later succumbed. Troops raided Tirah in early \
                   May, in mid-May, at the end of March, in the first week of May, on the \
                   night of 12-13 March and in May 2011. Militants carried out three attacks \
                   in Khyber Pakhtunkhwa. In Bannu, a bomb injured three soldiers. Gunmen \
                   killed three Spaniards, the Taliban interior ministry said. A bomber blew \
                   himself up, killing himself and two policemen. The DSP of the jail, and \
                   his brother were shot dead. The SHO, along with two other policemen, was \
                   killed. A suicide bomber blew himself up while his handler escaped. ";
        let text = row.repeat(2_000);
        let item = engine().extract(doc("run-on", text));
        assert_spans_slice(&item);
        assert!(!item.annotations.events.is_empty());
    }

    #[test]
    fn a_stage_that_panics_costs_one_documents_derived_data_not_the_batch() {
        struct Fragile;
        impl tessera_extract::Stage for Fragile {
            fn name(&self) -> &'static str {
                "fragile"
            }
            fn process(&self, cx: &tessera_extract::DocContext<'_>, ann: &mut Annotations) {
                assert!(!cx.doc.text.contains("boom"), "a stage bug");
                SentenceSplitter.process(cx, ann);
            }
        }
        #[derive(Default)]
        struct Failures(Vec<String>);
        impl Observer for Failures {
            fn extraction_failed(&mut self, document: &DocId, message: &str) {
                self.0.push(format!("{document}: {message}"));
            }
        }
        let e = Engine {
            pipeline: Pipeline::new(vec![Box::new(Fragile)]),
            gazetteer: gazetteer(),
            batch_size: 2,
        };
        let mut store = SqliteStore::open_in_memory().unwrap();
        let mut seen = Failures::default();
        let texts = ["One sentence.", "It goes boom.", "Two. Sentences."];
        let summary = e
            .ingest(
                &mut store,
                |sink| {
                    for (i, t) in texts.iter().enumerate() {
                        sink(Ok(doc(&format!("d{i}"), (*t).to_owned())));
                    }
                },
                &mut seen,
            )
            .unwrap();
        assert_eq!((summary.new, summary.extraction_failed), (3, 1));
        assert_eq!(summary.sentences, 3);
        assert_eq!(seen.0.len(), 1);
        assert!(seen.0[0].starts_with("d1: a stage bug"), "{:?}", seen.0);
        assert_eq!(store.stats().unwrap().documents, 3);
    }

    #[test]
    fn ingest_is_idempotent_for_any_batch() {
        use std::collections::BTreeMap;
        // A small deterministic family of batches: repeated ids, changed texts, empty ones.
        let texts = [
            "Two killed in Quetta.",
            "BLA attacked Turbat.",
            "Calm day.",
            "Two killed in Quetta, police said.",
        ];
        let shared = engine();
        for seed in 0..24u32 {
            let mut store = SqliteStore::open_in_memory().unwrap();
            let e =
                Engine::new(shared.gazetteer().clone()).with_batch_size(1 + (seed as usize % 4));
            let items: Vec<(String, String)> = (0..8)
                .map(|k| {
                    (
                        format!("d{}", (seed + k) % 5),
                        texts[((seed * 7 + k * 3) % 4) as usize].to_owned(),
                    )
                })
                .collect();
            let feed = |sink: &mut dyn FnMut(Item)| {
                for (id, t) in &items {
                    sink(Ok(doc(id, t.clone())));
                }
            };
            e.ingest(&mut store, feed, &mut NoObserver).unwrap();
            let before = store.stats().unwrap();
            let again = e.ingest(&mut store, feed, &mut NoObserver).unwrap();
            // The second run adds versions only where the batch itself changed a text last.
            let last: BTreeMap<&String, &String> = items.iter().map(|(i, t)| (i, t)).collect();
            assert_eq!(store.stats().unwrap().documents, last.len() as u64);
            assert_eq!(again.new, 0);
            let third = e.ingest(&mut store, feed, &mut NoObserver).unwrap();
            assert_eq!(
                third.new + third.new_versions,
                again.new_versions,
                "seed {seed}"
            );
            assert!(store.check().unwrap().problems.is_empty());
            let _ = before;
        }
    }
}
