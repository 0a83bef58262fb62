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
    matches!(c, '.' | '\'' | '’' | '-' | ',' | '/')
}

/// Split `text` into tokens. `start`/`end` are byte offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    iter.next();
                    continue;
                }
                if inner_joiner(d) {
                    // Join only when a letter/digit follows ("U.S.", "al-Qaeda", "1,200", "don't");
                    // a comma joins digits only.
                    let rest = &text[j + d.len_utf8()..];
                    let next = rest.chars().next();
                    let prev_digit = text[..j].chars().last().is_some_and(|p| p.is_ascii_digit());
                    let ok = match d {
                        ',' => {
                            prev_digit && next.is_some_and(|n| n.is_ascii_digit()) && {
                                // "1,200" but not "3,4 and" lists: exactly three digits follow.
                                let digits: String =
                                    rest.chars().take_while(char::is_ascii_digit).collect();
                                digits.len() == 3
                            }
                        }
                        '.' => next.is_some_and(char::is_alphanumeric) && !rest.starts_with(' '),
                        _ => next.is_some_and(char::is_alphanumeric),
                    };
                    if ok {
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    // A final period of a dotted abbreviation ("U.S.") belongs to it.
                    if d == '.'
                        && text[i..j].contains('.')
                        && text[i..j].chars().filter(|c| *c == '.').count() >= 1
                        && text[i..j].split('.').all(|p| p.chars().count() <= 2)
                    {
                        end = j + 1;
                        iter.next();
                    }
                }
                break;
            }
            let t = &text[i..end];
            out.push(Token {
                text: t,
                lower: fold(t),
                start: i,
                end,
            });
        } else {
            let end = i + c.len_utf8();
            let t = &text[i..end];
            out.push(Token {
                text: t,
                lower: fold(t),
                start: i,
                end,
            });
        }
    }
    out
}

/// Lower-case and fold typographic apostrophes and dashes, allocating only when needed.
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        return Cow::Borrowed(s);
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
    }
}
