//! Word tokens with byte offsets, for pattern rules over sentences.

use std::borrow::Cow;

/// A token: a word (letters/digits with inner `.`, `'`, `-`, `,` in numbers) or one punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Lower-cased form (`’` → `'`), borrowed when the text already is.
    pub lower: Cow<'a, str>,
    /// Byte offset of the start in the tokenised text.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
}

impl Token<'_> {
    /// True when the token is a word (starts with a letter or digit).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// True when the first letter is upper case.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn inner_joiner(c: char) -> bool {
    // Zero-width non-joiner and joiner sit inside Persian and Urdu words.
    matches!(
        c,
        '.' | '\'' | '’' | '-' | ',' | '/' | '\u{200c}' | '\u{200d}'
    )
}

/// The character starting at byte `i` and its length; ASCII without decoding, since nearly all
/// English report text is ASCII and this loop runs for every byte of every document.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Whitespace, and the invisible marks that only steer display or joining of words
/// ("Prime Minister\u{200e} Haider al-Abadi"): a word never goes on across them. Zero-width
/// non-joiner and joiner stay, as Persian and Urdu words hold them.
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}'
        )
}

/// Split `text` into tokens. `start`/`end` are byte offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    // About one token per five bytes of English; one allocation for most sentences.
    let mut out = Vec::with_capacity(text.len() / 5 + 4);
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(text, i);
        if is_space(c) {
            i += len;
            continue;
        }
        let mut end = i + len;
        if is_word_char(c) {
            while end < bytes.len() {
                let j = end;
                let (d, dl) = char_at(text, j);
                if is_word_char(d) {
                    end += dl;
                    continue;
                }
                if !inner_joiner(d) {
                    break;
                }
                // Join only when a letter/digit follows ("U.S.", "al-Qaeda", "1,200", "don't");
                // a comma joins digits only.
                let rest = &text[j + dl..];
                let next = (!rest.is_empty()).then(|| char_at(rest, 0).0);
                let ok = match d {
                    ',' => {
                        // "1,200" but not "3,4 and" lists: exactly three digits follow.
                        bytes[j - 1].is_ascii_digit()
                            && rest.bytes().take_while(u8::is_ascii_digit).count() == 3
                    }
                    _ => next.is_some_and(is_word_char),
                };
                if ok {
                    end = j + dl;
                    continue;
                }
                // A final period of a dotted abbreviation ("U.S.") belongs to it.
                let word = &text[i..j];
                if d == '.' && word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2)
                {
                    end = j + 1;
                }
                break;
            }
        }
        let t = &text[i..end];
        out.push(Token {
            text: t,
            lower: fold(t),
            start: i,
            end,
        });
        i = end;
    }
    out
}

/// Lower-case and fold typographic apostrophes and dashes, allocating only when needed.
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        return Cow::Borrowed(s);
    }
    if s.is_ascii() {
        return Cow::Owned(s.to_ascii_lowercase());
    }
    Cow::Owned(fold_owned(s))
}

fn fold_owned(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '–' | '—' => '-',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_and_numbers_whole() {
        let t: Vec<&str> = tokenize("U.S. troops killed 1,200 al-Qaeda men, 3, 4 and Taliban’s.")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            [
                "U.S.",
                "troops",
                "killed",
                "1,200",
                "al-Qaeda",
                "men",
                ",",
                "3",
                ",",
                "4",
                "and",
                "Taliban’s",
                "."
            ]
        );
        let t = tokenize("Gen. Ali");
        assert_eq!((t[0].text, t[1].text, t[2].text), ("Gen", ".", "Ali"));
        // A direction mark is no token; a Persian word keeps its non-joiner.
        let t: Vec<&str> = tokenize("Minister\u{200e} Haider \u{feff}می\u{200c}روم")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, ["Minister", "Haider", "می\u{200c}روم"]);
    }
    /// The first, char-by-char tokenizer: the specification the byte-level one must match.
    fn reference_tokenize(text: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if is_space(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(j, d)) = iter.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    if inner_joiner(d) {
                        let rest = &text[j + d.len_utf8()..];
                        let next = rest.chars().next();
                        let prev_digit =
                            text[..j].chars().last().is_some_and(|p| p.is_ascii_digit());
                        let ok = match d {
                            ',' => {
                                prev_digit
                                    && next.is_some_and(|n| n.is_ascii_digit())
                                    && rest.chars().take_while(char::is_ascii_digit).count() == 3
                            }
                            '.' => {
                                next.is_some_and(char::is_alphanumeric) && !rest.starts_with(' ')
                            }
                            _ => next.is_some_and(char::is_alphanumeric),
                        };
                        if ok {
                            end = j + d.len_utf8();
                            iter.next();
                            continue;
                        }
                        if d == '.'
                            && text[i..j].contains('.')
                            && text[i..j].split('.').all(|p| p.chars().count() <= 2)
                        {
                            end = j + 1;
                            iter.next();
                        }
                    }
                    break;
                }
            }
            out.push(Token {
                text: &text[i..end],
                lower: Cow::Owned(fold_owned(&text[i..end])),
                start: i,
                end,
            });
        }
        out
    }

    proptest::proptest! {
        // Short strings over a small alphabet; enough cases to hit "1,23"-like corners.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn byte_level_tokenizer_matches_the_reference(
            text in "[a-cA-C0-9 .,'’/\\-–éد\u{a0}\u{85}\n()]{0,40}"
        ) {
            let fast = tokenize(&text);
            let slow = reference_tokenize(&text);
            proptest::prop_assert_eq!(fast.len(), slow.len());
            for (f, s) in fast.iter().zip(&slow) {
                proptest::prop_assert_eq!((f.text, f.start, f.end), (s.text, s.start, s.end));
                proptest::prop_assert_eq!(f.lower.as_ref(), s.lower.as_ref());
            }
        }
    }
}
