use crate::error::ResolveError;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use tessera_model::{ActorType, EntityKind, PlaceLevel};

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRecord {
    /// Stable id (`gn:<geonameid>`, `adm1:PK-KP`, `adm2:…`).
    pub id: String,
    /// Administrative level.
    pub level: PlaceLevel,
    /// Common English name.
    pub name: String,
    /// ISO country code.
    pub country: String,
    /// Province name.
    pub admin1: Option<String>,
    /// District name.
    pub admin2: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population when known.
    pub population: Option<u64>,
    /// Other spellings.
    pub aliases: Vec<String>,
}

/// An actor of the actor list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    /// Stable id (`actor:ttp`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// ACLED actor type.
    pub acled_type: ActorType,
    /// Country code, empty for transnational actors.
    pub country: Option<String>,
    /// Parent actor id (a faction's group).
    pub parent: Option<String>,
    /// Other names and abbreviations, in their real case.
    pub aliases: Vec<String>,
    /// Where the actor is based, as a place id (`adm1:PK-SD` for a Sindhi party): the
    /// province an event falls back to when its report names no place at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
}

const PLACES_HEADER: &str =
    "id\tkind\tname\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\taliases";
const ACTORS_HEADER: &str = "id\tname\tkind\tacled_type\tcountry\tparent\taliases";
/// The same with the optional last column.
const ACTORS_HEADER_AREA: &str = "id\tname\tkind\tacled_type\tcountry\tparent\taliases\tarea";

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn split_aliases(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

fn rows<'t>(
    text: &'t str,
    origin: &str,
    header: &str,
) -> Result<impl Iterator<Item = (usize, Vec<&'t str>)>, ResolveError> {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some(header) {
        return Err(ResolveError::Header {
            origin: origin.to_owned(),
            expected: header.replace('\t', "\\t"),
        });
    }
    Ok(lines
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 2, l.split('\t').collect())))
}

/// Parse the places TSV (`id kind name country admin1 admin2 lat lon population aliases`).
pub fn parse_places_tsv(text: &str, origin: &str) -> Result<Vec<PlaceRecord>, ResolveError> {
    let mut out = Vec::new();
    for (line, cols) in rows(text, origin, PLACES_HEADER)? {
        if cols.len() != 10 {
            return Err(ResolveError::Columns {
                origin: origin.into(),
                line,
                expected: 10,
                found: cols.len(),
            });
        }
        let field = |field: &'static str, message: String| ResolveError::Field {
            origin: origin.into(),
            line,
            field,
            message,
        };
        let level = PlaceLevel::parse(cols[1])
            .ok_or_else(|| field("kind", format!("unknown kind {:?}", cols[1])))?;
        let lat: f64 = cols[6]
            .parse()
            .map_err(|_| field("lat", format!("{:?} is not a number", cols[6])))?;
        let lon: f64 = cols[7]
            .parse()
            .map_err(|_| field("lon", format!("{:?} is not a number", cols[7])))?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(field("lat", format!("({lat}, {lon}) is not a coordinate")));
        }
        let population = match cols[8].trim() {
            "" => None,
            p => Some(
                p.parse()
                    .map_err(|_| field("population", format!("{p:?} is not a count")))?,
            ),
        };
        out.push(PlaceRecord {
            id: cols[0].trim().to_owned(),
            level,
            name: cols[2].trim().to_owned(),
            country: cols[3].trim().to_owned(),
            admin1: opt(cols[4]),
            admin2: opt(cols[5]),
            lat,
            lon,
            population,
            aliases: split_aliases(cols[9]),
        });
    }
    Ok(out)
}

/// Parse an actors TSV (`id name kind acled_type country parent aliases`, and optionally
/// `area`, a place id).
pub fn parse_actors_tsv(text: &str, origin: &str) -> Result<Vec<ActorRecord>, ResolveError> {
    let mut out = Vec::new();
    let with_area = text.lines().next().map(str::trim_end) == Some(ACTORS_HEADER_AREA);
    let (header, columns) = if with_area {
        (ACTORS_HEADER_AREA, 8)
    } else {
        (ACTORS_HEADER, 7)
    };
    for (line, cols) in rows(text, origin, header)? {
        if cols.len() != columns {
            return Err(ResolveError::Columns {
                origin: origin.into(),
                line,
                expected: columns,
                found: cols.len(),
            });
        }
        let field = |field: &'static str, message: String| ResolveError::Field {
            origin: origin.into(),
            line,
            field,
            message,
        };
        out.push(ActorRecord {
            id: cols[0].trim().to_owned(),
            name: cols[1].trim().to_owned(),
            kind: EntityKind::parse(cols[2].trim())
                .ok_or_else(|| field("kind", format!("unknown kind {:?}", cols[2])))?,
            acled_type: ActorType::parse(cols[3]).ok_or_else(|| {
                field(
                    "acled_type",
                    format!("unknown ACLED actor type {:?}", cols[3]),
                )
            })?,
            country: opt(cols[4]),
            parent: opt(cols[5]),
            aliases: split_aliases(cols[6]),
            area: cols.get(7).and_then(|a| opt(a)),
        });
    }
    Ok(out)
}

/// Parse a JSON actor file: an array of objects with the TSV's fields (`aliases` an array).
pub fn parse_actors_json(text: &str, origin: &str) -> Result<Vec<ActorRecord>, ResolveError> {
    serde_json::from_str(text).map_err(|e| ResolveError::Json {
        origin: origin.into(),
        message: e.to_string(),
    })
}

/// GeoNames admin1 codes of Pakistan and Afghanistan, to province names as the embedded
/// gazetteer spells them; other countries keep their codes unless the dump has ADM1 rows.
fn known_admin1(country: &str, code: &str) -> Option<&'static str> {
    let table: &[(&str, &str, &str)] = &[
        ("PK", "01", "Khyber Pakhtunkhwa"), // former FATA, merged in 2018
        ("PK", "02", "Balochistan"),
        ("PK", "03", "Khyber Pakhtunkhwa"),
        ("PK", "04", "Punjab"),
        ("PK", "05", "Sindh"),
        ("PK", "06", "Azad Kashmir"),
        ("PK", "07", "Gilgit-Baltistan"),
        ("PK", "08", "Islamabad Capital Territory"),
    ];
    table
        .iter()
        .find(|(c, k, _)| *c == country && *k == code)
        .map(|(_, _, n)| *n)
}

/// Read a standard GeoNames dump (19 tab-separated columns: `allCountries.txt`, `PK.txt`,
/// `cities500.txt`): populated places (class P) and ADM1/ADM2 divisions. Rows that do not parse
/// are returned as errors with their line; the rest still come through.
pub fn parse_geonames_dump(
    path: &Path,
) -> Result<(Vec<PlaceRecord>, Vec<ResolveError>), ResolveError> {
    let origin = path.display().to_string();
    let open = || {
        std::fs::File::open(path)
            .map(BufReader::new)
            .map_err(|source| ResolveError::Io {
                origin: origin.clone(),
                source,
            })
    };
    // First pass: names of ADM1/ADM2 divisions, so places get names, not codes.
    let mut admin1: HashMap<(String, String), String> = HashMap::new();
    let mut admin2: HashMap<(String, String, String), String> = HashMap::new();
    for line in open()?.lines().map_while(Result::ok) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() == 19 && c[6] == "A" {
            match c[7] {
                "ADM1" => {
                    admin1.insert((c[8].into(), c[10].into()), c[2].into());
                }
                "ADM2" => {
                    admin2.insert((c[8].into(), c[10].into(), c[11].into()), c[2].into());
                }
                _ => {}
            }
        }
    }
    let mut places = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in open()?.lines().enumerate() {
        let line_no = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(source) => {
                errors.push(ResolveError::Io {
                    origin: format!("{origin}:{line_no}"),
                    source,
                });
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() != 19 {
            errors.push(ResolveError::Columns {
                origin: origin.clone(),
                line: line_no,
                expected: 19,
                found: c.len(),
            });
            continue;
        }
        let level = match (c[6], c[7]) {
            ("P", _) => PlaceLevel::Populated,
            ("A", "ADM1") => PlaceLevel::Admin1,
            ("A", "ADM2") => PlaceLevel::Admin2,
            _ => continue,
        };
        let (Ok(lat), Ok(lon)) = (c[4].parse::<f64>(), c[5].parse::<f64>()) else {
            errors.push(ResolveError::Field {
                origin: origin.clone(),
                line: line_no,
                field: "latitude/longitude",
                message: format!("{:?}/{:?} are not numbers", c[4], c[5]),
            });
            continue;
        };
        let country = c[8].to_owned();
        let a1 = known_admin1(&country, c[10])
            .map(str::to_owned)
            .or_else(|| admin1.get(&(country.clone(), c[10].to_owned())).cloned())
            .or_else(|| opt(c[10]));
        let a2 = admin2
            .get(&(country.clone(), c[10].to_owned(), c[11].to_owned()))
            .cloned();
        let name = if c[2].is_empty() { c[1] } else { c[2] }.to_owned();
        let aliases = c[3]
            .split(',')
            .map(str::trim)
            .filter(|a| a.len() >= 3 && a.is_ascii() && !a.eq_ignore_ascii_case(&name))
            .map(str::to_owned)
            .collect();
        places.push(PlaceRecord {
            id: format!("gn:{}", c[0]),
            level,
            name: name.clone(),
            country,
            admin1: if level == PlaceLevel::Admin1 {
                Some(name.clone())
            } else {
                a1
            },
            admin2: if level == PlaceLevel::Admin2 {
                Some(name)
            } else {
                a2
            },
            lat,
            lon,
            population: c[14].parse().ok().filter(|p| *p > 0),
            aliases,
        });
    }
    Ok((places, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_errors_name_the_line() {
        let bad = format!("{PLACES_HEADER}\ngn:1\tplace\tX\tPK\t\t\t91\t70\t\t\n");
        let e = parse_places_tsv(&bad, "p.tsv").unwrap_err().to_string();
        assert!(e.starts_with("p.tsv:2: field `lat`"), "{e}");
        let e = parse_actors_tsv("id\tname\n", "a.tsv")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.tsv:1: unexpected header"), "{e}");
        let bad = format!("{ACTORS_HEADER}\nactor:x\tX\tarmed_group\tRebels\tPK\t\tX1\n");
        let e = parse_actors_tsv(&bad, "a.tsv").unwrap_err().to_string();
        assert!(e.starts_with("a.tsv:2: field `acled_type`"), "{e}");
    }

    #[test]
    fn actor_area_column_is_optional() {
        let row = "actor:x\tX\tarmed_group\tRebel group\tPK\t\tX1";
        let plain = parse_actors_tsv(&format!("{ACTORS_HEADER}\n{row}\n"), "a.tsv").unwrap();
        assert_eq!(plain[0].area, None);
        let with = format!("{ACTORS_HEADER_AREA}\n{row}\tadm1:PK-SD\n{row}\t\n");
        let with = parse_actors_tsv(&with, "a.tsv").unwrap();
        assert_eq!(with[0].area.as_deref(), Some("adm1:PK-SD"));
        assert_eq!(with[1].area, None);
        // Under the longer header every row has the column.
        let short = format!("{ACTORS_HEADER_AREA}\n{row}\n");
        let e = parse_actors_tsv(&short, "a.tsv").unwrap_err().to_string();
        assert!(e.starts_with("a.tsv:2:"), "{e}");
    }

    #[test]
    fn geonames_dump_rows_become_places() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("PK.txt");
        let rows = [
            "1168197\tQuetta\tQuetta\tKwatah,Quetta City\t30.18414\t67.00141\tP\tPPLA\tPK\t\t02\t\t\t\t733675\t\t1700\tAsia/Karachi\t2020-01-01",
            "9999\tSome District\tSome District\t\t30\t67\tA\tADM2\tPK\t\t02\t77\t\t\t0\t\t\t\t2020-01-01",
            "5555\tNew Town\tNew Town\t\t30.1\t67.1\tP\tPPL\tPK\t\t02\t77\t\t\t900\t\t\t\t2020-01-01",
            "7777\tA Stream\tA Stream\t\t30\t67\tH\tSTM\tPK\t\t02\t\t\t\t0\t\t\t\t2020-01-01",
            "broken\trow",
        ];
        std::fs::write(&p, rows.join("\n")).unwrap();
        let (places, errors) = parse_geonames_dump(&p).unwrap();
        assert_eq!(places.len(), 3);
        assert_eq!(places[0].admin1.as_deref(), Some("Balochistan"));
        assert_eq!(places[0].aliases, ["Kwatah", "Quetta City"]);
        assert_eq!(places[2].admin2.as_deref(), Some("Some District"));
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].to_string().contains("PK.txt:5: expected 19"),
            "{}",
            errors[0]
        );
    }
}
