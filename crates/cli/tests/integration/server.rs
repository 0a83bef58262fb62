//! `tessera serve`: the JSON API over real HTTP, its errors, writes and access tokens.

use crate::common::{Server, repo_root, run, stdout};
use serde_json::{Value, json};
use std::path::Path;

fn sample_store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("t.db");
    let o = run(
        &db,
        &[
            "ingest",
            "-q",
            repo_root().join("examples/reports").to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    db
}

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn events_filter_paginate_and_agree_with_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let exported: Vec<Value> = stdout(&run(&db, &["export", "events"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let server = Server::start(&db, "127.0.0.1:0", &[]);

    let (status, first) = server.get("/api/events?limit=7");
    assert_eq!(status, 200);
    assert_eq!(first["total"].as_u64().unwrap() as usize, exported.len());

    // Walking the cursor visits every event once, newest first.
    let mut seen = Vec::new();
    let mut dates = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/events?limit=7&cursor={}", urlencode(c)),
            None => "/api/events?limit=7".into(),
        };
        let (_, page) = server.get(&path);
        seen.extend(ids(&page));
        for e in page["items"].as_array().unwrap() {
            dates.push(e["date"]["start"].as_str().map(str::to_owned));
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(seen.len(), exported.len());
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no event twice across pages");
    let dated: Vec<&String> = dates.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "newest first");

    // Filters keep what the export's filters keep.
    let battles = exported
        .iter()
        .filter(|e| e["event_type"] == "Battles" || e["sub_event_type"] == "Battles")
        .count();
    let (_, b) = server.get("/api/events?type=Battles&limit=500");
    assert_eq!(b["total"].as_u64().unwrap() as usize, battles);
    assert!(battles > 0);
    let (_, a) = server.get("/api/events?certainty=alleged&limit=500");
    assert!(
        a["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["certainty"] == "alleged")
    );
    let (_, boxed) = server.get("/api/events?bbox=66,24,71,31&limit=500");
    for e in boxed["items"].as_array().unwrap() {
        let (lat, lon) = (
            e["location"]["latitude"].as_f64().unwrap(),
            e["location"]["longitude"].as_f64().unwrap(),
        );
        assert!((24.0..=31.0).contains(&lat) && (66.0..=71.0).contains(&lon));
    }
    let (_, none) = server.get("/api/events?actor=nobody-by-this-name");
    assert_eq!(none["total"], 0);

    // Timeline, map and table count the same events for the same filter.
    let filter = "since=2025-03-01&until=2025-03-31&admin1=Khyber%20Pakhtunkhwa";
    let (_, t) = server.get(&format!("/api/events?{filter}"));
    let (_, agg) = server.get(&format!("/api/aggregates?interval=week&{filter}"));
    let (_, map) = server.get(&format!("/api/map?zoom=6&{filter}"));
    let summed: u64 = agg["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["total"].as_u64().unwrap())
        .sum();
    assert!(t["total"].as_u64().unwrap() > 0);
    assert_eq!(
        summed + agg["undated"].as_u64().unwrap(),
        t["total"].as_u64().unwrap()
    );
    assert_eq!(map["total"], t["total"]);
    let on_map: u64 = map["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        on_map + map["unlocated"].as_u64().unwrap(),
        map["total"].as_u64().unwrap()
    );

    // One event, by its id or a member report's.
    let some = &exported[0];
    let (status, e) = server.get(&format!(
        "/api/events/{}",
        urlencode(some["id"].as_str().unwrap())
    ));
    assert_eq!(status, 200);
    assert!(
        !e["evidence_quotes"][0]["quote"]
            .as_str()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn bad_requests_get_clear_errors_from_one_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let server = Server::start(&db, "127.0.0.1:0", &[]);
    for (path, status, code) in [
        ("/api/events?typ=Battles", 400, "unknown_parameter"),
        ("/api/events?since=2025-02-30", 400, "invalid_parameter"),
        ("/api/events?bbox=1,2,3", 400, "invalid_parameter"),
        ("/api/events?limit=100000", 400, "invalid_parameter"),
        ("/api/events?certainty=sure", 400, "invalid_parameter"),
        ("/api/events?cursor=ev:nope", 400, "invalid_parameter"),
        ("/api/events/ev:nope", 404, "not_found"),
        ("/api/documents/nope", 404, "not_found"),
        ("/api/entities/nope", 404, "not_found"),
        ("/api/nothing", 404, "no_route"),
        ("/api/search", 400, "invalid_parameter"),
    ] {
        let (s, v) = server.get(path);
        assert_eq!(
            (s, v["code"].as_str().unwrap()),
            (status, code),
            "{path}: {v}"
        );
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(v["type"].is_string());
    }
    // Hostile search input is words, not FTS5 syntax; and SQL stays parameterised.
    for q in ["%22", "NEAR(", "'%20OR%201=1%20--", "*"] {
        let (s, _) = server.get(&format!("/api/search?q={q}"));
        assert_eq!(s, 200, "{q}");
    }
    let (_, v) = server.get("/api/documents?source=x'%20OR%20'1'='1");
    assert_eq!(v["items"].as_array().unwrap().len(), 0);
    // Bodies: wrong type, malformed, too large.
    let (s, _, b) = server.request(
        "POST",
        "/api/ingest",
        &[("Content-Type", "text/plain")],
        b"hi",
    );
    assert_eq!(s, 415, "{b}");
    let (s, v) = server.post_json("/api/ingest", &json!({"txt": "x"}), &[]);
    assert_eq!((s, v["code"].as_str()), (400, Some("invalid_body")));
    let big = vec![b'a'; 70 * 1024];
    let (s, _, b) = server.request(
        "POST",
        "/api/claims/x/review",
        &[("Content-Type", "application/json")],
        &big,
    );
    assert_eq!(s, 413, "{b}");
    // Every path of the OpenAPI document is served.
    let (_, doc) = server.get("/api/openapi.json");
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 20);
    for (p, ops) in paths {
        if ops.get("get").is_some() && !p.contains('{') {
            let (_, v) = server.get(p);
            assert_ne!(v["code"], "no_route", "{p}");
        }
    }
    let codes: Vec<&str> = doc["x-error-codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"read_only_token") && codes.contains(&"unknown_parameter"));
}

#[test]
fn writes_are_the_analysts_own_claims_and_never_overwrite_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let server = Server::start(&db, "127.0.0.1:0", &[]);
    let (_, before) = server.get("/api/health");

    // A pasted report: previewed, then saved.
    let report = json!({
        "text": "PESHAWAR — Two policemen were killed when militants attacked a checkpost in Mathra on Tuesday, police said. [SYNTHETIC]",
        "title": "Checkpost attacked in Mathra", "source": "Synthetic Daily", "published": "2025-03-18",
    });
    let (s, preview) = server.post_json("/api/ingest", &report, &[]);
    assert_eq!(s, 200, "{preview}");
    assert_eq!(preview["saved"], false);
    assert!(!preview["events"].as_array().unwrap().is_empty());
    let (_, same) = server.get("/api/health");
    assert_eq!(same["documents"], before["documents"]);
    let mut save = report.clone();
    save["save"] = json!(true);
    let (_, saved) = server.post_json("/api/ingest", &save, &[]);
    assert_eq!(saved["saved"], true);
    let (_, after) = server.get("/api/health");
    assert_eq!(
        after["documents"].as_u64(),
        before["documents"].as_u64().map(|n| n + 1)
    );
    let doc_id = saved["document"]["id"].as_str().unwrap();
    let (s, d) = server.get(&format!("/api/documents/{}", urlencode(doc_id)));
    assert_eq!(s, 200);
    assert!(!d["mentions"].as_array().unwrap().is_empty());
    let (_, hits) = server.get("/api/search?q=Mathra");
    assert!(ids(&hits).iter().any(|i| i == doc_id));

    // A JSONL batch: the bad line is reported by number, the good one stored.
    let batch = "{\"id\":\"b1\",\"text\":\"A blast in Quetta injured three people on Friday. [SYNTHETIC]\"}\nnot json\n";
    let (s, _, body) = server.request(
        "POST",
        "/api/ingest",
        &[("Content-Type", "application/x-ndjson")],
        batch.as_bytes(),
    );
    assert_eq!(s, 200, "{body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["new"], 1);
    assert_eq!(v["skipped"][0]["line"], 2);

    // A correction shows in the API with the extracted value beside it …
    let (_, page) = server.get("/api/events?limit=1");
    let event = &page["items"][0];
    let id = event["id"].as_str().unwrap();
    let original = event["event_type"].clone();
    let (s, c) = server.post_json(
        &format!("/api/events/{}/corrections", urlencode(id)),
        &json!({"field": "event_type", "value": "Riots", "analyst": "test", "note": "misread"}),
        &[],
    );
    assert_eq!(s, 201, "{c}");
    assert_eq!(c["event"]["event_type"], "Riots");
    assert_eq!(c["event"]["corrections"][0]["extracted"], original);
    let (_, riots) = server.get("/api/events?type=Riots&limit=500");
    assert!(ids(&riots).iter().any(|i| i == id));
    // … while the extractor's own reading is untouched in the store.
    let stored = stdout(&run(&db, &["export", "events"]))
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|e| e["id"] == id)
        .expect("the event is exported");
    assert_eq!(stored["event_type"], original);
    let (s, bad) = server.post_json(
        &format!("/api/events/{}/corrections", urlencode(id)),
        &json!({"field": "colour", "value": "x"}),
        &[],
    );
    assert_eq!((s, bad["code"].as_str()), (400, Some("invalid_body")));
    // Taking it back restores the extracted value.
    let cid = c["correction_id"].as_i64().unwrap();
    let (s, _, _) = server.request("DELETE", &format!("/api/corrections/{cid}"), &[], b"");
    assert_eq!(s, 200);
    let (_, e) = server.get(&format!("/api/events/{}", urlencode(id)));
    assert_eq!(e["event_type"], original);

    // Claims can be confirmed or disputed.
    let (_, claims) = server.get("/api/claims?limit=1");
    let cl = claims["items"][0]["id"].as_str().unwrap();
    let (s, r) = server.post_json(
        &format!("/api/claims/{}/review", urlencode(cl)),
        &json!({"status": "disputed"}),
        &[],
    );
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["claim"]["review"]["status"], "disputed");
    let (_, alleged) = server.get("/api/claims?allegations_only=true&limit=500");
    assert!(
        alleged["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["certainty"] == "alleged")
    );
}

#[test]
fn beyond_loopback_every_request_needs_a_token_and_only_analysts_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let (analyst, reader) = {
        let server = Server::start(&db, "0.0.0.0:0", &[]);
        let token = |role: &str| {
            server
                .stderr_lines
                .iter()
                .find(|l| l.starts_with(role))
                .and_then(|l| l.rsplit(' ').next())
                .unwrap_or_else(|| panic!("no {role} token printed: {:?}", server.stderr_lines))
                .to_owned()
        };
        let (analyst, reader) = (token("analyst"), token("read"));
        let (s, v) = server.get("/api/events");
        assert_eq!(
            (s, v["code"].as_str()),
            (401, Some("missing_or_invalid_token"))
        );
        let (s, _) = server.get_with("/api/events", &[("Authorization", "Bearer wrong")]);
        assert_eq!(s, 401);
        let read = format!("Bearer {reader}");
        let (s, _) = server.get_with("/api/events", &[("Authorization", &read)]);
        assert_eq!(s, 200);
        let body = json!({"text": "Clash in Bannu. [SYNTHETIC]"});
        let (s, v) = server.post_json("/api/ingest", &body, &[("Authorization", &read)]);
        assert_eq!((s, v["code"].as_str()), (403, Some("read_only_token")));
        let write = format!("Bearer {analyst}");
        let (s, _) = server.post_json("/api/ingest", &body, &[("Authorization", &write)]);
        assert_eq!(s, 200);
        // The app's own files and the health check need no token; they hold no data.
        let (s, headers, page) = server.request("GET", "/", &[], b"");
        assert_eq!(s, 200);
        assert!(page.contains("/app/app.js"));
        let csp = headers
            .iter()
            .find(|(k, _)| k == "content-security-policy")
            .map(|h| h.1.clone());
        assert!(csp.is_some_and(|c| c.contains("script-src 'self'")));
        (analyst, reader)
    };
    // A restart prints no new tokens; the stored ones still work.
    let server = Server::start(&db, "0.0.0.0:0", &[]);
    assert!(
        server.stderr_lines.iter().all(|l| !l.contains("token")),
        "{:?}",
        server.stderr_lines
    );
    let (s, _) = server.get_with("/api/health", &[]);
    assert_eq!(s, 200);
    let (s, _) = server.get_with(
        "/api/events",
        &[("Authorization", &format!("Bearer {analyst}"))],
    );
    assert_eq!(s, 200);
    drop(server);
    // TESSERA_TOKEN names an analyst token.
    let server = Server::start(&db, "0.0.0.0:0", &[("TESSERA_TOKEN", "s3cret-for-tests")]);
    let (s, _) = server.get_with(
        "/api/events",
        &[("Authorization", "Bearer s3cret-for-tests")],
    );
    assert_eq!(s, 200);
    let (s, _) = server.get_with(
        "/api/events",
        &[("Authorization", &format!("Bearer {reader}"))],
    );
    assert_eq!(s, 200, "stored tokens still work beside TESSERA_TOKEN");
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
