//! A brief for a filter (place, actor, period): a dated chronology of events with casualty
//! figures, each line citing its sources, allegations marked as such, and contradictory
//! figures shown side by side. Markdown, or HTML with every report word escaped.

use crate::{Dataset, EventFilter, ExportError};
use std::io::Write;
use tessera_model::Certainty;

/// Brief formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown.
    Markdown,
    /// A self-contained HTML page (no scripts, no external resources).
    Html,
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// One chronology line per event, plain text, in date order.
pub fn lines(data: &Dataset, filter: &EventFilter) -> Vec<(String, String)> {
    let mut events: Vec<_> = data.filtered(filter).collect();
    events.sort_by(|a, b| {
        a.event
            .date
            .start
            .cmp(&b.event.date.start)
            .then(a.event.id.cmp(&b.event.id))
    });
    events
        .iter()
        .map(|f| {
            let e = &f.event;
            let date = e.date.start.clone().unwrap_or_else(|| "undated".into());
            let mut s = String::new();
            if matches!(
                e.certainty,
                Certainty::Alleged | Certainty::Possible | Certainty::Probable | Certainty::Denied
            ) {
                s.push_str(&format!("[{}] ", e.certainty.as_str()));
            }
            s.push_str(&e.sub_event_type);
            if let Some(p) = &e.location.name {
                s.push_str(&format!(" in {p}"));
                if let Some(a) = &e.location.admin1
                    && a != p
                {
                    s.push_str(&format!(", {a}"));
                }
            }
            if let Some(a) = &e.actor1 {
                s.push_str(&format!("; by {}", a.name));
            }
            if let Some(a) = &e.actor2 {
                s.push_str(&format!("; against {}", a.name));
            }
            let figures = &f.fusion.corroboration.fatalities;
            match (figures.low, figures.best, figures.high) {
                (Some(lo), Some(best), Some(hi)) if lo != hi => {
                    s.push_str(&format!("; {best} killed (reports range {lo}–{hi})"));
                }
                _ => {
                    if let Some(n) = e.fatalities.filter(|n| *n > 0) {
                        s.push_str(&format!("; {n} killed"));
                    }
                }
            }
            if let Some(n) = e.injured.filter(|n| *n > 0) {
                s.push_str(&format!(", {n} injured"));
            }
            if let Some(a) = &e.attributed_to {
                s.push_str(&format!(" (according to {a})"));
            }
            for c in data.contradictions.iter().filter(|c| c.event_id == e.id) {
                s.push_str(&format!(
                    ". Reports disagree on {}: {} vs {}",
                    c.field.as_str(),
                    c.side_a.value,
                    c.side_b.value
                ));
            }
            let mut sources: Vec<String> = e
                .document_ids
                .iter()
                .map(|d| {
                    let info = data.documents.get(d);
                    let who = info
                        .and_then(|i| i.source.clone())
                        .unwrap_or_else(|| d.0.clone());
                    match info
                        .and_then(|i| i.published.as_deref())
                        .and_then(|p| p.get(..10))
                    {
                        Some(p) => format!("{who}, {p}"),
                        None => who,
                    }
                })
                .collect();
            sources.sort();
            sources.dedup();
            s.push_str(&format!(". Sources: {}.", sources.join("; ")));
            (date, s)
        })
        .collect()
}

/// Write the brief.
pub fn write(
    data: &Dataset,
    filter: &EventFilter,
    title: &str,
    format: Format,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let lines = lines(data, filter);
    match format {
        Format::Markdown => {
            writeln!(out, "# {title}\n")?;
            writeln!(
                out,
                "{} events. Allegations are marked; figures that reports dispute are shown as ranges.\n",
                lines.len()
            )?;
            for (date, line) in &lines {
                writeln!(out, "- **{date}** — {line}")?;
            }
        }
        Format::Html => {
            writeln!(
                out,
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>",
                escape_html(title)
            )?;
            writeln!(
                out,
                "<h1>{}</h1>\n<p>{} events. Allegations are marked; figures that reports dispute are shown as ranges.</p>\n<ul>",
                escape_html(title),
                lines.len()
            )?;
            for (date, line) in &lines {
                writeln!(
                    out,
                    "<li><strong>{}</strong> — {}</li>",
                    escape_html(date),
                    escape_html(line)
                )?;
            }
            writeln!(out, "</ul></body></html>")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::dataset;

    #[test]
    fn allegations_are_marked_and_html_is_escaped() {
        let mut data = dataset();
        data.events[0].event.attributed_to = Some("<script>alert(1)</script>".into());
        let l = lines(&data, &EventFilter::default());
        assert!(
            l[0].1.starts_with("[alleged] Suicide bomb in Bannu"),
            "{}",
            l[0].1
        );
        assert!(
            l[0].1.contains("Sources: Indus Daily, 2025-05-14."),
            "{}",
            l[0].1
        );
        let mut out = Vec::new();
        write(
            &data,
            &EventFilter::default(),
            "Bannu",
            Format::Html,
            &mut out,
        )
        .unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }
}
