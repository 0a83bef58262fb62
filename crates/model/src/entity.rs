use crate::ids::{DocId, EntityId};
use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A place in the gazetteer.
    Place,
    /// A non-state armed group.
    ArmedGroup,
    /// State forces: army, police, paramilitaries.
    StateForce,
    /// A state institution or office.
    Institution,
    /// A political party.
    PoliticalParty,
    /// An international organisation.
    InternationalOrg,
    /// A government.
    Government,
    /// A militia (peace committee, lashkar, party wing).
    Militia,
    /// A person.
    Person,
    /// Anything else (movements, generic civilian or protester groups).
    Other,
}

impl EntityKind {
    /// The stored name (snake case).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Place => "place",
            EntityKind::ArmedGroup => "armed_group",
            EntityKind::StateForce => "state_force",
            EntityKind::Institution => "institution",
            EntityKind::PoliticalParty => "political_party",
            EntityKind::InternationalOrg => "international_org",
            EntityKind::Government => "government",
            EntityKind::Militia => "militia",
            EntityKind::Person => "person",
            EntityKind::Other => "other",
        }
    }

    /// Parse a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "place" => EntityKind::Place,
            "armed_group" => EntityKind::ArmedGroup,
            "state_force" => EntityKind::StateForce,
            "institution" => EntityKind::Institution,
            "political_party" => EntityKind::PoliticalParty,
            "international_org" => EntityKind::InternationalOrg,
            "government" => EntityKind::Government,
            "militia" => EntityKind::Militia,
            "person" => EntityKind::Person,
            "other" => EntityKind::Other,
            _ => return None,
        })
    }
}

/// ACLED's actor types, with their `inter` codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorType {
    /// State forces (inter 1).
    #[serde(rename = "State forces")]
    StateForces,
    /// Rebel group (inter 2).
    #[serde(rename = "Rebel group")]
    RebelGroup,
    /// Political militia (inter 3).
    #[serde(rename = "Political militia")]
    PoliticalMilitia,
    /// Identity militia (inter 4).
    #[serde(rename = "Identity militia")]
    IdentityMilitia,
    /// Rioters (inter 5).
    #[serde(rename = "Rioters")]
    Rioters,
    /// Protesters (inter 6).
    #[serde(rename = "Protesters")]
    Protesters,
    /// Civilians (inter 7).
    #[serde(rename = "Civilians")]
    Civilians,
    /// External/Other forces (inter 8).
    #[serde(rename = "External/Other forces")]
    ExternalOther,
}

impl ActorType {
    /// All types, in `inter` order.
    pub const ALL: [ActorType; 8] = [
        ActorType::StateForces,
        ActorType::RebelGroup,
        ActorType::PoliticalMilitia,
        ActorType::IdentityMilitia,
        ActorType::Rioters,
        ActorType::Protesters,
        ActorType::Civilians,
        ActorType::ExternalOther,
    ];

    /// ACLED's words for the type.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::StateForces => "State forces",
            ActorType::RebelGroup => "Rebel group",
            ActorType::PoliticalMilitia => "Political militia",
            ActorType::IdentityMilitia => "Identity militia",
            ActorType::Rioters => "Rioters",
            ActorType::Protesters => "Protesters",
            ActorType::Civilians => "Civilians",
            ActorType::ExternalOther => "External/Other forces",
        }
    }

    /// ACLED's `inter` code (1–8).
    pub fn inter_code(self) -> u8 {
        ActorType::ALL.iter().position(|t| *t == self).unwrap_or(7) as u8 + 1
    }

    /// From ACLED's words (case-insensitive) or its `inter` code.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Ok(n) = s.parse::<usize>() {
            return ActorType::ALL.get(n.checked_sub(1)?).copied();
        }
        ActorType::ALL
            .iter()
            .copied()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
    }
}

/// The great-circle distance in kilometres between two points given as (latitude,
/// longitude) in degrees.
pub fn km_between((la1, lo1): (f64, f64), (la2, lo2): (f64, f64)) -> f64 {
    let p = std::f64::consts::PI / 180.0;
    let h = ((la2 - la1) * p / 2.0).sin().powi(2)
        + (la1 * p).cos() * (la2 * p).cos() * ((lo2 - lo1) * p / 2.0).sin().powi(2);
    12742.0 * h.sqrt().asin()
}

/// Administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceLevel {
    /// A country.
    Country,
    /// First-level division (province).
    Admin1,
    /// Second-level division (district, agency).
    Admin2,
    /// A populated place or locality.
    Populated,
}

impl PlaceLevel {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceLevel::Country => "country",
            PlaceLevel::Admin1 => "admin1",
            PlaceLevel::Admin2 => "admin2",
            PlaceLevel::Populated => "place",
        }
    }

    /// Parse a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => PlaceLevel::Country,
            "admin1" => PlaceLevel::Admin1,
            "admin2" => PlaceLevel::Admin2,
            "place" | "populated" => PlaceLevel::Populated,
            _ => return None,
        })
    }
}

/// Where a place is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Administrative level.
    pub level: PlaceLevel,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Province name.
    pub admin1: Option<String>,
    /// District name.
    pub admin2: Option<String>,
    /// Latitude, WGS84.
    pub latitude: f64,
    /// Longitude, WGS84.
    pub longitude: f64,
    /// Population when known.
    pub population: Option<u64>,
}

/// Another name of an entity, with the document that introduced it when it came from text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The spelling.
    pub name: String,
    /// The document it was first read in (None for list-supplied aliases).
    pub introduced_by: Option<DocId>,
}

/// Something that can be named: an actor, a place, a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id (`actor:ttp`, `gn:1168197`, `adm1:PK-KP`).
    pub id: EntityId,
    /// What it is.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<Alias>,
    /// ACLED actor type, for actors.
    pub actor_type: Option<ActorType>,
    /// Country code, when it has one.
    pub country: Option<String>,
    /// Parent entity (a faction's group; a district's province).
    pub parent: Option<EntityId>,
    /// Location, for places.
    pub place: Option<Place>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_types_parse_from_words_and_codes() {
        for t in ActorType::ALL {
            assert_eq!(ActorType::parse(t.as_str()), Some(t));
            assert_eq!(ActorType::parse(&t.inter_code().to_string()), Some(t));
        }
        assert_eq!(ActorType::parse("rebel GROUP"), Some(ActorType::RebelGroup));
        assert_eq!(ActorType::parse("0"), None);
        assert_eq!(ActorType::parse("9"), None);
        assert_eq!(ActorType::RebelGroup.inter_code(), 2);
        assert_eq!(ActorType::ExternalOther.inter_code(), 8);
    }

    #[test]
    fn kinds_round_trip() {
        for k in ["place", "armed_group", "state_force", "person", "other"] {
            assert_eq!(EntityKind::parse(k).map(|k| k.as_str()), Some(k));
        }
    }
}
