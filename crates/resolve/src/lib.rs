//! Gazetteer, actor lists and name resolution.
//!
//! The main types, and how they fit:
//! - [`Gazetteer`] holds [`PlaceRecord`]s (provinces, districts, populated places of Pakistan
//!   and Afghanistan, from GeoNames via the committed build script) and [`ActorRecord`]s (armed
//!   groups, forces, institutions, written by us), both embedded in the binary. Users extend it
//!   with GeoNames dumps ([`parse_geonames_dump`]) and actor files ([`parse_actors_tsv`],
//!   [`parse_actors_json`]).
//! - [`Matcher`] finds every alias in a text in one Aho-Corasick pass over the normalised text
//!   (see `tessera_extract::AlignedText`), keeps whole words, applies case rules
//!   (abbreviations match only in their own case: "BLA" yes, "bla" no; capitalised names need a
//!   capital), prefers the longest match and resolves ambiguous names with the document's other
//!   places.
//! - [`GazetteerStage`] is the extraction stage that turns matches into mentions.
//!
//! ```
//! use tessera_resolve::Gazetteer;
//! let gaz = Gazetteer::embedded().unwrap();
//! let found = gaz.matcher().find("A blast in Khowst killed two TTP fighters; bla bla.");
//! let names: Vec<(&str, &str)> = found.iter().map(|m| (m.text.as_str(), m.entity_id.as_str())).collect();
//! assert!(names.iter().any(|(t, _)| *t == "Khowst"));
//! assert!(names.contains(&("TTP", "actor:ttp")));
//! assert!(!names.iter().any(|(t, _)| *t == "bla"));
//! ```

mod data;
mod error;
mod gazetteer;
mod matcher;
mod stage;

pub use data::{
    ActorRecord, PlaceRecord, parse_actors_json, parse_actors_tsv, parse_geonames_dump,
    parse_places_tsv,
};
pub use error::ResolveError;
pub use gazetteer::{EntryRef, Gazetteer, GroupTerm};
pub use matcher::{Match, Matcher};
pub use stage::GazetteerStage;
