use crate::common::*;
use serde_json::Value;

fn records(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn acled_import_is_idempotent_and_round_trips_field_for_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let file = repo_root().join("crates/cli/tests/fixtures/acled_current_synthetic.csv");
    let o = run(&db, &["--json", "import", "acled", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["rows"].as_u64(), v["changed"].as_u64()),
        (Some(5), Some(5)),
        "{v}"
    );
    // Notes became documents and went through extraction.
    assert_eq!(stats(&db)["documents"], 5);
    assert!(stats(&db)["events"].as_u64().unwrap() >= 4);
    // Twice changes nothing.
    let o = run(&db, &["--json", "import", "acled", file.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["changed"], 0, "{v}");
    assert_eq!(v["documents"]["new"], 0, "{v}");
    // Export gives the rows back, field for field.
    let o = run(
        &db,
        &[
            "export",
            "events",
            "--format",
            "acled-csv",
            "--dataset",
            "acled",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let original = std::fs::read_to_string(&file).unwrap();
    assert_eq!(records(&stdout(&o)), records(&original));
    // The coded events are the dataset's claims, beside what the extractor read.
    let o = run(
        &db,
        &[
            "export",
            "events",
            "--format",
            "jsonl",
            "--dataset",
            "acled",
        ],
    );
    let first: Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(first["attributed_to"], "ACLED");
    assert_eq!(first["document_ids"][0], "acled:SYN1001");
}

#[test]
fn bad_acled_rows_are_reported_with_their_line_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let f = dir.path().join("bad.csv");
    let good = std::fs::read_to_string(
        repo_root().join("crates/cli/tests/fixtures/acled_current_synthetic.csv"),
    )
    .unwrap();
    let mut lines: Vec<&str> = good.lines().collect();
    let broken = lines[2].replacen("2025-05-15", "15th May", 1);
    lines[2] = &broken;
    std::fs::write(&f, lines.join("\n")).unwrap();
    let o = run(&db, &["import", "acled", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("bad.csv:3: event_date"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("4 rows"), "{}", stdout(&o));
}

#[test]
fn the_old_acled_layout_imports_into_current_columns() {
    let Some(shared) = shared_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let gold = shared.join("eval/dev/acled_pakistan_2015.csv");
    let o = run(&db, &["--json", "import", "acled", gold.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rows"], 883, "{v}");
    let o = run(
        &db,
        &[
            "export",
            "events",
            "--format",
            "acled-csv",
            "--dataset",
            "acled",
        ],
    );
    let rows = records(&stdout(&o));
    assert_eq!(rows.len(), 883);
    let first = &rows[0];
    assert_eq!(first[0], "1PAK");
    assert_eq!(first[1], "2015-01-01");
    assert_eq!(first[5], "Protests");
    assert_eq!(first[9], "Protesters");
}

#[test]
fn the_un_list_designates_ttp_iskp_haqqani_and_jua() {
    let Some(shared) = shared_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let list = shared.join("reference/designations/un_sc_consolidated_2025-08-16.xml");
    let o = run(
        &db,
        &["--json", "import", "un-sanctions", list.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let matched: Vec<(&str, &str)> = v["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["entity_id"].as_str().unwrap(), m["id"].as_str().unwrap()))
        .collect();
    for (actor, reference) in [
        ("actor:ttp", "un:QDe.132"),
        ("actor:iskp", "un:QDe.161"),
        ("actor:haqqani", "un:TAe.012"),
        ("actor:jua", "un:QDe.152"),
    ] {
        assert!(
            matched.contains(&(actor, reference)),
            "{actor} not designated: {matched:?}"
        );
    }
    // No silent merges: an abbreviation alone ("ISI" for al-Qaida in Iraq) links nothing.
    assert!(
        !matched.iter().any(|(a, _)| *a == "actor:isi"),
        "{matched:?}"
    );
    // Time-bounded facts on the entity.
    let o = run(&db, &["--json", "designations", "--entity", "actor:ttp"]);
    let list: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list[0]["listed_on"], "2011-07-29");
    assert_eq!(list[0]["authority"], "UN Security Council");
    // Idempotent.
    let again = shared.join("reference/designations/un_sc_consolidated_2025-08-16.xml");
    let o = run(
        &db,
        &["--json", "import", "un-sanctions", again.to_str().unwrap()],
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["changed"], 0, "{v}");
}

#[test]
fn a_national_csv_list_designates_by_alias() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let f = dir.path().join("nacta.csv");
    std::fs::write(
        &f,
        "authority,regime,reference,name,aliases,listed_on,delisted_on\n\
         Pakistan (synthetic list),ATA 1997 First Schedule,SYN-1,Balochistan Liberation Army,BLA,2006-04-07,\n\
         Pakistan (synthetic list),ATA 1997 First Schedule,SYN-2,No Such Group,,2020-01-01,\n\
         Pakistan (synthetic list),ATA 1997 First Schedule,SYN-3,Broken Row,,07/04/2006,\n",
    )
    .unwrap();
    let o = run(
        &db,
        &["--json", "import", "designations-csv", f.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["designations"], 2, "{v}");
    assert_eq!(v["matched"][0]["entity_id"], "actor:bla", "{v}");
    let o = run(&db, &["--json", "designations", "--unmatched"]);
    let list: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn ucdp_ged_imports_with_its_precisions() {
    let Some(shared) = shared_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("u.db");
    let ged = shared.join("reference/events/ucdp_ged_pakistan.csv");
    let o = run(&db, &["--json", "import", "ucdp", ged.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rows"], 6416, "the HXL row is skipped: {v}");
    let o = run(&db, &["--json", "import", "ucdp", ged.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["changed"], 0, "{v}");
    let o = run(&db, &["export", "events", "--dataset", "ucdp"]);
    let events: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 6416);
    assert!(events.iter().all(|e| e["attributed_to"] == "UCDP"));
    assert!(events.iter().any(|e| e["location"]["geo_precision"] == 3));
    assert!(
        events
            .iter()
            .any(|e| e["fatalities_high"].as_u64() > e["fatalities_low"].as_u64())
    );
    assert!(
        !run(
            &db,
            &[
                "export",
                "events",
                "--dataset",
                "ucdp",
                "--format",
                "acled-csv"
            ]
        )
        .status
        .success()
    );
}

#[test]
fn the_ofac_fto_extract_links_groups_but_never_by_a_foreign_army_alias() {
    let Some(shared) = shared_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let fto = shared.join("reference/designations/us_fto_from_ofac_sdn_2022-01.json");
    let o = run(&db, &["--json", "import", "ofac", fto.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["designations"], 75);
    let linked: Vec<&str> = v["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["entity_id"].as_str().unwrap())
        .collect();
    for actor in ["actor:ttp", "actor:haqqani", "actor:iskp", "actor:let"] {
        assert!(linked.contains(&actor), "{actor}: {linked:?}");
    }
    // Shining Path's alias "People's Liberation Army" names China's army too: not linked.
    assert!(!linked.contains(&"actor:mil-cn"), "{linked:?}");
}

#[test]
fn gdelt_events_import_for_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let f = dir.path().join("events.tsv");
    let record = |id: &str, day: &str, root: &str| {
        let mut c = vec![String::new(); 61];
        c[0] = id.into();
        c[1] = day.into();
        c[6] = "PAKISTAN".into();
        c[28] = root.into();
        c[30] = "-10".into();
        c[51] = "4".into();
        c[52] = "Bannu, North-West Frontier, Pakistan".into();
        c[53] = "PK".into();
        c[56] = "32.9853".into();
        c[57] = "70.604".into();
        c[60] = "https://synthetic.example/story".into();
        c.join("\t")
    };
    std::fs::write(
        &f,
        [
            record("1", "20250514", "19"),
            record("2", "20250514", "14"),
            "3\t2025".into(),
        ]
        .join("\n"),
    )
    .unwrap();
    let o = run(&db, &["--json", "import", "gdelt", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "one short record: {}", stderr(&o));
    assert!(
        stderr(&o).contains("events.tsv:3: 2 columns"),
        "{}",
        stderr(&o)
    );
    let o = run(&db, &["export", "events", "--dataset", "gdelt"]);
    let events: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["event_type"], "Battles");
    assert_eq!(events[0]["certainty"], "unknown");
    assert_eq!(events[1]["event_type"], "Protests");
}
