//! Counts written in digits or words: "14", "1,200", "three", "twenty-five", "a dozen".

/// A count read from text, with its bounds when the text gives a range or a floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// The best single figure.
    pub best: u32,
    /// Lowest figure the text allows.
    pub low: u32,
    /// Highest figure the text allows (`None` when open: "at least 14").
    pub high: Option<u32>,
}

impl Count {
    /// An exact count.
    pub fn exact(n: u32) -> Self {
        Count {
            best: n,
            low: n,
            high: Some(n),
        }
    }
}

const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("a hundred", 100),
    ("dozen", 12),
    ("a dozen", 12),
    ("half a dozen", 6),
    ("both", 2),
    ("couple", 2),
    ("pair", 2),
    ("single", 1),
    ("lone", 1),
];

/// Read one word (lower case) as a number: digits, "1,200", "three", "twenty-five".
pub fn word_value(w: &str) -> Option<u32> {
    let w = w.trim();
    if w.is_empty() {
        return None;
    }
    if w.chars().all(|c| c.is_ascii_digit() || c == ',')
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        return w.replace(',', "").parse().ok();
    }
    if let Some((a, b)) = w.split_once('-') {
        let (a, b) = (word_value(a)?, word_value(b)?);
        return (a >= 20 && a % 10 == 0 && b < 10).then_some(a + b);
    }
    UNITS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// Vague quantities and how they are coded, following common event-data practice: the figure
/// is a floor ("dozens" is at least 24), never invented precision.
pub fn vague_value(w: &str) -> Option<Count> {
    Some(match w {
        "dozens" => Count {
            best: 24,
            low: 24,
            high: None,
        },
        "scores" => Count {
            best: 40,
            low: 40,
            high: None,
        },
        "hundreds" => Count {
            best: 200,
            low: 200,
            high: None,
        },
        // Coders' convention for press releases (ISAF's "detained several" is coded 3,
        // "detained numerous" 4): "numerous" says more than "several".
        "several" | "multiple" | "many" => Count {
            best: 3,
            low: 3,
            high: None,
        },
        "numerous" => Count {
            best: 4,
            low: 4,
            high: None,
        },
        "some" | "few" => Count {
            best: 2,
            low: 2,
            high: None,
        },
        _ => return None,
    })
}

/// Read a count at `words[i..]` (lower-case words). Returns the count and how many words it
/// used, reading qualifiers: "at least 14", "more than 20", "up to 12", "about 30",
/// "between 10 and 12", "10 to 12", "10-12", "two dozen", "a dozen", "nearly 100".
pub fn read_count(words: &[&str], i: usize) -> Option<(Count, usize)> {
    let w = |k: usize| words.get(i + k).copied().unwrap_or("");
    // Qualifiers.
    match (w(0), w(1)) {
        ("atleast", _) => {
            let (c, n) = read_count(words, i + 1)?;
            return Some((
                Count {
                    best: c.low,
                    low: c.low,
                    high: None,
                },
                n + 1,
            ));
        }
        ("at", "least") | ("no", "fewer") | ("no", "less") => {
            let skip = if w(2) == "than" { 3 } else { 2 };
            let (c, n) = read_count(words, i + skip)?;
            return Some((
                Count {
                    best: c.low,
                    low: c.low,
                    high: None,
                },
                n + skip,
            ));
        }
        // "more than 30" allows 31 at the least, and the best figure is the least the text
        // allows, as with "at least 30".
        ("more", "than") | ("over", _) | ("upwards", "of") => {
            let skip = if w(0) == "over" { 1 } else { 2 };
            let (c, n) = read_count(words, i + skip)?;
            let least = c.low.saturating_add(1);
            return Some((
                Count {
                    best: least,
                    low: least,
                    high: None,
                },
                n + skip,
            ));
        }
        ("up", "to") | ("as", "many") => {
            let skip = if w(0) == "up" {
                2
            } else if w(2) == "as" {
                3
            } else {
                2
            };
            let (c, n) = read_count(words, i + skip)?;
            return Some((
                Count {
                    best: c.best,
                    low: 0,
                    high: Some(c.best),
                },
                n + skip,
            ));
        }
        (
            "about" | "around" | "nearly" | "almost" | "approximately" | "roughly" | "some"
            | "estimated",
            _,
        ) => {
            if let Some((c, n)) = read_count(words, i + 1) {
                return Some((c, n + 1));
            }
        }
        ("between", _) => {
            let (a, n) = read_count(words, i + 1)?;
            if w(1 + n) == "and" {
                let (b, m) = read_count(words, i + 2 + n)?;
                return Some((
                    Count {
                        best: a.best,
                        low: a.best,
                        high: Some(b.best.max(a.best)),
                    },
                    2 + n + m,
                ));
            }
            return None;
        }
        _ => {}
    }
    // "a dozen", "half a dozen", "two dozen", "a hundred".
    if w(0) == "half" && w(1) == "a" && w(2) == "dozen" {
        return Some((Count::exact(6), 3));
    }
    if w(0) == "a" && (w(1) == "dozen" || w(1) == "hundred") {
        return Some((Count::exact(word_value(w(1))?), 2));
    }
    // Ranges written "10-12" as one token.
    if let Some((a, b)) = w(0).split_once('-')
        && a.chars().all(|c| c.is_ascii_digit())
        && b.chars().all(|c| c.is_ascii_digit())
        && !a.is_empty()
        && !b.is_empty()
    {
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        if b > a {
            return Some((
                Count {
                    best: a,
                    low: a,
                    high: Some(b),
                },
                1,
            ));
        }
    }
    let v = word_value(w(0)).filter(|_| {
        !matches!(
            w(0),
            "both" | "couple" | "pair" | "single" | "lone" | "hundred" | "dozen"
        )
    })?;
    let mut used = 1;
    let mut value = v;
    if w(1) == "dozen" {
        value = v * 12;
        used = 2;
    } else if w(1) == "hundred" && v < 10 {
        value = v * 100;
        used = 2;
    }
    // "10 to 12", "10 or 12", "10 - 12".
    if matches!(w(used), "to" | "or" | "-")
        && let Some(b) = word_value(w(used + 1))
        && b > value
        && b <= value * 3 + 10
    {
        return Some((
            Count {
                best: value,
                low: value,
                high: Some(b),
            },
            used + 2,
        ));
    }
    Some((Count::exact(value), used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rc(s: &str) -> Option<(Count, usize)> {
        let words: Vec<&str> = s.split_whitespace().collect();
        read_count(&words, 0)
    }

    #[test]
    fn counts_in_words_and_digits() {
        assert_eq!(rc("three soldiers").unwrap().0, Count::exact(3));
        assert_eq!(rc("twenty-five people").unwrap().0, Count::exact(25));
        assert_eq!(rc("1,200 families").unwrap().0, Count::exact(1200));
        assert_eq!(rc("a dozen injured").unwrap(), (Count::exact(12), 2));
        assert_eq!(rc("two dozen").unwrap(), (Count::exact(24), 2));
        assert_eq!(
            rc("at least 14 killed").unwrap(),
            (
                Count {
                    best: 14,
                    low: 14,
                    high: None
                },
                3
            )
        );
        assert_eq!(
            rc("between 10 and 12 people").unwrap(),
            (
                Count {
                    best: 10,
                    low: 10,
                    high: Some(12)
                },
                4
            )
        );
        assert_eq!(
            rc("10 to 12").unwrap().0,
            Count {
                best: 10,
                low: 10,
                high: Some(12)
            }
        );
        assert_eq!(
            rc("10-12").unwrap().0,
            Count {
                best: 10,
                low: 10,
                high: Some(12)
            }
        );
        // "More than 20" is 21 at the least; so is "over 20".
        assert_eq!(
            rc("more than 20").unwrap().0,
            Count {
                best: 21,
                low: 21,
                high: None
            }
        );
        assert_eq!(rc("over a dozen").unwrap().0.low, 13);
        assert_eq!(rc("nearly 100").unwrap().0.best, 100);
        assert!(rc("soldiers").is_none());
        assert!(rc("the").is_none());
    }
}
