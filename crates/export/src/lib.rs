//! Exports: the formats analysts' other tools read.
//!
//! The main types, and how they fit:
//! - [`Dataset`] is what every export reads: fused events ([`FusedEvent`]), the documents they
//!   cite ([`DocInfo`]), claims and contradictions. [`EventFilter`] narrows the events the way
//!   the API does (dates, type, province, actor, certainty, source).
//! - [`acled_csv`] writes ACLED's current 31 columns; [`geojson`] an RFC 7946 FeatureCollection;
//!   [`network`] GraphML or GEXF actor networks; [`stix`] a STIX 2.1 bundle with deterministic
//!   ids; [`brief`] a dated chronology in Markdown or HTML.
//!
//! ```
//! use tessera_export::{Dataset, EventFilter, acled_csv};
//! let data = Dataset::default();
//! let mut out = Vec::new();
//! acled_csv::write(&data, &EventFilter::default(), &mut out).unwrap();
//! let header = String::from_utf8(out).unwrap();
//! assert!(header.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type"));
//! assert_eq!(header.trim_end().split(',').count(), 31);
//! ```

pub mod acled_csv;
pub mod brief;
pub mod geojson;
pub mod network;
pub mod stix;

use rustc_hash::FxHashMap;
use tessera_fuse::{Contradiction, FusedEvent};
use tessera_model::{Claim, DocId};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing the output failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// JSON serialisation failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// A document as exports cite it.
#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    /// Title.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The text, for quoting evidence.
    pub text: String,
}

/// What exports read.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Fused events (one per incident).
    pub events: Vec<FusedEvent>,
    /// The documents they cite.
    pub documents: FxHashMap<DocId, DocInfo>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Contradictions between reports.
    pub contradictions: Vec<Contradiction>,
    /// Designations by entity id, each as "authority reference (listed date)".
    pub designations: FxHashMap<String, Vec<String>>,
}

impl Dataset {
    /// The text of an evidence span.
    pub fn quote(&self, doc: &DocId, begin: usize, end: usize) -> Option<String> {
        let d = self.documents.get(doc)?;
        Some(
            d.text
                .chars()
                .skip(begin)
                .take(end.saturating_sub(begin))
                .collect(),
        )
    }

    /// The events a filter keeps, in order.
    pub fn filtered<'a>(&'a self, filter: &'a EventFilter) -> impl Iterator<Item = &'a FusedEvent> {
        self.events.iter().filter(move |e| filter.keeps(e, self))
    }
}

/// The filters analysts use; every field narrows, none set keeps everything.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// On or after this date (ISO).
    pub since: Option<String>,
    /// On or before this date (ISO).
    pub until: Option<String>,
    /// ACLED event type or sub-event type, exactly.
    pub event_type: Option<String>,
    /// Province, case-insensitively.
    pub admin1: Option<String>,
    /// An actor whose name contains this, case-insensitively (actor1, actor2 or associated).
    pub actor: Option<String>,
    /// Certainty, exactly (`certain`, `alleged`, …).
    pub certainty: Option<String>,
    /// A source (publisher) among the event's documents, exactly.
    pub source: Option<String>,
    /// A place name, case-insensitively (the event's location, district or province).
    pub place: Option<String>,
    /// A bounding box: west, south, east, north (degrees); events without coordinates fail.
    pub bbox: Option<[f64; 4]>,
}

impl EventFilter {
    /// Whether an event passes.
    pub fn keeps(&self, f: &FusedEvent, data: &Dataset) -> bool {
        let e = &f.event;
        let date = e.date.start.as_deref();
        if let Some(s) = &self.since
            && date.is_none_or(|d| d < s.as_str())
        {
            return false;
        }
        if let Some(u) = &self.until
            && date.is_none_or(|d| d > u.as_str())
        {
            return false;
        }
        if let Some(t) = &self.event_type
            && e.event_type != *t
            && e.sub_event_type != *t
        {
            return false;
        }
        if let Some(a) = &self.admin1
            && !e
                .location
                .admin1
                .as_deref()
                .is_some_and(|x| x.eq_ignore_ascii_case(a))
        {
            return false;
        }
        if let Some(a) = &self.actor {
            let a = a.to_lowercase();
            let named = e
                .actor1
                .iter()
                .chain(&e.actor2)
                .chain(&e.associated_actors)
                .any(|x| x.name.to_lowercase().contains(&a));
            if !named {
                return false;
            }
        }
        if let Some(c) = &self.certainty
            && e.certainty.as_str() != c
        {
            return false;
        }
        if let Some(p) = &self.place {
            let l = &e.location;
            let named = [&l.name, &l.admin2, &l.admin1]
                .into_iter()
                .flatten()
                .any(|x| x.eq_ignore_ascii_case(p));
            if !named {
                return false;
            }
        }
        if let Some([west, south, east, north]) = self.bbox {
            let inside = match (e.location.longitude, e.location.latitude) {
                (Some(lon), Some(lat)) => {
                    (west..=east).contains(&lon) && (south..=north).contains(&lat)
                }
                _ => false,
            };
            if !inside {
                return false;
            }
        }
        if let Some(s) = &self.source
            && !e.document_ids.iter().any(|d| {
                data.documents
                    .get(d)
                    .and_then(|x| x.source.as_deref())
                    .is_some_and(|x| x == s)
            })
        {
            return false;
        }
        true
    }
}

/// Escape text for XML content and attribute values.
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small dataset the exports' tests share.
    use super::*;
    use tessera_fuse::{Corroboration, Figures, FusionInfo};
    use tessera_model::{
        Actor, Certainty, DateGranularity, DateType, EntityId, Event, EventDate, EventLocation,
        EvidenceRef, Modality,
    };

    pub fn event(id: &str, doc: &str, sub: &str, dead: u32, a1: &str, a2: &str) -> FusedEvent {
        let doc = DocId::from(doc);
        FusedEvent {
            event: Event {
                id: id.into(),
                document_ids: vec![doc.clone()],
                event_type: if sub == "Peaceful protest" {
                    "Protests".into()
                } else {
                    "Explosions/Remote violence".into()
                },
                sub_event_type: sub.into(),
                disorder_type: "Political violence".into(),
                cameo_code: Some("18".into()),
                goldstein: Some(-9.0),
                modality: Modality::Occurred,
                date: EventDate {
                    start: Some("2025-05-14".into()),
                    end: Some("2025-05-14".into()),
                    granularity: DateGranularity::Day,
                    date_type: DateType::Exact,
                },
                location: EventLocation {
                    name: Some("Bannu".into()),
                    admin1: Some("Khyber Pakhtunkhwa".into()),
                    admin2: Some("Bannu".into()),
                    country: Some("Pakistan".into()),
                    latitude: Some(32.98),
                    longitude: Some(70.60),
                    geo_precision: Some(1),
                },
                actor1: Some(Actor {
                    name: a1.into(),
                    entity_id: a1.contains("Taliban").then(|| EntityId::from("actor:ttp")),
                    actor_type: Some(
                        if a1.contains("Taliban") {
                            "Rebel group"
                        } else {
                            "Protesters"
                        }
                        .into(),
                    ),
                }),
                actor2: Some(Actor {
                    name: a2.into(),
                    entity_id: None,
                    actor_type: Some("State forces".into()),
                }),
                associated_actors: vec![],
                fatalities: Some(dead),
                fatalities_low: Some(dead),
                fatalities_high: Some(dead),
                injured: None,
                arrested: None,
                certainty: Certainty::Alleged,
                attributed_to: Some("police".into()),
                evidence: vec![EvidenceRef {
                    document_id: doc,
                    begin: 0,
                    end: 40,
                }],
            },
            fusion: FusionInfo {
                members: vec![id.into()],
                merge_reasons: vec![],
                corroboration: Corroboration {
                    independent_sources: 1,
                    weighted_support: 0.5,
                    source_kinds: vec![],
                    first_reported: Some("2025-05-14".into()),
                    fatalities: Figures {
                        low: Some(dead),
                        best: Some(dead),
                        high: Some(dead),
                    },
                    injured: Figures::default(),
                    sources: vec![],
                },
                contradictions: vec![],
            },
        }
    }

    pub fn dataset() -> Dataset {
        let mut documents = FxHashMap::default();
        documents.insert(
            DocId::from("r1"),
            DocInfo {
                title: Some("Suicide attack on Bannu checkpost <b>kills</b> 12".into()),
                source: Some("Indus Daily".into()),
                url: Some("https://indus.example/1".into()),
                published: Some("2025-05-14".into()),
                text:
                    "BANNU — A suicide bomber killed 12 police officers on Wednesday, police said."
                        .into(),
            },
        );
        documents.insert(
            DocId::from("r2"),
            DocInfo {
                title: Some("Protest in Bannu".into()),
                source: Some("Khyber Herald".into()),
                url: None,
                published: Some("2025-05-15".into()),
                text: "Traders in Bannu protested against the attack, saying \"enough\" & more."
                    .into(),
            },
        );
        Dataset {
            events: vec![
                event(
                    "ev:1",
                    "r1",
                    "Suicide bomb",
                    12,
                    "Tehrik-i-Taliban Pakistan",
                    "Police Forces of Pakistan",
                ),
                event(
                    "ev:2",
                    "r2",
                    "Peaceful protest",
                    0,
                    "Protesters (Pakistan)",
                    "Police Forces of Pakistan",
                ),
            ],
            documents,
            claims: vec![],
            contradictions: vec![],
            designations: FxHashMap::default(),
        }
    }
}
