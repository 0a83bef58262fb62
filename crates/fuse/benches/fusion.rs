//! Fusion of 100,000 events: `cargo bench -p tessera-fuse`.
//!
//! A synthetic store: 60,000 incidents over 1,000 days in 40 provinces, a third of them told by
//! two to four reports (independent rewrites, with tolls that differ), every report with its own
//! text. Prints the time and checks the result: every report fused, incidents recovered.

use std::time::Instant;
use tessera_fuse::{FusionInput, Report, SourceKind, fuse};
use tessera_model::{
    Actor, Certainty, DateGranularity, DateType, DocId, Event, EventDate, EventLocation,
    EvidenceRef, Modality,
};

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const TYPES: &[(&str, &str)] = &[
    ("Explosions/Remote violence", "Suicide bomb"),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
];

fn main() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let vocabulary: Vec<String> = (0..20_000).map(|i| format!("word{i}")).collect();
    let mut texts: Vec<(DocId, String, String)> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut incidents = 0usize;
    while events.len() < 100_000 {
        incidents += 1;
        let day = rng.below(1000);
        let date = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap() + chrono::Days::new(day);
        let province = rng.below(40);
        let place = rng.below(500);
        let (event_type, sub) = TYPES[rng.below(TYPES.len() as u64) as usize];
        let dead = rng.below(20) as u32;
        let particulars: Vec<&str> = (0..8)
            .map(|_| vocabulary[rng.below(20_000) as usize].as_str())
            .collect();
        let reports = if rng.below(3) == 0 {
            2 + rng.below(3)
        } else {
            1
        };
        for r in 0..reports {
            let n = events.len();
            let doc = DocId(format!("doc-{n}"));
            let mut words: Vec<&str> = particulars.clone();
            words.extend((0..70).map(|_| vocabulary[rng.below(20_000) as usize].as_str()));
            let text = words.join(" ");
            let len = text.chars().count();
            let lat = 30.0 + (place % 50) as f64 * 0.1 + province as f64 * 0.01;
            let lon = 65.0 + (place / 50) as f64 * 0.1;
            events.push(Event {
                id: format!("ev-{n}"),
                document_ids: vec![doc.clone()],
                event_type: event_type.into(),
                sub_event_type: sub.into(),
                disorder_type: "Political violence".into(),
                cameo_code: None,
                goldstein: None,
                modality: Modality::Occurred,
                date: EventDate {
                    start: Some(date.to_string()),
                    end: Some(date.to_string()),
                    granularity: DateGranularity::Day,
                    date_type: DateType::Exact,
                },
                location: EventLocation {
                    name: Some(format!("place-{place}")),
                    admin1: Some(format!("province-{province}")),
                    admin2: Some(format!("district-{}", place / 10)),
                    country: Some("Pakistan".into()),
                    latitude: Some(lat),
                    longitude: Some(lon),
                    geo_precision: Some(1),
                },
                actor1: Some(Actor {
                    name: format!("group-{}", rng.below(30)),
                    entity_id: None,
                    actor_type: Some("Rebel group".into()),
                }),
                actor2: Some(Actor {
                    name: "Civilians (Pakistan)".into(),
                    entity_id: None,
                    actor_type: Some("Civilians".into()),
                }),
                associated_actors: vec![],
                fatalities: Some(dead + r as u32 % 2),
                fatalities_low: None,
                fatalities_high: None,
                injured: None,
                arrested: None,
                certainty: Certainty::Certain,
                attributed_to: None,
                evidence: vec![EvidenceRef {
                    document_id: doc.clone(),
                    begin: 0,
                    end: len,
                }],
            });
            texts.push((doc, format!("source-{}", rng.below(50)), text));
        }
    }
    let reports: Vec<Report<'_>> = texts
        .iter()
        .map(|(doc, source, text)| Report {
            doc_id: doc.clone(),
            source: Some(source.clone()),
            kind: SourceKind::Media,
            published: None,
            ingested_at: None,
            text,
        })
        .collect();
    let input = FusionInput {
        reports,
        events,
        ..FusionInput::default()
    };
    let started = Instant::now();
    let fusion = fuse(&input);
    let seconds = started.elapsed().as_secs_f64();
    let reports_fused: usize = fusion.events.iter().map(|e| e.fusion.members.len()).sum();
    println!(
        "fusion: {} events from {} reports ({} incidents generated) in {seconds:.2} s",
        fusion.events.len(),
        input.events.len(),
        incidents
    );
    // The benchmark checks its own work: nothing lost, and close to the generated incidents.
    assert_eq!(reports_fused, input.events.len());
    let ratio = fusion.events.len() as f64 / incidents as f64;
    assert!(
        (0.9..1.15).contains(&ratio),
        "{} fused vs {incidents} incidents",
        fusion.events.len()
    );
}
