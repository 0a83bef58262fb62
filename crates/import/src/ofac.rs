//! OFAC's Specially Designated Nationals list: the legacy CSV files (`sdn.csv`, with `alt.csv`
//! for aliases; no header, `-0-` for empty) or a JSON extract of it (an array of
//! `{ent_num, name, programs, remarks, aliases: [{type, name}]}`).

use crate::{Designation, ImportError};
use serde::Deserialize;
use std::collections::BTreeMap;

fn field(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-0-").then(|| s.to_owned())
}

fn designation(
    ent_num: &str,
    name: &str,
    kind: Option<&str>,
    programs: &str,
    aliases: Vec<String>,
) -> Designation {
    Designation {
        id: format!("ofac:{}", ent_num.trim()),
        authority: "US Treasury OFAC".into(),
        regime: programs
            .trim()
            .trim_matches(['[', ']'])
            .replace("] [", "; "),
        reference: ent_num.trim().to_owned(),
        name: name.trim().to_owned(),
        aliases,
        listed_on: None,
        delisted_on: None,
        kind: match kind.map(str::to_ascii_lowercase).as_deref() {
            Some("individual") => "individual".into(),
            _ => "entity".into(),
        },
    }
}

/// Read the SDN list from `sdn.csv` text and, optionally, `alt.csv` text. Rows with a bad
/// entity number are errors with their line; the rest go on.
pub fn read_csv(
    sdn: &str,
    alt: Option<&str>,
    origin: &str,
) -> (Vec<Designation>, Vec<ImportError>) {
    let mut errors = Vec::new();
    let records = |text: &str| -> Vec<(u64, csv::StringRecord)> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .into_records()
            .filter_map(Result::ok)
            .map(|r| (r.position().map_or(0, |p| p.line()), r))
            .collect()
    };
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, r) in alt.map(records).unwrap_or_default() {
        if let (Some(ent), Some(name)) = (r.get(0).and_then(field), r.get(3).and_then(field)) {
            aliases.entry(ent).or_default().push(name);
        }
    }
    let mut out = Vec::new();
    for (line, r) in records(sdn) {
        let ent = r.get(0).unwrap_or("").trim();
        if ent.is_empty() || !ent.chars().all(|c| c.is_ascii_digit()) {
            // The file's end-of-data marker is a lone control character; anything else is bad.
            if r.len() > 1 {
                errors.push(ImportError::Row {
                    origin: origin.into(),
                    line,
                    message: format!("entity number {ent:?} is not a number"),
                });
            }
            continue;
        }
        let Some(name) = r.get(1).and_then(field) else {
            errors.push(ImportError::Row {
                origin: origin.into(),
                line,
                message: "no name".into(),
            });
            continue;
        };
        let kind = r.get(2).and_then(field);
        let programs = r.get(3).and_then(field).unwrap_or_default();
        out.push(designation(
            ent,
            &name,
            kind.as_deref(),
            &programs,
            aliases.remove(ent).unwrap_or_default(),
        ));
    }
    (out, errors)
}

#[derive(Deserialize)]
struct JsonAlias {
    name: String,
}

#[derive(Deserialize)]
struct JsonEntry {
    ent_num: String,
    name: String,
    #[serde(default)]
    programs: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    aliases: Vec<JsonAlias>,
}

/// Read a JSON extract of the SDN list.
pub fn read_json(text: &str, origin: &str) -> Result<Vec<Designation>, ImportError> {
    let entries: Vec<JsonEntry> = serde_json::from_str(text).map_err(|e| ImportError::Row {
        origin: origin.into(),
        line: e.line() as u64,
        message: e.to_string(),
    })?;
    Ok(entries
        .into_iter()
        .map(|e| {
            let aliases = e
                .aliases
                .into_iter()
                .map(|a| a.name)
                .filter(|a| !a.trim().is_empty())
                .collect();
            designation(&e.ent_num, &e.name, e.kind.as_deref(), &e.programs, aliases)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdn_and_alt_files() {
        let sdn = "4688,\"ABU SAYYAF GROUP\",-0- ,\"FTO] [SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n\
                   x12,\"BROKEN\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n\
                   \u{1a}\n";
        let alt = "4688,1,\"aka\",\"AL HARAKAT AL ISLAMIYYA\",-0- \n";
        let (list, errors) = read_csv(sdn, Some(alt), "sdn.csv");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, "ofac:4688");
        assert_eq!(list[0].regime, "FTO; SDGT");
        assert_eq!(list[0].aliases, ["AL HARAKAT AL ISLAMIYYA"]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].to_string().starts_with("sdn.csv:2:"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn json_extract() {
        let list = read_json(r#"[{"ent_num":"9","name":"TEHRIK-E TALIBAN PAKISTAN","programs":"FTO] [SDGT","aliases":[{"type":"aka","name":"TTP"}]}]"#, "fto.json").unwrap();
        assert_eq!(list[0].names_by_trust()[0][0], "TEHRIK-E TALIBAN PAKISTAN");
        assert!(read_json("[{", "x.json").is_err());
    }
}
