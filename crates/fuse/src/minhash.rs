//! Near-duplicate documents: word 5-shingles, MinHash signatures and LSH banding, verified by
//! the exact overlap of the shingle sets.
//!
//! Syndicated wire copy is reprinted with a new headline, a trimmed or added sentence and a
//! different dateline format; such copies keep most 5-word shingles, while independent reports
//! of the same incident share only a few set phrases.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Bands × rows = hashes per signature. 32 bands of 3 rows: pairs with Jaccard ≥ 0.5 become
/// candidates with probability ≥ 0.98, pairs under 0.1 with probability ≤ 0.03.
const BANDS: usize = 32;
const ROWS: usize = 3;
const HASHES: usize = BANDS * ROWS;
/// Distinct stories compared per bucket; more in one bucket means a degenerate corpus.
const MAX_REPRESENTATIVES: usize = 16;

/// When two documents count as copies of one story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyRule {
    /// Jaccard similarity of the shingle sets at or above which they are copies.
    pub min_jaccard: f64,
    /// Or: the share of the shorter text's shingles found in the longer one.
    pub min_containment: f64,
    /// Containment counts only when the shorter text has at least this many shingles.
    pub min_shingles_for_containment: usize,
}

impl Default for CopyRule {
    fn default() -> Self {
        CopyRule {
            min_jaccard: 0.5,
            min_containment: 0.8,
            min_shingles_for_containment: 25,
        }
    }
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The sorted, deduplicated 5-word shingles of a text (lower-cased letters and digits).
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut out: Vec<u64> = if words.len() < SHINGLE {
        if words.is_empty() {
            return Vec::new();
        }
        vec![hash_words(&words)]
    } else {
        words.windows(SHINGLE).map(hash_words).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn hash_words(words: &[String]) -> u64 {
    let mut h = FxHasher::default();
    for w in words {
        h.write(w.as_bytes());
        h.write_u8(0);
    }
    h.finish()
}

fn signature(set: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &s in set {
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = splitmix(s ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig
}

/// Hashes of the capitalised words of a text, lower-cased, sorted and unique. A copy names
/// (almost) no place or person its original does not: templated notes that differ only in the
/// village ("… killed in air strikes in Serrai") are different stories.
fn capitalised(text: &str) -> Vec<u64> {
    // Datelines are left out, and so are words in parentheses: that is where a story credits
    // its agency, which a reprint replaces ("TANK, Pakistan (Frontier Post Wire) —" becomes
    // "TANK:").
    let body: String = text
        .lines()
        .map(|line| match line.find(" — ") {
            Some(i) if line[..i].chars().count() <= 60 => &line[i..],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut depth = 0usize;
    let outside: String = body
        .chars()
        .map(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 { ' ' } else { c }
        })
        .collect();
    let mut out: Vec<u64> = outside
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| {
            let mut h = FxHasher::default();
            h.write(w.to_lowercase().as_bytes());
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn is_subset(small: &[u64], large: &[u64]) -> bool {
    let missing = small
        .iter()
        .filter(|x| large.binary_search(x).is_err())
        .count();
    missing <= small.len() / 7
}

/// Exact Jaccard similarity and containment of two sorted sets.
pub fn overlap(a: &[u64], b: &[u64]) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0.0);
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    (
        common as f64 / union as f64,
        common as f64 / a.len().min(b.len()) as f64,
    )
}

/// Groups of near-duplicate texts, as indexes into `texts`; every text is in exactly one
/// group (singletons included), groups in order of their first member.
pub fn copy_groups(texts: &[&str], rule: CopyRule) -> Vec<Vec<usize>> {
    let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
    let names: Vec<Vec<u64>> = texts.iter().map(|t| capitalised(t)).collect();
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    let mut buckets: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    for (d, set) in sets.iter().enumerate() {
        if set.is_empty() {
            continue;
        }
        let sig = signature(set);
        for band in 0..BANDS {
            let mut h = FxHasher::default();
            for v in &sig[band * ROWS..(band + 1) * ROWS] {
                h.write_u64(*v);
            }
            buckets.entry((band, h.finish())).or_default().push(d);
        }
    }
    // In each bucket, compare a document with one representative of each group already met
    // there: identical reprints (hundreds of copies of one story) then cost one check each,
    // not one per pair.
    let mut buckets: Vec<Vec<usize>> = buckets.into_values().filter(|m| m.len() > 1).collect();
    buckets.sort_unstable();
    for members in &buckets {
        let mut reps: Vec<usize> = Vec::new();
        for &d in members {
            let root = find(&mut parent, d);
            if reps.iter().any(|&r| find(&mut parent, r) == root) {
                continue;
            }
            let mut joined = false;
            for &r in &reps {
                let (jaccard, containment) = overlap(&sets[r], &sets[d]);
                let short = sets[r].len().min(sets[d].len());
                let (a, b) = if names[r].len() <= names[d].len() {
                    (r, d)
                } else {
                    (d, r)
                };
                if (jaccard >= rule.min_jaccard
                    || (short >= rule.min_shingles_for_containment
                        && containment >= rule.min_containment))
                    && is_subset(&names[a], &names[b])
                {
                    let (ra, rb) = (find(&mut parent, r), find(&mut parent, d));
                    parent[ra.max(rb)] = ra.min(rb);
                    joined = true;
                    break;
                }
            }
            if !joined && reps.len() < MAX_REPRESENTATIVES {
                reps.push(d);
            }
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for d in 0..texts.len() {
        let r = find(&mut parent, d);
        groups.entry(r).or_default().push(d);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by_key(|g| g[0]);
    out
}

pub(crate) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "PESHAWAR, Pakistan — At least 12 people were killed and 30 wounded on \
        Tuesday when a suicide bomber blew himself up near a police checkpost on the outskirts of \
        Bannu, police said. The attacker detonated his vest as officers stopped a motorcycle for \
        inspection. No group immediately claimed responsibility, but police suspect the Pakistani \
        Taliban, who have stepped up attacks on security forces in the province this year.";

    #[test]
    fn a_reprint_with_a_new_dateline_and_an_added_sentence_is_a_copy() {
        let copy = STORY.replace("PESHAWAR, Pakistan —", "Peshawar:")
            + " The provincial government announced compensation for the families.";
        let other = "BANNU — Police in Bannu said the death toll from Tuesday's suicide attack \
            on a checkpost had risen to 17, as hospital officials reported several of the wounded \
            in critical condition. Residents said the blast shattered windows across the bazaar.";
        let groups = copy_groups(&[STORY, &copy, other], CopyRule::default());
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn templated_notes_about_different_villages_are_not_copies() {
        let a = "10 militants were killed in air strikes by the Pakistan Airforce under \
            operation Zarb-e-Azb in Mehraban Killay";
        let b = "10 militants were killed in air strikes by the Pakistan Airforce under \
            operation Zarb-e-Azb in Wachay Wonay";
        assert_eq!(
            copy_groups(&[a, b, a], CopyRule::default()),
            vec![vec![0, 2], vec![1]]
        );
    }

    #[test]
    fn overlap_of_identical_and_disjoint_sets() {
        let a = shingles(STORY);
        assert_eq!(overlap(&a, &a), (1.0, 1.0));
        assert_eq!(
            overlap(&a, &shingles("nothing alike here at all today")).0,
            0.0
        );
        assert_eq!(overlap(&a, &[]), (0.0, 0.0));
    }
}
