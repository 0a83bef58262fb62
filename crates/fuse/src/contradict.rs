//! Contradictions between the reports of one incident: tolls, perpetrators, places, days and
//! denials. Copies of one wire story speak with one voice and never contradict each other.

use crate::ActorNames;
use crate::cluster::{Features, deaths_gap, is_unidentified, km};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tessera_model::{Certainty, Claim, DocId, Event, Modality, stable_id};

/// Which field reports disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// Death tolls that cannot both be true (intervals two or more apart).
    Fatalities,
    /// Different named groups said to have done it.
    Perpetrator,
    /// Different districts or towns more than 25 km apart.
    Location,
    /// Different days.
    Date,
    /// A denial against an assertion.
    Denial,
}

impl Field {
    /// Stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Fatalities => "fatalities",
            Field::Perpetrator => "perpetrator",
            Field::Location => "location",
            Field::Date => "date",
            Field::Denial => "denial",
        }
    }
}

/// One side of a contradiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// The documents that take this side.
    pub document_ids: Vec<DocId>,
    /// What they say, in words ("12 killed", "TTP").
    pub value: String,
    /// The report-level events and claims in conflict.
    pub items: Vec<String>,
}

/// Reports of one incident that disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contradiction {
    /// Stable id.
    pub id: String,
    /// The fused event.
    pub event_id: String,
    /// What they disagree on.
    pub field: Field,
    /// One side.
    pub side_a: Side,
    /// The other.
    pub side_b: Side,
}

/// A member of the fused event: its report-level event, features, wire group and document.
pub(crate) type Member<'a> = (&'a Event, &'a Features, usize, &'a DocId);

#[derive(Default, Clone)]
struct Acc {
    docs: Vec<DocId>,
    items: Vec<String>,
}
impl Acc {
    fn add(&mut self, d: &DocId, item: &str) {
        if !self.docs.contains(d) {
            self.docs.push(d.clone());
        }
        if !self.items.iter().any(|i| i == item) {
            self.items.push(item.to_owned());
        }
    }
    fn side(mut self, value: String) -> Side {
        self.docs.sort();
        self.items.sort();
        Side {
            document_ids: self.docs,
            value,
            items: self.items,
        }
    }
}

/// Two death figures that cannot both be true: two or more apart, or one apart when the
/// higher is "at least" (an exact 4 against "at least 5").
pub(crate) fn tolls_conflict(a: (u32, Option<u32>), b: (u32, Option<u32>)) -> bool {
    let gap = deaths_gap(a, b);
    let higher = if a.0 >= b.0 { a } else { b };
    gap >= 2 || (gap >= 1 && higher.1.is_none())
}

fn non_state(e: &Event) -> Option<&str> {
    let a = e.actor1.as_ref()?;
    let t = a.actor_type.as_deref().unwrap_or("");
    (!is_unidentified(&a.name)
        && !matches!(t, "State forces" | "Civilians" | "Protesters" | "Rioters"))
    .then_some(a.name.as_str())
}

pub(crate) fn find(
    event_id: &str,
    members: &[Member<'_>],
    claims: &[&Claim],
    names: &dyn ActorNames,
) -> Vec<Contradiction> {
    let canon = |s: &str| names.key(s);
    let mut out = Vec::new();
    let mut push = |field: Field, a: Side, b: Side| {
        out.push(Contradiction {
            id: stable_id("ct", &[event_id, field.as_str()]),
            event_id: event_id.to_owned(),
            field,
            side_a: a,
            side_b: b,
        });
    };
    // One voice per wire story: its first member speaks for it.
    let mut voices: Vec<&Member<'_>> = Vec::new();
    for m in members {
        if !voices.iter().any(|v| v.2 == m.2) {
            voices.push(m);
        }
    }

    // Tolls: the lowest interval against those two or more above it.
    let tolls: Vec<(&Member<'_>, (u32, Option<u32>))> = voices
        .iter()
        // A zero is what the extractor keeps for victims counted elsewhere, not a stated toll.
        .filter_map(|m| m.1.deaths.filter(|d| d.0 > 0).map(|d| (*m, d)))
        .collect();
    if let Some(low) = tolls
        .iter()
        .min_by_key(|t| (t.1.1.unwrap_or(u32::MAX), t.1.0))
    {
        let (mut a, mut b) = (Acc::default(), Acc::default());
        let (mut va, mut vb) = (Vec::new(), Vec::new());
        for (m, d) in &tolls {
            let words = match d.1 {
                Some(h) if h == d.0 => format!("{h}"),
                Some(h) => format!("{}-{h}", d.0),
                None => format!("at least {}", d.0),
            };
            if tolls_conflict(low.1, *d) {
                b.add(m.3, &m.0.id);
                vb.push(words);
            } else {
                a.add(m.3, &m.0.id);
                va.push(words);
            }
        }
        if !b.docs.is_empty() {
            va.dedup();
            vb.dedup();
            push(
                Field::Fatalities,
                a.side(format!("{} killed", va.join(", "))),
                b.side(format!("{} killed", vb.join(", "))),
            );
        }
    }

    // Who did it, by events and responsibility claims; who denies it.
    let mut asserted: BTreeMap<String, (String, Acc)> = BTreeMap::new();
    let mut denied: BTreeMap<String, (String, Acc)> = BTreeMap::new();
    for m in members {
        if let Some(name) = non_state(m.0)
            && m.0.certainty != Certainty::Denied
        {
            let key = m.1.actor1.clone().unwrap_or_else(|| canon(name));
            asserted
                .entry(key)
                .or_insert_with(|| (name.to_owned(), Acc::default()))
                .1
                .add(m.3, &m.0.id);
        }
    }
    for c in claims {
        let Some(doc) = c.evidence.first().map(|s| &s.document_id) else {
            continue;
        };
        let target = match c.predicate.as_str() {
            "claimed_responsibility_for" if c.certainty != Certainty::Denied => &mut asserted,
            "claimed_responsibility_for" | "denied_involvement_in" => &mut denied,
            _ => continue,
        };
        if is_unidentified(&c.subject) {
            continue;
        }
        target
            .entry(canon(&c.subject))
            .or_insert_with(|| (c.subject.clone(), Acc::default()))
            .1
            .add(doc, &c.id);
    }
    // A report that denies a group's role does not also assert it.
    for (key, (_, deny)) in &denied {
        if let Some((_, acc)) = asserted.get_mut(key) {
            let keep: Vec<usize> = (0..acc.docs.len())
                .filter(|&i| !deny.docs.contains(&acc.docs[i]))
                .collect();
            acc.docs = keep.iter().map(|&i| acc.docs[i].clone()).collect();
            if acc.docs.is_empty() {
                acc.items.clear();
            }
        }
    }
    asserted.retain(|_, (_, acc)| !acc.docs.is_empty());
    let mut denial_found = false;
    for (key, (name, deny)) in &denied {
        if let Some((_, assert)) = asserted.get(key) {
            denial_found = true;
            push(
                Field::Denial,
                assert.clone().side(format!("{name} did it")),
                deny.clone().side(format!("{name} denies it")),
            );
            break;
        }
    }
    // Different groups named, neither a faction of the other.
    let mut named: Vec<(&String, &(String, Acc))> = asserted.iter().collect();
    named.sort_by_key(|(_, (_, acc))| std::cmp::Reverse(acc.docs.len()));
    'outer: for (i, (ka, (na, a))) in named.iter().enumerate() {
        for (kb, (nb, b)) in &named[i + 1..] {
            // Reports disagree only when some report names one group and not the other: a
            // report that names both (a claim and a group it is said to be apart from) is not
            // two reports at odds.
            let only_a = a.docs.iter().any(|d| !b.docs.contains(d));
            let only_b = b.docs.iter().any(|d| !a.docs.contains(d));
            if !names.related(ka, kb) && only_a && only_b {
                push(
                    Field::Perpetrator,
                    a.clone().side(na.clone()),
                    b.clone().side(nb.clone()),
                );
                break 'outer;
            }
        }
    }
    // An event one report asserts and another denies happened (or denies its losses: "claims
    // of casualties are baseless").
    if !denial_found {
        let (mut a, mut b) = (Acc::default(), Acc::default());
        for c in claims {
            if c.certainty == Certainty::Denied
                && c.predicate == "states"
                && let Some(doc) = c.evidence.first().map(|s| &s.document_id)
            {
                b.add(doc, &c.id);
            }
        }
        for m in members {
            if m.0.modality == Modality::Denied || m.0.certainty == Certainty::Denied {
                b.add(m.3, &m.0.id);
            } else if m.0.modality == Modality::Occurred
                && m.0.certainty == Certainty::Certain
                && !b.docs.contains(m.3)
            {
                a.add(m.3, &m.0.id);
            }
        }
        if !a.docs.is_empty() && !b.docs.is_empty() {
            push(
                Field::Denial,
                a.side("it happened".into()),
                b.side("denied".into()),
            );
        }
    }

    // Places: towns more than 25 km apart in different districts.
    let placed: Vec<&&Member<'_>> = voices
        .iter()
        .filter(|m| m.0.location.name.is_some())
        .collect();
    if let Some(first) = placed.first() {
        let (mut a, mut b) = (Acc::default(), Acc::default());
        let mut other = None;
        for m in &placed {
            let apart = match (first.1.coords, m.1.coords) {
                (Some(p), Some(q)) => km(p, q) > 25.0,
                _ => false,
            };
            let districts_differ = match (&first.1.admin2, &m.1.admin2) {
                (Some(x), Some(y)) => x != y,
                _ => first.1.precision <= 2 && m.1.precision <= 2,
            };
            if apart && districts_differ {
                b.add(m.3, &m.0.id);
                other.get_or_insert_with(|| m.0.location.name.clone().unwrap_or_default());
            } else {
                a.add(m.3, &m.0.id);
            }
        }
        if let Some(other) = other {
            push(
                Field::Location,
                a.side(first.0.location.name.clone().unwrap_or_default()),
                b.side(other),
            );
        }
    }

    // Days: event dates read from the reports themselves.
    // A denial's or a claim's own day is when it was said, not when the incident happened.
    let dated: Vec<&&Member<'_>> = voices
        .iter()
        .filter(|m| {
            m.1.day_is_event_date && !matches!(m.0.modality, Modality::Denied | Modality::Claimed)
        })
        .collect();
    if let Some(first) = dated.iter().min_by_key(|m| m.1.day) {
        let (mut a, mut b) = (Acc::default(), Acc::default());
        let mut other = None;
        for m in &dated {
            if m.1.day == first.1.day {
                a.add(m.3, &m.0.id);
            } else {
                b.add(m.3, &m.0.id);
                other.get_or_insert_with(|| m.0.date.start.clone().unwrap_or_default());
            }
        }
        if let Some(other) = other {
            push(
                Field::Date,
                a.side(first.0.date.start.clone().unwrap_or_default()),
                b.side(other),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tolls_conflict;

    #[test]
    fn tolls_conflict_by_the_documented_rule() {
        assert!(tolls_conflict((12, Some(12)), (17, Some(17))));
        assert!(!tolls_conflict((12, Some(12)), (13, Some(13))));
        assert!(!tolls_conflict((14, None), (17, Some(17))));
        assert!(tolls_conflict((4, Some(4)), (5, None)));
        assert!(!tolls_conflict((12, Some(15)), (13, Some(13))));
    }
}
