//! The context evidence that sets a guess's confidence: the entity named
//! elsewhere, its country or demonym nearby, a role or given name before it,
//! the kind of place the text says it is, the other items of a list; and
//! whether the sentence is Azerbaijani or Turkish (where names are native
//! spellings, not garbles).
//!
//! Shared by the unseen-spelling, given-name and list sub-rules (and the
//! foreign-sentence test by the variants): one notion of evidence for all.

use super::matcher::{EntitiesAt, Matcher, last_letters};
use crate::entity::EntityType;
use crate::names::context::{DocIndex, is_demonym, list_around, place_kind, word_iter};
use crate::names::fold::fold;
use crate::span::Span;

impl Matcher<'_, '_> {
    /// [`foreign_sentence`], cached by sentence; false without reading a
    /// word where no marked letter is near (every window that function
    /// reads lies in the sentence or in the 400 bytes around `span`).
    pub(super) fn foreign(&self, idx: &DocIndex<'_>, span: Span) -> bool {
        let key = idx.sentence(span);
        let near = around(idx, span, 400);
        if !self.marked.meets(near.cover(key)) {
            return false;
        }
        if parenthesis_around(idx.text, near, span).is_some() {
            return foreign_sentence(idx, span);
        }
        if let Some(&v) = self.foreign.borrow().get(&key) {
            return v;
        }
        let v = foreign_sentence(idx, span);
        self.foreign.borrow_mut().insert(key, v);
        v
    }

    /// Evidence for entity `e` at `span` common to every guess.
    pub(super) fn context_score(
        &self,
        idx: &DocIndex<'_>,
        e: usize,
        span: Span,
        notes: &mut Vec<String>,
    ) -> f32 {
        let ent = &self.lex.entities[e];
        let mut score = 0.0;
        if idx
            .mentions
            .get(&e)
            .is_some_and(|v| v.iter().any(|s| !s.overlaps(span)))
        {
            score += 0.1;
            notes.push(format!("the document names {} elsewhere", ent.canonical));
        }
        if let Some(c) = ent.country.as_deref().and_then(|c| self.lex.by_id.get(c))
            && idx.country_cue(self.lex, *c, idx.paragraph(span))
        {
            score += 0.05;
            notes.push(format!(
                "the paragraph is about {}",
                self.lex.entities[*c].canonical
            ));
        }
        if ent.kind == EntityType::Person {
            let skip: Vec<String> = ent
                .canonical
                .split_whitespace()
                .rev()
                .skip(1)
                .map(fold)
                .collect();
            if idx.role_before(span, &ent.roles, &skip) {
                score += 0.1;
                notes.push("introduced by one of the person's roles".to_owned());
            }
            if let Some(given) = self.given_name_before(span, &skip) {
                score += 0.1;
                notes.push(format!("after the person's given name {given:?}"));
            }
        }
        if ent.kind == EntityType::Place
            && let Some(kind) = self.kind_before(span)
            && ent
                .subtype
                .as_deref()
                .is_some_and(|s| place_kind(kind).contains(&s))
        {
            score += 0.1;
            notes.push(format!("named as a {kind}"));
        }
        score
    }

    /// The kind of place `span` is said to be: "city" in "the city of X".
    pub(super) fn kind_before(&self, span: Span) -> Option<&str> {
        Some(last_letters(
            self.text()[..span.start].strip_suffix(" of ")?,
        ))
    }

    /// The word right before `span`, if it is one of `given` (folded given
    /// names of the person): "Dmitry Peskoff" is Dmitry Peskov's surname
    /// misspelt, whatever else "Peskoff" is close to.
    pub(super) fn given_name_before(&self, span: Span, given: &[String]) -> Option<&str> {
        let word = last_letters(self.text()[..span.start].strip_suffix(' ')?);
        (!word.is_empty() && given.iter().any(|g| *g == fold(word))).then_some(word)
    }

    /// List evidence that `span` names place `e`: (bonus, number of cues).
    pub(super) fn list_score(
        &self,
        idx: &DocIndex<'_>,
        e: usize,
        span: Span,
        guesses: &EntitiesAt,
        notes: &mut Vec<String>,
    ) -> (f32, usize) {
        let ent = &self.lex.entities[e];
        if ent.kind != EntityType::Place {
            return (0.0, 0);
        }
        let Some(cue) = list_around(self.text(), idx.sentence(span), span) else {
            return (0.0, 0);
        };
        let mut count = 0;
        if ent
            .subtype
            .as_deref()
            .is_some_and(|s| cue.head_subtypes().contains(&s))
        {
            count += 1;
            notes.push(format!("listed among {}", cue.head.join(" ")));
        }
        let country = ent.country.as_deref();
        let others = cue.items.iter().filter(|s| !s.overlaps(span)).any(|item| {
            let of =
                |k: usize| self.lex.entities[k].country.as_deref() == country && country.is_some();
            self.resolved_at.any(*item, of) || guesses.any(*item, of)
        });
        if others {
            count += 1;
            notes.push("other items of the list are places of the same country".to_owned());
        }
        if let Some(c) = country.and_then(|c| self.lex.entity(c)) {
            let keys: Vec<String> = c.accepted().map(|f| f.key.clone()).collect();
            if cue
                .head
                .iter()
                .any(|w| keys.iter().any(|k| w == k || is_demonym(w, k)))
            {
                count += 1;
                notes.push(format!("the list is introduced as {} places", c.canonical));
            }
        }
        let bonus = [0.0, 0.1, 0.2, 0.25][count.min(3)];
        (bonus, count)
    }
}

/// True if the sentence around `span` is in Azerbaijani or Turkish (two or
/// more words with letters such as ə, ı, ş, ğ): names there are native
/// spellings, not garbles.
fn foreign_sentence(idx: &DocIndex<'_>, span: Span) -> bool {
    let near = around(idx, span, 400);
    let mut w = idx.sentence(span);
    if let Some(p) = parenthesis_around(idx.text, near, span) {
        w = p;
    } else if word_iter(w.of(idx.text)).nth(5).is_none() {
        w = near;
    }
    let (mut marked, mut all) = (0, 0);
    for (_, word) in word_iter(w.of(idx.text)) {
        all += 1;
        marked += usize::from(word.contains(MARKED));
    }
    marked >= 2 && marked * 7 >= all
}

/// The letters by which [`foreign_sentence`] knows Azerbaijani or Turkish.
const MARKED: [char; 8] = ['ə', 'Ə', 'ı', 'İ', 'ş', 'Ş', 'ğ', 'Ğ'];

/// Byte ranges of a text that hold all its [`MARKED`] letters, sorted;
/// letters fewer than [`MarkedRanges::GAP`] bytes apart share a range, so
/// there are few ranges however many letters. A window that meets no range
/// holds no marked letter, so no sentence read there is foreign: most names
/// are in such windows, and [`foreign_sentence`] reads every word of its
/// window (a twelfth of the names pass).
#[derive(Debug)]
pub(super) struct MarkedRanges(Vec<Span>);

impl MarkedRanges {
    pub(super) const GAP: usize = 256;

    /// Every marked letter starts with byte C4, C5, C6 or C9 (and no other
    /// character of UTF-8 holds one of those bytes but as its first), found
    /// by `memchr`, the two lists merged in order.
    pub(super) fn new(text: &str) -> MarkedRanges {
        let bytes = text.as_bytes();
        let mut a = memchr::memchr3_iter(0xC4, 0xC5, 0xC6, bytes).peekable();
        let mut b = memchr::memchr_iter(0xC9, bytes).peekable();
        let starts = std::iter::from_fn(|| match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        });
        let mut ranges: Vec<Span> = Vec::new();
        for k in starts.filter(|&k| text[k..].starts_with(MARKED)) {
            // every marked letter is two bytes long
            let letter = Span::new(k, k + 2);
            match ranges.last_mut() {
                Some(r) if k < r.end + Self::GAP => *r = r.cover(letter),
                _ => ranges.push(letter),
            }
        }
        MarkedRanges(ranges)
    }

    /// True if `window` may hold a marked letter; false if it certainly holds none.
    pub(super) fn meets(&self, window: Span) -> bool {
        let i = self.0.partition_point(|r| r.end <= window.start);
        self.0.get(i).is_some_and(|r| r.start < window.end)
    }
}

/// The paragraph around `span`, cut to `radius` bytes on either side.
fn around(idx: &DocIndex<'_>, span: Span, radius: usize) -> Span {
    let p = idx.paragraph(span);
    let text = idx.text;
    let mut a = span.start.saturating_sub(radius).max(p.start);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (span.end + radius).min(p.end).max(span.end);
    while !text.is_char_boundary(b) {
        b += 1;
    }
    Span::new(a, b)
}

/// The parenthesis inside `within` that holds `span`, if any.
fn parenthesis_around(text: &str, within: Span, span: Span) -> Option<Span> {
    let before = text.get(within.start..span.start)?;
    let open = before.rfind('(')?;
    if before[open..].contains(')') {
        return None;
    }
    let after = text.get(span.end..within.end)?;
    let close = after.find(')')?;
    if after[..close].contains('(') {
        return None;
    }
    Some(Span::new(within.start + open, span.end + close + 1))
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// A window that meets no marked range holds no marked letter (long
        /// plain runs between letters, so ranges both merge and stay apart).
        #[test]
        fn a_window_off_the_marked_ranges_holds_no_marked_letter(
            s in "([aə ıİşŞğĞÉé]|[a ]{100,300}){0,30}",
            a in 0usize..4000,
            len in 0usize..600,
        ) {
            let marked = super::MarkedRanges::new(&s);
            let mut a = a.min(s.len());
            while !s.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (a + len).min(s.len());
            while !s.is_char_boundary(b) {
                b += 1;
            }
            let window = super::Span::new(a, b);
            if !marked.meets(window) {
                proptest::prop_assert!(!s[a..b].contains(super::MARKED));
            }
        }
    }
}
