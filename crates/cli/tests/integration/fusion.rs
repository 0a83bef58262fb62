use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    repo_root().join("crates/cli/tests/fixtures/fusion")
}

fn jsonl(db: &Path, args: &[&str]) -> Vec<Value> {
    let o = run(db, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

fn ingest_corpus(db: &Path) {
    let o = run(
        db,
        &["ingest", corpus().join("reports.jsonl").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("fusion: "), "{}", stdout(&o));
}

/// The fused event holding a report-level event.
fn fused_of<'a>(events: &'a [Value], member: &str) -> &'a Value {
    events
        .iter()
        .find(|e| {
            e["fusion"]["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == member)
        })
        .unwrap_or_else(|| panic!("{member} is in no fused event"))
}

#[test]
fn the_multi_report_corpus_fuses_into_incidents_with_contradictions() {
    let o = tessera()
        .args(["--json", "eval", "fusion"])
        .arg(corpus().join("gold.json"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    eprintln!("{s:#}");
    // Floors under the figures measured when this landed (see the issue note), so that a
    // change that makes fusion worse fails here.
    assert!(s["bcubed"]["f1"].as_f64().unwrap() >= 0.93, "{s}");
    assert!(s["bcubed"]["precision"].as_f64().unwrap() >= 0.95, "{s}");
    // The targets: precision 0.90, recall 0.80.
    assert!(
        s["contradictions"]["precision"].as_f64().unwrap() >= 0.9,
        "{s}"
    );
    assert!(
        s["contradictions"]["recall"].as_f64().unwrap() >= 0.8,
        "{s}"
    );
    assert!(
        s["wire_copies"]["precision"].as_f64().unwrap() == 1.0,
        "{s}"
    );
    assert!(s["wire_copies"]["recall"].as_f64().unwrap() >= 0.95, "{s}");
}

#[test]
fn export_lists_each_incident_once_with_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    ingest_corpus(&db);
    let unfused = jsonl(&db, &["export", "events", "--unfused"]);
    let fused = jsonl(&db, &["export", "events"]);
    assert!(
        fused.len() < unfused.len(),
        "{} vs {}",
        fused.len(),
        unfused.len()
    );
    // Every report-level event is in exactly one fused event.
    let members: usize = fused
        .iter()
        .map(|e| e["fusion"]["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, unfused.len());
    // A fused event lists all its reports' documents, evidence from each, and its support.
    let big = fused
        .iter()
        .max_by_key(|e| e["document_ids"].as_array().unwrap().len())
        .unwrap();
    let docs = big["document_ids"].as_array().unwrap();
    assert!(docs.len() >= 3, "{big}");
    for d in docs {
        assert!(
            big["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| &x["document_id"] == d),
            "no evidence from {d}: {big}"
        );
    }
    let c = &big["fusion"]["corroboration"];
    assert!(c["independent_sources"].as_u64().unwrap() >= 2, "{c}");
    assert!(
        !big["fusion"]["merge_reasons"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // Copies of one wire story count as one source.
    for e in &fused {
        let c = &e["fusion"]["corroboration"];
        let docs = e["document_ids"].as_array().unwrap().len() as u64;
        assert!(c["independent_sources"].as_u64().unwrap() <= docs);
    }
    // Contradictions name a fused event, a field and documents on both sides.
    let contradictions = jsonl(&db, &["export", "contradictions"]);
    assert!(contradictions.len() >= 5, "{contradictions:?}");
    for c in &contradictions {
        assert!(fused.iter().any(|e| e["id"] == c["event_id"]), "{c}");
        assert!(
            ["fatalities", "perpetrator", "location", "date", "denial"]
                .contains(&c["field"].as_str().unwrap()),
            "{c}"
        );
        for side in ["side_a", "side_b"] {
            assert!(
                !c[side]["document_ids"].as_array().unwrap().is_empty(),
                "{c}"
            );
        }
    }
    // Re-running fusion gives the same result.
    assert!(run(&db, &["fuse"]).status.success());
    assert_eq!(jsonl(&db, &["export", "events"]), fused);
}

#[test]
fn analyst_merges_and_splits_are_obeyed_and_reversible() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    ingest_corpus(&db);
    let fused = jsonl(&db, &["export", "events"]);
    let reports_before = jsonl(&db, &["export", "events", "--unfused"]);
    let incident = fused
        .iter()
        .find(|e| e["fusion"]["members"].as_array().unwrap().len() >= 2)
        .unwrap();
    let member = incident["fusion"]["members"][1]
        .as_str()
        .unwrap()
        .to_owned();
    let other = incident["fusion"]["members"][0]
        .as_str()
        .unwrap()
        .to_owned();

    // Why they are one: a score at or above the threshold, with reasons.
    let o = run(&db, &["--json", "fuse", "explain", &member, &other]);
    assert!(o.status.success(), "{}", stderr(&o));
    let why: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(why["score"].as_f64().unwrap() >= 0.5, "{why}");
    assert!(!why["why"].as_array().unwrap().is_empty(), "{why}");
    assert!(
        !run(&db, &["fuse", "explain", &member, "ev:nope"])
            .status
            .success()
    );

    // Split one report out: it stands alone; the rest stay together.
    let o = run(
        &db,
        &["fuse", "split", &member, "--note", "different attack"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let after = jsonl(&db, &["export", "events"]);
    assert_eq!(
        fused_of(&after, &member)["fusion"]["members"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // The extractor's events are untouched: the decision is the analyst's own claim.
    assert_eq!(
        jsonl(&db, &["export", "events", "--unfused"]),
        reports_before
    );
    let decisions: Value =
        serde_json::from_slice(&run(&db, &["--json", "fuse", "decisions"]).stdout).unwrap();
    let id = decisions[0]["id"].as_i64().unwrap();
    assert_eq!(decisions[0]["predicate"], "stands_alone");

    // Undo: back as it was.
    assert!(
        run(&db, &["fuse", "undo", &id.to_string()])
            .status
            .success()
    );
    let again = jsonl(&db, &["export", "events"]);
    assert_eq!(
        fused_of(&again, &member)["id"],
        fused_of(&again, &other)["id"]
    );
    assert!(
        !run(&db, &["fuse", "undo", &id.to_string()])
            .status
            .success()
    );

    // "Different incidents" keeps two apart; "same incident" joins two far apart.
    assert!(
        run(&db, &["fuse", "separate", &member, &other])
            .status
            .success()
    );
    let apart = jsonl(&db, &["export", "events"]);
    assert_ne!(
        fused_of(&apart, &member)["id"],
        fused_of(&apart, &other)["id"]
    );
    let lonely = apart
        .iter()
        .filter(|e| e["fusion"]["members"].as_array().unwrap().len() == 1)
        .map(|e| e["fusion"]["members"][0].as_str().unwrap().to_owned())
        .find(|m| *m != member && *m != other)
        .unwrap();
    assert!(
        run(&db, &["fuse", "merge", &lonely, &other])
            .status
            .success()
    );
    let joined = jsonl(&db, &["export", "events"]);
    let j = fused_of(&joined, &lonely);
    assert_eq!(j["id"], fused_of(&joined, &other)["id"]);
    assert!(
        j["fusion"]["merge_reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["why"][0] == "analyst: same incident"),
        "{j}"
    );
    assert!(
        !run(&db, &["fuse", "merge", "ev:nope", &other])
            .status
            .success()
    );
}

#[test]
fn as_of_shows_what_was_known_then() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    let first = dir.path().join("first.jsonl");
    let later = dir.path().join("later.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(corpus().join("reports.jsonl"))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    std::fs::write(&first, lines[..40].join("\n")).unwrap();
    std::fs::write(&later, lines[40..].join("\n")).unwrap();
    assert!(
        run(&db, &["ingest", first.to_str().unwrap()])
            .status
            .success()
    );
    let known_then = jsonl(&db, &["export", "events"]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let moment = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(
        run(&db, &["ingest", later.to_str().unwrap()])
            .status
            .success()
    );
    // A correction: a report's toll is revised under the same id (a new version).
    let mut revised: Value = serde_json::from_str(&lines[0]).unwrap();
    let text = revised["text"].as_str().unwrap().to_owned();
    revised["text"] = Value::from(format!(
        "{text}\nCorrection: an earlier version misstated the district."
    ));
    std::fs::write(&later, revised.to_string()).unwrap();
    assert!(
        run(&db, &["ingest", later.to_str().unwrap()])
            .status
            .success()
    );

    let now = jsonl(&db, &["export", "events"]);
    let then = jsonl(&db, &["export", "events", "--as-of", &moment]);
    assert_ne!(now.len(), then.len());
    assert_eq!(
        then, known_then,
        "as-of recomputes exactly what fusion said then"
    );
    assert!(
        !run(&db, &["export", "events", "--as-of", "last tuesday"])
            .status
            .success()
    );
}

#[test]
fn source_grades_weigh_corroboration() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.db");
    ingest_corpus(&db);
    let weight = |db: &Path| -> f64 {
        jsonl(db, &["export", "events"])
            .iter()
            .map(|e| {
                e["fusion"]["corroboration"]["weighted_support"]
                    .as_f64()
                    .unwrap()
            })
            .sum()
    };
    let before = weight(&db);
    assert!(
        run(&db, &["sources", "grade", "Frontier Post Wire", "A"])
            .status
            .success()
    );
    assert!(weight(&db) > before);
    assert!(
        !run(&db, &["sources", "grade", "Frontier Post Wire", "Z"])
            .status
            .success()
    );
    let list: Value = serde_json::from_slice(&run(&db, &["--json", "sources"]).stdout).unwrap();
    let row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"] == "Frontier Post Wire")
        .unwrap();
    assert_eq!(row["reliability"], "A");
    let ispr = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"] == "ISPR")
        .unwrap();
    assert_eq!(ispr["kind"], "official");
    let ttp = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"].as_str().unwrap().starts_with("TTP"))
        .unwrap();
    assert_eq!(ttp["kind"], "group");
}

#[test]
fn entity_candidates_are_reviewed_and_merges_reversible() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    let f = dir.path().join("r.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a\",\"text\":\"Commander Qari Zarar Mehsud of the Tehreek-e-Jihad Waziristan was killed in Bannu.\"}\n\
         {\"id\":\"b\",\"text\":\"Qari Zarrar Mehsud, a leader of the Tahrik-e-Jehad Waziristan, was killed in Bannu.\"}\n",
    )
    .unwrap();
    assert!(run(&db, &["ingest", f.to_str().unwrap()]).status.success());
    let o = run(
        &db,
        &["--json", "entities", "candidates", "--min-score", "0.8"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let list: Value = serde_json::from_slice(&o.stdout).unwrap();
    let pair = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["a"].as_str().unwrap().contains("Waziristan"))
        .unwrap_or_else(|| panic!("no candidate for the two spellings: {list}"));
    assert!(pair["score"].as_f64().unwrap() >= 0.8);
    let (a, b) = (pair["a"].as_str().unwrap(), pair["b"].as_str().unwrap());
    assert!(run(&db, &["entities", "merge", a, b]).status.success());
    let after: Value = serde_json::from_slice(
        &run(
            &db,
            &["--json", "entities", "candidates", "--min-score", "0.8"],
        )
        .stdout,
    )
    .unwrap();
    assert!(
        !after
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["a"] == a && c["b"] == b)
    );
    let merges: Value =
        serde_json::from_slice(&run(&db, &["--json", "entities", "merges"]).stdout).unwrap();
    let id = merges[0]["id"].as_i64().unwrap().to_string();
    assert!(run(&db, &["entities", "unmerge", &id]).status.success());
    let back: Value = serde_json::from_slice(
        &run(
            &db,
            &["--json", "entities", "candidates", "--min-score", "0.8"],
        )
        .stdout,
    )
    .unwrap();
    assert!(
        back.as_array()
            .unwrap()
            .iter()
            .any(|c| c["a"] == a && c["b"] == b)
    );
}
