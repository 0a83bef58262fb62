//! Names and group phrases the lists do not hold: people by their titles ("Defence Minister
//! Khawaja Asif"), organisations by their form ("Ministry of Interior", "Mujahideen Shura
//! Council"), places after locative prepositions, and descriptive group phrases ("U.S. service
//! members", "unidentified gunmen", "the Syrian army").

use crate::pipeline::{DocContext, Stage, TakenSpans};
use crate::text::dates::CALENDAR_WORDS;
use crate::text::tokens::{Token, tokenize};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;
use tessera_model::{Annotations, Mention, MentionType, Span};

/// Titles and roles that introduce a person.
static TITLES: &[&str] = &[
    "president",
    "minister",
    "prime",
    "secretary",
    "general",
    "gen",
    "lieutenant",
    "lt",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "brigadier",
    "brig",
    "commander",
    "admiral",
    "adm",
    "sergeant",
    "sgt",
    "corporal",
    "mullah",
    "maulana",
    "mufti",
    "qari",
    "sheikh",
    "shaikh",
    "dr",
    "mr",
    "mrs",
    "ms",
    "senator",
    "governor",
    "ambassador",
    "chief",
    "spokesman",
    "spokesperson",
    "king",
    "prince",
    "emir",
    "amir",
    "leader",
    "chairman",
    "director",
    "judge",
    "justice",
    "inspector",
    "superintendent",
    "officer",
    "deputy",
    "envoy",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "state",
    "senior",
    "special",
    "representative",
    "premier",
    "sir",
    "pope",
    "imam",
    "ayatollah",
    "field",
    "marshal",
    "air",
    "vice",
    "petty",
    "chargé",
    "charge",
];

/// Last words that make a capitalised phrase an organisation.
static ORG_HEADS: &[&str] = &[
    "army",
    "force",
    "forces",
    "ministry",
    "department",
    "council",
    "committee",
    "party",
    "front",
    "brigade",
    "brigades",
    "organisation",
    "organization",
    "agency",
    "command",
    "corps",
    "police",
    "group",
    "network",
    "movement",
    "university",
    "bank",
    "company",
    "union",
    "coalition",
    "alliance",
    "commission",
    "office",
    "embassy",
    "government",
    "assembly",
    "parliament",
    "court",
    "institute",
    "association",
    "authority",
    "service",
    "services",
    "regiment",
    "battalion",
    "division",
    "unit",
    "taliban",
    "qaeda",
    "qaida",
    "daesh",
    "isil",
    "isis",
    "militia",
    "militias",
    "guard",
    "guards",
    "navy",
    "jamaat",
    "tehreek",
    "tehrik",
    "lashkar",
    "jaish",
    "sipah",
    "regime",
    "administration",
    "cabinet",
    "senate",
    "congress",
    "federation",
    "foundation",
    "society",
    "federation",
    "school",
    "hospital",
    "agency",
    "nations",
    "league",
    "fund",
    "programme",
    "program",
    "mission",
    "inc",
    "ltd",
    "centre",
    "center",
    "department",
    "shura",
    "emirate",
    "caliphate",
    "directorate",
    "bureau",
    "staff",
    "team",
    "troops",
    "airforce",
    "fleet",
    "squadron",
];

/// First words of organisation names ("Ministry of …", "Government of …").
static ORG_STARTS: &[&str] = &[
    "ministry",
    "department",
    "government",
    "office",
    "council",
    "university",
    "bank",
    "army",
    "islamic",
    "people's",
    "national",
    "united",
    "federal",
    "royal",
    "supreme",
    "democratic",
];

/// Group nouns that make a descriptive group phrase an organisation mention.
static GROUP_NOUNS: &[&str] = &[
    "forces",
    "troops",
    "army",
    "military",
    "militants",
    "insurgents",
    "fighters",
    "rebels",
    "coalition",
    "regime",
    "government",
    "militia",
    "militias",
    "civilians",
    "refugees",
    "gunmen",
    "terrorists",
    "extremists",
    "police",
    "policemen",
    "soldiers",
    "personnel",
    "authorities",
    "officials",
    "members",
    "protesters",
    "demonstrators",
    "tribesmen",
    "insurgency",
    "people",
    "militiamen",
    "units",
    "parties",
    "opposition",
    "jihadists",
    "separatists",
    "attackers",
    "assailants",
];

/// Words a group phrase may start with.
static GROUP_MODIFIERS: &[&str] = &[
    "unidentified",
    "unknown",
    "armed",
    "foreign",
    "local",
    "security",
    "government",
    "opposition",
    "coalition",
    "allied",
    "afghan",
    "pakistani",
    "syrian",
    "iraqi",
    "u.s.",
    "us",
    "american",
    "british",
    "russian",
    "iranian",
    "indian",
    "turkish",
    "kurdish",
    "baloch",
    "taliban",
    "regime",
    "pro-government",
    "anti-government",
    "suspected",
    "tribal",
    "federal",
    "provincial",
    "border",
    "paramilitary",
    "international",
    "iraqi",
    "service",
    "masked",
    "rebel",
    "militant",
];

/// Capitalised words that begin sentences or headings without naming anything.
static STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "we",
    "they",
    "i",
    "his",
    "her",
    "their",
    "our",
    "but",
    "and",
    "or",
    "as",
    "while",
    "when",
    "where",
    "since",
    "for",
    "from",
    "with",
    "by",
    "of",
    "to",
    "however",
    "meanwhile",
    "also",
    "following",
    "according",
    "despite",
    "although",
    "yesterday",
    "today",
    "if",
    "there",
    "here",
    "what",
    "who",
    "which",
    "why",
    "how",
    "all",
    "some",
    "many",
    "most",
    "both",
    "each",
    "several",
    "other",
    "such",
    "no",
    "not",
    "one",
    "two",
    "three",
    "more",
    "its",
    "my",
    "your",
    "you",
    "us",
    "them",
    "so",
    "then",
    "thus",
    "now",
    "said",
    "says",
    "near",
    "read",
    "previous",
    "implications",
    "coordination",
    "historical",
    "recent",
    "major",
    "official",
    "analysts",
    "signatories",
    "even",
    "high-level",
    "cross-border",
    "following",
    "further",
    "last",
    "next",
    "first",
    "new",
    "former",
    "under",
];

/// Prepositions after which an unknown capitalised name is a place.
static LOCATIVES: &[&str] = &[
    "in", "at", "near", "from", "to", "across", "into", "outside", "around", "towards", "toward",
    "inside", "via", "through",
];

/// Membership in one of the word lists above, by hash rather than by scan. The lists are
/// statics, so each has one address to key its set by.
fn is_in(list: &'static [&'static str], word: &str) -> bool {
    static SETS: OnceLock<Vec<(usize, FxHashSet<&'static str>)>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        [
            TITLES,
            ORG_HEADS,
            ORG_STARTS,
            GROUP_NOUNS,
            GROUP_MODIFIERS,
            STOP,
            LOCATIVES,
            GEO_HEADS,
            GEO_STARTS,
            NOT_NAME,
            NOT_ORG_ACRONYMS,
            PERSON_TITLE_HEADS,
            REGIONS,
        ]
        .iter()
        .map(|l| (l.as_ptr() as usize, l.iter().copied().collect()))
        .collect()
    });
    let key = list.as_ptr() as usize;
    sets.iter()
        .find(|(k, _)| *k == key)
        .map_or_else(|| list.contains(&word), |(_, set)| set.contains(word))
}

/// Whether the lower-case words of a capitalised run name a region of the world. Most runs
/// end in no region's last word and are passed over without joining their words.
fn names_a_region(words: &[&str]) -> bool {
    static LAST_WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let last_words = LAST_WORDS.get_or_init(|| {
        REGIONS
            .iter()
            .filter_map(|r| r.split(' ').next_back())
            .collect()
    });
    words.len() <= 3
        && words.last().is_some_and(|w| last_words.contains(w))
        && is_in(REGIONS, &words.join(" "))
}

/// The stage that adds name and group-phrase mentions the gazetteer did not find.
#[derive(Debug, Clone, Default)]
pub struct NameStage;

fn is_cap(t: &Token<'_>) -> bool {
    t.is_word()
        && (t.is_capitalised()
            || t.lower.starts_with("al-")
                && t.text[3..].chars().next().is_some_and(char::is_uppercase)
            || t.lower.ends_with("th")
                && t.lower.len() > 2
                && t.lower[..t.lower.len() - 2]
                    .chars()
                    .all(|c| c.is_ascii_digit()))
}

/// Geographic words that make a capitalised phrase a place ("Red Sea", "Tabqa Dam").
static GEO_HEADS: &[&str] = &[
    "sea",
    "gulf",
    "dam",
    "barrage",
    "province",
    "river",
    "valley",
    "mountains",
    "mountain",
    "lake",
    "island",
    "islands",
    "bay",
    "strait",
    "desert",
    "plain",
    "plains",
    "camp",
    "airport",
    "airbase",
    "base",
    "district",
    "governorate",
    "region",
    "city",
    "square",
    "bridge",
    "ocean",
    "peninsula",
    "pass",
    "border",
    "crossing",
    "village",
    "town",
    "hills",
    "range",
    "canal",
    "port",
    "coast",
];

/// First words of place names ("Camp Hurriya", "Gulf of Aden", "Mount Sinjar").
static GEO_STARTS: &[&str] = &[
    "camp", "lake", "mount", "fort", "port", "gulf", "strait", "cape", "lake", "wadi", "jebel",
    "jabal",
];

/// Regions of the world, which no gazetteer entry holds.
static REGIONS: &[&str] = &[
    "middle east",
    "near east",
    "far east",
    "central asia",
    "south asia",
    "southeast asia",
    "south-east asia",
    "east asia",
    "west asia",
    "north africa",
    "east africa",
    "west africa",
    "sub-saharan africa",
    "horn of africa",
    "latin america",
    "north america",
    "south america",
    "europe",
    "asia",
    "africa",
    // Not "Levant": it ends "Islamic State of Iraq and the Levant".
    "caucasus",
    "balkans",
    "sahel",
    "maghreb",
    "durand line",
];

/// Capitalised words that are not names (titles of laws, reports, weapons, units).
static NOT_NAME: &[&str] = &[
    "code",
    "news",
    "rate",
    "book",
    "program",
    "programme",
    "project",
    "report",
    "act",
    "law",
    "day",
    "week",
    "war",
    "strategy",
    "plan",
    "agreement",
    "conference",
    "summit",
    "deal",
    "system",
    "symbol",
    "resolution",
    "convention",
    "declaration",
    "statement",
    "initiative",
    "policy",
    "review",
    "update",
    "release",
    "treaty",
    "accord",
    "protocol",
    "framework",
    "index",
    "press",
    "affairs",
    "relations",
    "rights",
    "development",
    "security",
    "defence",
    "defense",
    "state",
    "states",
    "east",
    "west",
    "north",
    "south",
    "middle",
    "central",
    "western",
    "eastern",
    "northern",
    "southern",
    "revelation",
    "media",
    "read",
    "previous",
    "doctrine",
    "decree",
    "pact",
];

/// Acronyms that name things, not organisations.
static NOT_ORG_ACRONYMS: &[&str] = &[
    "ied", "ieds", "vbied", "vbieds", "rpg", "rpgs", "uav", "uavs", "mw", "km", "kg", "ak", "am",
    "pm", "gmt", "utc", "pdf", "tv", "ct", "ddg", "ok", "us", "uk", "eu",
];

/// Title nouns after which a lower-case phrase names a person ("the prime minister").
static PERSON_TITLE_HEADS: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "ambassador",
    "envoy",
    "governor",
    "commander",
    "chief",
    "premier",
    "chairman",
    "general",
    "director",
];

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "al"
            | "bin"
            | "ul"
            | "ud"
            | "e"
            | "de"
            | "la"
            | "el"
            | "ibn"
            | "abu"
            | "the"
    )
}

impl NameStage {
    /// Typed spans (byte offsets into `text`) found in one sentence.
    pub fn find(&self, text: &str, taken: &[(usize, usize)]) -> Vec<(usize, usize, MentionType)> {
        self.find_in(&tokenize(text), taken)
    }

    /// [`NameStage::find`] over the sentence's tokens, already made.
    fn find_in(
        &self,
        toks: &[Token<'_>],
        taken: &[(usize, usize)],
    ) -> Vec<(usize, usize, MentionType)> {
        let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_ref()).collect();
        // Sorted spans, searched rather than scanned: a sentence full of names stays linear.
        // (`taken` comes in text order, so the sort inside finds it done.)
        let taken = crate::pipeline::TakenSpans::new(taken.to_vec());
        let overlaps = |s: usize, e: usize| taken.overlaps(s, e);
        let mut out: Vec<(usize, usize, MentionType)> = Vec::new();
        let mut i = 0;
        // Where a run the lists opened was read again: (first token read again, first token
        // of the run), so that an office keeps whom it serves ("Russian Foreign Minister").
        let mut reread: Option<(usize, usize)> = None;
        while i < toks.len() {
            // A capitalised run, with inner connectors ("Ministry of Interior", "Abu Bakr al-Baghdadi").
            if !is_cap(&toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() {
                if is_cap(&toks[j]) && toks[j].text != "I" {
                    j += 1;
                } else if is_connector(lower[j])
                    && j + 1 < toks.len()
                    && is_cap(&toks[j + 1])
                    && lower[j] != "the"
                {
                    j += 2;
                } else if toks[j].text == "."
                    && toks[j - 1].text.chars().count() <= 3
                    && j + 1 < toks.len()
                    && is_cap(&toks[j + 1])
                {
                    // Abbreviations inside names: "Lt. Gen. Stephen J. Townsend".
                    j += 2;
                } else {
                    break;
                }
            }
            if j < toks.len() && toks[j].text == "." && toks[j - 1].text.chars().count() == 1 {
                j += 1;
            }
            // Drop leading function words ("The", "In", "After").
            let mut s = i;
            while s < j && (is_in(STOP, lower[s]) || CALENDAR_WORDS.contains(&lower[s])) {
                s += 1;
            }
            let start_tok = s;
            let end_tok = j;
            i = j;
            if start_tok >= end_tok {
                continue;
            }
            // All-caps headings are not names.
            let run = &toks[start_tok..end_tok];
            if run.len() > 3
                && run
                    .iter()
                    .all(|t| t.text.chars().all(|c| !c.is_lowercase()))
            {
                continue;
            }
            let (bs, be) = (toks[start_tok].start, toks[end_tok - 1].end);
            let first = lower[start_tok];
            // A military operation ("Operation Inherent Resolve", "operation Zarb-e-Azb") is
            // neither an organisation nor a person.
            if first == "operation" || (start_tok > 0 && lower[start_tok - 1] == "operation") {
                continue;
            }
            let org_form =
                is_in(ORG_HEADS, lower[end_tok - 1]) || (is_in(ORG_STARTS, first) && run.len() > 1);
            let geo_form =
                is_in(GEO_HEADS, lower[end_tok - 1]) || (is_in(GEO_STARTS, first) && run.len() > 1);
            // An organisation's name may hold a place ("Government of Iraq"); other overlaps
            // with what the lists found are left to the lists.
            let inside_only = taken.overlapping(bs, be).all(|(a, b)| bs <= a && b <= be);
            // A run the lists already cover exactly adds nothing.
            let same = taken.overlapping(bs, be).any(|(a, b)| a <= bs && be <= b);
            if same
                || (overlaps(bs, be) && !((org_form || geo_form) && inside_only && run.len() > 1))
            {
                // A name the lists found may open a longer run ("Pentagon Press Secretary
                // Peter Cook"): read again from the first word after it.
                if overlaps(toks[start_tok].start, toks[start_tok].end)
                    && let Some(k) = (start_tok + 1..end_tok)
                        .find(|&k| !overlaps(toks[k].start, toks[end_tok - 1].end))
                {
                    i = k;
                    reread = Some((k, start_tok));
                }
                continue;
            }
            let prev = if start_tok > 0 {
                lower[start_tok - 1]
            } else {
                ""
            };
            let is_title = |t: &Token<'_>| is_in(TITLES, t.lower.trim_end_matches('.'));
            // The office may be named with what it serves: "Press Secretary", "Pentagon
            // Press Secretary", "Health Minister".
            let titled = run
                .iter()
                .take(3)
                .position(is_title)
                .filter(|&p| run[..p].iter().all(Token::is_word))
                .map_or(0, |p| {
                    p + run[p..].iter().take_while(|t| is_title(t)).count()
                });
            let acronym = run.len() == 1
                && toks[start_tok].text.len() >= 2
                && toks[start_tok].text.len() <= 6
                && toks[start_tok]
                    .text
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '-')
                && !is_in(NOT_ORG_ACRONYMS, first);
            let looks_like_name = run
                .iter()
                .all(|t| !is_in(NOT_NAME, t.lower.as_ref()) && !is_in(GEO_HEADS, t.lower.as_ref()));
            let region = names_a_region(&lower[start_tok..end_tok]);
            // "Army Chief General Asim Munir": an office of one word's body, then a name, is a
            // person (not "Army Public School").
            let officer = titled > 0
                && titled < run.len()
                && run.iter().position(is_title).is_some_and(|p| p <= 1)
                && !is_in(ORG_HEADS, lower[end_tok - 1])
                // The office right before the name is a rank or post ("State" in "Islamic
                // State of Iraq" is none), and the name is names only.
                && matches!(
                    run[titled - 1].lower.trim_end_matches('.'),
                    "general"
                        | "gen"
                        | "chief"
                        | "commander"
                        | "colonel"
                        | "col"
                        | "major"
                        | "maj"
                        | "brigadier"
                        | "brig"
                        | "captain"
                        | "capt"
                        | "lieutenant"
                        | "lt"
                        | "minister"
                        | "spokesman"
                        | "spokesperson"
                        | "director"
                        | "governor"
                        | "admiral"
                        | "inspector"
                        | "superintendent"
                        | "president"
                        | "secretary"
                )
                && run[titled..].iter().all(|t| t.is_capitalised() || t.text == ".");
            let ty = if region {
                Some(MentionType::Loc)
            } else if officer && !acronym {
                Some(MentionType::Per)
            } else if org_form || acronym {
                Some(MentionType::Org)
            } else if geo_form && titled == 0 {
                Some(MentionType::Loc)
            } else if titled > 0 && titled < run.len() {
                Some(MentionType::Per)
            } else if titled > 0 {
                // "the Foreign Secretary", "the Minister": a person by office.
                Some(MentionType::Per)
            } else if is_in(TITLES, prev.trim_end_matches('.'))
                || matches!(prev, "mr" | "mrs" | "dr" | "ms")
            {
                Some(MentionType::Per)
            } else if is_in(LOCATIVES, prev) && run.len() <= 3 {
                Some(MentionType::Loc)
            } else if run.len() >= 2
                && run.len() <= 4
                && looks_like_name
                && !ORG_HEADS
                    .iter()
                    .any(|h| lower[start_tok..end_tok].contains(h))
            {
                Some(MentionType::Per)
            } else {
                None
            };
            let Some(ty) = ty else { continue };
            // Organisations are named with their article, as annotators mark them ("the UN
            // Security Council").
            let with_article = ty == MentionType::Org
                || (ty == MentionType::Per && titled > 0)
                || (ty == MentionType::Loc && geo_form);
            // "Russian Foreign Minister Sergei Lavrov", "Pentagon Press Secretary Peter Cook":
            // the office is named with whom it serves, which the lists found.
            let (start_tok, bs) = match reread {
                Some((k, opened))
                    if k == start_tok
                        && ty == MentionType::Per
                        && titled > 0
                        // Only the lists' names stand before the office, and not as where
                        // it happens ("In Turkey Minister Ellwood met"; one speaks "to
                        // Turkish Foreign Minister" someone).
                        && (opened..k).all(|t| overlaps(toks[t].start, toks[t].end))
                        && (opened == 0
                            || !matches!(
                                lower[opened - 1],
                                "in" | "at" | "near" | "inside" | "outside" | "across" | "around"
                            )) =>
                {
                    (opened, toks[opened].start)
                }
                _ => (start_tok, bs),
            };
            let bs = if with_article
                && start_tok > 0
                && lower[start_tok - 1] == "the"
                && !overlaps(toks[start_tok - 1].start, toks[start_tok - 1].end)
            {
                toks[start_tok - 1].start
            } else {
                bs
            };
            // "Bashar al-Assad's forces": the possessive ending is not part of the name.
            let text_end = &toks[end_tok - 1].text;
            let be = if text_end.ends_with("'s") {
                be - 2
            } else if text_end.ends_with("’s") {
                be - "’s".len()
            } else {
                be
            };
            out.push((bs, be, ty));
            // "Defense Secretary Ash Carter", "Lt. Gen. Stephen J. Townsend": a person by
            // office and by name; the name is a mention of its own inside.
            // A courtesy title is not an office: "Mr Colville" is one mention.
            let honorific = matches!(lower[start_tok], "mr" | "mrs" | "ms" | "dr" | "sir");
            if ty == MentionType::Per && titled > 0 && !honorific {
                let name_tok = |k: usize| {
                    (is_cap(&toks[k])
                        && !is_in(TITLES, lower[k].trim_end_matches('.'))
                        && !is_connector(lower[k]))
                        // An initial's full stop ("J.").
                        || (toks[k].text == "."
                            && k > start_tok
                            && toks[k - 1].text.chars().count() == 1)
                };
                let mut n = end_tok;
                while n > start_tok && name_tok(n - 1) {
                    n -= 1;
                }
                if n > start_tok && n < end_tok && toks[n].is_word() {
                    out.push((toks[n].start, be, ty));
                }
            }
        }
        // Descriptive group phrases: "unidentified gunmen", "the Syrian army", "U.S. forces".
        for (k, w) in lower.iter().enumerate() {
            if !GROUP_NOUNS.contains(w) {
                continue;
            }
            let head_taken = overlaps(toks[k].start, toks[k].end);
            if head_taken {
                continue;
            }
            let mut s = k;
            // Modifiers: known adjectives, capitalised words, and nationalities or groups the
            // lists found ("Syrian government forces", "the counter-ISIL coalition").
            while s > 0
                && k - s < 4
                && (is_in(GROUP_MODIFIERS, lower[s - 1])
                    || (is_cap(&toks[s - 1])
                        && !is_in(STOP, lower[s - 1])
                        && !CALENDAR_WORDS.contains(&lower[s - 1]))
                    || lower[s - 1].contains('-') && toks[s - 1].is_word())
            {
                s -= 1;
            }
            if s > 0
                && (lower[s - 1] == "the"
                    || crate::text::numbers::word_value(lower[s - 1]).is_some())
            {
                s -= 1;
            }
            // A bare lower-case plural ("forces") names nobody in particular; keep modified ones.
            if s == k
                && !matches!(
                    *w,
                    "militants" | "insurgents" | "gunmen" | "civilians" | "refugees" | "terrorists"
                )
            {
                continue;
            }
            let (bs, be) = (toks[s].start, toks[k].end);
            if out.iter().any(|&(a, b, _)| bs < b && a < be) {
                continue;
            }
            out.push((bs, be, MentionType::Org));
        }
        // Lower-case offices: "the prime minister", "the foreign secretary".
        for (k, w) in lower.iter().enumerate() {
            if !PERSON_TITLE_HEADS.contains(w) || toks[k].is_capitalised() {
                continue;
            }
            let mut s = k;
            while s > 0 && is_in(TITLES, lower[s - 1]) && !toks[s - 1].is_capitalised() {
                s -= 1;
            }
            if s == 0 || !matches!(lower[s - 1], "the" | "a" | "an") {
                continue;
            }
            s -= 1;
            let (bs, be) = (toks[s].start, toks[k].end);
            if overlaps(bs, be) || out.iter().any(|&(a, b, _)| bs < b && a < be) {
                continue;
            }
            out.push((bs, be, MentionType::Per));
        }
        out.sort_by_key(|&(a, b, _)| (a, b));
        out
    }
}

impl Stage for NameStage {
    fn name(&self) -> &'static str {
        "names"
    }

    fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations) {
        let mut added = Vec::new();
        for s in &ann.sentences {
            let bb = cx.offsets.byte_of(s.span.begin);
            let be = cx.offsets.byte_of(s.span.end);
            let text = &cx.doc.text[bb..be];
            let taken: Vec<(usize, usize)> =
                crate::pipeline::mentions_within(&ann.mentions, s.span.begin, s.span.end)
                    .iter()
                    .filter(|m| m.span.end <= s.span.end)
                    .map(|m| {
                        (
                            cx.offsets.byte_of(m.span.begin) - bb,
                            cx.offsets.byte_of(m.span.end) - bb,
                        )
                    })
                    .collect();
            for (a, b, ty) in self.find_in(&cx.tokens_between(bb, be), &taken) {
                let begin = cx.offsets.char_of(bb + a);
                let end = cx.offsets.char_of(bb + b);
                added.push(Mention {
                    span: Span {
                        document_id: cx.doc.id.clone(),
                        begin,
                        end,
                    },
                    text: text[a..b].to_owned(),
                    mention_type: ty,
                    entity_id: None,
                    stage: self.name().to_owned(),
                });
            }
        }
        // One name, one referent: "John Kerry" makes a later "Kerry" a person too, and an
        // acronym defined as an organisation stays one.
        let mut person_parts: Vec<String> = Vec::new();
        for m in added.iter().filter(|m| m.mention_type == MentionType::Per) {
            let words: Vec<&str> = m.text.split_whitespace().collect();
            // "Haider al-Abadi" is later "Abadi": the article joined to an Arabic surname
            // goes.
            let last = words.last().map(|w| {
                ["al-", "el-", "Al-", "El-"]
                    .iter()
                    .find_map(|a| w.strip_prefix(a))
                    .unwrap_or(w)
            });
            if words.len() >= 2
                && let Some(last) =
                    last.filter(|w| w.chars().count() > 2 && w.chars().all(char::is_alphabetic))
            {
                person_parts.push(last.to_owned());
            }
        }
        if !person_parts.is_empty() {
            let covered = TakenSpans::new(
                ann.mentions
                    .iter()
                    .chain(&added)
                    .map(|m| (m.span.begin, m.span.end))
                    .collect(),
            );
            let person_parts: rustc_hash::FxHashSet<String> = person_parts.into_iter().collect();
            let mut extra = Vec::new();
            for t in cx.tokens() {
                if !person_parts.contains(t.text) {
                    continue;
                }
                let (b, e) = (cx.offsets.char_of(t.start), cx.offsets.char_of(t.end));
                if covered.overlaps(b, e) {
                    continue;
                }
                extra.push(Mention {
                    span: Span {
                        document_id: cx.doc.id.clone(),
                        begin: b,
                        end: e,
                    },
                    text: t.text.to_owned(),
                    mention_type: MentionType::Per,
                    entity_id: None,
                    stage: self.name().to_owned(),
                });
            }
            added.extend(extra);
        }
        ann.mentions.extend(added);
        ann.mentions.sort_by_key(|m| (m.span.begin, m.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names found in `text` beside spans the lists already took.
    fn found_beside(text: &str, taken: &[(usize, usize)]) -> Vec<String> {
        NameStage
            .find(text, taken)
            .into_iter()
            .map(|(a, b, _)| text[a..b].to_owned())
            .collect()
    }

    fn found(text: &str) -> Vec<(String, MentionType)> {
        NameStage
            .find(text, &[])
            .into_iter()
            .map(|(a, b, t)| (text[a..b].to_owned(), t))
            .collect()
    }

    #[test]
    fn people_organisations_places_and_groups() {
        let f = found("Defence Minister Khawaja Asif has signaled that military options remain.");
        assert_eq!(
            f[0],
            ("Defence Minister Khawaja Asif".into(), MentionType::Per)
        );
        let f = found(
            "He met officials of the Mujahideen Shura Council in Karabilah with Sirajuddin Haqqani.",
        );
        assert!(
            f.contains(&("the Mujahideen Shura Council".into(), MentionType::Org)),
            "{f:?}"
        );
        assert!(f.contains(&("Karabilah".into(), MentionType::Loc)), "{f:?}");
        assert!(
            f.contains(&("Sirajuddin Haqqani".into(), MentionType::Per)),
            "{f:?}"
        );
        // An office of the army, then a name: a person; "State" is no such office.
        let f = found("The meeting was attended by Army Chief General Asim Munir.");
        assert!(
            f.contains(&("Army Chief General Asim Munir".into(), MentionType::Per)),
            "{f:?}"
        );
        let f = found("A life free from Islamic State of Iraq and Levant atrocities.");
        assert!(f.iter().all(|(_, t)| *t != MentionType::Per), "{f:?}");
        let f = found("Unidentified gunmen attacked U.S. forces.");
        assert!(
            f.contains(&("Unidentified gunmen".into(), MentionType::Org)),
            "{f:?}"
        );
        assert!(
            f.contains(&("U.S. forces".into(), MentionType::Org)),
            "{f:?}"
        );
        assert!(found("The attack came after talks.").is_empty());
    }

    #[test]
    fn a_person_by_office_holds_the_name() {
        let f = found("Lt. Gen. Stephen J. Townsend met Secretary of State John Kerry.");
        for name in [
            "Lt. Gen. Stephen J. Townsend",
            "Stephen J. Townsend",
            "Secretary of State John Kerry",
            "John Kerry",
        ] {
            assert!(
                f.contains(&(name.into(), MentionType::Per)),
                "{name}: {f:?}"
            );
        }
        // A courtesy title is part of the one mention; a possessive is not part of a name.
        let f = found("Mr Colville praised President Bashar al-Assad's forces.");
        assert!(
            f.contains(&("Mr Colville".into(), MentionType::Per)),
            "{f:?}"
        );
        assert!(!f.contains(&("Colville".into(), MentionType::Per)), "{f:?}");
        assert!(
            f.contains(&("President Bashar al-Assad".into(), MentionType::Per)),
            "{f:?}"
        );
        // A name the lists found opens the run: the person after it is still read.
        let text = "Pentagon Press Secretary Peter Cook told reporters.";
        let f = found_beside(text, &[(0, 8)]);
        assert!(f.contains(&"Peter Cook".to_owned()), "{f:?}");
        // The office is named with whom it serves, which the lists found; where it happens
        // is not part of it.
        assert!(
            f.contains(&"Pentagon Press Secretary Peter Cook".to_owned()),
            "{f:?}"
        );
        let text = "He spoke to Turkish Foreign Minister Mevlut Cavusoglu.";
        let f = found_beside(text, &[(12, 19)]);
        assert!(
            f.contains(&"Turkish Foreign Minister Mevlut Cavusoglu".to_owned()),
            "{f:?}"
        );
        let f = found("Peace in the Middle East and Central Asia.");
        assert!(
            f.contains(&("Middle East".into(), MentionType::Loc)),
            "{f:?}"
        );
        assert!(
            f.contains(&("Central Asia".into(), MentionType::Loc)),
            "{f:?}"
        );
        let text = "In Turkey Minister Ellwood met the Syrian National Coalition.";
        let f = found_beside(text, &[(3, 9)]);
        assert!(f.contains(&"Minister Ellwood".to_owned()), "{f:?}");
    }

    #[test]
    fn a_persons_surname_alone_is_the_person_later() {
        use tessera_model::{DocId, Document, DocumentMeta, SourceFormat};
        let doc = Document {
            id: DocId::from("d"),
            version: 1,
            text: "Carter met Prime Minister Haider al-Abadi and Ziad al-Karbouly. Carter \
                   thanked Abadi. Karbouly left. Abadi Street was closed."
                .into(),
            meta: DocumentMeta::default(),
            format: SourceFormat::Text,
            origin: None,
        };
        let ann =
            crate::Pipeline::new(vec![Box::new(crate::SentenceSplitter), Box::new(NameStage)])
                .run(&doc);
        let people: Vec<&str> = ann
            .mentions
            .iter()
            .filter(|m| m.mention_type == MentionType::Per)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(
            people.iter().filter(|&&p| p == "Abadi").count(),
            1,
            "{people:?}"
        );
        assert!(people.contains(&"Karbouly"), "{people:?}");
    }
}
