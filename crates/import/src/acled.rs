//! ACLED CSV exports, current and older layouts.

use crate::ImportError;
use std::collections::BTreeMap;
use std::io::Read;
use tessera_model::{
    Actor, Certainty, DateGranularity, DateType, DocId, Document, DocumentMeta, Event, EventDate,
    EventLocation, Modality, SourceFormat,
};

/// ACLED's current columns, in order.
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// One coded row.
#[derive(Debug, Clone)]
pub struct CodedRow {
    /// The row's fields under ACLED's current column names (older layouts are mapped).
    pub fields: BTreeMap<String, String>,
    /// The note, as a document to extract from (`acled:<event_id_cnty>`); none for datasets
    /// without text (UCDP).
    pub document: Option<Document>,
    /// The coded event, attributed to ACLED.
    pub event: Event,
    /// Its line in the file.
    pub line: u64,
}

/// ACLED's actor-type words for the old numeric interaction codes.
fn inter_words(code: &str) -> &str {
    match code.trim() {
        "1" => "State forces",
        "2" => "Rebel group",
        "3" => "Political militia",
        "4" => "Identity militia",
        "5" => "Rioters",
        "6" => "Protesters",
        "7" => "Civilians",
        "8" => "External/Other forces",
        "0" | "" => "",
        other => other,
    }
}

/// The current event type, sub-event type and disorder type for an old event type.
fn old_event_type(t: &str) -> (&'static str, &'static str, &'static str) {
    match t.to_ascii_lowercase().as_str() {
        "riots/protests" => ("Protests", "", "Demonstrations"),
        "battle-no change of territory" => ("Battles", "Armed clash", "Political violence"),
        "battle-government regains territory" => (
            "Battles",
            "Government regains territory",
            "Political violence",
        ),
        "battle-non-state actor overtakes territory" => (
            "Battles",
            "Non-state actor overtakes territory",
            "Political violence",
        ),
        "remote violence" => ("Explosions/Remote violence", "", "Political violence"),
        "violence against civilians" => ("Violence against civilians", "", "Political violence"),
        "strategic development" | "strategic developments" => {
            ("Strategic developments", "", "Strategic developments")
        }
        "headquarters or base established" => (
            "Strategic developments",
            "Headquarters or base established",
            "Strategic developments",
        ),
        "non-violent transfer of territory" => (
            "Strategic developments",
            "Non-violent transfer of territory",
            "Strategic developments",
        ),
        _ => ("", "", ""),
    }
}

/// An ISO date from ACLED's date forms: `2015-01-01`, `01-January-2015`, `01 January 2015`.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    for f in ["%Y-%m-%d", "%d-%B-%Y", "%d %B %Y", "%d-%b-%Y", "%d/%m/%Y"] {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(s, f) {
            return Some(d.to_string());
        }
    }
    None
}

/// ISO 3166 numeric and alpha-2 codes and ACLED region of the countries of the first theatre
/// and its neighbours.
pub fn country_codes(country: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match country {
        "Pakistan" => ("586", "PK", "South Asia"),
        "Afghanistan" => ("4", "AF", "South Asia"),
        "India" => ("356", "IN", "South Asia"),
        "Bangladesh" => ("50", "BD", "South Asia"),
        "Iran" => ("364", "IR", "Middle East"),
        "Tajikistan" => ("762", "TJ", "Caucasus and Central Asia"),
        "Uzbekistan" => ("860", "UZ", "Caucasus and Central Asia"),
        "Turkmenistan" => ("795", "TM", "Caucasus and Central Asia"),
        "China" => ("156", "CN", "East Asia"),
        _ => return None,
    })
}

/// Map an old upper-case row to the current column names.
fn current_fields(raw: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    if raw.contains_key("event_id_cnty") {
        return raw.clone();
    }
    let get = |k: &str| raw.get(k).cloned().unwrap_or_default();
    let (event_type, sub, disorder) = old_event_type(&get("EVENT_TYPE"));
    let (i1, i2) = (
        inter_words(&get("INTER1")).to_owned(),
        inter_words(&get("INTER2")).to_owned(),
    );
    let interaction = match (i1.is_empty(), i2.is_empty()) {
        (false, false) => format!("{i1}-{i2}"),
        (false, true) => format!("{i1} only"),
        _ => String::new(),
    };
    let country = get("COUNTRY");
    let mut f = BTreeMap::new();
    let mut set = |k: &str, v: String| {
        f.insert(k.to_owned(), v);
    };
    set("event_id_cnty", get("EVENT_ID_CNTY"));
    set(
        "event_date",
        iso_date(&get("EVENT_DATE")).unwrap_or_else(|| get("EVENT_DATE")),
    );
    set("year", get("YEAR"));
    set("time_precision", get("TIME_PRECISION"));
    set("disorder_type", disorder.into());
    set("event_type", event_type.into());
    set("sub_event_type", sub.into());
    set("actor1", get("ACTOR1"));
    set("assoc_actor_1", get("ALLY_ACTOR_1"));
    set("inter1", i1.clone());
    set("actor2", get("ACTOR2"));
    set("assoc_actor_2", get("ALLY_ACTOR_2"));
    set("inter2", i2.clone());
    set("interaction", interaction);
    set(
        "civilian_targeting",
        if i2 == "Civilians" {
            "Civilian targeting".into()
        } else {
            String::new()
        },
    );
    let (iso, _, region) = country_codes(&country).unwrap_or_default();
    set("iso", iso.into());
    set("region", region.into());
    set("country", country);
    for k in [
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
    ] {
        set(k, get(&k.to_ascii_uppercase()));
    }
    set("source_scale", String::new());
    set("tags", String::new());
    set("timestamp", String::new());
    f
}

fn event_of(f: &BTreeMap<String, String>, doc: &DocId) -> Event {
    let get = |k: &str| f.get(k).map(String::as_str).unwrap_or("").trim();
    let opt = |k: &str| Some(get(k).to_owned()).filter(|s| !s.is_empty());
    let actor = |name: &str, kind: &str| {
        (!get(name).is_empty()).then(|| Actor {
            name: get(name).to_owned(),
            entity_id: None,
            actor_type: opt(kind),
        })
    };
    let date = opt("event_date");
    let granularity = match get("time_precision") {
        "2" => DateGranularity::Week,
        "3" => DateGranularity::Month,
        _ => DateGranularity::Day,
    };
    let fatalities = get("fatalities").parse().ok();
    Event {
        id: format!("acled:{}", get("event_id_cnty")),
        document_ids: vec![doc.clone()],
        event_type: get("event_type").to_owned(),
        sub_event_type: get("sub_event_type").to_owned(),
        disorder_type: get("disorder_type").to_owned(),
        cameo_code: None,
        goldstein: None,
        modality: Modality::Occurred,
        date: EventDate {
            start: date.clone(),
            end: date.clone(),
            granularity,
            date_type: if date.is_some() {
                if granularity == DateGranularity::Day {
                    DateType::Exact
                } else {
                    DateType::Approximate
                }
            } else {
                DateType::Unresolved
            },
        },
        location: EventLocation {
            name: opt("location"),
            admin1: opt("admin1"),
            admin2: opt("admin2"),
            country: opt("country"),
            latitude: get("latitude").parse().ok(),
            longitude: get("longitude").parse().ok(),
            geo_precision: get("geo_precision").parse().ok(),
        },
        actor1: actor("actor1", "inter1"),
        actor2: actor("actor2", "inter2"),
        associated_actors: get("assoc_actor_1")
            .split(';')
            .chain(get("assoc_actor_2").split(';'))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Actor {
                name: s.to_owned(),
                entity_id: None,
                actor_type: None,
            })
            .collect(),
        fatalities,
        fatalities_low: fatalities,
        fatalities_high: fatalities,
        injured: None,
        arrested: None,
        certainty: Certainty::Certain,
        attributed_to: Some("ACLED".into()),
        evidence: vec![],
    }
}

/// Read an ACLED CSV: each row, or the error that stopped it (with its line); the rest go on.
pub fn read<'a>(
    input: impl Read + 'a,
    origin: &'a str,
) -> impl Iterator<Item = Result<CodedRow, ImportError>> + 'a {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let headers = reader
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect::<Vec<_>>());
    let mut failed_header = None;
    let headers = match headers {
        Ok(h) => h,
        Err(e) => {
            failed_header = Some(ImportError::Row {
                origin: origin.into(),
                line: 1,
                message: e.to_string(),
            });
            Vec::new()
        }
    };
    let id_column = headers
        .iter()
        .any(|h| h == "event_id_cnty" || h == "EVENT_ID_CNTY");
    let header_error = failed_header.or_else(|| {
        (!id_column).then(|| ImportError::Row {
            origin: origin.into(),
            line: 1,
            message: "no event_id_cnty (or EVENT_ID_CNTY) column: not an ACLED export".into(),
        })
    });
    let rows = reader.into_records();
    header_error
        .map(Err)
        .into_iter()
        .chain(rows.filter(move |_| id_column).map(move |r| {
            let r = r.map_err(|e| ImportError::Row {
                origin: origin.into(),
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })?;
            let line = r.position().map_or(0, |p| p.line());
            let raw: BTreeMap<String, String> = headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect();
            let fields = current_fields(&raw);
            let id = fields.get("event_id_cnty").cloned().unwrap_or_default();
            if id.trim().is_empty() {
                return Err(ImportError::Row {
                    origin: origin.into(),
                    line,
                    message: "empty event id".into(),
                });
            }
            let date = fields.get("event_date").cloned().unwrap_or_default();
            if iso_date(&date).is_none() {
                return Err(ImportError::Row {
                    origin: origin.into(),
                    line,
                    message: format!("event_date {date:?} is not a date"),
                });
            }
            let doc_id = DocId(format!("acled:{}", id.trim()));
            let document = Document {
                id: doc_id.clone(),
                version: 0,
                text: fields.get("notes").cloned().unwrap_or_default(),
                meta: DocumentMeta {
                    title: None,
                    published: iso_date(&date),
                    source: fields.get("source").cloned().filter(|s| !s.is_empty()),
                    ..DocumentMeta::default()
                },
                format: SourceFormat::Jsonl,
                origin: Some(format!("{origin}:{line}")),
            };
            let event = event_of(&fields, &doc_id);
            Ok(CodedRow {
                fields,
                document: Some(document),
                event,
                line,
            })
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES\n\
770,5PAK,8000,02-January-2015,2015,1,Battle-No change of territory,Unidentified Armed Group (Pakistan),,3,Military Forces of Pakistan,,1,13,Pakistan,Balochistan,Khuzdar,Naal,Naal,29.54,67.87,1,Daily Today's Muslim,\"1 FC personnel, and 4 militants were killed in an ecnounter in Balochistan\",5\n\
770,6PAK,8001,not a date,2015,1,Riots/Protests,Protesters (Pakistan),,6,,,0,60,Pakistan,Punjab,Lahore,Lahore,Lahore,31.5,74.3,1,Dawn,Traders protested.,0\n";

    #[test]
    fn old_layouts_map_to_current_columns_and_bad_rows_name_their_line() {
        let rows: Vec<_> = read(OLD.as_bytes(), "old.csv").collect();
        let row = rows[0].as_ref().unwrap();
        assert_eq!(row.fields["event_date"], "2015-01-02");
        assert_eq!(row.fields["event_type"], "Battles");
        assert_eq!(row.fields["sub_event_type"], "Armed clash");
        assert_eq!(row.fields["inter1"], "Political militia");
        assert_eq!(row.fields["interaction"], "Political militia-State forces");
        assert_eq!(row.event.location.latitude, Some(29.54));
        assert_eq!(
            row.document.as_ref().unwrap().meta.published.as_deref(),
            Some("2015-01-02")
        );
        let err = rows[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("old.csv:3: event_date"), "{err}");
    }

    #[test]
    fn a_file_that_is_not_acled_says_so() {
        let rows: Vec<_> = read("a,b\n1,2\n".as_bytes(), "x.csv").collect();
        assert_eq!(rows.len(), 1);
        assert!(
            rows[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("not an ACLED export")
        );
    }
}
