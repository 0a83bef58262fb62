use crate::claim::Certainty;
use crate::ids::{DocId, EntityId};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Whether an event happened, by the report's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// Reported as having happened.
    Occurred,
    /// Threatened by an actor.
    Threatened,
    /// Planned or announced.
    Planned,
    /// Claimed by an actor (responsibility claims).
    Claimed,
    /// Denied by an actor.
    Denied,
    /// Reported only as an allegation.
    ReportedAsAlleged,
}

/// How fine a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateGranularity {
    /// One day.
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// How the date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateType {
    /// Stated or resolved to a definite day.
    Exact,
    /// Approximately ("last week", "early March").
    Approximate,
    /// A range ("between 3 and 5 March").
    Range,
    /// Not resolvable from the text and its dateline.
    Unresolved,
}

/// When an event happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// First day (ISO `YYYY-MM-DD`), or null when unresolved.
    pub start: Option<String>,
    /// Last day (ISO), or null when unresolved.
    pub end: Option<String>,
    /// How fine the date is.
    pub granularity: DateGranularity,
    /// How it was read.
    #[serde(rename = "type")]
    pub date_type: DateType,
}

/// Where an event happened, ACLED style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventLocation {
    /// Place name as resolved.
    pub name: Option<String>,
    /// Province.
    pub admin1: Option<String>,
    /// District.
    pub admin2: Option<String>,
    /// Country name.
    pub country: Option<String>,
    /// Latitude.
    pub latitude: Option<f64>,
    /// Longitude.
    pub longitude: Option<f64>,
    /// ACLED precision: 1 the town, 2 near a town / small area, 3 only the province.
    pub geo_precision: Option<u8>,
}

/// An actor taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Name as coded.
    pub name: String,
    /// The resolved entity, when known.
    pub entity_id: Option<EntityId>,
    /// ACLED actor type words (e.g. "Rebel group").
    #[serde(rename = "type")]
    pub actor_type: Option<String>,
}

/// A piece of evidence: a span of a document, exported flat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRef {
    /// The document.
    pub document_id: DocId,
    /// First code point.
    pub begin: usize,
    /// End code point (exclusive).
    pub end: usize,
}

impl From<&Span> for EvidenceRef {
    fn from(s: &Span) -> Self {
        EvidenceRef {
            document_id: s.document_id.clone(),
            begin: s.begin,
            end: s.end,
        }
    }
}

/// Who did what to whom, where, when, with how many casualties — and on whose word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id.
    pub id: String,
    /// The documents that report it.
    pub document_ids: Vec<DocId>,
    /// ACLED event type ("Battles", "Explosions/Remote violence", …).
    pub event_type: String,
    /// ACLED sub-event type ("Armed clash", "Suicide bomb", …).
    pub sub_event_type: String,
    /// ACLED disorder type ("Political violence", "Demonstrations", "Strategic developments").
    pub disorder_type: String,
    /// CAMEO root code (two digits).
    pub cameo_code: Option<String>,
    /// Goldstein value of the CAMEO code.
    pub goldstein: Option<f64>,
    /// Whether it happened, by the report.
    pub modality: Modality,
    /// When.
    pub date: EventDate,
    /// Where.
    pub location: EventLocation,
    /// Initiator.
    pub actor1: Option<Actor>,
    /// Target.
    pub actor2: Option<Actor>,
    /// Allies and associated actors.
    pub associated_actors: Vec<Actor>,
    /// Deaths (best figure).
    pub fatalities: Option<u32>,
    /// Lowest reported deaths.
    pub fatalities_low: Option<u32>,
    /// Highest reported deaths.
    pub fatalities_high: Option<u32>,
    /// Injured.
    pub injured: Option<u32>,
    /// Arrested, detained or captured.
    pub arrested: Option<u32>,
    /// How sure the report is.
    pub certainty: Certainty,
    /// Who says so ("police", "ISPR"), when the report attributes it.
    pub attributed_to: Option<String>,
    /// The spans that support it.
    pub evidence: Vec<EvidenceRef>,
}
