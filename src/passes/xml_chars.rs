//! `xml-chars`: removes characters XML 1.0 cannot hold (C0 controls other than
//! tab, line feed and carriage return; U+FFFE, U+FFFF).
//!
//! Why it is safe: such characters cannot appear in a well-formed TEI file at
//! all. The TEI keeps a trace of each (`g` with the code point), so restore
//! still gives them back.

use super::{Context, Pass, Proposals};
use crate::analysis::chars::is_xml_forbidden;
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct XmlChars;

/// The characters XML forbids in `text`, with their offsets: a byte scan,
/// as each is an ASCII control or U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`),
/// and a lead byte never occurs inside another character.
fn forbidden(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = text.as_bytes();
    b.iter().enumerate().filter_map(move |(i, &x)| {
        let candidate = x < 0x20 || (x == 0xEF && b.get(i + 1) == Some(&0xBF));
        let c = candidate.then(|| text[i..].chars().next()).flatten()?;
        is_xml_forbidden(c).then_some((i, c))
    })
}

impl Pass for XmlChars {
    fn id(&self) -> &'static str {
        "xml-chars"
    }

    fn description(&self) -> &'static str {
        "Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are removed from the reading text."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        for (i, c) in forbidden(cx.text) {
            let span = Span::new(i, i + c.len_utf8());
            out.edits.push(
                Edit::new(cx.text, span, "", self.id(), Category::Encoding, 1.0)
                    .with_note(format!("U+{:04X} cannot appear in XML", c as u32)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    proptest::proptest! {
        #[test]
        fn the_byte_scan_finds_what_a_char_walk_finds(s in "[a\t\n\r\u{0}-\u{1F}\u{FFFD}-\u{FFFF}\u{EFFF}\u{FEFF}é]{0,24}") {
            let walk: Vec<(usize, char)> = s
                .char_indices()
                .filter(|&(_, c)| super::is_xml_forbidden(c))
                .collect();
            proptest::prop_assert_eq!(super::forbidden(&s).collect::<Vec<_>>(), walk);
        }
    }

    #[test]
    fn controls_go_tabs_stay() {
        let e = run_pass(&super::XmlChars, "a\u{1}b\tc\u{FFFF}");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].before, "\u{1}");
    }
}
