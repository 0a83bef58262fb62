use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Normalise a publication date to ISO 8601: `YYYY-MM-DD` for dates, RFC 3339 for datetimes.
///
/// Accepts ISO dates, RFC 3339 / ISO datetimes with or without zone, and RFC 2822 (feeds).
/// Returns `None` when the value is not a date.
pub fn normalize_date(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(v) {
        return Some(dt.to_rfc3339());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(v, fmt) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
        return Some(dt.to_rfc3339());
    }
    // `2025-03-03T10:00:00+0500` (no colon in the offset), common in meta tags.
    if let Ok(dt) = DateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S%z") {
        return Some(dt.to_rfc3339());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_normalise() {
        assert_eq!(normalize_date("2025-03-03").as_deref(), Some("2025-03-03"));
        assert_eq!(
            normalize_date("2025-03-03T10:00:00Z").as_deref(),
            Some("2025-03-03T10:00:00+00:00")
        );
        assert_eq!(
            normalize_date("2025-03-03T10:00:00").as_deref(),
            Some("2025-03-03T10:00:00")
        );
        assert_eq!(
            normalize_date("Mon, 03 Mar 2025 10:00:00 +0500").as_deref(),
            Some("2025-03-03T10:00:00+05:00")
        );
        assert_eq!(normalize_date("yesterday"), None);
        assert_eq!(normalize_date("2025-02-30"), None);
    }
}
