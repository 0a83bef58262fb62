use crate::gazetteer::Gazetteer;
use crate::matcher::Matcher;
use std::sync::Arc;
use tessera_extract::{Annotations, DocContext, Stage};
use tessera_model::{EntityId, Mention, Span};

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
}

impl Stage for GazetteerStage {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations) {
        for m in self.matcher.find_with_offsets(&cx.aligned, &cx.offsets) {
            ann.mentions.push(Mention {
                span: Span {
                    document_id: cx.doc.id.clone(),
                    begin: m.begin,
                    end: m.end,
                },
                text: m.text,
                mention_type: m.mention_type,
                // Group terms ("Afghan", "Shia") are typed but name no entity of the lists.
                entity_id: (!m.entity_id.is_empty()).then_some(EntityId(m.entity_id)),
                stage: self.name().to_owned(),
            });
        }
    }
}
