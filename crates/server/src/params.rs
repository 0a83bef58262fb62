//! Query parameters, validated with clear 400s: unknown names are refused (a typo must not
//! silently widen a filter), and every value is checked before it reaches a query.

use crate::error::ApiError;
use tessera_export::EventFilter;

/// The filters every event endpoint takes.
pub const FILTERS: &[&str] = &[
    "since",
    "until",
    "type",
    "admin1",
    "place",
    "bbox",
    "actor",
    "certainty",
    "source",
];

/// A request's query parameters, checked against the names an endpoint allows.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Keep the pairs, refusing any name not in `allowed` (nor `token`, which auth reads).
    pub fn new(pairs: Vec<(String, String)>, allowed: &[&[&str]]) -> Result<Self, ApiError> {
        for (k, _) in &pairs {
            if k != "token" && !allowed.iter().any(|list| list.contains(&k.as_str())) {
                return Err(ApiError::UnknownParameter(k.clone()));
            }
        }
        Ok(Params(pairs))
    }

    /// A non-empty value (the last one when repeated).
    pub fn str(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// An ISO date (`YYYY-MM-DD`).
    pub fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.str(name) {
            None => Ok(None),
            Some(d) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map(|_| Some(d.to_owned()))
                .map_err(|_| ApiError::param(name, format!("{d:?} is not a date (YYYY-MM-DD)"))),
        }
    }

    /// An integer within bounds, or the default.
    pub fn int(&self, name: &str, default: u64, min: u64, max: u64) -> Result<u64, ApiError> {
        match self.str(name) {
            None => Ok(default),
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| {
                    ApiError::param(
                        name,
                        format!("{v:?} is not a whole number from {min} to {max}"),
                    )
                }),
        }
    }

    /// `true`/`false` (also 1/0, yes/no).
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.str(name) {
            None => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(v) => Err(ApiError::param(name, format!("{v:?} is not true or false"))),
        }
    }

    /// One of a fixed set of words.
    pub fn choice<'a>(
        &self,
        name: &str,
        choices: &[&'a str],
        default: &'a str,
    ) -> Result<&'a str, ApiError> {
        match self.str(name) {
            None => Ok(default),
            Some(v) => choices.iter().copied().find(|c| *c == v).ok_or_else(|| {
                ApiError::param(name, format!("{v:?} is not one of {}", choices.join(", ")))
            }),
        }
    }

    /// The analysts' event filters.
    pub fn event_filter(&self) -> Result<EventFilter, ApiError> {
        if let Some(c) = self.str("certainty")
            && tessera_model::Certainty::parse(c).is_none()
        {
            return Err(ApiError::param(
                "certainty",
                format!(
                    "{c:?} is not one of certain, probable, possible, alleged, denied, unknown"
                ),
            ));
        }
        let since = self.date("since")?;
        let until = self.date("until")?;
        if let (Some(s), Some(u)) = (&since, &until)
            && s > u
        {
            return Err(ApiError::param("until", format!("{u} is before since={s}")));
        }
        let bbox = match self.str("bbox") {
            None => None,
            Some(b) => Some(parse_bbox(b)?),
        };
        let owned = |k: &str| self.str(k).map(str::to_owned);
        Ok(EventFilter {
            since,
            until,
            event_type: owned("type"),
            admin1: owned("admin1"),
            place: owned("place"),
            bbox,
            actor: owned("actor"),
            certainty: owned("certainty"),
            source: owned("source"),
        })
    }
}

fn parse_bbox(b: &str) -> Result<[f64; 4], ApiError> {
    let bad = || {
        ApiError::param(
            "bbox",
            format!("{b:?} is not west,south,east,north in degrees"),
        )
    };
    let v: Vec<f64> = b
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    if v.len() != 4 || v.iter().any(|x| !x.is_finite()) {
        return Err(bad());
    }
    if !(v[0] <= v[2] && v[1] <= v[3] && v[1] >= -90.0 && v[3] <= 90.0) {
        return Err(ApiError::param(
            "bbox",
            format!(
                "{b:?}: west must not exceed east, nor south north, and latitudes lie in -90..90"
            ),
        ));
    }
    Ok([v[0], v[1], v[2], v[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Result<Params, ApiError> {
        Params::new(
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            &[FILTERS, &["limit"]],
        )
    }

    #[test]
    fn unknown_names_and_bad_values_are_refused() {
        assert!(matches!(
            p(&[("typ", "Battles")]),
            Err(ApiError::UnknownParameter(_))
        ));
        let bad = |k, v| p(&[(k, v)]).unwrap().event_filter().unwrap_err().code();
        assert_eq!(bad("since", "2025-13-01"), "invalid_parameter");
        assert_eq!(bad("certainty", "sure"), "invalid_parameter");
        assert_eq!(bad("bbox", "1,2,3"), "invalid_parameter");
        assert_eq!(bad("bbox", "70,30,60,35"), "invalid_parameter");
        assert!(
            p(&[("limit", "0")])
                .unwrap()
                .int("limit", 50, 1, 500)
                .is_err()
        );
        let f = p(&[("bbox", "60, 29, 75, 37"), ("type", "Battles")])
            .unwrap()
            .event_filter()
            .unwrap();
        assert_eq!(f.bbox, Some([60.0, 29.0, 75.0, 37.0]));
        assert_eq!(f.event_type.as_deref(), Some("Battles"));
    }
}
