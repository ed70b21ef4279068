//! Date stamps in the head of a page: "Posted on April 29, 2022",
//! "21.01.2022 Presse-Mitteilung", "8. November 2021 | Aktuelles",
//! "Aktualisiert: 11.04.2020, 10:27" above the main text.
//!
//! A stamp with a few words may be the text's own (a timeline's entry, a
//! data sheet's "Veröffentlicht am …" under an episode's description), so
//! a stamp goes by itself only after the text ([`super::classify`]). Above
//! it, a stamp goes while nothing on the page before it reads as text: the
//! page's head (menus, the headline, the post's date) has not ended. A
//! "label: value" row ("Einsendeschluss: 03.11.2019") is a data sheet's,
//! wherever it stands.

use super::classify::{Class, Evidence, Unit};
use super::signals::Shape;

/// `out[i]` is true for a date stamp that names a day ([`Unit::day`]: a
/// year alone is a heading's or a menu's, "Formel-1-Kalender 2022"; an
/// hour alone a recipe's or a programme's) above the main text (which
/// starts at `m0`), with no line classed good or near good before it.
pub fn head_stamps(units: &[Unit], classes: &[Class], m0: usize) -> Vec<bool> {
    let mut out = vec![false; units.len()];
    for (i, (u, class)) in units.iter().zip(classes).enumerate().take(m0) {
        if matches!(class, Class::Good | Class::NearGood) {
            break;
        }
        out[i] =
            matches!(u.evidence, Some(Evidence::Shape(Shape::Date))) && u.day && !u.label_value;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(label_value: bool) -> Unit {
        Unit {
            evidence: Some(Evidence::Shape(Shape::Date)),
            day: true,
            label_value,
            ..Unit::default()
        }
    }

    #[test]
    fn a_year_alone_is_no_stamp() {
        let year = Unit {
            day: false,
            ..stamp(false)
        };
        let units = [year, Unit::default()];
        let classes = [Class::Bad, Class::Good];
        assert_eq!(head_stamps(&units, &classes, 1), vec![false, false]);
    }

    #[test]
    fn stamps_before_any_text_go() {
        let units = [Unit::default(), stamp(false), stamp(true), Unit::default()];
        let classes = [Class::Bad, Class::Bad, Class::Bad, Class::Good];
        assert_eq!(
            head_stamps(&units, &classes, 3),
            vec![false, true, false, false]
        );
    }

    #[test]
    fn stamps_after_text_stay() {
        let units = [Unit::default(), stamp(false), stamp(false)];
        let classes = [Class::NearGood, Class::Bad, Class::Bad];
        assert_eq!(head_stamps(&units, &classes, 3), vec![false; 3]);
        // below the main text this rule says nothing
        let classes = [Class::Bad, Class::Bad, Class::Bad];
        assert_eq!(head_stamps(&units, &classes, 1), vec![false, false, false]);
    }
}
