//! Property: any ACLED row in the current layout, imported and exported, comes back field for
//! field (quotes, commas, newlines and non-ASCII included).

use proptest::prelude::*;
use std::collections::BTreeMap;
use tessera_import::acled::{self, COLUMNS};

fn row() -> impl Strategy<Value = BTreeMap<String, String>> {
    let text = "[ -~\u{0600}-\u{06ff}\u{2014}\n\"]{0,40}";
    (
        "[A-Z]{3}[0-9]{1,6}",
        (2000i32..2030, 1u32..13, 1u32..29),
        prop::collection::vec(text, COLUMNS.len() - 2),
    )
        .prop_map(|(id, (y, m, d), rest)| {
            let mut r = BTreeMap::new();
            r.insert("event_id_cnty".to_owned(), id);
            r.insert("event_date".to_owned(), format!("{y:04}-{m:02}-{d:02}"));
            for (c, v) in COLUMNS[2..].iter().zip(rest) {
                r.insert((*c).to_owned(), v);
            }
            r
        })
}

proptest! {
    #[test]
    fn import_then_export_is_the_identity(rows in prop::collection::vec(row(), 1..6)) {
        let mut csv = Vec::new();
        tessera_export::acled_csv::write_rows(&rows, &mut csv).unwrap();
        let back: Vec<BTreeMap<String, String>> = acled::read(csv.as_slice(), "p.csv")
            .map(|r| r.map(|r| r.fields))
            .collect::<Result<_, _>>()
            .unwrap();
        prop_assert_eq!(&back, &rows);
        let mut again = Vec::new();
        tessera_export::acled_csv::write_rows(&back, &mut again).unwrap();
        prop_assert_eq!(again, csv);
    }
}
