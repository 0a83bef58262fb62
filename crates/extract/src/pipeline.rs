use crate::aligned::AlignedText;
use tessera_model::CharOffsets;
use tessera_model::{Annotations, Document};

/// A document prepared for the stages: its aligned text and char offsets, built once.
pub struct DocContext<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its text beside the normalised copy.
    pub aligned: AlignedText<'a>,
    /// Byte ↔ code-point conversion for the original text.
    pub offsets: CharOffsets,
}

impl<'a> DocContext<'a> {
    /// Prepare a document.
    pub fn new(doc: &'a Document) -> Self {
        DocContext {
            doc,
            aligned: AlignedText::new(&doc.text),
            offsets: CharOffsets::new(&doc.text),
        }
    }
}

/// One step of extraction: reads the document and what earlier stages found, adds to it.
///
/// Stages must be deterministic and must only emit spans that slice the document's text.
pub trait Stage: Send + Sync {
    /// Short name, recorded on what the stage produces.
    fn name(&self) -> &'static str;
    /// Add this stage's findings to `ann`.
    fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations);
}

/// Stages run in order over each document.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// A pipeline of these stages.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Self {
        Pipeline { stages }
    }

    /// The stages' names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Run every stage over `doc`.
    pub fn run(&self, doc: &Document) -> Annotations {
        let cx = DocContext::new(doc);
        let mut ann = Annotations::default();
        for stage in &self.stages {
            stage.process(&cx, &mut ann);
        }
        ann.mentions.sort_by_key(|m| (m.span.begin, m.span.end));
        ann
    }

    /// Run the stages one by one, timing each (for benchmarks): returns per-stage nanoseconds.
    pub fn run_timed(&self, doc: &Document, nanos: &mut [u128]) -> Annotations {
        let t0 = std::time::Instant::now();
        let cx = DocContext::new(doc);
        let mut ann = Annotations::default();
        let mut last = t0.elapsed().as_nanos();
        if let Some(n) = nanos.first_mut() {
            *n += last;
        }
        for (i, stage) in self.stages.iter().enumerate() {
            stage.process(&cx, &mut ann);
            let now = t0.elapsed().as_nanos();
            if let Some(n) = nanos.get_mut(i + 1) {
                *n += now - last;
            }
            last = now;
        }
        ann.mentions.sort_by_key(|m| (m.span.begin, m.span.end));
        ann
    }
}

/// The mentions lying within `[begin, end)`, from a list sorted by start (as stages keep it):
/// a binary search, so per-sentence lookups stay linear in the document overall.
pub fn mentions_within(
    mentions: &[tessera_model::Mention],
    begin: usize,
    end: usize,
) -> &[tessera_model::Mention] {
    let lo = mentions.partition_point(|m| m.span.begin < begin);
    let hi = mentions.partition_point(|m| m.span.begin < end);
    &mentions[lo..hi.max(lo)]
}
