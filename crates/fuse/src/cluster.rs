//! Event clustering: blocking by day and country, a pair score over type, place, date, actors
//! and casualties, then greedy average-linkage merging under cannot-link constraints.

use crate::minhash::find;
use crate::{Decision, MergeReason};
use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use tessera_extract::text::dates::CALENDAR_WORDS;
use tessera_model::Event;
pub(crate) use tessera_model::km_between as km;

/// What clustering needs of one event, computed once.
#[derive(Debug, Clone)]
pub(crate) struct Features {
    /// Index of the event's report (document).
    pub report: usize,
    /// Day number (days from the common era), from the event date or else the report date.
    pub day: Option<i32>,
    /// Whether `day` came from the event's own date rather than the publication date.
    pub day_is_event_date: bool,
    pub class: Class,
    pub event_type: String,
    pub sub_event_type: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub place: Option<String>,
    pub coords: Option<(f64, f64)>,
    pub precision: u8,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    /// ACLED type of the target ("Civilians", "State forces"), named or not.
    pub target_type: Option<String>,
    /// Deaths as an interval: exact n is (n, n), "at least n" is (n, None).
    pub deaths: Option<(u32, Option<u32>)>,
    /// Term ids of the evidence sentences' words, sorted and unique.
    pub terms: Vec<u32>,
    /// Sum of the terms' IDF weights (set once IDF is known).
    pub term_weight: f64,
    /// Term ids of the capitalised words after "in", "near" or "at" in the evidence.
    pub place_terms: Vec<u32>,
    /// A denial or a claim: said after the incident, so its day may be a few days later.
    pub statement: bool,
    /// The report is the armed group's own statement.
    pub group_voice: bool,
    /// The top of each actor's line of parents (see `ActorNames::root`).
    pub actor_roots: [Option<String>; 2],
    /// Term ids of the resolved place's own name ("lakki", "marwat").
    pub place_name_terms: Vec<u32>,
    /// Term ids of the whole report's words, sorted and unique, shared by its events.
    pub report_terms: std::sync::Arc<Vec<u32>>,
}

/// The local names an event's words give after "in", "near" or "at", and its resolved
/// place's name.
fn place_names(f: &Features, resolved_too: bool) -> impl Iterator<Item = &u32> {
    let resolved: &[u32] = if resolved_too {
        &f.place_name_terms
    } else {
        &[]
    };
    f.place_terms.iter().chain(resolved)
}

/// Whether `a`'s report names `b`'s place ("near the boundary with Lakki Marwat", "the
/// convoy had just left Thall"): reports placing one incident in neighbouring towns.
fn names_place_of(a: &Features, b: &Features) -> bool {
    !b.place_name_terms.is_empty()
        && b.place_name_terms
            .iter()
            .all(|t| a.report_terms.binary_search(t).is_ok())
}

/// Words too common in reporting to tell incidents apart, beyond what IDF already discounts.
const STOP: &[&str] = &[
    "that", "with", "from", "were", "said", "have", "this", "their", "they", "when", "which",
    "after", "been", "also", "into", "about", "there", "would", "other", "where", "while",
];

/// Term ids for the words of a text, interning new words.
pub(crate) fn terms(text: &str, vocab: &mut FxHashMap<String, u32>) -> Vec<u32> {
    let mut out: Vec<u32> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| {
            let next = vocab.len() as u32;
            *vocab.entry(w).or_insert(next)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The IDF weight of a term set.
pub(crate) fn term_weight(t: &[u32], idf: &[f32]) -> f64 {
    t.iter().map(|&x| f64::from(idf[x as usize])).sum()
}

/// Words that follow "in" or "near" capitalised without naming a place (besides the
/// calendar's).
const NOT_PLACES: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "their",
    "its",
    "pakistan",
    "afghanistan",
    "province",
    "district",
];

/// Term ids of capitalised words named as a place: "in Mehraban Killay", "near the Tajori".
pub(crate) fn place_terms(text: &str, vocab: &mut FxHashMap<String, u32>) -> Vec<u32> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // Sentence-initial too: "In Musa Qal'ah district, an ISAF patrol was engaged".
        if !matches!(*w, "in" | "near" | "at" | "In" | "Near" | "At") {
            continue;
        }
        let mut k = i + 1;
        if words.get(k).is_some_and(|w| *w == "the") {
            k += 1;
        }
        for w in words.iter().skip(k).take(3) {
            if !w.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            let lower = w.to_lowercase();
            if NOT_PLACES.contains(&lower.as_str())
                || CALENDAR_WORDS.contains(&lower.as_str())
                || lower.chars().count() < 3
            {
                continue;
            }
            let next = vocab.len() as u32;
            out.push(*vocab.entry(lower).or_insert(next));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// IDF-weighted overlap of two sorted term sets: shared weight over the smaller set's weight.
fn term_overlap(a: &[u32], b: &[u32], (wa, wb): (f64, f64), idf: &[f32]) -> f64 {
    if wa == 0.0 || wb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += f64::from(idf[a[i] as usize]);
                i += 1;
                j += 1;
            }
        }
    }
    shared / wa.min(wb)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Violent,
    Demonstration,
    Strategic,
}

/// Lower-case letters and digits only: how places and names are compared.
pub(crate) fn norm(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub(crate) fn day_number(s: &str) -> Option<i32> {
    let d = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    Some(d.num_days_from_ce())
}

/// Actor names that say nobody in particular.
pub(crate) fn is_unidentified(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("unidentified")
        || n.starts_with("unknown")
        || n.starts_with("militants")
        || n.starts_with("gunmen")
        || n.starts_with("civilians")
        // Every crowd in a city is "Protesters (Pakistan)": the name tells none apart.
        || n.starts_with("protesters")
        || n.starts_with("rioters")
}

pub(crate) fn actor_key(
    a: Option<&tessera_model::Actor>,
    canon: &dyn Fn(&str) -> String,
) -> Option<String> {
    let a = a?;
    if is_unidentified(&a.name) {
        return None;
    }
    let raw = a
        .entity_id
        .as_ref()
        .map_or_else(|| norm(&a.name), |e| e.as_str().to_owned());
    Some(canon(&raw))
}

impl Features {
    pub(crate) fn of(
        e: &Event,
        report: usize,
        published: Option<&str>,
        canon: &dyn Fn(&str) -> String,
        terms: Vec<u32>,
    ) -> Features {
        let event_day = e.date.start.as_deref().and_then(day_number);
        let class = match e.event_type.as_str() {
            "Protests" | "Riots" => Class::Demonstration,
            "Strategic developments" => Class::Strategic,
            _ => Class::Violent,
        };
        let loc = &e.location;
        // Exact n is (n, n); "at least n" is (n, None), as the extractor records it.
        let deaths = e.fatalities.map(|best| match e.fatalities_low {
            Some(low) => (low, e.fatalities_high),
            None => (best, Some(best)),
        });
        Features {
            report,
            day: event_day.or_else(|| published.and_then(day_number)),
            // A day the report states; not its publication day standing in for one.
            day_is_event_date: event_day.is_some()
                && matches!(
                    e.date.date_type,
                    tessera_model::DateType::Exact | tessera_model::DateType::Range
                ),
            class,
            event_type: e.event_type.clone(),
            sub_event_type: e.sub_event_type.clone(),
            country: loc.country.as_deref().map(norm),
            admin1: loc.admin1.as_deref().map(norm),
            admin2: loc.admin2.as_deref().map(norm),
            place: loc.name.as_deref().map(norm),
            coords: loc.latitude.zip(loc.longitude),
            precision: loc.geo_precision.unwrap_or(3),
            actor1: actor_key(e.actor1.as_ref(), canon),
            actor2: actor_key(e.actor2.as_ref(), canon),
            target_type: e.actor2.as_ref().and_then(|a| a.actor_type.clone()),
            deaths,
            terms,
            term_weight: 0.0,
            place_terms: Vec::new(),
            statement: matches!(
                e.modality,
                tessera_model::Modality::Denied | tessera_model::Modality::Claimed
            ),
            group_voice: false,
            actor_roots: [None, None],
            place_name_terms: Vec::new(),
            report_terms: std::sync::Arc::default(),
        }
    }
}

/// The gap between two death intervals: 0 when they overlap.
pub(crate) fn deaths_gap(a: (u32, Option<u32>), b: (u32, Option<u32>)) -> u32 {
    let gap = |lo: (u32, Option<u32>), hi: (u32, Option<u32>)| match lo.1 {
        Some(top) if top < hi.0 => hi.0 - top,
        _ => 0,
    };
    gap(a, b).max(gap(b, a))
}

/// Score weights; they sum to 1.
/// Pairs scoring under this are not kept: they count as 0 in average linkage.
const SCORE_FLOOR: f64 = 0.5;
/// Members per cluster looked at when judging a merge by average linkage.
const LINKAGE_SAMPLE: usize = 24;

/// How many days after an incident a denial or claim of it may be dated.
const STATEMENT_DAYS: i32 = 3;

const W_TYPE: f64 = 0.20;
const W_PLACE: f64 = 0.28;
const W_DATE: f64 = 0.12;
const W_ACTORS: f64 = 0.10;
const W_DEATHS: f64 = 0.12;
const W_TEXT: f64 = 0.18;

/// How alike two events are, in 0..=1, with the reasons; `None` when they cannot be one
/// incident (same report, different kind of event, days or provinces apart).
pub(crate) fn compare(a: &Features, b: &Features, idf: &[f32]) -> Option<(f64, Vec<String>)> {
    let mut why = Vec::new();
    let s = score_pair(a, b, idf, Some(&mut why))?;
    Some((s, why))
}

/// The pair score; reasons are written only when asked for (scoring millions of pairs must
/// not allocate).
pub(crate) fn score_pair(
    a: &Features,
    b: &Features,
    idf: &[f32],
    mut why: Option<&mut Vec<String>>,
) -> Option<f64> {
    let explaining = why.is_some();
    let mut say = |f: &dyn Fn() -> String| {
        if let Some(w) = why.as_deref_mut() {
            w.push(f());
        }
    };
    // A group's or an official's statement ("Other" strategic development) may belong to the
    // attack it speaks of; otherwise kinds of event never mix.
    let statement_on_attack = |x: &Features, y: &Features| {
        x.class == Class::Strategic && x.sub_event_type == "Other" && y.class == Class::Violent
    };
    if a.report == b.report
        || (a.class != b.class && !statement_on_attack(a, b) && !statement_on_attack(b, a))
    {
        return None;
    }
    let (da, db) = (a.day?, b.day?);
    let days = (da - db).abs();
    // A denial or claim made up to three days after the incident it speaks of.
    let later_statement = (a.statement && da > db) || (b.statement && db > da);
    if days > 1 && !(later_statement && days <= STATEMENT_DAYS) {
        return None;
    }
    if let (Some(x), Some(y)) = (&a.country, &b.country)
        && x != y
    {
        return None;
    }
    if let (Some(x), Some(y)) = (&a.admin1, &b.admin1)
        && x != y
    {
        return None;
    }
    if a.class == Class::Strategic
        && b.class == Class::Strategic
        && a.sub_event_type != b.sub_event_type
    {
        return None;
    }
    // A device planted or carried to its target and a shell fired from afar are different
    // attacks, however close in time and place (a mine on a patrol and shelling of
    // villages in one district on one day).
    let delivered = |t: &str| {
        matches!(
            t,
            "Remote explosive/landmine/IED" | "Suicide bomb" | "Grenade"
        )
    };
    // Not air strikes: a quadcopter's dropped bomb is told as a drone strike by some and as
    // a blast by others.
    let fired = |t: &str| t == "Shelling/artillery/missile attack";
    if (delivered(&a.sub_event_type) && fired(&b.sub_event_type))
        || (fired(&a.sub_event_type) && delivered(&b.sub_event_type))
    {
        return None;
    }
    let type_score = if a.sub_event_type == b.sub_event_type {
        say(&|| format!("same sub-event type ({})", a.sub_event_type));
        1.0
    } else if a.event_type == b.event_type {
        say(&|| format!("same event type ({})", a.event_type));
        0.75
    } else {
        0.3
    };
    let precise = a.precision <= 2 && b.precision <= 2;
    let one_group_voice = a.group_voice != b.group_voice;
    // Places the reports name after "in", "near" or "at", whether or not the gazetteer knows
    // them: one report's village missing from the other's words tells two attacks apart.
    // The resolved place counts too, but only against an event placed in no province: two
    // resolved places are weighed by their distance below.
    let unplaced = a.admin1.is_none() != b.admin1.is_none();
    let names = |f| place_names(f, unplaced);
    let named_apart = names(a).next().is_some()
        && names(b).next().is_some()
        && !names(a).any(|t| names(b).any(|u| u == t) || b.terms.binary_search(t).is_ok())
        && !names(b).any(|t| a.terms.binary_search(t).is_ok());
    // Two neighbouring places, each report naming the other's (or one naming the other's
    // and no place of its own standing against it): one incident told from either side of
    // a district boundary.
    let cross_named = precise
        && a.place != b.place
        && (names_place_of(a, b) || names_place_of(b, a))
        && a.coords
            .zip(b.coords)
            .is_some_and(|(p, q)| km(p, q) < 100.0);
    let named_apart = named_apart && !cross_named;
    let place_score: f64 = match (&a.place, &b.place) {
        _ if cross_named => {
            say(&|| "one report names the other's place".into());
            0.6
        }
        _ if named_apart => {
            say(&|| "different places named".into());
            0.0
        }
        (Some(x), Some(y)) if x == y && precise => {
            say(&|| format!("same place ({x})"));
            1.0
        }
        _ => match (a.coords, b.coords) {
            (Some(p), Some(q)) if precise => {
                let d = km(p, q);
                say(&|| format!("{d:.0} km apart"));
                if d < 5.0 {
                    0.9
                } else if d < 15.0 {
                    0.6
                } else if d < 40.0 {
                    0.3
                } else if one_group_voice && d < 150.0 && a.admin1 == b.admin1 {
                    // A group's own claim often names another place in the province (its
                    // fighters' approach, a town it prefers to name); the province and the
                    // day must still agree.
                    0.45
                } else {
                    0.05
                }
            }
            _ => {
                if a.admin2.is_some() && a.admin2 == b.admin2 {
                    say(&|| "same district".into());
                    0.7
                } else if a.admin1.is_some() && a.admin1 == b.admin1 {
                    say(&|| "same province".into());
                    0.45
                } else {
                    0.3
                }
            }
        },
    };
    let date_score = match (days, a.day_is_event_date && b.day_is_event_date) {
        (0, true) => {
            say(&|| "same day".into());
            1.0
        }
        (0, false) => 0.7,
        (1, _) => {
            say(&|| "a day apart".into());
            0.5
        }
        _ => {
            say(&|| format!("said {days} days later"));
            0.4
        }
    };
    // A force and its branch ("Pakistan Army", "Military Forces of Pakistan") are one side.
    let family = |k: usize| a.actor_roots[k].is_some() && a.actor_roots[k] == b.actor_roots[k];
    let perpetrator = match (&a.actor1, &b.actor1) {
        (Some(x), Some(y)) if x == y => 1.0,
        (Some(_), Some(_)) if family(0) => 0.9,
        (Some(_), Some(_)) => 0.25,
        _ => 0.5,
    };
    // Victims of different kinds (police in one, civilians in the other) speak against one
    // incident more than differently named attackers, which reports often dispute.
    let target = match (&a.actor2, &b.actor2, &a.target_type, &b.target_type) {
        (Some(x), Some(y), _, _) if x == y => 1.0,
        (Some(_), Some(_), _, _) if family(1) => 0.9,
        (_, _, Some(x), Some(y)) if x == y => 0.75,
        (_, _, Some(_), Some(_)) => 0.0,
        _ => 0.5,
    };
    let actor_score = (perpetrator + target) / 2.0;
    if actor_score > 0.7 {
        say(&|| "same actors".into());
    }
    let deaths_score = match (a.deaths, b.deaths) {
        (Some(x), Some(y)) => {
            let gap = deaths_gap(x, y);
            let big = x.0.max(y.0).max(1);
            if gap < 2 {
                say(&|| "compatible death tolls".into());
                1.0
            } else if gap * 2 <= big || one_group_voice {
                // Tolls grow and disagree across reports of one incident, and a group's
                // claims of the enemy dead run high.
                0.6
            } else {
                0.3
            }
        }
        _ => 0.6,
    };
    let base = W_TYPE * type_score
        + W_PLACE * place_score
        + W_DATE * date_score
        + W_ACTORS * actor_score
        + W_DEATHS * deaths_score;
    if !explaining && base + W_TEXT < SCORE_FLOOR {
        // (An upper bound: the place penalty below only lowers it.)
        // Shared wording could not lift it to a pair worth keeping.
        return Some(base);
    }
    // Reports of one incident share its particulars (the village, the target, the vehicle);
    // look-alike incidents in one district share only the district's name.
    let overlap = term_overlap(&a.terms, &b.terms, (a.term_weight, b.term_weight), idf);
    let text_score = (overlap / 0.4).min(1.0);
    if text_score > 0.7 {
        say(&|| format!("shared wording ({overlap:.2})"));
    }
    // Naming different places, neither in the other's words, speaks against one incident
    // beyond a place score of zero.
    let apart_penalty = if named_apart { 0.15 } else { 0.0 };
    let score = base + W_TEXT * text_score - apart_penalty;
    // Every protest in a city on a day looks alike by type, place and actor ("Protesters
    // (Pakistan)"); only who marched and why tell them apart, so two demonstrations are one
    // only when their reports share some of those words.
    if a.class == Class::Demonstration && b.class == Class::Demonstration && overlap < 0.2 {
        say(&|| "demonstrations sharing few words".into());
        return Some(score.min(SCORE_FLOOR));
    }
    Some(score)
}

/// Cluster events: every index in exactly one cluster, clusters in order of first member.
///
/// `feats` are the units to cluster (an event, or identical events of copies of one wire
/// story), `reports_of` each unit's reports, `ids` each unit's label and `index` the unit of
/// every event id the analyst's decisions may name.
#[allow(clippy::too_many_arguments)]
pub(crate) fn cluster(
    feats: &[&Features],
    reports_of: &[Vec<usize>],
    idf: &[f32],
    ids: &[&str],
    index: &FxHashMap<&str, usize>,
    decisions: &[Decision],
    threshold: f64,
) -> (Vec<Vec<usize>>, FxHashMap<usize, Vec<MergeReason>>) {
    let n = feats.len();
    // Blocking: by day and province. An event is compared with the events of the same and the
    // next day in its province, and with those whose province is unknown; an event whose
    // province is unknown is compared with all of those days' events.
    let mut by_day: FxHashMap<i32, FxHashMap<Option<&str>, Vec<usize>>> = FxHashMap::default();
    for (i, f) in feats.iter().enumerate() {
        if let Some(d) = f.day {
            by_day
                .entry(d)
                .or_default()
                .entry(f.admin1.as_deref())
                .or_default()
                .push(i);
        }
    }
    let mut scores: FxHashMap<(usize, usize), f32> = FxHashMap::default();
    let mut score = |i: usize, j: usize| {
        if let Some(s) = score_pair(feats[i], feats[j], idf, None)
            && s >= SCORE_FLOOR
        {
            scores.insert((i.min(j), i.max(j)), s as f32);
        }
    };
    let empty = FxHashMap::default();
    let mut days: Vec<i32> = by_day.keys().copied().collect();
    days.sort_unstable();
    for d in &days {
        let today = &by_day[d];
        let tomorrow = by_day.get(&(d + 1)).unwrap_or(&empty);
        let mut provinces: Vec<&Option<&str>> = today.keys().collect();
        provinces.sort();
        for a1 in provinces {
            let evs = &today[a1];
            for (k, &i) in evs.iter().enumerate() {
                for &j in &evs[k + 1..] {
                    score(i, j);
                }
            }
            match a1 {
                Some(_) => {
                    for &i in evs {
                        for &j in today.get(&None).into_iter().flatten() {
                            score(i, j);
                        }
                        for &j in [tomorrow.get(a1), tomorrow.get(&None)]
                            .into_iter()
                            .flatten()
                            .flatten()
                        {
                            score(i, j);
                        }
                    }
                }
                None => {
                    for &i in evs {
                        for &j in tomorrow.values().flatten() {
                            score(i, j);
                        }
                    }
                }
            }
        }
    }

    // Denials and claims are also compared with the events of the days before them.
    for (i, f) in feats.iter().enumerate() {
        let Some(d) = f.day.filter(|_| f.statement) else {
            continue;
        };
        for back in 2..=STATEMENT_DAYS {
            let Some(then) = by_day.get(&(d - back)) else {
                continue;
            };
            for (a1, evs) in then {
                if f.admin1.is_none() || a1.is_none() || a1.as_deref() == f.admin1.as_deref() {
                    for &j in evs {
                        score(i, j);
                    }
                }
            }
        }
    }

    // The analyst's decisions come first and are never undone by the scores.
    let mut cannot: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut detached: FxHashSet<usize> = FxHashSet::default();
    let mut must: Vec<(usize, usize)> = Vec::new();
    for d in decisions {
        match d {
            Decision::SameIncident(a, b) => {
                if let (Some(&x), Some(&y)) = (index.get(a.as_str()), index.get(b.as_str())) {
                    must.push((x, y));
                }
            }
            Decision::DifferentIncident(a, b) => {
                if let (Some(&x), Some(&y)) = (index.get(a.as_str()), index.get(b.as_str())) {
                    cannot.insert((x.min(y), x.max(y)));
                }
            }
            Decision::Detach(a) => {
                if let Some(&x) = index.get(a.as_str()) {
                    detached.insert(x);
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut reports: Vec<FxHashSet<usize>> = reports_of
        .iter()
        .map(|r| r.iter().copied().collect())
        .collect();
    let mut reasons: FxHashMap<usize, Vec<MergeReason>> = FxHashMap::default();
    let union = |a: usize,
                 b: usize,
                 reason: MergeReason,
                 parent: &mut Vec<usize>,
                 members: &mut Vec<Vec<usize>>,
                 reports: &mut Vec<FxHashSet<usize>>,
                 reasons: &mut FxHashMap<usize, Vec<MergeReason>>| {
        let (ra, rb) = (find(parent, a), find(parent, b));
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        parent[gone] = keep;
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        let moved = std::mem::take(&mut reports[gone]);
        reports[keep].extend(moved);
        let mut r = reasons.remove(&gone).unwrap_or_default();
        r.push(reason);
        reasons.entry(keep).or_default().extend(r);
    };
    for &(a, b) in &must {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            let reason = MergeReason {
                events: [ids[a].to_owned(), ids[b].to_owned()],
                score: None,
                why: vec!["analyst: same incident".into()],
            };
            union(
                a,
                b,
                reason,
                &mut parent,
                &mut members,
                &mut reports,
                &mut reasons,
            );
        }
    }
    let mut pairs: Vec<((usize, usize), f32)> = scores
        .iter()
        .filter(|(_, s)| f64::from(**s) >= threshold)
        .map(|(k, s)| (*k, *s))
        .collect();
    pairs.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    for ((a, b), _) in pairs {
        if detached.contains(&a) || detached.contains(&b) {
            continue;
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        // Never two events of one report; never against an analyst's "different incidents".
        let (small, large) = if reports[ra].len() <= reports[rb].len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        if reports[small].iter().any(|r| reports[large].contains(r))
            || cannot.iter().any(|&(i, j)| {
                let (fi, fj) = (find(&mut parent, i), find(&mut parent, j));
                (fi == ra && fj == rb) || (fi == rb && fj == ra)
            })
        {
            continue;
        }
        // Average linkage: the clusters as a whole must look like one incident, so that one
        // vague report cannot chain two distinct attacks together. Large clusters are judged
        // on their first members.
        let (x, y) = (&members[ra], &members[rb]);
        let (x, y) = (
            &x[..x.len().min(LINKAGE_SAMPLE)],
            &y[..y.len().min(LINKAGE_SAMPLE)],
        );
        let total: f64 = x
            .iter()
            .flat_map(|&i| y.iter().map(move |&j| (i.min(j), i.max(j))))
            .map(|k| scores.get(&k).map_or(0.0, |s| f64::from(*s)))
            .sum();
        if total / ((x.len() * y.len()) as f64) < threshold {
            continue;
        }
        let (score, why) = compare(feats[a], feats[b], idf).unwrap_or_default();
        let reason = MergeReason {
            events: [ids[a].to_owned(), ids[b].to_owned()],
            score: Some((score * 1000.0).round() / 1000.0),
            why,
        };
        union(
            a,
            b,
            reason,
            &mut parent,
            &mut members,
            &mut reports,
            &mut reasons,
        );
    }
    let mut out: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_by_key(|m| m[0]);
    let reasons = out
        .iter()
        .enumerate()
        .filter_map(|(k, m)| {
            let root = find(&mut parent, m[0]);
            reasons.remove(&root).map(|r| (k, r))
        })
        .collect();
    (out, reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attack(report: usize, event_type: &str, sub_event_type: &str) -> Features {
        Features {
            report,
            day: Some(739_000),
            day_is_event_date: true,
            class: Class::Violent,
            event_type: event_type.into(),
            sub_event_type: sub_event_type.into(),
            country: Some("AF".into()),
            admin1: Some("Kunar".into()),
            admin2: Some("Dangam".into()),
            place: Some("dangam".into()),
            coords: Some((34.98, 71.42)),
            precision: 2,
            actor1: None,
            actor2: None,
            target_type: None,
            deaths: Some((3, Some(3))),
            terms: vec![1, 2, 3],
            term_weight: 3.0,
            place_terms: Vec::new(),
            place_name_terms: Vec::new(),
            report_terms: std::sync::Arc::default(),
            statement: false,
            group_voice: false,
            actor_roots: [None, None],
        }
    }

    #[test]
    fn a_planted_device_and_shelling_are_never_one_attack() {
        let idf = vec![1.0; 4];
        let mine = attack(
            0,
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        );
        let shells = attack(
            1,
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        );
        assert!(score_pair(&mine, &shells, &idf, None).is_none());
        assert!(score_pair(&shells, &mine, &idf, None).is_none());
        // A drone strike and a blast may be one attack told two ways.
        let drone = attack(1, "Explosions/Remote violence", "Air/drone strike");
        assert!(score_pair(&mine, &drone, &idf, None).is_some());
        let same = attack(
            1,
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        );
        assert!(score_pair(&mine, &same, &idf, None).unwrap() >= 0.7);
    }

    #[test]
    fn neighbouring_towns_are_one_place_when_a_report_names_the_other() {
        let idf = vec![1.0; 8];
        let mut bannu = attack(
            0,
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        );
        bannu.place = Some("bannu".into());
        bannu.coords = Some((32.99, 70.60));
        bannu.place_name_terms = vec![5];
        let mut lakki = attack(
            1,
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        );
        lakki.place = Some("lakkimarwat".into());
        lakki.coords = Some((32.61, 70.91));
        lakki.place_name_terms = vec![6, 7];
        let apart = score_pair(&bannu, &lakki, &idf, None).unwrap();
        // "near the boundary with Lakki Marwat" in the Bannu report.
        bannu.report_terms = std::sync::Arc::new(vec![5, 6, 7]);
        let named = score_pair(&bannu, &lakki, &idf, None).unwrap();
        assert!(named > apart + 0.1, "{apart} {named}");
    }

    #[test]
    fn a_denial_may_come_days_after_the_incident() {
        let idf = vec![1.0; 4];
        let strike = attack(0, "Explosions/Remote violence", "Air/drone strike");
        let mut denial = attack(1, "Explosions/Remote violence", "Air/drone strike");
        denial.day = strike.day.map(|d| d + 2);
        assert!(score_pair(&strike, &denial, &idf, None).is_none());
        denial.statement = true;
        assert!(score_pair(&strike, &denial, &idf, None).is_some());
        // Not before it, and not a week on.
        denial.day = strike.day.map(|d| d - 2);
        assert!(score_pair(&strike, &denial, &idf, None).is_none());
        denial.day = strike.day.map(|d| d + 7);
        assert!(score_pair(&strike, &denial, &idf, None).is_none());
    }

    #[test]
    fn a_groups_claim_may_inflate_the_toll_and_move_the_place() {
        let idf = vec![1.0; 4];
        let official = attack(0, "Battles", "Armed clash");
        let mut claim = attack(1, "Battles", "Armed clash");
        claim.deaths = Some((16, Some(16)));
        claim.place = Some("ormara".into());
        claim.coords = Some((35.9, 71.4));
        let media = score_pair(&official, &claim, &idf, None).unwrap();
        claim.group_voice = true;
        let group = score_pair(&official, &claim, &idf, None).unwrap();
        assert!(group > media + 0.1, "{media} {group}");
    }

    #[test]
    fn a_report_placed_only_in_the_country_is_apart_from_another_district() {
        let idf = vec![1.0; 12];
        // "In Musa Qal'ah district, …" resolved to no province, against Darzab, Jowzjan.
        let mut musa = attack(0, "Battles", "Armed clash");
        (musa.admin1, musa.admin2, musa.place, musa.coords) = (None, None, None, None);
        musa.precision = 3;
        musa.place_terms = vec![9, 10];
        let mut darzab = attack(1, "Battles", "Armed clash");
        darzab.place_name_terms = vec![11];
        let apart = score_pair(&musa, &darzab, &idf, None).unwrap();
        // The same report naming Darzab is not apart.
        musa.terms = vec![1, 2, 3, 11];
        let named = score_pair(&musa, &darzab, &idf, None).unwrap();
        assert!(named > apart + 0.1, "{apart} {named}");
    }

    #[test]
    fn death_interval_gaps() {
        assert_eq!(deaths_gap((12, Some(12)), (17, Some(17))), 5);
        assert_eq!(deaths_gap((14, None), (17, Some(17))), 0);
        assert_eq!(deaths_gap((12, Some(12)), (14, None)), 2);
        assert_eq!(deaths_gap((12, Some(15)), (13, Some(13))), 0);
    }
}
