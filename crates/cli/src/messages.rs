//! Messages on stderr, and the progress bar when stderr is a terminal.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use tessera_engine::{IngestSummary, Observer};
use tessera_ingest::IngestError;
use tessera_model::DocId;

/// Reports skipped inputs as they happen and shows progress on a terminal.
pub struct Reporter {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Reporter {
    pub fn new(quiet: bool, what: &'static str) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.set_message(what);
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        Reporter { bar, quiet }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Observer for Reporter {
    fn skipped(&mut self, error: &IngestError) {
        // Errors always go out, even with --quiet: a skipped input must never pass unseen.
        let line = format!("tessera: skipped: {error}");
        match &self.bar {
            Some(b) => b.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn extraction_failed(&mut self, document: &DocId, message: &str) {
        let line = format!(
            "tessera: extraction failed on document {document} ({message}); stored without \
             derived data: please report it, `tessera reextract` rebuilds it after a fix"
        );
        match &self.bar {
            Some(b) => b.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn progress(&mut self, s: &IngestSummary) {
        if self.quiet {
            return;
        }
        if let Some(b) = &self.bar {
            b.set_message(format!(
                "{} documents read, {} new, {} unchanged, {} skipped",
                s.read, s.new, s.unchanged, s.skipped
            ));
        }
    }
}
