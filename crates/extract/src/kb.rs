//! What the event stage needs to know about resolved entities, without depending on the
//! gazetteer crate: `tessera_resolve::Gazetteer` implements [`KnowledgeBase`].

use tessera_model::{ActorType, EntityKind, PlaceLevel};

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    /// Name.
    pub name: String,
    /// Level.
    pub level: PlaceLevel,
    /// ISO country code.
    pub country: String,
    /// Province.
    pub admin1: Option<String>,
    /// District.
    pub admin2: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// The coordinates stand in for an unknown position (a district placed at its capital).
    pub approximate: bool,
}

/// A resolved actor.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorInfo {
    /// Canonical name.
    pub name: String,
    /// ACLED actor type.
    pub actor_type: ActorType,
    /// What it is.
    pub kind: EntityKind,
    /// Country code.
    pub country: Option<String>,
    /// Where it is based (a place id), when the actor list says.
    pub area: Option<String>,
}

/// Lookups by entity id.
pub trait KnowledgeBase: Send + Sync {
    /// The place with this id.
    fn place(&self, id: &str) -> Option<PlaceInfo>;
    /// The actor with this id.
    fn actor(&self, id: &str) -> Option<ActorInfo>;
    /// The armed group that a description with no name stands for in a province: "militants
    /// of separatist groups" in Balochistan are the Baloch separatists. An armed group
    /// qualifies when one of its names has `cue` as a word and the actor list bases it in the
    /// province `admin1` of `country`; `None` when no group or more than one does.
    fn group_described_as(&self, _cue: &str, _country: &str, _admin1: &str) -> Option<String> {
        None
    }
    /// The place id of the area a named military operation was fought in ("Zarb-e-Azb" →
    /// North Waziristan), spelt with or without its hyphens and spaces; `None` for other
    /// names and for nationwide operations.
    fn operation_area(&self, _name: &str) -> Option<String> {
        None
    }
    /// The country a nationality word refers to ("afghan" → AF), any case; `None` for other
    /// words.
    fn nationality(&self, _word: &str) -> Option<String> {
        None
    }
    /// English name of a country code.
    fn country_name(&self, code: &str) -> Option<String> {
        Some(
            match code {
                "PK" => "Pakistan",
                "AF" => "Afghanistan",
                "IN" => "India",
                "IR" => "Iran",
                "US" => "United States",
                "CN" => "China",
                _ => return None,
            }
            .to_owned(),
        )
    }
}

/// A knowledge base that knows nothing (for tests of text-only rules).
pub struct EmptyKb;

impl KnowledgeBase for EmptyKb {
    fn place(&self, _id: &str) -> Option<PlaceInfo> {
        None
    }
    fn actor(&self, _id: &str) -> Option<ActorInfo> {
        None
    }
}
