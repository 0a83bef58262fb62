use crate::common::*;

#[test]
fn sample_corpus_ingests_idempotently_and_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let reports = repo_root().join("examples/reports");
    let o = run(&db, &["ingest", reports.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("0 skipped"), "{out}");
    assert!(out.contains("places recognised"), "{out}");
    let first = stats(&db);
    assert!(first["documents"].as_u64().unwrap() >= 40, "{first}");
    assert!(first["mentions"].as_u64().unwrap() > 200, "{first}");
    assert!(first["entities"].as_u64().unwrap() > 30, "{first}");

    let o = run(&db, &["ingest", reports.to_str().unwrap(), "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["new"], 0);
    assert_eq!(v["summary"]["unchanged"], first["documents"]);
    assert_eq!(stats(&db), first);
    assert!(run(&db, &["check"]).status.success());
}

#[test]
fn changed_documents_become_new_versions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = dir.path().join("r.jsonl");
    std::fs::write(&f, "{\"id\":\"r1\",\"text\":\"Two killed in Quetta.\"}\n").unwrap();
    assert!(run(&db, &["ingest", f.to_str().unwrap()]).status.success());
    std::fs::write(
        &f,
        "{\"id\":\"r1\",\"text\":\"Three killed in Quetta, police said.\"}\n",
    )
    .unwrap();
    let o = run(&db, &["ingest", f.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["new_versions"], 1);
    let s = stats(&db);
    assert_eq!(
        (s["documents"].as_u64(), s["document_versions"].as_u64()),
        (Some(1), Some(2))
    );
    let old = run(&db, &["show", "r1", "--version", "1", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&old.stdout).unwrap();
    assert_eq!(v["document"]["text"], "Two killed in Quetta.");
    let cur = stdout(&run(&db, &["show", "r1"]));
    assert!(cur.contains("[Quetta](LOC gn:"), "{cur}");
}

#[test]
fn stdin_jsonl_and_listing() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut child = tessera()
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\":\"a\",\"text\":\"BLA fighters attacked Turbat.\",\"published\":\"2025-01-02\",\"source\":\"Dawn\"}\n{\"id\":\"b\",\"text\":\"Calm.\",\"source\":\"Geo\"}\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let o = run(&db, &["docs", "--source", "Dawn", "--json"]);
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "a");
    // BLA and Turbat from the lists, and "BLA fighters" as a group phrase.
    assert_eq!(lines[0]["mentions"], 3);
    let o = run(&db, &["export", "mentions"]);
    let ms: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|m| !m["entity_id"].is_null())
        .collect();
    assert_eq!(ms[0]["text"], "BLA");
    assert_eq!(ms[0]["type"], "ORG");
    assert_eq!(ms[1]["type"], "LOC");
    assert_eq!(
        (ms[1]["begin"].as_u64(), ms[1]["end"].as_u64()),
        (Some(22), Some(28))
    );
}

#[test]
fn reextract_rebuilds_the_same_derived_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let reports = repo_root().join("examples/reports");
    assert!(
        run(&db, &["ingest", reports.to_str().unwrap()])
            .status
            .success()
    );
    let before = stats(&db);
    let mentions_before = stdout(&run(&db, &["export", "mentions"]));
    let o = run(&db, &["reextract"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stats(&db), before);
    assert_eq!(stdout(&run(&db, &["export", "mentions"])), mentions_before);
}

#[test]
fn reading_commands_refuse_a_missing_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let o = run(&db, &["stats"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no store at"), "{}", stderr(&o));
    assert!(!db.exists());
    let o = tessera().args(["ingest"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "usage errors exit 2");
}
