/// Why an input could not be read. Every variant names the input (path and line or offset).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("{origin}: cannot read: {source}")]
    Io {
        /// Path of the input.
        origin: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A text file is not valid UTF-8.
    #[error("{origin}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Path (and line) of the input.
        origin: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input looks binary (it holds NUL bytes).
    #[error("{origin}: binary file (NUL byte at offset {offset}), skipped")]
    Binary {
        /// Path of the input.
        origin: String,
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input is larger than `--max-bytes`.
    #[error("{origin}: {size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// Path (and line) of the input.
        origin: String,
        /// Its size in bytes.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The document has no text.
    #[error("{origin}: empty document")]
    Empty {
        /// Path (and line) of the input.
        origin: String,
    },
    /// A JSON line could not be parsed.
    #[error("{origin}: invalid JSON: {message}")]
    Json {
        /// Path and line of the input.
        origin: String,
        /// The parser's message (with column).
        message: String,
    },
    /// A required field is missing or has the wrong type.
    #[error("{origin}: field `{field}`: {message}")]
    Field {
        /// Path and line of the input.
        origin: String,
        /// The field.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// An HTML page holds no readable text or could not be parsed.
    #[error("{origin}: malformed HTML: {message}")]
    Html {
        /// Path of the input.
        origin: String,
        /// What went wrong.
        message: String,
    },
    /// An RSS/Atom feed could not be parsed.
    #[error("{origin}: malformed feed: {message}")]
    Feed {
        /// Path of the input.
        origin: String,
        /// The parser's message.
        message: String,
    },
    /// The file type is not one Tessera reads.
    #[error(
        "{origin}: unsupported file type (expected .txt, .md, .html, .htm, .xml, .rss, .atom, .jsonl)"
    )]
    Unsupported {
        /// Path of the input.
        origin: String,
    },
}

impl IngestError {
    /// The input the error is about.
    pub fn origin(&self) -> &str {
        match self {
            IngestError::Io { origin, .. }
            | IngestError::InvalidUtf8 { origin, .. }
            | IngestError::Binary { origin, .. }
            | IngestError::TooLarge { origin, .. }
            | IngestError::Empty { origin }
            | IngestError::Json { origin, .. }
            | IngestError::Field { origin, .. }
            | IngestError::Html { origin, .. }
            | IngestError::Feed { origin, .. }
            | IngestError::Unsupported { origin } => origin,
        }
    }
}
