//! Actor networks for Gephi and networkx: actors as nodes (with ACLED type), one weighted,
//! time-stamped edge per directed dyad (actor1 → actor2) with the number of events, their
//! mean Goldstein value and whether the relation is hostile.

use crate::{Dataset, EventFilter, ExportError, xml};
use std::collections::BTreeMap;
use std::io::Write;

/// Network file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GraphML (networkx `read_graphml`, Gephi, yEd).
    GraphMl,
    /// GEXF 1.3 with edge start and end dates (Gephi's timeline).
    Gexf,
}

/// An actor node.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable node id: the entity id, or `name:` and the name.
    pub id: String,
    /// The actor's name.
    pub label: String,
    /// ACLED actor type.
    pub actor_type: String,
    /// Events it took part in.
    pub events: u32,
    /// Its designations ("UN Security Council QDe.132 (2011-07-29)"), `; `-separated.
    pub designations: String,
}

/// A directed dyad.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Initiator node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Events between them.
    pub weight: u32,
    /// Mean Goldstein value (negative is hostile).
    pub goldstein: f64,
    /// First event date.
    pub start: Option<String>,
    /// Last event date.
    pub end: Option<String>,
    /// Deaths in their events.
    pub fatalities: u32,
}

/// The nodes and edges of the events a filter keeps, in a stable order.
pub fn build(data: &Dataset, filter: &EventFilter) -> (Vec<Node>, Vec<Edge>) {
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut edges: BTreeMap<(String, String), (Edge, f64, u32)> = BTreeMap::new();
    let id_of = |a: &tessera_model::Actor| {
        a.entity_id
            .as_ref()
            .map_or_else(|| format!("name:{}", a.name), |e| e.0.clone())
    };
    for f in data.filtered(filter) {
        let e = &f.event;
        for a in e.actor1.iter().chain(&e.actor2) {
            let n = nodes.entry(id_of(a)).or_insert_with(|| Node {
                id: id_of(a),
                label: a.name.clone(),
                actor_type: a.actor_type.clone().unwrap_or_default(),
                events: 0,
                designations: a
                    .entity_id
                    .as_ref()
                    .and_then(|e| data.designations.get(&e.0))
                    .map(|d| d.join("; "))
                    .unwrap_or_default(),
            });
            n.events += 1;
        }
        let (Some(a), Some(b)) = (&e.actor1, &e.actor2) else {
            continue;
        };
        let (s, t) = (id_of(a), id_of(b));
        if s == t {
            continue;
        }
        let date = e.date.start.clone();
        let slot = edges.entry((s.clone(), t.clone())).or_insert_with(|| {
            (
                Edge {
                    source: s,
                    target: t,
                    weight: 0,
                    goldstein: 0.0,
                    start: date.clone(),
                    end: date.clone(),
                    fatalities: 0,
                },
                0.0,
                0,
            )
        });
        slot.0.weight += 1;
        slot.0.fatalities += e.fatalities.unwrap_or(0);
        if let Some(g) = e.goldstein {
            slot.1 += g;
            slot.2 += 1;
        }
        if date.is_some() {
            if slot.0.start.is_none() || date < slot.0.start {
                slot.0.start = date.clone();
            }
            if date > slot.0.end {
                slot.0.end = date;
            }
        }
    }
    let edges = edges
        .into_values()
        .map(|(mut e, sum, n)| {
            e.goldstein = if n > 0 {
                (sum / f64::from(n) * 10.0).round() / 10.0
            } else {
                0.0
            };
            e
        })
        .collect();
    (nodes.into_values().collect(), edges)
}

/// Write the network.
pub fn write(
    data: &Dataset,
    filter: &EventFilter,
    format: Format,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let (nodes, edges) = build(data, filter);
    let mut s = String::new();
    match format {
        Format::GraphMl => {
            s.push_str(concat!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
                "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
                "  <key id=\"actor_type\" for=\"node\" attr.name=\"actor_type\" attr.type=\"string\"/>\n",
                "  <key id=\"events\" for=\"node\" attr.name=\"events\" attr.type=\"int\"/>\n",
                "  <key id=\"designations\" for=\"node\" attr.name=\"designations\" attr.type=\"string\"/>\n",
                "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n",
                "  <key id=\"goldstein\" for=\"edge\" attr.name=\"goldstein\" attr.type=\"double\"/>\n",
                "  <key id=\"hostile\" for=\"edge\" attr.name=\"hostile\" attr.type=\"boolean\"/>\n",
                "  <key id=\"fatalities\" for=\"edge\" attr.name=\"fatalities\" attr.type=\"int\"/>\n",
                "  <key id=\"start\" for=\"edge\" attr.name=\"start\" attr.type=\"string\"/>\n",
                "  <key id=\"end\" for=\"edge\" attr.name=\"end\" attr.type=\"string\"/>\n",
                "  <graph id=\"actors\" edgedefault=\"directed\">\n",
            ));
            for n in &nodes {
                s.push_str(&format!(
                    "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"actor_type\">{}</data><data key=\"events\">{}</data><data key=\"designations\">{}</data></node>\n",
                    xml(&n.id), xml(&n.label), xml(&n.actor_type), n.events, xml(&n.designations)
                ));
            }
            for (i, e) in edges.iter().enumerate() {
                s.push_str(&format!(
                    "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data><data key=\"goldstein\">{}</data><data key=\"hostile\">{}</data><data key=\"fatalities\">{}</data><data key=\"start\">{}</data><data key=\"end\">{}</data></edge>\n",
                    xml(&e.source), xml(&e.target), e.weight, e.goldstein, e.goldstein < 0.0,
                    e.fatalities, xml(e.start.as_deref().unwrap_or("")), xml(e.end.as_deref().unwrap_or(""))
                ));
            }
            s.push_str("  </graph>\n</graphml>\n");
        }
        Format::Gexf => {
            s.push_str(concat!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n",
                "  <meta><creator>Tessera</creator><description>Actor network: one edge per directed dyad</description></meta>\n",
                "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n",
                "    <attributes class=\"node\">\n",
                "      <attribute id=\"0\" title=\"actor_type\" type=\"string\"/>\n",
                "      <attribute id=\"1\" title=\"events\" type=\"integer\"/>\n",
                "      <attribute id=\"2\" title=\"designations\" type=\"string\"/>\n",
                "    </attributes>\n",
                "    <attributes class=\"edge\">\n",
                "      <attribute id=\"0\" title=\"goldstein\" type=\"double\"/>\n",
                "      <attribute id=\"1\" title=\"hostile\" type=\"boolean\"/>\n",
                "      <attribute id=\"2\" title=\"fatalities\" type=\"integer\"/>\n",
                "    </attributes>\n",
                "    <nodes>\n",
            ));
            for n in &nodes {
                s.push_str(&format!(
                    "      <node id=\"{}\" label=\"{}\"><attvalues><attvalue for=\"0\" value=\"{}\"/><attvalue for=\"1\" value=\"{}\"/><attvalue for=\"2\" value=\"{}\"/></attvalues></node>\n",
                    xml(&n.id), xml(&n.label), xml(&n.actor_type), n.events, xml(&n.designations)
                ));
            }
            s.push_str("    </nodes>\n    <edges>\n");
            for (i, e) in edges.iter().enumerate() {
                let mut span = String::new();
                if let Some(d) = &e.start {
                    span.push_str(&format!(" start=\"{}\"", xml(d)));
                }
                if let Some(d) = &e.end {
                    span.push_str(&format!(" end=\"{}\"", xml(d)));
                }
                s.push_str(&format!(
                    "      <edge id=\"e{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"{span}><attvalues><attvalue for=\"0\" value=\"{}\"/><attvalue for=\"1\" value=\"{}\"/><attvalue for=\"2\" value=\"{}\"/></attvalues></edge>\n",
                    xml(&e.source), xml(&e.target), e.weight, e.goldstein, e.goldstein < 0.0, e.fatalities
                ));
            }
            s.push_str("    </edges>\n  </graph>\n</gexf>\n");
        }
    }
    out.write_all(s.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{dataset, event};

    #[test]
    fn one_weighted_edge_per_dyad() {
        let mut data = dataset();
        data.events.push(event(
            "ev:3",
            "r1",
            "Suicide bomb",
            3,
            "Tehrik-i-Taliban Pakistan",
            "Police Forces of Pakistan",
        ));
        let (nodes, edges) = build(&data, &EventFilter::default());
        assert_eq!(nodes.len(), 3);
        let ttp = edges.iter().find(|e| e.source == "actor:ttp").unwrap();
        assert_eq!((ttp.weight, ttp.fatalities, ttp.goldstein), (2, 15, -9.0));
        let mut out = Vec::new();
        write(&data, &EventFilter::default(), Format::GraphMl, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("<edge id=\"e0\""), "{text}");
        assert_eq!(text.matches("<edge ").count(), edges.len());
    }
}
