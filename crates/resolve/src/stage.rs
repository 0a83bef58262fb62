use crate::gazetteer::{EntryRef, Gazetteer};
use crate::matcher::{Match, Matcher};
use std::sync::Arc;
use tessera_extract::{Annotations, DocContext, Stage};
use tessera_model::{CharOffsets, EntityId, Mention, MentionType, NOMINAL_STAGE, PlaceLevel, Span};

/// The stage that marks gazetteer places and listed actors as resolved mentions.
pub struct GazetteerStage {
    gazetteer: Arc<Gazetteer>,
    matcher: Matcher,
}

impl GazetteerStage {
    /// A stage over this gazetteer (the matcher is built once, here).
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        let matcher = gazetteer.matcher();
        GazetteerStage { gazetteer, matcher }
    }

    /// The gazetteer it resolves against.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// Whether place `outer` holds place `inner`: its country or its province.
    fn holds(&self, outer: &Match, inner: &Match) -> bool {
        let (EntryRef::Place(o), EntryRef::Place(i)) = (outer.entry, inner.entry) else {
            return false;
        };
        let places = self.gazetteer.places();
        let (o, i) = (&places[o], &places[i]);
        o.id != i.id
            && o.country == i.country
            && match o.level {
                PlaceLevel::Country => i.level != PlaceLevel::Country,
                PlaceLevel::Admin1 => {
                    matches!(i.level, PlaceLevel::Admin2 | PlaceLevel::Populated)
                        && i.admin1.as_deref() == Some(o.name.as_str())
                }
                _ => false,
            }
    }
}

/// The code point where a compass word written right before `begin` starts ("eastern
/// Aleppo", "north-western Pakistan").
fn compass_word_before(text: &str, offsets: &CharOffsets, begin: usize) -> Option<usize> {
    let b = offsets.byte_of(begin);
    let before = text[..b].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
        .last()
        .map(|(i, _)| i)?;
    let word = before[word_start..].to_ascii_lowercase();
    let side = ["north-", "south-", "north", "south"]
        .iter()
        .find_map(|p| {
            word.strip_prefix(p)
                .filter(|s| matches!(*s, "eastern" | "western"))
        })
        .unwrap_or(&word);
    matches!(
        side,
        "northern" | "southern" | "eastern" | "western" | "central"
    )
    .then(|| offsets.char_of(word_start))
}

impl Stage for GazetteerStage {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations) {
        let text = &cx.doc.text;
        let mention = |(begin, end): (usize, usize),
                       text: String,
                       mention_type: MentionType,
                       entity_id: Option<EntityId>,
                       stage: &str| Mention {
            span: Span {
                document_id: cx.doc.id.clone(),
                begin,
                end,
            },
            text,
            mention_type,
            entity_id,
            stage: stage.to_owned(),
        };
        let found = self.matcher.find_with_offsets(&cx.aligned, &cx.offsets);
        // Place expressions that hold a place the lists found: "eastern Aleppo", "Palmyra,
        // Syria". They stand beside the place's own mention, unresolved, as a person by
        // office stands beside the name.
        let places: Vec<&Match> = found
            .iter()
            .filter(|m| matches!(m.entry, EntryRef::Place(_)))
            .collect();
        let mut wider: Vec<(usize, usize)> = Vec::new();
        for (k, m) in places.iter().enumerate() {
            // "southern Kirkuk Province" is left to the name it begins.
            let longer_name = text[cx.offsets.byte_of(m.end)..]
                .strip_prefix(' ')
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_uppercase);
            if !longer_name && let Some(b) = compass_word_before(text, &cx.offsets, m.begin) {
                wider.push((b, m.end));
            }
            if let Some(next) = places.get(k + 1)
                && cx
                    .offsets
                    .slice(text, m.end, next.begin)
                    .is_some_and(|between| between == ", ")
                && self.holds(next, m)
            {
                wider.push((m.begin, next.end));
            }
        }
        let groups = self.gazetteer.groups();
        for m in &found {
            // "Syrians", "Afghans": a people named by its plural is a group of people, beside
            // the nationality; a description, as "the camp's residents" is, that names no
            // actor of the lists ("non-Sindhis" is not one).
            let negated = text[..cx.offsets.byte_of(m.begin)].ends_with("non-");
            if let EntryRef::Group(g) = m.entry
                && groups[g].term.ends_with('s')
                && m.text.chars().next().is_some_and(char::is_uppercase)
                && !negated
            {
                ann.mentions.push(mention(
                    (m.begin, m.end),
                    m.text.clone(),
                    MentionType::Org,
                    None,
                    NOMINAL_STAGE,
                ));
            }
        }
        for m in found {
            // Group terms ("Afghan", "Shia") are typed but name no entity of the lists.
            let entity = (!m.entity_id.is_empty()).then_some(EntityId(m.entity_id));
            ann.mentions.push(mention(
                (m.begin, m.end),
                m.text,
                m.mention_type,
                entity,
                self.name(),
            ));
        }
        for (begin, end) in wider {
            if let Some(written) = cx.offsets.slice(text, begin, end) {
                ann.mentions.push(mention(
                    (begin, end),
                    written.to_owned(),
                    MentionType::Loc,
                    None,
                    self.name(),
                ));
            }
        }
        // Stages keep mentions sorted by start, for the lookups by sentence.
        ann.mentions.sort_by_key(|m| (m.span.begin, m.span.end));
    }
}
