use crate::pipeline::{DocContext, Stage};
use tessera_model::Annotations;
use tessera_model::{Sentence, Span};

/// Words that end with a period without ending a sentence (compared lower-case, no period).
const ABBREVIATIONS: &[&str] = &[
    "gen", "lt", "col", "maj", "capt", "cpt", "brig", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr",
    "gov", "sen", "rep", "pres", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "jr",
    "sr", "rev", "hon", "insp", "supt", "dsp", "ssp", "asp", "co", "corp", "inc", "ltd", "dept",
    "govt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "etc", "vs", "fig", "art", "para", "sec", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// Sentence segmentation that knows military ranks, titles and dotted abbreviations.
///
/// Breaks at `.`, `!`, `?` (with closing quotes or brackets) followed by space and a capital,
/// digit or opening quote, unless the word before is an abbreviation or a single initial; and at
/// blank lines and line ends that close a heading or a full sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceSplitter;

fn word_before(text: &str, dot: usize) -> &str {
    let start = text[..dot]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &text[start..dot]
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '[', '"', '\'']);
    if w.is_empty() {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let letters: Vec<char> = w.chars().filter(|c| *c != '.').collect();
    // A single initial ("K.") or a dotted acronym ("U.S", "N.W.F.P").
    (letters.len() == 1 && letters[0].is_uppercase())
        || (w.contains('.') && letters.iter().all(|c| c.is_alphabetic()) && letters.len() <= 5)
}

impl SentenceSplitter {
    /// Byte ranges of the sentences of `text`, trimmed, non-empty.
    pub fn split(&self, text: &str) -> Vec<(usize, usize)> {
        // Some pages separate lines and paragraphs with U+2028 / U+2029: read them as line
        // breaks, through a copy of the same byte length so that offsets hold.
        let unified;
        let text = if text.contains('\u{2028}') || text.contains('\u{2029}') {
            unified = text
                .replace('\u{2028}', "\n  ")
                .replace('\u{2029}', "\n\n ");
            unified.as_str()
        } else {
            text
        };
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0usize;
        let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
            let seg = &text[s..e];
            let lead = seg.len() - seg.trim_start().len();
            let trail = seg.len() - seg.trim_end().len();
            if lead + trail < seg.len() {
                out.push((s + lead, e - trail));
            }
        };
        // Whether the sentence so far has a word starting in lower case, read once per byte
        // however many double spaces it holds: (sentence start, read up to, found).
        let mut prose: (usize, usize, bool) = (0, 0, false);
        let mut i = 0usize;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\n' {
                // Blank line: always a break. Single newline: a break when the line before ends a
                // sentence or looks like a heading/dateline (no final lower-case letter or comma).
                let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                let line = text[line_start..i].trim_end();
                let next_blank = text[i + 1..]
                    .split('\n')
                    .next()
                    .is_some_and(|l| l.trim().is_empty());
                let ends_open = line.chars().last().is_some_and(|c| {
                    c.is_lowercase() || c == ',' || c == ';' || c == ':' || c == '-'
                });
                // A heading ("Coordination and Operational Continuity") ends at its line even
                // without a full stop: most of its words are capitalised.
                let words: Vec<&str> = line.split_whitespace().collect();
                let capitalised = words
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                    .count();
                let heading =
                    !words.is_empty() && words.len() <= 14 && capitalised * 5 >= words.len() * 3;
                let next_upper = text[i + 1..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase());
                let ends_open = ends_open && !(heading && next_upper);
                if next_blank || !ends_open {
                    push(start, i, &mut out);
                    start = i + 1;
                }
                i += 1;
                continue;
            }
            // Flattened pages run blocks together with two or more spaces ("Release  Also
            // today"): a break when a capital follows.
            if b == b' ' && bytes.get(i + 1) == Some(&b' ') {
                let mut j = i;
                while j < bytes.len() && bytes[j] == b' ' {
                    j += 1;
                }
                let prev = text[..i].chars().last();
                // No block ends on a function word: "in the  Washuk district" is one sentence.
                let prev_word = text[..i]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let function_word = matches!(
                    prev_word,
                    "the"
                        | "a"
                        | "an"
                        | "of"
                        | "in"
                        | "at"
                        | "on"
                        | "to"
                        | "by"
                        | "for"
                        | "from"
                        | "with"
                        | "and"
                        | "or"
                        | "near"
                );
                // Nor does one start on a place noun: "the Nakyal  Sector of Kotli".
                let next_word = text[j..]
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let place_noun = matches!(
                    next_word,
                    "Sector"
                        | "District"
                        | "Province"
                        | "Agency"
                        | "Tehsil"
                        | "Valley"
                        | "Area"
                        | "Town"
                        | "City"
                        | "Road"
                        | "Bazaar"
                        | "Village"
                );
                // Nor is a name cut in two inside prose: "in their stronghold in Naray  Baba",
                // "the killing of PML N  MPA Rana Shamshad" (a capitalised word on each side,
                // lower-case words before, and no word that opens sentences after).
                let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
                if prose.0 != start {
                    prose = (start, start, false);
                }
                // `prose.1` is a space or the sentence's start, so no word is cut in two.
                prose.2 = prose.2
                    || text[prose.1..i]
                        .split_whitespace()
                        .any(|w| w.chars().next().is_some_and(char::is_lowercase));
                prose.1 = i;
                let in_prose = prose.2;
                let opens_sentence = matches!(
                    next_word,
                    "The"
                        | "A"
                        | "An"
                        | "In"
                        | "On"
                        | "At"
                        | "During"
                        | "After"
                        | "Before"
                        | "When"
                        | "While"
                        | "This"
                        | "These"
                        | "He"
                        | "She"
                        | "They"
                        | "It"
                        | "His"
                        | "Their"
                        | "There"
                        | "Meanwhile"
                        | "Also"
                        | "According"
                );
                // An acronym before the gap ("64 UHF  NileSat 102") ends a flattened cell.
                let titled = |w: &str| {
                    capitalised(w) && (w.chars().count() == 1 || w.chars().any(char::is_lowercase))
                };
                let inside_name =
                    in_prose && titled(prev_word) && capitalised(next_word) && !opens_sentence;
                if text[j..].chars().next().is_some_and(char::is_uppercase)
                    && prev.is_some_and(|c| c != ',' && c != '-')
                    && !function_word
                    && !place_noun
                    && !inside_name
                {
                    push(start, i, &mut out);
                    start = j;
                }
                i = j;
                continue;
            }
            if matches!(b, b'.' | b'!' | b'?') {
                // Take closing quotes/brackets with the sentence.
                let mut j = i + 1;
                while j < bytes.len() {
                    let rest = &text[j..];
                    let c = rest.chars().next().unwrap_or(' ');
                    if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '.' | '!' | '?') {
                        j += c.len_utf8();
                    } else {
                        break;
                    }
                }
                let after = &text[j..];
                let next_non_space = after.trim_start_matches([' ', '\t']);
                let has_space = next_non_space.len() < after.len();
                let next = next_non_space.chars().next();
                let starts_sentence = next.is_some_and(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '"' | '“' | '\'' | '(' | '‘' | '[')
                });
                if has_space
                    && starts_sentence
                    && !(b == b'.' && is_abbreviation(word_before(text, i)))
                {
                    push(start, j, &mut out);
                    start = j;
                }
                i = j;
                continue;
            }
            i += 1;
        }
        push(start, text.len(), &mut out);
        out
    }
}

impl Stage for SentenceSplitter {
    fn name(&self) -> &'static str {
        "sentences"
    }

    fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations) {
        for (s, e) in self.split(&cx.doc.text) {
            ann.sentences.push(Sentence {
                span: Span {
                    document_id: cx.doc.id.clone(),
                    begin: cx.offsets.char_of(s),
                    end: cx.offsets.char_of(e),
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        SentenceSplitter
            .split(t)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Gen. Asim Munir met U.S. officials. Brig. K. Ali said 3 died. Mr. Khan agreed!"),
            [
                "Gen. Asim Munir met U.S. officials.",
                "Brig. K. Ali said 3 died.",
                "Mr. Khan agreed!"
            ]
        );
    }

    #[test]
    fn quotes_and_lines() {
        assert_eq!(
            split(
                "He said: \"We will respond.\" Officials agreed.\n\nHEADLINE HERE\nPESHAWAR — Five were\nkilled on Monday."
            ),
            [
                "He said: \"We will respond.\"",
                "Officials agreed.",
                "HEADLINE HERE",
                "PESHAWAR — Five were\nkilled on Monday."
            ]
        );
    }

    #[test]
    fn line_and_paragraph_separators_break_lines() {
        let text = "ISAF Joint Command\u{2028}For Immediate Release\u{2028}KABUL, Afghanistan (Oct. 8) - Forces detained two men.\u{2029}The men were questioned.";
        assert_eq!(
            split(text),
            [
                "ISAF Joint Command",
                "For Immediate Release",
                "KABUL, Afghanistan (Oct. 8) - Forces detained two men.",
                "The men were questioned."
            ]
        );
    }

    #[test]
    fn double_spaces_between_blocks() {
        assert_eq!(
            split("For Immediate Release  Also today, two died."),
            ["For Immediate Release", "Also today, two died."]
        );
        assert_eq!(
            split("Shells fell in the  Washuk district."),
            ["Shells fell in the  Washuk district."]
        );
        assert_eq!(
            split("Firing in the Nakyal  Sector of Kotli."),
            ["Firing in the Nakyal  Sector of Kotli."]
        );
        assert_eq!(
            split("A device went off in their stronghold in Naray  Baba of Tirah Valley."),
            ["A device went off in their stronghold in Naray  Baba of Tirah Valley."]
        );
        assert_eq!(
            split("Forces searched compounds in Helmand  The force detained two."),
            [
                "Forces searched compounds in Helmand",
                "The force detained two."
            ]
        );
        assert_eq!(
            split("Terrestrial broadcasting 64 UHF  NileSat 102."),
            ["Terrestrial broadcasting 64 UHF", "NileSat 102."]
        );
    }

    #[test]
    fn numbers_and_lowercase_continuations() {
        assert_eq!(
            split("It cost 3.5 million. the end"),
            ["It cost 3.5 million. the end"]
        );
        assert!(split("   \n\n ").is_empty());
    }
}
