//! GDELT 2.0 event records (tab-separated, 61 columns, no header), for comparing Tessera with
//! machine coding. Events keep their CAMEO code and Goldstein value, take their place from
//! `ActionGeo`, and are marked `unknown` certainty: nobody checked them.

use crate::{CodedRow, ImportError};
use std::collections::BTreeMap;
use std::io::Read;
use tessera_model::{
    Actor, Certainty, DateGranularity, DateType, Event, EventDate, EventLocation, Modality,
};

/// The 61 column names of GDELT 2.0 events.
pub const COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// ACLED event type, sub-event type and disorder type for a CAMEO root code.
fn acled_type(root: &str) -> (&'static str, &'static str, &'static str) {
    match root {
        "14" => ("Protests", "Peaceful protest", "Demonstrations"),
        "18" => ("Violence against civilians", "Attack", "Political violence"),
        "19" => ("Battles", "Armed clash", "Political violence"),
        "20" => (
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            "Political violence",
        ),
        _ => ("Strategic developments", "Other", "Strategic developments"),
    }
}

/// Read GDELT 2.0 events: each record, or the error that stopped it (with its line).
pub fn read<'a>(
    input: impl Read + 'a,
    origin: &'a str,
) -> impl Iterator<Item = Result<CodedRow, ImportError>> + 'a {
    csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(input)
        .into_records()
        .map(move |r| {
            let r = r.map_err(|e| ImportError::Row {
                origin: origin.into(),
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })?;
            let line = r.position().map_or(0, |p| p.line());
            let bad = |message: String| ImportError::Row {
                origin: origin.into(),
                line,
                message,
            };
            if r.len() != COLUMNS.len() {
                return Err(bad(format!(
                    "{} columns, not the 61 of GDELT 2.0 events",
                    r.len()
                )));
            }
            let fields: BTreeMap<String, String> = COLUMNS
                .iter()
                .map(|c| (*c).to_owned())
                .zip(r.iter().map(str::to_owned))
                .collect();
            let get = |k: &str| fields[k].trim();
            let day = chrono::NaiveDate::parse_from_str(get("Day"), "%Y%m%d")
                .map_err(|_| bad(format!("Day {:?} is not YYYYMMDD", get("Day"))))?;
            let root = get("EventRootCode");
            let (event_type, sub, disorder) = acled_type(root);
            let name = |k: &str| Some(get(k).to_owned()).filter(|s| !s.is_empty());
            let actor = |k: &str| {
                name(k).map(|n| Actor {
                    name: n,
                    entity_id: None,
                    actor_type: None,
                })
            };
            let geo_precision = match get("ActionGeo_Type") {
                "3" | "4" => Some(1),
                "1" | "2" | "5" => Some(3),
                _ => None,
            };
            let event = Event {
                id: format!("gdelt:{}", get("GlobalEventID")),
                document_ids: vec![],
                event_type: event_type.into(),
                sub_event_type: sub.into(),
                disorder_type: disorder.into(),
                cameo_code: Some(root.to_owned()).filter(|s| !s.is_empty()),
                goldstein: get("GoldsteinScale").parse().ok(),
                modality: Modality::Occurred,
                date: EventDate {
                    start: Some(day.to_string()),
                    end: Some(day.to_string()),
                    granularity: DateGranularity::Day,
                    date_type: DateType::Exact,
                },
                location: EventLocation {
                    name: name("ActionGeo_FullName"),
                    admin1: None,
                    admin2: None,
                    country: name("ActionGeo_CountryCode"),
                    latitude: get("ActionGeo_Lat").parse().ok(),
                    longitude: get("ActionGeo_Long").parse().ok(),
                    geo_precision,
                },
                actor1: actor("Actor1Name"),
                actor2: actor("Actor2Name"),
                associated_actors: vec![],
                fatalities: None,
                fatalities_low: None,
                fatalities_high: None,
                injured: None,
                arrested: None,
                certainty: Certainty::Unknown,
                attributed_to: Some("GDELT".into()),
                evidence: vec![],
            };
            Ok(CodedRow {
                fields,
                document: None,
                event,
                line,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_map_to_events_and_short_lines_are_errors() {
        let mut cols: Vec<String> = vec![String::new(); 61];
        cols[0] = "1160001".into();
        cols[1] = "20240301".into();
        cols[6] = "PAKISTAN".into();
        cols[16] = "MILITANT".into();
        cols[28] = "19".into();
        cols[30] = "-10.0".into();
        cols[51] = "4".into();
        cols[52] = "Bannu, North-West Frontier, Pakistan".into();
        cols[56] = "32.98".into();
        cols[57] = "70.60".into();
        let text = format!("{}\n1\t20240301\n", cols.join("\t"));
        let rows: Vec<_> = read(text.as_bytes(), "g.tsv").collect();
        let e = &rows[0].as_ref().unwrap().event;
        assert_eq!(
            (e.event_type.as_str(), e.goldstein),
            ("Battles", Some(-10.0))
        );
        assert_eq!(e.location.geo_precision, Some(1));
        assert_eq!(e.certainty, Certainty::Unknown);
        assert!(
            rows[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("g.tsv:2: 2 columns")
        );
    }
}
