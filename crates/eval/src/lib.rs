//! Measuring extraction against human-coded sets.
//!
//! The main types, and how they fit:
//! - [`DataSet`] names a coded set layout (ACLED CSV, ISAF press releases, Wikipedia incidents,
//!   re3d, SATP paragraphs); [`load`] turns a file of that layout into documents (with the ids and dates the
//!   shared scoring scripts give them) and its gold coding.
//! - [`evaluate`] runs the engine's extractor over the documents and scores each field the way
//!   the independent scorer in `../shared/eval/scoring/` does, so the two agree; it returns a
//!   [`Report`] of [`Metric`]s.
//!
//! ```
//! use tessera_eval::{DataSet, Report, Metric};
//! assert_eq!(DataSet::parse("acled"), Some(DataSet::Acled));
//! let r = Report { set: DataSet::Wiki, metrics: vec![Metric::rate("dead_exact", 3, 4)] };
//! assert_eq!(r.to_string().lines().next(), Some("dead_exact                   0.750  (n=4)"));
//! ```

mod fusion;
mod gold;
mod score;

pub use fusion::{FusionGold, FusionScore, Prf, evaluate_fusion, score_fusion};

pub use gold::{Gold, load};
pub use score::{Metric, Report, evaluate, norm};

/// The layouts of coded sets Tessera can be measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSet {
    /// ACLED CSV export (old upper-case or current lower-case columns); documents are the notes.
    Acled,
    /// ISAF press releases, JSON Lines with `text` and `gold`.
    Isaf,
    /// Wikipedia major incidents CSV (`Description`, `Perpetrator`, `Dead`, `Injured`).
    Wiki,
    /// re3d JSON Lines with entity spans.
    Re3d,
    /// South Asia Terrorism Portal paragraphs, JSON Lines with `text` and four 0/1 labels
    /// (`armed_assault`, `bombing_explosion`, `kidnapping`, `other`); scored as F1 of the
    /// matching kinds of event on the rows that carry a label.
    Satp,
}

impl DataSet {
    /// From its command-line name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "acled" => DataSet::Acled,
            "isaf" => DataSet::Isaf,
            "wiki" => DataSet::Wiki,
            "re3d" => DataSet::Re3d,
            "satp" => DataSet::Satp,
            _ => return None,
        })
    }

    /// Its command-line name.
    pub fn as_str(self) -> &'static str {
        match self {
            DataSet::Acled => "acled",
            DataSet::Isaf => "isaf",
            DataSet::Wiki => "wiki",
            DataSet::Re3d => "re3d",
            DataSet::Satp => "satp",
        }
    }
}

/// Why a coded set could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A CSV row did not parse.
    #[error("{path}: line {line}: {message}")]
    Csv {
        /// The file.
        path: String,
        /// Line number.
        line: u64,
        /// What went wrong.
        message: String,
    },
    /// The store used for a fusion run failed.
    #[error("{path}: {message}")]
    Run {
        /// The input being run.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A JSON line did not parse or lacks a field.
    #[error("{path}:{line}: {message}")]
    Json {
        /// The file.
        path: String,
        /// Line number (from 1).
        line: usize,
        /// What went wrong.
        message: String,
    },
}
