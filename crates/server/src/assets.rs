//! The web app's files, embedded at build time: our own pages and scripts from `web/app`,
//! and the front-end libraries npm installed from the committed lockfile (see `build.rs`).
//! Nothing is fetched at run time.

use crate::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;

mod vendor {
    include!(concat!(env!("OUT_DIR"), "/vendor.rs"));
}

const INDEX: &str = include_str!("../web/app/index.html");

/// Our own files: (name, content type, text).
const APP: &[(&str, &str, &str)] = &[
    (
        "app.js",
        "text/javascript",
        include_str!("../web/app/app.js"),
    ),
    (
        "pages.js",
        "text/javascript",
        include_str!("../web/app/pages.js"),
    ),
    (
        "charts.js",
        "text/javascript",
        include_str!("../web/app/charts.js"),
    ),
    ("app.css", "text/css", include_str!("../web/app/app.css")),
];

/// Which front-end libraries this build lacks (empty when npm installed them).
pub fn missing_vendor() -> Vec<&'static str> {
    vendor::VENDOR
        .iter()
        .filter(|v| v.2.is_none())
        .map(|v| v.0)
        .collect()
}

async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX,
    )
        .into_response()
}

async fn app_file(Path(name): Path<String>) -> Response {
    match APP.iter().find(|f| f.0 == name) {
        Some((_, mime, body)) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn vendor_file(Path(name): Path<String>) -> Response {
    match vendor::VENDOR.iter().find(|f| f.0 == name) {
        Some((_, mime, Some(body))) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "max-age=86400"),
            ],
            *body,
        )
            .into_response(),
        // A build without npm: the app notices and says which library is missing.
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The pages (each one URL, its filters in the query string) and their files.
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(index))
        .route("/events", get(index))
        .route("/network", get(index))
        .route("/claims", get(index))
        .route("/paste", get(index))
        .route("/search", get(index))
        .route("/entity/{*id}", get(index))
        .route("/document/{*id}", get(index))
        .route("/app/{name}", get(app_file))
        .route("/vendor/{name}", get(vendor_file))
}
