use crate::DataSet;
use crate::gold::{Gold, GoldSpan, field};

/// What extraction gave for one document: its id, events (main first) and typed spans.
type Extracted = (String, Vec<Event>, Vec<(usize, usize, MentionType)>);
use rayon::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use tessera_engine::Engine;
use tessera_model::{Document, Event, MentionType, km_between as km};
use unicode_normalization::UnicodeNormalization;

/// One figure: a rate over `n` items, or an F1 over positives.
#[derive(Debug, Clone, PartialEq)]
pub enum Metric {
    /// `ok` of `n` items right.
    Rate {
        /// Name.
        name: String,
        /// Items right.
        ok: u64,
        /// Items scored.
        n: u64,
    },
    /// F1 of a flag against the gold flag.
    F1 {
        /// Name.
        name: String,
        /// True positives.
        tp: u64,
        /// False positives.
        fp: u64,
        /// False negatives.
        fn_: u64,
    },
    /// Precision, recall and F1 of spans.
    Prf {
        /// Name.
        name: String,
        /// Precision.
        p: f64,
        /// Recall.
        r: f64,
    },
}

impl Metric {
    /// A rate.
    pub fn rate(name: &str, ok: u64, n: u64) -> Self {
        Metric::Rate {
            name: name.into(),
            ok,
            n,
        }
    }

    /// Its name.
    pub fn name(&self) -> &str {
        match self {
            Metric::Rate { name, .. } | Metric::F1 { name, .. } | Metric::Prf { name, .. } => name,
        }
    }

    /// Its value (rate, F1).
    pub fn value(&self) -> f64 {
        match self {
            Metric::Rate { ok, n, .. } => {
                if *n == 0 {
                    f64::NAN
                } else {
                    *ok as f64 / *n as f64
                }
            }
            Metric::F1 { tp, fp, fn_, .. } => {
                let d = 2 * tp + fp + fn_;
                if d == 0 {
                    f64::NAN
                } else {
                    2.0 * *tp as f64 / d as f64
                }
            }
            Metric::Prf { p, r, .. } => {
                if p + r == 0.0 {
                    0.0
                } else {
                    2.0 * p * r / (p + r)
                }
            }
        }
    }
}

/// The figures of one run, printed as the shared scorer prints them.
#[derive(Debug, Clone)]
pub struct Report {
    /// Which set.
    pub set: DataSet,
    /// The figures.
    pub metrics: Vec<Metric>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in &self.metrics {
            match m {
                Metric::F1 { name, tp, fn_, .. } => writeln!(
                    f,
                    "{name:28} {:.3}  (F1, positives={})",
                    m.value(),
                    tp + fn_
                )?,
                Metric::Rate { name, n, .. } => writeln!(f, "{name:28} {:.3}  (n={n})", m.value())?,
                Metric::Prf { name, p, r } => {
                    writeln!(f, "{name:8} P={p:.3} R={r:.3} F1={:.3}", m.value())?
                }
            }
        }
        if self.set != DataSet::Re3d {
            let parts: Vec<String> = self
                .metrics
                .iter()
                .map(|m| format!("{}={:.3}", m.name(), m.value()))
                .collect();
            writeln!(f, "summary {} {}", self.set.as_str(), parts.join(" "))?;
        }
        Ok(())
    }
}

/// The scorer's normalisation: NFKD, ASCII only, lower case, letters only.
pub fn norm(s: &str) -> String {
    s.nfkd()
        .filter(|c| c.is_ascii())
        .flat_map(|c| c.to_lowercase())
        .filter(|c| c.is_ascii_lowercase())
        .collect()
}

fn admin1_aliases(gold: &str) -> Vec<&'static str> {
    match gold {
        "federallyadministeredtribalareas" => vec![
            "federallyadministeredtribalareas",
            "fata",
            "khyberpakhtunkhwa",
            "tribalareas",
        ],
        "khyberpakhtunkhwa" => vec![
            "khyberpakhtunkhwa",
            "nwfp",
            "northwestfrontierprovince",
            "kpk",
            "kp",
        ],
        "islamabadcapitalterritory" => vec!["islamabadcapitalterritory", "islamabad", "ict"],
        "azadjammuandkashmir" => vec!["azadjammuandkashmir", "azadkashmir", "ajk"],
        "balochistan" => vec!["balochistan", "baluchistan"],
        "gilgitbaltistan" => vec!["gilgitbaltistan", "northernareas"],
        "khost" => vec!["khost", "khowst"],
        "wardak" => vec!["wardak", "vardak", "maidanwardak"],
        "uruzgan" => vec!["uruzgan", "oruzgan", "orozgan"],
        "paktya" => vec!["paktya", "paktia"],
        "sarepul" => vec!["sarepul", "sarepol"],
        "ghor" => vec!["ghor", "ghowr"],
        "jawzjan" => vec!["jawzjan", "jowzjan"],
        "nimruz" => vec!["nimruz", "nimroz"],
        "daykundi" => vec!["daykundi", "daikundi"],
        "helmand" => vec!["helmand", "hilmand"],
        _ => vec![],
    }
}

/// `None` when the gold is empty, else whether the prediction names the gold province.
fn admin1_ok(gold: &str, pred: &str) -> Option<bool> {
    let (g, p) = (norm(gold), norm(pred));
    if g.is_empty() {
        return None;
    }
    let aliases = admin1_aliases(&g);
    Some(if aliases.is_empty() {
        p == g
    } else {
        aliases.contains(&p.as_str())
    })
}

fn acled_types(old: &str) -> Option<&'static [&'static str]> {
    Some(match old {
        "riotsprotests" => &["Protests", "Riots"],
        "battlenochangeofterritory"
        | "battlegovernmentregainsterritory"
        | "battlenonstateactorovertakesterritory"
        | "battles" => &["Battles"],
        "remoteviolence" | "explosionsremoteviolence" => &["Explosions/Remote violence"],
        "violenceagainstcivilians" => &["Violence against civilians"],
        "strategicdevelopment"
        | "strategicdevelopments"
        | "headquartersorbaseestablished"
        | "nonviolenttransferofterritory" => &["Strategic developments"],
        "protests" => &["Protests"],
        "riots" => &["Riots"],
        _ => return None,
    })
}

fn inter(code: &str) -> Option<&'static str> {
    Some(match code {
        "1" => "stateforces",
        "2" => "rebelgroup",
        "3" => "politicalmilitia",
        "4" => "identitymilitia",
        "5" => "rioters",
        "6" => "protesters",
        "7" => "civilians",
        "8" => "externalotherforces",
        _ => return None,
    })
}

fn inter_norm(t: &str) -> String {
    let mut t = norm(t);
    let keep = [
        "protesters",
        "rioters",
        "civilians",
        "stateforces",
        "externalotherforces",
    ];
    if t.ends_with('s') && !keep.contains(&t.as_str()) {
        t.pop();
    }
    match t.as_str() {
        "rebelgroups" => "rebelgroup",
        "politicalmilitias" => "politicalmilitia",
        "identitymilitias" => "identitymilitia",
        "protester" => "protesters",
        "rioter" => "rioters",
        "civilian" => "civilians",
        "stateforce" => "stateforces",
        "externalotherforce" => "externalotherforces",
        "externalforces" => "externalotherforces",
        "otherforces" => "externalotherforces",
        _ => return t,
    }
    .to_owned()
}

const GROUPS: &[(&str, &[&str])] = &[
    (
        "ttp",
        &[
            "tehrikitalibanpakistan",
            "tehreekitalibanpakistan",
            "tehreketalibanpakistan",
            "pakistanitaliban",
            "ttp",
        ],
    ),
    (
        "bla",
        &["balochliberationarmy", "balochistanliberationarmy", "bla"],
    ),
    (
        "iskp",
        &[
            "islamicstatekhorasanprovince",
            "islamicstatekhorasan",
            "iskp",
            "isk",
            "iskhorasan",
            "islamicstate",
            "isil",
            "isis",
            "daesh",
            "islamicstateofiraqandthelevantkhorasan",
        ],
    ),
    (
        "taliban",
        &["taliban", "afghantaliban", "islamicemirateofafghanistan"],
    ),
    ("jua", &["jamaatulahrar", "jamaatulahrar", "jua"]),
    ("lej", &["lashkarejhangvi", "lashkarijhangvi", "lej"]),
    ("haqqani", &["haqqaninetwork", "haqqani"]),
    ("bls", &["balochliberationfront", "blf"]),
];

fn group_of(name: &str) -> Option<String> {
    let n = norm(name);
    if n.is_empty() {
        return None;
    }
    for (canon, aliases) in GROUPS {
        if aliases
            .iter()
            .any(|a| *a == n || (a.len() > 5 && n.contains(a)))
        {
            return Some((*canon).to_owned());
        }
    }
    Some(format!("other:{n}"))
}

#[derive(Default)]
struct Tally {
    rates: BTreeMap<String, (u64, u64)>,
    flags: BTreeMap<String, (u64, u64, u64)>,
}

impl Tally {
    fn add(&mut self, name: &str, ok: Option<bool>) {
        if let Some(ok) = ok {
            let e = self.rates.entry(name.to_owned()).or_default();
            e.1 += 1;
            e.0 += u64::from(ok);
        }
    }
    fn flag(&mut self, name: &str, pred: bool, gold: bool) {
        let e = self.flags.entry(name.to_owned()).or_default();
        e.0 += u64::from(pred && gold);
        e.1 += u64::from(pred && !gold);
        e.2 += u64::from(gold && !pred);
    }
    fn metrics(self) -> Vec<Metric> {
        let mut out: Vec<Metric> = self
            .flags
            .into_iter()
            .map(|(name, (tp, fp, fn_))| Metric::F1 { name, tp, fp, fn_ })
            .collect();
        out.extend(
            self.rates
                .into_iter()
                .map(|(name, (ok, n))| Metric::Rate { name, ok, n }),
        );
        out
    }
}

fn s<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter()
        .try_fold(v, |v, k| v.get(k))
        .filter(|v| !v.is_null())
}

/// Run the extractor over the documents and score it against the gold, as the shared scorer
/// does on the project's exported events (the main event of a document is its event whose
/// evidence starts earliest in it).
pub fn evaluate(engine: &Engine, set: DataSet, docs: Vec<Document>, gold: &Gold) -> Report {
    let extracted: Vec<Extracted> = docs
        .into_par_iter()
        .map(|d| {
            let id = d.id.0.clone();
            let item = engine.extract(d);
            let mentions = item
                .annotations
                .mentions
                .iter()
                .map(|m| (m.span.begin, m.span.end, m.mention_type))
                .collect();
            let mut events = item.annotations.events;
            let first = |e: &Event| {
                e.evidence
                    .iter()
                    .filter(|x| x.document_id.0 == id)
                    .map(|x| x.begin)
                    .min()
                    .unwrap_or(1_000_000_000)
            };
            events.sort_by_key(|e| first(e));
            (id, events, mentions)
        })
        .collect();
    let events: HashMap<String, Vec<Value>> = extracted
        .iter()
        .map(|(id, evs, _)| {
            (
                id.clone(),
                evs.iter()
                    .map(|e| serde_json::to_value(e).unwrap_or(Value::Null))
                    .collect(),
            )
        })
        .collect();
    let empty = Vec::new();
    let mut t = Tally::default();
    let null = Value::Null;
    match gold {
        Gold::Acled(rows) => {
            for row in rows {
                let evs = events.get(field(row, "EVENT_ID_CNTY")).unwrap_or(&empty);
                let ev = evs.first().unwrap_or(&null);
                let found = !evs.is_empty();
                t.add("event_found", Some(found));
                let allowed = acled_types(&norm(field(row, "EVENT_TYPE")));
                t.add(
                    "event_type",
                    allowed.map(|a| {
                        ev.get("event_type")
                            .and_then(Value::as_str)
                            .is_some_and(|x| a.contains(&x))
                    }),
                );
                let pred_admin1 = s(ev, &["location", "admin1"])
                    .and_then(Value::as_str)
                    .unwrap_or("");
                t.add(
                    "admin1",
                    if found {
                        admin1_ok(field(row, "ADMIN1"), pred_admin1)
                    } else {
                        Some(false)
                    },
                );
                let gl = field(row, "LATITUDE")
                    .parse::<f64>()
                    .ok()
                    .zip(field(row, "LONGITUDE").parse::<f64>().ok());
                let pl = s(ev, &["location", "latitude"])
                    .and_then(Value::as_f64)
                    .zip(s(ev, &["location", "longitude"]).and_then(Value::as_f64));
                t.add(
                    "location_within_25km",
                    gl.map(|g| pl.is_some_and(|p| km(g, p) <= 25.0)),
                );
                let gf: i64 = field(row, "FATALITIES").parse().unwrap_or(0);
                let pf = ev.get("fatalities").and_then(Value::as_i64).unwrap_or(0);
                t.add("fatalities_exact", Some(found && pf == gf));
                t.add(
                    "fatalities_exact_nonzero",
                    (gf > 0).then_some(found && pf == gf),
                );
                for (col, key, name) in [
                    ("INTER1", "actor1", "actor1_type"),
                    ("INTER2", "actor2", "actor2_type"),
                ] {
                    let pred = s(ev, &[key, "type"]).and_then(Value::as_str).unwrap_or("");
                    t.add(name, inter(field(row, col)).map(|g| inter_norm(pred) == g));
                }
            }
        }
        Gold::Isaf(items) => {
            for (id, g) in items {
                let evs = events.get(id).unwrap_or(&empty);
                let ev = evs.first().unwrap_or(&null);
                t.add("event_found", Some(!evs.is_empty()));
                if let Some(sd) = g
                    .get("start_date")
                    .and_then(Value::as_str)
                    .filter(|x| !x.is_empty())
                {
                    let pd = s(ev, &["date", "start"])
                        .and_then(Value::as_str)
                        .unwrap_or("");
                    t.add("date_exact", Some(pd.get(..10).unwrap_or(pd) == sd));
                }
                let provs: Vec<&str> = g["province"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .filter(|p| !p.is_empty() && *p != "??" && !p.trim().contains(' '))
                    .collect();
                if !provs.is_empty() {
                    let preds: HashSet<String> = evs
                        .iter()
                        .map(|e| {
                            norm(
                                s(e, &["location", "admin1"])
                                    .and_then(Value::as_str)
                                    .unwrap_or(""),
                            )
                        })
                        .collect();
                    t.add(
                        "province",
                        Some(
                            !preds.is_empty()
                                && provs
                                    .iter()
                                    .any(|p| preds.iter().any(|x| admin1_ok(p, x) == Some(true))),
                        ),
                    );
                }
                let sum = |k: &str| {
                    evs.iter()
                        .map(|e| e.get(k).and_then(Value::as_i64).unwrap_or(0))
                        .sum::<i64>()
                };
                let gk = g.get("min_killed").and_then(Value::as_i64).unwrap_or(0);
                let gc = g.get("min_captured").and_then(Value::as_i64).unwrap_or(0);
                t.add("killed_exact", Some(sum("fatalities") == gk));
                t.add(
                    "killed_exact_nonzero",
                    (gk > 0).then_some(sum("fatalities") == gk),
                );
                t.add(
                    "captured_exact_nonzero",
                    (gc > 0).then_some(sum("arrested") == gc),
                );
                t.add("captured_exact", Some(sum("arrested") == gc));
                let has_sub = |x: &str| {
                    evs.iter().any(|e| {
                        norm(
                            e.get("sub_event_type")
                                .and_then(Value::as_str)
                                .unwrap_or(""),
                        ) == x
                    })
                };
                let truthy = |k: &str| {
                    g.get(k).is_some_and(|v| {
                        v.as_bool().unwrap_or(false) || v.as_i64().is_some_and(|n| n != 0)
                    })
                };
                t.flag(
                    "airstrike_f1",
                    has_sub("airdronestrike"),
                    truthy("airstrike"),
                );
                t.flag("detention_f1", has_sub("arrests"), truthy("captureq"));
            }
        }
        Gold::Wiki(rows) => {
            for (id, row) in rows {
                let evs = events.get(id).unwrap_or(&empty);
                let ev = evs.first().unwrap_or(&null);
                t.add("event_found", Some(!evs.is_empty()));
                if let Some(gp) = group_of(row.get("Perpetrator").map_or("", String::as_str))
                    .filter(|g| !g.starts_with("other:"))
                {
                    let mut names: Vec<&str> = s(ev, &["actor1", "name"])
                        .and_then(Value::as_str)
                        .into_iter()
                        .collect();
                    names.extend(
                        ev.get("associated_actors")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .filter_map(|a| a.get("name").and_then(Value::as_str)),
                    );
                    t.add(
                        "perpetrator",
                        Some(
                            names
                                .iter()
                                .any(|n| group_of(n).as_deref() == Some(gp.as_str())),
                        ),
                    );
                }
                for (col, key, name) in [
                    ("Dead", "fatalities", "dead_exact"),
                    ("Injured", "injured", "injured_exact"),
                ] {
                    let raw = row.get(col).map_or("", String::as_str);
                    let raw = if raw.is_empty() { "0" } else { raw };
                    if let Ok(g) = raw.parse::<f64>() {
                        t.add(
                            name,
                            Some(ev.get(key).and_then(Value::as_i64).unwrap_or(0) == g as i64),
                        );
                    }
                }
            }
        }
        Gold::Satp(rows) => {
            // Only rows with a label are scored: most rows carry none, though many tell an
            // attack (the labels are incomplete, and their order was inferred by the set's
            // publisher). Events that only threaten or plan do not count.
            for (id, labels) in rows {
                if !labels.iter().any(|l| *l) {
                    continue;
                }
                let evs = events.get(id).unwrap_or(&empty);
                let has = |kinds: &[&str]| {
                    evs.iter().any(|e| {
                        let happened = !matches!(
                            e.get("modality").and_then(Value::as_str),
                            Some("threatened" | "planned" | "denied")
                        );
                        happened
                            && e.get("sub_event_type")
                                .and_then(Value::as_str)
                                .is_some_and(|x| kinds.contains(&x))
                    })
                };
                t.flag(
                    "armed_assault_f1",
                    has(&["Armed clash", "Attack"]),
                    labels[0],
                );
                t.flag(
                    "bombing_explosion_f1",
                    has(&["Remote explosive/landmine/IED", "Suicide bomb", "Grenade"]),
                    labels[1],
                );
                t.flag(
                    "kidnapping_f1",
                    has(&["Abduction/forced disappearance"]),
                    labels[2],
                );
            }
        }
        Gold::Re3d(docs) => {
            let pred: HashMap<&str, HashSet<(usize, usize, &str)>> = extracted
                .iter()
                .map(|(id, _, ms)| {
                    let set = ms
                        .iter()
                        .filter_map(|(b, e, ty)| match ty {
                            MentionType::Org => Some((*b, *e, "ORG")),
                            MentionType::Per => Some((*b, *e, "PER")),
                            MentionType::Loc => Some((*b, *e, "LOC")),
                            MentionType::Norp => None,
                        })
                        .collect();
                    (id.as_str(), set)
                })
                .collect();
            return Report {
                set,
                metrics: score_mentions(docs, &pred),
            };
        }
    }
    Report {
        set,
        metrics: t.metrics(),
    }
}

fn prf(tp: u64, fp: u64, fn_: u64) -> (f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    (p, r)
}

fn score_mentions(
    gold: &[(String, Vec<GoldSpan>)],
    pred: &HashMap<&str, HashSet<(usize, usize, &str)>>,
) -> Vec<Metric> {
    let empty = HashSet::new();
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    let mut per: BTreeMap<&str, (u64, u64, u64)> = BTreeMap::new();
    let (mut ltp, mut lfp, mut lrec, mut total) = (0u64, 0u64, 0u64, 0u64);
    // The gold of a document is a set, as the scorer builds it.
    let mut seen_docs: HashMap<&str, HashSet<(usize, usize, &str)>> = HashMap::new();
    for (id, g) in gold {
        seen_docs.insert(
            id.as_str(),
            g.iter().map(|(b, e, t)| (*b, *e, t.as_str())).collect(),
        );
    }
    for (id, g) in &seen_docs {
        let p = pred.get(id).unwrap_or(&empty);
        tp += g.intersection(p).count() as u64;
        fp += p.difference(g).count() as u64;
        fn_ += g.difference(p).count() as u64;
        for ty in ["ORG", "PER", "LOC"] {
            let gt: HashSet<_> = g.iter().filter(|x| x.2 == ty).collect();
            let pt: HashSet<_> = p.iter().filter(|x| x.2 == ty).collect();
            let e = per.entry(ty).or_default();
            e.0 += gt.intersection(&pt).count() as u64;
            e.1 += pt.difference(&gt).count() as u64;
            e.2 += gt.difference(&pt).count() as u64;
        }
        for (b, e, t) in p {
            if g.iter().any(|(gb, ge, gt)| t == gt && b < ge && gb < e) {
                ltp += 1
            } else {
                lfp += 1
            }
        }
        for (gb, ge, gt) in g {
            total += 1;
            if p.iter().any(|(b, e, t)| t == gt && b < ge && gb < e) {
                lrec += 1;
            }
        }
    }
    let mut out = Vec::new();
    let (p, r) = prf(tp, fp, fn_);
    out.push(Metric::Prf {
        name: "exact".into(),
        p,
        r,
    });
    for ty in ["ORG", "PER", "LOC"] {
        let (a, b, c) = per.get(ty).copied().unwrap_or_default();
        let (p, r) = prf(a, b, c);
        out.push(Metric::Prf {
            name: ty.into(),
            p,
            r,
        });
    }
    let lp = if ltp + lfp > 0 {
        ltp as f64 / (ltp + lfp) as f64
    } else {
        0.0
    };
    let lr = if total > 0 {
        lrec as f64 / total as f64
    } else {
        0.0
    };
    out.push(Metric::Prf {
        name: "lenient".into(),
        p: lp,
        r: lr,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scorer_helpers_behave_like_the_python_ones() {
        assert_eq!(norm("Khyber Pakhtunkhwa"), "khyberpakhtunkhwa");
        assert_eq!(norm("Zōr Kōṯ"), "zorkot");
        assert_eq!(
            admin1_ok("Federally Administered Tribal Areas", "Khyber Pakhtunkhwa"),
            Some(true)
        );
        assert_eq!(admin1_ok("Paktya", "Paktia"), Some(true));
        assert_eq!(admin1_ok("", "Paktia"), None);
        assert_eq!(admin1_ok("Sindh", "Punjab"), Some(false));
        assert_eq!(inter_norm("Rebel groups"), "rebelgroup");
        assert_eq!(inter_norm("External/Other forces"), "externalotherforces");
        assert_eq!(inter_norm("State forces"), "stateforces");
        assert_eq!(
            group_of("Tehrik-i-Taliban Pakistan").as_deref(),
            Some("ttp")
        );
        assert_eq!(
            group_of("Islamic State Khorasan Province").as_deref(),
            Some("iskp")
        );
        assert!((km((33.0, 70.0), (33.0, 70.3)) - 27.97).abs() < 0.1);
    }
}
