//! The compact format of a generated gazetteer (`lexicons/world.tsv`): one
//! entity a line, read by hand. The world pack's thousand entities and their
//! thousand language forms written as TOML tables cost as much to parse as
//! the rest of the start-up (34 M instructions against 52 M); as lines of
//! tab-separated fields they cost a fraction.
//!
//! ```text
//! # comments
//! @pack<TAB>NAME<TAB>DESCRIPTION
//! ID<TAB>TYPE<TAB>CANONICAL<TAB>SUBTYPE<TAB>COUNTRY<TAB>SHORT<TAB>VARIANTS
//! ```
//!
//! `SHORT` lists accepted forms separated by `|`; `VARIANTS` lists forms
//! `FORM@LANG,LANG` separated by `|`; `-` stands for an empty field. A
//! gazetteer's pack is always `exact` (see [`super::lexicon::Lexicon::load`]).

use crate::entity::EntityType;

/// One entity line, split.
#[derive(Debug, PartialEq)]
pub struct Line<'t> {
    /// Byte offset of the line in the file (errors name it).
    pub at: usize,
    /// Entity id.
    pub id: &'t str,
    /// Person, place or organisation.
    pub kind: EntityType,
    /// Canonical form.
    pub canonical: &'t str,
    /// Subtype: country, capital, city.
    pub subtype: Option<&'t str>,
    /// Id of the entity's country.
    pub country: Option<&'t str>,
    /// Accepted other forms.
    pub short: Vec<&'t str>,
    /// Forms with their languages.
    pub variants: Vec<(&'t str, Vec<&'t str>)>,
}

/// A gazetteer file, split: the pack's name and description, and its lines.
#[derive(Debug, PartialEq)]
pub struct File<'t> {
    /// The pack's name.
    pub name: &'t str,
    /// What the pack holds.
    pub description: &'t str,
    /// Its entities.
    pub lines: Vec<Line<'t>>,
}

/// True if `text` is a gazetteer (its first line that is no comment is its
/// `@pack` line).
pub fn is_gazetteer(text: &str) -> bool {
    text.lines()
        .find(|l| !l.starts_with('#') && !l.trim().is_empty())
        .is_some_and(|l| l.starts_with("@pack\t"))
}

/// Splits `text`; an error is the byte offset of the bad line and what is wrong.
pub fn parse<'t>(text: &'t str) -> Result<File<'t>, (usize, String)> {
    let mut pack = None;
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if let Some(rest) = line.strip_prefix("@pack\t") {
            let (name, description) = rest
                .split_once('\t')
                .ok_or((start, "a pack line is `@pack NAME DESCRIPTION`".to_owned()))?;
            if pack.replace((name, description)).is_some() {
                return Err((start, "a second @pack line".to_owned()));
            }
            continue;
        }
        let [id, kind, canonical, subtype, country, short, variants] = fields[..] else {
            return Err((
                start,
                format!("an entity line has 7 fields, not {}", fields.len()),
            ));
        };
        let kind = match kind {
            "place" => EntityType::Place,
            "person" => EntityType::Person,
            "org" => EntityType::Org,
            _ => return Err((start, format!("unknown entity type {kind:?}"))),
        };
        let field = |f: &'t str| (f != "-").then_some(f);
        let list = |f: &'t str| field(f).map_or(Vec::new(), |f| f.split('|').collect());
        let variants = list(variants)
            .into_iter()
            .map(|v| match v.split_once('@') {
                Some((form, langs)) => (form, langs.split(',').collect()),
                None => (v, Vec::new()),
            })
            .collect();
        lines.push(Line {
            at: start,
            id,
            kind,
            canonical,
            subtype: field(subtype),
            country: field(country),
            short: list(short),
            variants,
        });
    }
    let (name, description) = pack.ok_or((0, "no @pack line".to_owned()))?;
    Ok(File {
        name,
        description,
        lines,
    })
}

/// The canonical name of the built-in world pack's place whose English
/// name (canonical or short form, folded) is `folded`, whether or not the
/// pack is on: two such places of different names are two places however
/// alike they are spelt ("Lanzhou", "Wanzhou"). The table is built on the
/// first question (a document with no pair of alike names never asks).
pub fn world_place(folded: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<foldhash::HashMap<String, &'static str>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            let text = super::lexicon::BUILTIN
                .iter()
                .find(|(_, t)| is_gazetteer(t))
                .map_or("", |(_, t)| t);
            parse(text).map_or_else(
                |_| Default::default(),
                |f| {
                    f.lines
                        .iter()
                        .filter(|l| l.kind == EntityType::Place)
                        .flat_map(|l| {
                            std::iter::once(l.canonical)
                                .chain(l.short.iter().copied())
                                .map(|n| (super::fold::fold(n), l.canonical))
                        })
                        .collect()
                },
            )
        })
        .get(folded)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_packs_places_are_known_with_the_pack_off() {
        assert_eq!(world_place("lanzhou"), Some("Lanzhou"));
        assert_eq!(world_place("wanzhou"), Some("Wanzhou"));
        assert_eq!(world_place("chonging"), None);
    }

    #[test]
    fn lines_are_split_into_fields() {
        let text = "# c\n@pack\tw\tA world\niran\tplace\tIran\tcountry\t-\tIslamic Republic of Iran\tIrán@es|Iranu\n";
        assert!(is_gazetteer(text));
        let f = parse(text).unwrap();
        assert_eq!((f.name, f.description), ("w", "A world"));
        let l = &f.lines[0];
        assert_eq!(l.at, text.find("iran").unwrap());
        assert_eq!(
            (l.id, l.canonical, l.subtype, l.country),
            ("iran", "Iran", Some("country"), None)
        );
        assert_eq!(l.short, ["Islamic Republic of Iran"]);
        assert_eq!(l.variants, [("Irán", vec!["es"]), ("Iranu", vec![])]);
    }

    #[test]
    fn bad_lines_are_errors_at_their_offset() {
        let text = "@pack\tw\td\nx\tplace\tX\n";
        assert_eq!(parse(text).unwrap_err().0, 10);
        assert!(parse("x\tplace\tX\t-\t-\t-\t-\n").is_err(), "no @pack line");
        assert!(!is_gazetteer("[pack]\nname = \"p\"\n"));
    }
}
