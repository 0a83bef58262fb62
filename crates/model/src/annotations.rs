use crate::{Claim, Event, Mention, Sentence};

/// What extraction found in one document. Every item carries spans into the document's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Mentions, in order of their start.
    pub mentions: Vec<Mention>,
    /// Events, in order of their first evidence.
    pub events: Vec<Event>,
    /// Claims.
    pub claims: Vec<Claim>,
}
