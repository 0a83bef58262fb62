//! An RFC 7946 FeatureCollection of events: WGS84 points, longitude first, with flat
//! properties QGIS can style by type and precision. Events without coordinates keep a `null`
//! geometry, as the RFC allows, so that nothing is silently dropped.

use crate::{Dataset, EventFilter, ExportError};
use serde_json::{Value, json};
use std::io::Write;

/// The collection as a JSON value.
pub fn collection(data: &Dataset, filter: &EventFilter) -> Value {
    let features: Vec<Value> = data
        .filtered(filter)
        .map(|f| {
            let e = &f.event;
            let geometry = match (e.location.longitude, e.location.latitude) {
                (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
                _ => Value::Null,
            };
            json!({
                "type": "Feature",
                "id": e.id,
                "geometry": geometry,
                "properties": {
                    "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type,
                    "disorder_type": e.disorder_type,
                    "date": e.date.start,
                    "date_granularity": e.date.granularity,
                    "location": e.location.name,
                    "admin1": e.location.admin1,
                    "admin2": e.location.admin2,
                    "country": e.location.country,
                    "geo_precision": e.location.geo_precision,
                    "actor1": e.actor1.as_ref().map(|a| &a.name),
                    "actor2": e.actor2.as_ref().map(|a| &a.name),
                    "fatalities": e.fatalities,
                    "fatalities_low": e.fatalities_low,
                    "fatalities_high": e.fatalities_high,
                    "injured": e.injured,
                    "arrested": e.arrested,
                    "certainty": e.certainty,
                    "modality": e.modality,
                    "independent_sources": f.fusion.corroboration.independent_sources,
                    "documents": e.document_ids.len(),
                    "contradictions": f.fusion.contradictions.len(),
                }
            })
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// Write the collection.
pub fn write(data: &Dataset, filter: &EventFilter, mut out: impl Write) -> Result<(), ExportError> {
    serde_json::to_writer(&mut out, &collection(data, filter))?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::dataset;

    #[test]
    fn longitude_comes_first_and_missing_coordinates_stay_null() {
        let mut data = dataset();
        data.events[1].event.location.latitude = None;
        let v = collection(&data, &EventFilter::default());
        assert_eq!(v["type"], "FeatureCollection");
        let f = &v["features"][0];
        assert_eq!(f["geometry"]["coordinates"][0], 70.60);
        assert_eq!(f["geometry"]["coordinates"][1], 32.98);
        assert_eq!(f["properties"]["geo_precision"], 1);
        assert!(v["features"][1]["geometry"].is_null());
    }
}
