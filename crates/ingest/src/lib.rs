//! Reading reports into [`Document`]s: plain text, Markdown, HTML pages, RSS/Atom feeds and
//! JSON Lines, one file, a directory tree, or JSONL on stdin.
//!
//! The main types, and how they fit:
//! - [`Reader`] walks paths ([`Reader::read_path`]) or a JSONL stream ([`Reader::read_jsonl`])
//!   and hands every outcome to a callback as an [`Item`]: a document, or an [`IngestError`]
//!   naming the file and line or byte offset. One bad input never stops the rest.
//! - [`ReadOptions`] holds the limits (`max_bytes`, default 20 MB per document).
//! - The format readers ([`parse_text`], [`parse_html`], [`parse_feed`], [`parse_jsonl_line`])
//!   are plain functions over bytes, also used by the fuzz targets.
//!
//! Documents come out with version 0: the store assigns versions.
//!
//! ```
//! use tessera_ingest::{ReadOptions, Reader};
//! let jsonl = "{\"id\":\"r1\",\"text\":\"Two killed in Quetta.\",\"published\":\"2025-03-03\"}\n\
//!              {broken\n";
//! let mut docs = Vec::new();
//! let mut errors = Vec::new();
//! Reader::new(ReadOptions::default()).read_jsonl(jsonl.as_bytes(), "stdin", &mut |item| match item {
//!     Ok(doc) => docs.push(doc),
//!     Err(e) => errors.push(e.to_string()),
//! });
//! assert_eq!(docs[0].id.as_str(), "r1");
//! assert_eq!(docs[0].meta.published.as_deref(), Some("2025-03-03"));
//! assert!(errors[0].starts_with("stdin:2:"), "{}", errors[0]);
//! ```

mod date;
mod error;
mod feed;
mod html;
mod jsonl;
mod text;
mod walk;

pub use date::normalize_date;
pub use error::IngestError;
pub use feed::parse_feed;
pub use html::{html_to_text, parse_html};
pub use jsonl::parse_jsonl_line;
pub use text::parse_text;
pub use walk::{ReadOptions, Reader};

use tessera_model::Document;

/// One outcome of reading: a document, or why an input was skipped.
pub type Item = Result<Document, IngestError>;
