use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How sure a source is, after FactBank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// Stated as fact.
    Certain,
    /// Likely ("probably", "intelligence indicates").
    Probable,
    /// Possible ("may", "could").
    Possible,
    /// An allegation ("allegedly", "reportedly", "is suspected").
    Alleged,
    /// Denied by its subject or source.
    Denied,
    /// Not determinable.
    Unknown,
}

impl Certainty {
    /// All values.
    pub const ALL: [Certainty; 6] = [
        Certainty::Certain,
        Certainty::Probable,
        Certainty::Possible,
        Certainty::Alleged,
        Certainty::Denied,
        Certainty::Unknown,
    ];

    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Probable => "probable",
            Certainty::Possible => "possible",
            Certainty::Alleged => "alleged",
            Certainty::Denied => "denied",
            Certainty::Unknown => "unknown",
        }
    }

    /// Parse a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Certainty::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

/// An attributed statement: who says what, with which cue and how sure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id.
    pub id: String,
    /// What the claim is about (an entity id or a phrase).
    pub subject: String,
    /// The relation or predicate ("responsible_for", "operates_from", "states").
    pub predicate: String,
    /// The object or value.
    pub object: String,
    /// The source the text attributes it to.
    pub attributed_to: Option<String>,
    /// The cue words ("according to", "allegedly").
    pub cue: Option<String>,
    /// How sure.
    pub certainty: Certainty,
    /// Start of validity (ISO date), when the text gives one.
    pub valid_from: Option<String>,
    /// End of validity (ISO date), when the text gives one.
    pub valid_to: Option<String>,
    /// The spans it was read from.
    pub evidence: Vec<Span>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certainty_round_trips_and_serialises_lowercase() {
        for c in Certainty::ALL {
            assert_eq!(Certainty::parse(c.as_str()), Some(c));
        }
        assert_eq!(
            serde_json::to_string(&Certainty::Alleged).unwrap(),
            "\"alleged\""
        );
    }
}
