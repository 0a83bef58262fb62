//! The third-party dev sets in `../shared/eval/dev`, converted by the scorer's own script.

use crate::common::*;
use std::path::Path;
use std::process::Command;

fn make_docs(shared: &Path, kind: &str, gold: &str, out: &Path) {
    let o = Command::new("python3")
        .arg(shared.join("eval/scoring/make_docs.py"))
        .arg(kind)
        .arg(shared.join("eval/dev").join(gold))
        .arg(out)
        .output()
        .expect("python3 runs");
    assert!(
        o.status.success(),
        "make_docs {kind}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn dev_sets_ingest_idempotently() {
    let Some(shared) = shared_dir() else { return };
    if !have_tool("python3") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut expected = 0u64;
    let mut files = Vec::new();
    for (kind, gold) in [
        ("acled", "acled_pakistan_2015.csv"),
        ("isaf", "isaf_press_releases.jsonl"),
        ("re3d", "re3d.jsonl"),
        ("wiki", "wikipedia_major_incidents_pk_af.csv"),
    ] {
        let out = dir.path().join(format!("{kind}.jsonl"));
        make_docs(&shared, kind, gold, &out);
        let lines = std::fs::read_to_string(&out).unwrap().lines().count() as u64;
        expected += lines;
        files.push(out);
    }
    let args: Vec<&str> = std::iter::once("ingest")
        .chain(files.iter().map(|f| f.to_str().unwrap()))
        .chain(["--json"])
        .collect();
    let o = run(&db, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stats(&db);
    // ACLED ids are unique per event; every line is one document.
    assert_eq!(s["documents"].as_u64().unwrap(), expected);
    assert!(s["mentions"].as_u64().unwrap() > expected, "{s}");
    let o = run(&db, &args);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["unchanged"].as_u64().unwrap(), expected);
    assert_eq!(v["summary"]["new"], 0);
    assert_eq!(stats(&db), s);
    assert!(run(&db, &["check"]).status.success());
}
