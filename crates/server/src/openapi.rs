//! The OpenAPI 3.1 document served at `/api/openapi.json`. Written by hand from the same
//! parameter lists the handlers validate against, and the same error table.

use crate::error::ERROR_TABLE;
use crate::params::FILTERS;
use serde_json::{Value, json};

fn param(name: &str, doc: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": doc, "schema": schema})
}

fn filter_params() -> Vec<Value> {
    let docs = [
        (
            "since",
            "on or after this date (YYYY-MM-DD)",
            json!({"type": "string", "format": "date"}),
        ),
        (
            "until",
            "on or before this date (YYYY-MM-DD)",
            json!({"type": "string", "format": "date"}),
        ),
        (
            "type",
            "ACLED event type or sub-event type, exactly",
            json!({"type": "string"}),
        ),
        (
            "admin1",
            "province, case-insensitively",
            json!({"type": "string"}),
        ),
        (
            "place",
            "place, district or province name, case-insensitively",
            json!({"type": "string"}),
        ),
        (
            "bbox",
            "west,south,east,north in degrees",
            json!({"type": "string", "example": "60,29,75,37"}),
        ),
        (
            "actor",
            "an actor whose name contains this, case-insensitively",
            json!({"type": "string"}),
        ),
        (
            "certainty",
            "certainty, exactly",
            json!({"type": "string", "enum": ["certain", "probable", "possible", "alleged", "denied", "unknown"]}),
        ),
        (
            "source",
            "a publisher among the event's reports, exactly",
            json!({"type": "string"}),
        ),
    ];
    debug_assert_eq!(docs.len(), FILTERS.len());
    docs.into_iter().map(|(n, d, s)| param(n, d, s)).collect()
}

fn path_id(what: &str) -> Value {
    json!({"name": "id", "in": "path", "required": true, "description": format!("{what} id"), "schema": {"type": "string"}})
}

fn op(summary: &str, params: Vec<Value>) -> Value {
    json!({
        "summary": summary,
        "parameters": params,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}},
            "default": {"$ref": "#/components/responses/Error"}
        }
    })
}

fn with_body(mut o: Value, schema: Value, created: bool) -> Value {
    o["requestBody"] = json!({"required": true, "content": schema});
    if created {
        o["responses"]["201"] = json!({"description": "Created"});
        if let Some(r) = o["responses"].as_object_mut() {
            r.remove("200");
        }
    }
    o
}

fn limit(default: u64, max: u64) -> Value {
    param(
        "limit",
        "page size",
        json!({"type": "integer", "minimum": 1, "maximum": max, "default": default}),
    )
}

/// The document.
pub fn document() -> Value {
    let mut f = filter_params();
    let with = |extra: Vec<Value>| {
        let mut v = filter_params();
        v.extend(extra);
        v
    };
    f.extend([
        limit(50, 500),
        param(
            "cursor",
            "next_cursor of the previous page",
            json!({"type": "string"}),
        ),
        param(
            "sort",
            "date order: -date newest first (default) or date",
            json!({"type": "string", "enum": ["-date", "date"]}),
        ),
    ]);
    let correction = json!({"application/json": {"schema": {
    "type": "object", "required": ["field", "value"], "additionalProperties": false,
    "properties": {
        "field": {"type": "string", "enum": crate::snapshot::predicates::FIELDS},
        "value": {"type": "string", "minLength": 1, "maxLength": 200},
        "note": {"type": "string"}, "analyst": {"type": "string"}
    }}}});
    let review = json!({"application/json": {"schema": {
    "type": "object", "required": ["status"], "additionalProperties": false,
    "properties": {
        "status": {"type": "string", "enum": ["confirmed", "disputed"]},
        "note": {"type": "string"}, "analyst": {"type": "string"}
    }}}});
    let ingest = json!({
        "application/json": {"schema": {
            "type": "object", "required": ["text"], "additionalProperties": false,
            "properties": {
                "text": {"type": "string"}, "id": {"type": "string"}, "title": {"type": "string"},
                "source": {"type": "string"}, "published": {"type": "string"}, "url": {"type": "string"},
                "save": {"type": "boolean", "default": false}
            }}},
        "application/x-ndjson": {"schema": {"type": "string", "description": "JSON Lines: one report per line (id, text, title, published, source, url)"}}
    });
    let codes: Vec<Value> = ERROR_TABLE
        .iter()
        .map(|(code, kind, status, doc)| json!({"code": code, "type": kind, "status": status, "description": doc}))
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Tessera API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Evidence-tracked conflict events, claims and documents. Every event and claim points back to its document and character span. Bound to a non-loopback address, every request needs `Authorization: Bearer <token>`; read-only tokens cannot write."
        },
        "paths": {
            "/api/events": {"get": op("Fused events (one per incident), filtered, newest first, cursor-paginated", f)},
            "/api/events/{id}": {"get": op("One event (fused id or a report-level member id) with its reports, evidence quotes and contradictions", vec![path_id("event")])},
            "/api/events/{id}/corrections": {"post": with_body(op("Correct an event's field; stored as the analyst's claim, the extracted value is kept", vec![path_id("event")]), correction, true)},
            "/api/map": {"get": op("Events clustered on a grid fitted to the zoom level", with(vec![param("zoom", "map zoom 0-18", json!({"type": "integer", "minimum": 0, "maximum": 18, "default": 5}))]))},
            "/api/aggregates": {"get": op("Event counts per day, week or month, by type, sub-type, province, actor or certainty", with(vec![
                param("interval", "bucket", json!({"type": "string", "enum": ["day", "week", "month"], "default": "month"})),
                param("by", "series", json!({"type": "string", "enum": ["type", "sub_type", "admin1", "actor", "certainty"], "default": "type"})),
            ]))},
            "/api/dyads": {"get": op("Actor network: actor1 → actor2 edges weighted by events, with Goldstein means", with(vec![param("min_events", "drop edges with fewer events", json!({"type": "integer", "minimum": 1}))]))},
            "/api/facets": {"get": op("Values for filter menus: event types, provinces, sources, certainties", vec![])},
            "/api/overview": {"get": op("Counts, busiest places and actors, latest reports, newest contested claims (default period: the 30 days up to the newest event)", vec![
                param("since", "period start", json!({"type": "string", "format": "date"})),
                param("until", "period end", json!({"type": "string", "format": "date"})),
            ])},
            "/api/documents": {"get": op("Documents, newest first; with q, full-text matches with highlighted snippets", vec![
                param("q", "words to search for (a trailing * matches prefixes)", json!({"type": "string"})),
                param("source", "publisher, exactly", json!({"type": "string"})),
                param("since", "published on or after", json!({"type": "string", "format": "date"})),
                param("until", "published on or before", json!({"type": "string", "format": "date"})),
                limit(50, 500),
            ])},
            "/api/documents/{id}": {"get": op("A document with its mentions, events and claims and their spans", vec![path_id("document"), param("version", "a stored version", json!({"type": "integer"}))])},
            "/api/documents/{id}/mentions": {"get": op("Mentions of a document's current version", vec![path_id("document")])},
            "/api/search": {"get": op("Full-text search over documents; each match in a snippet is wrapped in U+0002…U+0003", vec![
                param("q", "words (required)", json!({"type": "string"})), limit(20, 200),
            ])},
            "/api/entities": {"get": op("Actors and places named by events, most active first", vec![
                param("q", "name contains", json!({"type": "string"})),
                param("kind", "actor, place or any", json!({"type": "string", "enum": ["any", "actor", "place"]})),
                limit(50, 1000),
            ])},
            "/api/entities/{id}": {"get": op("An actor or place: aliases, designations, events over time, claims about it and their sources", vec![path_id("entity")])},
            "/api/claims": {"get": op("Attributed claims with certainty, source and independent support", vec![
                param("certainty", "exactly", json!({"type": "string"})),
                param("allegations_only", "only alleged claims", json!({"type": "boolean"})),
                param("source", "publisher, exactly", json!({"type": "string"})),
                param("document", "document id", json!({"type": "string"})),
                param("q", "words in the claim or its evidence", json!({"type": "string"})),
                limit(50, 500),
                param("cursor", "next_cursor of the previous page", json!({"type": "string"})),
            ])},
            "/api/claims/{id}/review": {"post": with_body(op("Mark a claim confirmed or disputed (the analyst's own claim)", vec![path_id("claim")]), review, true)},
            "/api/contradictions": {"get": op("Contradictions between reports of one incident", vec![param("field", "fatalities, perpetrator, location, date or denial", json!({"type": "string"})), limit(100, 1000)])},
            "/api/corrections": {"get": op("The analyst's claims: corrections, reviews and fusion decisions", vec![param("include_revoked", "also revoked ones", json!({"type": "boolean"}))])},
            "/api/corrections/{id}": {"delete": op("Take a correction or review back (kept on record as revoked)", vec![path_id("correction")])},
            "/api/ingest": {"post": with_body(op("Ingest a pasted report (JSON; stored only when save is true) or a JSONL batch (always stored; bad lines reported and skipped)", vec![]), ingest, false)},
            "/api/health": {"get": op("Liveness and view generation (no token needed)", vec![])},
            "/api/openapi.json": {"get": op("This document (no token needed)", vec![])},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "required": ["message", "code", "type"], "properties": {
                    "message": {"type": "string"},
                    "code": {"type": "string", "enum": ERROR_TABLE.iter().map(|r| r.0).collect::<Vec<_>>()},
                    "type": {"type": "string", "enum": ["invalid_request", "auth", "internal"]}
                }}
            },
            "responses": {"Error": {"description": "An error; see x-error-codes", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
        },
        "security": [{"bearer": []}],
        "x-error-codes": codes,
    })
}
