//! Candidates for merging actors and persons across spellings and transliterations
//! (Tehreek / Tehrik / Tahrik, Baloch / Baluch, Hafiz Gul Bahadur / Gul Bahadar), scored for an
//! analyst to review. Nothing here merges anything.

use rustc_hash::FxHashMap;
use serde::Serialize;
use tessera_model::DocId;

/// One spelling of a name, where it was read.
#[derive(Debug, Clone)]
pub struct NameUse {
    /// The name as written.
    pub name: String,
    /// The entity it resolved to, if any.
    pub entity_id: Option<String>,
    /// The document it was read in.
    pub document_id: DocId,
}

/// A pair of names that may be one entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// One name.
    pub a: String,
    /// The other.
    pub b: String,
    /// Similarity, 0..=1.
    pub score: f64,
    /// Why they look alike.
    pub why: String,
    /// Entity ids the names resolved to, when any.
    pub entity_a: Option<String>,
    /// See `entity_a`.
    pub entity_b: Option<String>,
    /// The first document that introduced each name.
    pub first_documents: [DocId; 2],
    /// How often each name was read.
    pub uses: [usize; 2],
}

/// Connecting words that carry no identity ("-i-", "-e-", "ul").
const FILLERS: &[&str] = &["i", "e", "ul", "al", "el", "the", "of", "and", "a"];

/// A token's consonant skeleton: lower-case ASCII, vowels and `y`/`w`/`h` after the first
/// letter dropped, doubled letters collapsed (tehreek, tehrik, tahrik → trk).
pub fn skeleton(token: &str) -> String {
    let t: String = deunicode::deunicode(token)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut out = String::new();
    for (i, c) in t.chars().enumerate() {
        if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | 'h') {
            continue;
        }
        let c = match c {
            'q' => 'k',
            'z' => 's',
            other => other,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn tokens(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && !FILLERS.contains(&t.to_lowercase().as_str()))
        .map(skeleton)
        .filter(|t| !t.is_empty())
        .collect()
}

/// How alike two names are: the share of the shorter name's skeleton tokens found in the
/// longer one, with a small bonus when the whole skeletons are equal.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    let hit = short.iter().filter(|t| long.contains(t)).count();
    let share = hit as f64 / short.len() as f64;
    // Names of one token must match whole; longer names may drop a word (Hafiz).
    let length_penalty = (long.len() - short.len()) as f64 * 0.05;
    (share - length_penalty).clamp(0.0, 1.0)
}

/// Pairs of distinct spellings scoring at least `min_score`, best first. Pairs that resolved
/// to the same entity are already one and are left out.
pub fn candidates(uses: &[NameUse], min_score: f64) -> Vec<Candidate> {
    struct Seen {
        entity: Option<String>,
        first: DocId,
        uses: usize,
    }
    let mut names: FxHashMap<String, Seen> = FxHashMap::default();
    let mut order: Vec<String> = Vec::new();
    for u in uses {
        let name = u.name.split_whitespace().collect::<Vec<_>>().join(" ");
        match names.get_mut(&name) {
            Some(s) => {
                s.uses += 1;
                if u.document_id < s.first {
                    s.first = u.document_id.clone();
                }
            }
            None => {
                order.push(name.clone());
                names.insert(
                    name,
                    Seen {
                        entity: u.entity_id.clone(),
                        first: u.document_id.clone(),
                        uses: 1,
                    },
                );
            }
        }
    }
    order.sort();
    // Block on skeleton tokens so that only names sharing one are compared.
    let mut by_token: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, n) in order.iter().enumerate() {
        let mut ts = tokens(n);
        ts.sort();
        ts.dedup();
        for t in ts.into_iter().filter(|t| t.len() >= 3) {
            by_token.entry(t).or_default().push(i);
        }
    }
    let mut pairs: rustc_hash::FxHashSet<(usize, usize)> = Default::default();
    for ids in by_token.values().filter(|v| v.len() <= 200) {
        for (k, &i) in ids.iter().enumerate() {
            for &j in &ids[k + 1..] {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    let mut out: Vec<Candidate> = pairs
        .into_iter()
        .filter_map(|(i, j)| {
            let (a, b) = (&order[i], &order[j]);
            let (sa, sb) = (&names[a], &names[b]);
            if sa.entity.is_some() && sa.entity == sb.entity {
                return None;
            }
            let score = similarity(a, b);
            if score < min_score || a.eq_ignore_ascii_case(b) && sa.entity == sb.entity {
                return None;
            }
            let why = if tokens(a) == tokens(b) {
                "same consonant skeleton".to_owned()
            } else {
                "shares the skeleton of the shorter name".to_owned()
            };
            Some(Candidate {
                a: a.clone(),
                b: b.clone(),
                score: (score * 1000.0).round() / 1000.0,
                why,
                entity_a: sa.entity.clone(),
                entity_b: sb.entity.clone(),
                first_documents: [sa.first.clone(), sb.first.clone()],
                uses: [sa.uses, sb.uses],
            })
        })
        .collect();
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(skeleton("Tehreek"), skeleton("Tehrik"));
        assert_eq!(skeleton("Tahrik"), skeleton("Tehrik"));
        assert_eq!(skeleton("Baloch"), skeleton("Baluch"));
        assert_eq!(skeleton("Bahadur"), skeleton("Bahadar"));
        assert_eq!(
            similarity("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"),
            1.0
        );
        assert!(similarity("Hafiz Gul Bahadur", "Gul Bahadar") >= 0.9);
        assert!(similarity("Baloch Liberation Army", "Baluch Liberation Army") >= 0.99);
        assert!(similarity("Lashkar-e-Jhangvi", "Lashkar-e-Taiba") < 0.6);
    }

    #[test]
    fn candidates_skip_names_of_one_entity_and_keep_first_documents() {
        let u = |n: &str, e: Option<&str>, d: &str| NameUse {
            name: n.into(),
            entity_id: e.map(str::to_owned),
            document_id: DocId::from(d),
        };
        let uses = [
            u("Hafiz Gul Bahadur", Some("actor:hgb"), "d2"),
            u("Gul Bahadar", None, "d5"),
            u("Gul Bahadar", None, "d3"),
            u("TTP", Some("actor:ttp"), "d1"),
            u("Tehrik-i-Taliban Pakistan", Some("actor:ttp"), "d1"),
        ];
        let c = candidates(&uses, 0.8);
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].a.as_str(), c[0].b.as_str()),
            ("Gul Bahadar", "Hafiz Gul Bahadur")
        );
        assert_eq!(c[0].first_documents[0], DocId::from("d3"));
        assert_eq!(c[0].uses, [2, 1]);
    }
}
