//! A STIX 2.1 bundle: armed groups as `threat-actor`, state forces, civilians and protesters as
//! `identity`, places as `location`, each document as a `report` with external references,
//! events as `x-tessera-event` objects declared by an `extension-definition` (new SDO),
//! `relationship`s (attributed-to, targets, located-at) and claims as `note`s whose
//! `confidence` is mapped from certainty. Ids are UUIDv5 over stable keys, and timestamps come
//! from the data, so exporting twice gives the same bundle.

use crate::{Dataset, EventFilter, ExportError};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Write;
use tessera_model::Certainty;
use uuid::Uuid;

/// The namespace of Tessera's STIX ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x7e55_e7a0_5c1d_4f0b_9a3e_2b6d_4c8f_1a20);

/// The custom event object type.
pub const EVENT_TYPE: &str = "x-tessera-event";

fn id(kind: &str, key: &str) -> String {
    format!(
        "{kind}--{}",
        Uuid::new_v5(&NAMESPACE, format!("{kind}\0{key}").as_bytes())
    )
}

/// A STIX timestamp from an ISO date or date-time; the epoch when there is none.
fn timestamp(date: Option<&str>) -> String {
    let Some(d) = date else {
        return "1970-01-01T00:00:00.000Z".into();
    };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(d) {
        return t
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string();
    }
    match d
        .get(..10)
        .and_then(|x| chrono::NaiveDate::parse_from_str(x, "%Y-%m-%d").ok())
    {
        Some(day) => format!("{day}T00:00:00.000Z"),
        None => "1970-01-01T00:00:00.000Z".into(),
    }
}

/// STIX confidence (0–100) for a certainty value.
pub fn confidence(c: Certainty) -> Option<u8> {
    match c {
        Certainty::Certain => Some(95),
        Certainty::Probable => Some(75),
        Certainty::Possible => Some(50),
        Certainty::Alleged => Some(30),
        Certainty::Denied => Some(5),
        Certainty::Unknown => None,
    }
}

fn country_code(country: &str) -> Option<&'static str> {
    tessera_import::acled::country_codes(country).map(|c| c.1)
}

/// The bundle as a JSON value.
pub fn bundle(data: &Dataset, filter: &EventFilter) -> Value {
    let tessera = id("identity", "tessera");
    let extension = id("extension-definition", EVENT_TYPE);
    let mut objects: BTreeMap<String, Value> = BTreeMap::new();
    let epoch = timestamp(None);
    objects.insert(
        tessera.clone(),
        json!({"type": "identity", "spec_version": "2.1", "id": tessera, "created": epoch,
               "modified": epoch, "name": "Tessera", "identity_class": "system",
               "description": "Evidence-tracked coding of conflict reporting"}),
    );
    objects.insert(
        extension.clone(),
        json!({"type": "extension-definition", "spec_version": "2.1", "id": extension,
               "created_by_ref": tessera, "created": epoch, "modified": epoch,
               "name": "Tessera event",
               "description": "An ACLED-style event coded by Tessera from one or more reports: type, date, place, actors, casualties, certainty and the evidence spans it was read from.",
               "schema": "https://example.invalid/tessera/schema/event-1.0.json",
               "version": "1.0.0", "extension_types": ["new-sdo"]}),
    );
    let mut report_refs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let push_rel =
        |objects: &mut BTreeMap<String, Value>, kind: &str, from: &str, to: &str, when: &str| {
            let rid = id("relationship", &format!("{kind}\0{from}\0{to}"));
            objects.entry(rid.clone()).or_insert_with(|| {
                json!({"type": "relationship", "spec_version": "2.1", "id": rid,
                   "created_by_ref": tessera, "created": when, "modified": when,
                   "relationship_type": kind, "source_ref": from, "target_ref": to})
            });
            rid
        };
    for f in data.filtered(filter) {
        let e = &f.event;
        let when = timestamp(
            f.fusion
                .corroboration
                .first_reported
                .as_deref()
                .or(e.date.start.as_deref()),
        );
        let eid = id(EVENT_TYPE, &e.id);
        let mut refs = vec![eid.clone()];
        let mut ev = json!({
            "type": EVENT_TYPE, "spec_version": "2.1", "id": eid, "created_by_ref": tessera,
            "created": when, "modified": when,
            "name": format!("{} ({})", e.sub_event_type, e.location.name.as_deref().unwrap_or("unknown place")),
            "event_type": e.event_type, "sub_event_type": e.sub_event_type,
            "disorder_type": e.disorder_type, "modality": e.modality,
            "date_start": e.date.start, "date_end": e.date.end,
            "fatalities": e.fatalities, "fatalities_low": e.fatalities_low,
            "fatalities_high": e.fatalities_high, "injured": e.injured, "arrested": e.arrested,
            "certainty": e.certainty, "attributed_to": e.attributed_to,
            "independent_sources": f.fusion.corroboration.independent_sources,
            "evidence": e.evidence,
            "extensions": {extension.clone(): {"extension_type": "new-sdo"}},
        });
        if let Some(c) = confidence(e.certainty) {
            ev["confidence"] = json!(c);
        }
        objects.insert(eid.clone(), ev);
        // Actors.
        for (role, actor) in [("actor1", &e.actor1), ("actor2", &e.actor2)] {
            let Some(a) = actor else { continue };
            let key = a
                .entity_id
                .as_ref()
                .map_or_else(|| a.name.clone(), |x| x.0.clone());
            let t = a.actor_type.as_deref().unwrap_or("");
            let armed = matches!(
                t,
                "Rebel group" | "Political militia" | "Identity militia" | "External/Other forces"
            );
            let (kind, extra) = if armed {
                ("threat-actor", json!({}))
            } else {
                let class = match t {
                    "State forces" => "organization",
                    "Civilians" => "class",
                    "Protesters" | "Rioters" => "group",
                    _ => "unknown",
                };
                ("identity", json!({"identity_class": class}))
            };
            let aid = id(kind, &key);
            objects.entry(aid.clone()).or_insert_with(|| {
                let mut o = json!({"type": kind, "spec_version": "2.1", "id": aid,
                    "created_by_ref": tessera, "created": epoch, "modified": epoch,
                    "name": a.name, "description": format!("ACLED actor type: {t}")});
                if let (Some(m), Some(x)) = (o.as_object_mut(), extra.as_object()) {
                    m.extend(x.clone());
                }
                o
            });
            let rel = if role == "actor1" {
                "attributed-to"
            } else {
                "targets"
            };
            // The event is attributed to its initiator and targets its target.
            let (from, to) = (&eid, &aid);
            refs.push(aid.clone());
            refs.push(push_rel(&mut objects, rel, from, to, &when));
        }
        // Place.
        let l = &e.location;
        if l.latitude.is_some() || l.country.as_deref().and_then(country_code).is_some() {
            let key = format!(
                "{:?}\0{:?}\0{:?}\0{:?}",
                l.name, l.admin1, l.latitude, l.longitude
            );
            let lid = id("location", &key);
            objects.entry(lid.clone()).or_insert_with(|| {
                let mut o = json!({"type": "location", "spec_version": "2.1", "id": lid,
                    "created_by_ref": tessera, "created": epoch, "modified": epoch,
                    "name": l.name.clone().unwrap_or_else(|| "unknown".into())});
                if let (Some(la), Some(lo)) = (l.latitude, l.longitude) {
                    o["latitude"] = json!(la);
                    o["longitude"] = json!(lo);
                    // ACLED precision 3 is a province centroid: say so in metres.
                    if l.geo_precision == Some(3) {
                        o["precision"] = json!(50000.0);
                    }
                }
                if let Some(c) = l.country.as_deref().and_then(country_code) {
                    o["country"] = json!(c);
                }
                if let Some(a) = &l.admin1 {
                    o["administrative_area"] = json!(a);
                }
                o
            });
            refs.push(lid.clone());
            refs.push(push_rel(&mut objects, "located-at", &eid, &lid, &when));
        }
        for d in &e.document_ids {
            report_refs
                .entry(d.0.clone())
                .or_default()
                .extend(refs.iter().cloned());
        }
    }
    // Claims as notes on their document's report.
    for c in &data.claims {
        let Some(doc) = c.evidence.first().map(|s| s.document_id.0.clone()) else {
            continue;
        };
        if !report_refs.contains_key(&doc) {
            continue;
        }
        let nid = id("note", &c.id);
        let published = data
            .documents
            .get(&tessera_model::DocId(doc.clone()))
            .and_then(|d| d.published.clone());
        let when = timestamp(published.as_deref());
        let mut note = json!({"type": "note", "spec_version": "2.1", "id": nid,
            "created_by_ref": tessera, "created": when, "modified": when,
            "abstract": c.predicate,
            "content": format!("{} {} {}{}{}", c.subject, c.predicate.replace('_', " "), c.object,
                c.attributed_to.as_ref().map_or(String::new(), |a| format!(" (according to {a})")),
                c.cue.as_ref().map_or(String::new(), |q| format!(" [cue: {q}]"))),
            "object_refs": [id("report", &doc)]});
        if let Some(conf) = confidence(c.certainty) {
            note["confidence"] = json!(conf);
        }
        objects.insert(nid, note);
    }
    // Reports last: they refer to everything their document supports.
    for (doc, mut refs) in report_refs {
        refs.sort();
        refs.dedup();
        let info = data.documents.get(&tessera_model::DocId(doc.clone()));
        let rid = id("report", &doc);
        let mut ext = json!({"source_name": info.and_then(|d| d.source.clone()).unwrap_or_else(|| "tessera".into()),
                             "external_id": doc});
        if let Some(url) = info.and_then(|d| d.url.clone()) {
            ext["url"] = json!(url);
        }
        let published = timestamp(info.and_then(|d| d.published.as_deref()));
        objects.insert(
            rid.clone(),
            json!({"type": "report", "spec_version": "2.1", "id": rid,
            "created_by_ref": tessera, "created": published, "modified": published,
            "name": info.and_then(|d| d.title.clone()).unwrap_or_else(|| doc.clone()),
            "report_types": ["threat-report"], "published": published,
            "object_refs": refs, "external_references": [ext]}),
        );
    }
    // STIX forbids null properties: an unknown figure is left out.
    for o in objects.values_mut() {
        strip_nulls(o);
    }
    let ids: Vec<&String> = objects.keys().collect();
    let bundle_id = id(
        "bundle",
        &ids.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\0"),
    );
    json!({"type": "bundle", "id": bundle_id, "objects": objects.into_values().collect::<Vec<_>>()})
}

fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_nulls);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

/// Write the bundle.
pub fn write(data: &Dataset, filter: &EventFilter, mut out: impl Write) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut out, &bundle(data, filter))?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::dataset;

    #[test]
    fn bundles_are_deterministic_and_typed() {
        let data = dataset();
        let a = bundle(&data, &EventFilter::default());
        assert_eq!(a, bundle(&data, &EventFilter::default()));
        let objects = a["objects"].as_array().unwrap();
        let of = |t: &str| objects.iter().filter(|o| o["type"] == t).count();
        assert_eq!(of(EVENT_TYPE), 2);
        assert_eq!(of("threat-actor"), 1);
        assert_eq!(of("report"), 2);
        assert_eq!(of("extension-definition"), 1);
        let ev = objects.iter().find(|o| o["type"] == EVENT_TYPE).unwrap();
        assert_eq!(ev["confidence"], 30, "alleged");
        assert!(ev["id"].as_str().unwrap().starts_with("x-tessera-event--"));
        for o in objects {
            assert_eq!(o["spec_version"], "2.1");
            assert!(o["created"].as_str().unwrap().ends_with('Z'));
        }
    }

    #[test]
    fn timestamps_from_dates_and_times() {
        assert_eq!(timestamp(Some("2025-05-14")), "2025-05-14T00:00:00.000Z");
        assert_eq!(
            timestamp(Some("2025-05-14T09:30:00+05:00")),
            "2025-05-14T04:30:00.000Z"
        );
        assert_eq!(timestamp(Some("soon")), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn no_null_properties() {
        let mut data = dataset();
        data.events[0].event.injured = None;
        let text = bundle(&data, &EventFilter::default()).to_string();
        assert!(!text.contains("null"), "{text}");
    }
}
