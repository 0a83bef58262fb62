use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A small store: the first reports of the synthetic fusion corpus (three incidents).
fn small_store(dir: &Path) -> PathBuf {
    let db = dir.join("x.db");
    let lines: Vec<String> =
        std::fs::read_to_string(repo_root().join("crates/cli/tests/fixtures/fusion/reports.jsonl"))
            .unwrap()
            .lines()
            .take(8)
            .map(str::to_owned)
            .collect();
    let f = dir.join("r.jsonl");
    std::fs::write(&f, lines.join("\n")).unwrap();
    let o = run(&db, &["ingest", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

fn export(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn every_export_format_is_stable() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_store(dir.path());
    let csv = export(&db, &["export", "events", "--format", "acled-csv"]);
    insta::assert_snapshot!("acled_csv", csv);
    let geo: Value =
        serde_json::from_str(&export(&db, &["export", "events", "--format", "geojson"])).unwrap();
    insta::assert_json_snapshot!("geojson", geo);
    insta::assert_snapshot!(
        "graphml",
        export(&db, &["export", "network", "--format", "graphml"])
    );
    insta::assert_snapshot!(
        "gexf",
        export(&db, &["export", "network", "--format", "gexf"])
    );
    insta::assert_snapshot!("brief_md", export(&db, &["brief", "--title", "Test brief"]));
    let stix = export(&db, &["export", "events", "--format", "stix"]);
    insta::assert_snapshot!("stix", stix);
    // Re-export is byte for byte the same (deterministic ids and timestamps).
    assert_eq!(export(&db, &["export", "events", "--format", "stix"]), stix);
    // Filters narrow every format alike.
    let csv_rows = csv.lines().count() - 1;
    let kp = export(
        &db,
        &[
            "export",
            "events",
            "--format",
            "acled-csv",
            "--admin1",
            "Khyber Pakhtunkhwa",
        ],
    );
    assert!(kp.lines().count() - 1 < csv_rows, "{kp}");
    assert!(kp.lines().skip(1).all(|l| l.contains("Khyber Pakhtunkhwa")));
    // Bad combinations and bad filter values are refused with a reason.
    let o = run(&db, &["export", "mentions", "--format", "geojson"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("cannot be exported as"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &db,
        &[
            "export",
            "events",
            "--format",
            "geojson",
            "--certainty",
            "sure",
        ],
    );
    assert!(!o.status.success());
    let o = run(&db, &["export", "events", "--since", "May 2025"]);
    assert!(!o.status.success());
    let o = run(&db, &["export", "events", "--bbox", "71,30,70,31"]);
    assert!(!o.status.success());
    // A box around Bannu keeps only events placed in it.
    let geo: Value = serde_json::from_str(&export(
        &db,
        &[
            "export",
            "events",
            "--format",
            "geojson",
            "--bbox",
            "70.3,32.7,70.9,33.3",
        ],
    ))
    .unwrap();
    let features = geo["features"].as_array().unwrap();
    assert!(!features.is_empty());
    assert!(
        features
            .iter()
            .all(|f| f["properties"]["admin2"] == "Bannu"),
        "{geo}"
    );
}

#[test]
fn exports_pass_the_reference_validators() {
    let Some(python) = pyenv_python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let f = repo_root().join("crates/cli/tests/fixtures/fusion/reports.jsonl");
    assert!(run(&db, &["ingest", f.to_str().unwrap()]).status.success());
    let out = |name: &str| dir.path().join(name);
    for (args, file) in [
        (vec!["export", "events", "--format", "stix"], "bundle.json"),
        (
            vec!["export", "events", "--format", "geojson"],
            "events.geojson",
        ),
        (
            vec!["export", "network", "--format", "graphml"],
            "actors.graphml",
        ),
        (vec!["export", "network", "--format", "gexf"], "actors.gexf"),
    ] {
        let mut a = args.clone();
        let p = out(file);
        a.extend(["-o", p.to_str().unwrap()]);
        let o = run(&db, &a);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // STIX 2.1: the OASIS validator finds no errors (warnings, such as UUIDv5 ids, allowed).
    let script = r#"
import json, sys
from stix2validator import validate_file, ValidationOptions
r = validate_file(sys.argv[1], ValidationOptions(version="2.1"))
errors = [e.message for o in r.object_results for e in o.errors]
print(json.dumps({"valid": r.is_valid, "errors": errors[:20]}))
"#;
    let o = std::process::Command::new(&python)
        .args(["-c", script, out("bundle.json").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["valid"], true, "{v}");
    // GeoJSON: valid by the geojson package; networkx reads both network files alike.
    let script = r#"
import json, sys, geojson, networkx as nx
g = geojson.load(open(sys.argv[1]))
a = nx.read_graphml(sys.argv[2]); b = nx.read_gexf(sys.argv[3])
print(json.dumps({"geojson": g.is_valid, "features": len(g["features"]),
  "graphml": [a.number_of_nodes(), a.number_of_edges()], "gexf": [b.number_of_nodes(), b.number_of_edges()],
  "weights": sorted(d["weight"] for _, _, d in a.edges(data=True))[-3:]}))
"#;
    let o = std::process::Command::new(&python)
        .args([
            "-c",
            script,
            out("events.geojson").to_str().unwrap(),
            out("actors.graphml").to_str().unwrap(),
            out("actors.gexf").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["geojson"], true, "{v}");
    assert!(v["features"].as_u64().unwrap() > 50, "{v}");
    assert_eq!(v["graphml"], v["gexf"], "{v}");
    assert!(v["graphml"][1].as_u64().unwrap() > 10, "{v}");
}
