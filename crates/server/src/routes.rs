//! Endpoints. Reads go to the in-memory [`Snapshot`] (and to a pooled reader connection for
//! document texts and full-text search); writes go through the writer connection and then
//! rebuild the snapshot.

use crate::error::ApiError;
use crate::params::{FILTERS, Params};
use crate::snapshot::{Snapshot, actor_key, period_start, predicates};
use crate::{AppState, Role, assets, openapi};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Value, json};
use std::sync::Arc;
use tessera_model::{Certainty, DocId};
use tessera_store::{DocFilter, Store};

type S = State<Arc<AppState>>;
type ApiResult = Result<Response, ApiError>;

/// Largest JSONL batch or pasted report.
pub const INGEST_LIMIT: usize = 16 * 1024 * 1024;
/// Largest correction or review body.
pub const SMALL_LIMIT: usize = 64 * 1024;

pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/events", get(events))
        .route("/events/{id}", get(event))
        .route(
            "/events/{id}/corrections",
            post(correct_event).layer(DefaultBodyLimit::max(SMALL_LIMIT)),
        )
        .route("/map", get(map))
        .route("/aggregates", get(aggregates))
        .route("/dyads", get(dyads))
        .route("/facets", get(facets))
        .route("/overview", get(overview))
        .route("/documents", get(documents))
        .route("/documents/{id}", get(document))
        .route("/documents/{id}/mentions", get(mentions))
        .route("/search", get(search))
        .route("/entities", get(entities))
        .route("/entities/{id}", get(entity))
        .route("/claims", get(claims))
        .route(
            "/claims/{id}/review",
            post(review_claim).layer(DefaultBodyLimit::max(SMALL_LIMIT)),
        )
        .route("/contradictions", get(contradictions))
        .route("/corrections", get(corrections))
        .route("/corrections/{id}", delete(revoke_correction))
        .route(
            "/ingest",
            post(ingest).layer(DefaultBodyLimit::max(INGEST_LIMIT)),
        )
        .layer(middleware::from_fn_with_state(state.clone(), authorize));
    let public = Router::new()
        .route("/openapi.json", get(|| async { Json(openapi::document()) }))
        .route("/health", get(health));
    Router::new()
        .nest("/api", api.merge(public))
        .merge(assets::router())
        .fallback(|m: Method, uri: axum::http::Uri| async move {
            ApiError::NoRoute(format!("{m} {}", uri.path()))
        })
        .layer(middleware::map_response(security_headers))
        .with_state(state)
}

async fn authorize(State(s): S, req: Request, next: Next) -> Response {
    let auth = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    match s.role(auth) {
        Err(e) => e.into_response(),
        Ok(Role::Read) if !matches!(*req.method(), Method::GET | Method::HEAD) => {
            ApiError::Forbidden.into_response()
        }
        Ok(_) => next.run(req).await,
    }
}

/// Report text is untrusted: the app never executes or embeds anything but its own files.
async fn security_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; \
             base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// Query parameters, with malformed query strings as our own 400.
pub struct Q(Vec<(String, String)>);

impl<St: Send + Sync> FromRequestParts<St> for Q {
    type Rejection = ApiError;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &St,
    ) -> Result<Self, ApiError> {
        Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map(|Query(v)| Q(v))
            .map_err(|e| ApiError::param("query", e.body_text()))
    }
}

impl Q {
    fn check(self, allowed: &[&[&str]]) -> Result<Params, ApiError> {
        Params::new(self.0, allowed)
    }
}

fn raw_json(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
}

fn body_bytes(body: Result<Bytes, BytesRejection>, limit: usize) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge(limit)
        } else {
            ApiError::BadBody(e.body_text())
        }
    })
}

fn json_body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes).map_err(|e| ApiError::BadBody(e.to_string()))
}

async fn health(State(s): S) -> Json<Value> {
    let snap = s.snapshot();
    Json(json!({
        "status": "ok",
        "generation": snap.generation,
        "events": snap.event_count(),
        "documents": snap.data.documents.len(),
        "claims": snap.claims.len(),
        "missing_front_end_libraries": assets::missing_vendor(),
    }))
}

// ---------------------------------------------------------------- events

async fn events(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[FILTERS, &["limit", "cursor", "sort"]])?;
    let filter = p.event_filter()?;
    let limit = p.int("limit", 50, 1, 500)? as usize;
    let oldest_first = p.choice("sort", &["-date", "date"], "-date")? == "date";
    let snap = s.snapshot();
    let compiled = snap.compile(&filter);
    let page = snap.page(compiled.as_ref(), oldest_first, p.str("cursor"), limit)?;
    let mut body =
        String::with_capacity(page.items.iter().map(|i| i.len() + 1).sum::<usize>() + 96);
    body.push_str(&format!(
        "{{\"total\":{},\"next_cursor\":{},\"items\":[",
        page.total,
        serde_json::to_string(&page.next).unwrap_or_else(|_| "null".into())
    ));
    for (i, item) in page.items.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(item);
    }
    body.push_str("]}");
    Ok(raw_json(body))
}

async fn event(State(s): S, Path(id): Path<String>, q: Q) -> ApiResult {
    q.check(&[])?;
    let snap = s.snapshot();
    let not_found = || ApiError::NotFound {
        what: "event",
        id: id.clone(),
    };
    let raw = snap.event_json(&id).ok_or_else(not_found)?;
    let mut v: Value = serde_json::from_str(raw).map_err(|e| ApiError::Internal(e.to_string()))?;
    let f = snap.event(&id).ok_or_else(not_found)?;
    let contradictions: Vec<&tessera_fuse::Contradiction> = snap
        .data
        .contradictions
        .iter()
        .filter(|c| c.event_id == f.event.id)
        .collect();
    let reports: Vec<Value> = f
        .event
        .document_ids
        .iter()
        .map(|d| {
            let info = snap.data.documents.get(d);
            json!({
                "document_id": d,
                "title": info.and_then(|i| i.title.clone()),
                "source": info.and_then(|i| i.source.clone()),
                "published": info.and_then(|i| i.published.clone()),
            })
        })
        .collect();
    // Quotes of every evidence span, read from the store.
    let spans = f.event.evidence.clone();
    let st = s.clone();
    let quotes = blocking(move || {
        st.read(|store| {
            let mut texts: FxHashMap<DocId, String> = FxHashMap::default();
            let mut out = Vec::new();
            for e in &spans {
                if !texts.contains_key(&e.document_id)
                    && let Some(d) = store.document(&e.document_id, None)?
                {
                    texts.insert(e.document_id.clone(), d.text);
                }
                let text = texts.get(&e.document_id).map(String::as_str).unwrap_or("");
                let quote: String = text.chars().skip(e.begin).take(e.end - e.begin).collect();
                out.push(json!({"document_id": e.document_id, "begin": e.begin, "end": e.end, "quote": quote}));
            }
            Ok(out)
        })
    })
    .await?;
    if let Value::Object(m) = &mut v {
        m.insert("reports".into(), json!(reports));
        m.insert("evidence_quotes".into(), json!(quotes));
        m.insert("contradiction_details".into(), json!(contradictions));
    }
    Ok(Json(v).into_response())
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrectionBody {
    field: String,
    value: String,
    note: Option<String>,
    analyst: Option<String>,
}

async fn correct_event(
    State(s): S,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let b: CorrectionBody = json_body(&body_bytes(body, SMALL_LIMIT)?)?;
    if !predicates::FIELDS.contains(&b.field.as_str()) {
        return Err(ApiError::BadBody(format!(
            "field {:?} is not one of {}",
            b.field,
            predicates::FIELDS.join(", ")
        )));
    }
    let value = b.value.trim().to_owned();
    if value.is_empty() || value.chars().count() > 200 {
        return Err(ApiError::BadBody(
            "value must be 1 to 200 characters".into(),
        ));
    }
    let fused = s
        .snapshot()
        .fused_id_of(&id)
        .map(str::to_owned)
        .ok_or_else(|| ApiError::NotFound {
            what: "event",
            id: id.clone(),
        })?;
    let st = s.clone();
    let claim_id = blocking(move || {
        let cid = st.write(|store, _| {
            Ok(store.add_analyst_claim(
                &fused,
                &format!("{}{}", predicates::CORRECT_PREFIX, b.field),
                &value,
                b.analyst.as_deref(),
                b.note.as_deref(),
            )?)
        })?;
        st.refresh()?;
        Ok(cid)
    })
    .await?;
    let snap = s.snapshot();
    let event: Value = snap
        .event_json(&id)
        .and_then(|r| serde_json::from_str(r).ok())
        .unwrap_or(Value::Null);
    Ok((
        axum::http::StatusCode::CREATED,
        Json(json!({"correction_id": claim_id, "event": event})),
    )
        .into_response())
}

async fn corrections(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[&["include_revoked"]])?;
    let all = p.flag("include_revoked")?;
    let list = blocking(move || s.read(|st| Ok(st.analyst_claims(None, all)?))).await?;
    Ok(Json(json!({ "items": list })).into_response())
}

async fn revoke_correction(State(s): S, Path(id): Path<String>) -> ApiResult {
    let n: i64 = id
        .parse()
        .map_err(|_| ApiError::param("id", format!("{id:?} is not a correction id")))?;
    let st = s.clone();
    let found = blocking(move || {
        let found = st.write(|store, _| Ok(store.revoke_analyst_claim(n)?))?;
        if found {
            st.refresh()?;
        }
        Ok(found)
    })
    .await?;
    if !found {
        return Err(ApiError::NotFound {
            what: "correction",
            id,
        });
    }
    Ok(Json(json!({"revoked": n})).into_response())
}

// ---------------------------------------------------------------- views over events

fn compiled_indices(snap: &Snapshot, p: &Params) -> Result<Vec<u32>, ApiError> {
    let filter = p.event_filter()?;
    Ok(match snap.compile(&filter) {
        Some(c) => snap.matching(&c, false).collect(),
        None => vec![],
    })
}

/// Events clustered on a grid fitted to the zoom level, so the map draws a few thousand
/// marks whatever the store holds.
async fn map(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[FILTERS, &["zoom"]])?;
    let zoom = p.int("zoom", 5, 0, 18)?;
    let snap = s.snapshot();
    let ix = compiled_indices(&snap, &p)?;
    // About 40 screen pixels per cell at this zoom (256-pixel tiles).
    let cell = 360.0 * 40.0 / (256.0 * f64::powi(2.0, zoom as i32));
    struct Cell {
        n: usize,
        lat: f64,
        lon: f64,
        types: FxHashMap<String, usize>,
        precision: u8,
        first: u32,
    }
    let mut cells: FxHashMap<(i64, i64), Cell> = FxHashMap::default();
    let mut unlocated = 0usize;
    for &i in &ix {
        let Some((lat, lon)) = snap.coords(i) else {
            unlocated += 1;
            continue;
        };
        let (lat, lon) = (lat as f64, lon as f64);
        let key = ((lon / cell).floor() as i64, (lat / cell).floor() as i64);
        let e = &snap.at(i).event;
        let c = cells.entry(key).or_insert(Cell {
            n: 0,
            lat: 0.0,
            lon: 0.0,
            types: FxHashMap::default(),
            precision: 0,
            first: i,
        });
        c.n += 1;
        c.lat += lat;
        c.lon += lon;
        *c.types.entry(e.event_type.clone()).or_default() += 1;
        c.precision = c.precision.max(e.location.geo_precision.unwrap_or(3));
    }
    let mut out: Vec<Value> = cells
        .into_values()
        .map(|c| {
            let mut types: Vec<(String, usize)> = c.types.into_iter().collect();
            types.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let e = &snap.at(c.first).event;
            json!({
                "lat": c.lat / c.n as f64,
                "lon": c.lon / c.n as f64,
                "count": c.n,
                "event_type": types[0].0,
                "types": types.iter().map(|t| json!([t.0, t.1])).collect::<Vec<_>>(),
                "geo_precision": c.precision,
                "event_id": (c.n == 1).then(|| e.id.clone()),
                "label": (c.n == 1).then(|| format!("{} — {}", e.sub_event_type, e.location.name.as_deref().unwrap_or("?"))),
            })
        })
        .collect();
    out.sort_by(|a, b| b["count"].as_u64().cmp(&a["count"].as_u64()));
    Ok(Json(json!({
        "cell_degrees": cell,
        "total": ix.len(),
        "unlocated": unlocated,
        "cells": out,
    }))
    .into_response())
}

/// Event counts per period, by type, sub-type, province, actor or certainty.
async fn aggregates(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[FILTERS, &["interval", "by"]])?;
    let interval = p.choice("interval", &["day", "week", "month"], "month")?;
    let by = p.choice(
        "by",
        &["type", "sub_type", "admin1", "actor", "certainty"],
        "type",
    )?;
    let snap = s.snapshot();
    let ix = compiled_indices(&snap, &p)?;
    let mut counts: FxHashMap<(String, String), u64> = FxHashMap::default();
    let mut periods: FxHashSet<String> = FxHashSet::default();
    let mut undated = 0u64;
    for &i in &ix {
        let Some(d) = snap.date_of(i) else {
            undated += 1;
            continue;
        };
        let period = period_start(d, interval).format("%Y-%m-%d").to_string();
        let e = &snap.at(i).event;
        let keys: Vec<String> = match by {
            "type" => vec![e.event_type.clone()],
            "sub_type" => vec![e.sub_event_type.clone()],
            "admin1" => vec![
                e.location
                    .admin1
                    .clone()
                    .unwrap_or_else(|| "(unknown)".into()),
            ],
            "certainty" => vec![e.certainty.as_str().to_owned()],
            _ => {
                let mut v: Vec<String> = e
                    .actor1
                    .iter()
                    .chain(&e.actor2)
                    .map(|a| a.name.clone())
                    .collect();
                v.dedup();
                v
            }
        };
        for k in keys {
            *counts.entry((k, period.clone())).or_default() += 1;
        }
        periods.insert(period);
    }
    let mut periods: Vec<String> = periods.into_iter().collect();
    periods.sort();
    let pos: FxHashMap<&str, usize> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    let mut series: FxHashMap<String, Vec<u64>> = FxHashMap::default();
    for ((k, period), n) in &counts {
        series
            .entry(k.clone())
            .or_insert_with(|| vec![0; periods.len()])[pos[period.as_str()]] = *n;
    }
    let mut series: Vec<(String, Vec<u64>)> = series.into_iter().collect();
    series.sort_by(|a, b| {
        b.1.iter()
            .sum::<u64>()
            .cmp(&a.1.iter().sum::<u64>())
            .then_with(|| a.0.cmp(&b.0))
    });
    Ok(Json(json!({
        "interval": interval,
        "by": by,
        "total": ix.len(),
        "undated": undated,
        "periods": periods,
        "series": series.iter().map(|(k, v)| json!({"key": k, "counts": v, "total": v.iter().sum::<u64>()})).collect::<Vec<_>>(),
    }))
    .into_response())
}

/// Who acted on whom: actors as nodes, directed actor1 → actor2 edges weighted by events,
/// with Goldstein means splitting hostile from cooperative.
async fn dyads(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[FILTERS, &["min_events"]])?;
    let min = p.int("min_events", 1, 1, 1_000_000)? as usize;
    let snap = s.snapshot();
    let ix = compiled_indices(&snap, &p)?;
    let key = actor_key;
    let mut nodes: FxHashMap<String, (String, Option<String>, usize)> = FxHashMap::default();
    #[derive(Default)]
    struct Edge {
        events: usize,
        goldstein_sum: f64,
        hostile: usize,
        cooperative: usize,
        neutral: usize,
        ids: Vec<String>,
    }
    let mut edges: FxHashMap<(String, String), Edge> = FxHashMap::default();
    for &i in &ix {
        let e = &snap.at(i).event;
        for a in e.actor1.iter().chain(&e.actor2) {
            nodes
                .entry(key(a))
                .or_insert_with(|| (a.name.clone(), a.actor_type.clone(), 0))
                .2 += 1;
        }
        let (Some(a), Some(b)) = (&e.actor1, &e.actor2) else {
            continue;
        };
        let g = e.goldstein.unwrap_or(0.0);
        let edge = edges.entry((key(a), key(b))).or_default();
        edge.events += 1;
        edge.goldstein_sum += g;
        if g < 0.0 {
            edge.hostile += 1;
        } else if g > 0.0 {
            edge.cooperative += 1;
        } else {
            edge.neutral += 1;
        }
        if edge.ids.len() < 20 {
            edge.ids.push(e.id.clone());
        }
    }
    let mut edges: Vec<Value> = edges
        .into_iter()
        .filter(|(_, v)| v.events >= min)
        .map(|((a, b), v)| {
            json!({
                "source": a, "target": b, "events": v.events,
                "goldstein": v.goldstein_sum / v.events as f64,
                "hostile": v.hostile, "cooperative": v.cooperative, "neutral": v.neutral,
                "event_ids": v.ids,
            })
        })
        .collect();
    edges.sort_by(|a, b| {
        b["events"]
            .as_u64()
            .cmp(&a["events"].as_u64())
            .then_with(|| {
                (a["source"].as_str(), a["target"].as_str())
                    .cmp(&(b["source"].as_str(), b["target"].as_str()))
            })
    });
    let used: FxHashSet<&str> = edges
        .iter()
        .flat_map(|e| {
            [
                e["source"].as_str().unwrap_or(""),
                e["target"].as_str().unwrap_or(""),
            ]
        })
        .collect();
    let mut nodes: Vec<Value> = nodes
        .iter()
        .filter(|(k, _)| used.contains(k.as_str()))
        .map(|(k, v)| json!({"id": k, "name": v.0, "actor_type": v.1, "events": v.2}))
        .collect();
    nodes.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    Ok(Json(json!({"total": ix.len(), "nodes": nodes, "edges": edges})).into_response())
}

async fn facets(State(s): S, q: Q) -> ApiResult {
    q.check(&[])?;
    Ok(Json(s.snapshot().facets()).into_response())
}

/// Counts, the busiest places and actors of a period, the latest reports and the newest
/// contested claims.
async fn overview(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[&["since", "until"]])?;
    let snap = s.snapshot();
    let until = match p.date("until")? {
        Some(u) => Some(u),
        None => snap.latest_date().map(|d| d.format("%Y-%m-%d").to_string()),
    };
    let since = match p.date("since")? {
        Some(x) => Some(x),
        None => until.as_deref().and_then(|u| {
            let d = chrono::NaiveDate::parse_from_str(u, "%Y-%m-%d").ok()?;
            Some(
                (d - chrono::Duration::days(29))
                    .format("%Y-%m-%d")
                    .to_string(),
            )
        }),
    };
    let filter = tessera_export::EventFilter {
        since: since.clone(),
        until: until.clone(),
        ..Default::default()
    };
    let ix: Vec<u32> = snap
        .compile(&filter)
        .map(|c| snap.matching(&c, false).collect())
        .unwrap_or_default();
    let mut places: FxHashMap<String, usize> = FxHashMap::default();
    let mut actors: FxHashMap<String, (String, usize)> = FxHashMap::default();
    let mut types: FxHashMap<String, usize> = FxHashMap::default();
    let (mut killed, mut alleged) = (0u64, 0usize);
    for &i in &ix {
        let e = &snap.at(i).event;
        if let Some(n) = e.location.name.as_ref().or(e.location.admin2.as_ref()) {
            *places.entry(n.clone()).or_default() += 1;
        }
        for a in e.actor1.iter().chain(&e.actor2) {
            actors
                .entry(actor_key(a))
                .or_insert_with(|| (a.name.clone(), 0))
                .1 += 1;
        }
        *types.entry(e.event_type.clone()).or_default() += 1;
        killed += e.fatalities.unwrap_or(0) as u64;
        if e.certainty == Certainty::Alleged {
            alleged += 1;
        }
    }
    let top = |m: FxHashMap<String, usize>| {
        let mut v: Vec<(String, usize)> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.truncate(10);
        v.into_iter()
            .map(|(k, n)| json!({"name": k, "events": n}))
            .collect::<Vec<_>>()
    };
    let mut actors: Vec<(String, (String, usize))> = actors.into_iter().collect();
    actors.sort_by(|a, b| b.1.1.cmp(&a.1.1).then_with(|| a.0.cmp(&b.0)));
    actors.truncate(10);
    let mut contested: Vec<(&tessera_fuse::Contradiction, Option<&str>)> = snap
        .data
        .contradictions
        .iter()
        .map(|c| {
            (
                c,
                snap.event(&c.event_id)
                    .and_then(|f| f.event.date.start.as_deref()),
            )
        })
        .collect();
    contested.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
    contested.truncate(10);
    let contested: Vec<Value> = contested
        .into_iter()
        .map(|(c, date)| {
            let e = snap.event(&c.event_id).map(|f| &f.event);
            json!({
                "event_id": c.event_id,
                "date": date,
                "field": c.field.as_str(),
                "side_a": c.side_a.value,
                "side_b": c.side_b.value,
                "event": e.map(|e| format!("{} in {}", e.sub_event_type, e.location.name.as_deref().unwrap_or("?"))),
            })
        })
        .collect();
    let latest = blocking(move || {
        s.read(|st| {
            Ok(st.list_documents(&DocFilter {
                limit: Some(10),
                ..Default::default()
            })?)
        })
    })
    .await?;
    Ok(Json(json!({
        "period": {"since": since, "until": until},
        "counts": {
            "events": ix.len(),
            "events_all_time": snap.event_count(),
            "fatalities": killed,
            "alleged_events": alleged,
            "documents": snap.data.documents.len(),
            "claims": snap.claims.len(),
            "contradictions": snap.data.contradictions.len(),
        },
        "event_types": top(types),
        "places": top(places),
        "actors": actors.into_iter().map(|(id, (name, n))| json!({"id": id, "name": name, "events": n})).collect::<Vec<_>>(),
        "latest_reports": latest,
        "contested": contested,
    }))
    .into_response())
}

// ---------------------------------------------------------------- documents

async fn documents(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[&["q", "source", "since", "until", "limit"]])?;
    let limit = p.int("limit", 50, 1, 500)?;
    let filter = DocFilter {
        source: p.str("source").map(str::to_owned),
        since: p.date("since")?,
        until: p.date("until")?,
        contains: None,
        limit: Some(limit),
    };
    let query = p.str("q").map(str::to_owned);
    let items = blocking(move || {
        s.read(|st| match query {
            None => Ok(json!(st.list_documents(&filter)?)),
            Some(q) => {
                let hits: Vec<_> = st
                    .search_documents(&q, limit * 4)?
                    .into_iter()
                    .filter(|h| filter.source.is_none() || h.source == filter.source)
                    .filter(|h| {
                        filter
                            .since
                            .as_ref()
                            .is_none_or(|x| h.published.as_ref().is_some_and(|p| p >= x))
                    })
                    .filter(|h| {
                        filter.until.as_ref().is_none_or(|x| {
                            h.published
                                .as_ref()
                                .is_some_and(|p| p.get(..10).unwrap_or(p) <= x.as_str())
                        })
                    })
                    .take(limit as usize)
                    .collect();
                Ok(json!(hits))
            }
        })
    })
    .await?;
    Ok(Json(json!({ "items": items })).into_response())
}

async fn search(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[&["q", "limit"]])?;
    let limit = p.int("limit", 20, 1, 200)?;
    let query = p
        .str("q")
        .ok_or_else(|| ApiError::param("q", "give the words to search for"))?
        .to_owned();
    let hits = blocking(move || s.read(|st| Ok(st.search_documents(&query, limit)?))).await?;
    Ok(Json(json!({ "items": hits })).into_response())
}

async fn document(State(s): S, Path(id): Path<String>, q: Q) -> ApiResult {
    let p = q.check(&[&["version"]])?;
    let version =
        match p.str("version") {
            None => None,
            Some(v) => Some(v.parse::<u32>().map_err(|_| {
                ApiError::param("version", format!("{v:?} is not a version number"))
            })?),
        };
    let snap = s.snapshot();
    let doc_id = DocId(id.clone());
    let (doc, versions, mentions, events, claims) = blocking(move || {
        s.read(|st| {
            let doc = st
                .document(&doc_id, version)?
                .ok_or_else(|| ApiError::NotFound {
                    what: "document",
                    id: doc_id.0.clone(),
                })?;
            Ok((
                doc,
                st.versions(&doc_id)?,
                st.mentions(&doc_id)?,
                st.events(Some(&doc_id))?,
                st.claims(Some(&doc_id))?,
            ))
        })
    })
    .await?;
    let events: Vec<Value> = events
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "fused_id": snap.fused_id_of(&e.id),
                "event_type": e.event_type,
                "sub_event_type": e.sub_event_type,
                "certainty": e.certainty,
                "modality": e.modality,
                "date": e.date.start,
                "location": e.location.name,
                "fatalities": e.fatalities,
                "evidence": e.evidence.iter().filter(|x| x.document_id == doc.id).map(|x| json!({"begin": x.begin, "end": x.end})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let claims: Vec<Value> = claims
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "subject": c.subject,
                "predicate": c.predicate,
                "object": c.object,
                "attributed_to": c.attributed_to,
                "cue": c.cue,
                "certainty": c.certainty,
                "evidence": c.evidence.iter().map(|x| json!({"begin": x.begin, "end": x.end})).collect::<Vec<_>>(),
                "review": snap.claim(&c.id).and_then(|v| v.review.clone()),
            })
        })
        .collect();
    Ok(Json(json!({
        "id": doc.id,
        "version": doc.version,
        "versions": versions,
        "meta": doc.meta,
        "format": doc.format.as_str(),
        "text": doc.text,
        "mentions": mentions,
        "events": events,
        "claims": claims,
    }))
    .into_response())
}

async fn mentions(State(s): S, Path(id): Path<String>, q: Q) -> ApiResult {
    q.check(&[])?;
    let doc_id = DocId(id.clone());
    let list = blocking(move || {
        s.read(|st| {
            if st.versions(&doc_id)?.is_empty() {
                return Err(ApiError::NotFound {
                    what: "document",
                    id: doc_id.0.clone(),
                });
            }
            Ok(st.mentions(&doc_id)?)
        })
    })
    .await?;
    Ok(Json(json!({ "items": list })).into_response())
}

// ---------------------------------------------------------------- entities and claims

async fn entities(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[&["q", "kind", "limit"]])?;
    let kind = p.choice("kind", &["any", "actor", "place"], "any")?;
    let limit = p.int("limit", 50, 1, 1000)? as usize;
    let needle = p.str("q").map(str::to_lowercase);
    let snap = s.snapshot();
    let items: Vec<_> = snap
        .entities
        .iter()
        .filter(|e| kind == "any" || e.kind == kind)
        .filter(|e| {
            needle
                .as_ref()
                .is_none_or(|n| e.name.to_lowercase().contains(n))
        })
        .take(limit)
        .collect();
    Ok(Json(json!({ "items": items })).into_response())
}

async fn entity(State(s): S, Path(id): Path<String>, q: Q) -> ApiResult {
    q.check(&[])?;
    let snap = s.snapshot();
    let entry = snap
        .entity(&id)
        .ok_or_else(|| ApiError::NotFound {
            what: "entity",
            id: id.clone(),
        })?
        .clone();
    let lookup = id.clone();
    let stored = blocking(move || s.read(|st| Ok(st.entity(&lookup)?))).await?;
    let events = snap.entity_events(&entry);
    let mut by_month: FxHashMap<String, u64> = FxHashMap::default();
    let mut sources: FxHashMap<String, (u64, u64)> = FxHashMap::default();
    for f in &events {
        if let Some(d) = &f.event.date.start {
            *by_month
                .entry(d.get(..7).unwrap_or(d).to_owned())
                .or_default() += 1;
        }
        let mut seen = FxHashSet::default();
        for d in &f.event.document_ids {
            if let Some(src) = snap.data.documents.get(d).and_then(|x| x.source.clone())
                && seen.insert(src.clone())
            {
                sources.entry(src).or_default().0 += 1;
            }
        }
    }
    let name = entry.name.to_lowercase();
    let about: Vec<&crate::snapshot::ClaimView> = snap
        .claims
        .iter()
        .filter(|c| {
            c.claim.subject == id
                || c.claim.object == id
                || c.claim.subject.to_lowercase().contains(&name)
                || c.claim.object.to_lowercase().contains(&name)
        })
        .take(200)
        .collect();
    for c in &about {
        if let Some(src) = &c.source {
            sources.entry(src.clone()).or_default().1 += 1;
        }
    }
    let mut months: Vec<(String, u64)> = by_month.into_iter().collect();
    months.sort();
    let mut sources: Vec<(String, (u64, u64))> = sources.into_iter().collect();
    sources.sort_by(|a, b| {
        (b.1.0 + b.1.1)
            .cmp(&(a.1.0 + a.1.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    let designations = snap.data.designations.get(&id).cloned().unwrap_or_default();
    Ok(Json(json!({
        "id": entry.id,
        "name": entry.name,
        "kind": entry.kind,
        "detail": entry.detail,
        "entity": stored,
        "aliases": stored.as_ref().map(|e| e.aliases.clone()).unwrap_or_default(),
        "designations": designations,
        "events_total": events.len(),
        "events_by_month": months.iter().map(|(m, n)| json!({"month": m, "events": n})).collect::<Vec<_>>(),
        "events": events.iter().take(100).map(|f| json!({
            "id": f.event.id, "date": f.event.date.start, "event_type": f.event.event_type,
            "sub_event_type": f.event.sub_event_type, "location": f.event.location.name,
            "admin1": f.event.location.admin1, "fatalities": f.event.fatalities,
            "certainty": f.event.certainty,
            "actor1": f.event.actor1.as_ref().map(|a| &a.name), "actor2": f.event.actor2.as_ref().map(|a| &a.name),
            "independent_sources": f.fusion.corroboration.independent_sources,
        })).collect::<Vec<_>>(),
        "claims": about,
        "sources": sources.iter().map(|(s, (e, c))| json!({"source": s, "events": e, "claims": c})).collect::<Vec<_>>(),
    }))
    .into_response())
}

async fn claims(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[&[
        "certainty",
        "allegations_only",
        "source",
        "q",
        "document",
        "limit",
        "cursor",
    ]])?;
    let certainty = match p.str("certainty") {
        None => None,
        Some(c) => Some(Certainty::parse(c).ok_or_else(|| {
            ApiError::param(
                "certainty",
                format!(
                    "{c:?} is not one of certain, probable, possible, alleged, denied, unknown"
                ),
            )
        })?),
    };
    let allegations = p.flag("allegations_only")?;
    let limit = p.int("limit", 50, 1, 500)? as usize;
    let needle = p.str("q").map(str::to_lowercase);
    let source = p.str("source");
    let document = p.str("document");
    let snap = s.snapshot();
    let start = match p.str("cursor") {
        None => 0,
        Some(c) => snap.claim_index(c).map(|i| i + 1).ok_or_else(|| {
            ApiError::param(
                "cursor",
                "unknown cursor (the claim it names is gone); start again",
            )
        })?,
    };
    let keep = |c: &&crate::snapshot::ClaimView| {
        certainty.is_none_or(|x| c.claim.certainty == x)
            && (!allegations || c.claim.certainty == Certainty::Alleged)
            && source.is_none_or(|x| c.source.as_deref() == Some(x))
            && document.is_none_or(|x| c.document_id.as_deref() == Some(x))
            && needle.as_ref().is_none_or(|n| {
                c.quote.to_lowercase().contains(n)
                    || c.claim.subject.to_lowercase().contains(n)
                    || c.claim.object.to_lowercase().contains(n)
                    || c.claim
                        .attributed_to
                        .as_deref()
                        .is_some_and(|a| a.to_lowercase().contains(n))
            })
    };
    let total = snap.claims.iter().filter(keep).count();
    let page: Vec<&crate::snapshot::ClaimView> = snap.claims[start.min(snap.claims.len())..]
        .iter()
        .filter(keep)
        .take(limit + 1)
        .collect();
    let next = (page.len() > limit).then(|| page[limit - 1].claim.id.clone());
    Ok(Json(json!({
        "total": total,
        "next_cursor": next,
        "items": &page[..page.len().min(limit)],
    }))
    .into_response())
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewBody {
    status: String,
    note: Option<String>,
    analyst: Option<String>,
}

async fn review_claim(
    State(s): S,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let b: ReviewBody = json_body(&body_bytes(body, SMALL_LIMIT)?)?;
    let predicate = match b.status.as_str() {
        "confirmed" => predicates::CLAIM_CONFIRMED,
        "disputed" => predicates::CLAIM_DISPUTED,
        other => {
            return Err(ApiError::BadBody(format!(
                "status {other:?} is not confirmed or disputed"
            )));
        }
    };
    if s.snapshot().claim(&id).is_none() {
        return Err(ApiError::NotFound { what: "claim", id });
    }
    let st = s.clone();
    let cid = id.clone();
    let review_id = blocking(move || {
        let rid = st.write(|store, _| {
            Ok(store.add_analyst_claim(
                &cid,
                predicate,
                "",
                b.analyst.as_deref(),
                b.note.as_deref(),
            )?)
        })?;
        st.refresh()?;
        Ok(rid)
    })
    .await?;
    let claim = s.snapshot().claim(&id).cloned();
    Ok((
        axum::http::StatusCode::CREATED,
        Json(json!({"review_id": review_id, "claim": claim})),
    )
        .into_response())
}

async fn contradictions(State(s): S, q: Q) -> ApiResult {
    let p = q.check(&[&["field", "limit"]])?;
    let limit = p.int("limit", 100, 1, 1000)? as usize;
    let field = p.str("field");
    let snap = s.snapshot();
    let items: Vec<_> = snap
        .data
        .contradictions
        .iter()
        .filter(|c| field.is_none_or(|f| c.field.as_str() == f))
        .take(limit)
        .collect();
    Ok(Json(json!({ "items": items })).into_response())
}

// ---------------------------------------------------------------- ingest

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PasteBody {
    text: String,
    id: Option<String>,
    title: Option<String>,
    source: Option<String>,
    published: Option<String>,
    url: Option<String>,
    #[serde(default)]
    save: bool,
}

/// A pasted report (JSON; extracted and shown, stored when `save`) or a JSONL batch
/// (`application/x-ndjson`; always stored, bad lines reported and skipped).
async fn ingest(State(s): S, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> ApiResult {
    let bytes = body_bytes(body, INGEST_LIMIT)?;
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match ctype.as_str() {
        "application/json" => paste(s, &bytes).await,
        "application/x-ndjson" | "application/jsonl" => batch(s, bytes).await,
        other => Err(ApiError::UnsupportedMediaType(other.to_owned())),
    }
}

async fn paste(s: Arc<AppState>, bytes: &[u8]) -> ApiResult {
    let b: PasteBody = json_body(bytes)?;
    if b.text.trim().is_empty() {
        return Err(ApiError::BadBody("text is empty".into()));
    }
    let id = b.id.clone().unwrap_or_else(|| {
        let h = crate::token_hash(&format!(
            "{}\u{0}{}",
            b.title.as_deref().unwrap_or(""),
            b.text
        ));
        format!("paste:{}", &h[..16])
    });
    let record = json!({
        "id": id, "text": b.text, "title": b.title, "source": b.source,
        "published": b.published, "url": b.url,
    });
    let doc = tessera_ingest::parse_jsonl_line(&record.to_string(), "request body")
        .map_err(|e| ApiError::BadBody(e.to_string()))?;
    let save = b.save;
    let st = s.clone();
    let (item, outcome) = blocking(move || {
        let item = st.engine.extract(doc);
        let outcome = if save {
            let o = st.write(|store, _| Ok(store.write_batch(vec![item.clone()])?))?;
            st.refresh()?;
            o.into_iter().next()
        } else {
            None
        };
        Ok((item, outcome))
    })
    .await?;
    let a = &item.annotations;
    let snap = s.snapshot();
    Ok(Json(json!({
        "document": {"id": item.document.id, "meta": item.document.meta, "text": item.document.text},
        "saved": outcome.is_some(),
        "outcome": outcome,
        "mentions": a.mentions,
        "events": a.events.iter().map(|e| {
            let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                m.insert("fused_id".into(), json!(snap.fused_id_of(&e.id)));
            }
            v
        }).collect::<Vec<_>>(),
        "claims": a.claims,
    }))
    .into_response())
}

async fn batch(s: Arc<AppState>, bytes: Bytes) -> ApiResult {
    let text =
        std::str::from_utf8(&bytes).map_err(|e| ApiError::BadBody(format!("not UTF-8: {e}")))?;
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("request body line {}", n + 1);
        match tessera_ingest::parse_jsonl_line(line, &origin) {
            Ok(d) => docs.push(d),
            Err(e) => skipped.push(json!({"line": n + 1, "message": e.to_string()})),
        }
    }
    let st = s.clone();
    let summary = blocking(move || {
        let summary = st.write(|store, engine| {
            let mut docs = docs.into_iter();
            Ok(engine.ingest(
                store,
                |emit| docs.by_ref().for_each(|d| emit(Ok(d))),
                &mut tessera_engine::NoObserver,
            )?)
        })?;
        st.refresh()?;
        Ok(summary)
    })
    .await?;
    Ok(Json(json!({
        "read": summary.read,
        "new": summary.new,
        "new_versions": summary.new_versions,
        "unchanged": summary.unchanged,
        "events": summary.events,
        "claims": summary.claims,
        "skipped": skipped,
    }))
    .into_response())
}
