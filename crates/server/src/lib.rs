//! Tessera's HTTP API and web app: `tessera serve`.
//!
//! The main types, and how they fit:
//! - [`AppState`] owns the store path, a writer connection, a small pool of reader
//!   connections and the current [`Snapshot`]: an in-memory, read-only view of the fused
//!   events, claims and entities that the read endpoints query without touching SQLite.
//!   Writes (ingest, corrections, reviews) go through the writer and then rebuild the
//!   snapshot; a watcher rebuilds it when another process (the CLI) writes the file.
//! - [`router`] maps the endpoints (see `/api/openapi.json`) and the web app's pages; every
//!   error is an [`ApiError`] rendered as `{message, code, type}` with the status from one
//!   table ([`error::ERROR_TABLE`]).
//! - Access: on a loopback address nobody needs a token; bound elsewhere, every `/api`
//!   request needs `Authorization: Bearer <token>`, and only analyst tokens may write
//!   ([`Role`]).
//!
//! The engine crates stay free of HTTP: this crate only calls them.
//!
//! ```
//! use tessera_server::{AppState, ServeOptions};
//! let dir = tempfile::tempdir().unwrap();
//! let opts = ServeOptions::new(dir.path().join("t.db"), "127.0.0.1:0".parse().unwrap());
//! let (state, tokens) = AppState::open(&opts).unwrap();
//! assert!(tokens.is_empty(), "loopback needs no token");
//! assert_eq!(state.snapshot().event_count(), 0);
//! ```

mod assets;
pub mod error;
mod openapi;
mod params;
mod routes;
pub mod snapshot;

pub use assets::missing_vendor;
pub use error::ApiError;
pub use snapshot::Snapshot;

use axum::Router;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use tessera_engine::Engine;
use tessera_store::{SqliteStore, Store};

/// Where the build installed the front-end packages (the browser tests' driver lives there).
pub const WEB_NODE_MODULES: &str = env!("TESSERA_WEB_NODE_MODULES");

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Read endpoints only.
    Read,
    /// Read and write (ingest, corrections, reviews).
    Analyst,
}

impl Role {
    fn as_str(self) -> &'static str {
        match self {
            Role::Read => "read",
            Role::Analyst => "analyst",
        }
    }
}

/// A token created at first start, to print once (the store keeps only its hash).
#[derive(Debug, Clone)]
pub struct NewToken {
    /// `analyst` or `read`.
    pub role: &'static str,
    /// The token.
    pub token: String,
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store.
    pub db: PathBuf,
    /// Address to listen on.
    pub bind: SocketAddr,
    /// An analyst token from the environment (`TESSERA_TOKEN`).
    pub token: Option<String>,
    /// Rebuild the view when another process writes the store (poll interval).
    pub watch: Option<std::time::Duration>,
}

impl ServeOptions {
    /// Defaults: no token from the environment, watching every two seconds.
    pub fn new(db: PathBuf, bind: SocketAddr) -> Self {
        ServeOptions {
            db,
            bind,
            token: None,
            watch: Some(std::time::Duration::from_secs(2)),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store could not be opened or read.
    #[error(transparent)]
    Store(#[from] tessera_store::StoreError),
    /// The engine (gazetteer, fusion) failed.
    #[error(transparent)]
    Engine(#[from] tessera_engine::EngineError),
    /// Building the first view failed.
    #[error("cannot build the view of the store: {0}")]
    View(ApiError),
}

/// Everything the handlers share.
pub struct AppState {
    db: PathBuf,
    engine: Engine,
    writer: Mutex<SqliteStore>,
    readers: Mutex<Vec<SqliteStore>>,
    watcher: Mutex<SqliteStore>,
    snapshot: RwLock<Arc<Snapshot>>,
    generation: AtomicU64,
    seen_version: AtomicU64,
    /// Token hashes → roles; `None` when no token is needed (loopback).
    tokens: Option<FxHashMap<String, Role>>,
}

fn token_hash(token: &str) -> String {
    let d = Sha256::digest(token.trim().as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

impl AppState {
    /// Open the store, set up access and build the first view. Returns the tokens created
    /// now (to print once: only their hashes are kept), as (role, token).
    pub fn open(opts: &ServeOptions) -> Result<(Arc<Self>, Vec<NewToken>), ServeError> {
        let mut writer = SqliteStore::open(&opts.db)?;
        let engine = Engine::for_store(&writer)?;
        let mut created = Vec::new();
        let tokens = if opts.bind.ip().is_loopback() {
            None
        } else {
            let mut map: FxHashMap<String, Role> = writer
                .api_tokens()?
                .into_iter()
                .map(|(h, r)| {
                    (
                        h,
                        if r == "analyst" {
                            Role::Analyst
                        } else {
                            Role::Read
                        },
                    )
                })
                .collect();
            if let Some(t) = &opts.token {
                map.insert(token_hash(t), Role::Analyst);
            } else if map.is_empty() {
                for role in [Role::Analyst, Role::Read] {
                    let token = format!("tsr_{}", uuid::Uuid::new_v4().simple());
                    writer.put_api_token(&token_hash(&token), role.as_str(), "first start")?;
                    map.insert(token_hash(&token), role);
                    created.push(NewToken {
                        role: role.as_str(),
                        token,
                    });
                }
            }
            Some(map)
        };
        let state = Arc::new(AppState {
            db: opts.db.clone(),
            watcher: Mutex::new(SqliteStore::open(&opts.db)?),
            readers: Mutex::new(Vec::new()),
            writer: Mutex::new(writer),
            engine,
            snapshot: RwLock::new(Arc::new(Snapshot::default())),
            generation: AtomicU64::new(0),
            seen_version: AtomicU64::new(0),
            tokens,
        });
        state.refresh().map_err(ServeError::View)?;
        Ok((state, created))
    }

    /// The current view.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Rebuild the view from the store (fusing first when the stored fusion is stale).
    pub fn refresh(&self) -> Result<(), ApiError> {
        let mut store = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let data = self.engine.dataset(&mut *store, None, true)?;
        let analyst = store.analyst_claims(None, false)?;
        let gazetteer = self.engine.gazetteer().clone();
        let resolve = move |name: &str| resolve_place(&gazetteer, name);
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let snap = Snapshot::build(data, &analyst, &resolve, generation);
        if let Ok(v) = self
            .watcher
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .data_version()
        {
            self.seen_version.store(v as u64, Ordering::SeqCst);
        }
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snap);
        Ok(())
    }

    /// Rebuild when another connection has written since the last build.
    pub fn refresh_if_changed(&self) -> Result<bool, ApiError> {
        let v = self
            .watcher
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .data_version()?;
        if v as u64 == self.seen_version.load(Ordering::SeqCst) {
            return Ok(false);
        }
        self.refresh()?;
        Ok(true)
    }

    /// Run `f` with a reader connection from the pool.
    fn read<T>(&self, f: impl FnOnce(&SqliteStore) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let pooled = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let store = match pooled {
            Some(s) => s,
            None => SqliteStore::open(&self.db)?,
        };
        let out = f(&store);
        let mut pool = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < 8 {
            pool.push(store);
        }
        out
    }

    /// Run `f` with the writer connection.
    fn write<T>(
        &self,
        f: impl FnOnce(&mut SqliteStore, &Engine) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut store = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut store, &self.engine)
    }

    /// The role a request's `Authorization` header grants, or why it grants none.
    fn role(&self, authorization: Option<&str>) -> Result<Role, ApiError> {
        let Some(tokens) = &self.tokens else {
            return Ok(Role::Analyst);
        };
        let token = authorization
            .and_then(|h| h.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthorized)?;
        tokens
            .get(&token_hash(token))
            .copied()
            .ok_or(ApiError::Unauthorized)
    }
}

/// The gazetteer's best place for a name, as an event location (for location corrections).
fn resolve_place(
    gazetteer: &tessera_resolve::Gazetteer,
    name: &str,
) -> Option<tessera_model::EventLocation> {
    let places = gazetteer.places();
    let best = gazetteer
        .lookup(name)
        .into_iter()
        .filter_map(|r| match r {
            tessera_resolve::EntryRef::Place(i) => places.get(i),
            _ => None,
        })
        .max_by_key(|p| p.population.unwrap_or(0))?;
    Some(tessera_model::EventLocation {
        name: Some(best.name.clone()),
        admin1: best.admin1.clone(),
        admin2: best.admin2.clone(),
        country: Some(best.country.clone()),
        latitude: Some(best.lat),
        longitude: Some(best.lon),
        geo_precision: Some(match best.level {
            tessera_model::PlaceLevel::Populated => 1,
            tessera_model::PlaceLevel::Admin2 => 2,
            _ => 3,
        }),
    })
}

/// The API and the web app.
pub fn router(state: Arc<AppState>) -> Router {
    routes::router(state)
}

/// Serve until Ctrl-C, watching the store for other writers.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    watch: Option<std::time::Duration>,
) -> std::io::Result<()> {
    if let Some(every) = watch {
        let s = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                let s = s.clone();
                let _ = tokio::task::spawn_blocking(move || s.refresh_if_changed()).await;
            }
        });
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
