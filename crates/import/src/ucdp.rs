//! UCDP Georeferenced Event Dataset (GED) CSV, with or without the HXL tag row that HDX
//! exports carry under the header.
//!
//! Deaths: `best`, `low`, `high`. Precision: `where_prec` 1 (exact place) → ACLED
//! `geo_precision` 1, 2 (within 25 km) and 3 (second-order division) → 2, 4 and beyond
//! (province, country, region) → 3; `date_prec` 1 → a day, 2 → 2–6 days (a week), 3 → a week,
//! 4 → a month, 5 → a year. `type_of_violence` 1 and 2 (state-based, non-state) are Battles,
//! 3 (one-sided) Violence against civilians.

use crate::{CodedRow, ImportError};
use std::collections::BTreeMap;
use std::io::Read;
use tessera_model::{
    Actor, Certainty, DateGranularity, DateType, Event, EventDate, EventLocation, Modality,
};

/// Read a UCDP GED CSV: each row, or the error that stopped it (with its line).
pub fn read<'a>(
    input: impl Read + 'a,
    origin: &'a str,
) -> impl Iterator<Item = Result<CodedRow, ImportError>> + 'a {
    let mut reader = csv::ReaderBuilder::new().from_reader(input);
    let headers: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    let is_ged = headers.iter().any(|h| h == "best") && headers.iter().any(|h| h == "id");
    let header_error = (!is_ged).then(|| ImportError::Row {
        origin: origin.into(),
        line: 1,
        message: "no id/best columns: not a UCDP GED export".into(),
    });
    header_error.map(Err).into_iter().chain(
        reader
            .into_records()
            .filter(move |_| is_ged)
            .filter_map(move |r| {
                let r = match r {
                    Ok(r) => r,
                    Err(e) => {
                        return Some(Err(ImportError::Row {
                            origin: origin.into(),
                            line: e.position().map_or(0, |p| p.line()),
                            message: e.to_string(),
                        }));
                    }
                };
                let line = r.position().map_or(0, |p| p.line());
                let fields: BTreeMap<String, String> = headers
                    .iter()
                    .cloned()
                    .zip(r.iter().map(str::to_owned))
                    .collect();
                let get = |k: &str| fields.get(k).map(String::as_str).unwrap_or("").trim();
                // The HXL row names tags (#date+year …), not an event.
                if get("id").is_empty() && fields.values().any(|v| v.starts_with('#')) {
                    return None;
                }
                Some(row(&fields, origin, line))
            }),
    )
}

fn row(
    fields: &BTreeMap<String, String>,
    origin: &str,
    line: u64,
) -> Result<CodedRow, ImportError> {
    let get = |k: &str| fields.get(k).map(String::as_str).unwrap_or("").trim();
    let bad = |message: String| ImportError::Row {
        origin: origin.into(),
        line,
        message,
    };
    let id = get("id");
    if id.is_empty() {
        return Err(bad("empty id".into()));
    }
    let day = |k: &str| {
        get(k)
            .get(..10)
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let start = day("date_start")
        .ok_or_else(|| bad(format!("date_start {:?} is not a date", get("date_start"))))?;
    let end = day("date_end").unwrap_or(start);
    let number = |k: &str| -> Result<Option<u32>, ImportError> {
        let v = get(k);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse()
            .map(Some)
            .map_err(|_| bad(format!("{k} {v:?} is not a count")))
    };
    let (best, low, high) = (number("best")?, number("low")?, number("high")?);
    let (event_type, sub_event_type, actor2_type) = match get("type_of_violence") {
        "1" => ("Battles", "Armed clash", None),
        "2" => ("Battles", "Armed clash", None),
        "3" => ("Violence against civilians", "Attack", Some("Civilians")),
        other => return Err(bad(format!("type_of_violence {other:?} is not 1, 2 or 3"))),
    };
    let granularity = match get("date_prec") {
        "1" => DateGranularity::Day,
        "2" | "3" => DateGranularity::Week,
        "4" => DateGranularity::Month,
        _ => DateGranularity::Year,
    };
    let geo_precision = match get("where_prec") {
        "1" => 1,
        "2" | "3" => 2,
        _ => 3,
    };
    let name = |k: &str| Some(get(k).to_owned()).filter(|s| !s.is_empty());
    let event = Event {
        id: format!("ucdp:{id}"),
        document_ids: vec![],
        event_type: event_type.into(),
        sub_event_type: sub_event_type.into(),
        disorder_type: "Political violence".into(),
        cameo_code: None,
        goldstein: None,
        modality: Modality::Occurred,
        date: EventDate {
            start: Some(start.to_string()),
            end: Some(end.to_string()),
            granularity,
            date_type: if start == end && granularity == DateGranularity::Day {
                DateType::Exact
            } else if start == end {
                DateType::Approximate
            } else {
                DateType::Range
            },
        },
        location: EventLocation {
            name: name("where_coordinates"),
            admin1: name("adm_1"),
            admin2: name("adm_2"),
            country: name("country"),
            latitude: get("latitude").parse().ok(),
            longitude: get("longitude").parse().ok(),
            geo_precision: Some(geo_precision),
        },
        actor1: name("side_a").map(|n| Actor {
            name: n,
            entity_id: None,
            actor_type: None,
        }),
        actor2: name("side_b").map(|n| Actor {
            name: n,
            entity_id: None,
            actor_type: actor2_type.map(str::to_owned),
        }),
        associated_actors: vec![],
        fatalities: best,
        fatalities_low: low,
        fatalities_high: high,
        injured: None,
        arrested: None,
        certainty: Certainty::Certain,
        attributed_to: Some("UCDP".into()),
        evidence: vec![],
    };
    Ok(CodedRow {
        fields: fields.clone(),
        document: None,
        event,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GED: &str = "id,relid,year,type_of_violence,side_a,side_b,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,best,high,low\n\
,,#date+year,,#group+name+first,#group+name+second,,#loc+name,#adm1+name,#adm2+name,#geo+lat,#geo+lon,#country+name,,#date+start,#date+end,#affected+killed,,\n\
59553,PAK-1990-1,1990,1,Government of India,Government of Pakistan,2,Kel village,Azad Jammu & Kashmir,Neelam district,34.821865,74.355544,Pakistan,1,1990-10-04 00:00:00.000,1990-10-04 00:00:00.000,2,3,2\n\
59554,PAK-1990-2,1990,3,TTP,Civilians,4,Khyber Pakhtunkhwa,Khyber Pakhtunkhwa,,34.0,71.5,Pakistan,4,1990-10-01 00:00:00.000,1990-10-31 00:00:00.000,five,5,5\n";

    #[test]
    fn hxl_row_skipped_precisions_mapped_bad_counts_reported() {
        let rows: Vec<_> = read(GED.as_bytes(), "ged.csv").collect();
        assert_eq!(rows.len(), 2, "the HXL row is not an event");
        let e = &rows[0].as_ref().unwrap().event;
        assert_eq!(
            (e.fatalities, e.fatalities_low, e.fatalities_high),
            (Some(2), Some(2), Some(3))
        );
        assert_eq!(e.location.geo_precision, Some(2));
        assert_eq!(e.date.start.as_deref(), Some("1990-10-04"));
        assert_eq!(e.date.date_type, DateType::Exact);
        let err = rows[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("ged.csv:4: best"), "{err}");
    }
}
