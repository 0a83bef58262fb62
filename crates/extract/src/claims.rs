//! Claims: attributed statements (source, cue, content) with a certainty after FactBank, and
//! relations between actors read as claims ("X operates inside Y", "X claimed responsibility",
//! "signatories included X"), each with its evidence span and valid time when the text gives one.

use crate::events::attribution::{find_attribution, is_claim_or_denial, sentence_certainty};
use crate::pipeline::{DocContext, Stage, TakenSpans};
use crate::text::dates::find_dates;
use crate::text::tokens::Token;
use tessera_model::{
    Annotations, Certainty, Claim, DateGranularity, Mention, MentionType, Span, stable_id,
};

/// The stage that reads claims and relations; runs after the event stage so that
/// responsibility claims can point at the event they are about.
#[derive(Debug, Clone, Default)]
pub struct ClaimStage;

/// Relation cues: words that signal a relation, and the predicate they give.
const RELATIONS: &[(&[&str], &str)] = &[
    (&["claimed", "responsibility"], "claimed_responsibility_for"),
    (&["claimed", "the", "attack"], "claimed_responsibility_for"),
    (&["claimed", "the", "bombing"], "claimed_responsibility_for"),
    (&["denied", "involvement"], "denied_involvement_in"),
    (&["denied", "any", "involvement"], "denied_involvement_in"),
    (&["denied", "responsibility"], "denied_involvement_in"),
    (&["no", "involvement"], "denied_involvement_in"),
    (&["no", "connection"], "denied_involvement_in"),
    (&["nothing", "to", "do", "with"], "denied_involvement_in"),
    (&["rejects", "the", "allegation"], "denied_involvement_in"),
    (&["rejected", "the", "allegation"], "denied_involvement_in"),
    (&["is", "suspected"], "suspected_of"),
    (&["are", "suspected"], "suspected_of"),
    (&["was", "suspected"], "suspected_of"),
    (&["were", "suspected"], "suspected_of"),
    (&["believed", "to", "be", "behind"], "suspected_of"),
    (&["suspicion", "fell", "on"], "suspected_of"),
    (&["suspected", "to", "be", "behind"], "suspected_of"),
    (&["operate"], "operates_in"),
    (&["operates"], "operates_in"),
    (&["operating"], "operates_in"),
    (&["based", "in"], "operates_in"),
    // "al-Qaeda maintains a presence in Kunar" (not "their presence in Kandahar will grow").
    (&["maintains", "a", "presence", "in"], "operates_in"),
    (&["has", "a", "presence", "in"], "operates_in"),
    (&["have", "a", "presence", "in"], "operates_in"),
    // "provide sanctuary to the TTP": the subject shelters the group.
    (&["provide", "sanctuary"], "shelters"),
    (&["provides", "sanctuary"], "shelters"),
    (&["providing", "sanctuary"], "shelters"),
    (&["provided", "sanctuary"], "shelters"),
    // "have provided shelter to TTP leaders", "provide safe haven to the TTP".
    (&["provided", "shelter"], "shelters"),
    (&["provide", "shelter"], "shelters"),
    (&["provides", "shelter"], "shelters"),
    (&["providing", "shelter"], "shelters"),
    (&["given", "shelter"], "shelters"),
    (&["provided", "safe", "haven"], "shelters"),
    (&["provide", "safe", "haven"], "shelters"),
    (&["provides", "safe", "haven"], "shelters"),
    (&["providing", "safe", "haven"], "shelters"),
    // "the Afghan Taliban provide safe havens to TTP fighters".
    (&["provided", "safe", "havens"], "shelters"),
    (&["provide", "safe", "havens"], "shelters"),
    (&["provides", "safe", "havens"], "shelters"),
    (&["providing", "safe", "havens"], "shelters"),
    (&["safe", "havens"], "has_sanctuary_in"),
    (&["safe", "haven"], "has_sanctuary_in"),
    (&["sanctuaries"], "has_sanctuary_in"),
    (&["sanctuary"], "has_sanctuary_in"),
    (&["sheltering"], "shelters"),
    (&["shelters"], "shelters"),
    (&["harbouring"], "shelters"),
    (&["harboring"], "shelters"),
    (&["allied", "with"], "allied_with"),
    // "The TTP is an ally of the Afghan Taliban".
    (&["ally", "of"], "allied_with"),
    (&["allies", "of"], "allied_with"),
    (&["affiliated", "with"], "allied_with"),
    (&["ties", "with"], "allied_with"),
    (&["links", "with"], "allied_with"),
    (&["alliance", "with"], "allied_with"),
    // "is closely tied to the Taliban", "has collaborated with ISKP in attacks".
    (&["tied", "to"], "allied_with"),
    (&["ties", "to"], "allied_with"),
    (&["collaborated", "with"], "allied_with"),
    (&["collaborates", "with"], "allied_with"),
    (&["collaborating", "with"], "allied_with"),
    // Two parties named before: "The TTP and the Hafiz Gul Bahadur group have formed an
    // alliance", "The BLF and BLA announced a merger".
    (&["formed", "an", "alliance"], "allied_with"),
    (&["announced", "a", "merger"], "allied_with"),
    (&["announced", "an", "alliance"], "allied_with"),
    // "The BLA and the BLF have joined hands under the banner of BRAS".
    (&["joined", "hands"], "allied_with"),
    // "The Hafiz Gul Bahadur group pledged allegiance to the Afghan Taliban's supreme
    // leader", "Jamaat-ul-Ahrar rejoined the TTP", "merged with".
    (&["pledged", "allegiance"], "allied_with"),
    (&["rejoined"], "allied_with"),
    (&["merged", "with"], "allied_with"),
    (&["merged", "into"], "allied_with"),
    // "The BLA is backed by India" (the one after "by" backs).
    (&["backed", "by"], "supports"),
    // "was providing safe houses to TTP commanders".
    (&["providing", "safe", "houses"], "shelters"),
    (&["provided", "safe", "houses"], "shelters"),
    (&["provide", "safe", "houses"], "shelters"),
    (&["provides", "safe", "houses"], "shelters"),
    // "the TTP has set up training camps in Kunar" (not "jets pounded TTP hideouts": who
    // strikes a camp does not run it).
    (&["set", "up", "training", "camps"], "operates_in"),
    (&["established", "training", "camps"], "operates_in"),
    (&["runs", "training", "camps"], "operates_in"),
    (&["running", "training", "camps"], "operates_in"),
    // "The BLA is believed to maintain training camps in southern Afghanistan".
    (&["maintain", "training", "camps"], "operates_in"),
    (&["maintains", "training", "camps"], "operates_in"),
    (&["maintaining", "training", "camps"], "operates_in"),
    // "ISKP fighters were hiding in Nangarhar's Achin district".
    (&["hiding", "in"], "operates_in"),
    (&["holed", "up", "in"], "operates_in"),
    // "announced it would fight alongside the TTP against Pakistani forces".
    (&["fight", "alongside"], "allied_with"),
    // "Hafiz Gul Bahadur's group has joined forces with the TTP".
    (&["joined", "forces", "with"], "allied_with"),
    (&["joining", "forces", "with"], "allied_with"),
    (&["join", "forces", "with"], "allied_with"),
    (&["fighting", "alongside"], "allied_with"),
    (&["fought", "alongside"], "allied_with"),
    (&["support"], "supports"),
    (&["supports"], "supports"),
    (&["supported"], "supports"),
    // "Iran has been accused of supporting the Fatemiyoun Brigade".
    (&["supporting"], "supports"),
    (&["funding"], "supports"),
    (&["funds"], "supports"),
    (&["finances"], "supports"),
    (&["backs"], "supports"),
    // "Iran has supplied weapons to the Taliban".
    (&["supplied", "weapons"], "supports"),
    (&["supplying", "weapons"], "supports"),
    (&["supplies", "weapons"], "supports"),
    (&["supplied", "arms"], "supports"),
    (&["supplying", "arms"], "supports"),
    (&["supplies", "arms"], "supports"),
    // "Iran is believed to provide weapons to the Taliban".
    (&["provide", "weapons"], "supports"),
    (&["provides", "weapons"], "supports"),
    (&["provided", "weapons"], "supports"),
    (&["providing", "weapons"], "supports"),
    (&["provide", "arms"], "supports"),
    (&["provides", "arms"], "supports"),
    (&["provided", "arms"], "supports"),
    (&["providing", "arms"], "supports"),
    (&["backing"], "supports"),
    (&["funded"], "supports"),
    (&["financing"], "supports"),
    (&["financed"], "supports"),
    (&["signatories"], "signatory_of"),
    (&["signed", "by"], "signatory_of"),
    (&["banned"], "designated"),
    (&["proscribed"], "designated"),
    (&["designated"], "designated"),
    (&["fighting", "against"], "fights"),
    // "ISKP is fighting the Taliban government" (not "fighting broke out").
    (&["is", "fighting"], "fights"),
    (&["are", "fighting"], "fights"),
    // "ISKP has been fighting the Taliban since 2015".
    (&["been", "fighting"], "fights"),
    (&["fight", "against"], "fights"),
    (&["clashed", "with"], "fights"),
    // Two parties named before: "ISKP and the TTP are rivals and have clashed".
    (&["are", "rivals"], "fights"),
    (&["have", "clashed"], "fights"),
    // "ISKP is a sworn enemy of the Taliban".
    (&["enemy", "of"], "fights"),
    (&["enemies", "of"], "fights"),
    // "Hafiz Gul Bahadur's group fights Pakistani forces".
    (&["fights"], "fights"),
    (&["originating", "from"], "originates_from"),
    (&["originated", "from"], "originates_from"),
    (&["raised", "concerns"], "raised_concerns_about"),
    (&["military", "options"], "threatens_military_action"),
];

/// For each of [`RELATIONS`], in its order, where its words first stand in `words` (lower
/// case): one pass over the sentence, looking up the cues that start with each word.
/// As (index into [`RELATIONS`], word), for the cues found only: most sentences hold none.
fn relations_first_at(words: &[&str]) -> Vec<(usize, usize)> {
    static BY_FIRST_WORD: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Vec<usize>>> =
        std::sync::OnceLock::new();
    let index = BY_FIRST_WORD.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&'static str, Vec<usize>> = Default::default();
        for (k, (seq, _)) in RELATIONS.iter().enumerate() {
            m.entry(seq[0]).or_default().push(k);
        }
        m
    });
    let mut first: Vec<(usize, usize)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        for &k in index.get(w).map_or(&[][..], Vec::as_slice) {
            if words[i..].starts_with(RELATIONS[k].0) {
                first.push((k, i));
            }
        }
    }
    // In the table's order; the first place of each cue (a stable sort keeps text order).
    first.sort_by_key(|&(k, _)| k);
    first.dedup_by_key(|&mut (k, _)| k);
    first
}

/// Certainty a reporting verb lends when the sentence has no hedge of its own.
fn cue_certainty(cue: &str) -> Certainty {
    match cue.to_ascii_lowercase().as_str() {
        "claimed" | "claims" | "claim" | "alleged" | "alleges" | "allege" | "accused"
        | "accuses" | "blamed" | "blames" => Certainty::Alleged,
        "indicate" | "indicates" | "indicated" | "suggest" | "suggests" | "suggested"
        | "believe" | "believes" | "estimated" | "point" => Certainty::Probable,
        "warned" | "warn" | "warns" | "signaled" | "signalled" => Certainty::Possible,
        "denied" | "denies" | "deny" => Certainty::Denied,
        _ => Certainty::Certain,
    }
}

struct SentenceView<'a> {
    text: &'a str,
    toks: Vec<Token<'a>>,
    mentions: Vec<&'a Mention>,
}

impl ClaimStage {
    fn mention_name(m: &Mention) -> String {
        m.entity_id
            .as_ref()
            .map_or_else(|| m.text.clone(), |e| e.0.clone())
    }

    /// A party's name: a capital that stands for its government ("Islamabad accuses Kabul
    /// of harbouring TTP fighters") is its state.
    fn party_name(m: &Mention) -> String {
        if m.mention_type == MentionType::Loc
            && let Some(state) = seat_of_government(&m.text)
        {
            return state.to_owned();
        }
        Self::mention_name(m)
    }
}

/// The state whose government a capital's name stands for in the theatre and its
/// neighbours' diplomacy.
fn seat_of_government(name: &str) -> Option<&'static str> {
    Some(match name {
        "Kabul" => "cc:AF",
        "Islamabad" => "cc:PK",
        "New Delhi" | "Delhi" => "cc:IN",
        "Tehran" => "cc:IR",
        "Beijing" => "cc:CN",
        "Moscow" => "cc:RU",
        "Washington" => "cc:US",
        _ => return None,
    })
}

impl Stage for ClaimStage {
    fn name(&self) -> &'static str {
        "claims"
    }

    fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations) {
        let doc = cx.doc;
        let reference = doc
            .meta
            .published
            .as_deref()
            .and_then(|p| chrono::NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok());
        let mut claims: Vec<Claim> = Vec::new();
        // Ids already pushed: a hash, so that a document of many claims stays linear.
        let mut ids: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
        let mut last_valid: Option<(Option<String>, Option<String>)> = None;
        for s in &ann.sentences {
            let bb = cx.offsets.byte_of(s.span.begin);
            let be = cx.offsets.byte_of(s.span.end);
            let view = SentenceView {
                text: &doc.text[bb..be],
                toks: cx.tokens_between(bb, be),
                mentions: crate::pipeline::mentions_within(&ann.mentions, s.span.begin, s.span.end)
                    .iter()
                    // Claims are about named actors and places, not "they" or "the area".
                    .filter(|m| m.span.end <= s.span.end && !m.is_nominal())
                    .collect(),
            };
            let words: Vec<&str> = view.toks.iter().map(|t| t.lower.as_ref()).collect();
            // "Pakistan accused Afghanistan of harbouring TTP militants, a charge Kabul
            // denied": the accusation is the claim, its rebuttal a denial of its own.
            let rebuttal = rebuttal(&view.toks);
            let told = rebuttal.map_or(&view.toks[..], |r| &view.toks[..r.comma]);
            let attribution = find_attribution(told, view.text);
            let (hedge, hedge_cue) = sentence_certainty(told);
            // The suspicion cues all hold one of two words: skip them in most sentences.
            let suspicion = words
                .iter()
                .any(|w| matches!(*w, "suspected" | "believed" | "suspicion"));
            let relations: Vec<(usize, &str)> = relations_first_at(&words)
                .into_iter()
                .map(|(k, p)| (p, RELATIONS[k].1))
                .filter(|(_, pred)| suspicion || *pred != "suspected_of")
                // "has been fighting alongside the Islamic State": allies, not foes.
                .filter(|(p, pred)| {
                    *pred != "fights" || !words[*p..(p + 3).min(words.len())].contains(&"alongside")
                })
                // "X is suspected of directing attacks" tells a record, not who did this;
                // "… suspected to be behind" has a cue of its own.
                .filter(|(p, pred)| {
                    *pred != "suspected_of"
                        || !matches!(words[*p], "is" | "are" | "was" | "were")
                        || !matches!(words.get(p + 2), Some(&"of" | &"to"))
                })
                // "its support to", "focused on support to": the noun, not someone
                // supporting ("strikes in support of the SDF" still tells who supports whom).
                .filter(|(p, pred)| {
                    *pred != "supports"
                        || words[*p] != "support"
                        || !p.checked_sub(1).is_some_and(|k| {
                            matches!(
                                words[k],
                                "the"
                                    | "its"
                                    | "their"
                                    | "his"
                                    | "her"
                                    | "our"
                                    | "of"
                                    | "on"
                                    | "with"
                                    | "full"
                                    | "and"
                            )
                        })
                })
                // "funding the BLA" names whom; "handles funding for operations" and
                // "funding insurgent activity" name no party.
                .filter(|(p, _)| {
                    !matches!(words[*p], "funding" | "financing" | "supporting")
                        || words.get(p + 1) == Some(&"the")
                        // ("supporting Operation Inherent Resolve": no party.)
                        || view
                            .toks
                            .get(p + 1)
                            .is_some_and(|t| t.is_capitalised() && t.text != "Operation")
                })
                // "India funds the BLA" is a verb after its subject; "development funds" and
                // "taking away funds" are money. (Each cue is found once a sentence, so one
                // look over its mentions.)
                .filter(|(p, _)| {
                    !matches!(words[*p], "funds" | "finances" | "backs")
                        || p.checked_sub(1).is_some_and(|k| {
                            // ("allegations that it funds Baloch separatists": the party
                            // named before.)
                            matches!(
                                words[k],
                                "allegedly" | "reportedly" | "also" | "secretly" | "it"
                            ) || view.mentions.iter().any(|m| {
                                m.entity_id.is_some()
                                    && cx.offsets.byte_of(m.span.end) - bb == view.toks[k].end
                            })
                        })
                })
                .collect();
            if attribution.is_none() && hedge_cue.is_none() && relations.is_empty() {
                last_valid = None;
                continue;
            }
            let cue = hedge_cue
                .clone()
                .or_else(|| attribution.as_ref().map(|a| a.cue.clone()))
                .or_else(|| {
                    relations
                        .first()
                        .map(|(p, _)| view.toks[*p].text.to_owned())
                });
            let certainty = if hedge != Certainty::Certain {
                hedge
            } else {
                attribution
                    .as_ref()
                    .map_or(Certainty::Certain, |a| cue_certainty(&a.cue))
            };
            // Valid time: a year or date in the sentence ("before … in 2021" ends it), else the
            // one of the sentence just before when this one continues it.
            let dates = find_dates(view.text, reference);
            let before =
                words.contains(&"before") || words.contains(&"until") || words.contains(&"pre");
            let since = words.contains(&"since") || words.contains(&"from");
            let valid = dates.first().map(|d| {
                let fmt = |x: chrono::NaiveDate| match d.granularity {
                    DateGranularity::Year => x.format("%Y").to_string(),
                    DateGranularity::Month => x.format("%Y-%m").to_string(),
                    _ => x.format("%Y-%m-%d").to_string(),
                };
                if before {
                    (None, Some(fmt(d.end)))
                } else if since {
                    (Some(fmt(d.start)), None)
                } else {
                    (Some(fmt(d.start)), Some(fmt(d.end)))
                }
            });
            let valid = valid.or_else(|| last_valid.clone()).unwrap_or((None, None));
            last_valid = Some(valid.clone()).filter(|v| v.0.is_some() || v.1.is_some());
            // A date inside a relative clause ("The Haqqani network, which the United States
            // designated … in 2012, is closely tied to the Taliban") times only a relation
            // whose cue stands in that clause.
            let dated_aside = dates.first().and_then(|d| {
                let comma = view.text[..d.span.0].rfind(", ")?;
                let clause = &view.text[comma + 2..d.span.0];
                if !["which ", "who ", "whom "]
                    .iter()
                    .any(|p| clause.starts_with(p))
                {
                    return None;
                }
                let end = d.span.1 + view.text[d.span.1..].find(',')?;
                Some((comma, end))
            });
            // The relation being read: its cue's token.
            let cue_tok: std::cell::Cell<Option<usize>> = std::cell::Cell::new(None);

            let source_span = attribution.as_ref().map(|a| a.span).unwrap_or((0, 0));
            let in_source = |m: &Mention| {
                let mb = cx.offsets.byte_of(m.span.begin) - bb;
                mb >= source_span.0 && mb < source_span.1
            };
            let evidence = vec![Span {
                document_id: doc.id.clone(),
                begin: s.span.begin,
                end: s.span.end,
            }];
            // An unnamed mention holding a named one of a kind ("TTP fighters", "western Khost
            // province") gives way to the named one. Mentions are sorted by start: those
            // inside follow at once, or precede it from the same start.
            let holds_a_named = |k: usize, kinds: &[MentionType]| {
                let m = view.mentions[k];
                // (Not one joined to a prefix: the "counter-ISIL coalition" is not ISIL.)
                let inside = |o: &&&Mention| {
                    kinds.contains(&o.mention_type)
                        && o.entity_id.is_some()
                        && o.span.end <= m.span.end
                        && !doc.text[..cx.offsets.byte_of(o.span.begin)].ends_with('-')
                };
                m.entity_id.is_none()
                    && (view.mentions[k + 1..]
                        .iter()
                        .take_while(|o| o.span.begin < m.span.end)
                        .any(|o| inside(&o))
                        || view.mentions[..k]
                            .iter()
                            .rev()
                            .take_while(|o| o.span.begin == m.span.begin)
                            .any(|o| inside(&o)))
            };
            const PARTY: &[MentionType] = &[MentionType::Org, MentionType::Per];
            let actors: Vec<&&Mention> = view
                .mentions
                .iter()
                .enumerate()
                .filter(|&(k, m)| {
                    PARTY.contains(&m.mention_type) && !in_source(m) && !holds_a_named(k, PARTY)
                })
                .map(|(_, m)| m)
                .collect();
            // Those who claim or deny speak for themselves: their names may be the source.
            let speakers: Vec<&&Mention> = view
                .mentions
                .iter()
                .filter(|m| matches!(m.mention_type, MentionType::Org | MentionType::Per))
                .collect();
            let holds_a_listed_place = |k: usize| holds_a_named(k, &[MentionType::Loc]);
            // A mention's start and end in the sentence, in bytes.
            let byte_of = |m: &Mention| cx.offsets.byte_of(m.span.begin) - bb;
            let end_of = |m: &Mention| cx.offsets.byte_of(m.span.end) - bb;
            // Parties to a relation: actors, and states named as actors: a country's name not
            // inside an organisation's ("the International Syria Support Group") nor after a
            // locative ("In Syria, with the support of …").
            let tok_at = |b: usize| view.toks.partition_point(|t| t.start < b);
            // Searched, not scanned, so that a sentence full of names stays linear.
            let org_spans = TakenSpans::new(
                view.mentions
                    .iter()
                    .filter(|m| m.mention_type == MentionType::Org)
                    .map(|m| (m.span.begin, m.span.end))
                    .collect(),
            );
            let as_state = |m: &Mention| {
                m.mention_type == MentionType::Loc
                    && (m.entity_id.as_ref().is_some_and(|e| e.0.starts_with("cc:"))
                        || seat_of_government(&m.text).is_some())
                    && !org_spans
                        .overlapping(m.span.begin, m.span.end)
                        .any(|(a, b)| a <= m.span.begin && m.span.end <= b)
                    && tok_at(byte_of(m)).checked_sub(1).is_none_or(|k| {
                        !matches!(
                            view.toks[k].lower.as_ref(),
                            "in" | "to" | "from" | "at" | "of" | "into" | "across" | "inside"
                        )
                    })
            };
            let parties: Vec<&&Mention> = view
                .mentions
                .iter()
                .enumerate()
                .filter(|&(k, m)| {
                    PARTY.contains(&m.mention_type) && !holds_a_named(k, PARTY) || as_state(m)
                })
                .map(|(_, m)| m)
                .collect();
            let places: Vec<&&Mention> = view
                .mentions
                .iter()
                .enumerate()
                .filter(|&(k, m)| {
                    m.mention_type == MentionType::Loc && !in_source(m) && !holds_a_listed_place(k)
                })
                .map(|(_, m)| m)
                .collect();
            let begins_a_standing = |predicate: &str| {
                predicate == "designated"
                    || predicate == "allied_with"
                        && words.iter().any(|w| {
                            matches!(
                                *w,
                                "formed"
                                    | "rejoined"
                                    | "merged"
                                    | "pledged"
                                    | "joined"
                                    | "announced"
                            )
                        })
            };
            let told_before = claims.len();
            // `own`: a source and cue of the relation's own, instead of the sentence's.
            type Own = Option<(Option<String>, Option<String>)>;
            let mut push = |subject: String,
                            predicate: &str,
                            object: String,
                            certainty: Certainty,
                            own: Own| {
                // Nobody stands in a relation with itself ("raises funds for the Taliban" of
                // a Taliban leader).
                if subject == object {
                    return;
                }
                let (attributed_to, cue) = own.unwrap_or_else(|| {
                    // With no hedge or source, the relation's own word is the cue ("has ties
                    // to … and directly supports …": each its own).
                    let own_word = (hedge_cue.is_none() && attribution.is_none())
                        .then(|| cue_tok.get())
                        .flatten()
                        .map(|k| view.toks[k].text.to_owned());
                    (
                        attribution.as_ref().map(|a| a.source.clone()),
                        own_word.or_else(|| cue.clone()),
                    )
                });
                let valid = match dated_aside {
                    Some((from, to))
                        if !(from..to)
                            .contains(&cue_tok.get().map_or(0, |k| view.toks[k].start)) =>
                    {
                        (None, None)
                    }
                    _ => valid.clone(),
                };
                let id = stable_id(
                    "cl",
                    &[
                        doc.id.as_str(),
                        &s.span.begin.to_string(),
                        &subject,
                        predicate,
                        &object,
                    ],
                );
                if !ids.insert(id.clone()) {
                    return;
                }
                claims.push(Claim {
                    id,
                    subject,
                    predicate: predicate.to_owned(),
                    object,
                    attributed_to,
                    cue,
                    certainty,
                    valid_from: valid.0.clone(),
                    // "designated the BLA a terrorist organisation in 2019": an act that begins
                    // a standing; it holds after the year it was done in.
                    // So is an alliance formed, a pledge or a merger ("rejoined the TTP in
                    // 2020").
                    valid_to: valid
                        .1
                        .clone()
                        .filter(|_| !(begins_a_standing(predicate) && valid.0 == valid.1)),
                    evidence: evidence.clone(),
                });
            };
            let mut related = false;
            for (pos, pred) in &relations {
                let at = view.toks[*pos].start;
                // "is fighting", "have clashed": the verb, not its helper, is the cue.
                let helped = matches!(words[*pos], "is" | "are" | "has" | "have")
                    && words
                        .get(*pos + 1)
                        .is_some_and(|w| w.ends_with("ing") || w.ends_with("ed"));
                cue_tok.set(Some(*pos + usize::from(helped)));
                // "insurgents with suspected ties to the Taliban": the relation's own hedge.
                let certainty = match pos.checked_sub(1).map(|k| words[k]) {
                    Some("suspected") if certainty == Certainty::Certain => Certainty::Possible,
                    Some("alleged") if certainty == Certainty::Certain => Certainty::Alleged,
                    _ => certainty,
                };
                // A cue inside another's object ("concerns about militant sanctuaries") is
                // not a relation of its own.
                if (pos.saturating_sub(3)..*pos)
                    .any(|k| matches!(words[k], "about" | "over" | "regarding"))
                {
                    continue;
                }
                match *pred {
                    "claimed_responsibility_for" | "denied_involvement_in" | "suspected_of" => {
                        // "No group has claimed responsibility": nobody to link.
                        if (pos.saturating_sub(5)..*pos).any(|k| {
                            matches!(words[k], "no" | "nobody" | "none")
                                || (words[k] == "not" && *pred == "claimed_responsibility_for")
                        }) {
                            related = true;
                            continue;
                        }
                        // The claim links the group to the incident the sentence is about.
                        let event = ann
                            .events
                            .iter()
                            .find(|e| {
                                e.evidence
                                    .iter()
                                    .any(|x| x.begin <= s.span.begin && s.span.end <= x.end)
                            })
                            .map_or_else(|| "the incident".to_owned(), |e| e.id.clone());
                        // Who claims, denies or is suspected is named in the same clause: "…,
                        // but IS is suspected, while the Taliban denied any involvement".
                        let clause_start = (0..*pos)
                            .rev()
                            .find(|&k| {
                                words[k] == ";"
                                    || matches!(
                                        words[k],
                                        "while" | "but" | "whereas" | "although" | "though"
                                    )
                                    || relations.iter().any(|(p, _)| *p == k)
                            })
                            .map_or(0, |k| view.toks[k].end);
                        // "is suspected": the cue is "suspected".
                        let cue_tok = if matches!(words[*pos], "is" | "are" | "was" | "were") {
                            &view.toks[*pos + 1]
                        } else {
                            &view.toks[*pos]
                        };
                        // A claim or denial is its claimant's word: the sentence's source counts
                        // only when it is not another clause's claimant ("…, but IS is
                        // suspected, while the Taliban denied").
                        let same_verb = source_span.1 == view.toks[*pos].end
                            || (*pos + 1 < view.toks.len()
                                && source_span.1 == view.toks[*pos + 1].end);
                        let source = attribution
                            .as_ref()
                            .filter(|a| same_verb || !is_claim_or_denial(&a.cue))
                            .map(|a| a.source.clone());
                        let own_source = (source, Some(cue_tok.text.to_owned()));
                        // Each relation keeps its own certainty, not one the sentence's other
                        // clauses lend it.
                        let own = match *pred {
                            "denied_involvement_in" => Certainty::Denied,
                            "suspected_of" if words[*pos] == "believed" => Certainty::Probable,
                            "suspected_of" => Certainty::Possible,
                            _ if certainty == Certainty::Denied => Certainty::Certain,
                            _ => certainty,
                        };
                        // The suspect is the subject right before "is suspected".
                        let right_before = |m: &Mention| {
                            let end = end_of(m);
                            // Tokens between the name and the cue, by binary search: a long
                            // sentence full of names stays linear. An adverb does not count
                            // ("The Haqqani network is widely believed to be behind").
                            let from = tok_at(end).min(*pos);
                            *pos - from <= 3
                                && view.toks[from..*pos]
                                    .iter()
                                    .filter(|t| {
                                        !matches!(
                                            t.lower.as_ref(),
                                            "widely" | "also" | "strongly" | "generally" | "still"
                                        )
                                    })
                                    .count()
                                    <= 1
                        };
                        let in_clause: Vec<&&Mention> = speakers
                            .iter()
                            .filter(|m| {
                                byte_of(m) < at
                                    && byte_of(m) >= clause_start
                                    && (*pred != "suspected_of" || right_before(m))
                                    // "killed at least 55 people" is a count, not a claimant.
                                    && !m.text.starts_with(|c: char| c.is_ascii_digit())
                            })
                            .copied()
                            .collect();
                        let in_clause = if words[*pos] == "suspicion" {
                            // "suspicion fell on the TTP": the suspect follows the cue.
                            speakers
                                .iter()
                                .filter(|m| byte_of(m) > at && tok_at(byte_of(m)) <= *pos + 5)
                                .take(1)
                                .copied()
                                .collect()
                        } else {
                            claimants(in_clause, view.text, at, |m| (byte_of(m), end_of(m)))
                        };
                        for a in in_clause {
                            push(
                                Self::mention_name(a),
                                pred,
                                event.clone(),
                                own,
                                Some(own_source.clone()),
                            );
                            related = true;
                        }
                    }
                    "operates_in" | "has_sanctuary_in" | "originates_from" => {
                        // "in Afghanistan's Kunar province": the place the country's name
                        // qualifies.
                        // (In the cue's clause: not "…, a charge Kabul rejects".)
                        let first = places.iter().position(|m| byte_of(m) > at).filter(|&k| {
                            let between = &view.text[view.toks[*pos].end..byte_of(places[k])];
                            !between.contains([',', ';'])
                        });
                        let first = first.map(|k| {
                            let end = end_of(places[k]);
                            let possessive = ["'s ", "’s "]
                                .iter()
                                .find(|p| view.text[end..].starts_with(**p))
                                .map(|p| p.len());
                            match (possessive, places.get(k + 1)) {
                                (Some(n), Some(next)) if byte_of(next) == end + n => k + 1,
                                _ => k,
                            }
                        });
                        // "in Kunar and Nuristan provinces": each place of a list joined to the
                        // first.
                        let mut targets: Vec<String> = Vec::new();
                        if let Some(k) = first {
                            targets.push(Self::mention_name(places[k]));
                            for j in k + 1..places.len() {
                                let (from, to) = (end_of(places[j - 1]), byte_of(places[j]));
                                let joined = from <= to
                                    && view.text[from..to]
                                        .split(|c: char| c.is_whitespace() || c == ',')
                                        .all(|w| matches!(w, "" | "and" | "or"));
                                if !joined {
                                    break;
                                }
                                targets.push(Self::mention_name(places[j]));
                            }
                        } else if let Some(m) = view
                            .mentions
                            .iter()
                            .find(|m| m.mention_type == MentionType::Norp && byte_of(m) > at)
                        {
                            // "originating from Afghan territory": a nationality names the place.
                            targets.push(format!("{} territory", m.text));
                        }
                        if targets.is_empty() {
                            continue;
                        }
                        // "provided sanctuary to TTP commanders in Khost": the sanctuary is the
                        // receiver's, named between the cue and the place.
                        let given = *pred == "has_sanctuary_in"
                            && pos.checked_sub(1).is_some_and(|k| {
                                matches!(
                                    words[k],
                                    "provided" | "provide" | "provides" | "providing" | "offered"
                                )
                            });
                        let place_at = first.map_or(usize::MAX, |k| byte_of(places[k]));
                        // "Zabihullah Mujahid, the Taliban's chief spokesman, denied that the
                        // TTP has sanctuaries in Afghanistan": the speaker is no subject.
                        // (Not a relative "that": "a group that has sanctuaries".)
                        let said_from = (1..*pos)
                            .rev()
                            .find(|&k| {
                                words[k] == "that"
                                    && matches!(
                                        words[k - 1],
                                        "said"
                                            | "says"
                                            | "denied"
                                            | "denies"
                                            | "claimed"
                                            | "claims"
                                            | "alleged"
                                            | "alleges"
                                            | "believe"
                                            | "believes"
                                            | "insisted"
                                            | "maintained"
                                            | "admitted"
                                            | "acknowledged"
                                            | "stated"
                                            | "added"
                                            | "warned"
                                    )
                            })
                            .map_or(0, |k| view.toks[k].end);
                        let subjects: Vec<String> = actors
                            .iter()
                            .filter(|m| {
                                if given {
                                    byte_of(m) > at && byte_of(m) < place_at
                                } else {
                                    byte_of(m) < at && byte_of(m) >= said_from
                                }
                            })
                            .map(|m| Self::mention_name(m))
                            .collect();
                        for target in targets {
                            if subjects.is_empty() {
                                // "attacks … allegedly originating from Afghan territory".
                                let phrase = noun_phrase_before(&view.toks, *pos, view.text);
                                if !phrase.is_empty() {
                                    push(phrase, pred, target.clone(), certainty, None);
                                    related = true;
                                }
                            }
                            for subj in &subjects {
                                push(subj.clone(), pred, target.clone(), certainty, None);
                                related = true;
                            }
                        }
                    }
                    "signatory_of" => {
                        for a in actors.iter().filter(|m| byte_of(m) > at) {
                            push(Self::mention_name(a), pred, "pact".into(), certainty, None);
                            related = true;
                        }
                    }
                    "designated"
                        if pos.checked_sub(1).is_some_and(|k| {
                            matches!(words[k], "was" | "were" | "been" | "is" | "are" | "be")
                        }) =>
                    {
                        // "The BLA was designated a terrorist organisation by the United
                        // States": the subject right before, the designator after "by".
                        let subject = actors.iter().rfind(|m| {
                            byte_of(m) < at && pos.saturating_sub(tok_at(end_of(m))) <= 2
                        });
                        let by = (*pos + 1..words.len()).find(|&k| words[k] == "by");
                        let designator = by
                            .and_then(|k| {
                                parties
                                    .iter()
                                    .find(|m| byte_of(m) >= view.toks[k].end && !in_source(m))
                            })
                            .map(|m| Self::mention_name(m));
                        if let Some(a) = subject {
                            push(
                                Self::mention_name(a),
                                pred,
                                designator.unwrap_or_else(|| view.toks[*pos].lower.to_string()),
                                certainty,
                                None,
                            );
                            related = true;
                        }
                    }
                    "designated" => {
                        // "The United States designated the BLA …": who designated, when a
                        // state or body is named as doing it; else the cue ("the banned TTP").
                        let designator = parties
                            .iter()
                            .rfind(|m| byte_of(m) < at && !in_source(m))
                            .filter(|m| {
                                // The designator is the verb's subject: its name ends right
                                // before it, or before "has", "formally" and the like.
                                // (A name running over the cue, "… designated terrorist
                                // group", is not its subject.)
                                view.toks
                                    .get(tok_at(end_of(m))..*pos)
                                    .is_some_and(|between| {
                                        between.iter().all(|t| {
                                            matches!(
                                                t.lower.as_ref(),
                                                "has"
                                                    | "have"
                                                    | "had"
                                                    | "formally"
                                                    | "officially"
                                                    | "also"
                                            )
                                        })
                                    })
                                    && view.toks.get(*pos + 1).is_some_and(|t| {
                                        matches!(t.lower.as_ref(), "the" | "a" | "an")
                                            || t.is_capitalised()
                                    })
                            })
                            // ("Washington designated the BLA": the capital's state.)
                            .map(|m| Self::party_name(m));
                        // "The Haqqani network, which the United States designated a
                        // terrorist organisation in 2012, …": the one designated is the
                        // relative's antecedent, named right before "which".
                        let antecedent = designator.as_ref().and_then(|_| {
                            let d = parties.iter().rfind(|m| byte_of(m) < at)?;
                            let mut w = tok_at(byte_of(d)).checked_sub(1)?;
                            if words[w] == "the" {
                                w = w.checked_sub(1)?;
                            }
                            if !matches!(words[w], "which" | "whom" | "that") {
                                return None;
                            }
                            actors.iter().rfind(|m| {
                                end_of(m) <= view.toks[w].start
                                    && w.saturating_sub(tok_at(end_of(m))) <= 1
                            })
                        });
                        if let (Some(a), Some(by)) = (antecedent, designator.clone()) {
                            push(Self::mention_name(a), pred, by, certainty, None);
                            related = true;
                            continue;
                        }
                        // One designated by name ("designated the BLA as …"); every one
                        // after a bare cue ("proscribed TTP and LI").
                        let how_many = if designator.is_some() { 1 } else { usize::MAX };
                        for a in actors.iter().filter(|m| byte_of(m) > at).take(how_many) {
                            push(
                                Self::mention_name(a),
                                pred,
                                designator
                                    .clone()
                                    .unwrap_or_else(|| view.toks[*pos].lower.to_string()),
                                certainty,
                                None,
                            );
                            related = true;
                        }
                    }
                    "raised_concerns_about" => {
                        let object = view.text[view.toks[*pos].end..]
                            .trim()
                            .trim_end_matches('.')
                            .to_owned();
                        let object = object
                            .strip_prefix("concerns about")
                            .map(str::trim)
                            .unwrap_or(&object)
                            .to_owned();
                        for a in actors.iter().filter(|m| byte_of(m) < at) {
                            push(Self::mention_name(a), pred, object.clone(), certainty, None);
                            related = true;
                        }
                    }
                    "threatens_military_action" => {
                        let who = attribution
                            .as_ref()
                            .map(|a| a.source.clone())
                            .or_else(|| actors.first().map(|m| Self::mention_name(m)));
                        if let Some(who) = who {
                            push(
                                who,
                                pred,
                                content(view.text, source_span).to_owned(),
                                certainty,
                                None,
                            );
                            related = true;
                        }
                    }
                    _ => {
                        // supports, shelters, allied_with, fights: actor before → actor after.
                        // A state is a party too ("accused India of funding the BLA"), and
                        // one who denies or claims speaks of its own part ("The Afghan
                        // Taliban denied sheltering TTP fighters").
                        // A state stands next to the cue: "India funds", "accused India of
                        // funding" (not "a war with Israel in 2006, has sent … to support").
                        let in_support_of = pos.checked_sub(1).is_some_and(|k| words[k] == "in");
                        let near = |m: &Mention| {
                            m.mention_type != MentionType::Loc
                                || !in_support_of && {
                                    let (b, e) = (byte_of(m), end_of(m));
                                    if b < at {
                                        pos.saturating_sub(tok_at(e)) <= 3
                                            // "Iran has been accused of supporting the
                                            // Fatemiyoun": a passive accusation between.
                                            || words[tok_at(e)..*pos].iter().all(|w| {
                                                matches!(
                                                    *w,
                                                    "has" | "have" | "had" | "been" | "was"
                                                        | "were" | "is" | "are" | "long"
                                                        | "repeatedly" | "also" | "accused"
                                                        | "blamed" | "of" | "for"
                                                )
                                            })
                                            // "India has been accused by Pakistan of backing
                                            // the BLA": the subject of the accusation.
                                            || attribution.as_ref().is_some_and(|a| {
                                                a.span.0 >= e
                                                    && tok_at(a.span.0).saturating_sub(tok_at(e))
                                                        <= 3
                                            })
                                    } else {
                                        tok_at(b).saturating_sub(*pos) <= 3
                                    }
                                }
                        };
                        let before: Vec<&&Mention> = parties
                            .iter()
                            .copied()
                            .filter(|m| byte_of(m) < at && !in_source(m) && near(m))
                            .collect();
                        let speaks_of_its_part = attribution
                            .as_ref()
                            .is_some_and(|a| is_claim_or_denial(&a.cue));
                        // ("Kabul has repeatedly denied harbouring TTP militants": a capital
                        // speaks for its state.)
                        // ("Hafiz Gul Bahadur's group announced it would fight alongside the
                        // TTP": the speaker goes on of itself.)
                        let of_itself = attribution.is_some()
                            && words[pos.saturating_sub(4)..*pos]
                                .iter()
                                .any(|w| matches!(*w, "it" | "they" | "we"));
                        let before = if before.is_empty() && (speaks_of_its_part || of_itself) {
                            speakers
                                .iter()
                                .copied()
                                .chain(
                                    parties
                                        .iter()
                                        .copied()
                                        .filter(|m| m.mention_type == MentionType::Loc),
                                )
                                .filter(|m| byte_of(m) < at)
                                .min_by_key(|m| at - byte_of(m))
                                .into_iter()
                                .collect()
                        } else {
                            before
                        };
                        let after: Vec<&&Mention> = parties
                            .iter()
                            .copied()
                            .filter(|m| byte_of(m) > at && near(m))
                            .collect();
                        // "militants funded by India": the one after "by" acts; so does the
                        // one after "from" in "receives logistical support from the Afghan
                        // Taliban".
                        let by = view.toks.get(*pos + 1).is_some_and(|t| t.lower == "by")
                            || words[*pos] == "support"
                                && words.get(*pos + 1) == Some(&"from")
                                && words[pos.saturating_sub(3)..*pos].iter().any(|w| {
                                    matches!(
                                        *w,
                                        "receives"
                                            | "received"
                                            | "receiving"
                                            | "receive"
                                            | "gets"
                                            | "got"
                                            | "getting"
                                            | "enjoys"
                                            | "enjoyed"
                                    )
                                });
                        // "The TTP and the Hafiz Gul Bahadur group have formed an alliance":
                        // the two named before, each with the other.
                        // (Speaking together is no bar: "The BLF and BLA announced a merger".)
                        let named_before: Vec<&&Mention> = parties
                            .iter()
                            .copied()
                            .filter(|m| byte_of(m) < at && near(m))
                            .collect();
                        let mutual = match named_before[..] {
                            [.., a, b]
                                if (*pred == "allied_with"
                                    && matches!(
                                        words[*pos],
                                        "formed" | "announced" | "joined"
                                    )
                                    || *pred == "fights"
                                        && matches!(words[*pos], "are" | "have"))
                                    && view.text[end_of(a)..byte_of(b)]
                                        .split_whitespace()
                                        .all(|w| matches!(w, "and" | "the" | ",")) =>
                            {
                                Some((a, b))
                            }
                            _ => None,
                        };
                        let pair = mutual.or_else(|| {
                            let (a, b) = (before.last()?, after.first()?);
                            Some(if by { (b, a) } else { (a, b) })
                        });
                        if let Some((a, b)) = pair {
                            push(
                                Self::party_name(a),
                                pred,
                                Self::party_name(b),
                                certainty,
                                None,
                            );
                            related = true;
                        } else if let Some(a) = before.last()
                            // ("troops backed by helicopters": no party backs them.)
                            && words[*pos] != "backed"
                        {
                            let rest = noun_phrase_after(&view.toks, *pos, view.text);
                            if !rest.is_empty() {
                                push(Self::party_name(a), pred, rest, certainty, None);
                                related = true;
                            }
                        }
                    }
                }
            }
            if !related && (attribution.is_some() || hedge_cue.is_some()) {
                // A plain attributed or hedged statement: its subject is the first name in the
                // content, else the source; its value is the content itself. A content about
                // the source's own ("The BLA said … its fighters had carried out the attack")
                // is the source's.
                let told = content(view.text, source_span);
                let of_its_own = told
                    .split_whitespace()
                    .take(6)
                    .any(|w| matches!(w, "its" | "their" | "our" | "we"));
                let source_actor = speakers
                    .iter()
                    .find(|m| {
                        m.entity_id.is_some()
                            && m.mention_type == MentionType::Org
                            && (source_span.0..source_span.1.max(source_span.0))
                                .contains(&byte_of(m))
                    })
                    .filter(|_| of_its_own);
                let subject = source_actor
                    .or(actors.first())
                    .map(|m| Self::mention_name(m))
                    .or_else(|| places.first().map(|m| Self::mention_name(m)))
                    .or_else(|| attribution.as_ref().map(|a| a.source.clone()))
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| {
                        // "They allege that the mill administration was …": the content's
                        // subject, after the cue.
                        let that = view.toks.iter().take(4).position(|t| t.lower == "that");
                        let phrase = if that.is_some() {
                            String::new()
                        } else {
                            noun_phrase_before(&view.toks, view.toks.len().min(4), view.text)
                        };
                        if phrase.is_empty() {
                            // The sentence's first words, after an opening phrase ("In one
                            // case, three women …") and up to the verb ("The protest camp was").
                            let opener = that
                                .or_else(|| view.toks.iter().take(5).position(|t| t.text == ","));
                            view.toks[opener.map_or(0, |k| k + 1)..]
                                .iter()
                                .filter(|t| t.is_word())
                                .take_while(|t| {
                                    !matches!(
                                        t.lower.as_ref(),
                                        "was" | "were" | "is" | "are" | "has" | "have" | "had"
                                    )
                                })
                                .take(4)
                                .map(|t| t.text)
                                .collect::<Vec<_>>()
                                .join(" ")
                        } else {
                            phrase
                        }
                    });
                push(
                    subject,
                    "states",
                    content(view.text, source_span).to_owned(),
                    certainty,
                    None,
                );
            }
            // The rebuttal denies each relation the accusation told.
            if let Some(r) = rebuttal {
                let denier = view.text[view.toks[r.from].start..view.toks[r.last].end].to_owned();
                let verb = view.toks[r.verb].text.to_owned();
                let denials: Vec<Claim> = claims[told_before..]
                    .iter()
                    .filter(|c| c.predicate != "states")
                    .map(|c| Claim {
                        id: stable_id("cl", &[&c.id, "rebutted"]),
                        attributed_to: Some(denier.clone()),
                        cue: Some(verb.clone()),
                        certainty: Certainty::Denied,
                        ..c.clone()
                    })
                    .collect();
                for d in denials {
                    if ids.insert(d.id.clone()) {
                        claims.push(d);
                    }
                }
            }
        }
        ann.claims.extend(claims);
    }
}

/// A rebuttal told after a comma: ", a charge Kabul denied", ", an accusation New Delhi
/// rejects", ", which the Taliban deny". Token indices: the comma, the denier's first and last
/// words, the verb.
#[derive(Debug, Clone, Copy)]
struct Rebuttal {
    comma: usize,
    from: usize,
    last: usize,
    verb: usize,
}

fn rebuttal(toks: &[Token<'_>]) -> Option<Rebuttal> {
    let lower = |k: usize| toks.get(k).map_or("", |t| t.lower.as_ref());
    toks.iter().enumerate().find_map(|(c, t)| {
        if t.text != "," {
            return None;
        }
        let which = lower(c + 1) == "which";
        let article = usize::from(matches!(lower(c + 1), "a" | "an" | "the"));
        let noun = matches!(
            lower(c + 1 + article),
            "charge"
                | "charges"
                | "claim"
                | "claims"
                | "allegation"
                | "allegations"
                | "accusation"
                | "accusations"
        );
        if !which && !noun {
            return None;
        }
        let from = c + 2 + article;
        let from = from + usize::from(lower(from) == "that");
        let verb = (from..(from + 6).min(toks.len())).find(|&j| {
            matches!(
                lower(j),
                "denied"
                    | "denies"
                    | "deny"
                    | "rejected"
                    | "rejects"
                    | "reject"
                    | "dismissed"
                    | "dismisses"
                    | "dismiss"
            )
        })?;
        // "…, a charge Kabul has strongly denied": the denier without the verb's helpers.
        let last = (from..verb).rev().find(|&j| {
            !matches!(
                lower(j),
                "has" | "have" | "had" | "strongly" | "also" | "flatly" | "repeatedly"
            )
        })?;
        Some(Rebuttal {
            comma: c,
            from,
            last,
            verb,
        })
    })
}

/// Of the names before a claim's cue (at byte `at` of the sentence `text`; `bytes` gives a
/// name's byte span there), those that claim: the name nearest the cue, with any joined to it
/// ("the TTP and LeJ claimed"), not every name earlier in the sentence ("… near a Special
/// Security Unit in Shah Latif, The TTP has claimed"); and the name before an appositive that
/// runs up to the cue, not the names inside it ("Jamaat-ul-Ahrar, a faction that … alongside
/// the TTP, claimed").
fn claimants<'m>(
    mut names: Vec<&'m &'m Mention>,
    text: &str,
    at: usize,
    bytes: impl Fn(&Mention) -> (usize, usize),
) -> Vec<&'m &'m Mention> {
    let joined = |a: &Mention, b: &Mention| {
        let (from, to) = (bytes(a).1, bytes(b).0);
        from <= to
            && text[from..to]
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| matches!(w, "" | "and" | "or" | "the" | "The"))
    };
    let mut keep = names.len();
    while keep >= 2 && joined(names[keep - 2], names[keep - 1]) {
        keep -= 1;
    }
    let mut from = keep.saturating_sub(1);
    let cue_after_comma = names.last().is_some_and(|m| {
        let gap = text[bytes(m).1..at].trim();
        gap.ends_with(',') || gap.ends_with(", has")
    });
    if cue_after_comma
        && let Some(k) = names[..from].iter().position(|m| {
            let rest = text[bytes(m).1..].trim_start();
            rest.strip_prefix(',').is_some_and(|r| {
                let first = r.split_whitespace().next().unwrap_or("");
                matches!(
                    first.to_lowercase().as_str(),
                    "a" | "an" | "the" | "which" | "who" | "one"
                )
            })
        })
    {
        from = k;
        names.truncate(k + 1);
    }
    names.drain(..from);
    names
}

/// The sentence without its attribution ("according to X," / "X said"), trimmed.
fn content(text: &str, source: (usize, usize)) -> &str {
    let (a, b) = source;
    // Before the source only a dateline or an opening phrase ("ISLAMABAD: Pakistan's Foreign
    // Office accused …", "On Monday, police said …"): what is told follows the cue.
    let opener_only = b > a && text[..a].split_whitespace().count() <= 3;
    // "These attacks came hours after the State Department told Americans to leave": the
    // source is inside a time clause; what it said follows the cue.
    let opens_a_clause = b > a
        && text[..a]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "after" | "before" | "since"));
    let opener_only = opener_only || opens_a_clause;
    let rest = if (a == 0 || opener_only) && b > 0 {
        &text[b..]
    } else if b > a {
        &text[..a]
    } else {
        text
    };
    let rest = rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':'));
    let rest = rest
        .strip_prefix("however,")
        .map(str::trim_start)
        .unwrap_or(rest);
    let rest = rest.strip_prefix("that ").unwrap_or(rest);
    if rest.is_empty() { text.trim() } else { rest }
}

/// Up to four words before token `i`, back to a clause boundary ("repeated terrorist attacks").
fn noun_phrase_before(toks: &[Token<'_>], i: usize, text: &str) -> String {
    let mut s = i;
    while s > 0 && i - s < 4 {
        let t = &toks[s - 1];
        if !t.is_word()
            || matches!(
                t.lower.as_ref(),
                "has"
                    | "have"
                    | "had"
                    | "faced"
                    | "allegedly"
                    | "reportedly"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
            )
        {
            if matches!(t.lower.as_ref(), "allegedly" | "reportedly") {
                s -= 1;
                continue;
            }
            break;
        }
        s -= 1;
    }
    let words: Vec<&str> = toks[s..i]
        .iter()
        .filter(|t| !matches!(t.lower.as_ref(), "allegedly" | "reportedly"))
        .map(|t| t.text)
        .collect();
    let _ = text;
    words.join(" ")
}

/// Up to six words after token `i`, to a clause boundary.
fn noun_phrase_after(toks: &[Token<'_>], i: usize, _text: &str) -> String {
    toks[i + 1..]
        .iter()
        .take_while(|t| t.is_word())
        .take(6)
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Pipeline, SentenceSplitter};
    use tessera_model::{DocId, Document, DocumentMeta, EntityId, SourceFormat};

    /// A stand-in for the gazetteer: marks given names as typed mentions.
    struct Marks(Vec<(&'static str, MentionType, &'static str)>);
    impl Stage for Marks {
        fn name(&self) -> &'static str {
            "marks"
        }
        fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations) {
            for (name, ty, id) in &self.0 {
                for (b, _) in cx.doc.text.match_indices(name) {
                    let begin = cx.offsets.char_of(b);
                    ann.mentions.push(Mention {
                        span: Span {
                            document_id: cx.doc.id.clone(),
                            begin,
                            end: begin + name.chars().count(),
                        },
                        text: (*name).to_owned(),
                        mention_type: *ty,
                        entity_id: Some(EntityId::from(*id)),
                        stage: "marks".into(),
                    });
                }
            }
        }
    }

    fn claims(text: &str, marks: Vec<(&'static str, MentionType, &'static str)>) -> Vec<Claim> {
        let doc = Document {
            id: DocId::from("d"),
            version: 1,
            text: text.into(),
            meta: DocumentMeta::default(),
            format: SourceFormat::Text,
            origin: None,
        };
        Pipeline::new(vec![
            Box::new(SentenceSplitter),
            Box::new(Marks(marks)),
            Box::new(ClaimStage),
        ])
        .run(&doc)
        .claims
    }

    #[test]
    fn relations_sources_and_certainty() {
        let c = claims(
            "Recent intelligence indicates that the TTP continues to operate inside Afghanistan.",
            vec![
                ("TTP", MentionType::Org, "actor:ttp"),
                ("Afghanistan", MentionType::Loc, "cc:AF"),
            ],
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (
                c[0].subject.as_str(),
                c[0].predicate.as_str(),
                c[0].object.as_str()
            ),
            ("actor:ttp", "operates_in", "cc:AF")
        );
        assert_eq!(c[0].attributed_to.as_deref(), Some("Recent intelligence"));
        assert_eq!(c[0].certainty, Certainty::Probable);

        let c = claims(
            "According to regional sources, a pact formed before the fall of Kabul in 2021 bound them. Signatories reportedly included the TTP.",
            vec![("TTP", MentionType::Org, "actor:ttp")],
        );
        let sig = c
            .iter()
            .find(|c| c.predicate == "signatory_of")
            .expect("signatory claim");
        assert_eq!(sig.subject, "actor:ttp");
        assert_eq!(sig.certainty, Certainty::Alleged);
        assert_eq!(sig.valid_to.as_deref(), Some("2021"));

        // Who is given sanctuary has it, where it is given.
        let given = claims(
            "The Haqqani network has reportedly provided sanctuary to TTP commanders in Khost.",
            vec![
                ("Haqqani network", MentionType::Org, "actor:haqqani"),
                ("TTP", MentionType::Org, "actor:ttp"),
                ("Khost", MentionType::Loc, "adm1:AF-KHO"),
            ],
        );
        let mut got: Vec<(&str, &str, &str)> = given
            .iter()
            .map(|c| (c.subject.as_str(), c.predicate.as_str(), c.object.as_str()))
            .collect();
        got.sort_unstable();
        assert_eq!(
            got,
            [
                ("actor:haqqani", "shelters", "actor:ttp"),
                ("actor:ttp", "has_sanctuary_in", "adm1:AF-KHO")
            ]
        );
        // A designation made in a year holds from then on.
        let designations = claims(
            "The United States designated the BLA a foreign terrorist organisation in 2019.",
            vec![
                ("United States", MentionType::Loc, "cc:US"),
                ("BLA", MentionType::Org, "actor:bla"),
            ],
        );
        let des = designations
            .iter()
            .find(|c| c.predicate == "designated")
            .expect("designation claim");
        assert_eq!(
            (des.valid_from.as_deref(), des.valid_to.as_deref()),
            (Some("2019"), None)
        );
        assert!(
            c.iter()
                .any(|c| c.attributed_to.as_deref() == Some("regional sources"))
        );

        let c = claims(
            "The BLA denied involvement.",
            vec![("BLA", MentionType::Org, "actor:bla")],
        );
        assert_eq!(
            (c[0].predicate.as_str(), c[0].certainty),
            ("denied_involvement_in", Certainty::Denied)
        );
        assert!(claims("Two soldiers died in Bajaur.", vec![]).is_empty());
        // With no name and no source, the subject is the sentence's own, never empty.
        let c = claims(
            "In one case, three women and three children were allegedly shot dead.",
            vec![],
        );
        assert_eq!(c[0].subject, "three women and three", "{c:?}");
        let c = claims(
            "They allege that the mill administration was delaying their dues.",
            vec![],
        );
        assert_eq!(c[0].subject, "the mill administration", "{c:?}");
        // A dateline or an opening phrase before the source is not what it says.
        let c = claims(
            "ISLAMABAD: Officials said the border crossing at Torkham would reopen.",
            vec![],
        );
        assert_eq!(
            c[0].object, "the border crossing at Torkham would reopen",
            "{c:?}"
        );
    }

    /// (subject, predicate, certainty) of each claim, sorted.
    fn triples(c: &[Claim]) -> Vec<(&str, &str, Certainty)> {
        let mut t: Vec<_> = c
            .iter()
            .map(|c| (c.subject.as_str(), c.predicate.as_str(), c.certainty))
            .collect();
        t.sort_by_key(|x| (x.0, x.1));
        t
    }

    #[test]
    fn relations_between_actors_and_states() {
        let one = |text: &str, marks| {
            let c = claims(text, marks);
            c.iter()
                .map(|c| {
                    (
                        c.subject.clone(),
                        c.predicate.clone(),
                        c.object.clone(),
                        c.certainty,
                    )
                })
                .collect::<Vec<_>>()
        };
        let t = |a: &str, p: &str, b: &str, c| (a.to_owned(), p.to_owned(), b.to_owned(), c);
        // A state named as an actor; funding is support.
        assert_eq!(
            one(
                "Interior Minister Mohsin Naqvi accused India of funding the BLA.",
                vec![
                    ("India", MentionType::Loc, "cc:IN"),
                    ("BLA", MentionType::Org, "actor:bla")
                ]
            ),
            vec![t("cc:IN", "supports", "actor:bla", Certainty::Alleged)]
        );
        // A group that fights another, as sources say.
        assert_eq!(
            one(
                "The TTP fights Pakistani forces in Bajaur, security sources said.",
                vec![
                    ("TTP", MentionType::Org, "actor:ttp"),
                    ("Pakistani forces", MentionType::Org, "actor:pak-military")
                ]
            ),
            vec![t(
                "actor:ttp",
                "fights",
                "actor:pak-military",
                Certainty::Certain
            )]
        );
        // A designation told in a relative clause is the antecedent's, and its year times
        // that designation only; the main clause's ties have no date.
        let c = claims(
            "The Haqqani network, which the United States designated a terrorist organisation in 2012, is closely tied to the Taliban.",
            vec![
                ("Haqqani network", MentionType::Org, "actor:haqqani"),
                ("United States", MentionType::Loc, "cc:US"),
                ("Taliban", MentionType::Org, "actor:taliban"),
            ],
        );
        let found = |p: &str| c.iter().find(|c| c.predicate == p).expect(p);
        let des = found("designated");
        assert_eq!(
            (
                des.subject.as_str(),
                des.object.as_str(),
                des.valid_from.as_deref()
            ),
            ("actor:haqqani", "cc:US", Some("2012"))
        );
        let ties = found("allied_with");
        assert_eq!(
            (
                ties.subject.as_str(),
                ties.object.as_str(),
                ties.valid_from.as_deref(),
                ties.cue.as_deref()
            ),
            ("actor:haqqani", "actor:taliban", None, Some("tied"))
        );
        // Ties told as suspected are possible.
        assert_eq!(
            one(
                "Police said the cell has suspected ties to the TTP.",
                vec![
                    ("cell", MentionType::Org, "cell"),
                    ("TTP", MentionType::Org, "actor:ttp")
                ]
            )
            .into_iter()
            .filter(|c| c.1 == "allied_with")
            .map(|c| c.3)
            .collect::<Vec<_>>(),
            vec![Certainty::Possible]
        );
        // Who denies speaks of its own part.
        assert_eq!(
            one(
                "The Afghan Taliban denied sheltering TTP fighters.",
                vec![
                    ("Afghan Taliban", MentionType::Org, "actor:taliban"),
                    ("TTP", MentionType::Org, "actor:ttp")
                ]
            ),
            vec![t(
                "actor:taliban",
                "shelters",
                "actor:ttp",
                Certainty::Denied
            )]
        );
        // After "by", the one named acts.
        assert_eq!(
            one(
                "A Provincial Response Company, supported by coalition forces, raided a compound.",
                vec![
                    ("Provincial Response Company", MentionType::Org, "prc"),
                    ("coalition forces", MentionType::Org, "coalition")
                ]
            ),
            vec![t("coalition", "supports", "prc", Certainty::Certain)]
        );
        // Who designated, when named as doing it.
        assert_eq!(
            one(
                "The United States designated the BLA as a terrorist organisation in 2019.",
                vec![
                    ("United States", MentionType::Loc, "cc:US"),
                    ("BLA", MentionType::Org, "actor:bla")
                ]
            ),
            vec![t("actor:bla", "designated", "cc:US", Certainty::Certain)]
        );
        // A country far from the cue, or where something happens, is no party; nor is one
        // its own ally; "in Afghanistan's Kunar province" is Kunar.
        assert_eq!(
            one(
                "Hezbollah, which fought a war with Israel in 2006, has sent fighters to Syria to support the regime.",
                vec![
                    ("Hezbollah", MentionType::Org, "actor:hezbollah"),
                    ("Israel", MentionType::Loc, "cc:IL"),
                    ("Syria", MentionType::Loc, "cc:SY")
                ]
            )
            .iter()
            .map(|c| c.0.as_str())
            .collect::<Vec<_>>(),
            vec!["actor:hezbollah"]
        );
        assert_eq!(
            one(
                "Officials said the TTP operates in Afghanistan's Kunar province.",
                vec![
                    ("TTP", MentionType::Org, "actor:ttp"),
                    ("Afghanistan", MentionType::Loc, "cc:AF"),
                    ("Kunar", MentionType::Loc, "adm1:AF-KNR")
                ]
            ),
            vec![t(
                "actor:ttp",
                "operates_in",
                "adm1:AF-KNR",
                Certainty::Certain
            )]
        );
    }

    #[test]
    fn a_capital_stands_for_its_government() {
        let c = claims(
            "Islamabad accuses Kabul of harbouring TTP fighters, a charge the Taliban \
             government rejects.",
            vec![
                ("Islamabad", MentionType::Loc, "adm2:PK:islamabad:islamabad"),
                ("Kabul", MentionType::Loc, "adm2:AF:kabul:kabul"),
                ("TTP", MentionType::Org, "actor:ttp"),
            ],
        );
        assert_eq!(
            triples(&c),
            vec![
                ("cc:AF", "shelters", Certainty::Alleged),
                ("cc:AF", "shelters", Certainty::Denied),
            ],
            "{c:?}"
        );
    }

    #[test]
    fn a_groups_word_on_its_own_fighters_is_about_the_group() {
        let c = claims(
            "The BLA said in a statement that its fighters had carried out the attack on the FC \
             camp in Turbat.",
            vec![
                ("BLA", MentionType::Org, "actor:bla"),
                ("FC", MentionType::Org, "actor:fc"),
            ],
        );
        assert_eq!(
            (c[0].subject.as_str(), c[0].attributed_to.as_deref()),
            ("actor:bla", Some("The BLA")),
            "{c:?}"
        );
    }

    #[test]
    fn who_claims_denies_or_is_suspected() {
        // Each clause has its own subject and certainty; nobody claims; a count is no claimant.
        let c = claims(
            "The bombing killed at least 40 people, no group has claimed responsibility yet, \
             but the ISKP is suspected, while the Taliban denied any involvement in the attack.",
            vec![
                ("40 people", MentionType::Org, "40 people"),
                ("ISKP", MentionType::Org, "actor:iskp"),
                ("Taliban", MentionType::Org, "actor:taliban"),
            ],
        );
        assert_eq!(
            triples(&c),
            vec![
                ("actor:iskp", "suspected_of", Certainty::Possible),
                ("actor:taliban", "denied_involvement_in", Certainty::Denied),
            ],
            "{c:?}"
        );
        let said = |pred: &str| {
            let c = c.iter().find(|c| c.predicate == pred).unwrap();
            (c.attributed_to.as_deref(), c.cue.as_deref())
        };
        assert_eq!(
            said("denied_involvement_in"),
            (Some("the Taliban"), Some("denied"))
        );
        assert_eq!(said("suspected_of"), (None, Some("suspected")));
        // The name nearest the cue claims, not every name before it; a name before an
        // appositive claims, not the names inside it.
        let c = claims(
            "Two policemen were killed near the Special Security Unit in Karachi, The TTP has \
             claimed responsibility for the attack.",
            vec![
                (
                    "Special Security Unit",
                    MentionType::Org,
                    "Special Security Unit",
                ),
                ("TTP", MentionType::Org, "actor:ttp"),
            ],
        );
        assert_eq!(
            triples(&c),
            vec![(
                "actor:ttp",
                "claimed_responsibility_for",
                Certainty::Alleged
            )]
        );
        let c = claims(
            "Jamaat-ul-Ahrar, a faction close to the TTP, claimed responsibility in a statement.",
            vec![
                ("Jamaat-ul-Ahrar", MentionType::Org, "actor:jua"),
                ("TTP", MentionType::Org, "actor:ttp"),
            ],
        );
        assert_eq!(
            triples(&c),
            vec![(
                "actor:jua",
                "claimed_responsibility_for",
                Certainty::Alleged
            )]
        );
        assert_eq!(c[0].attributed_to, None, "{c:?}");
        // "Suspected of directing attacks" is a record, not this event's suspect.
        let c = claims(
            "The TTP commander is suspected of directing attacks on polio teams.",
            vec![("TTP", MentionType::Org, "actor:ttp")],
        );
        assert!(!c.iter().any(|c| c.predicate == "suspected_of"), "{c:?}");
        let c = claims(
            "The Taliban are believed to be behind the attack.",
            vec![("Taliban", MentionType::Org, "actor:taliban")],
        );
        assert_eq!(
            triples(&c),
            vec![("actor:taliban", "suspected_of", Certainty::Probable)]
        );
    }
}
