/// Why gazetteer or actor data could not be read. Each variant names the input and line.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// A row has the wrong number of columns.
    #[error("{origin}:{line}: expected {expected} tab-separated columns, found {found}")]
    Columns {
        /// File name.
        origin: String,
        /// Line number (from 1).
        line: usize,
        /// Columns expected.
        expected: usize,
        /// Columns found.
        found: usize,
    },
    /// A field holds a value that does not parse.
    #[error("{origin}:{line}: field `{field}`: {message}")]
    Field {
        /// File name.
        origin: String,
        /// Line number (from 1).
        line: usize,
        /// The field.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The header line is not the expected one.
    #[error("{origin}:1: unexpected header, expected `{expected}`")]
    Header {
        /// File name.
        origin: String,
        /// The header expected.
        expected: String,
    },
    /// A JSON actor file did not parse.
    #[error("{origin}: invalid JSON: {message}")]
    Json {
        /// File name.
        origin: String,
        /// The parser's message.
        message: String,
    },
    /// The file could not be read.
    #[error("{origin}: cannot read: {source}")]
    Io {
        /// File name.
        origin: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
