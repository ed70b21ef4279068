//! `entities`: HTML character references left in plain text ("&amp;",
//! "&eacute;", "&#39;", "&#x2014;") become the characters they stand for.
//!
//! Text copied out of a web page's source, or escaped twice on its way
//! through a CMS, keeps references a browser would have shown as
//! characters. Each reference is an edit of its own.
//!
//! Why it is safe:
//! - a block that is itself markup (it holds a tag such as `<p>` or
//!   `<!DOCTYPE x>`) is left alone: there the references are the markup's;
//! - a named reference must be one of HTML5's, with its semicolon (the
//!   `htmlize` crate's table of the WHATWG list); a numeric one must name a
//!   character text may hold (not a control, a surrogate or a noncharacter;
//!   128–159 read as windows-1252, as browsers do);
//! - a reference whose character another rule would rewrite on a second
//!   conversion is left: spacing (the whitespace rule's), combining marks
//!   (the NFC rule's), a character that would complete a misread UTF-8
//!   sequence (the mojibake rule's: "Î&frac14;s"), and quotation marks
//!   unless the document's quotes of that kind are all straight (the quote
//!   rule's style);
//! - nothing inside a URL, e-mail address or citation is touched;
//! - an escaped reference ("&amp;eacute;") is decoded in the same edit.

use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::span::Span;
use unicode_normalization::char::canonical_combining_class;

/// See the module documentation.
pub struct Entities;

/// The longest reference looked at ("&CounterClockwiseContourIntegral;" is
/// 33 bytes).
const MAX_REFERENCE: usize = 40;

impl Pass for Entities {
    fn id(&self) -> &'static str {
        "entities"
    }

    fn description(&self) -> &'static str {
        "HTML character references left in plain text (“&amp;”, “&eacute;”, “&#39;”) written as the characters they stand for, outside markup."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        if !cx.text.contains('&') {
            return;
        }
        let straight_single = !cx.text.contains(['‘', '’']);
        let straight_double = !cx.text.contains(['“', '”']);
        let quotes = cx.options.quotes;
        let quote_ok = |c: char| match c {
            '\'' => straight_single && quotes != super::QuoteStyle::Curly,
            '"' => straight_double && quotes != super::QuoteStyle::Curly,
            _ => false,
        };
        for b in &cx.doc.blocks {
            let s = b.span.of(cx.text);
            if !s.contains('&') || is_markup(s) {
                continue;
            }
            // the end of the block as it will read, up to `last`: a
            // reference is judged by the characters decoded before it
            let mut done = String::new();
            let mut last = 0;
            for (i, _) in s.match_indices('&') {
                if i < last {
                    continue;
                }
                let Some((len, c)) = reference(&s[i..]) else {
                    continue;
                };
                done.push_str(&s[last..i]);
                let keep = done.char_indices().rev().nth(7).map_or(0, |(k, _)| k);
                done.drain(..keep);
                last = i + len;
                let span = Span::new(b.span.start + i, b.span.start + last);
                if !fits(c, &done, &s[last..], &quote_ok) || cx.is_protected(span) {
                    done.push_str(&s[i..last]);
                    continue;
                }
                done.push(c);
                out.edits.push(
                    Edit::new(
                        cx.text,
                        span,
                        c.to_string(),
                        self.id(),
                        Category::Unicode,
                        0.9,
                    )
                    .with_note("HTML character reference in plain text"),
                );
            }
        }
    }
}

/// Whether `s` holds a tag: markup whose references belong to it.
fn is_markup(s: &str) -> bool {
    s.match_indices('<').any(|(i, _)| {
        let rest = &s[i + 1..];
        let tag = rest.strip_prefix('/').unwrap_or(rest);
        let opens = tag
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?');
        opens && rest.find('>').is_some_and(|k| !rest[..k].contains('<'))
    })
}

/// The reference `s` starts with (`s` starts with "&"): its length and
/// character, following any escaped "&amp;" into the reference it hides.
fn reference(s: &str) -> Option<(usize, char)> {
    let (mut len, mut c) = one_reference(s)?;
    // "&amp;eacute;": the "&" a reference gives starts another one
    while c == '&' {
        match one_reference(&format!("&{}", &s[len..])) {
            Some((n, d)) => {
                len += n - 1;
                c = d;
            }
            None => break,
        }
    }
    Some((len, c))
}

/// One reference at the start of `s`: "&name;", "&#digits;", "&#xhex;".
fn one_reference(s: &str) -> Option<(usize, char)> {
    // a reference is ASCII: the head is cut at the first other character
    let ascii = s
        .bytes()
        .take(MAX_REFERENCE)
        .take_while(u8::is_ascii)
        .count();
    let head = &s[..ascii];
    let end = head.find(';')?;
    let body = &head[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            None if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) => {
                num.parse().ok()?
            }
            _ => return None,
        };
        numeric(n)?
    } else {
        if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let glyph = htmlize::ENTITIES.get(&head.as_bytes()[..=end])?;
        let mut chars = std::str::from_utf8(glyph).ok()?.chars();
        let c = chars.next()?;
        // a few references stand for two characters: left alone
        if chars.next().is_some() {
            return None;
        }
        c
    };
    Some((end + 1, c))
}

/// The character of a numeric reference, if text may hold it.
fn numeric(n: u32) -> Option<char> {
    let c = match n {
        0x80..=0x9F => {
            let c = crate::analysis::misread::windows_1252_char(n as u8);
            if u32::from(c) == n {
                return None; // bytes windows-1252 leaves undefined
            }
            c
        }
        _ => char::from_u32(n)?,
    };
    let control = c.is_control() && !matches!(c, '\t' | '\n');
    let nonchar = (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE;
    (!control && !nonchar && c != '\u{FFFD}').then_some(c)
}

/// Whether `c` may be written between `before` and `after` without another
/// rule rewriting it on a second conversion.
fn fits(c: char, before: &str, after: &str, quote_ok: &dyn Fn(char) -> bool) -> bool {
    if matches!(c, '\'' | '"' | '‘' | '’' | '“' | '”') {
        return quote_ok(c);
    }
    !c.is_whitespace()
        && !crate::analysis::chars::is_zero_width(c)
        && !crate::analysis::chars::is_xml_forbidden(c)
        && canonical_combining_class(c) == 0
        && unicode_normalization::is_nfc(&c.to_string())
        && !crate::analysis::misread::completes_sequence(before, c, after)
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::{applied_text, run_pass};

    fn fixed(t: &str) -> String {
        applied_text(t, &run_pass(&super::Entities, t))
    }

    #[test]
    fn references_in_plain_text_become_characters() {
        assert_eq!(fixed("Fish &amp; chips, caf&eacute;"), "Fish & chips, café");
        assert_eq!(fixed("it&#39;s and it&#x27;s"), "it's and it's");
        assert_eq!(
            fixed("1990&#8211;2000 &mdash; &#150; &lt;b&gt;"),
            "1990–2000 — – <b>"
        );
        assert_eq!(fixed("AT&amp;amp;T"), "AT&T");
    }

    #[test]
    fn each_reference_is_an_edit_over_its_own_span() {
        let t = "a &amp; b &copy; c";
        let e = run_pass(&super::Entities, t);
        assert_eq!(e.len(), 2);
        assert_eq!((e[0].before.as_str(), e[0].after.as_str()), ("&amp;", "&"));
        assert_eq!((e[1].before.as_str(), e[1].after.as_str()), ("&copy;", "©"));
    }

    #[test]
    fn what_is_not_a_known_reference_stays() {
        for t in [
            "R&D and AT&T; x &notareference; y",
            "&amp without a semicolon",
            "&#0; &#xD800; &#129; &#1114112;",
            "&AMP x &Eacute", // no semicolon
            "&ÜèÀ×_…Ÿ³ and &amp",
        ] {
            assert_eq!(fixed(t), t, "{t}");
        }
    }

    #[test]
    fn markup_keeps_its_references() {
        let t = "<p>Fish &amp; chips</p>";
        assert_eq!(fixed(t), t);
        let t = "<!DOCTYPE x>&amp;";
        assert_eq!(fixed(t), t);
    }

    #[test]
    fn characters_other_rules_rewrite_stay_as_references() {
        for t in [
            "a&nbsp;b",
            "e&#769; acute",
            "“curly” and &quot;x&quot;",
            "‘a’ and it&#39;s",
        ] {
            assert_eq!(fixed(t), t, "{t}");
        }
        // "Î¼" would read as a misread "μ": the second reference stays
        assert_eq!(fixed("10&Icirc;&frac14;s"), "10Î&frac14;s");
        // straight quotes throughout: the reference joins them
        assert_eq!(fixed("\"x\" and &quot;y&quot;"), "\"x\" and \"y\"");
    }
}
