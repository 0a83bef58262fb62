//! Fusion over a store: gather reports, events, claims and the analyst's decisions (as of a
//! moment, or now), run [`tessera_fuse::fuse`] and store what it found.

use crate::{Engine, EngineError};
use rustc_hash::FxHashMap;
use tessera_export::{Dataset, DocInfo};
use tessera_fuse::entities::{Candidate, NameUse};
use tessera_fuse::{
    ActorNames, Decision, Fusion, FusionInput, Reliability, Report, SourceKind, fuse,
};
use tessera_model::{ActorType, Claim, Event, MentionType};
use tessera_resolve::Gazetteer;
use tessera_store::{AnalystClaim, FusionRows, Store, StoreError};

/// Analyst predicates fusion obeys.
pub mod predicates {
    /// Two report-level events are one incident (subject, object: event ids).
    pub const SAME_INCIDENT: &str = "same_incident_as";
    /// Two report-level events are different incidents.
    pub const DIFFERENT_INCIDENT: &str = "different_incident_from";
    /// A report-level event stands alone (split out of its incident).
    pub const STANDS_ALONE: &str = "stands_alone";
    /// Two actor names are one actor (subject, object: names or entity ids).
    pub const SAME_ENTITY: &str = "same_entity_as";
    /// A source's Admiralty reliability grade (subject: source name, object: A–F).
    pub const RELIABILITY: &str = "reliability";
    /// The pair-score threshold the analyst chose for this store (subject `fusion`).
    pub const THRESHOLD: &str = "fusion_threshold";
}

fn norm(s: &str) -> String {
    tessera_fuse::PlainNames.key(s)
}

/// The analyst's `same_entity_as` merges in force at `as_of` (now when `None`).
pub(crate) fn entity_merges(
    store: &dyn Store,
    as_of: Option<&str>,
) -> Result<Vec<(String, String)>, StoreError> {
    Ok(store
        .analyst_claims(as_of, false)?
        .into_iter()
        .filter(|c| c.predicate == predicates::SAME_ENTITY)
        .map(|c| (c.subject, c.object))
        .collect())
}

/// Actor names resolved through the gazetteer's names and aliases, then through the
/// analyst's `same_entity_as` merges.
pub struct GazetteerNames {
    by_name: FxHashMap<String, String>,
    parent: FxHashMap<String, String>,
    merged: FxHashMap<String, String>,
}

impl GazetteerNames {
    /// Names of the gazetteer's actors plus the analyst's merges.
    pub fn new(gazetteer: &Gazetteer, merges: &[(String, String)]) -> Self {
        let mut by_name = FxHashMap::default();
        let parent = gazetteer
            .actors()
            .iter()
            .filter_map(|a| Some((a.id.clone(), a.parent.clone()?)))
            .collect();
        for a in gazetteer.actors() {
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                by_name.entry(norm(n)).or_insert_with(|| a.id.clone());
            }
            by_name.insert(a.id.clone(), a.id.clone());
        }
        let mut names = GazetteerNames {
            by_name,
            parent,
            merged: FxHashMap::default(),
        };
        // Each merge points the later key at the earlier one's root.
        for (a, b) in merges {
            let (ka, kb) = (names.key(a), names.key(b));
            if ka != kb {
                let (keep, gone) = if ka < kb { (ka, kb) } else { (kb, ka) };
                for v in names.merged.values_mut() {
                    if *v == gone {
                        *v = keep.clone();
                    }
                }
                names.merged.insert(gone, keep);
            }
        }
        names
    }
}

impl ActorNames for GazetteerNames {
    fn key(&self, name_or_id: &str) -> String {
        let base = self
            .by_name
            .get(name_or_id)
            .or_else(|| self.by_name.get(&norm(name_or_id)))
            .cloned()
            .unwrap_or_else(|| norm(name_or_id));
        self.merged.get(&base).cloned().unwrap_or(base)
    }

    fn related(&self, a: &str, b: &str) -> bool {
        let up = |x: &str, y: &str| {
            let mut at = x;
            for _ in 0..4 {
                match self.parent.get(at) {
                    Some(p) if p == y => return true,
                    Some(p) => at = p,
                    None => return false,
                }
            }
            false
        };
        up(a, b) || up(b, a)
    }

    fn root(&self, key: &str) -> String {
        let mut at = key;
        for _ in 0..4 {
            match self.parent.get(at) {
                Some(p) => at = p,
                None => break,
            }
        }
        at.to_owned()
    }
}

/// What kind of source a publisher name denotes: the group itself when it names a non-state
/// armed group, official when it names state forces or an office, local for residents and
/// elders, a dataset for ACLED/UCDP/GDELT, and media otherwise.
pub fn source_kind(gazetteer: &Gazetteer, names: &GazetteerNames, source: &str) -> SourceKind {
    let words: Vec<String> = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    if ["acled", "ucdp", "gdelt"].iter().any(|w| has(w)) {
        return SourceKind::Dataset;
    }
    // Any run of up to four words that names an actor.
    for len in (1..=4).rev() {
        for run in words.windows(len) {
            let key = names.key(&run.join(" "));
            if let Some(a) = gazetteer.actor(&key) {
                return match a.acled_type {
                    ActorType::StateForces => SourceKind::Official,
                    ActorType::Civilians | ActorType::Protesters | ActorType::Rioters => {
                        SourceKind::Local
                    }
                    _ => SourceKind::Group,
                };
            }
        }
    }
    const OFFICIAL: &[&str] = &[
        "police",
        "ispr",
        "ministry",
        "department",
        "government",
        "army",
        "military",
        "administration",
        "levies",
        "ctd",
        "directorate",
        "governor",
        "commissioner",
        "emirate",
        "spokesperson",
        "embassy",
        "un",
        "unama",
    ];
    const LOCAL: &[&str] = &[
        "residents",
        "villagers",
        "elders",
        "local",
        "jirga",
        "eyewitness",
    ];
    if OFFICIAL.iter().any(|w| has(w)) {
        SourceKind::Official
    } else if LOCAL.iter().any(|w| has(w)) {
        SourceKind::Local
    } else {
        SourceKind::Media
    }
}

/// What to fuse: everything known now, or as it was known at a moment.
#[derive(Debug, Clone, Copy, Default)]
pub struct FuseOptions<'a> {
    /// Use documents, versions and analyst decisions as they stood then (RFC 3339 or a date).
    pub as_of: Option<&'a str>,
    /// Pair score threshold; the library default when `None`.
    pub threshold: Option<f64>,
}

impl Engine {
    /// Fuse the store's events (as of a moment when asked) without writing anything.
    pub fn fusion(
        &self,
        store: &dyn Store,
        options: FuseOptions<'_>,
    ) -> Result<Fusion, EngineError> {
        self.with_fusion_input(store, options, fuse)
    }

    /// Why two report-level events would or would not be one incident (see
    /// [`tessera_fuse::explain`]); `None` when either id is unknown.
    #[allow(clippy::type_complexity)]
    pub fn explain_pair(
        &self,
        store: &dyn Store,
        a: &str,
        b: &str,
    ) -> Result<Option<(Option<f64>, Vec<String>)>, EngineError> {
        self.with_fusion_input(store, FuseOptions::default(), |input| {
            tessera_fuse::explain(input, a, b)
        })
    }

    /// Gather what fusion reads and hand it to `f`.
    fn with_fusion_input<R>(
        &self,
        store: &dyn Store,
        options: FuseOptions<'_>,
        f: impl FnOnce(&FusionInput<'_>) -> R,
    ) -> Result<R, EngineError> {
        let docs = store.documents_as_of(options.as_of)?;
        let analyst = store.analyst_claims(options.as_of, false)?;
        let names = GazetteerNames::new(&self.gazetteer, &entity_merges(store, options.as_of)?);

        // Current versions read their stored events; older ones are extracted again, since
        // derived data is kept for current versions only and can always be rebuilt.
        let mut events: Vec<Event> = Vec::new();
        let mut claims: Vec<Claim> = Vec::new();
        let all_current = docs.iter().all(|d| d.current);
        if all_current {
            let wanted: rustc_hash::FxHashSet<&str> =
                docs.iter().map(|d| d.document.id.as_str()).collect();
            events = store
                .events(None)?
                .into_iter()
                .filter(|e| {
                    e.document_ids
                        .first()
                        .is_some_and(|d| wanted.contains(d.as_str()))
                })
                .collect();
            claims = store
                .claims(None)?
                .into_iter()
                .filter(|c| {
                    c.evidence
                        .first()
                        .is_some_and(|s| wanted.contains(s.document_id.as_str()))
                })
                .collect();
        } else {
            for d in &docs {
                if d.current {
                    events.extend(store.events(Some(&d.document.id))?);
                    claims.extend(store.claims(Some(&d.document.id))?);
                } else {
                    let ann = self.pipeline.run(&d.document);
                    events.extend(ann.events);
                    claims.extend(ann.claims);
                }
            }
        }

        let mut kinds: FxHashMap<String, SourceKind> = FxHashMap::default();
        let reports: Vec<Report<'_>> = docs
            .iter()
            .map(|d| {
                let source = d.document.meta.source.clone();
                let kind = source.as_deref().map_or(SourceKind::Media, |s| {
                    *kinds
                        .entry(s.to_owned())
                        .or_insert_with(|| source_kind(&self.gazetteer, &names, s))
                });
                Report {
                    doc_id: d.document.id.clone(),
                    source,
                    kind,
                    published: d.document.meta.published.clone(),
                    ingested_at: Some(d.ingested_at.clone()),
                    text: &d.document.text,
                }
            })
            .collect();
        let mut decisions = Vec::new();
        let mut grades = FxHashMap::default();
        let mut threshold = None;
        for c in &analyst {
            match c.predicate.as_str() {
                predicates::SAME_INCIDENT => {
                    decisions.push(Decision::SameIncident(c.subject.clone(), c.object.clone()))
                }
                predicates::DIFFERENT_INCIDENT => decisions.push(Decision::DifferentIncident(
                    c.subject.clone(),
                    c.object.clone(),
                )),
                predicates::STANDS_ALONE => decisions.push(Decision::Detach(c.subject.clone())),
                predicates::THRESHOLD => {
                    if let Ok(t) = c.object.parse::<f64>() {
                        threshold = Some(t);
                    }
                }
                predicates::RELIABILITY => {
                    if let Some(g) = Reliability::parse(&c.object) {
                        grades.insert(c.subject.clone(), g);
                    }
                }
                _ => {}
            }
        }
        let mut input = FusionInput {
            reports,
            events,
            claims,
            decisions,
            grades,
            names: &names,
            ..FusionInput::default()
        };
        if let Some(t) = options.threshold.or(threshold) {
            input.threshold = t;
        }
        Ok(f(&input))
    }

    /// Fuse the whole store now and keep the result; returns it.
    pub fn fuse_store(&self, store: &mut dyn Store) -> Result<Fusion, EngineError> {
        let fusion = self.fusion(store, FuseOptions::default())?;
        let rows = FusionRows {
            events: fusion
                .events
                .iter()
                .map(|f| {
                    (
                        f.event.id.clone(),
                        f.fusion.members.clone(),
                        serde_json::to_string(f).expect("fused events serialise"),
                    )
                })
                .collect(),
            contradictions: fusion
                .contradictions
                .iter()
                .map(|c| {
                    (
                        c.id.clone(),
                        c.event_id.clone(),
                        c.field.as_str().to_owned(),
                        serde_json::to_string(c).expect("contradictions serialise"),
                    )
                })
                .collect(),
            copy_groups: fusion.copy_groups.clone(),
        };
        store.replace_fusion(rows)?;
        Ok(fusion)
    }

    /// The stored fused events (JSON rows), fusing and storing first when a change has made
    /// them stale.
    pub fn stored_fused_rows(&self, store: &mut dyn Store) -> Result<Vec<String>, EngineError> {
        if let Some(rows) = store.fused_events_json()? {
            return Ok(rows);
        }
        self.fuse_store(store)?;
        Ok(store.fused_events_json()?.unwrap_or_default())
    }

    /// What exports and the API read: fused events, their documents, claims, contradictions
    /// and designations, now (from the stored fusion, refreshed when stale) or as of a moment.
    /// With `texts` false the documents carry no text, which keeps a long-lived copy small.
    pub fn dataset(
        &self,
        store: &mut dyn Store,
        as_of: Option<&str>,
        texts: bool,
    ) -> Result<Dataset, EngineError> {
        let fusion = match as_of {
            Some(_) => self.fusion(
                store,
                FuseOptions {
                    as_of,
                    threshold: None,
                },
            )?,
            None => {
                let corrupt = |what: &'static str| {
                    move |e: serde_json::Error| StoreError::Corrupt {
                        what,
                        id: "(run `tessera fuse`)".into(),
                        message: e.to_string(),
                    }
                };
                let events = self
                    .stored_fused_rows(store)?
                    .iter()
                    .map(|r| serde_json::from_str(r).map_err(corrupt("fused event")))
                    .collect::<Result<Vec<_>, _>>()?;
                let contradictions = store
                    .contradictions_json()?
                    .iter()
                    .map(|r| serde_json::from_str(r).map_err(corrupt("contradiction")))
                    .collect::<Result<Vec<_>, _>>()?;
                Fusion {
                    events,
                    contradictions,
                    copy_groups: vec![],
                }
            }
        };
        let mut documents = FxHashMap::default();
        for d in store.documents_as_of(as_of)? {
            let doc = d.document;
            documents.insert(
                doc.id.clone(),
                DocInfo {
                    title: doc.meta.title,
                    source: doc.meta.source,
                    url: doc.meta.url.or(doc.meta.canonical_url),
                    published: doc.meta.published,
                    text: if texts { doc.text } else { String::new() },
                },
            );
        }
        let claims = store
            .claims(None)?
            .into_iter()
            .filter(|c| {
                c.evidence
                    .first()
                    .is_some_and(|s| documents.contains_key(&s.document_id))
            })
            .collect();
        let mut designations: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for row in store.designations()? {
            let (Some(entity), Ok(d)) = (
                row.entity_id,
                serde_json::from_str::<tessera_import::Designation>(&row.data),
            ) else {
                continue;
            };
            designations.entry(entity).or_default().push(format!(
                "{} {} ({})",
                d.authority,
                d.reference,
                d.listed_on.as_deref().unwrap_or("undated")
            ));
        }
        Ok(Dataset {
            events: fusion.events,
            documents,
            claims,
            contradictions: fusion.contradictions,
            designations,
        })
    }

    /// Names that may denote one actor or person across spellings, for review.
    pub fn entity_candidates(
        &self,
        store: &dyn Store,
        min_score: f64,
    ) -> Result<Vec<Candidate>, StoreError> {
        let mut uses = Vec::new();
        for id in store.document_ids()? {
            for m in store.mentions(&id)? {
                if matches!(m.mention_type, MentionType::Org | MentionType::Per) && !m.is_nominal()
                {
                    uses.push(NameUse {
                        name: m.text,
                        entity_id: m.entity_id.map(|e| e.0),
                        document_id: id.clone(),
                    });
                }
            }
        }
        let names = GazetteerNames::new(&self.gazetteer, &entity_merges(store, None)?);
        Ok(tessera_fuse::entities::candidates(&uses, min_score)
            .into_iter()
            .filter(|c| names.key(&c.a) != names.key(&c.b))
            .collect())
    }
}

/// An analyst claim as a one-line description.
pub fn describe(c: &AnalystClaim) -> String {
    format!(
        "#{} {} {} {}{}",
        c.id,
        c.subject,
        c.predicate,
        c.object,
        c.revoked_at
            .as_ref()
            .map_or(String::new(), |r| format!(" (revoked {r})"))
    )
}
