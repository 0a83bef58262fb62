//! Designation lists: the UN Security Council consolidated list (XML) and a simple CSV for
//! national lists (`authority,regime,reference,name,aliases,listed_on,delisted_on`, aliases
//! separated by `|`).

use crate::ImportError;
use serde::{Deserialize, Serialize};
use std::io::Read;

/// A listing: who listed whom, under which regime, since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Designation {
    /// Stable id: authority and reference number.
    pub id: String,
    /// Who designates ("UN Security Council", "Pakistan NACTA").
    pub authority: String,
    /// Sanctions regime or list ("Al-Qaida", "Taliban", "ATA 1997 First Schedule").
    pub regime: String,
    /// The authority's reference number ("QDe.132").
    pub reference: String,
    /// The listed name as written.
    pub name: String,
    /// Other names, abbreviations included ("TTP").
    pub aliases: Vec<String>,
    /// Listed on (ISO date).
    pub listed_on: Option<String>,
    /// Delisted on (ISO date), if it was.
    pub delisted_on: Option<String>,
    /// `entity` or `individual`.
    pub kind: String,
}

impl Designation {
    /// Its names in order of trust: first the listed name and its parts ("X (ABC)" gives "X";
    /// "X / Y" gives both), then full aliases, then abbreviations (five characters or fewer,
    /// which alone never identify an actor: "ISI" is a UN alias of al-Qaida in Iraq and also
    /// Pakistan's intelligence service).
    pub fn names_by_trust(&self) -> [Vec<String>; 3] {
        let short = |n: &str| n.chars().filter(|c| c.is_alphanumeric()).count() <= 5;
        let mut primary = vec![self.name.trim().to_owned()];
        let mut abbreviations = Vec::new();
        // "X (ABC)-Y" is "X-Y" with the abbreviation ABC.
        let base = match (self.name.rfind('('), self.name.rfind(')')) {
            (Some(open), Some(close)) if open < close => {
                abbreviations.push(self.name[open + 1..close].trim().to_owned());
                format!(
                    "{}{}",
                    self.name[..open].trim_end(),
                    &self.name[close + 1..]
                )
                .trim()
                .to_owned()
            }
            _ => self.name.trim().to_owned(),
        };
        primary.push(base.clone());
        for part in base.split(" / ") {
            let part = part.trim();
            if short(part) {
                abbreviations.push(part.to_owned());
            } else {
                primary.push(part.to_owned());
            }
        }
        let mut aliases = Vec::new();
        for a in &self.aliases {
            let a = a.trim();
            if short(a) {
                abbreviations.push(a.to_owned());
            } else {
                aliases.push(a.to_owned());
            }
        }
        let mut tiers = [primary, aliases, abbreviations];
        for t in &mut tiers {
            t.retain(|n| !n.is_empty());
            t.dedup();
        }
        tiers
    }

    /// Every name it goes by: the name, its parenthesised abbreviation, its aliases.
    pub fn names(&self) -> Vec<String> {
        let mut out = vec![self.name.trim().to_owned()];
        if let (Some(open), Some(close)) = (self.name.rfind('('), self.name.rfind(')'))
            && open < close
        {
            out.push(self.name[..open].trim().to_owned());
            out.push(self.name[open + 1..close].trim().to_owned());
        }
        out.extend(self.aliases.iter().map(|a| a.trim().to_owned()));
        out.retain(|n| !n.is_empty());
        out.dedup();
        out
    }
}

#[derive(Deserialize)]
struct List {
    #[serde(rename = "INDIVIDUALS", default)]
    individuals: Individuals,
    #[serde(rename = "ENTITIES", default)]
    entities: Entities,
}

#[derive(Deserialize, Default)]
struct Individuals {
    #[serde(rename = "INDIVIDUAL", default)]
    list: Vec<Listed>,
}

#[derive(Deserialize, Default)]
struct Entities {
    #[serde(rename = "ENTITY", default)]
    list: Vec<Listed>,
}

#[derive(Deserialize)]
struct Alias {
    #[serde(rename = "ALIAS_NAME", default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct Listed {
    #[serde(rename = "FIRST_NAME", default)]
    first: Option<String>,
    #[serde(rename = "SECOND_NAME", default)]
    second: Option<String>,
    #[serde(rename = "THIRD_NAME", default)]
    third: Option<String>,
    #[serde(rename = "FOURTH_NAME", default)]
    fourth: Option<String>,
    #[serde(rename = "UN_LIST_TYPE", default)]
    regime: Option<String>,
    #[serde(rename = "REFERENCE_NUMBER", default)]
    reference: Option<String>,
    #[serde(rename = "LISTED_ON", default)]
    listed_on: Option<String>,
    #[serde(rename = "DELISTED_ON", default)]
    delisted_on: Option<String>,
    #[serde(rename = "ENTITY_ALIAS", default)]
    entity_aliases: Vec<Alias>,
    #[serde(rename = "INDIVIDUAL_ALIAS", default)]
    individual_aliases: Vec<Alias>,
}

/// `2015-04-07-04:00` (with an offset, as some UN entries have) to `2015-04-07`.
fn date(s: Option<String>) -> Option<String> {
    let s = s?;
    let d = s.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .map(|d| d.to_string())
}

/// Whether the text at a `<` opens real markup: `<?…?>`, `<!…>`, or a tag `<NAME …>`,
/// `</NAME>`, `<NAME/>` with nothing but attributes up to its `>`.
fn is_markup(rest: &str) -> bool {
    if rest.starts_with("<?") || rest.starts_with("<!") {
        return true;
    }
    let Some(end) = rest.find('>') else {
        return false;
    };
    let inner = &rest[1..end];
    if inner.contains('<') {
        return false;
    }
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let name: String = inner.chars().take_while(|c| !c.is_whitespace()).collect();
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
        && (name.len() == inner.len() || inner[name.len()..].contains('='))
}

/// Escape every `&` that does not start an XML entity and every `<` that does not open
/// markup, returning the byte offsets repaired: damaged copies of the list carry such
/// characters in otherwise sound XML.
pub fn repair_ampersands(text: &str) -> (String, Vec<u64>) {
    let mut out = String::with_capacity(text.len());
    let mut repaired = Vec::new();
    for (i, c) in text.char_indices() {
        if c == '<' && !is_markup(&text[i..]) {
            out.push_str("&lt;");
            repaired.push(i as u64);
            continue;
        }
        if c == '&' {
            let rest = &text[i + 1..];
            let end = rest.find(';').filter(|&e| e <= 10);
            let valid = end.is_some_and(|e| {
                let name = &rest[..e];
                matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                    || name
                        .strip_prefix("#x")
                        .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                    || name
                        .strip_prefix('#')
                        .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
            });
            if !valid {
                out.push_str("&amp;");
                repaired.push(i as u64);
                continue;
            }
        }
        out.push(c);
    }
    (out, repaired)
}

/// What reading a UN list gave: the designations, and the byte offsets of stray `&` repaired.
#[derive(Debug, Clone)]
pub struct UnList {
    /// The designations, entities first.
    pub designations: Vec<Designation>,
    /// Offsets of ampersands escaped to make the XML well formed.
    pub repaired: Vec<u64>,
}

/// Read the UN Security Council consolidated list.
pub fn read_un_xml(mut input: impl Read, origin: &str) -> Result<UnList, ImportError> {
    let mut text = String::new();
    input
        .read_to_string(&mut text)
        .map_err(|source| ImportError::Io {
            origin: origin.into(),
            source,
        })?;
    let (text, repaired) = repair_ampersands(&text);
    let list: List = quick_xml::de::from_str(&text).map_err(|e| ImportError::Xml {
        origin: origin.into(),
        offset: 0,
        message: e.to_string(),
    })?;
    let convert = |l: Listed, kind: &str| {
        let name = [l.first, l.second, l.third, l.fourth]
            .into_iter()
            .flatten()
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let reference = l.reference.unwrap_or_default().trim().to_owned();
        let aliases = l
            .entity_aliases
            .into_iter()
            .chain(l.individual_aliases)
            .filter_map(|a| a.name)
            .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|a| !a.is_empty() && !a.contains("[lost in this copy]"))
            .collect();
        Designation {
            id: format!("un:{reference}"),
            authority: "UN Security Council".into(),
            regime: l.regime.unwrap_or_default().trim().to_owned(),
            reference,
            name,
            aliases,
            listed_on: date(l.listed_on),
            delisted_on: date(l.delisted_on),
            kind: kind.into(),
        }
    };
    let mut out: Vec<Designation> = list
        .entities
        .list
        .into_iter()
        .map(|l| convert(l, "entity"))
        .collect();
    out.extend(
        list.individuals
            .list
            .into_iter()
            .map(|l| convert(l, "individual")),
    );
    Ok(UnList {
        designations: out,
        repaired,
    })
}

/// Read a simple designation CSV; a bad row is an error with its line and the rest go on.
pub fn read_csv<'a>(
    input: impl Read + 'a,
    origin: &'a str,
) -> impl Iterator<Item = Result<Designation, ImportError>> + 'a {
    #[derive(Deserialize)]
    struct Row {
        authority: String,
        #[serde(default)]
        regime: String,
        reference: String,
        name: String,
        #[serde(default)]
        aliases: String,
        #[serde(default)]
        listed_on: String,
        #[serde(default)]
        delisted_on: String,
    }
    let reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(input);
    reader.into_deserialize::<Row>().map(move |r| {
        let line_of = |e: &csv::Error| e.position().map_or(0, |p| p.line());
        let r = r.map_err(|e| ImportError::Row {
            origin: origin.into(),
            line: line_of(&e),
            message: e.to_string(),
        })?;
        let opt_date = |s: &str| -> Result<Option<String>, ImportError> {
            if s.is_empty() {
                return Ok(None);
            }
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| Some(d.to_string()))
                .map_err(|_| ImportError::Row {
                    origin: origin.into(),
                    line: 0,
                    message: format!("{s:?} is not a date (YYYY-MM-DD)"),
                })
        };
        if r.name.is_empty() || r.reference.is_empty() || r.authority.is_empty() {
            return Err(ImportError::Row {
                origin: origin.into(),
                line: 0,
                message: "authority, reference and name are required".into(),
            });
        }
        Ok(Designation {
            id: format!(
                "{}:{}",
                r.authority.to_lowercase().replace(' ', "-"),
                r.reference
            ),
            authority: r.authority,
            regime: r.regime,
            reference: r.reference,
            name: r.name,
            aliases: r
                .aliases
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
            listed_on: opt_date(&r.listed_on)?,
            delisted_on: opt_date(&r.delisted_on)?,
            kind: "entity".into(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2025-08-16">
<INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>MAULANA</FIRST_NAME><SECOND_NAME>FAZLULLAH</SECOND_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.352</REFERENCE_NUMBER><LISTED_ON>2015-04-07-04:00</LISTED_ON><INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS></INDIVIDUAL></INDIVIDUALS>
<ENTITIES><ENTITY><DATAID>2</DATAID><FIRST_NAME>TEHRIK-E TALIBAN PAKISTAN (TTP)</FIRST_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDe.132</REFERENCE_NUMBER><LISTED_ON>2011-07-29</LISTED_ON><ENTITY_ALIAS><QUALITY>a</QUALITY><ALIAS_NAME>Tehrik-I-Taliban</ALIAS_NAME></ENTITY_ALIAS><ENTITY_ALIAS><QUALITY>a</QUALITY><ALIAS_NAME>[lost in this copy]</ALIAS_NAME></ENTITY_ALIAS></ENTITY></ENTITIES></CONSOLIDATED_LIST>"#;

    #[test]
    fn un_entities_and_individuals_with_names_and_dates() {
        let d = read_un_xml(XML.as_bytes(), "un.xml").unwrap().designations;
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].id, "un:QDe.132");
        assert_eq!(
            d[0].names(),
            [
                "TEHRIK-E TALIBAN PAKISTAN (TTP)",
                "TEHRIK-E TALIBAN PAKISTAN",
                "TTP",
                "Tehrik-I-Taliban"
            ]
        );
        assert_eq!(d[0].listed_on.as_deref(), Some("2011-07-29"));
        assert_eq!(d[1].name, "MAULANA FAZLULLAH");
        assert_eq!(d[1].listed_on.as_deref(), Some("2015-04-07"));
        assert!(
            read_un_xml(
                "<CONSOLIDATED_LIST><ENTITIES><ENTITY>".as_bytes(),
                "bad.xml"
            )
            .is_err()
        );
    }

    #[test]
    fn stray_ampersands_are_escaped_and_reported() {
        let (t, at) = repair_ampersands("a & b &amp; c &#38; d &x");
        assert_eq!(t, "a &amp; b &amp; c &#38; d &amp;x");
        assert_eq!(at, [2, 22]);
        let (t, _) = repair_ampersands("<NOTE>script: E<04 (8H0=8 #<>2 1C<</NOTE><A x=\"1\"/>");
        assert_eq!(
            t,
            "<NOTE>script: E&lt;04 (8H0=8 #&lt;>2 1C&lt;</NOTE><A x=\"1\"/>"
        );
    }

    #[test]
    fn csv_rows_and_their_errors() {
        let csv = "authority,regime,reference,name,aliases,listed_on,delisted_on\n\
                   Pakistan NACTA,ATA 1997,NACTA-1,Tehrik-i-Taliban Pakistan,TTP|Pakistani Taliban,2008-08-25,\n\
                   Pakistan NACTA,ATA 1997,NACTA-2,Somebody,,25/08/2008,\n";
        let rows: Vec<_> = read_csv(csv.as_bytes(), "n.csv").collect();
        let d = rows[0].as_ref().unwrap();
        assert_eq!(d.aliases, ["TTP", "Pakistani Taliban"]);
        assert!(rows[1].is_err());
    }
}
