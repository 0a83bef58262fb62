//! Fusion: one incident, many reports.
//!
//! The main types, and how they fit:
//! - [`FusionInput`] is what fusion reads: the [`Report`]s (documents with their publisher,
//!   kind of source and text), the per-report [`Event`]s and [`Claim`]s the extractor produced,
//!   the analyst's [`Decision`]s and source [`Reliability`] grades, and an [`ActorNames`] that
//!   says when two actor names or ids are one actor.
//! - [`fuse`] finds copies of one wire story ([`minhash`]), clusters the events of different
//!   reports into incidents (blocking by day, a scored comparison, average linkage, never two
//!   events of one report, the analyst's merges and splits first) and returns a [`Fusion`]:
//!   [`FusedEvent`]s, each with its members, why they merged and its [`Corroboration`], and the
//!   [`Contradiction`]s found between reports.
//! - [`entities::candidates`] proposes actor and person names that may be one entity across
//!   spellings and transliterations, for an analyst to review.
//!
//! ```
//! use tessera_fuse::{fuse, FusionInput, Report, SourceKind};
//! use tessera_model::{Certainty, DocId, Event, EventDate, EventLocation, Modality,
//!     DateGranularity, DateType};
//! let event = |id: &str, doc: &str, dead: u32| Event {
//!     id: id.into(), document_ids: vec![DocId::from(doc)],
//!     event_type: "Explosions/Remote violence".into(), sub_event_type: "Suicide bomb".into(),
//!     disorder_type: "Political violence".into(), cameo_code: None, goldstein: None,
//!     modality: Modality::Occurred,
//!     date: EventDate { start: Some("2025-05-14".into()), end: Some("2025-05-14".into()),
//!         granularity: DateGranularity::Day, date_type: DateType::Exact },
//!     location: EventLocation { name: Some("Bannu".into()), admin1: Some("Khyber Pakhtunkhwa".into()),
//!         admin2: Some("Bannu".into()), country: Some("Pakistan".into()), latitude: Some(32.99),
//!         longitude: Some(70.6), geo_precision: Some(1) },
//!     actor1: None, actor2: None, associated_actors: vec![], fatalities: Some(dead),
//!     fatalities_low: None, fatalities_high: None, injured: None, arrested: None,
//!     certainty: Certainty::Certain, attributed_to: None, evidence: vec![],
//! };
//! let report = |doc: &'static str, source: &'static str| Report {
//!     doc_id: DocId::from(doc), source: Some(source.into()), kind: SourceKind::Media,
//!     published: Some("2025-05-14".into()), ingested_at: None, text: "",
//! };
//! let input = FusionInput {
//!     reports: vec![report("a", "Indus Daily"), report("b", "Khyber Herald")],
//!     events: vec![event("e1", "a", 12), event("e2", "b", 17)],
//!     ..FusionInput::default()
//! };
//! let fusion = fuse(&input);
//! assert_eq!(fusion.events.len(), 1);
//! assert_eq!(fusion.events[0].event.document_ids.len(), 2);
//! assert_eq!(fusion.events[0].fusion.corroboration.independent_sources, 2);
//! assert_eq!(fusion.contradictions[0].field, tessera_fuse::Field::Fatalities);
//! ```

mod cluster;
mod contradict;
pub mod entities;
pub mod minhash;

use cluster::Features;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use tessera_model::{Certainty, Claim, DocId, Event, Modality};

pub use contradict::{Contradiction, Field, Side};
pub use minhash::CopyRule;

/// What kind of source a report comes from.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A government, military, police or ministry statement.
    Official,
    /// A news outlet or wire service.
    #[default]
    Media,
    /// The armed group itself (claims, denials).
    Group,
    /// Residents, elders, local journalists and activists.
    Local,
    /// A coded dataset (ACLED, UCDP).
    Dataset,
}

/// An analyst's Admiralty grade of a source's reliability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

impl Reliability {
    /// Parse one letter, either case.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "A" => Self::A,
            "B" => Self::B,
            "C" => Self::C,
            "D" => Self::D,
            "E" => Self::E,
            "F" => Self::F,
            _ => return None,
        })
    }
    /// The weight a source of this grade lends to corroboration; ungraded sources weigh as F.
    pub fn weight(grade: Option<Self>) -> f64 {
        match grade {
            Some(Self::A) => 1.0,
            Some(Self::B) => 0.8,
            Some(Self::C) => 0.6,
            Some(Self::D) => 0.3,
            Some(Self::E) => 0.1,
            Some(Self::F) | None => 0.5,
        }
    }
}

/// A document as fusion sees it.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// The document.
    pub doc_id: DocId,
    /// Its publisher as the document names it.
    pub source: Option<String>,
    /// What kind of source that is.
    pub kind: SourceKind,
    /// When it was published (ISO date or date-time), as the document says.
    pub published: Option<String>,
    /// When it was ingested: orders reports that give no publication date, but never dates
    /// an event.
    pub ingested_at: Option<String>,
    /// Its text, for wire-copy detection.
    pub text: &'a str,
}

/// An analyst's decision about events, stored as the analyst's claim; fusion obeys it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// These two report-level events are one incident.
    SameIncident(String, String),
    /// These two report-level events are different incidents.
    DifferentIncident(String, String),
    /// This report-level event stands alone.
    Detach(String),
}

/// Says when two actor names or entity ids denote one actor.
pub trait ActorNames {
    /// A key equal for every name and id of one actor.
    fn key(&self, name_or_id: &str) -> String;
    /// Whether two keys are one actor's faction and the actor (ISKP and the Islamic State):
    /// naming one or the other is no contradiction.
    fn related(&self, _a: &str, _b: &str) -> bool {
        false
    }
    /// The actor at the top of a key's line of parents (the Pakistan Army's is the military
    /// of Pakistan): reports name a force or its branch for one side.
    fn root(&self, key: &str) -> String {
        key.to_owned()
    }
}

/// Compares names letter for letter (lower case, letters and digits only).
#[derive(Debug, Clone, Copy, Default)]
pub struct PlainNames;
impl ActorNames for PlainNames {
    fn key(&self, name_or_id: &str) -> String {
        cluster::norm(name_or_id)
    }
}

/// Everything fusion reads.
pub struct FusionInput<'a> {
    /// The documents.
    pub reports: Vec<Report<'a>>,
    /// Per-report events, as extracted.
    pub events: Vec<Event>,
    /// Per-report claims, as extracted.
    pub claims: Vec<Claim>,
    /// The analyst's decisions.
    pub decisions: Vec<Decision>,
    /// Reliability grades by source name.
    pub grades: FxHashMap<String, Reliability>,
    /// When two actor names are one actor.
    pub names: &'a dyn ActorNames,
    /// Pair score at or above which two events may be one incident.
    pub threshold: f64,
    /// When two documents are copies of one story.
    pub copy_rule: CopyRule,
}

impl Default for FusionInput<'_> {
    fn default() -> Self {
        FusionInput {
            reports: Vec::new(),
            events: Vec::new(),
            claims: Vec::new(),
            decisions: Vec::new(),
            grades: FxHashMap::default(),
            names: &PlainNames,
            threshold: DEFAULT_THRESHOLD,
            copy_rule: CopyRule::default(),
        }
    }
}

/// The pair score at or above which two events may merge.
pub const DEFAULT_THRESHOLD: f64 = 0.7;

/// Why two events were merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeReason {
    /// The two report-level events compared.
    pub events: [String; 2],
    /// Their score (none when an analyst merged them).
    pub score: Option<f64>,
    /// What they agree on.
    pub why: Vec<String>,
}

/// One source's support for a fused event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSupport {
    /// The publisher (or the document id when the document names none).
    pub source: String,
    /// What kind of source.
    pub kind: SourceKind,
    /// The analyst's grade, if set.
    pub reliability: Option<Reliability>,
    /// Its documents in this event (copies of one wire story included).
    pub document_ids: Vec<DocId>,
    /// Its earliest report.
    pub first_reported: Option<String>,
    /// Deaths by its latest report.
    pub fatalities: Option<u32>,
    /// How sure it is.
    pub certainty: Certainty,
    /// Who it attributes the account to ("police").
    pub attributed_to: Option<String>,
}

/// Fused casualty figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Figures {
    /// Lowest figure any independent source gives.
    pub low: Option<u32>,
    /// The median of the independent sources' figures (the lower middle one when even).
    pub best: Option<u32>,
    /// Highest figure any independent source gives ("at least" figures count as their number).
    pub high: Option<u32>,
}

/// How well an event is supported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corroboration {
    /// Distinct publishers after collapsing copies of one wire story.
    pub independent_sources: usize,
    /// Sum over independent sources of their reliability weight (A 1.0 … E 0.1; F or
    /// ungraded 0.5).
    pub weighted_support: f64,
    /// Kinds of sources.
    pub source_kinds: Vec<SourceKind>,
    /// Earliest publication among the reports.
    pub first_reported: Option<String>,
    /// Fused deaths.
    pub fatalities: Figures,
    /// Fused injured.
    pub injured: Figures,
    /// Each independent source.
    pub sources: Vec<SourceSupport>,
}

/// What fusion adds to an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusionInfo {
    /// The report-level events merged here.
    pub members: Vec<String>,
    /// Why they were merged.
    pub merge_reasons: Vec<MergeReason>,
    /// Support.
    pub corroboration: Corroboration,
    /// Ids of contradictions flagged on this event.
    pub contradictions: Vec<String>,
}

/// An incident: the representative report's coding with fused figures, all reports'
/// documents and evidence, and the fusion record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusedEvent {
    /// The event as exported (the extraction contract's fields).
    #[serde(flatten)]
    pub event: Event,
    /// Members, reasons, corroboration and contradictions.
    pub fusion: FusionInfo,
}

/// What fusion found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Fusion {
    /// Incidents, in the input order of their first report-level event.
    pub events: Vec<FusedEvent>,
    /// Contradictions between reports of one incident.
    pub contradictions: Vec<Contradiction>,
    /// Groups of documents that are copies of one story (two or more documents each).
    pub copy_groups: Vec<Vec<DocId>>,
}

/// A member of a cluster: its index among the features, its event, its report's index.
type ClusterMember<'e> = (usize, &'e Event, usize);

/// The rank of a certainty value, most sure first.
fn certainty_rank(c: Certainty) -> u8 {
    match c {
        Certainty::Certain => 0,
        Certainty::Probable => 1,
        Certainty::Possible => 2,
        Certainty::Alleged => 3,
        Certainty::Unknown => 4,
        Certainty::Denied => 5,
    }
}

/// Median (lower middle), min and max of figures.
fn figures(values: &[(u32, Option<u32>)]) -> Figures {
    if values.is_empty() {
        return Figures::default();
    }
    let mut best: Vec<u32> = values.iter().map(|v| v.0).collect();
    best.sort_unstable();
    Figures {
        low: best.first().copied(),
        best: Some(best[(best.len() - 1) / 2]),
        high: values.iter().map(|v| v.1.unwrap_or(v.0).max(v.0)).max(),
    }
}

/// The events fusion can place (their report is known), their features and the words' IDF.
fn features(
    input: &FusionInput<'_>,
    report_index: &FxHashMap<&DocId, usize>,
) -> (Vec<usize>, Vec<Features>, Vec<f32>) {
    // Events whose report is known; the rest are passed through on their own.
    let canon = |s: &str| input.names.key(s);
    let known: Vec<usize> = (0..input.events.len())
        .filter(|&i| {
            input.events[i]
                .document_ids
                .first()
                .is_some_and(|d| report_index.contains_key(d))
        })
        .collect();
    // Each event's words: its evidence sentences, weighted by how rare they are among events.
    let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
    let mut offsets: FxHashMap<usize, tessera_model::CharOffsets> = FxHashMap::default();
    // Each report's words, once.
    let mut report_terms: FxHashMap<usize, std::sync::Arc<Vec<u32>>> = FxHashMap::default();
    let mut feats: Vec<Features> = known
        .iter()
        .map(|&i| {
            let e = &input.events[i];
            let r = report_index[&e.document_ids[0]];
            let text = input.reports[r].text;
            let off = offsets
                .entry(r)
                .or_insert_with(|| tessera_model::CharOffsets::new(text));
            let words: String = e
                .evidence
                .iter()
                .filter_map(|s| off.slice(text, s.begin, s.end))
                .collect::<Vec<_>>()
                .join(" ");
            let terms = cluster::terms(&words, &mut vocab);
            let mut f = Features::of(e, r, input.reports[r].published.as_deref(), &canon, terms);
            // The sub-localities: the resolved place's and province's own words say nothing
            // about which part of a city or district it was.
            let own: String = [&e.location.name, &e.location.admin2, &e.location.admin1]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" ");
            let own = cluster::terms(&own.to_lowercase(), &mut vocab);
            f.group_voice = input.reports[r].kind == SourceKind::Group;
            f.actor_roots = [
                f.actor1.as_deref().map(|k| input.names.root(k)),
                f.actor2.as_deref().map(|k| input.names.root(k)),
            ];
            f.place_terms = cluster::place_terms(&words, &mut vocab);
            f.place_terms.retain(|t| own.binary_search(t).is_err());
            // A country's name says nothing about which part of it.
            f.place_name_terms = e
                .location
                .name
                .as_deref()
                .filter(|_| e.location.admin1.is_some())
                .map(|n| cluster::terms(&n.to_lowercase(), &mut vocab))
                .unwrap_or_default();
            f.report_terms = report_terms
                .entry(r)
                .or_insert_with(|| std::sync::Arc::new(cluster::terms(text, &mut vocab)))
                .clone();
            f
        })
        .collect();
    drop(offsets);
    let mut df = vec![0u32; vocab.len()];
    for f in &feats {
        for &t in &f.terms {
            df[t as usize] += 1;
        }
    }
    let n = feats.len().max(1) as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| (n / d.max(1) as f32).ln().max(0.0))
        .collect();
    for f in &mut feats {
        f.term_weight = cluster::term_weight(&f.terms, &idf);
    }
    (known, feats, idf)
}

/// Why two report-level events would or would not be one incident: their pair score (none
/// when they cannot be: different days, provinces or kinds of event, or one report) and the
/// reasons, computed as `fuse` computes them.
pub fn explain(input: &FusionInput<'_>, a: &str, b: &str) -> Option<(Option<f64>, Vec<String>)> {
    let report_index: FxHashMap<&DocId, usize> = input
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (&r.doc_id, i))
        .collect();
    let (known, feats, idf) = features(input, &report_index);
    let find = |id: &str| known.iter().position(|&i| input.events[i].id == id);
    let (x, y) = (find(a)?, find(b)?);
    Some(match cluster::compare(&feats[x], &feats[y], &idf) {
        Some((score, why)) => (Some((score * 1000.0).round() / 1000.0), why),
        None => (None, vec!["cannot be one incident".into()]),
    })
}

/// Fuse report-level events into incidents. Deterministic: the same input gives the same
/// output, ids included.
pub fn fuse(input: &FusionInput<'_>) -> Fusion {
    let report_index: FxHashMap<&DocId, usize> = input
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (&r.doc_id, i))
        .collect();
    // Copies of one wire story.
    let texts: Vec<&str> = input.reports.iter().map(|r| r.text).collect();
    let groups = minhash::copy_groups(&texts, input.copy_rule);
    let mut wire_group = vec![0usize; input.reports.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            wire_group[m] = g;
        }
    }
    // Independent sources: copies of one story, or reports of one publisher, count once.
    let mut parent: Vec<usize> = (0..input.reports.len()).collect();
    {
        let mut by_publisher: FxHashMap<String, usize> = FxHashMap::default();
        for (i, r) in input.reports.iter().enumerate() {
            if let Some(s) = r
                .source
                .as_deref()
                .map(cluster::norm)
                .filter(|s| !s.is_empty())
            {
                let first = *by_publisher.entry(s).or_insert(i);
                let (a, b) = (
                    minhash::find(&mut parent, first),
                    minhash::find(&mut parent, i),
                );
                parent[a.max(b)] = a.min(b);
            }
        }
        for members in &groups {
            for w in members.windows(2) {
                let (a, b) = (
                    minhash::find(&mut parent, w[0]),
                    minhash::find(&mut parent, w[1]),
                );
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let source_of: Vec<usize> = (0..input.reports.len())
        .map(|i| minhash::find(&mut parent, i))
        .collect();

    let (known, feats, idf) = features(input, &report_index);
    // Identical events of copies of one wire story are clustered as one unit: a syndicated
    // story is one source, and hundreds of reprints cost one comparison.
    let named: rustc_hash::FxHashSet<&str> = input
        .decisions
        .iter()
        .flat_map(|d| match d {
            Decision::SameIncident(a, b) | Decision::DifferentIncident(a, b) => vec![a, b],
            Decision::Detach(a) => vec![a],
        })
        .map(String::as_str)
        .collect();
    let mut units: Vec<Vec<usize>> = Vec::new();
    {
        type UnitKey<'k> = (
            usize,
            &'k str,
            Option<i32>,
            &'k Option<String>,
            Option<(u32, Option<u32>)>,
            &'k Option<String>,
        );
        let mut by_key: FxHashMap<UnitKey<'_>, usize> = FxHashMap::default();
        for (f, feat) in feats.iter().enumerate() {
            let id = input.events[known[f]].id.as_str();
            let key = (
                wire_group[feat.report],
                feat.sub_event_type.as_str(),
                feat.day,
                &feat.place,
                feat.deaths,
                &feat.actor1,
            );
            let unit = (!named.contains(id))
                .then(|| by_key.get(&key).copied())
                .flatten()
                .filter(|&u| units[u].iter().all(|&m| feats[m].report != feat.report));
            match unit {
                Some(u) => units[u].push(f),
                None => {
                    by_key.entry(key).or_insert(units.len());
                    units.push(vec![f]);
                }
            }
        }
    }
    let unit_feats: Vec<&Features> = units.iter().map(|u| &feats[u[0]]).collect();
    let unit_reports: Vec<Vec<usize>> = units
        .iter()
        .map(|u| u.iter().map(|&f| feats[f].report).collect())
        .collect();
    let unit_ids: Vec<&str> = units
        .iter()
        .map(|u| input.events[known[u[0]]].id.as_str())
        .collect();
    let unit_of: FxHashMap<&str, usize> = units
        .iter()
        .enumerate()
        .flat_map(|(k, u)| {
            let known = &known;
            u.iter()
                .map(move |&f| (input.events[known[f]].id.as_str(), k))
        })
        .collect();
    let (unit_clusters, mut reasons) = cluster::cluster(
        &unit_feats,
        &unit_reports,
        &idf,
        &unit_ids,
        &unit_of,
        &input.decisions,
        input.threshold,
    );
    let clusters: Vec<Vec<usize>> = unit_clusters
        .iter()
        .map(|c| {
            let mut m: Vec<usize> = c.iter().flat_map(|&u| units[u].iter().copied()).collect();
            m.sort_unstable();
            m
        })
        .collect();
    let violent_ids: rustc_hash::FxHashSet<&str> = input
        .events
        .iter()
        .filter(|e| {
            !matches!(
                e.event_type.as_str(),
                "Strategic developments" | "Protests" | "Riots"
            )
        })
        .map(|e| e.id.as_str())
        .collect();
    let mut claims_by_doc: FxHashMap<&DocId, Vec<&Claim>> = FxHashMap::default();
    for c in &input.claims {
        if let Some(s) = c.evidence.first() {
            claims_by_doc.entry(&s.document_id).or_default().push(c);
        }
    }

    let mut fusion = Fusion {
        copy_groups: groups
            .iter()
            .filter(|g| g.len() > 1)
            .map(|g| g.iter().map(|&i| input.reports[i].doc_id.clone()).collect())
            .collect(),
        ..Fusion::default()
    };
    let published = |r: usize| {
        let r = &input.reports[r];
        r.published.clone().or_else(|| r.ingested_at.clone())
    };
    for (k, cluster) in clusters.iter().enumerate() {
        let members: Vec<(usize, &Event, usize)> = cluster
            .iter()
            .map(|&f| (f, &input.events[known[f]], feats[f].report))
            .collect();
        let grade_of = |r: usize| {
            input.reports[r]
                .source
                .as_ref()
                .and_then(|s| input.grades.get(s).copied())
        };
        // The representative: an event rather than a statement about it, then the most
        // reliable source, the most precise place, the earliest report.
        let statement = |m: &ClusterMember<'_>| feats[m.0].class == cluster::Class::Strategic;
        let rep = members
            .iter()
            .min_by(|a, b| {
                statement(a).cmp(&statement(b)).then(
                    Reliability::weight(grade_of(b.2))
                        .total_cmp(&Reliability::weight(grade_of(a.2)))
                        .then(feats[a.0].precision.cmp(&feats[b.0].precision))
                        .then(published(a.2).cmp(&published(b.2)))
                        .then(a.1.id.cmp(&b.1.id)),
                )
            })
            .expect("clusters are not empty");
        let first = members
            .iter()
            .min_by(|a, b| {
                published(a.2)
                    .cmp(&published(b.2))
                    .then(a.1.id.cmp(&b.1.id))
            })
            .expect("clusters are not empty");

        // Per independent source: its documents, latest figure, strongest certainty.
        let mut by_source: Vec<(usize, Vec<&ClusterMember<'_>>)> = Vec::new();
        for m in &members {
            let s = source_of[m.2];
            match by_source.iter_mut().find(|(k, _)| *k == s) {
                Some((_, v)) => v.push(m),
                None => by_source.push((s, vec![m])),
            }
        }
        let mut sources: Vec<SourceSupport> = by_source
            .iter()
            .map(|(s, ms)| {
                let latest = ms
                    .iter()
                    .filter(|m| m.1.fatalities.is_some())
                    .max_by(|a, b| published(a.2).cmp(&published(b.2)));
                let r = &input.reports[*s];
                let mut docs: Vec<DocId> = ms
                    .iter()
                    .map(|m| input.reports[m.2].doc_id.clone())
                    .collect();
                docs.sort();
                docs.dedup();
                SourceSupport {
                    source: r.source.clone().unwrap_or_else(|| r.doc_id.0.clone()),
                    kind: r.kind,
                    reliability: grade_of(*s),
                    document_ids: docs,
                    first_reported: ms.iter().filter_map(|m| published(m.2)).min(),
                    fatalities: latest.and_then(|m| m.1.fatalities),
                    certainty: ms
                        .iter()
                        .map(|m| m.1.certainty)
                        .min_by_key(|c| certainty_rank(*c))
                        .unwrap_or(Certainty::Unknown),
                    attributed_to: ms.iter().find_map(|m| m.1.attributed_to.clone()),
                }
            })
            .collect();
        sources.sort_by(|a, b| {
            a.first_reported
                .cmp(&b.first_reported)
                .then(a.source.cmp(&b.source))
        });
        let deaths: Vec<(u32, Option<u32>)> = by_source
            .iter()
            .filter_map(|(_, ms)| {
                let m = ms
                    .iter()
                    .filter(|m| m.1.fatalities.is_some())
                    .max_by(|a, b| published(a.2).cmp(&published(b.2)))?;
                let f = &feats[m.0];
                f.deaths
                    .map(|d| (d.0.max(m.1.fatalities.unwrap_or(0)), d.1))
            })
            .collect();
        let injured: Vec<(u32, Option<u32>)> = by_source
            .iter()
            .filter_map(|(_, ms)| ms.iter().find_map(|m| m.1.injured).map(|n| (n, Some(n))))
            .collect();
        let mut kinds: Vec<SourceKind> = sources.iter().map(|s| s.kind).collect();
        kinds.sort();
        kinds.dedup();
        let deaths = figures(&deaths);
        let corroboration = Corroboration {
            independent_sources: sources.len(),
            weighted_support: (sources
                .iter()
                .map(|s| Reliability::weight(s.reliability))
                .sum::<f64>()
                * 100.0)
                .round()
                / 100.0,
            source_kinds: kinds,
            first_reported: members.iter().filter_map(|m| published(m.2)).min(),
            fatalities: deaths,
            injured: figures(&injured),
            sources,
        };

        let mut event = rep.1.clone();
        event.id = first.1.id.clone();
        let mut docs: Vec<(Option<String>, DocId)> = members
            .iter()
            .map(|m| (published(m.2), input.reports[m.2].doc_id.clone()))
            .collect();
        docs.sort();
        docs.dedup();
        event.document_ids = docs.into_iter().map(|d| d.1).collect();
        event.evidence = members.iter().flat_map(|m| m.1.evidence.clone()).collect();
        if members.len() > 1 {
            event.fatalities = deaths.best;
            event.fatalities_low = deaths.low;
            event.fatalities_high = deaths.high;
            if let Some(n) = corroboration.injured.best {
                event.injured = Some(n);
            }
        }
        event.certainty = members
            .iter()
            .map(|m| m.1.certainty)
            .filter(|c| *c != Certainty::Denied)
            .min_by_key(|c| certainty_rank(*c))
            .unwrap_or(Certainty::Denied);
        if members.iter().any(|m| m.1.modality == Modality::Occurred) {
            event.modality = Modality::Occurred;
        }

        let member_claims: Vec<&Claim> = members
            .iter()
            .flat_map(|m| {
                let doc = &input.reports[m.2].doc_id;
                // A claim about this event, about no event in particular ("the incident"), or
                // about a statement of the same report: not one about another attack.
                claims_by_doc
                    .get(doc)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|c| c.object == m.1.id || !violent_ids.contains(c.object.as_str()))
            })
            .collect();
        let found = contradict::find(
            &event.id,
            &members
                .iter()
                .map(|m| {
                    (
                        m.1,
                        &feats[m.0],
                        wire_group[m.2],
                        &input.reports[m.2].doc_id,
                    )
                })
                .collect::<Vec<_>>(),
            &member_claims,
            input.names,
        );
        let ids: Vec<String> = found.iter().map(|c| c.id.clone()).collect();
        fusion.contradictions.extend(found);
        fusion.events.push(FusedEvent {
            event,
            fusion: FusionInfo {
                members: members.iter().map(|m| m.1.id.clone()).collect(),
                merge_reasons: reasons.remove(&k).unwrap_or_default(),
                corroboration,
                contradictions: ids,
            },
        });
    }
    // Events of unknown reports: on their own, unfused.
    let mut is_known = vec![false; input.events.len()];
    for &i in &known {
        is_known[i] = true;
    }
    for (i, e) in input.events.iter().enumerate() {
        if !is_known[i] {
            fusion.events.push(FusedEvent {
                event: e.clone(),
                fusion: FusionInfo {
                    members: vec![e.id.clone()],
                    merge_reasons: vec![],
                    corroboration: Corroboration {
                        independent_sources: 1,
                        weighted_support: Reliability::weight(None),
                        source_kinds: vec![],
                        first_reported: None,
                        fatalities: Figures::default(),
                        injured: Figures::default(),
                        sources: vec![],
                    },
                    contradictions: vec![],
                },
            });
        }
    }
    // In the input's order of each incident's first member: the extractor's order (document,
    // then position) survives, so two events read from one sentence keep their order.
    let position: FxHashMap<&str, usize> = input
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let first_member = |f: &FusedEvent| {
        f.fusion
            .members
            .iter()
            .filter_map(|m| position.get(m.as_str()))
            .min()
            .copied()
    };
    fusion.events.sort_by_cached_key(first_member);
    fusion
}
