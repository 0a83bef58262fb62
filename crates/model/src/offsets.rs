/// Converts byte offsets of a text to code-point offsets in O(log n), O(1) for ASCII text.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// Byte offset of each char, or empty when the text is ASCII (byte == char).
    starts: Vec<u32>,
    byte_len: usize,
}

impl CharOffsets {
    /// Index a text.
    pub fn new(text: &str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(b, _)| b as u32).collect()
        };
        CharOffsets {
            starts,
            byte_len: text.len(),
        }
    }

    /// The text between code points `[begin, end)`, or `None` when out of range: O(log n),
    /// where [`crate::slice_chars`] walks the text.
    pub fn slice<'t>(&self, text: &'t str, begin: usize, end: usize) -> Option<&'t str> {
        let n = if self.starts.is_empty() {
            self.byte_len
        } else {
            self.starts.len()
        };
        if begin > end || end > n {
            return None;
        }
        text.get(self.byte_of(begin)..self.byte_of(end))
    }

    /// Code-point offset of byte offset `b` (which must lie on a char boundary or at the end).
    pub fn char_of(&self, b: usize) -> usize {
        if self.starts.is_empty() {
            return b.min(self.byte_len);
        }
        if b >= self.byte_len {
            return self.starts.len();
        }
        match self.starts.binary_search(&(b as u32)) {
            Ok(i) | Err(i) => i,
        }
    }

    /// Byte offset of code point `c` (the text length for one past the end).
    pub fn byte_of(&self, c: usize) -> usize {
        if self.starts.is_empty() {
            return c.min(self.byte_len);
        }
        self.starts
            .get(c)
            .map(|b| *b as usize)
            .unwrap_or(self.byte_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_round_trip() {
        for text in ["plain ascii", "Kōṯ — Khost", ""] {
            let o = CharOffsets::new(text);
            for (ci, (b, _)) in text.char_indices().enumerate() {
                assert_eq!(o.char_of(b), ci);
                assert_eq!(o.byte_of(ci), b);
            }
            assert_eq!(o.char_of(text.len()), text.chars().count());
            assert_eq!(o.byte_of(text.chars().count()), text.len());
        }
    }
}
