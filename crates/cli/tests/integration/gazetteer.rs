use crate::common::*;

#[test]
fn lookup_and_user_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(&db, &["gazetteer", "lookup", "Khowst"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Khost"), "{}", stdout(&o));
    assert_eq!(
        run(&db, &["gazetteer", "lookup", "Atlantis Prime"])
            .status
            .code(),
        Some(1)
    );

    // A user's GeoNames extract adds a place; a user's actor file adds an actor.
    let gn = dir.path().join("XX.txt");
    std::fs::write(
        &gn,
        "9000001\tZarghun Ghar\tZarghun Ghar\tZarghoon\t30.3\t67.4\tP\tPPL\tPK\t\t02\t\t\t\t1200\t\t\t\t2024-01-01\nbad line\n",
    )
    .unwrap();
    let o = run(
        &db,
        &["gazetteer", "import", "geonames", gn.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1), "one bad row is reported");
    assert!(stderr(&o).contains("XX.txt:2"), "{}", stderr(&o));
    let actors = dir.path().join("mine.tsv");
    std::fs::write(
        &actors,
        "id\tname\tkind\tacled_type\tcountry\tparent\taliases\nactor:user-lm\tLashkar Mirza\tarmed_group\tRebel group\tPK\t\tLM Group\n",
    )
    .unwrap();
    assert!(
        run(
            &db,
            &["gazetteer", "import", "actors", actors.to_str().unwrap()]
        )
        .status
        .success()
    );
    let f = dir.path().join("r.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"r\",\"text\":\"The LM Group attacked Zarghoon.\"}\n",
    )
    .unwrap();
    assert!(run(&db, &["ingest", f.to_str().unwrap()]).status.success());
    let ms = stdout(&run(&db, &["export", "mentions"]));
    assert!(ms.contains("actor:user-lm"), "{ms}");
    assert!(ms.contains("gn:9000001"), "{ms}");
}

/// "eastern Aleppo" and "Mastung, Balochistan" are place expressions of their own beside the
/// place the lists resolve; a list of places, a town beside another country's name and a
/// longer name ("southern Kirkuk Province") are not.
/// The mentions of one report ingested into a fresh store.
fn mentions_of(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = dir.path().join("r.jsonl");
    let doc = serde_json::json!({"id": "r", "text": text});
    std::fs::write(&f, format!("{doc}\n")).unwrap();
    assert!(run(&db, &["ingest", f.to_str().unwrap()]).status.success());
    stdout(&run(&db, &["export", "mentions"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn place_expressions_hold_the_place() {
    let ms: Vec<serde_json::Value> = mentions_of(
        "Aid reached eastern Aleppo. A bomb hit Mastung, Balochistan, and north-western Pakistan. Envoys met in Quetta, Afghanistan, Kabul, Lahore, and southern Kirkuk Province.",
    )
    .into_iter()
    .filter(|m| m["type"] == "LOC")
    .collect();
    let unresolved: Vec<&str> = ms
        .iter()
        .filter(|m| m["entity_id"].is_null())
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        unresolved,
        [
            "eastern Aleppo",
            "Mastung, Balochistan",
            "north-western Pakistan",
            // A name the name stage finds.
            "Kirkuk Province"
        ],
        "{ms:#?}"
    );
    // The places themselves are still there, resolved.
    for place in [
        "Aleppo",
        "Mastung",
        "Balochistan",
        "Pakistan",
        "Quetta",
        "Kabul",
    ] {
        assert!(
            ms.iter()
                .any(|m| m["text"] == place && !m["entity_id"].is_null()),
            "{place}: {ms:#?}"
        );
    }
}

/// A people named by its plural ("Syrians") is a group of people as well as a nationality;
/// the singular and "non-Sindhis" are not.
#[test]
fn a_people_named_by_its_plural_is_a_group() {
    let typed: Vec<(String, String)> =
        mentions_of("Syrians fled to Jordan. A Syrian doctor said non-Sindhis were settled.")
            .into_iter()
            .map(|m| {
                (
                    m["text"].as_str().unwrap().to_owned(),
                    m["type"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
    let has = |text: &str, ty: &str| typed.iter().any(|(t, y)| t == text && y == ty);
    assert!(has("Syrians", "ORG") && has("Syrians", "NORP"), "{typed:?}");
    assert!(!has("Syrian", "ORG"), "{typed:?}");
    assert!(!has("Sindhis", "ORG"), "{typed:?}");
}
