//! Finding many short word sequences in a sentence with one hash lookup per word.

use rustc_hash::FxHashMap as HashMap;

/// Phrases (lower-case words) indexed by their first word.
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T: Copy> PhraseIndex<T> {
    /// Index phrases given as space-separated lower-case words.
    pub fn new<'p>(phrases: impl IntoIterator<Item = (&'p str, T)>) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<String>, T)>> = HashMap::default();
        for (p, v) in phrases {
            let words: Vec<String> = p.split_whitespace().map(str::to_owned).collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push((words, v));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        PhraseIndex { by_first }
    }

    /// Every occurrence in `words`, as (position, length, value); at a position all phrases
    /// that match are reported, longest first.
    pub fn find_all(&self, words: &[&str]) -> Vec<(usize, usize, T)> {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(list) = self.by_first.get(*w) else {
                continue;
            };
            for (p, v) in list {
                if i + p.len() <= words.len()
                    && words[i..i + p.len()].iter().zip(p).all(|(a, b)| *a == b)
                {
                    out.push((i, p.len(), *v));
                }
            }
        }
        out
    }

    /// True when any phrase occurs.
    pub fn any(&self, words: &[&str]) -> bool {
        !self.find_all(words).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phrases_longest_first() {
        let idx = PhraseIndex::new([("suicide bomber", 1), ("bomber", 2), ("suicide", 3)]);
        let words = ["a", "suicide", "bomber", "struck"];
        assert_eq!(idx.find_all(&words), vec![(1, 2, 1), (1, 1, 3), (2, 1, 2)]);
        assert!(!idx.any(&["nothing", "here"]));
    }
}
