use crate::ids::DocId;
use serde::{Deserialize, Serialize};

/// The format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`), stored as written.
    Markdown,
    /// An HTML page; the stored text is its main text.
    Html,
    /// An item of an RSS or Atom feed.
    Feed,
    /// A line of a JSON Lines file.
    Jsonl,
}

impl SourceFormat {
    /// The stored name of the format.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Feed => "feed",
            SourceFormat::Jsonl => "jsonl",
        }
    }

    /// Parse a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => SourceFormat::Text,
            "markdown" => SourceFormat::Markdown,
            "html" => SourceFormat::Html,
            "feed" => SourceFormat::Feed,
            "jsonl" => SourceFormat::Jsonl,
            _ => return None,
        })
    }
}

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Headline or title.
    pub title: Option<String>,
    /// Publication date or datetime, ISO 8601 (`2025-03-03` or `2025-03-03T10:00:00Z`).
    pub published: Option<String>,
    /// The publisher or outlet ("Dawn", "ISAF", "Synthetic Wire").
    pub source: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Where the document came from on the web.
    pub url: Option<String>,
    /// The page's canonical URL, when it declares one.
    pub canonical_url: Option<String>,
    /// BCP 47 language tag when known.
    pub language: Option<String>,
}

/// One stored report: its text exactly as stored (all spans index into it) and its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document's id.
    pub id: DocId,
    /// Version number, from 1; a changed text under the same id gets the next one.
    pub version: u32,
    /// The text, exactly as stored and exported.
    pub text: String,
    /// Metadata.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// The format it was read from.
    pub format: SourceFormat,
    /// The file (and line) it was read from, for messages.
    pub origin: Option<String>,
}

impl Document {
    /// Hash of the text and metadata: equal hashes mean re-ingesting changes nothing.
    pub fn content_hash(&self) -> String {
        let meta = serde_json::to_string(&self.meta).unwrap_or_default();
        crate::ids::stable_id("sha256", &[&self.text, &meta, self.format.as_str()])
    }

    /// Number of whitespace-separated words, the unit of throughput figures.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            id: DocId::from("d1"),
            version: 1,
            text: text.into(),
            meta: DocumentMeta::default(),
            format: SourceFormat::Text,
            origin: None,
        }
    }

    #[test]
    fn hash_changes_with_text_and_metadata_not_with_origin() {
        let a = doc("Two killed in Quetta.");
        let mut b = a.clone();
        b.origin = Some("elsewhere.txt".into());
        assert_eq!(a.content_hash(), b.content_hash());
        b.meta.title = Some("Quetta".into());
        assert_ne!(a.content_hash(), b.content_hash());
        assert_ne!(
            a.content_hash(),
            doc("Three killed in Quetta.").content_hash()
        );
    }

    #[test]
    fn formats_round_trip() {
        for f in [
            SourceFormat::Text,
            SourceFormat::Markdown,
            SourceFormat::Html,
            SourceFormat::Feed,
            SourceFormat::Jsonl,
        ] {
            assert_eq!(SourceFormat::parse(f.as_str()), Some(f));
        }
    }
}
