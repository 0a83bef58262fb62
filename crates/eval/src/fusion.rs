//! Measuring fusion against a corpus of multi-report incidents coded by hand: B-cubed
//! clustering of documents into incidents, contradiction detection per (incident, field), and
//! wire-copy detection per document pair.

use crate::EvalError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use tessera_engine::fuse::Fusion;
use tessera_engine::{Engine, FuseOptions, NoObserver};
use tessera_ingest::{ReadOptions, Reader};
use tessera_store::SqliteStore;

/// One coded incident.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldIncident {
    /// Incident id.
    pub id: String,
    /// Its reports.
    pub documents: Vec<String>,
    /// Fields its reports disagree on.
    #[serde(default)]
    pub contradictions: Vec<GoldContradiction>,
}

/// A coded contradiction.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldContradiction {
    /// `fatalities`, `perpetrator`, `location`, `date` or `denial`.
    pub field: String,
}

/// The gold file (`gold.json` beside `reports.jsonl`).
#[derive(Debug, Clone, Deserialize)]
pub struct FusionGold {
    /// Incidents.
    pub incidents: Vec<GoldIncident>,
    /// Groups of documents that are copies of one wire story.
    #[serde(default)]
    pub wire_groups: Vec<Vec<String>>,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn of(tp: usize, predicted: usize, gold: usize) -> Prf {
        let p = if predicted == 0 {
            1.0
        } else {
            tp as f64 / predicted as f64
        };
        let r = if gold == 0 {
            1.0
        } else {
            tp as f64 / gold as f64
        };
        Prf::new(p, r)
    }

    fn new(p: f64, r: f64) -> Prf {
        Prf {
            precision: p,
            recall: r,
            f1: if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            },
        }
    }
}

/// Fusion's scores on a coded corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FusionScore {
    /// Documents scored.
    pub documents: usize,
    /// Gold incidents.
    pub incidents: usize,
    /// Predicted document clusters.
    pub clusters: usize,
    /// B-cubed over documents (each document placed with its main event's incident).
    pub bcubed: Prf,
    /// Contradictions, as (incident, field) pairs.
    pub contradictions: Prf,
    /// Per field: (true positives, predicted, gold).
    pub contradictions_by_field: BTreeMap<String, (usize, usize, usize)>,
    /// Wire copies, as document pairs.
    pub wire_copies: Prf,
    /// Documents placed with another incident's documents: (document, its incident, others).
    pub wrong_merges: Vec<(String, String, Vec<String>)>,
}

/// Score a fusion result against the gold.
pub fn score_fusion(gold: &FusionGold, fusion: &Fusion) -> FusionScore {
    let incident_of: HashMap<&str, &str> = gold
        .incidents
        .iter()
        .flat_map(|i| i.documents.iter().map(move |d| (d.as_str(), i.id.as_str())))
        .collect();
    // A document's main event: its earliest evidence among violent and demonstration events,
    // else among any.
    let mut main: HashMap<String, (bool, usize, usize)> = HashMap::new();
    for (k, f) in fusion.events.iter().enumerate() {
        let strategic = f.event.event_type == "Strategic developments";
        for ev in &f.event.evidence {
            let key = (strategic, ev.begin, k);
            let slot = main.entry(ev.document_id.0.clone()).or_insert(key);
            if key < *slot {
                *slot = key;
            }
        }
    }
    let mut cluster_of: HashMap<&str, String> = HashMap::new();
    for d in incident_of.keys() {
        let c = main
            .get(*d)
            .map_or_else(|| format!("alone:{d}"), |m| format!("ev:{}", m.2));
        cluster_of.insert(d, c);
    }
    let mut members: HashMap<&str, Vec<&str>> = HashMap::new();
    for (d, c) in &cluster_of {
        members.entry(c.as_str()).or_default().push(d);
    }
    let (mut p, mut r) = (0.0, 0.0);
    let mut wrong = Vec::new();
    for (d, c) in &cluster_of {
        let pred = &members[c.as_str()];
        let inc = incident_of[d];
        let same = pred.iter().filter(|x| incident_of[**x] == inc).count() as f64;
        let gold_size = gold
            .incidents
            .iter()
            .find(|i| i.id == inc)
            .map_or(1, |i| i.documents.len()) as f64;
        p += same / pred.len() as f64;
        r += same / gold_size;
        let others: BTreeSet<String> = pred
            .iter()
            .filter(|x| incident_of[**x] != inc)
            .map(|x| incident_of[*x].to_owned())
            .collect();
        if !others.is_empty() {
            wrong.push((d.to_string(), inc.to_owned(), others.into_iter().collect()));
        }
    }
    wrong.sort();
    let n = cluster_of.len().max(1) as f64;
    let (bp, br) = (p / n, r / n);

    // Contradictions: the fused event's incident is the majority incident of its documents.
    let mut event_incident: HashMap<&str, &str> = HashMap::new();
    for f in &fusion.events {
        let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &f.event.document_ids {
            if let Some(i) = incident_of.get(d.as_str()) {
                *votes.entry(i).or_default() += 1;
            }
        }
        if let Some((i, _)) = votes
            .iter()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(**i)))
        {
            event_incident.insert(f.event.id.as_str(), i);
        }
    }
    let predicted: BTreeSet<(String, String)> = fusion
        .contradictions
        .iter()
        .filter_map(|c| {
            let i = event_incident.get(c.event_id.as_str())?;
            Some((i.to_string(), c.field.as_str().to_owned()))
        })
        .collect();
    let gold_pairs: BTreeSet<(String, String)> = gold
        .incidents
        .iter()
        .flat_map(|i| {
            i.contradictions
                .iter()
                .map(move |c| (i.id.clone(), c.field.clone()))
        })
        .collect();
    let mut by_field: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (_, f) in &predicted {
        by_field.entry(f.clone()).or_default().1 += 1;
    }
    for pair in &gold_pairs {
        let e = by_field.entry(pair.1.clone()).or_default();
        e.2 += 1;
        if predicted.contains(pair) {
            e.0 += 1;
        }
    }
    let tp = predicted.intersection(&gold_pairs).count();

    // Wire copies as pairs of documents.
    let pairs = |groups: &mut dyn Iterator<Item = Vec<String>>| -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for g in groups {
            for (k, a) in g.iter().enumerate() {
                for b in &g[k + 1..] {
                    out.insert((a.min(b).clone(), a.max(b).clone()));
                }
            }
        }
        out
    };
    let gold_copies = pairs(&mut gold.wire_groups.iter().cloned());
    let found_copies = pairs(
        &mut fusion
            .copy_groups
            .iter()
            .map(|g| g.iter().map(|d| d.0.clone()).collect::<Vec<_>>()),
    );
    let copy_tp = gold_copies.intersection(&found_copies).count();

    FusionScore {
        documents: cluster_of.len(),
        incidents: gold.incidents.len(),
        clusters: members.len(),
        bcubed: Prf::new(bp, br),
        contradictions: Prf::of(tp, predicted.len(), gold_pairs.len()),
        contradictions_by_field: by_field,
        wire_copies: Prf::of(copy_tp, found_copies.len(), gold_copies.len()),
        wrong_merges: wrong,
    }
}

/// Ingest `reports.jsonl` beside `gold.json` into a throw-away store, fuse (at `threshold`, or
/// the default) and score.
pub fn evaluate_fusion(
    engine: &Engine,
    gold_path: &Path,
    threshold: Option<f64>,
) -> Result<FusionScore, EvalError> {
    let text = std::fs::read_to_string(gold_path).map_err(|source| EvalError::Io {
        path: gold_path.display().to_string(),
        source,
    })?;
    let gold: FusionGold = serde_json::from_str(&text).map_err(|e| EvalError::Json {
        path: gold_path.display().to_string(),
        line: e.line(),
        message: e.to_string(),
    })?;
    let reports = gold_path.with_file_name("reports.jsonl");
    let file = std::fs::File::open(&reports).map_err(|source| EvalError::Io {
        path: reports.display().to_string(),
        source,
    })?;
    let mut store = SqliteStore::open_in_memory().map_err(|e| EvalError::Run {
        path: reports.display().to_string(),
        message: e.to_string(),
    })?;
    let reader = Reader::new(ReadOptions::default());
    let origin = reports.display().to_string();
    let fusion = engine
        .ingest(
            &mut store,
            |sink| reader.read_jsonl(file, &origin, sink),
            &mut NoObserver,
        )
        .map_err(|e| e.to_string())
        .and_then(|_| {
            engine
                .fusion(
                    &store,
                    FuseOptions {
                        as_of: None,
                        threshold,
                    },
                )
                .map_err(|e| e.to_string())
        })
        .map_err(|message| EvalError::Run {
            path: reports.display().to_string(),
            message,
        })?;
    Ok(score_fusion(&gold, &fusion))
}
