/// A text and its normalised copy, with the alignment between them.
///
/// Normalisation folds to ASCII (`deunicode`), lower-cases, and turns every run of
/// non-alphanumeric characters into one space, so "Tehrik-i-Taliban" and "tehrik i taliban"
/// compare equal. `map[i]` is the code-point offset in the original of normalised byte `i`.
#[derive(Debug, Clone)]
pub struct AlignedText<'a> {
    original: &'a str,
    normalized: String,
    map: Vec<u32>,
    char_len: usize,
}

fn push_folded(out: &mut String, map: &mut Vec<u32>, c: char, ci: u32, last_space: &mut bool) {
    let push = |ch: char, out: &mut String, map: &mut Vec<u32>, last_space: &mut bool| {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
            map.push(ci);
            *last_space = false;
        } else if !*last_space {
            out.push(' ');
            map.push(ci);
            *last_space = true;
        }
    };
    if c.is_ascii() {
        push(c, out, map, last_space);
    } else if c.is_alphanumeric() {
        match deunicode::deunicode_char(c) {
            Some(folded) if !folded.is_empty() => {
                for ch in folded.chars() {
                    push(ch, out, map, last_space);
                }
            }
            // Letters with no ASCII form (scripts we do not fold) stay word characters so that
            // matches cannot straddle them.
            _ => {
                out.push('_');
                map.push(ci);
                *last_space = false;
            }
        }
    } else {
        push(' ', out, map, last_space);
    }
}

impl<'a> AlignedText<'a> {
    /// Normalise `original`.
    pub fn new(original: &'a str) -> Self {
        let mut normalized = String::with_capacity(original.len() + 2);
        let mut map = Vec::with_capacity(original.len() + 2);
        let mut last_space = true;
        // A leading space makes word-boundary checks uniform at the start.
        normalized.push(' ');
        map.push(0);
        let mut char_len = 0u32;
        for c in original.chars() {
            push_folded(&mut normalized, &mut map, c, char_len, &mut last_space);
            char_len += 1;
        }
        if !last_space {
            normalized.push(' ');
            map.push(char_len);
        }
        AlignedText {
            original,
            normalized,
            map,
            char_len: char_len as usize,
        }
    }

    /// The text as stored.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalised copy (starts and ends with a space).
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// Length of the original in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Code-point span `[begin, end)` in the original covering normalised bytes `[start, end)`.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.map.len() {
            let p = self.map.get(start).copied().unwrap_or(self.char_len as u32) as usize;
            return (p, p);
        }
        let b = self.map[start] as usize;
        let e = self.map[(end - 1).min(self.map.len() - 1)] as usize + 1;
        (b, e.min(self.char_len))
    }

    /// The normalised bytes that code point `pos` of the original became (empty when it was
    /// folded into a space run already begun).
    pub fn normalized_bytes_of(&self, pos: usize) -> std::ops::Range<usize> {
        let pos = pos as u32;
        let from = self.map.partition_point(|&p| p < pos);
        let to = from + self.map[from..].partition_point(|&p| p == pos);
        from..to
    }

    /// True when normalised bytes `[start, end)` form whole words.
    pub fn is_word_bounded(&self, start: usize, end: usize) -> bool {
        let n = self.normalized.as_bytes();
        start > 0 && end < n.len() && n[start - 1] == b' ' && n[end] == b' '
    }
}

/// Normalise a name the way [`AlignedText`] normalises text (no surrounding spaces).
pub fn normalize_for_matching(name: &str) -> String {
    let a = AlignedText::new(name);
    a.normalized.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tessera_model::slice_chars;

    #[test]
    fn names_normalise_alike() {
        assert_eq!(
            normalize_for_matching("Tehrik-i-Taliban  Pakistan"),
            "tehrik i taliban pakistan"
        );
        assert_eq!(normalize_for_matching("Zōr Kōṯ"), "zor kot");
        assert_eq!(normalize_for_matching("U.S."), "u s");
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let t = "In Khōst — the Tehrik-i-Taliban's men";
        let a = AlignedText::new(t);
        let n = a.normalized();
        let i = n.find("khost").unwrap();
        let (b, e) = a.original_span(i, i + 5);
        assert_eq!(slice_chars(t, b, e), Some("Khōst"));
        let i = n.find("tehrik i taliban").unwrap();
        let (b, e) = a.original_span(i, i + "tehrik i taliban".len());
        assert_eq!(slice_chars(t, b, e), Some("Tehrik-i-Taliban"));
        assert!(a.is_word_bounded(i, i + "tehrik i taliban".len()));
        assert!(!a.is_word_bounded(i, i + 3));
    }

    proptest! {
        #[test]
        fn every_normalised_word_maps_inside_the_original(text in "\\PC{0,60}") {
            let a = AlignedText::new(&text);
            let n = a.normalized().to_owned();
            let mut start = None;
            for (i, ch) in n.char_indices() {
                match (ch == ' ', start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        let (b, e) = a.original_span(s, i);
                        prop_assert!(b < e && e <= a.char_len());
                        prop_assert!(slice_chars(&text, b, e).is_some());
                        start = None;
                    }
                    _ => {}
                }
            }
        }
    }
}
