//! Who says so, and how sure: attribution cues ("according to", "police said") and hedges
//! ("allegedly", "may", "denied") in a sentence.

use crate::text::phrases::PhraseIndex;
use crate::text::tokens::Token;
use std::sync::OnceLock;
use tessera_model::Certainty;

/// A source the sentence attributes its content to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The source as written ("police", "regional security sources", "ISPR").
    pub source: String,
    /// The cue ("according to", "said").
    pub cue: String,
    /// Byte span of source and cue together, in the sentence.
    pub span: (usize, usize),
}

/// Reporting verbs (a match: it runs on every word).
fn is_say_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "confirmed"
            | "stated"
            | "added"
            | "reported"
            | "claimed"
            | "announced"
            | "alleged"
            | "warned"
            | "noted"
            | "revealed"
            | "disclosed"
            | "maintained"
            | "insisted"
            | "explained"
            | "asserted"
            | "indicated"
            | "indicate"
            | "indicates"
            | "suggested"
            | "suggests"
            | "suggest"
            | "believe"
            | "believes"
            | "estimated"
            | "signalled"
            | "signaled"
            | "argued"
            | "acknowledged"
            | "admitted"
            | "denied"
            | "denies"
            | "deny"
            | "claims"
            // "…, Iranian officials claim."
            | "claim"
            | "warn"
            | "say"
            | "note"
            | "attribute"
            | "attributed"
            | "accused"
            | "accuses"
            | "alleges"
            | "allege"
            | "blamed"
            | "blames"
            | "insist"
            | "reveal"
            | "point"
    )
}

/// Whether a reporting word that is also a noun is used as one: "the clash point between",
/// "a note", "the claims were": after a determiner, or "point" and "note" with no "to",
/// "out" or "that" after them.
fn used_as_a_noun(w: &[&str], i: usize) -> bool {
    let noun_form = matches!(w[i], "point" | "note" | "claims" | "claim");
    let after_determiner = i > 0
        && matches!(
            w[i - 1],
            "the" | "a" | "an" | "this" | "that" | "his" | "her" | "their" | "its" | "these"
        );
    let verb_follows = matches!(w.get(i + 1), Some(&("to" | "out" | "that")));
    noun_form && (after_determiner || (!matches!(w[i], "claims" | "claim") && !verb_follows))
}

fn is_stop(t: &Token<'_>) -> bool {
    matches!(
        t.text,
        "," | ";" | ":" | "." | "(" | ")" | "\"" | "“" | "”" | "—" | "–" | "--" | "-"
    ) || matches!(
        t.lower.as_ref(),
        "that"
            | "and"
            | "but"
            | "while"
            | "which"
            | "who"
            | "where"
            | "as"
            | "when"
            | "though"
            | "although"
            | "because"
            | "whereas"
            // "two days after Tehran said": the speaker follows the time.
            | "after"
            | "before"
            | "since"
    )
}

/// A day of the week or "night" ("late on Monday", "on Friday night"), as a time before a
/// reporting verb.
fn is_weekday_or_day(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "night"
            | "morning"
            | "evening"
    )
}

/// Whether a reporting verb is a claim or a denial ("claimed", "denies"): the word of the
/// one who claims or denies, about itself, rather than a source reporting on others.
pub fn is_claim_or_denial(verb: &str) -> bool {
    ["claimed", "claims", "claim", "denied", "denies", "deny"]
        .iter()
        .any(|v| v.eq_ignore_ascii_case(verb))
}

/// Find the sentence's attribution, if any.
pub fn find_attribution(toks: &[Token<'_>], sentence: &str) -> Option<Attribution> {
    let w: Vec<&str> = toks.iter().map(|t| t.lower.as_ref()).collect();
    // "according to X"
    for i in 0..w.len().saturating_sub(1) {
        if w[i] == "according" && w[i + 1] == "to" {
            let start = i + 2;
            let mut end = start;
            while end < toks.len() && end < start + 10 && !is_stop(&toks[end]) {
                end += 1;
            }
            // Allow "X and Y sources": continue across "and" when a word follows.
            if end < toks.len() && toks[end].lower == "and" {
                let mut e2 = end + 1;
                while e2 < toks.len() && e2 < end + 6 && !is_stop(&toks[e2]) {
                    e2 += 1;
                }
                end = e2;
            }
            if end > start {
                return Some(Attribution {
                    source: sentence[toks[start].start..toks[end - 1].end].to_owned(),
                    cue: "according to".into(),
                    span: (toks[i].start, toks[end - 1].end),
                });
            }
        }
    }
    // "X said" / "said X" / "X told reporters"
    for (i, word) in w.iter().enumerate() {
        // "there were no reported casualties": an adjective, not a report; nor is "a man
        // accused of blasphemy".
        if !is_say_verb(word)
            || (i > 0 && w[i - 1] == "no")
            || (*word == "accused" && describes_the_accused(&w, i))
            // "against the alleged rape of a girl": an adjective.
            || (*word == "alleged"
                && i > 0
                && (matches!(w[i - 1], "the" | "a" | "an" | "his" | "her" | "their" | "its")
                    // "arrested two alleged terrorists".
                    || crate::text::numbers::read_count(&w, i - 1).is_some()))
            || used_as_a_noun(&w, i)
            // "continue to deny sanctuary to terrorists": to deny them is to keep it from
            // them; only "deny that …" reports a denial.
            // ("denies Pakistani allegations that it funds the BLA" reports one.)
            || (*word == "deny"
                && w.get(i + 1) != Some(&"that")
                && !w[i + 1..(i + 5).min(w.len())].windows(2).any(|x| {
                    matches!(
                        x[0],
                        "allegations" | "accusations" | "charges" | "claims" | "reports"
                    ) && x[1] == "that"
                }))
        {
            continue;
        }
        // Passive: "India has been accused by Pakistan of backing the BLA": the one after
        // "by" speaks; the subject is spoken of.
        // (Not "was claimed by X": a claim of responsibility is read as such elsewhere.)
        if i > 0
            && matches!(*word, "accused" | "blamed" | "alleged")
            && matches!(w[i - 1], "been" | "was" | "were" | "is" | "are" | "being")
            && w.get(i + 1) == Some(&"by")
            && let Some(a) = source_after(toks, sentence, i, i + 2, |t| {
                matches!(t.lower.as_ref(), "of" | "for" | "in" | "over" | "after")
            })
        {
            return Some(a);
        }
        // Any other passive names no source: "four of them were stated to be in critical
        // condition", "a Taliban commander was confirmed killed" (no one after "by"), and "X
        // was accused of …", whose subject is the accused.
        if i > 0
            && matches!(w[i - 1], "been" | "was" | "were" | "is" | "are" | "being")
            && (w.get(i + 1) != Some(&"by") || matches!(*word, "accused" | "blamed" | "alleged"))
        {
            continue;
        }
        // A participle with its agent after it, "an attack claimed by the group": the words
        // before it are what was claimed, not who speaks.
        if i > 0
            && w.get(i + 1) == Some(&"by")
            && !matches!(w[i - 1], "been" | "was" | "were" | "is" | "are" | "being")
        {
            continue;
        }
        // Subject before the verb.
        let mut s = i;
        while s > 0 && i - s < 7 && !is_stop(&toks[s - 1]) {
            s -= 1;
        }
        // "The Counter Terrorism Department (CTD) on Wednesday claimed": the name goes on
        // before its abbreviation in brackets.
        if s >= 3
            && toks[s - 1].text == ")"
            && let Some(open) = (s.saturating_sub(5)..s - 1)
                .rev()
                .find(|&k| toks[k].text == "(")
            && toks[open + 1..s - 1].iter().all(|t| t.is_word())
            && open >= 1
            && toks[open - 1].is_capitalised()
        {
            // (Only the name: "arrested by the Special Task Force (STF)" is no speaker.)
            let mut k = open;
            while k > 0
                && open - k < 6
                && !is_stop(&toks[k - 1])
                && (toks[k - 1].is_capitalised()
                    || matches!(
                        toks[k - 1].lower.as_ref(),
                        "the" | "of" | "e" | "i" | "ul" | "al" | "for"
                    ))
            {
                k -= 1;
            }
            if k < open {
                s = k;
            }
        }
        // "Zabihullah Mujahid, the Islamic Emirate's spokesman, said": a name and its
        // apposition, between commas, speak.
        if s == i
            && i >= 2
            // (A group's claim of its own part names no source: "Jamaat-ul-Ahrar, a faction
            // close to the TTP, claimed responsibility"; "… denied that …" does.)
            && (!is_claim_or_denial(word) || w.get(i + 1) == Some(&"that"))
            && toks[i - 1].text == ","
            && let Some(c) = (i.saturating_sub(14)..i - 1)
                .rev()
                .find(|&k| toks[k].text == ",")
            && matches!(
                w[c + 1],
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    // "Lt. Gen. Stephen J. Townsend, commander of Combined Joint Task Force
                    // …, said".
                    | "commander"
                    | "spokesman"
                    | "spokesperson"
                    | "chief"
                    | "head"
                    | "director"
                    | "minister"
                    | "governor"
                    | "secretary"
                    | "president"
                    | "leader"
            )
            && toks[c + 1..i - 1].iter().all(|t| !is_stop(t))
            && c > 0
            && toks[c - 1].is_capitalised()
        {
            s = c;
            while s > 0 && c - s < 5 && !is_stop(&toks[s - 1]) {
                s -= 1;
            }
            if s < c {
                return Some(Attribution {
                    source: sentence[toks[s].start..toks[i - 2].end].to_owned(),
                    cue: toks[i].text.to_owned(),
                    span: (toks[s].start, toks[i].end),
                });
            }
            s = i;
        }
        // "A Taliban spokesman, Zabihullah Mujahid, claimed the group's fighters had captured
        // …": a role and the name in apposition after it speak.
        if s == i
            && i >= 4
            && toks[i - 1].text == ","
            && (!is_claim_or_denial(word) || claims_a_clause(&w, i))
            && let Some(c) = (i.saturating_sub(6)..i - 1)
                .rev()
                .find(|&k| toks[k].text == ",")
            && c + 1 < i - 1
            && toks[c + 1..i - 1]
                .iter()
                .all(|t| t.is_capitalised() && t.is_word())
            && c > 0
            && matches!(
                w[c - 1],
                "spokesman" | "spokesperson" | "commander" | "chief" | "leader" | "official"
            )
        {
            let mut k = c;
            while k > 0 && c - k < 6 && !is_stop(&toks[k - 1]) {
                k -= 1;
            }
            return Some(Attribution {
                source: sentence[toks[k].start..toks[i - 2].end].to_owned(),
                cue: toks[i].text.to_owned(),
                span: (toks[k].start, toks[i].end),
            });
        }
        // "The BLF and BLA announced", "Kabul and Islamabad said": two named parties speak
        // together.
        if s >= 2
            && s < i
            && toks[s - 1].lower == "and"
            && toks[s].is_capitalised()
            && toks[s - 2].is_capitalised()
        {
            // ("Both Tehrik i Taliban Pakistan and Jaishul Islam claimed": the name's
            // joining "i", not "Both".)
            let mut k = s - 1;
            while k > 1
                && s - k < 6
                && (toks[k - 1].is_capitalised()
                    || toks[k - 1].lower == "the"
                    || matches!(toks[k - 1].lower.as_ref(), "i" | "e" | "ul" | "al")
                        && toks[k - 2].is_capitalised())
                && toks[k - 1].lower != "both"
                && !is_stop(&toks[k - 1])
            {
                k -= 1;
            }
            if k == 1 && toks[0].is_capitalised() && toks[0].lower != "both" {
                k = 0;
            }
            s = k;
        }
        // Auxiliaries belong to the verb, not the source ("Khawaja Asif has signaled"); so
        // does the time ("The CTD on Wednesday said").
        let mut last = i;
        // ("The TTP on November 24 said", SATP's way.)
        if last >= s + 3
            && toks[last - 1].lower.chars().all(|c| c.is_ascii_digit())
            && crate::text::dates::is_calendar_word(&toks[last - 2].lower)
            && toks[last - 3].lower == "on"
        {
            last -= 3;
        } else if last >= s + 2
            && is_weekday_or_day(&toks[last - 1].lower)
            && matches!(
                toks[last - 2].lower.as_ref(),
                "on" | "late" | "early" | "earlier"
            )
        {
            last -= 2;
            while last > s && matches!(toks[last - 1].lower.as_ref(), "late" | "early" | "on") {
                last -= 1;
            }
        } else if last > s && matches!(toks[last - 1].lower.as_ref(), "yesterday" | "today") {
            last -= 1;
        }
        while last > s
            && matches!(
                toks[last - 1].lower.as_ref(),
                "has"
                    | "have"
                    | "had"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "also"
                    | "repeatedly"
                    // "Pakistan has long accused …".
                    | "long"
                    | "often"
                    | "previously"
            )
        {
            last -= 1;
        }
        if s < last {
            let src = &sentence[toks[s].start..toks[last - 1].end];
            let src_l = src.to_lowercase();
            // Pronoun subjects and verbs of the story itself are not sources.
            // Nor is nobody: "no group has claimed responsibility".
            let nobody = src_l.starts_with("no ") || matches!(src_l.as_str(), "nobody" | "none");
            // "There were no civilian casualties or collateral damage reported": a clause
            // that opens on a verb has no speaker.
            let verb_first = matches!(
                toks[s].lower.as_ref(),
                "were" | "was" | "is" | "are" | "has" | "have" | "had" | "been"
            );
            if !verb_first
                && !matches!(
                    src_l.as_str(),
                    "he" | "she" | "they" | "it" | "we" | "i" | "this" | "there"
                )
                && !src_l.ends_with(" it")
                && !nobody
                && toks[s..last].iter().any(|t| t.is_word())
            {
                return Some(Attribution {
                    source: src.to_owned(),
                    cue: toks[i].text.to_owned(),
                    span: (toks[s].start, toks[i].end),
                });
            }
        }
        // Inverted: ", said a police official." (not ", claimed responsibility in a
        // statement": what follows a claim or denial is its object).
        // (Not ", said to be Al Qaeda's chief": who someone is said to be.)
        if i + 1 < toks.len()
            && i > 0
            && toks[i - 1].text == ","
            && !is_claim_or_denial(word)
            && w[i + 1] != "to"
            // "…, said on Monday that": when, not who.
            && !matches!(
                w[i + 1],
                "on" | "in"
                    | "at"
                    | "late"
                    | "earlier"
                    | "later"
                    | "yesterday"
                    | "today"
                    | "last"
                    | "this"
                    | "during"
                    | "after"
                    | "while"
            )
            && let Some(a) = source_after(toks, sentence, i, i + 1, |_| false)
        {
            return Some(a);
        }
    }
    None
}

/// The source named after the cue at `cue`, from token `start`: up to eight words, to a stop
/// or a word `ends` accepts.
fn source_after(
    toks: &[Token<'_>],
    sentence: &str,
    cue: usize,
    start: usize,
    ends: impl Fn(&Token<'_>) -> bool,
) -> Option<Attribution> {
    let end = (start..toks.len().min(start + 8))
        .find(|&k| is_stop(&toks[k]) || ends(&toks[k]))
        .unwrap_or(toks.len().min(start + 8));
    (end > start).then(|| Attribution {
        source: sentence[toks[start].start..toks[end - 1].end].to_owned(),
        cue: toks[cue].text.to_owned(),
        span: (toks[cue].start, toks[end - 1].end),
    })
}

/// Hedge cues in priority order: the first that occurs sets the sentence's certainty.
const HEDGES: &[(&str, Certainty)] = &[
    ("denied", Certainty::Denied),
    ("denies", Certainty::Denied),
    ("deny that", Certainty::Denied),
    ("rejected the claim", Certainty::Denied),
    ("rejects the allegation", Certainty::Denied),
    ("rejected the allegation", Certainty::Denied),
    ("rejected allegations", Certainty::Denied),
    ("rejected accusations", Certainty::Denied),
    ("no involvement", Certainty::Denied),
    ("no connection with", Certainty::Denied),
    ("nothing to do with", Certainty::Denied),
    ("is baseless", Certainty::Denied),
    ("are baseless", Certainty::Denied),
    ("allegedly", Certainty::Alleged),
    ("allege", Certainty::Alleged),
    ("alleges", Certainty::Alleged),
    ("alleged", Certainty::Alleged),
    ("reportedly", Certainty::Alleged),
    ("purportedly", Certainty::Alleged),
    // The passive report, with no one named: "are said to have conspired", "were reported to
    // have fired".
    ("is said to", Certainty::Alleged),
    ("are said to", Certainty::Alleged),
    ("was said to", Certainty::Alleged),
    ("were said to", Certainty::Alleged),
    ("is reported to", Certainty::Alleged),
    ("are reported to", Certainty::Alleged),
    ("was reported to", Certainty::Alleged),
    ("were reported to", Certainty::Alleged),
    ("is suspected", Certainty::Alleged),
    ("are suspected", Certainty::Alleged),
    ("were suspected", Certainty::Alleged),
    ("accused", Certainty::Alleged),
    ("claimed", Certainty::Alleged),
    ("claiming to have", Certainty::Alleged),
    ("claims to have", Certainty::Alleged),
    ("claim to have", Certainty::Alleged),
    ("unconfirmed", Certainty::Possible),
    ("possibly", Certainty::Possible),
    ("may", Certainty::Possible),
    ("might", Certainty::Possible),
    ("could", Certainty::Possible),
    ("intelligence indicates", Certainty::Probable),
    ("likely", Certainty::Probable),
    ("probably", Certainty::Probable),
    ("believed to", Certainty::Probable),
    // "are thought to have been killed", "were presumably killed", "are feared dead".
    ("thought to", Certainty::Probable),
    ("presumably", Certainty::Probable),
    ("feared dead", Certainty::Possible),
    ("feared killed", Certainty::Possible),
    // "Intelligence officials believe the BLA receives funding …".
    ("believe", Certainty::Probable),
    ("believes", Certainty::Probable),
    ("appears to", Certainty::Probable),
    ("indicates", Certainty::Probable),
    ("warn", Certainty::Possible),
];

fn hedge_index() -> &'static PhraseIndex<usize> {
    static INDEX: OnceLock<PhraseIndex<usize>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(HEDGES.iter().enumerate().map(|(i, (p, _))| (*p, i))))
}

/// Whether "accused" at `i` describes someone rather than reports an accusation: "a man
/// accused of blasphemy", "the accused were produced in court" (not "Pakistan accused India
/// of …", nor "he was accused of killing …", where the act is the accusation's).
fn describes_the_accused(w: &[&str], i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| w[k]);
    let passive = matches!(
        before,
        Some("was" | "were" | "is" | "are" | "been" | "be" | "being" | "has" | "have" | "had")
    );
    // "after a man was accused of blasphemy": why something else happened.
    let a_reason =
        passive && (i.saturating_sub(6)..i).any(|k| matches!(w[k], "after" | "because" | "since"));
    // "An accused, Abdul Maalik Bengali, …", "accused Imtiaz Rind": the noun.
    matches!(
        before,
        Some("the" | "an" | "another" | "two" | "three" | "both")
    ) || w.get(i + 1) == Some(&"of") && !passive && before.is_some()
        || a_reason
}

/// Whether "accused" at `i` is the title before a name ("Police said accused Abdul Maalik
/// Bengali was killed"), not an accusation of someone ("accused Afghan Taliban of …").
fn accused_before_a_name(toks: &[Token<'_>], i: usize) -> bool {
    // A name is a few words: an all-capitals text stays linear.
    let name_end = (i + 1..toks.len().min(i + 6))
        .take_while(|&k| toks[k].is_capitalised() && toks[k].is_word())
        .last();
    name_end.is_some_and(|e| {
        e > i + 1
            && toks
                .get(e + 1)
                .is_some_and(|t| matches!(t.lower.as_ref(), "was" | "were" | "had" | "has" | ","))
    })
}

/// Whether the claim verb at `i` reports what someone says happened ("claimed that …",
/// "claimed the group's fighters had captured …"), not a claim of their part ("claimed
/// responsibility", "claimed the attack").
fn claims_a_clause(w: &[&str], i: usize) -> bool {
    w.get(i + 1) == Some(&"that")
        || !matches!(
            w.get(i + 1),
            Some(&("responsibility" | "credit" | "involvement"))
        ) && w[i + 1..(i + 8).min(w.len())]
            .iter()
            .any(|x| matches!(*x, "had" | "have" | "has" | "were" | "was"))
}

/// Whether "alleged(ly)" at `i` hedges why something was done, not the deed: "arrested two
/// men for allegedly planning an attack", "detained over their alleged links to the TTP",
/// "blocked the highway to protest the alleged enforced disappearance of a student".
fn hedges_the_reason(w: &[&str], i: usize) -> bool {
    let mut k = i;
    if k > 0 && matches!(w[k - 1], "his" | "her" | "their" | "its") {
        k -= 1;
    }
    if k > 0 && matches!(w[k - 1], "for" | "over") {
        return true;
    }
    // What a protest is against is its grievance, hedged or not.
    k > 1
        && w[k - 1] == "the"
        && matches!(
            w[k - 2],
            "against" | "protest" | "protesting" | "condemn" | "condemning" | "denounce"
        )
}

/// The certainty a sentence expresses, with the cue that set it.
pub fn sentence_certainty(toks: &[Token<'_>]) -> (Certainty, Option<String>) {
    let w: Vec<&str> = toks.iter().map(|t| t.lower.as_ref()).collect();
    match hedge_index()
        .find_all(&w)
        .into_iter()
        .filter(|&(p, _, i)| {
            !(HEDGES[i].0 == "accused"
                && (describes_the_accused(&w, p) || accused_before_a_name(toks, p)))
        })
        // "a blast claimed by Jamaat-ul-Ahrar": a claim of responsibility, not a doubt.
        .filter(|&(p, _, i)| !(HEDGES[i].0 == "claimed" && w.get(p + 1) == Some(&"by")))
        .filter(|&(p, _, i)| !(HEDGES[i].0 == "may" && names_the_month(toks, p)))
        // "Identification of those killed could not be ascertained": what could not be done,
        // no possibility. (An account that could not be verified is read elsewhere.)
        .filter(|&(p, _, i)| {
            !(HEDGES[i].0 == "could" && w.get(p + 1).is_some_and(|x| matches!(*x, "not" | "n't")))
        })
        // "shot dead before he could detonate his vest": what he was stopped from doing.
        .filter(|&(p, _, i)| {
            !(HEDGES[i].0 == "could"
                && p >= 2
                && w[p - 2] == "before"
                && matches!(w[p - 1], "he" | "she" | "they" | "it"))
        })
        // "Sources said that number of casualties might increase": a guess at the toll to
        // come, not a doubt that the fight took place.
        .filter(|&(p, _, i)| {
            !(matches!(HEDGES[i].0, "may" | "might" | "could")
                && w.get(p + 1).is_some_and(|x| {
                    matches!(*x, "increase" | "rise" | "climb" | "go") || *x == "further"
                })
                && w[p.saturating_sub(6)..p]
                    .iter()
                    .any(|x| matches!(*x, "casualties" | "toll" | "number" | "figure" | "tally")))
        })
        // "The attack is suspected to have been carried out by the BLA", "is believed to have
        // been carried out by the TTP": a guess at who did it, not whether it happened.
        .filter(|&(p, _, i)| {
            !(matches!(HEDGES[i].0, "is suspected" | "believed to")
                && w[p..(p + 9).min(w.len())]
                    .windows(3)
                    .any(|x| x == ["carried", "out", "by"] || x == ["to", "be", "behind"]))
        })
        .filter(|&(p, _, i)| {
            !(matches!(HEDGES[i].0, "allegedly" | "alleged") && hedges_the_reason(&w, p))
        })
        // "A man who is said to be involved in kidnapping cases was arrested": a relative
        // clause says what the person is said to be; the arrest is told as done.
        .filter(|&(p, _, i)| {
            !(matches!(HEDGES[i].0, "is said to" | "are said to" | "believed to")
                && w.get(p + HEDGES[i].0.split(' ').count())
                    .is_some_and(|x| *x == "be")
                && p >= 1
                && (w[p - 1] == "who" || p >= 2 && w[p - 2] == "who"))
        })
        // "An alleged facilitator was arrested": who he is said to be, not whether the
        // arrest happened ("the alleged attack" still doubts the attack).
        .filter(|&(p, _, i)| {
            // (Not "the alleged police manhandling of a cameraman": the forces' deed.)
            !(HEDGES[i].0 == "alleged"
                && w.get(p + 1).is_some_and(|n| {
                    super::lexicon::role_of(n).is_some_and(|r| r != super::lexicon::Role::State)
                }))
        })
        // "Police believe the attack …" hedges the sentence; a belief told later in it ("a
        // cause the union believes will be ineffective", "suspects who they believe were
        // released") is someone's view of something else.
        .filter(|&(p, _, i)| !(matches!(HEDGES[i].0, "believe" | "believes") && p > 4))
        // "Relatives allege the men were picked up" hedges what follows; after a clause
        // ("observed a hunger strike, they allege that the VC is corrupt") it is a grievance.
        .filter(|&(p, _, i)| {
            !(matches!(HEDGES[i].0, "allege" | "alleges")
                && w[..p].iter().any(|x| matches!(*x, "," | ";")))
        })
        .map(|(_, _, i)| i)
        .min()
    {
        // ("deny that": the cue is the verb.)
        Some(i) => (
            HEDGES[i].1,
            Some(HEDGES[i].0.trim_end_matches(" that").to_owned()),
        ),
        None => (Certainty::Certain, None),
    }
}

/// Whether "may" at `i` is the month: "on May 14", "14 May", "in May" written with a capital
/// inside a sentence (not "militants may have fled").
fn names_the_month(toks: &[Token<'_>], i: usize) -> bool {
    let digits = |t: Option<&Token<'_>>| {
        t.is_some_and(|t| !t.text.is_empty() && t.text.bytes().all(|b| b.is_ascii_digit()))
    };
    digits(toks.get(i + 1)) || i > 0 && digits(toks.get(i - 1)) || i > 0 && toks[i].is_capitalised()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn attr(s: &str) -> Option<(String, String)> {
        find_attribution(&tokenize(s), s).map(|a| (a.source, a.cue))
    }

    #[test]
    fn sources_and_cues() {
        // The source of a time clause: "two days after Tehran said".
        assert_eq!(
            attr("Pakistan struck Iran, two days after Tehran said it attacked bases.")
                .map(|a| a.0),
            Some("Tehran".into())
        );
        assert_eq!(
            attr(
                "The pact bound the group, according to Afghan media and regional security sources."
            ),
            Some((
                "Afghan media and regional security sources".into(),
                "according to".into()
            ))
        );
        assert_eq!(
            attr("Three soldiers were killed, police said."),
            Some(("police".into(), "said".into()))
        );
        assert_eq!(
            attr("A local official said two died."),
            Some(("A local official".into(), "said".into()))
        );
        assert_eq!(
            attr("Two died, said a police official in Khar."),
            Some(("a police official in Khar".into(), "said".into()))
        );
        assert_eq!(attr("Two died in Khar."), None);
        // A passive report names no one; a relative clause starts its own subject.
        // A source with an adverb of time: "has long accused".
        assert_eq!(
            attr("Pakistan has long accused Kabul of sheltering TTP fighters."),
            Some(("Pakistan".into(), "accused".into()))
        );
        assert_eq!(
            attr("A Taliban commander was confirmed killed today in Wardak."),
            None
        );
        assert_eq!(
            attr("Omar Latif, said to be Al Qaeda's chief for Balochistan, has been killed."),
            None
        );
        assert_eq!(
            attr(
                "The injured were taken to hospital, where four of them were stated to be critical."
            ),
            None
        );
        assert_eq!(
            attr("The girl was taken to hospital where doctors said she had died."),
            Some(("doctors".into(), "said".into()))
        );
        assert_eq!(
            attr("KABUL (Oct. 19) -- The coalition confirmed that the strikes killed 15."),
            Some(("The coalition".into(), "confirmed".into()))
        );
        assert_eq!(
            attr("People protested against the alleged rape of a girl in Faisalabad."),
            None
        );
        assert_eq!(
            attr(
                "There were no civilian casualties or collateral damage reported during this operation."
            ),
            None
        );
        assert_eq!(
            attr("India has been accused by Pakistan of backing the BLA."),
            Some(("Pakistan".into(), "accused".into()))
        );
        // Nobody after "though" is no source.
        assert_eq!(
            attr("Officials suspect the ISKP, though no group has claimed it."),
            None
        );
        // The accused is no source, nor is a noun that looks like a reporting verb.
        assert_eq!(
            attr("The TTP was accused of carrying out the attack."),
            None
        );
        assert_eq!(
            attr("The road became the clash point between mobs and the police."),
            None
        );
        assert_eq!(
            attr("Analysts point to a rise in attacks."),
            Some(("Analysts".into(), "point".into()))
        );
    }

    #[test]
    fn hedges() {
        // What a relative clause says the person is said or believed to be.
        assert_eq!(
            sentence_certainty(&tokenize(
                "A man who is said to be involved in kidnapping cases was arrested."
            ))
            .0,
            Certainty::Certain
        );
        assert_eq!(
            sentence_certainty(&tokenize(
                "Two men who are believed to be militants were held."
            ))
            .0,
            Certainty::Certain
        );
        assert_eq!(
            sentence_certainty(&tokenize("The suspects are said to have planted the bomb.")).0,
            Certainty::Alleged
        );
        // An adjective of the person arrested is no doubt of the arrest.
        assert_eq!(
            sentence_certainty(&tokenize(
                "An alleged facilitator was arrested in Peshawar."
            ))
            .0,
            Certainty::Certain
        );
        assert_eq!(
            sentence_certainty(&tokenize("The alleged attack on the post was a hoax.")).0,
            Certainty::Alleged
        );
        let c = |s: &str| sentence_certainty(&tokenize(s)).0;
        assert_eq!(
            c("attacks allegedly originating from Afghan territory"),
            Certainty::Alleged
        );
        assert_eq!(c("The TTP denied involvement."), Certainty::Denied);
        assert_eq!(
            c("Recent intelligence indicates that the groups operate"),
            Certainty::Probable
        );
        assert_eq!(c("Two soldiers were killed."), Certainty::Certain);
        // Who believes it opens the sentence; a belief told later is someone's view.
        assert_eq!(
            c("Police believe the TTP carried out the attack."),
            Certainty::Probable
        );
        assert_eq!(
            c("Workers protested against the privatisation, a cause the union believes will fail."),
            Certainty::Certain
        );
        // The month is no hedge; the modal is.
        assert_eq!(
            c("The Taliban took two villages on May 14."),
            Certainty::Certain
        );
        assert_eq!(c("Clashes broke out in May in Kunar."), Certainty::Certain);
        assert_eq!(c("Militants may have fled to Kunar."), Certainty::Possible);
        assert_eq!(
            c("A mob attacked a man accused of blasphemy."),
            Certainty::Certain
        );
        assert_eq!(
            c("Pakistan accused India of shelling villages."),
            Certainty::Alleged
        );
        assert_eq!(
            c("He was accused of killing two policemen."),
            Certainty::Alleged
        );
        // An accusation told as the reason for something else does not hedge it.
        assert_eq!(
            c("A mob attacked a police station after a man was accused of blasphemy."),
            Certainty::Certain
        );
        assert_eq!(
            c("The NRF said, claiming to have killed 20 Taliban."),
            Certainty::Alleged
        );
        assert_eq!(
            c("Relatives allege the men were picked up by security agencies."),
            Certainty::Alleged
        );
        assert_eq!(
            c("Students observed a hunger strike, they allege that the VC is corrupt."),
            Certainty::Certain
        );
        // The reason for an arrest, alleged, leaves the arrest certain.
        assert_eq!(
            c("Police arrested two men for allegedly planning an attack."),
            Certainty::Certain
        );
        assert_eq!(
            c("Five were detained over their alleged links to the TTP."),
            Certainty::Certain
        );
        assert_eq!(
            c("Two men allegedly planning an attack were arrested."),
            Certainty::Alleged
        );
    }
}
