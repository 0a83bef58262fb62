//! Importing coded datasets and designation lists.
//!
//! The main types, and how they fit:
//! - [`acled::read`] turns an ACLED CSV (the current 31-column layout, or older upper-case
//!   layouts such as the 2015 export) into [`CodedRow`]s: the row's fields under the current
//!   column names, its note as a [`Document`](tessera_model::Document) to extract from like any
//!   report, and the coded [`Event`](tessera_model::Event) attributed to the dataset. Bad rows
//!   come back as [`ImportError`]s with their line and the rest go on.
//! - [`ucdp::read`] reads UCDP GED (HDX exports with their HXL row too) into coded rows without
//!   documents, deaths as best/low/high and UCDP's precisions mapped to ACLED's.
//! - [`gdelt::read`] reads GDELT 2.0 event records (61 tab-separated columns) for comparison
//!   with machine coding.
//! - [`ofac::read_csv`] and [`ofac::read_json`] read OFAC's SDN list (legacy CSV files, or a
//!   JSON extract) into designations.
//! - [`designations::read_un_xml`] reads the UN Security Council consolidated list and
//!   [`designations::read_csv`] a simple national list; both give [`Designation`]s (authority,
//!   regime, reference number, names, listed and delisted dates) that the engine matches to
//!   known actors by alias.
//!
//! ```
//! use tessera_import::acled;
//! let csv = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n\
//! PAK1,2025-05-14,2025,1,Political violence,Battles,Armed clash,Military Forces of Pakistan (2024-),,State forces,Tehrik-i-Taliban Pakistan,,Rebel group,State forces-Rebel group,,586,South Asia,Pakistan,Khyber Pakhtunkhwa,Bannu,,Bannu,32.9853,70.6040,1,Dawn,National,Two soldiers and three militants were killed in a clash near Bannu.,5,,1747267200\n";
//! let rows: Vec<_> = acled::read(csv.as_bytes(), "x.csv").collect();
//! let row = rows[0].as_ref().unwrap();
//! assert_eq!(row.event.fatalities, Some(5));
//! assert_eq!(row.document.as_ref().unwrap().id.as_str(), "acled:PAK1");
//! assert_eq!(row.fields["interaction"], "State forces-Rebel group");
//! ```

pub mod acled;
pub mod designations;
pub mod gdelt;
pub mod ofac;
pub mod ucdp;

pub use acled::CodedRow;
pub use designations::Designation;

/// Why an input row or file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{origin}: cannot read: {source}")]
    Io {
        /// The file.
        origin: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A CSV row is malformed or lacks a field the layout needs.
    #[error("{origin}:{line}: {message}")]
    Row {
        /// The file.
        origin: String,
        /// Line number (from 1).
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The XML is malformed.
    #[error("{origin}: byte {offset}: {message}")]
    Xml {
        /// The file.
        origin: String,
        /// Byte offset of the problem.
        offset: u64,
        /// What is wrong.
        message: String,
    },
}
