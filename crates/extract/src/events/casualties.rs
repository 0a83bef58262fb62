//! Casualty and detention counts in one sentence: "1 FC soldier and 4 militants were killed",
//! "killing 33 people and injuring 43 others", "a policeman was shot dead", "the death toll
//! rose to 17", "13 year old girl killed" (one girl, not thirteen).

use super::lexicon::{Role, role_of};
use crate::text::dates::{is_calendar_word, is_month_name};
use crate::text::numbers::{Count, read_count, vague_value};
use crate::text::tokens::Token;

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Deaths.
    Killed,
    /// Injuries.
    Injured,
    /// Arrests, detentions, captures.
    Arrested,
}

/// A count found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Casualty {
    /// What it counts.
    pub category: Category,
    /// How many.
    pub count: Count,
    /// Who (from the noun), when said.
    pub role: Option<Role>,
    /// The head noun as written (lower case), for de-duplication.
    pub head: Option<String>,
    /// Refers back to people already counted ("the two soldiers", "both").
    pub anaphoric: bool,
    /// A part of a figure already given ("including three children").
    pub subset: bool,
    /// A running total that replaces earlier figures ("the death toll rose to 17").
    pub total: bool,
    /// Read from a singular subject without a number ("the soldier died"): counts only when
    /// nothing firmer is said.
    pub weak: bool,
    /// A vague figure ("several", "numerous"): a later exact figure in another sentence
    /// details it rather than adding to it.
    pub vague: bool,
    /// Said to be more than those already counted ("one additional suspect", "also detained
    /// one"): never a restatement.
    pub additional: bool,
    /// Told beside someone named by a definite noun just before ("the commander and one
    /// additional suspect", "the leader and a suspected associate"): with that one, they may
    /// be a figure told before.
    pub beside_named: bool,
    /// Token index of the count.
    pub token: usize,
}

impl Casualty {
    /// A count with no flag set: the figure as read, nothing known of how it relates to
    /// other figures.
    fn plain(
        category: Category,
        count: Count,
        role: Option<Role>,
        head: Option<String>,
        token: usize,
    ) -> Self {
        Casualty {
            category,
            count,
            role,
            head,
            anaphoric: false,
            subset: false,
            total: false,
            weak: false,
            vague: false,
            additional: false,
            beside_named: false,
            token,
        }
    }

    /// A count read at token `token` of `words`, marked anaphoric or partial by the words
    /// before it.
    fn at(
        category: Category,
        count: Count,
        role: Option<Role>,
        head: Option<String>,
        words: &[&str],
        token: usize,
    ) -> Self {
        let vague = || vague_value(words[token]).is_some() || a_number_of(words, token);
        Casualty {
            anaphoric: is_anaphoric(words, token),
            subset: is_subset(words, token),
            vague: vague(),
            // "They also detained several suspected insurgents" adds them to someone else
            // just named, not to the several told before: "also" makes no vague figure more.
            additional: words[token.saturating_sub(2)..token]
                .iter()
                .chain(words.get(token + 1))
                .any(|w| {
                    matches!(*w, "additional" | "another" | "further" | "more" | "other")
                        || (*w == "also" && !vague())
                }),
            ..Casualty::plain(category, count, role, head, token)
        }
    }
}

/// Whether "a number of" ("detained a number of suspects") starts at `i`.
fn a_number_of(words: &[&str], i: usize) -> bool {
    words.get(i..i + 3) == Some(&["a", "number", "of"][..])
}

/// Whether the figure at `token` follows "the <noun> and" ("the commander and one
/// additional suspect", "the Taliban leader and two associates").
fn beside_definite(words: &[&str], token: usize) -> bool {
    token >= 3
        && words[token - 1] == "and"
        && (words[token - 3] == "the" || (token >= 4 && words[token - 4] == "the"))
}

fn passive_category(w: &str) -> Option<Category> {
    Some(match w {
        "killed" | "dead" | "died" | "martyred" | "perished" | "slain" | "die" | "dies"
        | "deaths" | "fatalities" | "bodies" | "lifeless" | "succumbed" | "lynched"
        | "murdered" | "assassinated" | "beheaded"
        // ISPR: "17 terrorists were neutralised".
        | "neutralised" | "neutralized" => Category::Killed,
        "injured" | "wounded" | "hurt" | "injuries" | "wounds" => Category::Injured,
        "arrested" | "detained" | "captured" | "apprehended" | "nabbed" | "custody"
        // "20 people were rounded up".
        | "rounded" => {
            Category::Arrested
        }
        _ => return None,
    })
}

fn active_category(w: &str) -> Option<Category> {
    Some(match w {
        "killing" | "killed" | "kills" | "kill" | "martyring" | "martyred" | "slaying"
        | "lynched" | "lynching" | "murdered" | "murdering" | "assassinated" | "assassinating"
        | "beheaded" | "beheading" | "neutralised" | "neutralized" | "neutralising"
        | "neutralizing" => Category::Killed,
        "injuring" | "injured" | "injures" | "injure" | "wounding" | "wounded" | "wounds"
        | "wound" => Category::Injured,
        "arrested" | "detained" | "captured" | "apprehended" | "nabbed" | "arresting"
        | "detaining" | "capturing" | "arrests" | "detains" | "captures" | "rounded" => {
            Category::Arrested
        }
        _ => return None,
    })
}

/// Military and police ranks written before a name ("Sepoy Abdul Wahab", "Lance Naik …").
const RANKS: &[&str] = &[
    "sepoy",
    "lance",
    "naik",
    "havildar",
    "subedar",
    "captain",
    "major",
    "lieutenant",
    "colonel",
    "constable",
    "sipahi",
    "sergeant",
    "corporal",
    "private",
    "asi",
    "inspector",
    "subaltern",
    "brigadier",
];

/// Titles written before a person's name ("Mullah Khalil", "Qari Ziauddin").
const TITLES: &[&str] = &[
    "mullah",
    "qari",
    "maulvi",
    "maulana",
    "mawlawi",
    "maulawi",
    "haji",
    "hafiz",
    "mufti",
    "sheikh",
    "commander",
    "dr",
    "malik",
    "syed",
    "sardar",
];

/// A person named as the object of an active verb, at token `i`: a title and a name ("Mullah
/// Khalil"), or a name of up to three words followed by an apposition or by "and his"
/// ("Nur Mohammad, the Taliban provincial leader", "Rostum and his associate"). Returns the
/// index after the name.
fn named_person(toks: &[Token<'_>], words: &[&str], i: usize) -> Option<usize> {
    name_after_title(
        toks,
        words,
        i,
        TITLES.contains(&words[i]) && toks[i].is_capitalised(),
    )
}

/// A person named after what they are, with no article, at token `i`: "al-Qaeda leader Ayman
/// al-Zawahiri", "TTP commander Qari Hussain", "police constable Ahmed Khan", "tribal elder
/// Malik Noor". Up to three words describe a singular person noun, and a capitalised name
/// follows it. Returns the noun's index and the index after the name.
fn described_person(toks: &[Token<'_>], words: &[&str], i: usize) -> Option<(usize, usize)> {
    // The noun is the last of the describing words, the one the name follows ("police
    // constable Ahmed Khan").
    let noun = (i..(i + 4).min(words.len())).find(|&k| {
        (role_of(words[k]).is_some() || OFFICES.contains(&words[k]) || RANKS.contains(&words[k]))
            && toks.get(k + 1).is_some_and(|t| {
                t.is_capitalised()
                    && t.text.chars().any(char::is_lowercase)
                    && role_of(&t.lower).is_none()
            })
    })?;
    let w = words[noun];
    let collective = matches!(
        w,
        "personnel" | "police" | "people" | "staff" | "crew" | "family" | "army" | "military"
    );
    if collective || (w.ends_with('s') && !RANKS.contains(&w)) {
        return None;
    }
    // The describing words: names and acronyms ("TTP", "al-Qaeda"), or plain modifiers; an
    // article or a figure starts a counted phrase instead.
    if !toks[i..noun].iter().all(|t| {
        t.is_word()
            && (t.is_capitalised() || np_filler(t))
            && !matches!(
                t.lower.as_ref(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these" | "those"
            )
            && read_count(&[t.lower.as_ref()], 0).is_none()
    }) {
        return None;
    }
    // The noun stands as the name's title.
    let after = name_after_title(toks, words, noun, true)?;
    Some((noun, after))
}

/// Offices held by one person, written before a name ("Senator X", "governor X").
const OFFICES: &[&str] = &[
    "chief",
    "judge",
    "senator",
    "lawmaker",
    "spokesman",
    "spokesperson",
    "governor",
    "minister",
    "mayor",
    "deputy",
    "mna",
    "mpa",
    "councillor",
    "councilor",
    "nazim",
];

/// A name of up to three capitalised words at `i` (after a title when `titled`), taken when it
/// follows a title or stands before an apposition or "and his".
fn name_after_title(toks: &[Token<'_>], words: &[&str], i: usize, titled: bool) -> Option<usize> {
    if i >= words.len() {
        return None;
    }
    // "Dr. Fayyaz": the title's full stop.
    let from = match (titled, words.get(i + 1)) {
        (true, Some(&".")) => i + 2,
        (true, _) => i + 1,
        _ => i,
    };
    let mut j = from;
    while j < toks.len()
        && j < from + 3
        && toks[j].is_capitalised()
        && toks[j].text.chars().any(|c| c.is_lowercase())
        && role_of(words[j]).is_none()
        // "killed Tuesday, the army said" names a day, not a victim.
        && !is_calendar_word(words[j])
    {
        j += 1;
    }
    if j == from {
        return None;
    }
    let apposition = words.get(j) == Some(&",")
        && matches!(words.get(j + 1), Some(&("the" | "a" | "an")))
        || words.get(j) == Some(&"and") && matches!(words.get(j + 1), Some(&("his" | "her")))
        || others_from(words, j).is_some();
    (titled || apposition).then_some(j)
}

/// Whether "and two others" or "and 16 other activists" starts at `j`: more people beside
/// the one just named ("arrested Mahrang Baloch and 16 others").
fn and_others(words: &[&str], j: usize) -> bool {
    words.get(j) == Some(&"and") && others_from(words, j) == Some(j + 1)
}

/// Where the figure of "and 16 other activists" or "along with 16 other activists" starting
/// at `j` stands.
fn others_from(words: &[&str], j: usize) -> Option<usize> {
    let figure = match words.get(j..)? {
        ["and", ..] => j + 1,
        ["along", "with", ..] => j + 2,
        _ => return None,
    };
    read_count(words, figure)
        .is_some_and(|(_, n)| matches!(words.get(figure + n), Some(&("others" | "other"))))
        .then_some(figure)
}

/// Participles that come before the killing in one passive clause: "were kidnapped and
/// killed", "was tortured and shot dead".
fn is_joined_participle(w: &str) -> bool {
    matches!(
        w,
        "kidnapped"
            | "abducted"
            | "tortured"
            | "targeted"
            | "targetted"
            | "attacked"
            | "beaten"
            | "robbed"
            | "ambushed"
            | "dragged"
            | "stabbed"
            // "was shot and critically wounded".
            | "shot"
            | "tied"
            | "offloaded"
            | "pulled"
    )
}

/// Where a participle joined by the "and" just before `e` stands: "were kidnapped and shot
/// dead", "was targeted by unknown militants and killed" (the agent between).
fn joined_participle(words: &[&str], e: usize) -> Option<usize> {
    if e < 2 || words[e - 1] != "and" {
        return None;
    }
    if is_joined_participle(words[e - 2])
        && words[e.saturating_sub(5)..e - 2]
            .iter()
            .any(|w| AUX.contains(w))
    {
        return Some(e - 2);
    }
    // "was targeted by unknown militants and killed" (the agent between), "were dragged out
    // of a passenger coach and shot dead", "were offloaded from a bus and killed" (where they
    // were taken from, between).
    (e.saturating_sub(9)..e.saturating_sub(2)).rev().find(|&p| {
        is_joined_participle(words[p])
            && match words[p + 1] {
                "by" => e - p <= 7,
                "out" | "from" | "off" => true,
                _ => false,
            }
            && p >= 1
            && AUX.contains(&words[p - 1])
            && !words[p + 1..e - 1].iter().any(|w| {
                matches!(*w, "," | ";" | "and" | "who" | "which" | "when")
                    || passive_category(w).is_some()
                    || active_category(w).is_some()
            })
    })
}

/// Words allowed between a noun phrase and its passive verb ("were reportedly killed").
const AUX: &[&str] = &[
    "were",
    "was",
    "have",
    "has",
    "had",
    "been",
    "being",
    "are",
    "is",
    "reportedly",
    "allegedly",
    "also",
    "later",
    "all",
    "critically",
    "seriously",
    "severely",
    "badly",
    "fatally",
    "who",
    "got",
    "left",
    "shot",
    "gunned",
    "found",
    "be",
    "feared",
    // "were said to have been killed", "are thought to have died".
    "said",
    "thought",
    "believed",
    "presumed",
    "confirmed",
    "reported",
    "injured",
    "not",
    "subsequently",
    "instantly",
    "immediately",
    "on",
    "the",
    "spot",
    "allegedly",
    "sustained",
    "received",
    "suffered",
    "critical",
    "minor",
    "serious",
    "bullet",
    "multiple",
];

/// Adjectives and modifiers allowed inside a victim noun phrase.
fn np_filler(t: &Token<'_>) -> bool {
    t.is_word()
        && !matches!(
            t.lower.as_ref(),
            "in" | "at"
                | "including"
                | "among"
                | "by"
                | "after"
                | "when"
                | "while"
                | "during"
                | "as"
                | "said"
                | "says"
                | "and"
                | "from"
                | "to"
                | "with"
                | "near"
                | "on"
                | "of"
                | "that"
                | "which"
                | "were"
                | "was"
                | "had"
                | "have"
                | "has"
        )
}

/// The role and noun of the last person noun in `words[from..to]`: whom a pronoun stands for
/// ("kidnapped a civilian … shot him dead").
fn person_before(words: &[&str], from: usize, to: usize) -> (Option<Role>, Option<String>) {
    (from..to)
        .rev()
        .find_map(|k| role_of(words[k]).map(|r| (r, words[k].to_owned())))
        .unzip()
}

/// Whether a reporting verb follows at `from` or one word later, in the same phrase: "the
/// Taliban said", "a Taliban spokesman said" name the source (not "a policeman, officials
/// said").
fn speaks_next(words: &[&str], from: usize) -> bool {
    // ("…, the Taliban interior ministry said": up to three words on.)
    words
        .iter()
        .skip(from)
        .take(3)
        .take_while(|w| !matches!(**w, "," | ";"))
        .any(|w| {
            matches!(
                *w,
                "said" | "says" | "told" | "added" | "reported" | "stated" | "claimed"
            )
        })
}

/// Whether `w` is a year written out ("2013"): no count of people.
fn is_year(w: &str) -> bool {
    crate::text::dates::year_num(w).is_some()
}

/// Whether `w` is a number of one or two digits, as a day of the month is written.
fn is_day_number(w: &str) -> bool {
    w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the number at `i` is someone's age told after their name: "Muhammad Aslam, 60,
/// was killed", "Dr Abdul Khaleeq 50 was shot dead" (a news agency's "(50)" without its
/// brackets). Not a date ("March 9, 2015") nor a count after a place ("In Quetta, 12 people").
fn is_age_after_name(toks: &[Token<'_>], words: &[&str], i: usize) -> bool {
    let age = words[i].len() <= 3
        && words[i].bytes().all(|b| b.is_ascii_digit())
        && words[i]
            .parse::<u32>()
            .is_ok_and(|n| (1..=120).contains(&n));
    let capitalised = |k: usize| {
        toks[k].is_capitalised()
            && toks[k].is_word()
            && !is_calendar_word(words[k])
            // A sentence's first word ("In Quetta, 12 …") is no part of a name.
            && !matches!(
                words[k],
                "in" | "at" | "on" | "the" | "a" | "an" | "near" | "from" | "of" | "to" | "into"
            )
    };
    // A name of two words or more ending at `end` (inclusive), not a place told after a
    // preposition ("In Dera Bugti, 12 …").
    let name_ends_at = |end: usize| {
        let start = (0..=end)
            .rev()
            .take_while(|&k| capitalised(k))
            .last()
            .unwrap_or(end + 1);
        start + 1 < end + 1
            && !(start > 0
                && matches!(
                    words[start - 1],
                    "in" | "at" | "near" | "from" | "of" | "to" | "on" | "into"
                ))
    };
    age && match words.get(i + 1) {
        // "Aslam, 60, was": between commas.
        Some(&",") => {
            i >= 2 && words[i - 1] == "," && name_ends_at(i - 2)
                // "Khaleeq 50, a doctor".
                || i >= 1 && name_ends_at(i - 1)
        }
        Some(&("was" | "were" | "and" | "who" | "had" | "has" | "is")) => {
            i >= 1 && name_ends_at(i - 1)
        }
        _ => false,
    }
}

/// Read a counted noun phrase starting at token `i`: a number (or "a"/"an"/"his" + a singular
/// person noun) and up to five words ending with the last person noun. Returns (count, role,
/// head, index after the phrase). `active` is set after an active verb ("killing one and
/// injuring several"), where a bare number may stand before any function word.
fn counted_np(
    toks: &[Token<'_>],
    words: &[&str],
    i: usize,
    active: bool,
) -> Option<(Count, Option<Role>, Option<String>, usize)> {
    // "On March 9, 12 were killed", "on 9 March": a day of the month is no count.
    // (A weekday may stand before a count: "Friday 3 militants were killed".)
    // ("12 may have died": only a capitalised "May" is the month.)
    let month = |k: usize| {
        is_calendar_word(words[k])
            && !words[k].contains("day")
            && (words[k] != "may" || toks[k].is_capitalised())
    };
    if is_day_number(words[i]) && (i >= 1 && month(i - 1) || i + 1 < words.len() && month(i + 1)) {
        return None;
    }
    // "In 2013, 12 were killed", "the June 26, 2013, attack": a year is no count.
    if is_year(words[i])
        && i >= 1
        && (month(i - 1)
            || matches!(
                words[i - 1],
                "in" | "since"
                    | "of"
                    | "during"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "before"
                    | "after"
            )
            || words[i - 1] == "," && i >= 2 && (month(i - 2) || is_day_number(words[i - 2])))
    {
        return None;
    }
    // "blew himself up …, killing himself": the one who acted.
    if active && matches!(words[i], "himself" | "herself") {
        return Some((Count::exact(1), None, Some(words[i].to_owned()), i + 1));
    }
    // The named person is one victim, whatever their age.
    if is_age_after_name(toks, words, i) {
        return Some((Count::exact(1), None, None, i + 1));
    }
    // After an active verb a definite singular object is one new victim ("killing the
    // driver"); before a passive one "the soldier" points back to someone already counted.
    // "a few militants", "a couple of soldiers".
    // "took the two occupants into custody": the figure after the article.
    if active && words[i] == "the" && read_count(words, i + 1).is_some() {
        return counted_np(toks, words, i + 1, active);
    }
    // "injuring his two guards", "their three children were killed": the figure after the
    // possessive.
    if matches!(words[i], "his" | "her" | "their" | "its")
        && read_count(words, i + 1)
            .is_some_and(|(_, n)| words.get(i + 1 + n).is_some_and(|w| role_of(w).is_some()))
    {
        // "his two guards" are a person's own guards: civilians, unless the police's.
        let found = counted_np(toks, words, i + 1, active)?;
        let guards = matches!(
            found.2.as_deref(),
            Some("guard" | "guards" | "bodyguard" | "bodyguards")
        ) && !words[i + 1..found.3]
            .iter()
            .any(|w| matches!(*w, "police" | "levies" | "fc" | "rangers" | "security"));
        return Some(if guards {
            (found.0, Some(Role::Civilian), found.2, found.3)
        } else {
            found
        });
    }
    let a_few = words[i] == "a" && matches!(words.get(i + 1), Some(&("few" | "couple")));
    // "detained a number of suspected insurgents": as vague as "several".
    let a_number = a_number_of(words, i);
    // ("killing its driver": a vehicle's one person.)
    // "The governor and two others were killed": a sentence's first victim, named with "the"
    // before others counted with him, is one of them too.
    // ("The DSP of Peshawar Central Jail, and his brother were shot dead", "…, along with
    // three other policemen".)
    let the_first_of_several = words[i] == "the"
        // (At the sentence's start, after a dateline's colon or dash.)
        && (i == 0 || matches!(words[i - 1], ":" | "-" | "—" | "–"))
        && (i + 2..words.len().min(i + 10))
            .find(|&k| words[k] == "and" || words[k] == "along" && words.get(k + 1) == Some(&"with"))
            .is_some_and(|joiner| {
                let figure = if words[joiner] == "and" { joiner + 1 } else { joiner + 2 };
                let one = words[i + 1..joiner].iter().rposition(|w| *w != ",").map_or(joiner, |x| i + 2 + x);
                (read_count(words, figure).is_some()
                    || matches!(words.get(figure), Some(&("his" | "her")))
                        && words.get(figure + 1).is_some_and(|w| role_of(w).is_some()))
                    && words[i + 1..joiner].iter().any(|w| role_of(w).is_some())
                    && words[i + 1..one]
                        .iter()
                        .all(|w| !matches!(*w, "," | "was" | "were" | "is" | "has" | "had"))
            });
    let singular_det = (matches!(words[i], "a" | "an" | "his" | "her" | "their" | "its")
        || (active && words[i] == "the")
        || the_first_of_several)
        && !a_few
        && !a_number
        && !matches!(words.get(i + 1), Some(&("dozen" | "hundred")));
    let (count, used) = if a_number {
        (vague_value("several")?, 3)
    } else if a_few && words[i + 1] == "few" {
        (vague_value("few")?, 2)
    } else if a_few {
        let of = usize::from(words.get(i + 2) == Some(&"of"));
        (Count::exact(2), 2 + of)
    } else if singular_det {
        (Count::exact(1), 1)
    } else if words[i] == "both" {
        (Count::exact(2), 1)
    } else if words[i] == "some"
        && let Some(read) = read_count(words, i)
    {
        // "some 20 people": about 20, not "some people".
        read
    } else if let Some(c) = vague_value(words[i]) {
        (c, 1)
    } else {
        read_count(words, i)?
    };
    let mut j = i + used;
    // An open figure read from its number alone when the scan reached it from the right
    // ("At least five people … have died", "more than 20 hostages were killed"): read with
    // its qualifier, as read_count reads it from the left.
    let mut count = count;
    let qualifier = if i >= 2 && matches!(&words[i - 2..i], ["at", "least"] | ["more", "than"]) {
        Some(i - 2)
    } else if i >= 1 && matches!(words[i - 1], "over" | "atleast") {
        Some(i - 1)
    } else {
        None
    };
    if !singular_det
        && count.high.is_some()
        && let Some(q) = qualifier
    {
        match read_count(words, q) {
            // The qualifier and the same number read together.
            Some((qualified, n)) if q + n == i + used => count = qualified,
            _ => count.high = None,
        }
    }
    // Ages: "13 year old girl", "a 25-year-old man".
    if matches!(words.get(j), Some(&("year" | "years")))
        || words.get(j).is_some_and(|w| w.ends_with("-year-old"))
    {
        count = Count::exact(1);
        while j < words.len() && matches!(words[j], "year" | "years" | "old" | "-" | "year-old") {
            j += 1;
        }
    }
    // "dozens of people", "scores of others": a vague figure names its people after "of".
    if used == 1
        && matches!(
            words[i],
            "dozens" | "scores" | "hundreds" | "thousands" | "tens"
        )
        && words.get(j) == Some(&"of")
        && words
            .get(j + 1)
            .is_some_and(|w| role_of(w).is_some() || *w == "others")
    {
        j += 1;
    }
    // "three of the terrorists", "3 of them".
    if !singular_det
        && words.get(j) == Some(&"of")
        && matches!(
            words.get(j + 1),
            Some(&("the" | "them" | "these" | "those" | "his" | "their" | "her" | "its" | "our"))
        )
    {
        j += 2;
    }
    let mut role = None;
    let mut head = None;
    let mut last = j;
    let mut k = j;
    // The window's start, moved on past an acronym in brackets ("four Tehreek-e-Taliban
    // Pakistan (TTP) militants"), which names again what was just said.
    let mut from = j;
    while k < toks.len() && k < from + 6 {
        let w = words[k];
        if w == "("
            && words.get(k + 2) == Some(&")")
            && toks[k + 1].is_word()
            && !toks[k + 1].text.chars().any(char::is_lowercase)
        {
            k += 3;
            from += 3;
            continue;
        }
        if let Some(r) = role_of(w).or(match w {
            "fc" | "ffc" | "ctd" | "isaf" => Some(Role::State),
            _ => None,
        }) {
            // "a prayer leader", "a tribal leader": a leader of civilians; "a service member":
            // a soldier.
            let r = if leads_civilians_at(words, k) {
                Role::Civilian
            } else if matches!(w, "member" | "members") && k > 0 && words[k - 1] == "service" {
                Role::State
            } else {
                r
            };
            // Compound nouns keep the last head ("police sub inspector", "security guards"),
            // but a force before a plain "man" is his ("a Levies man", "a police man").
            // "a coalition soldier", "two NATO service members": the foreign force's.
            let plain_person =
                matches!(w, "man" | "men" | "person" | "persons" | "chief" | "chiefs");
            role = if plain_person && role == Some(Role::State)
                || role == Some(Role::Foreign) && r == Role::State
            {
                role
            } else {
                Some(r)
            };
            head = Some(w.to_owned());
            last = k + 1;
        } else if role.is_some()
            && (matches!(w, "whereas" | "while" | "who" | "which" | "when")
                || read_count(words, k).is_some())
        {
            // "seven terrorists whereas 15 others": a new clause or a new count.
            break;
        } else if w == "and"
            && role.is_none()
            && words[k + 1..(k + 3).min(words.len())]
                .iter()
                .any(|x| role_of(x).is_some())
        {
            // Coordinated modifiers: "4 TTP and LI militants", "Sindhi and Punjabi labourers".
        } else if !np_filler(&toks[k]) || k > from + 4 {
            break;
        }
        k += 1;
    }
    // "a former army officer", "a retired policeman": no longer serving, a civilian.
    if role.is_some_and(|r| r != Role::Civilian)
        && words[i..last]
            .iter()
            .any(|w| matches!(*w, "former" | "retired" | "ex"))
    {
        role = Some(Role::Civilian);
    }
    // "five members of a family", "three members of the same family": the family is who
    // they are, not one more victim.
    if role.is_some()
        && words.get(last) == Some(&"of")
        && let Some(f) = (last + 1..(last + 4).min(words.len()))
            .find(|&m| matches!(words[m], "family" | "families" | "household" | "clan"))
        && toks[last + 1..f].iter().all(np_filler)
    {
        last = f + 1;
    }
    // "more than 200 Taliban and affiliated militants": the figure covers the group named
    // and the fighters joined to it.
    if role.is_some()
        && !singular_det
        && last > i
        && toks[last - 1].is_capitalised()
        && words.get(last) == Some(&"and")
        && let Some(m) = (last + 1..(last + 4).min(words.len()))
            .find(|&m| role_of(words[m]) == role && words[m].ends_with('s'))
        // (Not "killing four Afghans and wounding 13 others": a new verb and count.)
        && (last + 1..m).all(|p| {
            np_filler(&toks[p])
                && read_count(words, p).is_none()
                && active_category(words[p]).is_none()
        })
    {
        head = Some(words[m].to_owned());
        last = m + 1;
    }
    if singular_det {
        // "a"/"his" need a singular person noun ("a policeman", "his nephew").
        let plural = head.as_deref().is_some_and(|h| {
            h.ends_with('s') && h != "personnel"
                || matches!(h, "people" | "men" | "women" | "children" | "police")
        });
        // "five members of a family": the family is theirs, counted with them.
        let whose = i > 0
            && words[i - 1] == "of"
            && head
                .as_deref()
                .is_some_and(|h| matches!(h, "family" | "household" | "clan"));
        // "two civilians in a passing car were also killed": after a preposition the noun
        // is where they were, not who.
        let after_preposition = i > 0
            && matches!(
                words[i - 1],
                "in" | "on"
                    | "at"
                    | "inside"
                    | "outside"
                    | "near"
                    | "from"
                    | "of"
                    | "with"
                    | "into"
                    | "by"
                    | "under"
                    | "behind"
                    | "for"
                    | "to"
                    | "aboard"
            );
        if role.is_none()
            && !whose
            && !active
            && !after_preposition
            && let Some(end) = one_unknown_harmed(toks, words, j)
        {
            return Some((count, None, Some(words[end - 1].to_owned()), end));
        }
        if role.is_none() || plural || whose {
            return None;
        }
        return Some((count, role, head, last));
    }
    if role.is_none() {
        // A number followed by a non-person noun ("3 vehicles", "2 p.m.") is not a victim
        // count, unless the verb follows directly ("3 killed", "five were wounded") or after
        // a few unknown words (misspelt nouns: "2 policement were gunned down").
        let verb_at = |p: usize| {
            let w = words.get(p).copied().unwrap_or("");
            AUX.contains(&w) || passive_category(w).is_some()
        };
        let next = words.get(j).copied().unwrap_or("");
        let clause_ends = matches!(next, "," | "." | ";" | "");
        // "over 100 more, including 35 children, injured", "12 others were hurt".
        let more = matches!(next, "more" | "others")
            && words
                .get(j + 1)
                .is_some_and(|w| verb_at(j + 1) || matches!(*w, "including" | "," | "." | "among"));
        if more {
            last = j + 1;
        } else if verb_at(j)
            || clause_ends
            || active
                && matches!(
                    next,
                    "and"
                        | "in"
                        | "on"
                        | "at"
                        | "near"
                        | "while"
                        | "as"
                        | "when"
                        | "during"
                        | "after"
                        | "including"
                        // "wounded 13 outside the ministry".
                        | "outside"
                        | "inside"
                        | "across"
                )
        {
            last = j;
        } else if let Some(p) = (j + 1..(j + 4).min(words.len())).find(|&p| {
            // (A verb, not "on" of "on the spot": "one incident on Friday, three children
            // were killed" counts the children only.)
            matches!(
                words[p],
                "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "got"
            ) || passive_category(words[p]).is_some()
        }) && toks[j..p].iter().all(|t| t.is_word() && np_filler(t))
            && !active
        {
            last = p;
        } else {
            return None;
        }
    }
    Some((count, role, head, last))
}

/// Whether "<word> leader" names a leader of civilians: of prayer, a tribe, a faith, a party, a
/// union or a community ("a prayer leader", "a tribal leader", "a Hazara community leader").
/// Whether the leader or chief at `k` leads civilians ("a tribal leader", "the Dushmankhel
/// tribe chief"); other leaders and chiefs are a group's.
fn leads_civilians_at(words: &[&str], k: usize) -> bool {
    matches!(words[k], "leader" | "leaders" | "chief" | "chiefs")
        && k > 0
        && (leads_civilians(words[k - 1])
            // "Baloch Yakjehti Committee leader": a committee of citizens (a peace committee
            // is a militia).
            || words[k - 1] == "committee" && (k < 2 || words[k - 2] != "peace"))
}

fn leads_civilians(word: &str) -> bool {
    matches!(
        word,
        "prayer"
            | "tribal"
            | "tribe"
            | "clan"
            | "jirga"
            | "bar"
            | "press"
            | "religious"
            | "political"
            | "community"
            | "party"
            | "opposition"
            | "student"
            | "students"
            | "labour"
            | "labor"
            | "union"
            | "trade"
            | "business"
            | "traders"
            | "village"
            | "nationalist"
            | "shia"
            | "sunni"
            | "hazara"
            | "christian"
            | "sikh"
            | "hindu"
            | "ahmadi"
    )
}

/// Where a singular noun the lexicon does not know ends, when it stands right before a passive
/// verb of killing or hurting ("a passer-by was killed", "two soldiers and a cook were
/// injured"): whoever is killed or hurt is a person, so the noun counts one. `j` is the word
/// after the article; up to three modifiers may stand before the noun ("an innocent
/// passer-by", "a Sri Lankan factory manager").
fn one_unknown_harmed(toks: &[Token<'_>], words: &[&str], j: usize) -> Option<usize> {
    let end = (j + 1..(j + 5).min(words.len())).find(|&p| {
        // Not "is"/"are": "if a Punjabi is killed" says what happens, not what happened.
        matches!(words[p], "was" | "were" | "has" | "have" | "had" | "got")
    })?;
    let noun_phrase = &toks[j..end];
    if noun_phrase.is_empty()
        || !noun_phrase.iter().all(np_filler)
        || (j..end).any(|k| read_count(words, k).is_some())
    {
        return None;
    }
    let verb = (end..(end + 4).min(words.len()))
        .find(|&p| !AUX.contains(&words[p]) || passive_category(words[p]).is_some())?;
    matches!(
        passive_category(words[verb]),
        Some(Category::Killed | Category::Injured)
    )
    .then_some(end)
}

/// ", including the candidate X," or "including civilians and policemen" between a count and
/// its verb.
/// The first token of a person's name of two or three capitalised words ending just before
/// `e`, the subject of a passive ("PTI leader Ali Wazir was arrested"): after the sentence's
/// start or a lower-case word that is no preposition or article ("in Lakki Marwat was" names
/// a place).
fn name_before(toks: &[Token<'_>], words: &[&str], e: usize) -> Option<usize> {
    let first = (e.saturating_sub(3)..e)
        .find(|&j| toks[j..e].iter().all(|t| t.is_capitalised() && t.is_word()))?;
    if e - first < 2 {
        return None;
    }
    let before_ok = first == 0
        || !toks[first - 1].is_capitalised()
            && toks[first - 1].is_word()
            && !matches!(
                words[first - 1],
                "of" | "in" | "at" | "from" | "near" | "the" | "to" | "on" | "and" | "by"
            );
    before_ok.then_some(first)
}

/// "second", "third" … "tenth": the ordinal that counts one more after those told ("two were
/// killed and a third wounded").
fn is_next_ordinal(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
    )
}

/// Whether `words[i..]` is a bare "another" or "a third" closing an object ("wounded
/// another", "injured a third in the attack"): one person more, of the kind just counted.
/// Not "another two", "another policeman" or "a third of the houses".
fn bare_one_more(words: &[&str], i: usize) -> bool {
    let after = match words.get(i..) {
        Some(["another", ..]) => i + 1,
        Some(["a", w, ..]) if is_next_ordinal(w) => i + 2,
        _ => return false,
    };
    words.get(after).is_none_or(|w| {
        matches!(
            *w,
            "." | ","
                | ";"
                | "in"
                | "on"
                | "at"
                | "near"
                | "when"
                | "while"
                | "as"
                | "and"
                | "before"
                | "after"
                | "during"
        )
    })
}

fn is_aside(between: &[&str]) -> bool {
    let b: Vec<&str> = between
        .iter()
        .copied()
        .filter(|w| !AUX.contains(w))
        .collect();
    matches!(b.first(), Some(&"including") | Some(&"among"))
        || (b.first() == Some(&",") && matches!(b.get(1), Some(&"including") | Some(&"among")))
        // ISPR: "four brave sons of soil, having fought gallantly, embraced shahadat".
        || (b.first() == Some(&",") && b.get(1) == Some(&"having") && b.last() == Some(&","))
        // "11 civilians, most of them women and children, were martyred"
        || (b.first() == Some(&",")
            && b.last() == Some(&",")
            && b.windows(2).any(|w| w[0] == "of" && matches!(w[1], "them" | "whom")))
}

fn is_anaphoric(words: &[&str], i: usize) -> bool {
    i > 0
        && matches!(
            words[i - 1],
            "the" | "these" | "those" | "both" | "all" | "their" | "its"
        )
        // "killing all 33 militants": the figure itself, not those told before.
        && !(words[i - 1] == "all" && read_count(words, i).is_some())
}

/// Whether a sentence tells that nobody was killed, and whether it tells that nobody was hurt:
/// "no casualties were reported", "no one was hurt", "without causing any casualties", "no
/// loss of life", "there were no injuries". A zero the text gives is a zero; only a figure it
/// leaves out is unknown. ("No word on casualties" tells nothing.)
pub fn told_unharmed(words: &[String]) -> (bool, bool) {
    let (mut none_killed, mut none_hurt) = (false, false);
    // "no" or "without" a few words before, with only these between.
    let negated = |i: usize| {
        (i.saturating_sub(4)..i).rev().any(|j| {
            matches!(words[j].as_str(), "no" | "without")
                && words[j + 1..i].iter().all(|x| {
                    matches!(
                        x.as_str(),
                        "reports"
                            | "report"
                            | "of"
                            | "immediate"
                            | "any"
                            | "causing"
                            | "human"
                            | "other"
                            | "further"
                    )
                })
        })
    };
    for (i, w) in words.iter().enumerate() {
        match w.as_str() {
            "casualties" | "casualty" if negated(i) => (none_killed, none_hurt) = (true, true),
            "fatalities" | "deaths" if negated(i) => none_killed = true,
            "injuries" | "injury" if negated(i) => none_hurt = true,
            "loss"
                if i >= 1
                    && words[i - 1] == "no"
                    && words.get(i + 1).is_some_and(|x| x == "of")
                    && words
                        .get(i + 2)
                        .is_some_and(|x| x == "life" || x == "lives") =>
            {
                none_killed = true;
            }
            // "no one was hurt", "nobody else was injured", "no one was reportedly killed".
            "one" | "nobody" if w == "nobody" || i >= 1 && words[i - 1] == "no" => {
                let verb = words[i + 1..(i + 5).min(words.len())].iter().find(|x| {
                    !matches!(
                        x.as_str(),
                        "else"
                            | "was"
                            | "were"
                            | "is"
                            | "has"
                            | "had"
                            | "been"
                            | "got"
                            | "reportedly"
                            | "seriously"
                    )
                });
                // "A suicide bomber blew himself up; no one else was hurt": he died.
                let others = words.get(i + 1).is_some_and(|x| x == "else");
                match verb.map(String::as_str) {
                    Some("hurt" | "harmed") if others => none_hurt = true,
                    Some("hurt" | "harmed") => (none_killed, none_hurt) = (true, true),
                    Some("killed" | "died") => none_killed = true,
                    Some("injured" | "wounded") => none_hurt = true,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    (none_killed, none_hurt)
}

/// Where a figure's verb of growth stands before "to", between `from` and `to` (word
/// indices): "rose to 17", "has risen to 45", "climbed to at least 20".
fn rose_to(words: &[&str], from: usize, to: usize) -> Option<usize> {
    (from..to.min(words.len())).find(|&k| {
        matches!(
            words[k],
            "rose" | "risen" | "climbed" | "jumped" | "reached" | "increased"
        ) && words.get(k + 1) == Some(&"to")
    })
}

fn is_subset(words: &[&str], i: usize) -> bool {
    (1..=3).any(|d| i >= d && matches!(words[i - d], "including" | "whom" | "them" | "include"))
        // "three civilians, two of them children, were martyred"
        || matches!(words.get(i + 1..i + 3), Some(["of", "them" | "whom"]))
            && i >= 2
            && words[i - 1] == ","
}

/// Find the counts of killed, injured and arrested people in a sentence's tokens.
pub fn find_casualties(toks: &[Token<'_>]) -> Vec<Casualty> {
    let mut words: Vec<&str> = toks.iter().map(|t| t.lower.as_ref()).collect();
    // One pass for two readings:
    // - "A mob beat a man to death", "was stoned to death": the verb of harm kills, and is read
    //   as "killed" in either voice;
    // - "Most of the dead were …", "among the injured", "the dead included": a breakdown of a
    //   figure told, where each counted noun after the first such phrase of its kind is part
    //   of that figure (`told_who_they_were`: of the dead, of the hurt).
    let mut told_who_they_were: [Option<usize>; 2] = [None, None];
    for j in 2..words.len() {
        match words[j] {
            "death" if words[j - 1] == "to" => {
                if let Some(v) = (j.saturating_sub(6)..j - 1).rev().find(|&v| {
                    matches!(
                        words[v],
                        "beat"
                            | "beaten"
                            | "beating"
                            | "stoned"
                            | "stoning"
                            | "hacked"
                            | "stabbed"
                            | "tortured"
                            | "torturing"
                            | "burnt"
                            | "burned"
                            | "clubbed"
                            | "bludgeoned"
                            | "crushed"
                            | "strangled"
                    )
                }) {
                    words[v] = "killed";
                }
            }
            w @ ("dead" | "killed" | "injured" | "wounded")
                if words[j - 1] == "the"
                    && (matches!(words[j - 2], "of" | "among")
                        || matches!(
                            words.get(j + 1),
                            Some(&("were" | "included" | "include"))
                        )) =>
            {
                let slot = usize::from(matches!(w, "injured" | "wounded"));
                told_who_they_were[slot].get_or_insert(j);
            }
            _ => {}
        }
    }
    let words = words;
    // "one of more than 50 insurgents killed since the beginning of the year": a running
    // tally over months, not the dead of this incident.
    let cumulative = words.windows(3).any(|w| {
        matches!(
            w,
            ["since", "the", "beginning" | "start"]
                | ["so", "far", "this"]
                | ["this", "year", "alone"]
        )
    });
    // "29 journalists have been killed in the past five years", "since 2001", "in the first
    // six months of 2013": a tally over a period, not the toll of one incident. (Hours and
    // days are an incident's or an operation's: "over the past 24 hours".)
    let period = |k: usize| {
        matches!(
            words.get(k).copied(),
            Some("years" | "months" | "decade" | "decades" | "year")
        )
    };
    // "14 people were killed in separate incidents … over the past week": a week's tally
    // when the sentence says it sums incidents.
    let incidents = words.iter().any(|w| matches!(*w, "incidents" | "attacks"));
    let week = |k: usize| incidents && matches!(words.get(k).copied(), Some("week" | "weeks"));
    // (Where the first perfect tense is, read once: a sentence may say "since" many times.)
    let first_perfect = words
        .iter()
        .position(|w| matches!(*w, "have" | "has" | "had"));
    let periods: Vec<usize> = words
        .windows(2)
        .enumerate()
        .filter(|&(k, w)| match w {
            ["past" | "last", _] => {
                k >= 1
                    && matches!(words[k - 1], "the")
                    && k >= 2
                    && matches!(words[k - 2], "in" | "over" | "during")
                    && (period(k + 1) || period(k + 2) || week(k + 1) || week(k + 2))
            }
            // "have been killed since 2001" (not "the deadliest attack since 2011"), "had
            // killed at least 50 children since October".
            ["since", y] => {
                (is_year(y) || is_month_name(y))
                    && first_perfect.is_some_and(|h| h < k)
                    && !words[k.saturating_sub(8)..k]
                        .iter()
                        .any(|w| *w == "most" || w.ends_with("est"))
            }
            ["first", "six" | "three" | "nine" | "two"] => period(k + 2),
            ["first", "half"] => true,
            ["during", "the"] => words.get(k + 2) == Some(&"year"),
            // "sectarian violence has killed dozens of people in recent months".
            ["in", "recent"] => period(k + 2) || matches!(words.get(k + 2).copied(), Some("weeks")),
            _ => false,
        })
        .map(|(k, _)| k)
        .collect();
    // "687 people were killed in more than 200 sectarian attacks last year", "1,717 terrorist
    // attacks … claiming the lives of 2,451": figures over tens of incidents are a tally.
    let many_incidents = words.iter().enumerate().any(|(k, w)| {
        matches!(
            *w,
            "attacks"
                | "incidents"
                | "bombings"
                | "blasts"
                | "strikes"
                | "clashes"
                | "violations"
                | "encounters"
                | "raids"
                | "operations"
                // "1,018 protests erupted … in which 45 civilians … lost their lives".
                | "protests"
                | "demonstrations"
        ) && (k.saturating_sub(3)..k).any(|j| {
            // The figure counts the incidents: only describing words between ("more than 200
            // sectarian attacks", not "25 wounded in clashes").
            // ("the 1993 Mumbai serial blasts" names a year.)
            !is_year(words[j])
                && read_count(&words, j).is_some_and(|(c, n)| {
                    j + n <= k
                        && c.low >= 10
                        && words[j + n..k].iter().all(|w| {
                            w.chars().all(char::is_alphabetic)
                                && passive_category(w).is_none()
                                && active_category(w).is_none()
                                && !matches!(
                                    *w,
                                    "in" | "at"
                                        | "on"
                                        | "during"
                                        | "and"
                                        | "of"
                                        | "were"
                                        | "was"
                                        | "by"
                                        | "after"
                                        | "from"
                                        | "others"
                                        | "more"
                                )
                        })
                })
        })
    });
    if cumulative || many_incidents {
        return Vec::new();
    }
    let mut out: Vec<Casualty> = Vec::new();
    let mut used = vec![false; toks.len()];

    // "death toll rose to 17", "toll climbed to at least 20", "the number of militants
    // killed in the operation rose to six".
    for i in 0..words.len() {
        let number_of = (words[i] == "number" && words.get(i + 1) == Some(&"of"))
            .then(|| {
                (i + 2..(i + 6).min(words.len()))
                    .find_map(|k| passive_category(words[k]).map(|c| (k, c)))
            })
            .flatten();
        if let Some((k, cat)) = number_of
            && let Some(r) = rose_to(&words, k + 1, k + 12)
            && let Some((c, n)) = read_count(&words, r + 2)
        {
            for u in used.iter_mut().skip(r + 2).take(n) {
                *u = true;
            }
            let (role, head) = person_before(&words, i + 2, k);
            out.push(Casualty {
                total: true,
                ..Casualty::plain(cat, c, role, head, r + 2)
            });
            continue;
        }
        if words[i] == "toll" {
            let end = (i + 6).min(words.len());
            // "The death toll from Thursday's ambush of a convoy near Thall rose to 16".
            let rose = rose_to(&words, i + 1, i + 20);
            if let Some(p) = rose.map(|k| k + 1).or_else(|| {
                (i + 1..end).find(|&k| {
                    words[k] == "to" || words[k] == "at" || words[k] == "is" || words[k] == "stood"
                })
            }) && let Some((c, n)) =
                read_count(&words, p + 1).or_else(|| read_count(&words, p + 2))
            {
                let at = if read_count(&words, p + 1).is_some() {
                    p + 1
                } else {
                    p + 2
                };
                for u in used.iter_mut().skip(at).take(n) {
                    *u = true;
                }
                let injured = words[i.saturating_sub(2)..i].contains(&"injury")
                    || words[i.saturating_sub(2)..i].contains(&"injured");
                out.push(Casualty {
                    total: true,
                    ..Casualty::plain(
                        if injured {
                            Category::Injured
                        } else {
                            Category::Killed
                        },
                        c,
                        None,
                        None,
                        at,
                    )
                });
            }
        }
    }

    // Active: "killing two insurgents", "arrested a suspect", "left five people dead".
    for v in 0..words.len() {
        let mut cat = active_category(words[v]);
        let mut start = v + 1;
        if cat.is_none() && matches!(words[v], "left" | "leaving") {
            cat = Some(Category::Killed); // decided by the word after the phrase below
        }
        if words[v] == "shot"
            && !matches!(words.get(v + 1), Some(&"dead"))
            && words[v + 1..(v + 9).min(words.len())].contains(&"dead")
        {
            // "shot a policeman (name) dead"
            cat = Some(Category::Killed);
        }
        // "rounded up 20 suspects".
        if words[v] == "rounded" && words.get(start) == Some(&"up") {
            cat = Some(Category::Arrested);
            start += 1;
        }
        // "killing all 33 militants": the figure after "all".
        if words.get(start) == Some(&"all") && read_count(&words, start + 1).is_some() {
            start += 1;
        }
        if words.get(start) == Some(&"of") {
            // "with killing of eight more terrorists"; but "the killing of their commander" is
            // a noun phrase, counted below only when told as an outcome.
            if cat.is_some() && v > 0 && matches!(words[v - 1], "the" | "a") {
                cat = None;
            }
            start += 1;
        }
        // "took the two occupants of the vehicle into custody".
        if matches!(words[v], "took" | "take" | "takes" | "taking")
            && words[v + 1..(v + 10).min(words.len())]
                .windows(2)
                .any(|p| p == ["into", "custody"])
        {
            cat = Some(Category::Arrested);
        }
        // Nominal forms: "resulted in the death of X", "the detention of two suspects".
        // Only as an outcome ("resulted in", "led to", "confirmed"): "a protest against the
        // killing of X" or "following the arrest of Y" tells why people gathered.
        let nominal = match words[v] {
            _ if words.get(v + 1) != Some(&"of") => None,
            "death" | "deaths" | "killing" | "murder" | "assassination" => Some(Category::Killed),
            "detention" | "arrest" | "capture" | "arrests" | "detentions" => {
                Some(Category::Arrested)
            }
            _ => None,
        };
        let outcome = || {
            words[v.saturating_sub(10)..v].iter().any(|w| {
                matches!(
                    *w,
                    "resulted"
                        | "resulting"
                        | "result"
                        | "led"
                        | "leading"
                        | "caused"
                        | "confirmed"
                        | "confirms"
                        | "announced"
                        // "claimed responsibility for the killing of …", "ISKP
                        // claimed the killing of a Taliban commander".
                        | "responsibility"
                        | "claimed"
                        | "claims"
                )
            }) && !words[..v].iter().any(|w| {
                matches!(
                    *w,
                    "against"
                        | "over"
                        | "protest"
                        | "protested"
                        | "protesting"
                        | "following"
                        | "after"
                )
            })
        };
        if let Some(c) = nominal.filter(|_| outcome()) {
            cat = Some(c);
            start = v + 2;
            // "the death of Maulawi Tayeb": a named person is one.
            let named = toks.get(start).is_some_and(|t| {
                t.is_capitalised() && !matches!(words[start], "the" | "a" | "an" | "his")
            }) && counted_np(toks, &words, start, true).is_none()
                && read_count(&words, start).is_none();
            if named && !used[start] {
                used[start] = true;
                out.push(Casualty::at(c, Count::exact(1), None, None, &words, start));
                // "the death of Shuja Khanzada, Punjab Home Minister, and 19 other
                // individuals": the others named after the name and its title.
                let others = (start + 1..(start + 12).min(words.len()))
                    .take_while(|&k| {
                        active_category(words[k]).is_none() && passive_category(words[k]).is_none()
                    })
                    .filter(|&k| words[k] == "and")
                    .find_map(|k| {
                        // "… and his son".
                        if matches!(words.get(k + 1), Some(&("his" | "her")))
                            && words
                                .get(k + 2)
                                .is_some_and(|w| role_of(w).is_some() && !w.ends_with('s'))
                        {
                            return Some((Count::exact(1), k + 1));
                        }
                        let (count, n) = read_count(&words, k + 1)?;
                        matches!(words.get(k + 1 + n), Some(&("other" | "others")))
                            .then_some((count, k + 1))
                    });
                if let Some((count, at)) = others
                    && !used[at]
                {
                    used[at] = true;
                    out.push(Casualty {
                        additional: true,
                        ..Casualty::plain(c, count, None, None, at)
                    });
                }
                continue;
            }
        }
        if matches!(words[v], "shot" | "gunned")
            && matches!(words.get(v + 1), Some(&("dead" | "down")))
        {
            cat = Some(Category::Killed);
            start = v + 2;
        }
        // "recovered the bullet-riddled body of a kidnapped doctor", "found two bodies".
        if matches!(words[v], "found" | "recovered" | "retrieved")
            && let Some(b) =
                (v + 1..(v + 5).min(words.len())).find(|&k| matches!(words[k], "body" | "bodies"))
            && toks[v + 1..b].iter().all(np_filler)
        {
            let counted = if words.get(b + 1) == Some(&"of") {
                counted_np(toks, &words, b + 2, true)
                    .map(|(c, role, head, _)| (c, role, head, b + 2))
            } else {
                read_count(&words, v + 1).map(|(c, _)| (c, None, None, v + 1))
            }
            .or_else(|| (words[b] == "body").then(|| (Count::exact(1), None, None, b)));
            if let Some((c, role, head, at)) = counted
                && !used[at]
            {
                used[at] = true;
                out.push(Casualty::at(Category::Killed, c, role, head, &words, at));
            }
            continue;
        }
        if words[v] == "claimed" || words[v] == "claiming" {
            // "claimed 12 lives", "claimed 7 civilians lives", "claimed the lives of 11 people".
            let counted = read_count(&words, v + 1).and_then(|(c, n)| {
                let lives = (v + 1 + n..(v + 4 + n).min(words.len()))
                    .find(|&k| matches!(words[k], "lives" | "life"))?;
                toks[v + 1 + n..lives]
                    .iter()
                    .all(np_filler)
                    .then_some((c, v + 1))
            });
            let counted = counted.or_else(|| {
                if words.get(v + 1..v + 4) == Some(&["the", "lives", "of"][..]) {
                    let (c, _, _, _) = counted_np(toks, &words, v + 4, true)?;
                    Some((c, v + 4))
                } else {
                    None
                }
            });
            if let Some((c, at)) = counted
                && !used[at]
            {
                used[at] = true;
                out.push(Casualty::plain(Category::Killed, c, None, None, at));
            }
            continue;
        }
        let Some(mut cat) = cat else { continue };
        let mut i = start;
        // "detained another two", "captured two additional", "an additional suspect".
        while i < words.len()
            && (matches!(words[i], "another" | "additional" | "further" | "also")
                || (words[i] == "an" && words.get(i + 1) == Some(&"additional")))
        {
            if words[i] == "an"
                || (words[i] == "another" && words.get(i + 1).is_some_and(|w| role_of(w).is_some()))
            {
                break;
            }
            i += 1;
        }
        // "killed two policemen and wounded a third", "… and injured another": one more.
        if bare_one_more(&words, start) && !used[start] {
            used[start] = true;
            out.push(Casualty {
                additional: true,
                ..Casualty::plain(cat, Count::exact(1), None, None, start)
            });
            continue;
        }
        let mut first = true;
        // Inside an "including …" aside after the object: its items are parts of it.
        let mut aside = false;
        loop {
            if i >= words.len() || used[i] {
                break;
            }
            // "captured the IED expert" names someone already counted, unless nothing else is
            // said; "killing the driver" is news (a restated victim is caught when figures
            // are summed).
            let restating = words[i] == "the" && cat == Category::Arrested;
            let Some((count, role, head, after)) = counted_np(toks, &words, i, true) else {
                // "engaged the male, killing him": one person, unless a firmer figure is given.
                if first && matches!(words[i], "him" | "her") && words[v] != "left" {
                    used[i] = true;
                    // Who "him" is: the nearest person noun before ("kidnapped a civilian …
                    // shot him dead").
                    let (role, head) = person_before(&words, i.saturating_sub(20), v);
                    out.push(Casualty {
                        weak: true,
                        ..Casualty::plain(cat, Count::exact(1), role, head, i)
                    });
                    // "killed him and two of his guards": the list goes on, and he is one
                    // of it, not one of a figure told elsewhere.
                    // ("detained him and his associates" restates those captured.)
                    if words.get(i + 1) == Some(&"and")
                        && counted_np(toks, &words, i + 2, true).is_some()
                    {
                        if let Some(him) = out.last_mut() {
                            him.weak = false;
                        }
                        i += 2;
                        first = false;
                        continue;
                    }
                } else if first
                    && words[v] != "left"
                    && let Some(after) = named_person(toks, &words, i)
                {
                    // "killing Qari Ziauddin, the shadow governor", "killed Rostum and his
                    // associate".
                    for u in used.iter_mut().take(after).skip(i) {
                        *u = true;
                    }
                    // The name is the head: another "1" beside it is someone else.
                    let name = words[i..after].join(" ");
                    out.push(Casualty::plain(cat, Count::exact(1), None, Some(name), i));
                    // "killed Khalil Haqqani, the Taliban's minister for refugees, and four
                    // others": the others may follow the name's apposition.
                    let and_at = if words.get(after) == Some(&",") {
                        (after + 1..(after + 12).min(words.len()))
                            .take_while(|&k| {
                                active_category(words[k]).is_none()
                                    && passive_category(words[k]).is_none()
                            })
                            .find(|&k| words[k - 1] == "," && and_others(&words, k))
                    } else {
                        Some(after)
                    };
                    // ("arrested Mahrang Baloch along with 16 other activists".)
                    let figure = and_at.and_then(|after| {
                        others_from(&words, after).or_else(|| {
                            (words.get(after) == Some(&"and")
                                && matches!(words.get(after + 1), Some(&("his" | "her"))))
                            .then_some(after + 1)
                        })
                    });
                    if let Some(figure) = figure
                        && let Some((count, role, head, _)) = counted_np(toks, &words, figure, true)
                    {
                        used[figure] = true;
                        out.push(Casualty::at(cat, count, role, head, &words, figure));
                    }
                } else if first
                    && words[v] != "left"
                    && let Some((noun, after)) = described_person(toks, &words, i)
                {
                    // "killed TTP commander Qari Hussain": one person, of the noun's side.
                    for u in used.iter_mut().take(after).skip(i) {
                        *u = true;
                    }
                    out.push(Casualty::plain(
                        cat,
                        Count::exact(1),
                        role_of(words[noun]),
                        Some(words[noun].to_owned()),
                        i,
                    ));
                    // "detained BYC chief Dr Mahrang Baloch and 17 other activists" (or "along
                    // with 16 other activists").
                    if let Some(figure) = others_from(&words, after)
                        && let Some((count, role, head, _)) = counted_np(toks, &words, figure, true)
                    {
                        used[figure] = true;
                        out.push(Casualty::at(cat, count, role, head, &words, figure));
                    }
                }
                break;
            };
            // "killed 5 people and 20 people were injured": a conjunct with a verb of its own
            // is the subject of the next clause, counted there.
            // "…, killing eight people, the Taliban said", "…, a Taliban spokesman said": the
            // source, not a victim.
            if !first
                && (words
                    .get(after)
                    .is_some_and(|w| AUX.contains(w) || passive_category(w).is_some())
                    || speaks_next(&words, after))
            {
                // "killing 15 people, including 13 policemen and 1 soldier killed": the
                // aside's last item, with a participle of its own.
                if aside
                    && words[i - 1] == "and"
                    && words.get(after).and_then(|w| passive_category(w)) == Some(cat)
                {
                    for u in used.iter_mut().take(after).skip(i) {
                        *u = true;
                    }
                    out.push(Casualty {
                        subset: true,
                        ..Casualty::at(cat, count, role, head, &words, i)
                    });
                }
                break;
            }
            if words[v] == "left" || words[v] == "leaving" {
                match words.get(after).and_then(|w| passive_category(w)) {
                    Some(c) => cat = c,
                    None => break,
                }
            }
            // A bare number after an active verb needs its noun ("killed 3 people"), except "killed three".
            if role.is_none() && after == i + 1 && !first {
                break;
            }
            for u in used.iter_mut().take(after.max(i + 1)).skip(i) {
                *u = true;
            }
            let mut found = Casualty::at(cat, count, role, head, &words, i);
            // Stands only when nothing firmer is said of the incident ("arrested the leader
            // and 16 others" says more of him).
            // ("the cleric and four of his guards" too.)
            // ("detained the leader along with two of his associates".)
            let figure = match words.get(after..) {
                Some(["and", ..]) => Some(after + 1),
                Some(["along", "with", ..]) => Some(after + 2),
                _ => None,
            };
            found.weak |= restating
                && others_from(&words, after).is_none()
                && !figure.is_some_and(|f| {
                    read_count(&words, f).is_some_and(|(_, n)| {
                        words.get(f + n) == Some(&"of")
                            && matches!(words.get(f + 1 + n), Some(&("his" | "her")))
                    })
                });
            // "neutralized the three militants": those told of before.
            found.anaphoric |= cat != Category::Arrested
                && words[i] == "the"
                && read_count(&words, i + 1).is_some();
            found.subset |= aside;
            out.push(found);
            first = false;
            // "killed three people, including two policemen": the aside breaks the figure down.
            let opens_aside = |k: usize| {
                (words.get(k) == Some(&"including"))
                    .then_some(k + 1)
                    .or_else(|| {
                        (words.get(k) == Some(&",") && words.get(k + 1) == Some(&"including"))
                            .then_some(k + 2)
                    })
            };
            if !aside && let Some(k) = opens_aside(after) {
                aside = true;
                i = k;
                continue;
            }
            // Conjuncts: "three citizens and their driver", "two soldiers, a policeman and ...".
            // ("arrested Mahrang Baloch along with 16 other activists".)
            let mut k = after;
            while k < words.len()
                && (matches!(words[k], "," | "and" | "as" | "well")
                    || words[k] == "along" && words.get(k + 1) == Some(&"with")
                    || words[k] == "with" && k > after && words[k - 1] == "along")
            {
                k += 1;
            }
            if k == after {
                break;
            }
            // "detained the man, an IED facilitator, and three additional suspects": an
            // apposition says who the one just counted is; the list goes on after it.
            // (A sentence may end on the comma: "The attacks killed 91,".)
            if k == words.len() {
                break;
            }
            if words[after..k] == [","] && matches!(words[k], "a" | "an") {
                let noun = (k + 1..(k + 6).min(words.len()))
                    .take_while(|&m| words[m] != ",")
                    .find(|&m| role_of(words[m]).is_some());
                if let Some(m) = noun.filter(|&m| words.get(m + 1) == Some(&","))
                    && count.best == 1
                {
                    for u in used.iter_mut().take(m + 1).skip(k) {
                        *u = true;
                    }
                    k = m + 1;
                    while k < words.len() && matches!(words[k], "," | "and") {
                        k += 1;
                    }
                }
            }
            if k < words.len() && matches!(words[k], "their" | "his" | "her" | "one" | "a" | "an") {
                // "and their Pakistani driver": one more person when the noun is singular.
                let mut m = k + 1;
                while m < words.len()
                    && m < k + 4
                    && role_of(words[m]).is_none()
                    && np_filler(&toks[m])
                {
                    m += 1;
                }
                // "killing two policemen and a passer-by": a noun the lexicon does not know,
                // ending the list, after a person counted, is one person more (not when
                // taken: "captured two insurgents and a weapons cache").
                let unknown_last = cat != Category::Arrested
                    && matches!(words[k], "a" | "an")
                    && m > k + 1
                    && out.last().is_some_and(|c| c.role.is_some())
                    && words.get(m).is_none_or(|w| {
                        matches!(
                            *w,
                            "," | "."
                                | ";"
                                | "in"
                                | "on"
                                | "at"
                                | "near"
                                | "outside"
                                | "when"
                                | "while"
                                | "as"
                                | "after"
                                | "during"
                        )
                    });
                if unknown_last {
                    m -= 1;
                }
                // "killing six passengers, a day after clashes": a time, not a person.
                let unknown_last = unknown_last
                    && !matches!(
                        words[m],
                        "day" | "week" | "month" | "year" | "night" | "while" | "time" | "decade"
                    );
                if m < words.len()
                    && words[k] != "one"
                    && (unknown_last
                        || role_of(words[m]).is_some()
                            && !words[m].ends_with('s')
                            // "and her two children": a figure, and an irregular plural.
                            && !matches!(words[m], "children" | "men" | "women")
                            && !(k + 1..m).any(|x| read_count(&words, x).is_some()))
                    && words[m] != "people"
                    && !speaks_next(&words, m + 1)
                {
                    used[m] = true;
                    out.push(Casualty {
                        subset: aside,
                        // "detained the leader and a suspected associate".
                        beside_named: cat == Category::Arrested && beside_definite(&words, k),
                        ..Casualty::plain(
                            cat,
                            Count::exact(1),
                            role_of(words[m]),
                            Some(words[m].to_owned()),
                            m,
                        )
                    });
                    // "two soldiers, a policeman and a civilian": the list may go on.
                    let mut next = m + 1;
                    while next < words.len() && matches!(words[next], "," | "and") {
                        next += 1;
                    }
                    if next > m + 1
                        && next < words.len()
                        && matches!(words[next], "a" | "an" | "their" | "his" | "her")
                    {
                        i = next;
                        continue;
                    }
                    break;
                }
            }
            if k >= words.len()
                || active_category(words[k]).is_some()
                || passive_category(words[k]).is_some()
            {
                break;
            }
            i = k;
        }
    }

    // ISPR's idiom: "Sepoy Abdul Wahab (…) and Lance Naik Sajid Hussain (…) embraced
    // shahadat": one death for each soldier named by rank before the verb.
    for v in 0..words.len() {
        if !(matches!(words[v], "embraced" | "embrace")
            && matches!(words.get(v + 1), Some(&("shahadat" | "martyrdom"))))
        {
            continue;
        }
        let lo = (0..v)
            .rev()
            .find(|&k| matches!(words[k], ";" | ":") || used[k])
            .map_or(0, |k| k + 1);
        let ranks: Vec<usize> = (lo..v)
            .filter(|&k| {
                RANKS.contains(&words[k]) && toks.get(k + 1).is_some_and(|t| t.is_capitalised())
                    // "Lance Naik" is one rank.
                    && !(k > lo && RANKS.contains(&words[k - 1]))
            })
            .collect();
        if let Some(&first) = ranks.first() {
            used[first] = true;
            out.push(Casualty::plain(
                Category::Killed,
                Count::exact(ranks.len() as u32),
                Some(Role::State),
                Some(words[first].to_owned()),
                first,
            ));
        }
    }

    // Passive: "1 FC personnel, and 4 militants were killed", "a policeman was shot dead".
    for v in 0..words.len() {
        let mut cat = passive_category(words[v]);
        if words[v] == "dead" && v > 0 && words[v - 1] == "shot" {
            cat = Some(Category::Killed);
        }
        if words[v] == "lives" && v >= 2 && words[v - 2] == "lost" {
            cat = Some(Category::Killed);
        }
        if words[v] == "down" && v > 0 && words[v - 1] == "gunned" {
            cat = Some(Category::Killed);
        }
        // ISPR's idioms: "six khwarij were sent to hell", "four soldiers embraced shahadat".
        if words[v] == "hell" && v >= 2 && words[v - 2..v] == ["sent", "to"] {
            cat = Some(Category::Killed);
        }
        // "engaged the khwarij and sent six of them to hell": the troops' dead foes.
        if words[v] == "sent"
            && !used[(v + 1).min(words.len() - 1)]
            && let Some((count, n)) = read_count(&words, v + 1)
            && words[(v + 1 + n).min(words.len())..(v + 7).min(words.len())]
                .windows(2)
                .any(|w| w == ["to", "hell"])
        {
            used[v + 1] = true;
            out.push(Casualty::plain(
                Category::Killed,
                count,
                Some(Role::Armed),
                None,
                v + 1,
            ));
            continue;
        }
        if matches!(words[v], "shahadat" | "martyrdom")
            && v >= 1
            && matches!(words[v - 1], "embraced" | "embrace")
        {
            cat = Some(Category::Killed);
        }
        // "body of an officer was found", "3 bodies were recovered".
        if matches!(words[v], "found" | "recovered")
            && words[v.saturating_sub(10)..v]
                .iter()
                .any(|w| *w == "body" || *w == "bodies")
        {
            cat = Some(Category::Killed);
        }
        // "The bodies of six coal miners, kidnapped last week, were found": whose bodies are
        // counted after "of", whatever aside stands before the verb.
        if matches!(words[v], "found" | "recovered") {
            let of = (v.saturating_sub(16)..v).find(|&k| {
                matches!(words[k], "body" | "bodies") && words.get(k + 1) == Some(&"of")
            });
            if let Some(k) = of
                && !used[k + 2..v].iter().any(|u| *u)
                && let Some((count, role, head, _)) = counted_np(toks, &words, k + 2, true)
            {
                used[k + 2] = true;
                out.push(Casualty::at(
                    Category::Killed,
                    count,
                    role,
                    head,
                    &words,
                    k + 2,
                ));
                continue;
            }
        }
        let Some(cat) = cat else { continue };
        // "4 militants gunned down a journalist": an object follows, so this is the active
        // verb, not a passive one.
        let be_verb = words[v.saturating_sub(4)..v]
            .iter()
            .any(|w| matches!(*w, "were" | "was" | "been" | "are" | "is" | "be" | "got"));
        let object_follows = words.get(v + 1).is_some_and(|w| {
            matches!(
                *w,
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "him"
                    | "them"
                    | "their"
                    | "another"
                    | "additional"
                    | "suspected"
                    | "more"
                    | "two"
            ) || read_count(&words, v + 1).is_some()
                || vague_value(w).is_some()
                // "shot dead Adalat Khan, a former nazim".
                || named_person(toks, &words, v + 1).is_some()
                // "killed Taliban leader Saifullah".
                || described_person(toks, &words, v + 1).is_some()
        });
        if !be_verb
            && object_follows
            && matches!(
                words[v],
                "down"
                    | "dead"
                    | "killed"
                    | "detained"
                    | "arrested"
                    | "captured"
                    | "injured"
                    | "wounded"
            )
        {
            continue;
        }
        // "many bodies lay trapped" is not a new count of the dead.
        let vague_ok = words[v] != "bodies";
        // Walk back over auxiliaries to the end of the subject phrase, and over an earlier
        // participle joined to this one.
        let mut e = v;
        let mut floor = v.saturating_sub(5);
        while e > 0 && e > floor {
            if AUX.contains(&words[e - 1])
                || matches!(
                    words[e - 1],
                    "lost" | "their" | "his" | "shot" | "gunned" | "sent" | "to" | "embraced"
                )
            {
                e -= 1;
            } else if let Some(p) = joined_participle(&words, e) {
                floor = floor.saturating_sub(e - p);
                e = p;
            } else {
                break;
            }
        }
        // Collect counted phrases that end at `e`, walking left over conjunctions.
        let mut items: Vec<Casualty> = Vec::new();
        let mut end = e;
        let lo = v.saturating_sub(24);
        let mut s = end;
        while s > lo {
            s -= 1;
            if used[s] {
                break;
            }
            // "two civilians in a passing car were also killed": a short place phrase right
            // before the verb belongs to the subject.
            // (Not "a boy in police custody": the verb there is no passive one.)
            if items.is_empty()
                && end == e
                && matches!(words[e], "was" | "were" | "have" | "has" | "had")
                && matches!(words[s], "in" | "inside" | "aboard")
                && (2..=5).contains(&(end - s))
                && toks[s + 1..end].iter().all(np_filler)
                && !(s + 1..end).any(|k| read_count(&words, k).is_some())
            {
                end = s;
                continue;
            }
            if passive_category(words[s]).is_some()
                || active_category(words[s]).is_some()
                || matches!(
                    words[s],
                    "by" | "in" | "after" | "when" | ";" | ":" | "said" | "that"
                )
            {
                break;
            }
            // "between 15 and 20 people had been killed": the range, read from its start.
            if s >= 3
                && words[s - 1] == "and"
                && words[s - 3] == "between"
                && !used[s - 3]
                && read_count(&words, s - 3).is_some()
            {
                s -= 3;
            }
            // "Eight to ten people were feared dead", "half a dozen militants were killed":
            // the figure read from its start.
            if s >= 2
                && matches!(words[s - 1], "to" | "or")
                && !used[s - 2]
                && read_count(&words, s - 2).is_some_and(|(_, n)| n == 3)
            {
                s -= 2;
            } else if s >= 1 && words[s - 1] == "half" && words[s] == "a" && !used[s - 1] {
                s -= 1;
            }
            // "Two policemen guarding a polio team were shot dead": the participle's object is
            // no subject.
            if s >= 1
                && words[s - 1].len() > 4
                && words[s - 1].ends_with("ing")
                && !matches!(
                    words[s - 1],
                    "including" | "during" | "following" | "leaving"
                )
                && active_category(words[s - 1]).is_none()
                && matches!(words[s], "a" | "an" | "the")
            {
                continue;
            }
            let Some((count, role, head, after)) = counted_np(toks, &words, s, false) else {
                continue;
            };
            // "No one was hurt", "not one soldier was killed".
            if s > 0 && matches!(words[s - 1], "no" | "not") {
                break;
            }
            if !(vague_ok || vague_value(words[s]).is_none()) || after > end {
                continue;
            }
            let between = &words[after..end];
            let aside = is_aside(between);
            // Up to two unknown words may stand between the noun and the verb ("1 levies
            // personel was killed").
            let fillers = between
                .iter()
                .filter(|w| !AUX.contains(*w) && **w != ",")
                .count();
            // "A senior militant commander of Kunduz Province and two senior advisors were
            // killed": a proper name after "of" belongs to the noun.
            // ("The governor of Balkh province and two others": and the place's kind.)
            let of_name = words.get(after) == Some(&"of")
                && end - after <= 5
                && (after + 1..end).all(|x| {
                    toks[x].is_capitalised()
                        || matches!(
                            words[x],
                            "the" | "province" | "district" | "city" | "town" | "agency"
                        )
                });
            // "Two key TTP militants, Sajid and Mohammad Zafar, were killed", "three suspected
            // militants (with no known affiliations) and a soldier": names or a bracketed
            // remark between the noun and the verb.
            let enclosed = |open: &str, close: &str| {
                end >= after + 3
                    && end - after <= 10
                    && words[after] == open
                    && words[end - 1] == close
                    && !words[after + 1..end - 1]
                        .iter()
                        .any(|w| passive_category(w).is_some() || active_category(w).is_some())
            };
            let named_aside = (enclosed(",", ",")
                && (after + 1..end - 1).all(|x| {
                    toks[x].is_capitalised() || matches!(words[x], "and" | "alias" | "aka" | ",")
                }))
                // "A Shia muslim, Irfan Haider Zaidi was gunned down": the name with no
                // closing comma.
                || (words[after] == ","
                    && end >= after + 2
                    && end - after <= 5
                    && (after + 1..end).all(|x| toks[x].is_capitalised() || AUX.contains(&words[x])));
            // "Two policemen guarding a polio vaccination team were shot dead", "Two policemen
            // deployed for the security of polio workers were martyred": a participle phrase
            // says what they were doing.
            let participle_aside = (words[after].len() > 4 && words[after].ends_with("ing")
                || matches!(
                    words[after],
                    "deployed" | "posted" | "stationed" | "assigned" | "tasked"
                ))
                && end - after <= 8
                && toks[after..end].iter().all(|t| t.is_word())
                && words[after..end]
                    .iter()
                    .all(|w| passive_category(w).is_none() && active_category(w).is_none());
            // "Two persons, identified as Ghullam Rasool Gola and Mehmood Gola, the workers of
            // the PPP, were killed": who they were, between commas.
            let appositive_aside = end >= after + 3
                && end - after <= 22
                && words[after] == ","
                && words[end - 1] == ","
                && matches!(
                    words[after + 1],
                    "identified" | "named" | "the" | "both" | "all" | "aged" | "residents"
                )
                && toks[after + 1..end - 1]
                    .iter()
                    .all(|t| t.is_word() || matches!(t.text, "," | "'" | "’" | "(" | ")"))
                && !words[after + 1..end - 1].iter().any(|w| {
                    passive_category(w).is_some()
                        || active_category(w).is_some()
                        || read_count(std::slice::from_ref(w), 0).is_some()
                });
            // "A security official, identified as Ahmed Khan, and a militant … were killed":
            // the name told, up to the next item.
            let identified_aside = words[after] == ","
                && end >= after + 4
                && end - after <= 8
                && matches!(words[after + 1], "identified" | "named")
                && words[after + 2] == "as"
                && (after + 3..end).all(|x| toks[x].is_capitalised() || words[x] == ",");
            let plain = fillers == 0
                || of_name
                || named_aside
                || appositive_aside
                || identified_aside
                || participle_aside
                || enclosed("(", ")")
                || (fillers <= 2
                    && (after..end).all(|x| AUX.contains(&words[x]) || np_filler(&toks[x])));
            if !(aside || plain) {
                continue;
            }
            // Items of an "including …" aside, collected already, are parts of this one.
            if aside {
                for it in items.iter_mut() {
                    it.subset = true;
                }
            }
            let mut item = Casualty::at(cat, count, role, head, &words, s);
            // "Several children were also among those killed", "one of those killed was a
            // policeman": part of a figure given.
            // (Not "Seven suspects, among them two Afghans, were arrested": the aside's.)
            let among_aside = between.starts_with(&[",", "among"]);
            item.subset |= between.contains(&"among") && !among_aside
                || words.get(s + 1..v) == Some(&["of", "those"][..]);
            // "2 militants were also killed": more dead besides those told.
            item.additional |= words[e..v].contains(&"also");
            // "Most of the dead were FC soldiers, but two civilians were also killed": who the
            // dead were, not more of them.
            let breakdown = match cat {
                Category::Killed => told_who_they_were[0],
                Category::Injured => told_who_they_were[1],
                Category::Arrested => None,
            };
            if breakdown.is_some_and(|k| k < s) {
                item.subset = true;
                item.additional = false;
            }
            items.push(item);
            // Continue left only across "and" / "," (and past an "including" aside).
            let mut k = s;
            // "a woman and her two daughters": the possessive goes with the item.
            if k >= lo + 2
                && matches!(words[k - 1], "his" | "her" | "their")
                && matches!(words[k - 2], "and" | ",")
            {
                k -= 1;
            }
            loop {
                // "," "and" "including" and "as well as" join items.
                if k >= lo + 3 && words[k - 3..k] == ["as", "well", "as"] {
                    k -= 3;
                } else if k >= lo + 2 && words[k - 2..k] == ["along", "with"] {
                    // "The commander, along with three other militants, was gunned down".
                    k -= 2;
                } else if k >= lo + 2 && words[k - 2..k] == ["among", "them"] {
                    // "Seven suspects, among them two Afghans, were arrested".
                    k -= 2;
                } else if k > lo && matches!(words[k - 1], "," | "and" | "including") {
                    k -= 1;
                } else {
                    break;
                }
            }
            if k == s {
                break;
            }
            if words[k..s].contains(&"including") || words[k..s].contains(&"among") {
                for it in items.iter_mut() {
                    it.subset = true;
                }
            }
            // "Dr Mohammad Fayyaz along with his driver were shot dead", "Malik Akbar Khan and
            // his guard were killed": a person named by title before "and" is one more (after a
            // mere comma the name and the noun are one person: "Sangari, an insurgent leader").
            let joined = words[k..s].iter().any(|w| matches!(*w, "and" | "with"));
            if let Some(j) = (k.saturating_sub(4)..k).find(|&j| {
                joined
                    && !used[j]
                    // ("Mahrang Baloch and 16 others were arrested": a name before "and N
                    // others" needs no title.)
                    && (TITLES.contains(&words[j]) || others_from(&words, k).is_some())
                    && named_person(toks, &words, j) == Some(k)
            }) {
                let name = words[j..k].join(" ");
                items.push(Casualty::plain(cat, Count::exact(1), None, Some(name), j));
                break;
            }
            end = k;
            s = k;
        }
        // "An insurgent ran at the patrol firing his weapon. He was subsequently killed": one
        // person, unless a firmer figure is given (as "killing him").
        // ("He succumbed to his injuries": the verb right after the pronoun.)
        if items.is_empty()
            && e > 0
            && matches!(words[e - 1], "he" | "she")
            && !used[e - 1]
            && (e < v
                || words[v] == "succumbed"
                || words[v] == "died"
                    && words
                        .iter()
                        .any(|w| matches!(*w, "later" | "hospital" | "injuries" | "wounds")))
        {
            let (role, head) = person_before(&words, e.saturating_sub(20), e - 1);
            items.push(Casualty {
                weak: true,
                ..Casualty::plain(cat, Count::exact(1), role, head, e - 1)
            });
        }
        // "40 people, 6 soldiers and 34 civilians, were killed": the list breaks the first down.
        if items.len() >= 3 {
            let first = items.last().expect("non-empty").count.best;
            let sum: u32 = items[..items.len() - 1]
                .iter()
                .filter(|c| !c.subset)
                .map(|c| c.count.best)
                .sum();
            if sum == first {
                let n = items.len();
                for it in items.iter_mut().take(n - 1) {
                    it.subset = true;
                }
            }
        }
        // "12 suspected BLA militants believed to be involved in the attack … died",
        // "20 militants belonging to the TTP and LEI, including 3 bombers, were killed": a
        // counted noun with a long post-modifier before the verb.
        if items.iter().all(|c| c.subset) {
            let mut k = e;
            while k > v.saturating_sub(26) {
                k -= 1;
                // "involved in the killing of two traders": a verb's noun after an article
                // names a deed in the modifier, not another clause.
                let noun_use = k >= 1 && matches!(words[k - 1], "the" | "a" | "an");
                if used[k]
                    || matches!(words[k], ";" | ":")
                    || (k + 1 < e
                        && !noun_use
                        && (passive_category(words[k]).is_some()
                            || active_category(words[k]).is_some()))
                {
                    break;
                }
                // "Sepoy Muhammad Asif, aged 24, a resident of Karak, embraced shahadat": who
                // he is, not one more.
                let apposition = k >= 1
                    && words[k - 1] == ","
                    && matches!(words[k], "a" | "an")
                    && matches!(
                        words.get(k + 1),
                        Some(&("resident" | "native" | "inhabitant"))
                    );
                if let Some((count, role, head, after)) = counted_np(toks, &words, k, false)
                    && !apposition
                    && role.is_some()
                    && after < e
                    // ", affiliated with the TTP", "suspected to belong to separatist groups",
                    // ", with connections to several militant groups".
                    && matches!(
                        words[if words[after] == "," { after + 1 } else { after }],
                        "belonging"
                            | "believed"
                            | "who"
                            | "associated"
                            | "affiliated"
                            | "linked"
                            | "from"
                            | "of"
                            | "as"
                            | "suspected"
                            | "with"
                            | "loyal"
                            // "Three suspects wanted for extortion", "involved in the
                            // killing of traders".
                            | "wanted"
                            | "involved"
                            | "responsible"
                            | "accused"
                            | "charged"
                    )
                {
                    items.push(Casualty::at(cat, count, role, head, &words, k));
                    break;
                }
            }
        }
        // "One soldier was killed and 3 militants too": the verb left out.
        if !items.is_empty()
            && words.get(v + 1) == Some(&"and")
            && let Some((count, role, head, after)) = counted_np(toks, &words, v + 2, true)
            && (words.get(after) == Some(&"too")
                || words.get(after..after + 2) == Some(&["as", "well"][..]))
        {
            used[v + 2] = true;
            items.push(Casualty {
                additional: true,
                ..Casualty::plain(cat, count, role, head, v + 2)
            });
        }
        // "Two suspects were killed on the spot while another died on the way to hospital",
        // "two were gunned down and a third wounded", "Two men died on the spot, whereas the
        // third succumbed to his injuries": one more.
        let one_more_at = match words[..e] {
            [.., "another"] => Some(e - 1),
            [.., "a", w] if is_next_ordinal(w) => Some(e - 2),
            [.., "whereas" | "while" | "and", "the", w] if is_next_ordinal(w) => Some(e - 2),
            _ => None,
        };
        if items.is_empty()
            && let Some(at) = one_more_at
            && !used[at]
        {
            items.push(Casualty {
                additional: true,
                ..Casualty::plain(cat, Count::exact(1), None, None, at)
            });
        }
        // "Two soldiers were killed along with 15 militants", "the facilitator, who was
        // detained along with several of his associates" (the subject counted before).
        let subject_counted = !items.is_empty();
        if words.get(v + 1) == Some(&"along")
            && words.get(v + 2) == Some(&"with")
            && let Some((count, role, head, _)) = counted_np(toks, &words, v + 3, true)
        {
            used[v + 3] = true;
            items.push(Casualty {
                vague: vague_value(words[v + 3]).is_some(),
                ..Casualty::plain(cat, count, role, head, v + 3)
            });
        }
        // "A policeman, Constable Ajmal, was killed", "the soldier died": one person, read
        // from a singular subject when no number is given.
        if !subject_counted {
            let chain = &words[e..v];
            // ("has been killed", "is killed" in a headline's present; not "had been
            // arrested", which tells of an earlier deed.)
            let singular_verb = chain.iter().any(|w| matches!(*w, "was" | "has" | "is"))
                || (chain.is_empty() && matches!(words[v], "died" | "dies" | "succumbed"))
                || (words[v] == "found" && words[v.saturating_sub(10)..v].contains(&"body"));
            if singular_verb {
                let mut k = e;
                while k > e.saturating_sub(20) {
                    k -= 1;
                    let w = words[k];
                    if used[k]
                        || matches!(w, ";" | ":")
                        || passive_category(w).is_some()
                        || active_category(w).is_some()
                    {
                        break;
                    }
                    let plural = (w.ends_with('s') && w != "personnel")
                        || matches!(
                            w,
                            "people" | "men" | "women" | "children" | "police" | "personnel"
                        );
                    // "no protester was killed", "denied that any soldier was hurt".
                    let negated = k > 0 && matches!(words[k - 1], "no" | "any" | "not");
                    if negated && role_of(w).is_some() {
                        break;
                    }
                    if let Some(r) = role_of(w).filter(|_| !plural) {
                        let r = if leads_civilians_at(&words, k) {
                            Role::Civilian
                        } else {
                            r
                        };
                        let one = Count::exact(1);
                        items.push(Casualty {
                            weak: true,
                            ..Casualty::plain(cat, one, Some(r), Some(w.to_owned()), k)
                        });
                        break;
                    }
                }
                // "Former federal minister Shireen Mazari was arrested": a person's name, of
                // two or three capitalised words, is one person.
                if items.is_empty()
                    && let Some(first) = name_before(toks, &words, e)
                    && !used[first]
                {
                    items.push(Casualty {
                        weak: true,
                        ..Casualty::plain(cat, Count::exact(1), None, None, first)
                    });
                }
            }
        }
        for it in &items {
            used[it.token] = true;
        }
        out.extend(items);
    }
    out.sort_by_key(|c| c.token);
    // "The two men sustained critical wounds and were taken to hospital where Rizvi died
    // while Ali later succumbed to his injuries": each of the hurt named as dying is one
    // dead, the rest stay hurt.
    // (The name is the clause's subject: "while Ali was admitted for treatment but later
    // succumbed".)
    let named_death = |j: usize| {
        matches!(words[j], "died" | "succumbed")
            && (j.saturating_sub(10)..j)
                .rev()
                .take_while(|&s| {
                    !matches!(
                        words[s],
                        "while" | "whereas" | "where" | "when" | ";" | "." | "he" | "she" | "who"
                    )
                })
                .any(|s| {
                    // (A name opening the clause, not a hospital's: "shifted to Civil Hospital
                    // Quetta and later died".)
                    let start = (0..=s)
                        .rev()
                        .take_while(|&x| toks[x].is_capitalised())
                        .last()
                        .unwrap_or(s);
                    start >= 1
                        && toks[s].is_capitalised()
                        && role_of(words[s]).is_none()
                        && matches!(
                            words[start - 1],
                            "where" | "while" | "whereas" | "when" | "," | ";" | "and" | "but"
                        )
                })
    };
    let mut named_dead = Vec::new();
    for k in 0..out.len() {
        let c = &out[k];
        if c.category != Category::Injured || c.count.high != Some(c.count.best) {
            continue;
        }
        let next = out.get(k + 1).map_or(words.len(), |n| n.token);
        let end = next.min(c.token + 40).min(words.len());
        let hurt = (c.token + 1..end).find(|&j| {
            matches!(
                words[j],
                "injured" | "wounded" | "hurt" | "wounds" | "injuries"
            )
        });
        let Some(h) = hurt else { continue };
        let dead = (h + 1..end).filter(|&j| named_death(j)).count() as u32;
        if dead >= 1 && dead <= c.count.best {
            named_dead.push((k, dead));
        }
    }
    let mut split = vec![false; out.len()];
    for (k, dead) in named_dead {
        split[k] = true;
        let rest = out[k].count.best - dead;
        let (role, head, token) = (out[k].role, out[k].head.clone(), out[k].token);
        out[k].count = Count::exact(rest);
        out.push(Casualty {
            anaphoric: out[k].anaphoric,
            ..Casualty::plain(Category::Killed, Count::exact(dead), role, head, token)
        });
    }
    split.resize(out.len(), true);
    // "A trader injured in last week's attack succumbed to his injuries", "two policemen who
    // were wounded in the ambush later died": those hurt died. The death verb found its
    // subject already counted as injured; no other figure stands between.
    for k in 0..out.len() {
        if out[k].category != Category::Injured || split[k] {
            continue;
        }
        let from = out[k].token;
        let next = out.get(k + 1).map_or(words.len(), |c| c.token);
        let end = next.min(from + 16).min(words.len());
        let hurt = (from + 1..end).find(|&j| matches!(words[j], "injured" | "wounded" | "hurt"));
        let died = hurt.and_then(|h| {
            (h + 1..end).find(|&j| {
                matches!(words[j], "died" | "succumbed" | "dies")
                    || words[j] == "passed" && words.get(j + 1) == Some(&"away")
            })
        });
        // ("…critically wounded in Quetta; he succumbed to his injuries": the one hurt, by
        // a pronoun after the semicolon.)
        let pronoun_goes_on = |j: usize| {
            words[j] == ";"
                && matches!(words.get(j + 1), Some(&("he" | "she" | "they")))
                && died.is_some_and(|d| d <= j + 3)
        };
        if let (Some(h), Some(d)) = (hurt, died)
            && !(h + 1..d).any(|j| {
                matches!(words[j], ":" | "while" | "when" | "but")
                    || words[j] == ";" && !pronoun_goes_on(j)
            })
        {
            out[k].category = Category::Killed;
        }
    }
    // "Gunmen shot a woman in Quetta, who later died in hospital": shot, then dead.
    let mut shot_then_died = Vec::new();
    for k in 0..words.len() {
        if !matches!(words[k], "shot" | "stabbed")
            || out.iter().any(|c| c.token > k && c.token <= k + 4)
        {
            continue;
        }
        let Some((count, role, head, end)) = counted_np(toks, &words, k + 1, true) else {
            continue;
        };
        if role.is_none() {
            continue;
        }
        let later = (end..(end + 8).min(words.len())).find(|&j| words[j] == "who");
        let died = later.is_some_and(|w| {
            words[w + 1..(w + 4).min(words.len())]
                .iter()
                .any(|x| matches!(*x, "died" | "succumbed"))
        });
        if died {
            shot_then_died.push(Casualty::plain(Category::Killed, count, role, head, k + 1));
        }
    }
    out.extend(shot_then_died);
    out.sort_by_key(|c| c.token);
    // "injuring three passengers, one of whom later died": part of those hurt died.
    let mut died_of_wounds = Vec::new();
    for k in 0..out.len() {
        let c = &out[k];
        if c.category != Category::Injured || c.count.best < 2 || c.count.high.is_none() {
            continue;
        }
        let next = out.get(k + 1).map_or(words.len(), |n| n.token);
        let end = next.min(c.token + 10).min(words.len());
        let Some(of) =
            (c.token + 1..end).find(|&j| words[j] == "of" && words.get(j + 1) == Some(&"whom"))
        else {
            continue;
        };
        let Some((part, _)) = of.checked_sub(1).and_then(|j| read_count(&words, j)) else {
            continue;
        };
        let dead_verb = words[of + 2..(of + 5).min(words.len())]
            .iter()
            .any(|w| matches!(*w, "died" | "succumbed"));
        if dead_verb && of >= 1 && part.best < c.count.best {
            died_of_wounds.push((k, part.best, of - 1));
        }
    }
    for (k, part, token) in died_of_wounds {
        let rest = out[k].count.best - part;
        out[k].count = Count::exact(rest);
        let role = out[k].role;
        out.push(Casualty::plain(
            Category::Killed,
            Count::exact(part),
            role,
            None,
            token,
        ));
    }
    out.sort_by_key(|c| c.token);
    // "Several individuals were detained during the operation, including the facilitator": a
    // figure that takes in someone told of before is the whole count, not more on top.
    let next_tokens: Vec<usize> = out
        .iter()
        .skip(1)
        .map(|c| c.token)
        .chain([words.len()])
        .collect();
    for (c, &next) in out.iter_mut().zip(&next_tokens) {
        if c.subset || c.anaphoric || c.weak {
            continue;
        }
        let end = next.min(c.token + 14).min(words.len());
        c.total |= (c.token + 1..end).any(|j| {
            words[j] == "including"
                && words.get(j + 1) == Some(&"the")
                && words.get(j + 2).is_some_and(|w| {
                    read_count(&words, j + 2).is_none() && !w.ends_with('s') && w.len() > 2
                })
        });
    }
    // "The BLA claimed to have killed 12 soldiers …, but officials said only two soldiers
    // were martyred": the figure set against another account is that account's toll, as
    // "the military put the toll at four" is.
    for c in out.iter_mut() {
        let t = c.token;
        if t >= 2
            && words[t - 1] == "only"
            && words[t.saturating_sub(10)..t - 1]
                .iter()
                .any(|w| matches!(*w, "but" | "however" | "whereas" | "while"))
            && words[t.saturating_sub(10)..t - 1]
                .iter()
                .any(|w| matches!(*w, "said" | "says" | "put" | "confirmed"))
        {
            c.total = true;
        }
    }
    // Only the figures near the period are its tally (a paragraph run together without
    // stops may tell of an arrest and of "the past two years").
    if !periods.is_empty() {
        out.retain(|c| {
            let at = periods.partition_point(|&p| p < c.token);
            let after = periods.get(at).is_some_and(|&p| p - c.token <= 20);
            let before = at > 0 && c.token - periods[at - 1] <= 12;
            !(after || before)
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn an_among_them_aside_is_part_of_its_figure() {
        let told = |s: &str| -> Vec<(u32, bool)> {
            find_casualties(&tokenize(s))
                .iter()
                .map(|c| (c.count.best, c.subset))
                .collect()
        };
        assert_eq!(
            told("Seven suspects, among them two Afghans, were arrested in Quetta."),
            [(7, false), (2, true)]
        );
        assert_eq!(
            told("Five people, among them two women, were killed in Quetta."),
            [(5, false), (2, true)]
        );
        // "among the dead" after the verb still tells a part of a figure given.
        assert_eq!(
            told("At least one FC soldier was among the dead."),
            [(1, true)]
        );
    }

    #[test]
    fn some_rounded_up_and_a_number_that_rose() {
        let told = |s: &str| -> Vec<(Category, u32)> {
            find_casualties(&tokenize(s))
                .iter()
                .map(|c| (c.category, c.count.best))
                .collect()
        };
        assert_eq!(
            told("Gunmen killed some 20 people in Peshawar."),
            [(Category::Killed, 20)]
        );
        assert_eq!(
            told("Police rounded up some 20 suspects in Peshawar."),
            [(Category::Arrested, 20)]
        );
        assert_eq!(
            told("About 20 people were rounded up in Peshawar."),
            [(Category::Arrested, 20)]
        );
        // A number that rose is a toll.
        assert_eq!(
            told("The number of militants killed in the Tirah operation rose to six."),
            [(Category::Killed, 6)]
        );
        assert_eq!(
            told("The number of people arrested in the crackdown has risen to 45."),
            [(Category::Arrested, 45)]
        );
        // "some" alone stays vague.
        assert_eq!(
            told("Gunmen killed some people in Peshawar."),
            [(Category::Killed, 2)]
        );
    }

    #[test]
    fn a_leader_of_civilians_is_a_civilian() {
        let role = |s: &str| find_casualties(&tokenize(s)).first().and_then(|c| c.role);
        assert_eq!(
            role("Gunmen shot dead a prayer leader in Karachi."),
            Some(Role::Civilian)
        );
        assert_eq!(
            role("A tribal leader was shot dead in Bajaur."),
            Some(Role::Civilian)
        );
        assert_eq!(
            role("Troops killed a Taliban leader in Kunar."),
            Some(Role::Armed)
        );
        assert_eq!(
            role("A police service member was killed in an insurgent attack."),
            Some(Role::State)
        );
        assert_eq!(
            role("A coalition service member was killed in an insurgent attack."),
            Some(Role::Foreign)
        );
    }

    fn sums(s: &str) -> (u32, u32, u32) {
        let toks = tokenize(s);
        let found = find_casualties(&toks);
        let sum = |c: Category| {
            found
                .iter()
                .filter(|x| x.category == c && !x.anaphoric && !x.subset)
                .map(|x| x.count.best)
                .sum()
        };
        (
            sum(Category::Killed),
            sum(Category::Injured),
            sum(Category::Arrested),
        )
    }

    #[test]
    fn a_bomber_killing_himself() {
        assert_eq!(
            sums(
                "A suicide bomber blew himself up in Peshawar, killing himself and two policemen."
            ),
            (3, 0, 0)
        );
        assert_eq!(
            sums("A suicide bomber blew himself up in Peshawar."),
            (0, 0, 0)
        );
    }

    #[test]
    fn the_hurt_named_as_dying() {
        // Each of the hurt named as dying is one dead; the rest stay hurt.
        assert_eq!(
            sums("Two men were critically wounded and taken to hospital where Rizvi died."),
            (1, 1, 0)
        );
        assert_eq!(
            sums(
                "Two men were wounded and taken to hospital where Rizvi died while Ali was admitted but later succumbed to his injuries."
            ),
            (2, 0, 0)
        );
        // A hospital's name is no one dying: all three hurt died.
        assert_eq!(
            sums("Three people were injured and shifted to Civil Hospital Quetta and later died."),
            (3, 0, 0)
        );
    }

    #[test]
    fn those_hurt_who_died() {
        // Part of the hurt died.
        assert_eq!(
            sums(
                "Gunmen opened fire on a van in Kurram, injuring three passengers, one of whom \
                 later died in hospital."
            ),
            (1, 2, 0)
        );
        // Shot, then wounded: one hurt.
        assert_eq!(
            sums("A shopkeeper was shot and critically wounded in Quetta."),
            (0, 1, 0)
        );
        // Shot, and the one shot died; shot at, no one counted.
        assert_eq!(
            sums("Gunmen shot a woman in Quetta, who later died in hospital."),
            (1, 0, 0)
        );
        assert_eq!(sums("Gunmen shot at a car in Quetta."), (0, 0, 0));
        // A pronoun's death of wounds, told on its own.
        assert_eq!(sums("He succumbed to his injuries on Monday."), (1, 0, 0));
    }

    #[test]
    fn a_sentence_ending_on_a_comma_after_the_figure() {
        // It read past the end of the sentence (and the document lost its events).
        assert_eq!(sums("Gunmen killed 2,"), (2, 0, 0));
        assert_eq!(sums("The attacks killed 91,"), (91, 0, 0));
    }

    #[test]
    fn counts_in_common_phrasings() {
        assert_eq!(
            sums("1 FC personnel, and 4 militants were killed in an ecnounter in Balochistan"),
            (5, 0, 0)
        );
        assert_eq!(
            sums("A bombing attack at the mosque killed 33 people and injured 43 others."),
            (33, 43, 0)
        );
        assert_eq!(
            sums("killing three Chinese citizens and their Pakistani driver."),
            (4, 0, 0)
        );
        // A conjunct with a verb of its own is counted by that verb.
        assert_eq!(
            sums("A bomb killed 5 people and 20 people were injured in Kabul."),
            (5, 20, 0)
        );
        // Nobody hurt is no one; a possessive goes with its conjunct; a list goes on after
        // "him".
        assert_eq!(
            sums("No one was hurt in the attack on the police station."),
            (0, 0, 0)
        );
        assert_eq!(sums("Police said no protester was killed."), (0, 0, 0));
        assert_eq!(
            sums("Police denied that any protester was killed."),
            (0, 0, 0)
        );
        assert_eq!(
            sums("A woman and her two daughters were killed when a mortar shell hit their house."),
            (3, 0, 0)
        );
        assert_eq!(
            sums("A bomb targeting a peace committee leader killed him and two of his guards."),
            (3, 0, 0)
        );
        assert_eq!(
            sums("A teenager was killed and his father injured in a grenade attack."),
            (1, 1, 0)
        );
        // A vague figure names its people after "of".
        assert_eq!(
            sums("A bomb went off in Multan, killing 10 and injuring scores of people."),
            (10, 40, 0)
        );
        assert_eq!(
            sums("At least 85 people were killed and dozens of others injured."),
            (85, 24, 0)
        );
        assert_eq!(
            sums("13 year old girl killed after Indian fire across the border."),
            (1, 0, 0)
        );
        assert_eq!(
            sums("10 militants were killed in air strikes by the Pakistan Airforce"),
            (10, 0, 0)
        );
        assert_eq!(
            sums("A policeman was shot dead and two others were injured in Quetta."),
            (1, 2, 0)
        );
        assert_eq!(
            sums(
                "The security force detained one additional suspected insurgent during the operation."
            ),
            (0, 0, 1)
        );
        assert_eq!(
            sums(
                "a combined force captured a Taliban facilitator during a security operation yesterday."
            ),
            (0, 0, 1)
        );
        assert_eq!(
            sums(
                "the air weapons team engaged the enemy position with effective fire, killing two insurgents."
            ),
            (2, 0, 0)
        );
        assert_eq!(
            sums("At least 14 people were killed and a dozen injured."),
            (14, 12, 0)
        );
        assert_eq!(
            sums("The blast left five people dead and 12 wounded."),
            (5, 12, 0)
        );
        assert_eq!(sums("Police arrested 23 protesters on Monday."), (0, 0, 23));
        assert_eq!(
            sums("The attack took place at 11 p.m. near 3 vehicles."),
            (0, 0, 0)
        );
    }

    #[test]
    fn open_figures_stay_open() {
        let toks = tokenize("At least five people, including four children, have died.");
        let f = find_casualties(&toks);
        assert!(
            f.iter()
                .any(|c| c.count.best == 5 && c.count.high.is_none() && !c.subset)
        );
    }

    #[test]
    fn anaphora_subsets_and_totals_are_marked() {
        let toks = tokenize(
            "Twelve people, including three children, were killed. The death toll rose to 17.",
        );
        let f = find_casualties(&toks);
        assert!(f.iter().any(|c| c.count.best == 3 && c.subset));
        assert!(f.iter().any(|c| c.count.best == 12 && !c.subset));
        assert!(f.iter().any(|c| c.count.best == 17 && c.total));
        let toks = tokenize("The two soldiers were killed.");
        assert!(find_casualties(&toks)[0].anaphoric);
    }

    #[test]
    fn harder_phrasings() {
        let cases: &[(&str, (u32, u32, u32))] = &[
            // A titled name before "along with" / "and his"; "and N too" leaves out the verb;
            // "another" who died is one more.
            (
                "Dr Mohammad Fayyaz along with his driver were shot dead by two unknown assailants.",
                (2, 0, 0),
            ),
            (
                "One security forces personnel was killed and 3 militants too after a confrontation.",
                (4, 0, 0),
            ),
            (
                "Malik Akbar Khan and his guard were killed by unknown assailants.",
                (2, 0, 0),
            ),
            ("Dr. Ali Raza and his son were shot dead.", (2, 0, 0)),
            // "a third" and a bare "another" after those counted are one more; a fraction is
            // none.
            (
                "Two members of the Hazara community were gunned down and a third wounded.",
                (2, 1, 0),
            ),
            (
                "Gunmen killed two policemen and wounded a third in Quetta.",
                (2, 1, 0),
            ),
            (
                "Gunmen killed two policemen and wounded another.",
                (2, 1, 0),
            ),
            // A relative clause between the subject and its verb.
            (
                "A teacher who was kidnapped on Monday was found shot dead in Turbat.",
                (1, 0, 0),
            ),
            // A person's name as the subject is one person; a place's is none.
            (
                "Former federal minister Shireen Mazari was arrested from her residence.",
                (0, 0, 1),
            ),
            (
                "A curfew in Lakki Marwat was imposed after two were arrested.",
                (0, 0, 2),
            ),
            // Who they were, between commas, before the verb.
            (
                "Two persons, identified as Ghullam Rasool Gola and Mehmood Gola, the workers of Pakistan People's Party, were killed when a motorbike hit a landmine.",
                (2, 0, 0),
            ),
            (
                "Two policemen, identified as Constable Ahmed and Constable Ali, were martyred in Quetta.",
                (2, 0, 0),
            ),
            (
                "A security official, identified as Ahmed Khan, and a militant, identified as Amanullah, were killed in an exchange of fire.",
                (2, 0, 0),
            ),
            (
                "Gunmen killed two policemen and wounded another two.",
                (2, 2, 0),
            ),
            (
                "Shelling killed two people and damaged a third of the houses.",
                (2, 0, 0),
            ),
            (
                "The TTP has claimed responsibility for the killing of MPA Rana Shamshad and his son.",
                (2, 0, 0),
            ),
            (
                "Students protested against the killing of Rana Shamshad.",
                (0, 0, 0),
            ),
            (
                "The operations resulted in the discovery of counterfeit money and the detention of four insurgents.",
                (0, 0, 4),
            ),
            (
                "Security forces took the two occupants of the vehicle into custody.",
                (0, 0, 2),
            ),
            (
                "The security force also detained a number of suspected insurgents.",
                (0, 0, 3),
            ),
            (
                "The attack led to the death of Shuja Khanzada, Punjab Home Minister, and 19 other individuals.",
                (20, 0, 0),
            ),
            (
                "Four people were killed in Quetta. One of those killed was a policeman.",
                (4, 0, 0),
            ),
            // After a mere comma the name and the noun are one person.
            (
                "Officials confirmed Sangari, an insurgent leader, was killed in an airstrike.",
                (1, 0, 0),
            ),
            (
                "Two LeJ suspects were killed on the spot while another died while being taken to the hospital.",
                (3, 0, 0),
            ),
            // "along with" joins; a name after one comma; a believer named by faith.
            (
                "Two policemen, along with a civilian, were killed in Quetta.",
                (3, 0, 0),
            ),
            (
                "A shopkeeper, Irfan Haider Zaidi was gunned down in Karachi.",
                (1, 0, 0),
            ),
            ("A Christian was shot dead in Lahore.", (1, 0, 0)),
            // An age after a name is no count; a count after a place is.
            (
                "Police Constable Asif, 33, was shot dead near his house in Liaquatabad.",
                (1, 0, 0),
            ),
            (
                "A doctor identified as Dr Chaudry Abdul Khaleeq 50 was shot dead in his clinic.",
                (1, 0, 0),
            ),
            (
                "Muhammad Aslam, 60, was killed by Indian firing in Polas village.",
                (1, 0, 0),
            ),
            (
                "In Dera Bugti, 12, including two children, were killed.",
                (12, 0, 0),
            ),
            // Whoever is killed or hurt is a person, though the lexicon does not know the
            // noun; not what is taken, nor what "is" killed in a general statement.
            (
                "Two policemen and a cook were killed when gunmen attacked a checkpoint.",
                (3, 0, 0),
            ),
            ("An interpreter was injured in the blast.", (0, 1, 0)),
            (
                "Gunmen attacked the checkpoint, killing two policemen and a cook.",
                (3, 0, 0),
            ),
            (
                "Security forces captured two insurgents and a weapons cache.",
                (0, 0, 2),
            ),
            (
                "If a Punjabi is killed, the agencies take revenge.",
                (0, 0, 0),
            ),
            // A verb of harm "to death" kills.
            ("A mob beat a man to death in Swat.", (1, 0, 0)),
            ("Two men were stoned to death in Kurram.", (2, 0, 0)),
            (
                "At least two civilians in a passing car were also killed.",
                (2, 0, 0),
            ),
            (
                "Most of the dead were soldiers, but two civilians were also killed.",
                (0, 0, 0),
            ),
            (
                "After the death of a boy in police custody, relatives protested.",
                (0, 0, 0),
            ),
            // A day of the month is no count; a modal "may" is no month.
            ("On March 9, 12 were killed in Quetta.", (12, 0, 0)),
            ("At least 12 may have been killed in the blast.", (12, 0, 0)),
            ("Friday 3 militants were killed in Tirah.", (3, 0, 0)),
            // A tally over years or months is no incident's toll; a day's or an incident's
            // superlative is.
            (
                "29 journalists have been killed in Pakistan in the past five years.",
                (0, 0, 0),
            ),
            (
                "More than 100 policemen have been killed in Karachi in the first six months of 2013.",
                (0, 0, 0),
            ),
            (
                "6112 civilians have been killed in FATA since 2001.",
                (0, 0, 0),
            ),
            (
                "The blast killed 28 people, the deadliest attack in Kabul since 2011.",
                (28, 0, 0),
            ),
            (
                "Five insurgents were killed in operations over the past 24 hours.",
                (5, 0, 0),
            ),
            // Figures over tens of incidents are a tally; a figure near a few is not.
            (
                "HRCP said 687 people were killed in more than 200 sectarian attacks last year.",
                (0, 0, 0),
            ),
            (
                "At least 17 soldiers were killed and another 25 wounded in clashes with the Taliban.",
                (17, 25, 0),
            ),
            (
                "Three policemen were killed in Karachi near a memorial to the 1993 serial blasts.",
                (3, 0, 0),
            ),
            // Nor is a year.
            ("In 2013, 12 were killed in Quetta.", (12, 0, 0)),
            (
                "On July 16, 2013, 4 policemen were killed in Karachi.",
                (4, 0, 0),
            ),
            // The agent between two joined participles.
            (
                "A policeman was targeted by unknown militants and killed in Quetta.",
                (1, 0, 0),
            ),
            // A list goes on after a singular conjunct; an apposition is not another person.
            (
                "Militants killed two soldiers, a policeman and a civilian in Bannu.",
                (4, 0, 0),
            ),
            (
                "The team detained the man, an IED facilitator, and three additional suspects.",
                (0, 0, 4),
            ),
            (
                "Three security guards and a police sub inspector were killed.",
                (4, 0, 0),
            ),
            (
                "At least 31 people, including 5 policemen and 2 children, were killed.",
                (31, 0, 0),
            ),
            (
                "9 people including civilians and policemen were killed and 22 others were injured",
                (9, 22, 0),
            ),
            // An aside after an active verb's object breaks it down, its last item with a
            // participle of its own.
            (
                "Gunmen killed three people, including two policemen, and wounded four others.",
                (3, 4, 0),
            ),
            // "more than 20" allows 21 at the least, whichever voice tells it.
            (
                "More than 20 hostages were killed in the attack.",
                (21, 0, 0),
            ),
            ("The attack killed more than 20 hostages.", (21, 0, 0)),
            ("Over 100 people were injured in the blast.", (0, 101, 0)),
            // A counted noun ends at a new clause or a new count.
            (
                "Security forces struck hideouts, killing as many as seven terrorists whereas 15 others sustained injuries.",
                (7, 15, 0),
            ),
            (
                "A bomber struck a convoy, killing at least 9 people, including 7 policemen and 1 soldier killed and wounding another 12.",
                (9, 12, 0),
            ),
            (
                "40 people, 6 security personnel and 34 civilians, were killed",
                (40, 0, 0),
            ),
            (
                "Twin blasts kill 73 people and injure 36 who were praying; many bodies lay trapped.",
                (73, 36, 0),
            ),
            ("He shot two officers, killing two.", (2, 0, 0)),
            (
                "A policeman, Constable Ajmal, was killed after an IED exploded.",
                (1, 0, 0),
            ),
            ("2 policement were gunned down at a workshop", (2, 0, 0)),
            (
                "A man rushed at the patrol and the force engaged the man, killing him.",
                (1, 0, 0),
            ),
            (
                "Two insurgents were killed; the force shot him too.",
                (2, 0, 0),
            ),
            (
                "An airstrike killed Rostum and his associate in Marah Warah.",
                (2, 0, 0),
            ),
            (
                "The force captured Mullah Khalil during the raid.",
                (0, 0, 1),
            ),
            (
                "The strike killed Nur Mohammad, the Taliban provincial leader.",
                (1, 0, 0),
            ),
            ("The patrol killed Taliban fighters in Sangin.", (0, 0, 0)),
            (
                "An unidentified assailant shot dead Adalat Khan, a former nazim, outside his house.",
                (1, 0, 0),
            ),
            ("Three soldiers killed Tuesday, the army said.", (3, 0, 0)),
            (
                "3 Pathan labourers were kidnapped and shot dead.",
                (3, 0, 0),
            ),
            (
                "6 tribesmen were abducted and killed by the militants.",
                (6, 0, 0),
            ),
            ("Gunmen killed at least 27 Shia muslims.", (27, 0, 0)),
            (
                "Malik Khan, a member of the village defence committee, was murdered in Bajaur.",
                (1, 0, 0),
            ),
            ("Gunmen assassinated two tribal elders.", (2, 0, 0)),
            ("The force killed a few militants in Andar.", (2, 0, 0)),
            ("A couple of soldiers were wounded.", (0, 2, 0)),
            (
                "Two key TTP militants, Sajid and Mohammad Zafar, were killed in a raid.",
                (2, 0, 0),
            ),
            (
                "At least three suspected militants (with no known affiliations) and a soldier of the Frontier Corps were killed.",
                (4, 0, 0),
            ),
            (
                "Six militants, affiliated with the TTP were gunned down in an encounter.",
                (6, 0, 0),
            ),
            (
                "Five militants suspected to belong to separatist groups were killed.",
                (5, 0, 0),
            ),
            (
                "7 militants, with connections to several militant groups including the TTP were killed",
                (7, 0, 0),
            ),
            (
                "A bomb exploded killing one and injuring several.",
                (1, 3, 0),
            ),
            (
                "Unknown militants shot a policeman(Mamnoonur Rashid) dead outside his house.",
                (1, 0, 0),
            ),
            ("A US drone kills atleast 5 in Shahi Khel", (5, 0, 0)),
            ("A man and his nephew were shot dead in Kotli.", (2, 0, 0)),
            (
                "they then blew up the van and killed 3 of the policemen.",
                (3, 0, 0),
            ),
            (
                "4 TTP and LI militants killed and 3 injured due to air strikes",
                (4, 3, 0),
            ),
            (
                "20 militants belonging to the TTP and LEI , including 3 potential suicide bombers were killed",
                (20, 0, 0),
            ),
            (
                "4 unidentified militants gunned down a Shia journalist at Karachi University",
                (1, 0, 0),
            ),
            (
                "Two security forces personnel were killed along with 15 militants when TTP militants attacked",
                (17, 0, 0),
            ),
            (
                "An important TTP commander, as well as four other militants were killed in an operation",
                (5, 0, 0),
            ),
            ("fired upon them in Swabi, killing both.", (2, 0, 0)),
            (
                "A senior al-Qaeda commander for Punjab was among four militants killed in a raid",
                (4, 0, 0),
            ),
            (
                "The bullet riddled body of an officer of the PAF was found near a village.",
                (1, 0, 0),
            ),
            (
                "A suicide bomber targeted a vehicle killing the driver and a civilian and wounding 5 passengers.",
                (2, 5, 0),
            ),
            (
                "A suicide bombing on a house claimed 7 civilians lives and another 6 were injured.",
                (7, 6, 0),
            ),
            ("The blast claimed the lives of 11 people.", (11, 0, 0)),
            (
                "Bahuddin is one of more than 50 Taliban insurgents killed since the beginning of the year in Faryab.",
                (0, 0, 0),
            ),
            (
                "During the exchange of fire, Sepoy Abdul Wahab (age 24, resident of District Karak) and Lance Naik Sajid Hussain (age 29) embraced shahadat.",
                (2, 0, 0),
            ),
            (
                "as a result of which three civilians, two of them children, were martyred and four others were wounded.",
                (3, 4, 0),
            ),
            (
                "A senior militant commander of Kunduz Province and two senior advisors were killed in a precision air strike.",
                (3, 0, 0),
            ),
            (
                "In the ensuing exchange of fire, six khwarij were sent to hell.",
                (6, 0, 0),
            ),
            (
                "During the intense exchange of fire, four brave sons of soil, having fought gallantly, embraced shahadat.",
                (4, 0, 0),
            ),
            (
                "ASI Gul Rahman, Constable Imran Khan and Constable Waqar Ahmed embraced martyrdom.",
                (3, 0, 0),
            ),
            (
                "As a result, 11 innocent civilians, most of them women and children, were martyred and several others were injured.",
                (11, 3, 0),
            ),
            (
                "The death toll from Thursday's ambush of a convoy near Thall in Hangu district rose to 16 on Friday.",
                (16, 0, 0),
            ),
            (
                "40 people were killed and over 100 more including 35 children injured in an assault.",
                (40, 101, 0),
            ),
            (
                "killing at least 30 worshippers. Several children were also among those killed.",
                (30, 0, 0),
            ),
            (
                "An operation that resulted in the death of Maulawi Tayeb, a local Taliban leader.",
                (1, 0, 0),
            ),
            (
                "The operation resulted in the detention of two suspected insurgents.",
                (0, 0, 2),
            ),
        ];
        let mut wrong = Vec::new();
        for (text, want) in cases {
            let got = sums(text);
            if got != *want {
                wrong.push(format!("{text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
