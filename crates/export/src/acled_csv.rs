//! ACLED's current CSV layout (31 columns), one row per fused event.
//!
//! Actor types are ACLED's words ("Rebel group"), `interaction` joins the two
//! ("Rebel group-State forces"), `time_precision` is 1 for a day, 2 for a week, 3 for a month or
//! more, `notes` quotes the evidence sentences and `source` names the documents' publishers.

use crate::{Dataset, EventFilter, ExportError};
use std::io::Write;
use tessera_model::DateGranularity;

pub use tessera_import::acled::COLUMNS;
use tessera_import::acled::country_codes;

/// Write the header and one row per event the filter keeps.
pub fn write(data: &Dataset, filter: &EventFilter, out: impl Write) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for f in data.filtered(filter) {
        let e = &f.event;
        let date = e.date.start.clone().unwrap_or_default();
        let name = |a: &Option<tessera_model::Actor>| {
            a.as_ref().map(|a| a.name.clone()).unwrap_or_default()
        };
        let kind = |a: &Option<tessera_model::Actor>| {
            a.as_ref()
                .and_then(|a| a.actor_type.clone())
                .unwrap_or_default()
        };
        let (inter1, inter2) = (kind(&e.actor1), kind(&e.actor2));
        let interaction = match (inter1.is_empty(), inter2.is_empty()) {
            (false, false) => format!("{inter1}-{inter2}"),
            (false, true) => format!("{inter1} only"),
            _ => String::new(),
        };
        let country = e.location.country.clone().unwrap_or_default();
        let (iso, _, region) = country_codes(&country).unwrap_or_default();
        let mut sources: Vec<String> = e
            .document_ids
            .iter()
            .filter_map(|d| data.documents.get(d)?.source.clone())
            .collect();
        sources.sort();
        sources.dedup();
        // Notes quote the first report, as a coder's note summarises one account.
        let first_doc = e.document_ids.first();
        let notes: Vec<String> = e
            .evidence
            .iter()
            .filter(|s| Some(&s.document_id) == first_doc)
            .filter_map(|s| data.quote(&s.document_id, s.begin, s.end))
            .map(|q| q.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let mut notes_dedup: Vec<String> = Vec::new();
        for n in notes {
            if !notes_dedup.contains(&n) {
                notes_dedup.push(n);
            }
        }
        let timestamp = f
            .fusion
            .corroboration
            .first_reported
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc().timestamp().to_string())
            .unwrap_or_default();
        let opt = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
        let assoc: Vec<String> = e.associated_actors.iter().map(|a| a.name.clone()).collect();
        w.write_record([
            e.id.as_str(),
            &date,
            date.get(..4).unwrap_or(""),
            match e.date.granularity {
                DateGranularity::Day => "1",
                DateGranularity::Week => "2",
                DateGranularity::Month | DateGranularity::Year => "3",
            },
            &e.disorder_type,
            &e.event_type,
            &e.sub_event_type,
            &name(&e.actor1),
            &assoc.join("; "),
            &inter1,
            &name(&e.actor2),
            "",
            &inter2,
            &interaction,
            if inter2 == "Civilians" {
                "Civilian targeting"
            } else {
                ""
            },
            iso,
            region,
            &country,
            e.location.admin1.as_deref().unwrap_or(""),
            e.location.admin2.as_deref().unwrap_or(""),
            "",
            e.location.name.as_deref().unwrap_or(""),
            &opt(e.location.latitude),
            &opt(e.location.longitude),
            &e.location
                .geo_precision
                .map(|p| p.to_string())
                .unwrap_or_default(),
            &sources.join("; "),
            "",
            &notes_dedup.join(" "),
            &e.fatalities.unwrap_or(0).to_string(),
            "",
            &timestamp,
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Write coded rows (an imported dataset's own fields) in the current layout: an imported
/// ACLED CSV comes back out field for field.
pub fn write_rows(
    rows: &[std::collections::BTreeMap<String, String>],
    out: impl Write,
) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for r in rows {
        w.write_record(
            COLUMNS
                .iter()
                .map(|c| r.get(*c).map(String::as_str).unwrap_or("")),
        )?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::dataset;

    #[test]
    fn rows_have_acled_columns_and_words() {
        let mut out = Vec::new();
        write(&dataset(), &EventFilter::default(), &mut out).unwrap();
        let mut r = csv::Reader::from_reader(out.as_slice());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let row = &rows[0];
        assert_eq!(&row[1], "2025-05-14");
        assert_eq!(&row[9], "Rebel group");
        assert_eq!(&row[13], "Rebel group-State forces");
        assert_eq!(&row[15], "586");
        assert_eq!(&row[22], "32.9800");
        assert_eq!(&row[25], "Indus Daily");
        assert!(
            row[27].starts_with("BANNU — A suicide bomber"),
            "{}",
            &row[27]
        );
        assert_eq!(&row[28], "12");
    }

    #[test]
    fn filters_narrow_rows() {
        let data = dataset();
        let count = |f: EventFilter| {
            let mut out = Vec::new();
            write(&data, &f, &mut out).unwrap();
            csv::Reader::from_reader(out.as_slice()).records().count()
        };
        assert_eq!(
            count(EventFilter {
                event_type: Some("Protests".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EventFilter {
                actor: Some("taliban".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EventFilter {
                since: Some("2025-05-15".into()),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            count(EventFilter {
                certainty: Some("alleged".into()),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            count(EventFilter {
                source: Some("Khyber Herald".into()),
                ..Default::default()
            }),
            1
        );
    }
}
