//! Mentions by pronoun or description rather than by name: "we", "he", "untrained teachers",
//! "Iraqi forces", "the camp". They carry a type but no entity, and later stages that want
//! names (actors, claim subjects, entity review) pass them over ([`Mention::is_nominal`]).

use crate::pipeline::{DocContext, Stage, TakenSpans};
use crate::text::tokens::Token;
use tessera_model::{Annotations, Mention, MentionType, NOMINAL_STAGE, Span};

/// Plural nouns for groups of people: the head of a group description.
fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "parties"
            | "groups"
            | "civilians"
            | "children"
            | "women"
            | "men"
            | "fighters"
            | "militants"
            | "soldiers"
            | "troops"
            | "forces"
            | "officials"
            | "residents"
            | "workers"
            | "patients"
            | "students"
            | "refugees"
            | "people"
            | "families"
            | "members"
            | "leaders"
            | "terrorists"
            | "extremists"
            | "insurgents"
            | "rebels"
            | "personnel"
            | "staff"
            | "teachers"
            | "doctors"
            | "volunteers"
            | "journalists"
            | "officers"
            | "commanders"
            | "ministers"
            | "partners"
            | "allies"
            | "citizens"
            | "detainees"
            | "prisoners"
            | "hostages"
            | "victims"
            | "snipers"
            | "gunmen"
            | "attackers"
    )
}

/// Nouns for places and sites: the head of a place description ("the camp", "a hospital").
fn is_place_noun(w: &str) -> bool {
    matches!(
        w,
        "city"
            | "town"
            | "village"
            | "camp"
            | "library"
            | "hospital"
            | "area"
            | "airport"
            | "airfield"
            | "compound"
            | "dam"
            | "region"
            | "base"
            | "neighbourhood"
            | "neighborhood"
            | "district"
            | "province"
            | "country"
            | "border"
            | "mountains"
            | "river"
            | "reservoir"
            | "building"
            | "buildings"
            | "homes"
            | "streets"
            | "suburb"
    )
}

/// Lower-case modifiers that may stand in a group description ("enemy fighters", "aid
/// workers"), besides words with an adjective's ending.
fn is_modifier(w: &str) -> bool {
    matches!(
        w,
        "enemy"
            | "partner"
            | "aid"
            | "camp"
            | "government"
            | "security"
            | "opposition"
            | "armed"
            | "senior"
            | "foreign"
            | "local"
            | "innocent"
            | "international"
            | "military"
            | "civilian"
            | "coalition"
            | "two"
            | "three"
            | "four"
            | "five"
    )
}

/// Determiners that open a description and are part of it.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "our"
            | "their"
            | "his"
            | "its"
            | "her"
            | "these"
            | "those"
            | "all"
            | "other"
            | "some"
            | "many"
            | "several"
    )
}

fn adjective_like(w: &str) -> bool {
    w.chars().all(|c| c.is_lowercase() || c == '-')
        && [
            "al", "ian", "ese", "ish", "ed", "ive", "ent", "ary", "ic", "ous", "ern", "est",
        ]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// Whether two tokens stand next to each other with only spaces between.
fn adjacent(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    text[a.end..b.start].chars().all(|c| c == ' ')
}

/// The stage that adds pronoun and description mentions where no earlier stage found one.
#[derive(Debug, Default, Clone, Copy)]
pub struct NominalStage;

impl NominalStage {
    /// (start byte, end byte, type) of every pronoun and description.
    fn find(text: &str, toks: &[Token<'_>]) -> Vec<(usize, usize, MentionType)> {
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            // A contraction's pronoun: "I’m", "we've", "they're".
            let word = match t.text.find(['\'', '’']) {
                Some(k)
                    if matches!(
                        t.text[k..].trim_start_matches(['\'', '’']),
                        "m" | "re" | "ve" | "d" | "ll" | "s"
                    ) =>
                {
                    &t.text[..k]
                }
                _ => t.text,
            };
            // Pronouns: "I", "he", "she" are persons; "we", "they" speak for groups. "us"
            // only in lower case ("US" is the country).
            let pronoun = match word {
                "I" | "me" | "he" | "He" | "him" | "she" | "She" => Some(MentionType::Per),
                "we" | "We" | "us" | "they" | "They" => Some(MentionType::Org),
                _ => None,
            };
            if let Some(ty) = pronoun {
                // "World War I", "Phase I": a numeral.
                let numeral = t.text == "I"
                    && i > 0
                    && matches!(
                        toks[i - 1].text,
                        "War"
                            | "Phase"
                            | "Part"
                            | "Chapter"
                            | "Class"
                            | "Grade"
                            | "Type"
                            | "Stage"
                            | "Level"
                            | "Section"
                            | "Article"
                            | "Volume"
                            | "Annex"
                            | "Tier"
                            | "Title"
                    );
                if !numeral {
                    out.push((t.start, t.start + word.len(), ty));
                }
                continue;
            }
            // A possessive head ends before its "'s": "the library's shelves".
            let lower = t.lower.as_ref();
            let lower = lower.strip_suffix("'s").unwrap_or(lower);
            let end = if lower.len() < t.lower.len() {
                t.start + t.text.len()
                    - t.text
                        .chars()
                        .rev()
                        .take(2)
                        .map(char::len_utf8)
                        .sum::<usize>()
            } else {
                t.end
            };
            let group = is_group_noun(lower);
            // "the front line" is a place too.
            let front_line = lower == "line"
                && i > 0
                && toks[i - 1].lower == "front"
                && adjacent(text, &toks[i - 1], t);
            let place = is_place_noun(lower) || front_line;
            if !group && !place {
                continue;
            }
            // Walk left over the description's modifiers, up to its determiner.
            let mut start = if front_line { i - 1 } else { i };
            let mut determined = false;
            while start > 0 && adjacent(text, &toks[start - 1], &toks[start]) {
                let p = &toks[start - 1];
                let pl = p.lower.as_ref();
                if is_determiner(pl) || (place && matches!(pl, "a" | "an" | "this")) {
                    start -= 1;
                    determined = true;
                    break;
                }
                let modifier = if group {
                    p.is_capitalised()
                        || p.text.chars().next().is_some_and(|c| c.is_ascii_digit())
                        || is_modifier(pl)
                        || adjective_like(p.text)
                        // "the camp's residents"
                        || pl.ends_with("'s")
                } else {
                    // A place takes one adjective at most ("the ancient city").
                    (start == i || front_line && start == i - 1) && adjective_like(p.text)
                };
                if !modifier || p.text.ends_with('.') {
                    break;
                }
                start -= 1;
            }
            // A group's quantity belongs to it: "thousands of fighters", "all the parties".
            if group && start >= 2 && adjacent(text, &toks[start - 2], &toks[start - 1]) {
                let (q, link) = (
                    toks[start - 2].lower.as_ref(),
                    toks[start - 1].lower.as_ref(),
                );
                if matches!(
                    (q, link),
                    (
                        "thousands" | "hundreds" | "dozens" | "scores" | "millions",
                        "of"
                    )
                ) && adjacent(text, &toks[start - 1], &toks[start])
                {
                    start -= 2;
                }
            }
            if group
                && start >= 1
                && toks[start].lower == "the"
                && toks[start - 1].lower == "all"
                && adjacent(text, &toks[start - 1], &toks[start])
            {
                start -= 1;
            }
            // A bare place noun ("area", "country") says too little; a group noun alone
            // ("civilians") is a mention.
            if place && !determined {
                continue;
            }
            let ty = if group {
                MentionType::Org
            } else {
                MentionType::Loc
            };
            out.push((toks[start].start, end, ty));
        }
        out
    }
}

impl Stage for NominalStage {
    fn name(&self) -> &'static str {
        NOMINAL_STAGE
    }

    fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations) {
        let text = &cx.doc.text;
        let toks = cx.tokens();
        // Nationalities may stand inside a description ("Iraqi forces").
        let covered = TakenSpans::new(
            ann.mentions
                .iter()
                .filter(|m| m.mention_type != MentionType::Norp)
                .map(|m| (m.span.begin, m.span.end))
                .collect(),
        );
        let mut added: Vec<Mention> = Vec::new();
        let mut found = Self::find(text, toks);
        // Of two descriptions that overlap, the longer ("the camp's residents", not "the
        // camp").
        found.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
        for (s, e, ty) in found {
            let (b, en) = (cx.offsets.char_of(s), cx.offsets.char_of(e));
            // Names found by earlier stages stand: only where nothing overlaps.
            if covered.overlaps(b, en) || added.iter().any(|m| b < m.span.end && m.span.begin < en)
            {
                continue;
            }
            added.push(Mention {
                span: Span {
                    document_id: cx.doc.id.clone(),
                    begin: b,
                    end: en,
                },
                text: text[s..e].to_owned(),
                mention_type: ty,
                entity_id: None,
                stage: self.name().to_owned(),
            });
        }
        ann.mentions.extend(added);
        ann.mentions.sort_by_key(|m| (m.span.begin, m.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn found(text: &str) -> Vec<(String, MentionType)> {
        let toks = tokenize(text);
        NominalStage::find(text, &toks)
            .into_iter()
            .map(|(s, e, ty)| (text[s..e].to_owned(), ty))
            .collect()
    }

    #[test]
    fn pronouns_and_descriptions() {
        let f = found("We met untrained teachers and Iraqi security forces near the camp.");
        assert_eq!(
            f,
            [
                ("We".to_owned(), MentionType::Org),
                ("untrained teachers".to_owned(), MentionType::Org),
                ("Iraqi security forces".to_owned(), MentionType::Org),
                ("the camp".to_owned(), MentionType::Loc),
            ]
        );
        // "US" is the country, "World War I" a numeral, a bare "area" says nothing.
        assert!(found("US troops").iter().all(|(t, _)| t != "US"));
        assert!(found("since World War I ended").is_empty());
        assert!(
            found("in the ancient city")
                .iter()
                .any(|(t, _)| t == "the ancient city")
        );
        assert!(found("area residents").iter().all(|(t, _)| t != "area"));
        assert_eq!(found("he said")[0].1, MentionType::Per);
        assert_eq!(found("I’m sure")[0].0, "I");
        assert_eq!(found("to fill the library’s shelves")[0].0, "the library");
        assert!(
            found("for the camp's residents")
                .iter()
                .any(|(t, _)| t == "the camp's residents")
        );
        assert_eq!(found("along the front line")[0].0, "the front line");
        assert!(
            found("thousands of fighters")
                .iter()
                .any(|(t, _)| t == "thousands of fighters")
        );
        assert!(
            found("all the parties")
                .iter()
                .any(|(t, _)| t == "all the parties")
        );
    }
}
