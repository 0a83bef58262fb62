//! `tessera`: the command-line front of the Tessera engine. Thin by design: argument parsing,
//! messages and exit codes live here; everything else is in the library crates.

mod commands;
mod messages;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

// Extraction allocates many small, short-lived strings and vectors; mimalloc serves them with
// about a third of the instructions glibc's malloc takes (measured with callgrind, bench/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Evidence-tracked conflict reporting: ingest reports, see who did what to whom, on whose word.
#[derive(Parser, Debug)]
#[command(name = "tessera", version, about)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: Global,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every subcommand takes.
#[derive(Args, Debug, Clone)]
pub(crate) struct Global {
    /// The store (SQLite file).
    #[arg(long, global = true, env = "TESSERA_DB", default_value = "tessera.db")]
    pub(crate) db: PathBuf,
    /// Print machine-readable JSON.
    #[arg(long, global = true)]
    pub(crate) json: bool,
    /// Print nothing but errors.
    #[arg(long, short, global = true)]
    pub(crate) quiet: bool,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Read reports (files, directories, `-` for JSONL on stdin) into the store.
    Ingest {
        /// Files or directories; `-` reads JSON Lines from stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Largest document accepted, in bytes.
        #[arg(long, default_value_t = 20 * 1024 * 1024)]
        max_bytes: u64,
        /// Documents per transaction.
        #[arg(long, default_value_t = tessera_engine::DEFAULT_BATCH)]
        batch_size: usize,
    },
    /// Drop derived data and rebuild it from the stored documents.
    Reextract,
    /// List documents.
    Docs {
        /// Only this source.
        #[arg(long)]
        source: Option<String>,
        /// Published on or after (ISO date).
        #[arg(long)]
        since: Option<String>,
        /// Published on or before (ISO date).
        #[arg(long)]
        until: Option<String>,
        /// Text or title contains.
        #[arg(long)]
        contains: Option<String>,
        /// At most this many.
        #[arg(long, default_value_t = 50)]
        limit: u64,
    },
    /// Show a document with its mentions marked.
    Show {
        /// Document id.
        id: String,
        /// A stored version (default: current).
        #[arg(long)]
        version: Option<u32>,
    },
    /// Counts over the store.
    Stats,
    /// Integrity and referential checks; exits 0 only when the store is sound.
    Check,
    /// Look up or extend the gazetteer and actor lists.
    Gazetteer {
        #[command(subcommand)]
        action: GazetteerAction,
    },
    /// Run the extractor over a human-coded set and print per-field accuracy.
    Eval {
        /// The set's layout: acled, isaf, wiki, re3d, satp, or fusion (a gold.json beside
        /// reports.jsonl).
        set: String,
        /// The coded file (ACLED CSV, ISAF JSONL, Wikipedia CSV, re3d JSONL, SATP JSONL).
        file: PathBuf,
        /// For `fusion`: the pair score at or above which events may merge.
        #[arg(long)]
        threshold: Option<f64>,
    },
    /// Serve the web app and the JSON API over the store (offline; loopback by default).
    Serve {
        /// Address to listen on. Anything but loopback requires an access token: set
        /// TESSERA_TOKEN, or the first start prints an analyst and a read-only token once.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// An analyst token to accept (instead of generated ones).
        #[arg(long, env = "TESSERA_TOKEN", hide_env_values = true)]
        token: Option<String>,
    },
    /// Measure extraction and ingest throughput on a JSONL corpus (words per second per core).
    Bench {
        /// A JSON Lines corpus (see bench/make_corpus.py).
        corpus: PathBuf,
        /// Use only the first N megabytes of the corpus.
        #[arg(long)]
        limit_mb: Option<u64>,
    },
    /// Export what was extracted.
    Export {
        /// What to export.
        #[arg(value_enum)]
        what: ExportWhat,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExportFormat,
        /// Write to this file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Events and contradictions as known at this moment (RFC 3339 or a date): documents,
        /// versions and analyst decisions ingested or made after it are left out.
        #[arg(long)]
        as_of: Option<String>,
        /// Events one line per report, before fusion.
        #[arg(long)]
        unfused: bool,
        /// Export an imported dataset's own coded events (e.g. `acled`) instead of Tessera's.
        #[arg(long)]
        dataset: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// A dated chronology for a place, actor or period: casualty figures, sources, allegations
    /// marked, disputed figures side by side.
    Brief {
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: BriefFormat,
        /// The brief's title.
        #[arg(long, default_value = "Brief")]
        title: String,
        /// Write to this file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// As known at this moment.
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Re-run fusion over the whole store, or record an analyst's merge or split.
    Fuse {
        #[command(subcommand)]
        action: Option<FuseAction>,
        /// Pair score at or above which two reports' events may be one incident (default 0.7
        /// or the last value given); stored with the fusion result.
        #[arg(long)]
        threshold: Option<f64>,
    },
    /// List sources with their kind and reliability, or grade one.
    Sources {
        #[command(subcommand)]
        action: Option<SourcesAction>,
    },
    /// Import a coded dataset or a designation list.
    Import {
        /// What the files hold.
        #[arg(value_enum)]
        kind: DatasetKind,
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List designations with the actors they were matched to.
    Designations {
        /// Only this actor's (entity id, e.g. actor:ttp).
        #[arg(long)]
        entity: Option<String>,
        /// Only those matched to no actor (or to several), for review.
        #[arg(long)]
        unmatched: bool,
    },
    /// Review and merge actor and person names that may be one entity.
    Entities {
        #[command(subcommand)]
        action: EntitiesAction,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum FuseAction {
    /// Two report-level events are one incident.
    Merge {
        /// An event id (as in `export events --unfused`, or a fused event's `fusion.members`).
        a: String,
        /// The other.
        b: String,
        /// Why.
        #[arg(long)]
        note: Option<String>,
    },
    /// Two report-level events are different incidents and must never merge.
    Separate {
        /// An event id.
        a: String,
        /// The other.
        b: String,
        /// Why.
        #[arg(long)]
        note: Option<String>,
    },
    /// Take a report-level event out of its incident.
    Split {
        /// The event id.
        event: String,
        /// Why.
        #[arg(long)]
        note: Option<String>,
    },
    /// Take back an analyst decision by its number (it stays on record as revoked).
    Undo {
        /// The decision's number (see `fuse decisions`).
        id: i64,
    },
    /// List the analyst's decisions, revoked ones included.
    Decisions,
    /// Why two report-level events are or are not one incident: their score and reasons.
    Explain {
        /// An event id.
        a: String,
        /// The other.
        b: String,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum SourcesAction {
    /// Set a source's Admiralty reliability grade (A completely reliable … E unreliable, F
    /// cannot be judged).
    Grade {
        /// The source name, as documents give it.
        source: String,
        /// A–F.
        grade: String,
        /// Why.
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum EntitiesAction {
    /// Names that may denote one actor or person, scored, with the documents that introduced them.
    Candidates {
        /// Lowest score listed.
        #[arg(long, default_value_t = 0.85)]
        min_score: f64,
    },
    /// Two names (or entity ids) are one entity; fusion compares actors through this.
    Merge {
        /// A name or entity id.
        a: String,
        /// The other.
        b: String,
        /// Why.
        #[arg(long)]
        note: Option<String>,
    },
    /// Take a merge back by its number.
    Unmerge {
        /// The merge's number (see `entities merges`).
        id: i64,
    },
    /// List merges, revoked ones included.
    Merges,
}

#[derive(Subcommand, Debug)]
pub(crate) enum GazetteerAction {
    /// Find places and actors by name or alias.
    Lookup {
        /// The name.
        name: String,
    },
    /// Import places (a GeoNames dump) or actors (TSV or JSON) into the store.
    Import {
        /// What the file holds.
        #[arg(value_enum)]
        kind: ImportKind,
        /// The file.
        file: PathBuf,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub(crate) enum ImportKind {
    /// A GeoNames dump (allCountries.txt, XX.txt, cities500.txt).
    Geonames,
    /// An actor list: TSV (`id name kind acled_type country parent aliases`) or JSON.
    Actors,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExportWhat {
    /// Entity mentions.
    Mentions,
    /// Events.
    Events,
    /// Claims.
    Claims,
    /// Contradictions between reports of one incident (after fusion).
    Contradictions,
    /// The actor network: actors as nodes, one edge per dyad (GraphML or GEXF).
    Network,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExportFormat {
    /// One JSON object a line.
    Jsonl,
    /// ACLED's current 31-column CSV (events).
    AcledCsv,
    /// An RFC 7946 GeoJSON FeatureCollection (events).
    Geojson,
    /// A STIX 2.1 bundle (events with their actors, places, reports and claims).
    Stix,
    /// GraphML (network).
    Graphml,
    /// GEXF 1.3 (network).
    Gexf,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DatasetKind {
    /// An ACLED CSV export (current or older layout): coded events, notes as documents.
    Acled,
    /// UCDP GED CSV (HDX exports with the HXL row too): coded events, no documents.
    Ucdp,
    /// GDELT 2.0 event records (61 tab-separated columns): machine-coded events to compare.
    Gdelt,
    /// OFAC's SDN list: sdn.csv with alt.csv for aliases, or a JSON extract.
    Ofac,
    /// The UN Security Council consolidated sanctions list (XML).
    UnSanctions,
    /// A national list as CSV: authority,regime,reference,name,aliases,listed_on,delisted_on.
    DesignationsCsv,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BriefFormat {
    /// Markdown.
    Md,
    /// HTML.
    Html,
}

/// The filters exports and briefs share (as the API's).
#[derive(Args, Debug, Clone, Default)]
pub(crate) struct FilterArgs {
    /// Events on or after this date.
    #[arg(long)]
    pub(crate) since: Option<String>,
    /// Events on or before this date.
    #[arg(long)]
    pub(crate) until: Option<String>,
    /// An ACLED event type or sub-event type ("Battles", "Suicide bomb").
    #[arg(long = "type")]
    pub(crate) event_type: Option<String>,
    /// A province.
    #[arg(long)]
    pub(crate) admin1: Option<String>,
    /// An actor whose name contains this.
    #[arg(long)]
    pub(crate) actor: Option<String>,
    /// Only this certainty (certain, probable, possible, alleged, denied, unknown).
    #[arg(long)]
    pub(crate) certainty: Option<String>,
    /// Only events reported by this source.
    #[arg(long)]
    pub(crate) source: Option<String>,
    /// A place, district or province name.
    #[arg(long)]
    pub(crate) place: Option<String>,
    /// A bounding box: west,south,east,north in degrees.
    #[arg(long)]
    pub(crate) bbox: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("tessera: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
