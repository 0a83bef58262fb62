use crate::ids::{DocId, EntityId};
use serde::{Deserialize, Serialize};

/// Why a span could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// `begin` lies after `end`.
    #[error("span begin {begin} is after end {end}")]
    Reversed {
        /// Start offset (code points).
        begin: usize,
        /// End offset (code points).
        end: usize,
    },
}

/// A stretch of a document: code-point offsets `[begin, end)` into its stored text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// The document the offsets refer to.
    pub document_id: DocId,
    /// First code point (inclusive).
    pub begin: usize,
    /// Last code point (exclusive).
    pub end: usize,
}

impl Span {
    /// A span, checked for `begin <= end`.
    pub fn new(document_id: DocId, begin: usize, end: usize) -> Result<Self, SpanError> {
        if begin > end {
            return Err(SpanError::Reversed { begin, end });
        }
        Ok(Span {
            document_id,
            begin,
            end,
        })
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end - self.begin
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.begin == self.end
    }

    /// The covered text, or `None` when the span runs past the end of `text`.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        slice_chars(text, self.begin, self.end)
    }
}

/// Byte offset of code point `char_idx` in `text` (`text.len()` for one past the end).
pub fn char_to_byte(text: &str, char_idx: usize) -> Option<usize> {
    if char_idx == 0 {
        return Some(0);
    }
    match text.char_indices().nth(char_idx) {
        Some((b, _)) => Some(b),
        None if text.chars().count() == char_idx => Some(text.len()),
        None => None,
    }
}

/// Slice `text` by code-point offsets `[begin, end)`.
pub fn slice_chars(text: &str, begin: usize, end: usize) -> Option<&str> {
    if begin > end {
        return None;
    }
    let b = char_to_byte(text, begin)?;
    let rest = &text[b..];
    let e = char_to_byte(rest, end - begin)?;
    Some(&rest[..e])
}

/// The kind of thing a mention names (OntoNotes-style labels, as exported).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MentionType {
    /// A place: town, district, province, country, region.
    #[serde(rename = "LOC")]
    Loc,
    /// An organisation: armed group, force, institution, party.
    #[serde(rename = "ORG")]
    Org,
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// A nationality, religious or political group ("Afghan", "Baloch").
    #[serde(rename = "NORP")]
    Norp,
}

impl MentionType {
    /// The exported label (`LOC`, `ORG`, `PER`, `NORP`).
    pub fn as_str(self) -> &'static str {
        match self {
            MentionType::Loc => "LOC",
            MentionType::Org => "ORG",
            MentionType::Per => "PER",
            MentionType::Norp => "NORP",
        }
    }

    /// Parse an exported label.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "LOC" => MentionType::Loc,
            "ORG" => MentionType::Org,
            "PER" => MentionType::Per,
            "NORP" => MentionType::Norp,
            _ => return None,
        })
    }
}

/// The stage name of mentions by pronoun or description ("we", "Iraqi forces", "the camp")
/// rather than by name.
pub const NOMINAL_STAGE: &str = "nominals";

/// A span of text that names something, resolved to an entity when one is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where the mention is.
    pub span: Span,
    /// The covered text, exactly as in the document.
    pub text: String,
    /// What kind of thing it names.
    #[serde(rename = "type")]
    pub mention_type: MentionType,
    /// The entity it resolves to, when known.
    pub entity_id: Option<EntityId>,
    /// The stage that produced it (e.g. `gazetteer`).
    pub stage: String,
}

impl Mention {
    /// A pronoun or a description ("they", "untrained teachers") rather than a name: typed,
    /// never resolved, and not an actor's or a speaker's name.
    pub fn is_nominal(&self) -> bool {
        self.stage == NOMINAL_STAGE
    }
}

/// A sentence of a document, as found by the segmenter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence is.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reversed_span_is_rejected() {
        assert!(Span::new(DocId::from("d"), 3, 2).is_err());
    }

    #[test]
    fn slicing_counts_code_points() {
        let t = "Kōṯ — Khost";
        assert_eq!(slice_chars(t, 0, 3), Some("Kōṯ"));
        assert_eq!(slice_chars(t, 6, 11), Some("Khost"));
        assert_eq!(slice_chars(t, 6, 12), None);
        assert_eq!(slice_chars(t, 11, 11), Some(""));
    }

    proptest! {
        #[test]
        fn any_in_range_span_slices(text in "\\PC{0,40}", a in 0usize..50, b in 0usize..50) {
            let n = text.chars().count();
            let (lo, hi) = (a.min(b), a.max(b));
            let s = slice_chars(&text, lo, hi);
            if hi <= n {
                let expected: String = text.chars().skip(lo).take(hi - lo).collect();
                prop_assert_eq!(s, Some(expected.as_str()));
            } else {
                prop_assert!(s.is_none());
            }
        }
    }
}
