//! The evidence model of Tessera: every fact points back to its words.
//!
//! The main types, and how they fit:
//! - [`Document`]: one stored report (text exactly as stored, plus metadata), identified by a
//!   [`DocId`] and a version number; a changed text under the same id is a new version.
//! - [`Span`]: a document id plus **Unicode code-point** offsets `[begin, end)` into that text,
//!   so that any language can slice it. [`Span::slice`] does it in Rust.
//! - [`Mention`]: a span that names something, typed ([`MentionType`]) and resolved to an
//!   [`Entity`] (an actor, place, person …, with [`Alias`]es and an ACLED [`ActorType`]) when known.
//! - [`Event`]: who did what to whom, where, when, with counts; every event carries its evidence
//!   spans, its [`Certainty`] and who it is attributed to.
//! - [`Claim`]: an attributed statement (source, cue, content) with a FactBank-style certainty.
//!
//! - [`Annotations`]: everything extraction found in one document.
//!
//! Ids are stable: [`stable_id`] derives them from the content they name, so re-extracting the
//! same document yields the same ids.
//!
//! ```
//! use tessera_model::{DocId, Span};
//! let text = "Blast in Quetta — 3 killed";
//! let span = Span::new(DocId::from("doc-1"), 9, 15).unwrap();
//! assert_eq!(span.slice(text), Some("Quetta"));
//! // Offsets count code points, so the em dash is one position, not three bytes.
//! let killed = Span::new(DocId::from("doc-1"), 20, 26).unwrap();
//! assert_eq!(killed.slice(text), Some("killed"));
//! ```

mod annotations;
mod claim;
mod document;
mod entity;
mod event;
mod ids;
mod offsets;
mod span;

pub use annotations::Annotations;
pub use claim::{Certainty, Claim};
pub use document::{Document, DocumentMeta, SourceFormat};
pub use entity::{ActorType, Alias, Entity, EntityKind, Place, PlaceLevel, km_between};
pub use event::{
    Actor, DateGranularity, DateType, Event, EventDate, EventLocation, EvidenceRef, Modality,
};
pub use ids::{DocId, EntityId, stable_id};
pub use offsets::CharOffsets;
pub use span::{
    Mention, MentionType, NOMINAL_STAGE, Sentence, Span, SpanError, char_to_byte, slice_chars,
};
