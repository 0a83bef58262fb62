use crate::aligned::AlignedText;
use crate::text::tokens::{Token, tokenize};
use std::borrow::Cow;
use std::cell::OnceCell;
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
    /// The whole text's tokens, made on first use and shared by the stages, which would
    /// otherwise each tokenise every sentence again.
    tokens: OnceCell<Vec<Token<'a>>>,
}

impl<'a> DocContext<'a> {
    /// Prepare a document.
    pub fn new(doc: &'a Document) -> Self {
        DocContext {
            doc,
            aligned: AlignedText::new(&doc.text),
            offsets: CharOffsets::new(&doc.text),
            tokens: OnceCell::new(),
        }
    }

    /// The tokens of the whole text (byte offsets into it).
    pub fn tokens(&self) -> &[Token<'a>] {
        self.tokens.get_or_init(|| tokenize(&self.doc.text))
    }

    /// The tokens of the text's bytes `begin..end`, with offsets into that slice: the same as
    /// `tokenize(&doc.text[begin..end])`, without tokenising it again.
    pub fn tokens_between(&self, begin: usize, end: usize) -> Vec<Token<'_>> {
        let all = self.tokens();
        let from = all.partition_point(|t| t.end <= begin);
        let to = all.partition_point(|t| t.start < end).max(from);
        let within = &all[from..to];
        // A token running over an edge would be cut otherwise in the slice alone.
        if within.first().is_some_and(|t| t.start < begin)
            || within.last().is_some_and(|t| t.end > end)
        {
            return tokenize(&self.doc.text[begin..end]);
        }
        within
            .iter()
            .map(|t| Token {
                text: t.text,
                lower: Cow::Borrowed(&*t.lower),
                start: t.start - begin,
                end: t.end - begin,
            })
            .collect()
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

/// Spans already taken (code points), to ask cheaply whether a new span overlaps one: sorted
/// by start, the longest span bounds how far back an overlapping one can start.
pub(crate) struct TakenSpans {
    spans: Vec<(usize, usize)>,
    longest: usize,
}

impl TakenSpans {
    /// These spans, in any order.
    pub(crate) fn new(mut spans: Vec<(usize, usize)>) -> Self {
        spans.sort_unstable();
        let longest = spans.iter().map(|(b, e)| e - b).max().unwrap_or(0);
        TakenSpans { spans, longest }
    }

    /// Whether `[begin, end)` overlaps a taken span.
    pub(crate) fn overlaps(&self, begin: usize, end: usize) -> bool {
        self.overlapping(begin, end).next().is_some()
    }

    /// The taken spans that overlap `[begin, end)`.
    pub(crate) fn overlapping(
        &self,
        begin: usize,
        end: usize,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        let from = self
            .spans
            .partition_point(|&(b, _)| b + self.longest < begin);
        let to = self.spans.partition_point(|&(b, _)| b < end);
        self.spans[from..to.max(from)]
            .iter()
            .copied()
            .filter(move |&(b, e)| begin < e && b < end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // Any byte range on char boundaries, including ones that cut a token ("U.S" | "."),
        // gives the tokens the slice alone would give.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn taken_spans_answer_as_a_scan_would(
            spans in proptest::collection::vec((0usize..60, 1usize..15), 0..12),
            probe in (0usize..70, 1usize..10),
        ) {
            let spans: Vec<(usize, usize)> = spans.into_iter().map(|(b, n)| (b, b + n)).collect();
            let (b, e) = (probe.0, probe.0 + probe.1);
            let scan = spans.iter().any(|&(x, y)| b < y && x < e);
            proptest::prop_assert_eq!(TakenSpans::new(spans).overlaps(b, e), scan);
        }

        #[test]
        fn shared_tokens_match_tokenising_the_slice(
            text in "[ab0-9 .,'’\\-é\\n]{0,30}",
            cut in proptest::collection::vec(0usize..40, 2),
        ) {
            let doc = Document {
                id: "d".into(),
                version: 1,
                text: text.clone(),
                meta: Default::default(),
                format: tessera_model::SourceFormat::Text,
                origin: None,
            };
            let cx = DocContext::new(&doc);
            let bound = |n: usize| {
                (0..=n.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
            };
            let (a, b) = (bound(cut[0].min(cut[1])), bound(cut[0].max(cut[1])));
            let shared = cx.tokens_between(a, b);
            let alone = tokenize(&text[a..b]);
            proptest::prop_assert_eq!(shared, alone);
        }
    }
}
