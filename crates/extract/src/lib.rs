//! Extraction stages over text whose offsets survive normalisation.
//!
//! The main types, and how they fit:
//! - [`AlignedText`] keeps a document's text as stored beside a normalised copy (lower case,
//!   ASCII-folded, punctuation as single spaces) and maps any stretch of the normalised copy back
//!   to code-point offsets in the original, the way HF tokenizers' `NormalizedString` does.
//!   Matchers work on the normalised copy; every span they report is in original offsets.
//! - [`Stage`] is one step of extraction: it reads a [`DocContext`] (the document, its
//!   aligned text, its tokens, made once and shared by the stages) and the [`Annotations`] so
//!   far, and adds to the annotations.
//! - [`Pipeline`] runs stages in order over a document.
//! - [`SentenceSplitter`] is the first stage: abbreviation-aware sentence segmentation
//!   ("Gen.", "Lt. Col.", "U.S." do not end sentences).
//!
//! ```
//! use tessera_extract::{Pipeline, SentenceSplitter};
//! use tessera_model::{DocId, Document, DocumentMeta, SourceFormat};
//! let doc = Document {
//!     id: DocId::from("d"),
//!     version: 1,
//!     text: "Lt. Col. Khan said two were killed. The U.S. embassy condemned it.".into(),
//!     meta: DocumentMeta::default(),
//!     format: SourceFormat::Text,
//!     origin: None,
//! };
//! let ann = Pipeline::new(vec![Box::new(SentenceSplitter::default())]).run(&doc);
//! let sentences: Vec<&str> = ann.sentences.iter().map(|s| s.span.slice(&doc.text).unwrap()).collect();
//! assert_eq!(sentences, ["Lt. Col. Khan said two were killed.", "The U.S. embassy condemned it."]);
//! ```

mod aligned;
mod claims;
pub mod events;
pub mod kb;
mod names;
mod nominals;

mod pipeline;
mod sentences;
pub mod text;

pub use aligned::{AlignedText, normalize_for_matching};
pub use claims::ClaimStage;
pub use names::NameStage;
pub use nominals::NominalStage;
pub use pipeline::{DocContext, Pipeline, Stage};
pub use sentences::SentenceSplitter;
pub use tessera_model::Annotations;
pub use tessera_model::CharOffsets;
