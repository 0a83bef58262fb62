use crate::common::*;
use std::time::{Duration, Instant};

#[test]
fn bad_inputs_are_reported_counted_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let fixtures = repo_root().join("crates/cli/tests/fixtures/bad");
    // First a good document, which the bad batch must not touch.
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Two FC soldiers were killed in Bajaur.").unwrap();
    assert!(
        run(&db, &["ingest", good.to_str().unwrap()])
            .status
            .success()
    );
    let before = stdout(&run(&db, &["show", "good.txt", "--json"]));

    let big = dir.path().join("big.txt");
    std::fs::write(&big, "word ".repeat(300)).unwrap();
    let o = run(
        &db,
        &[
            "ingest",
            fixtures.to_str().unwrap(),
            big.to_str().unwrap(),
            "--max-bytes",
            "1000",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "some inputs skipped: exit 1");
    let err = stderr(&o);
    for needle in [
        "invalid-utf8.txt: invalid UTF-8 at byte offset 21",
        "binary.txt: binary file",
        "broken.jsonl:2: invalid JSON",
        "broken.jsonl:3: field `text`",
        "empty.txt: empty document",
        "broken-feed.xml: malformed feed",
        "no-text.html: malformed HTML",
        "big.txt: 1500 bytes is over the limit of 1000",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    let v = stdout(&o);
    assert!(v.contains("2 new"), "the two good records went in: {v}");
    assert_eq!(stdout(&run(&db, &["show", "good.txt", "--json"])), before);
    assert!(run(&db, &["check"]).status.success());
}

fn big_jsonl(path: &std::path::Path, n: usize) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        writeln!(
            f,
            "{{\"id\":\"k{i}\",\"text\":\"Report {i}: militants of the TTP attacked a checkpost in Bajaur district on Monday, killing {} soldiers, police in Khar said. The Frontier Corps responded.\"}}",
            i % 7
        )
        .unwrap();
    }
}

#[test]
fn kill_9_during_ingest_leaves_a_sound_store_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let input = dir.path().join("big.jsonl");
    let n = 40_000;
    big_jsonl(&input, n);
    let mut child = tessera()
        .arg("--db")
        .arg(&db)
        .args([
            "ingest",
            input.to_str().unwrap(),
            "--batch-size",
            "64",
            "--quiet",
        ])
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill without warning.
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
        if db.exists()
            && std::fs::metadata(dir.path().join("t.db-wal")).is_ok_and(|m| m.len() > 200_000)
        {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    let o = run(&db, &["check"]);
    assert!(
        o.status.success(),
        "check after kill: {}{}",
        stdout(&o),
        stderr(&o)
    );
    let partial = stats(&db)["documents"].as_u64().unwrap();
    eprintln!("killed ({status}) after {partial} of {n} documents");
    let o = run(&db, &["ingest", input.to_str().unwrap(), "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["unchanged"].as_u64().unwrap(), partial);
    let s = stats(&db);
    assert_eq!(s["documents"].as_u64().unwrap(), n as u64);
    assert_eq!(
        s["document_versions"].as_u64().unwrap(),
        n as u64,
        "no duplicates"
    );
    assert!(run(&db, &["check"]).status.success());
}

#[test]
fn the_benchmark_measures_and_leaves_no_store_behind() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let text = "Unidentified gunmen shot dead two policemen in Quetta on Monday, police said. \
                Three militants were killed in an exchange of fire in North Waziristan.";
    let mut lines = String::new();
    for i in 0..20 {
        lines +=
            &serde_json::json!({"id": format!("b{i}"), "text": text, "published": "2025-03-10"})
                .to_string();
        lines.push('\n');
    }
    std::fs::write(&corpus, lines).unwrap();
    let bench = |corpus: &std::path::Path| {
        tessera()
            .env("TMPDIR", &tmp)
            .args(["--json", "bench"])
            .arg(corpus)
            .output()
            .unwrap()
    };
    let o = bench(&corpus);
    assert!(o.status.success(), "bench: {}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["documents"], 20);
    assert!(report["events"].as_u64().unwrap() >= 20, "{report}");
    assert!(report["extract_words_per_sec_one_core"].as_f64().unwrap() > 0.0);
    // Its throw-away store goes when it ends, and when it fails.
    let o = bench(&dir.path().join("missing.jsonl"));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("missing.jsonl"), "{}", stderr(&o));
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
