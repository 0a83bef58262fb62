use crate::data::{ActorRecord, PlaceRecord, parse_actors_tsv, parse_places_tsv};
use crate::error::ResolveError;
use crate::matcher::Matcher;
use std::collections::HashMap;
use tessera_extract::normalize_for_matching;
use tessera_model::{Alias, Entity, EntityId, EntityKind, Place};

const PLACES_TSV: &str = include_str!("../data/places.tsv");
const ACTORS_TSV: &str = include_str!("../data/actors.tsv");
const WORLD_TSV: &str = include_str!("../data/world.tsv");
const NATIONALITIES_TSV: &str = include_str!("../data/nationalities.tsv");
const DISTRICTS_TSV: &str = include_str!("../data/districts.tsv");
const OPERATIONS_TSV: &str = include_str!("../data/operations.tsv");

/// Where an id points in the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryRef {
    /// Index into [`Gazetteer::places`].
    Place(usize),
    /// Index into [`Gazetteer::actors`].
    Actor(usize),
    /// Index into [`Gazetteer::groups`] (nationalities, ethnic and religious groups).
    Group(usize),
}

/// A nationality, ethnic, tribal or religious group term ("Afghan", "Baloch", "Shia").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTerm {
    /// The term as written.
    pub term: String,
    /// `nationality`, `ethnic`, `tribe` or `religion`.
    pub kind: String,
    /// Country code it refers to, when a nationality.
    pub refers_to: Option<String>,
}

/// Places and actors, embedded and user-supplied, addressable by id and by name.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<PlaceRecord>,
    actors: Vec<ActorRecord>,
    groups: Vec<GroupTerm>,
    /// Nationality words in lower case, and the country each refers to.
    nationalities: HashMap<String, String>,
    /// Named military operations, by their letters and digits in lower case, and the place
    /// id of the area each was fought in.
    operations: HashMap<String, String>,
    approximate: std::collections::HashSet<String>,
    by_id: HashMap<String, EntryRef>,
}

/// An operation's name as looked up: its letters and digits in lower case ("Zarb-e-Azb",
/// "Zarb e Azb" → "zarbeazb").
fn operation_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Gazetteer {
    /// The gazetteer and actor list that ship with the binary.
    pub fn embedded() -> Result<Self, ResolveError> {
        let mut g = Gazetteer::default();
        g.add_places(parse_places_tsv(PLACES_TSV, "embedded places.tsv")?);
        g.add_places(parse_places_tsv(WORLD_TSV, "embedded world.tsv")?);
        g.add_unplaced_districts();
        g.add_actors(parse_actors_tsv(ACTORS_TSV, "embedded actors.tsv")?);
        g.groups = NATIONALITIES_TSV
            .lines()
            .skip(1)
            .filter_map(|l| {
                let mut c = l.split('\t');
                let term = c.next()?.trim();
                let kind = c.next()?.trim();
                let refers = c.next().map(str::trim).filter(|r| !r.is_empty());
                (!term.is_empty()).then(|| GroupTerm {
                    term: term.to_owned(),
                    kind: kind.to_owned(),
                    refers_to: refers.map(str::to_owned),
                })
            })
            .collect();
        g.nationalities = g
            .groups
            .iter()
            .filter(|t| t.kind == "nationality")
            .filter_map(|t| Some((t.term.to_lowercase(), t.refers_to.clone()?)))
            .collect();
        g.operations = OPERATIONS_TSV
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with('#'))
            .flat_map(|l| {
                let mut c = l.split('\t');
                let name = c.next().unwrap_or("");
                let aliases = c.next().unwrap_or("");
                let area = c.next().unwrap_or("").trim().to_owned();
                std::iter::once(name)
                    .chain(aliases.split('|'))
                    .map(operation_key)
                    .filter(|k| !k.is_empty())
                    .map(move |k| (k, area.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        Ok(g)
    }

    /// Add places; a record with a known id replaces the old one.
    pub fn add_places(&mut self, places: impl IntoIterator<Item = PlaceRecord>) {
        for p in places {
            match self.by_id.get(&p.id) {
                Some(EntryRef::Place(i)) => self.places[*i] = p,
                _ => {
                    self.by_id
                        .insert(p.id.clone(), EntryRef::Place(self.places.len()));
                    self.places.push(p);
                }
            }
        }
    }

    /// Add actors; a record with a known id replaces the old one.
    pub fn add_actors(&mut self, actors: impl IntoIterator<Item = ActorRecord>) {
        for a in actors {
            match self.by_id.get(&a.id) {
                Some(EntryRef::Actor(i)) => self.actors[*i] = a,
                _ => {
                    self.by_id
                        .insert(a.id.clone(), EntryRef::Actor(self.actors.len()));
                    self.actors.push(a);
                }
            }
        }
    }

    /// Districts the hand-written list names but whose seat is not placed ("?" in
    /// `districts.tsv`): known by name and province, located at a rough point or at the
    /// province's capital, and flagged approximate.
    fn add_unplaced_districts(&mut self) {
        let slug = |s: &str| normalize_for_matching(s).replace(' ', "-");
        let mut rows = Vec::new();
        for line in DISTRICTS_TSV
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with('#'))
        {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 4 || !c[3].starts_with('?') {
                continue;
            }
            let (cc, a1, name) = (c[0], c[1], c[2]);
            let rough = c[3][1..]
                .split_once(',')
                .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
            let capital = self
                .places
                .iter()
                .find(|p| {
                    p.level == tessera_model::PlaceLevel::Admin1
                        && p.country == cc
                        && p.admin1.as_deref() == Some(a1)
                })
                .map(|p| (p.lat, p.lon));
            let Some((lat, lon)) = rough.or(capital) else {
                continue;
            };
            let id = format!("adm2:{cc}:{}:{}", slug(a1), slug(name));
            if self.by_id.contains_key(&id) {
                continue;
            }
            self.approximate.insert(id.clone());
            rows.push(PlaceRecord {
                id,
                level: tessera_model::PlaceLevel::Admin2,
                name: name.to_owned(),
                country: cc.to_owned(),
                admin1: Some(a1.to_owned()),
                admin2: Some(name.to_owned()),
                lat,
                lon,
                population: None,
                aliases: c
                    .get(4)
                    .map(|a| {
                        a.split('|')
                            .filter(|x| !x.trim().is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
        self.add_places(rows);
    }

    /// True when a place's coordinates stand in for an unknown position (a district located
    /// at its province's capital).
    pub fn is_approximate(&self, id: &str) -> bool {
        self.approximate.contains(id)
    }

    /// All places.
    pub fn places(&self) -> &[PlaceRecord] {
        &self.places
    }

    /// All actors.
    pub fn actors(&self) -> &[ActorRecord] {
        &self.actors
    }

    /// Nationality, ethnic, tribal and religious group terms.
    pub fn groups(&self) -> &[GroupTerm] {
        &self.groups
    }

    /// Find an entry by id.
    pub fn get(&self, id: &str) -> Option<EntryRef> {
        self.by_id.get(id).copied()
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&PlaceRecord> {
        match self.get(id)? {
            EntryRef::Place(i) => self.places.get(i),
            _ => None,
        }
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&ActorRecord> {
        match self.get(id)? {
            EntryRef::Actor(i) => self.actors.get(i),
            _ => None,
        }
    }

    /// Entries whose name or an alias normalises to the same words as `name`.
    pub fn lookup(&self, name: &str) -> Vec<EntryRef> {
        let key = normalize_for_matching(name);
        let mut out = Vec::new();
        for (i, a) in self.actors.iter().enumerate() {
            if std::iter::once(&a.name)
                .chain(&a.aliases)
                .any(|n| normalize_for_matching(n) == key)
            {
                out.push(EntryRef::Actor(i));
            }
        }
        for (i, p) in self.places.iter().enumerate() {
            if std::iter::once(&p.name)
                .chain(&p.aliases)
                .any(|n| normalize_for_matching(n) == key)
            {
                out.push(EntryRef::Place(i));
            }
        }
        out
    }

    /// The model entity for an id (what the store keeps for a mention's `entity_id`).
    pub fn entity(&self, id: &str) -> Option<Entity> {
        let alias = |n: &String| Alias {
            name: n.clone(),
            introduced_by: None,
        };
        Some(match self.get(id)? {
            EntryRef::Place(i) => {
                let p = &self.places[i];
                Entity {
                    id: EntityId(p.id.clone()),
                    kind: EntityKind::Place,
                    name: p.name.clone(),
                    aliases: p.aliases.iter().map(alias).collect(),
                    actor_type: None,
                    country: Some(p.country.clone()),
                    parent: None,
                    place: Some(Place {
                        level: p.level,
                        country: p.country.clone(),
                        admin1: p.admin1.clone(),
                        admin2: p.admin2.clone(),
                        latitude: p.lat,
                        longitude: p.lon,
                        population: p.population,
                    }),
                }
            }
            EntryRef::Group(_) => return None,
            EntryRef::Actor(i) => {
                let a = &self.actors[i];
                Entity {
                    id: EntityId(a.id.clone()),
                    kind: a.kind,
                    name: a.name.clone(),
                    aliases: a.aliases.iter().map(alias).collect(),
                    actor_type: Some(a.acled_type),
                    country: a.country.clone(),
                    parent: a.parent.clone().map(EntityId),
                    place: None,
                }
            }
        })
    }

    /// Build the matcher over every name and alias.
    pub fn matcher(&self) -> Matcher {
        Matcher::new(self)
    }
}

impl tessera_extract::kb::KnowledgeBase for Gazetteer {
    fn place(&self, id: &str) -> Option<tessera_extract::kb::PlaceInfo> {
        let p = Gazetteer::place(self, id)?;
        Some(tessera_extract::kb::PlaceInfo {
            name: p.name.clone(),
            level: p.level,
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            admin2: p.admin2.clone(),
            lat: p.lat,
            lon: p.lon,
            approximate: self.is_approximate(id),
        })
    }

    fn group_described_as(&self, cue: &str, country: &str, admin1: &str) -> Option<String> {
        let has_cue = |name: &String| {
            name.split(|c: char| !c.is_alphanumeric()).any(|w| {
                w.eq_ignore_ascii_case(cue)
                    || w.strip_suffix('s')
                        .is_some_and(|w| w.eq_ignore_ascii_case(cue))
            })
        };
        let mut found = self.actors.iter().filter(|a| {
            a.kind == EntityKind::ArmedGroup
                && a.country.as_deref() == Some(country)
                && std::iter::once(&a.name).chain(&a.aliases).any(has_cue)
                && a.area
                    .as_deref()
                    .and_then(|area| Gazetteer::place(self, area))
                    .is_some_and(|p| p.admin1.as_deref() == Some(admin1))
        });
        let first = found.next()?;
        found.next().is_none().then(|| first.id.clone())
    }

    fn operation_area(&self, name: &str) -> Option<String> {
        self.operations.get(&operation_key(name)).cloned()
    }

    /// The country's name as the gazetteer gives it ("QA" → "Qatar"), so that an event
    /// abroad names its country too.
    fn country_name(&self, code: &str) -> Option<String> {
        Gazetteer::place(self, &format!("cc:{code}"))
            .map(|p| p.name.clone())
            .or_else(|| {
                use tessera_extract::kb::EmptyKb;
                EmptyKb.country_name(code)
            })
    }

    fn nationality(&self, word: &str) -> Option<String> {
        if word.chars().any(char::is_uppercase) {
            self.nationalities.get(&word.to_lowercase()).cloned()
        } else {
            self.nationalities.get(word).cloned()
        }
    }

    fn actor(&self, id: &str) -> Option<tessera_extract::kb::ActorInfo> {
        let a = Gazetteer::actor(self, id)?;
        Some(tessera_extract::kb::ActorInfo {
            name: a.name.clone(),
            actor_type: a.acled_type,
            kind: a.kind,
            country: a.country.clone(),
            area: a.area.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_model::PlaceLevel;

    #[test]
    fn every_operation_is_placed_in_a_known_area() {
        use tessera_extract::kb::KnowledgeBase;
        let g = Gazetteer::embedded().unwrap();
        assert!(g.operations.len() > 10);
        for (name, area) in &g.operations {
            assert!(Gazetteer::place(&g, area).is_some(), "{name}: {area}");
        }
        assert_eq!(
            g.operation_area("Zarb e-Azb").as_deref(),
            Some("adm2:PK:khyber-pakhtunkhwa:north-waziristan")
        );
        assert_eq!(g.operation_area("Zarb"), None);
    }

    #[test]
    fn groups_described_without_a_name() {
        use tessera_extract::kb::KnowledgeBase;
        let g = Gazetteer::embedded().unwrap();
        assert_eq!(
            g.group_described_as("separatist", "PK", "Balochistan")
                .as_deref(),
            Some("actor:baloch-separatists")
        );
        // No separatist group is listed for Punjab; a plain noun names no group.
        assert_eq!(g.group_described_as("separatist", "PK", "Punjab"), None);
        assert_eq!(g.group_described_as("gunmen", "PK", "Balochistan"), None);
    }

    #[test]
    fn embedded_data_is_complete() {
        let g = Gazetteer::embedded().unwrap();
        let count = |cc: &str, level: PlaceLevel| {
            g.places()
                .iter()
                .filter(|p| p.country == cc && p.level == level)
                .count()
        };
        assert_eq!(count("PK", PlaceLevel::Admin1), 7);
        assert_eq!(count("AF", PlaceLevel::Admin1), 34);
        assert!(count("PK", PlaceLevel::Populated) + count("AF", PlaceLevel::Populated) >= 890);
        assert!(g.actors().len() >= 120);
        // Every parent exists, every actor has a name.
        for a in g.actors() {
            assert!(!a.name.is_empty());
            if let Some(p) = &a.parent {
                assert!(g.actor(p).is_some(), "{} has unknown parent {p}", a.id);
            }
            // An area is a place of the gazetteer.
            if let Some(area) = &a.area {
                assert!(g.place(area).is_some(), "{} has unknown area {area}", a.id);
            }
        }
        assert_eq!(
            g.actor("actor:mqm").and_then(|a| a.area.as_deref()),
            Some("adm1:PK-SD")
        );
        for name in [
            "Khowst",
            "Paktya",
            "Vardak",
            "North Waziristan",
            "Bajaur",
            "Quetta",
        ] {
            assert!(!g.lookup(name).is_empty(), "{name} not in the gazetteer");
        }
        let ttp = g.entity("actor:ttp").unwrap();
        assert_eq!(ttp.actor_type.map(|t| t.as_str()), Some("Rebel group"));
    }

    #[test]
    fn user_records_replace_by_id() {
        let mut g = Gazetteer::embedded().unwrap();
        let mut ttp = g.actor("actor:ttp").unwrap().clone();
        let n = g.actors().len();
        ttp.aliases.push("Khawarij of TTP".into());
        g.add_actors([ttp]);
        assert_eq!(g.actors().len(), n);
        assert!(
            g.actor("actor:ttp")
                .unwrap()
                .aliases
                .iter()
                .any(|a| a == "Khawarij of TTP")
        );
    }
}
