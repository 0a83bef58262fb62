//! A read-only, in-memory view of the store that the read endpoints query.
//!
//! Events are kept once as pre-serialised JSON and once as a compact row of interned ids
//! (dates as day numbers, types, provinces, places, actors and sources as integers), sorted
//! by date, newest first, then id. A filter is compiled to those integers once per request,
//! so scanning 100,000 events costs integer compares, not string work. The analyst's
//! corrections are applied here as an overlay: the extractor's values stay in the store and
//! are shown beside the correction.

use crate::error::ApiError;
use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use serde_json::{Value, json};
use tessera_export::{Dataset, EventFilter};
use tessera_fuse::FusedEvent;
use tessera_model::{Actor, Certainty, Claim};
use tessera_store::AnalystClaim;

/// Analyst predicates the API writes (besides fusion's, which `tessera fuse` writes).
pub mod predicates {
    /// Correct an event's field: `correct:<field>`, object the new value.
    pub const CORRECT_PREFIX: &str = "correct:";
    /// Mark a claim confirmed.
    pub const CLAIM_CONFIRMED: &str = "claim_confirmed";
    /// Mark a claim disputed.
    pub const CLAIM_DISPUTED: &str = "claim_disputed";
    /// The event fields an analyst may correct.
    pub const FIELDS: &[&str] = &[
        "event_type",
        "sub_event_type",
        "location",
        "actor1",
        "actor2",
    ];
}

const NO_DATE: i32 = i32::MIN;
const NONE: u32 = u32::MAX;

/// Lower-cased strings to dense ids.
#[derive(Debug, Default)]
struct Interner {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        let key = s.to_lowercase();
        if let Some(&i) = self.ids.get(&key) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_owned());
        self.ids.insert(key, i);
        i
    }

    fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(&s.to_lowercase()).copied()
    }
}

/// One event as integers.
#[derive(Debug, Clone)]
struct Row {
    date: i32,
    event_type: u32,
    sub_type: u32,
    admin1: u32,
    places: [u32; 3],
    certainty: u8,
    lat: f32,
    lon: f32,
    actors: Box<[u32]>,
    sources: Box<[u32]>,
}

/// The rows as columns, in sorted order: a filter reads only the columns it tests, in
/// sequence, which keeps a scan of 100,000 events within the cache.
#[derive(Debug, Default)]
struct Columns {
    date: Vec<i32>,
    types: Vec<[u32; 2]>,
    admin1: Vec<u32>,
    places: Vec<[u32; 3]>,
    certainty: Vec<u8>,
    coords: Vec<[f32; 2]>,
    actors: Vec<Box<[u32]>>,
    sources: Vec<Box<[u32]>>,
}

impl Columns {
    fn push(&mut self, r: Row) {
        self.date.push(r.date);
        self.types.push([r.event_type, r.sub_type]);
        self.admin1.push(r.admin1);
        self.places.push(r.places);
        self.certainty.push(r.certainty);
        self.coords.push([r.lat, r.lon]);
        self.actors.push(r.actors);
        self.sources.push(r.sources);
    }
}

/// An analyst's correction of an event field, as shown beside the extracted value.
#[derive(Debug, Clone, Serialize)]
pub struct Correction {
    /// The analyst claim's id (revoke it with `DELETE /api/corrections/{id}`).
    pub id: i64,
    /// The field.
    pub field: String,
    /// The analyst's value.
    pub value: String,
    /// What the extractor read.
    pub extracted: Value,
    /// Who.
    pub analyst: Option<String>,
    /// Why.
    pub note: Option<String>,
    /// When.
    pub made_at: String,
}

/// A claim with its document, evidence text, independent support and review.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    /// The claim as extracted.
    #[serde(flatten)]
    pub claim: Claim,
    /// Its document.
    pub document_id: Option<String>,
    /// The document's publisher.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The words of its first evidence span.
    pub quote: String,
    /// Independent sources (distinct publishers) that carry the same claim.
    pub independent_sources: usize,
    /// The analyst's latest review: confirmed or disputed.
    pub review: Option<Value>,
}

/// An actor or place with the events that name it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityEntry {
    /// Entity id, or `name:<name>` / `place:<name>` when the name was not resolved.
    pub id: String,
    /// Name.
    pub name: String,
    /// `actor` or `place`.
    pub kind: &'static str,
    /// ACLED actor type, or the province of a place.
    pub detail: Option<String>,
    /// Events naming it.
    pub events: usize,
    #[serde(skip)]
    event_ix: Vec<u32>,
}

impl EntityEntry {
    fn new(id: String, name: String, kind: &'static str, detail: Option<String>) -> Self {
        EntityEntry {
            id,
            name,
            kind,
            detail,
            events: 0,
            event_ix: vec![],
        }
    }
}

/// The in-memory view.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Fused events, documents without text, claims, contradictions, designations.
    pub data: Dataset,
    /// Increases with each rebuild.
    pub generation: u64,
    /// Events are stored sorted by date (newest first, undated last), then id.
    cols: Columns,
    json: Vec<String>,
    by_id: FxHashMap<String, u32>,
    /// Report-level event id → fused event index.
    member_of: FxHashMap<String, u32>,
    types: Interner,
    admin1: Interner,
    places: Interner,
    actors: Interner,
    sources: Interner,
    /// Claims, newest first.
    pub claims: Vec<ClaimView>,
    claim_by_id: FxHashMap<String, u32>,
    /// Actors and places.
    pub entities: Vec<EntityEntry>,
    entity_by_id: FxHashMap<String, u32>,
}

fn day_number(d: Option<&str>) -> i32 {
    d.and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        .map(|d| d.num_days_from_ce())
        .unwrap_or(NO_DATE)
}

/// An actor's key: its entity id, or `name:<name>` when unresolved.
pub fn actor_key(a: &Actor) -> String {
    a.entity_id
        .as_ref()
        .map(|e| e.0.clone())
        .unwrap_or_else(|| format!("name:{}", a.name))
}

fn certainty_code(c: Certainty) -> u8 {
    Certainty::ALL.iter().position(|x| *x == c).unwrap_or(5) as u8
}

impl Snapshot {
    /// Build the view. `texts` are the documents' texts (for quotes); the dataset keeps none.
    pub fn build(
        mut data: Dataset,
        analyst: &[AnalystClaim],
        resolve_place: &dyn Fn(&str) -> Option<tessera_model::EventLocation>,
        generation: u64,
    ) -> Self {
        let mut s = Snapshot {
            generation,
            ..Default::default()
        };
        let quote = |data: &Dataset, doc: &tessera_model::DocId, b: usize, e: usize| {
            data.quote(doc, b, e).unwrap_or_default()
        };

        // Corrections, latest per (event, field) wins.
        let mut corrections: FxHashMap<&str, Vec<&AnalystClaim>> = FxHashMap::default();
        let mut reviews: FxHashMap<&str, &AnalystClaim> = FxHashMap::default();
        for c in analyst {
            if c.predicate.starts_with(predicates::CORRECT_PREFIX) {
                corrections.entry(c.subject.as_str()).or_default().push(c);
            } else if c.predicate == predicates::CLAIM_CONFIRMED
                || c.predicate == predicates::CLAIM_DISPUTED
            {
                reviews.insert(c.subject.as_str(), c);
            }
        }

        let mut events = std::mem::take(&mut data.events);
        events.sort_by_cached_key(|f| {
            (
                std::cmp::Reverse(day_number(f.event.date.start.as_deref())),
                f.event.id.clone(),
            )
        });
        let mut entity_ix: FxHashMap<String, EntityEntry> = FxHashMap::default();
        let mut kept = Vec::with_capacity(events.len());
        for (i, mut f) in events.into_iter().enumerate() {
            let i = i as u32;
            let mine: Vec<&AnalystClaim> = corrections
                .get(f.event.id.as_str())
                .cloned()
                .unwrap_or_default();
            let applied = apply_corrections(&mut f, &mine, resolve_place);
            let e = &f.event;
            let actors: Vec<&Actor> = e
                .actor1
                .iter()
                .chain(&e.actor2)
                .chain(&e.associated_actors)
                .collect();
            for a in &actors {
                let key = actor_key(a);
                let entry = entity_ix.entry(key.clone()).or_insert_with(|| {
                    EntityEntry::new(key, a.name.clone(), "actor", a.actor_type.clone())
                });
                if entry.event_ix.last() != Some(&i) {
                    entry.event_ix.push(i);
                }
            }
            if let Some(name) = &e.location.name {
                let key = format!("place:{name}");
                entity_ix
                    .entry(key.clone())
                    .or_insert_with(|| {
                        EntityEntry::new(key, name.clone(), "place", e.location.admin1.clone())
                    })
                    .event_ix
                    .push(i);
            }
            let row = Row {
                date: day_number(e.date.start.as_deref()),
                event_type: s.types.intern(&e.event_type),
                sub_type: s.types.intern(&e.sub_event_type),
                admin1: e
                    .location
                    .admin1
                    .as_deref()
                    .map_or(NONE, |a| s.admin1.intern(a)),
                places: [&e.location.name, &e.location.admin2, &e.location.admin1]
                    .map(|p| p.as_deref().map_or(NONE, |p| s.places.intern(p))),
                certainty: certainty_code(e.certainty),
                lat: e.location.latitude.map_or(f32::NAN, |x| x as f32),
                lon: e.location.longitude.map_or(f32::NAN, |x| x as f32),
                actors: actors.iter().map(|a| s.actors.intern(&a.name)).collect(),
                sources: {
                    let mut v: Vec<u32> = e
                        .document_ids
                        .iter()
                        .filter_map(|d| data.documents.get(d)?.source.as_deref())
                        .map(|src| s.sources.intern(src))
                        .collect();
                    v.sort_unstable();
                    v.dedup();
                    v.into()
                },
            };
            let first_quote = e
                .evidence
                .first()
                .map(|ev| quote(&data, &ev.document_id, ev.begin, ev.end))
                .unwrap_or_default();
            let mut v = serde_json::to_value(&f).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                m.insert("quote".into(), Value::String(first_quote));
                m.insert("corrections".into(), json!(applied));
            }
            s.json.push(v.to_string());
            s.by_id.insert(e.id.clone(), i);
            for m in &f.fusion.members {
                s.member_of.insert(m.clone(), i);
            }
            s.cols.push(row);
            kept.push(f);
        }
        data.events = kept;

        let mut entities: Vec<EntityEntry> = entity_ix
            .into_values()
            .map(|mut e| {
                e.events = e.event_ix.len();
                e
            })
            .collect();
        entities.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.id.cmp(&b.id)));
        s.entity_by_id = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        s.entities = entities;

        // Claims: independent support is the number of distinct publishers carrying the
        // same subject, predicate and object.
        let publisher = |c: &Claim| {
            let doc = c.evidence.first().map(|e| &e.document_id)?;
            Some(
                data.documents
                    .get(doc)
                    .and_then(|d| d.source.clone())
                    .unwrap_or_else(|| doc.0.clone()),
            )
        };
        let key = |c: &Claim| {
            (
                c.subject.to_lowercase(),
                c.predicate.clone(),
                c.object.to_lowercase(),
            )
        };
        let mut support: FxHashMap<(String, String, String), FxHashSet<String>> =
            FxHashMap::default();
        for c in &data.claims {
            if let Some(p) = publisher(c) {
                support.entry(key(c)).or_default().insert(p);
            }
        }
        let mut claims: Vec<ClaimView> = data
            .claims
            .iter()
            .map(|c| {
                let first = c.evidence.first();
                let doc = first.and_then(|e| data.documents.get(&e.document_id));
                ClaimView {
                    document_id: first.map(|e| e.document_id.0.clone()),
                    source: doc.and_then(|d| d.source.clone()),
                    published: doc.and_then(|d| d.published.clone()),
                    quote: first
                        .map(|e| quote(&data, &e.document_id, e.begin, e.end))
                        .unwrap_or_default(),
                    independent_sources: support.get(&key(c)).map_or(0, |s| s.len()),
                    review: reviews.get(c.id.as_str()).map(|r| {
                        json!({
                            "id": r.id,
                            "status": if r.predicate == predicates::CLAIM_CONFIRMED { "confirmed" } else { "disputed" },
                            "analyst": r.analyst,
                            "note": r.note,
                            "made_at": r.made_at,
                        })
                    }),
                    claim: c.clone(),
                }
            })
            .collect();
        claims.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.claim.id.cmp(&b.claim.id))
        });
        s.claim_by_id = claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.claim.id.clone(), i as u32))
            .collect();
        s.claims = claims;
        data.claims = Vec::new();
        // Texts were needed for quotes only; the reader fetches them from the store.
        for d in data.documents.values_mut() {
            d.text = String::new();
        }
        s.data = data;
        s
    }

    /// Number of (fused) events.
    pub fn event_count(&self) -> usize {
        self.cols.date.len()
    }

    /// One event's JSON.
    pub fn event_json(&self, id: &str) -> Option<&str> {
        let i = *self.by_id.get(id).or_else(|| self.member_of.get(id))?;
        self.json.get(i as usize).map(String::as_str)
    }

    /// The fused event holding an event id (its own id or a member's).
    pub fn event(&self, id: &str) -> Option<&FusedEvent> {
        let i = *self.by_id.get(id).or_else(|| self.member_of.get(id))?;
        self.data.events.get(i as usize)
    }

    /// The fused event id a report-level event belongs to.
    pub fn fused_id_of(&self, member: &str) -> Option<&str> {
        let i = *self
            .member_of
            .get(member)
            .or_else(|| self.by_id.get(member))?;
        Some(self.data.events[i as usize].event.id.as_str())
    }

    /// A claim's position in the ledger (newest first).
    pub fn claim_index(&self, id: &str) -> Option<usize> {
        self.claim_by_id.get(id).map(|&i| i as usize)
    }

    /// A claim.
    pub fn claim(&self, id: &str) -> Option<&ClaimView> {
        self.claims.get(*self.claim_by_id.get(id)? as usize)
    }

    /// An actor or place.
    pub fn entity(&self, id: &str) -> Option<&EntityEntry> {
        self.entities.get(*self.entity_by_id.get(id)? as usize)
    }

    /// The events naming an entity, newest first.
    pub fn entity_events(&self, e: &EntityEntry) -> Vec<&FusedEvent> {
        // Indices were pushed in storage order, which is newest first.
        e.event_ix
            .iter()
            .map(|&i| &self.data.events[i as usize])
            .collect()
    }

    /// Compile a filter to integers; `None` when it can match nothing (a name never seen).
    pub fn compile(&self, f: &EventFilter) -> Option<Compiled> {
        let lookup = |i: &Interner, v: &Option<String>| match v {
            None => Some(None),
            Some(v) => i.get(v).map(Some),
        };
        let actors = match &f.actor {
            None => None,
            Some(a) => {
                let a = a.to_lowercase();
                // A bitmap over actor ids: one index per actor of an event.
                let mut ids = vec![false; self.actors.names.len()];
                let mut any = false;
                for (name, &i) in &self.actors.ids {
                    if name.contains(&a) {
                        ids[i as usize] = true;
                        any = true;
                    }
                }
                if !any {
                    return None;
                }
                Some(ids)
            }
        };
        Some(Compiled {
            since: f.since.as_deref().map(|d| day_number(Some(d))),
            until: f.until.as_deref().map(|d| day_number(Some(d))),
            event_type: lookup(&self.types, &f.event_type)?,
            admin1: lookup(&self.admin1, &f.admin1)?,
            place: lookup(&self.places, &f.place)?,
            source: match &f.source {
                None => None,
                // Sources match exactly, as in the exports.
                Some(s) => Some(
                    self.sources
                        .get(s)
                        .filter(|&i| self.sources.names[i as usize] == *s)?,
                ),
            },
            certainty: f
                .certainty
                .as_deref()
                .and_then(Certainty::parse)
                .map(certainty_code),
            bbox: f.bbox.map(|b| b.map(|x| x as f32)),
            actors,
        })
    }

    /// Event indices passing a filter, in date order (newest first unless `oldest_first`).
    pub fn matching<'a>(
        &'a self,
        c: &'a Compiled,
        oldest_first: bool,
    ) -> Box<dyn Iterator<Item = u32> + 'a> {
        // The date bounds cut the sorted events by binary search; the rest is a scan.
        let (lo, hi) = self.date_range(c);
        let keep = move |i: &u32| c.keeps(&self.cols, *i as usize);
        let range = lo as u32..hi as u32;
        if oldest_first {
            Box::new(range.rev().filter(keep))
        } else {
            Box::new(range.filter(keep))
        }
    }

    fn date_range(&self, c: &Compiled) -> (usize, usize) {
        let dates = &self.cols.date;
        let lo = match c.until {
            Some(u) => dates.partition_point(|&d| d > u),
            None => 0,
        };
        // An upper bound also excludes undated events (sorted last).
        let floor = match (c.since, c.until) {
            (Some(s), _) => Some(s),
            (None, Some(_)) => Some(NO_DATE + 1),
            (None, None) => None,
        };
        let hi = match floor {
            Some(f) => dates.partition_point(|&d| d >= f),
            None => dates.len(),
        };
        (lo, hi.max(lo))
    }

    /// A page of events: JSON rows after `cursor` (the last id of the previous page).
    pub fn page(
        &self,
        c: Option<&Compiled>,
        oldest_first: bool,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<Page<'_>, ApiError> {
        let Some(c) = c else {
            return Ok(Page {
                items: vec![],
                total: 0,
                next: None,
            });
        };
        let after = match cursor {
            None => None,
            Some(id) => Some(*self.by_id.get(id).ok_or_else(|| {
                ApiError::param(
                    "cursor",
                    "unknown cursor (the event it names is gone); start again",
                )
            })? as usize),
        };
        // Index order is sort order, so a page is the next matches after the cursor's index,
        // and the total is one tight count over the date range.
        let (lo, hi) = self.date_range(c);
        let keep = |i: &usize| c.keeps(&self.cols, *i);
        let total = if c.only_dates() {
            hi - lo
        } else {
            (lo..hi).filter(keep).count()
        };
        let mut items = Vec::with_capacity(limit);
        let mut last = None;
        let more = if oldest_first {
            let end = after.map_or(hi, |k| k.min(hi));
            let mut it = (lo..end).rev().filter(keep);
            for i in it.by_ref().take(limit) {
                items.push(self.json[i].as_str());
                last = Some(i);
            }
            it.next().is_some()
        } else {
            let start = after.map_or(lo, |k| (k + 1).max(lo));
            let mut it = (start..hi).filter(keep);
            for i in it.by_ref().take(limit) {
                items.push(self.json[i].as_str());
                last = Some(i);
            }
            it.next().is_some()
        };
        let next = last
            .filter(|_| more)
            .map(|i| self.data.events[i].event.id.clone());
        Ok(Page { items, total, next })
    }

    /// Row accessors for aggregates.
    pub fn date_of(&self, i: u32) -> Option<NaiveDate> {
        let d = self.cols.date[i as usize];
        (d != NO_DATE)
            .then(|| NaiveDate::from_num_days_from_ce_opt(d))
            .flatten()
    }

    /// The event at an index.
    pub fn at(&self, i: u32) -> &FusedEvent {
        &self.data.events[i as usize]
    }

    /// Coordinates of an event, when it has them.
    pub fn coords(&self, i: u32) -> Option<(f32, f32)> {
        let [lat, lon] = self.cols.coords[i as usize];
        (lat.is_finite() && lon.is_finite()).then_some((lat, lon))
    }

    /// The newest event date, if any.
    pub fn latest_date(&self) -> Option<NaiveDate> {
        // Events are stored newest first.
        (self.event_count() > 0).then(|| self.date_of(0)).flatten()
    }

    /// Distinct sources, provinces and event types (for filter menus).
    pub fn facets(&self) -> Value {
        let sorted = |i: &Interner| {
            let mut v = i.names.clone();
            v.sort();
            v
        };
        let mut types: Vec<(String, String)> = self
            .data
            .events
            .iter()
            .map(|f| (f.event.event_type.clone(), f.event.sub_event_type.clone()))
            .collect::<FxHashSet<_>>()
            .into_iter()
            .collect();
        types.sort();
        json!({
            "event_types": types.iter().map(|t| json!({"event_type": t.0, "sub_event_type": t.1})).collect::<Vec<_>>(),
            "admin1": sorted(&self.admin1),
            "sources": sorted(&self.sources),
            "certainty": Certainty::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        })
    }
}

/// A page of events.
#[derive(Debug)]
pub struct Page<'a> {
    /// Pre-serialised event JSON.
    pub items: Vec<&'a str>,
    /// How many events pass the filter in all.
    pub total: usize,
    /// The cursor for the next page.
    pub next: Option<String>,
}

/// A filter as integers.
#[derive(Debug)]
pub struct Compiled {
    since: Option<i32>,
    until: Option<i32>,
    event_type: Option<u32>,
    admin1: Option<u32>,
    place: Option<u32>,
    source: Option<u32>,
    certainty: Option<u8>,
    bbox: Option<[f32; 4]>,
    actors: Option<Vec<bool>>,
}

impl Compiled {
    /// True when only the date bounds (already applied by binary search) are set.
    fn only_dates(&self) -> bool {
        self.event_type.is_none()
            && self.admin1.is_none()
            && self.place.is_none()
            && self.source.is_none()
            && self.certainty.is_none()
            && self.bbox.is_none()
            && self.actors.is_none()
    }

    #[inline]
    fn keeps(&self, c: &Columns, i: usize) -> bool {
        let date = c.date[i];
        if self.since.is_some_and(|s| date < s)
            || self.until.is_some_and(|u| date > u || date == NO_DATE)
        {
            return false;
        }
        if let Some(t) = self.event_type
            && !c.types[i].contains(&t)
        {
            return false;
        }
        if self.admin1.is_some_and(|a| c.admin1[i] != a) {
            return false;
        }
        if self.place.is_some_and(|p| !c.places[i].contains(&p)) {
            return false;
        }
        if self.certainty.is_some_and(|x| c.certainty[i] != x) {
            return false;
        }
        if let Some([w, s, e, n]) = self.bbox {
            let [lat, lon] = c.coords[i];
            if !(lon >= w && lon <= e && lat >= s && lat <= n) {
                return false;
            }
        }
        if self
            .source
            .is_some_and(|s| c.sources[i].binary_search(&s).is_err())
        {
            return false;
        }
        if let Some(a) = &self.actors
            && !c.actors[i].iter().any(|&x| a[x as usize])
        {
            return false;
        }
        true
    }
}

/// Apply an event's corrections (latest per field wins); returns what was applied.
fn apply_corrections(
    f: &mut FusedEvent,
    claims: &[&AnalystClaim],
    resolve_place: &dyn Fn(&str) -> Option<tessera_model::EventLocation>,
) -> Vec<Correction> {
    let mut latest: FxHashMap<&str, &AnalystClaim> = FxHashMap::default();
    for c in claims {
        let field = &c.predicate[predicates::CORRECT_PREFIX.len()..];
        latest.insert(field, c);
    }
    let mut applied: Vec<Correction> = Vec::new();
    let mut fields: Vec<_> = latest.into_iter().collect();
    fields.sort_by_key(|(_, c)| c.id);
    for (field, c) in fields {
        let e = &mut f.event;
        let value = c.object.clone();
        let extracted = match field {
            "event_type" => json!(std::mem::replace(&mut e.event_type, value.clone())),
            "sub_event_type" => json!(std::mem::replace(&mut e.sub_event_type, value.clone())),
            "location" => {
                let new = resolve_place(&value).unwrap_or(tessera_model::EventLocation {
                    name: Some(value.clone()),
                    admin1: None,
                    admin2: None,
                    country: None,
                    latitude: None,
                    longitude: None,
                    geo_precision: None,
                });
                json!(std::mem::replace(&mut e.location, new))
            }
            "actor1" | "actor2" => {
                let slot = if field == "actor1" {
                    &mut e.actor1
                } else {
                    &mut e.actor2
                };
                let new = Actor {
                    name: value.clone(),
                    entity_id: None,
                    actor_type: None,
                };
                json!(slot.replace(new))
            }
            _ => continue,
        };
        applied.push(Correction {
            id: c.id,
            field: field.to_owned(),
            value,
            extracted,
            analyst: c.analyst.clone(),
            note: c.note.clone(),
            made_at: c.made_at.clone(),
        });
    }
    applied
}

/// The first day of the period holding `d`.
pub fn period_start(d: NaiveDate, interval: &str) -> NaiveDate {
    match interval {
        "week" => d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64),
        "month" => d.with_day(1).unwrap_or(d),
        _ => d,
    }
}
