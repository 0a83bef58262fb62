//! `tessera eval` must agree with the independent scorer in `../shared/eval/scoring/`.

use crate::common::*;
use std::path::Path;
use std::process::Command;

fn python(script: &Path, args: &[&str]) -> String {
    let o = Command::new("python3")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        o.status.success(),
        "{}: {}",
        script.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn eval_agrees_with_the_shared_scorer_on_every_dev_set() {
    let Some(shared) = shared_dir() else { return };
    if !have_tool("python3") {
        return;
    }
    let scoring = shared.join("eval/scoring");
    let dir = tempfile::tempdir().unwrap();
    for (set, gold) in [
        ("acled", "acled_pakistan_2015.csv"),
        ("isaf", "isaf_press_releases.jsonl"),
        ("wiki", "wikipedia_major_incidents_pk_af.csv"),
        ("re3d", "re3d.jsonl"),
    ] {
        let gold = shared.join("eval/dev").join(gold);
        let gold_s = gold.to_str().unwrap();
        // The scorer's way: documents → ingest → export → score. `tessera eval` measures the
        // extractor, report by report, so it is compared with the export before fusion.
        let docs = dir.path().join(format!("{set}.jsonl"));
        python(
            &scoring.join("make_docs.py"),
            &[set, gold_s, docs.to_str().unwrap()],
        );
        let db = dir.path().join(format!("{set}.db"));
        let o = run(&db, &["ingest", docs.to_str().unwrap(), "--quiet"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let what = if set == "re3d" { "mentions" } else { "events" };
        let exported = dir.path().join(format!("{set}.{what}.jsonl"));
        let mut args = vec!["export", what, "-o", exported.to_str().unwrap()];
        if what == "events" {
            args.push("--unfused");
        }
        let o = run(&db, &args);
        assert!(o.status.success(), "{}", stderr(&o));
        let theirs = if set == "re3d" {
            python(
                &scoring.join("score_mentions.py"),
                &[gold_s, exported.to_str().unwrap()],
            )
        } else {
            python(
                &scoring.join("score_events.py"),
                &[set, gold_s, exported.to_str().unwrap()],
            )
        };
        // Ours, in memory.
        let o = tessera()
            .args([
                "--db",
                dir.path().join("none.db").to_str().unwrap(),
                "eval",
                set,
                gold_s,
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let ours = stdout(&o);
        assert_eq!(ours, theirs, "tessera eval {set} disagrees with the scorer");
        assert!(ours.lines().count() >= 4, "{ours}");
        // The targets already met stay met.
        let figure = |name: &str| -> f64 {
            let summary = ours
                .lines()
                .find(|l| l.starts_with("summary "))
                .unwrap_or_else(|| panic!("no summary line: {ours}"));
            summary
                .split_whitespace()
                .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("no {name} in {summary}"))
        };
        let floors: &[(&str, f64)] = match set {
            "acled" => &[
                ("event_found", 0.97),
                ("event_type", 0.85),
                ("admin1", 0.92),
                ("fatalities_exact", 0.90),
                ("fatalities_exact_nonzero", 0.80),
                ("actor1_type", 0.80),
                ("actor2_type", 0.70),
            ],
            "isaf" => &[
                ("province", 0.93),
                ("killed_exact", 0.85),
                ("killed_exact_nonzero", 0.75),
                ("captured_exact", 0.75),
                ("captured_exact_nonzero", 0.65),
                ("airstrike_f1", 0.85),
                ("detention_f1", 0.90),
            ],
            _ => &[],
        };
        for (name, floor) in floors {
            let got = figure(name);
            assert!(
                got >= *floor,
                "{set} {name} = {got}, below the target {floor}"
            );
        }
        if set == "re3d" {
            // "exact    P=0.736 R=0.512 F1=0.604"
            let f1 = |line: &str| -> f64 {
                ours.lines()
                    .find(|l| l.starts_with(line))
                    .and_then(|l| l.rsplit("F1=").next())
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or_else(|| panic!("no {line} F1 in {ours}"))
            };
            assert!(
                f1("exact") >= 0.60,
                "re3d exact F1 below the target 0.60: {ours}"
            );
            assert!(
                f1("lenient") >= 0.75,
                "re3d overlapping F1 below the target 0.75: {ours}"
            );
        }
    }
}

/// `tessera eval satp` scores the rows that carry a label: a threat is no attack, and a row
/// without labels is not counted.
#[test]
fn eval_satp_scores_labelled_rows() {
    let fixture = repo_root().join("crates/cli/tests/fixtures/satp_synthetic.jsonl");
    let dir = tempfile::tempdir().unwrap();
    let eval = |file: &Path| {
        let o = tessera()
            .args([
                "--db",
                dir.path().join("none.db").to_str().unwrap(),
                "eval",
                "satp",
            ])
            .arg(file)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    let out = eval(&fixture);
    let summary = out
        .lines()
        .find(|l| l.starts_with("summary satp "))
        .unwrap_or_else(|| panic!("{out}"));
    // Two armed assaults labelled, one found (the other was only threatened): F1 2/3.
    assert!(summary.contains("armed_assault_f1=0.667"), "{summary}");
    assert!(summary.contains("bombing_explosion_f1=1.000"), "{summary}");
    assert!(summary.contains("kidnapping_f1=1.000"), "{summary}");
    assert!(out.contains("(F1, positives=2)"), "{out}");
    // On the dev set, the figures measured when the set was added stay reached.
    let Some(shared) = shared_dir() else { return };
    let out = eval(&shared.join("eval/dev/satp_pk_af.jsonl"));
    for (name, floor) in [
        ("armed_assault_f1", 0.78),
        ("bombing_explosion_f1", 0.90),
        ("kidnapping_f1", 0.80),
    ] {
        let got: f64 = out
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {name}: {out}"));
        assert!(got >= floor, "satp {name} = {got}, below {floor}");
    }
}
