/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database file could not be opened.
    #[error("cannot open store {path}: {source}")]
    Open {
        /// The path given.
        path: String,
        /// The underlying error.
        #[source]
        source: rusqlite::Error,
    },
    /// A migration failed; the store is left at the previous schema version.
    #[error("migration to schema version {version} failed: {source}")]
    Migration {
        /// The version being applied.
        version: usize,
        /// The underlying error.
        #[source]
        source: rusqlite::Error,
    },
    /// The store was written by a newer Tessera.
    #[error("store schema version {found} is newer than this build supports ({supported})")]
    TooNew {
        /// Version found in the file.
        found: usize,
        /// Latest version this build knows.
        supported: usize,
    },
    /// A stored JSON payload did not decode.
    #[error("stored {what} {id} is corrupt: {message}")]
    Corrupt {
        /// What kind of row.
        what: &'static str,
        /// Its id.
        id: String,
        /// The decoder's message.
        message: String,
    },
}
