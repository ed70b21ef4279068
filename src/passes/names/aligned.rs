//! A name one translation garbled where the other translations of the same
//! text agree, found paragraph by paragraph.
//!
//! A batch of machine translations holds the same news translated by many
//! systems, a segment a paragraph: the paragraphs of two translations of one
//! text correspond in order. When one translation writes a spelling no other
//! translation writes ("Germu", "Xiangsteel", "Tunpu") in a paragraph where
//! most of the others write one name ("Golmud", "Xiangtan", "Tunbao"), and
//! this translation writes that name elsewhere but not in this paragraph,
//! the garble is that name, however far its spelling: the alignment is the
//! evidence the spelling distance cannot give. The rewrite is proposed, and
//! applied only when nearly all aligned translations agree and the two
//! spellings are alike and the garble is no pinyin word. A derived word of the name ("Darwinian" beside
//! "Darwin", "Tyumens", "Tikhoretsky") is left alone.
//!
//! A garble is also written in the same paragraph as its name ("Xinjing
//! News" beside "Beijing" three times, where the others write "Beijing"
//! four times): the paragraph then counts how often each writes the name,
//! and the garble takes one of its places when the others write it as
//! often as this one writes the name and the garble together. The name may
//! be one a lexicon knows ("Beijing"); that rewrite is only proposed, and
//! this weaker evidence asks the spelling to be alike as for applying.
//!
//! The same paragraphs settle the rewrites that the other rules only
//! propose from the spelling ([`Matcher::settle_by_alignment`]): when
//! nearly all aligned translations write the target where this one writes
//! the form, and hardly any writes the form, the form is this
//! translation's slip and the rewrite is applied.

use super::variants::Spelling;
use super::{Matcher, is_candidate};
use crate::analysis::pinyin::pinyin_syllables;
use crate::edit::{Category, Edit};
use crate::names::batch::{paragraph_of, paragraph_starts};
use crate::names::fold::fold;
use crate::names::similar::{consonant_doubled_only, similarity_at_least, skeleton};
use crate::span::Span;
use std::collections::{BTreeMap, HashSet};

/// Least number of related translations with the same paragraphs (this one
/// among them) for their agreement to count.
const MIN_ALIGNED: u32 = 8;
/// Least share of the aligned translations writing the name in the
/// paragraph.
const MIN_SHARE: f32 = 0.5;
/// Share of the aligned translations, and spelling similarity, above which
/// the rewrite is applied (between forms of the same first letter).
const APPLY_SHARE: f32 = 0.75;
const APPLY_SIMILARITY: f32 = 0.65;
/// Least spelling similarity of two forms of the same first letter, and of
/// different ones: the paragraph is the evidence, the spelling only keeps
/// another name of it ("Florida" for "Fuzhou") out.
const MIN_SIMILARITY: f32 = 0.5;
const MIN_SIMILARITY_OTHER_FIRST: f32 = 0.6;

/// True if one of two folded words is the other with more than a letter
/// added (a derived word, a compound, a fragment: "Darwinian",
/// "Guangmingsheng", "Komsomolskaya", "Tarkovian" beside "Tarkovo"), a
/// plural ("Tyumens"), or a Russian place's adjective ("Tikhoretsky" beside
/// "Tikhoretsk"): another word, not a garble. One letter more or less is a garble or an untranslated case
/// ending ("Housto", "Zelenskyy", "Furgala").
fn derived(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // an adjective drops the name's final vowel ("Tarkovo", "Tarkovian")
    let stem = short.strip_suffix(['a', 'e', 'i', 'o', 'u']).unwrap_or("");
    if stem.len() >= 4 && long.strip_prefix(stem).is_some_and(|t| t.len() > 2) {
        return true;
    }
    let Some(tail) = long.strip_prefix(short) else {
        return false;
    };
    tail.len() > 1 || tail == "s" || tail == "y" && short.ends_with("sk")
}

/// How many of a word's mentions, by their paragraphs, are in paragraph
/// `p`.
fn times_in(paragraphs: &[u32], p: u32) -> u32 {
    paragraphs.iter().filter(|&&q| q == p).count() as u32
}

/// How many times, at most, an aligned translation may write a name in a
/// paragraph and not count as writing it where this one writes a form:
/// when this one writes the name `mine` times there beside `forms` of the
/// form, the others must write it as often as the two together (twice
/// "Ningxia" where this one writes "Fulingxia" and "Ningxia" once each: the
/// form takes one of the name's places); when this one writes no name
/// there, writing it at all (a slip repeated is still the slip).
fn places_taken(mine: u32, forms: u32) -> u32 {
    if mine == 0 { 0 } else { mine + forms - 1 }
}

/// A one-off spelling, how many aligned translations write the name it
/// stands for, and how alike the two are spelt.
type Garble<'s, 'a> = (&'s Spelling<'a>, u32, f32);

/// What the aligned translations of the batch write where this one writes a
/// spelling and not the other form: in the paragraph where most of them
/// write the other form, how many do, of how many, and which paragraph
/// (counted from 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Alignment {
    pub(super) agree: u32,
    /// How many of them write the spelling itself in that paragraph.
    pub(super) keep: u32,
    pub(super) others: u32,
    pub(super) paragraph: Option<u32>,
}

/// Least number of the aligned translations writing the other form where
/// this one writes a spelling, for the two to fill one place: other
/// translations garble the name too ("Tunpu", "Tunburg" beside "Tunbao"),
/// so two of them agreeing is evidence; none or one is not.
const PLACE_AGREE: u32 = 2;

/// Most aligned translations that may write a form in its paragraph for
/// the form to be a slip the batch settles: two systems may share a slip
/// ("Jiemei" beside 21 "Jimei"), a spelling many write is a name.
const ONE_OFF: u32 = 2;

impl Alignment {
    /// False if this document writes the spelling alone in some paragraphs
    /// and in none of them do two aligned translations write the other
    /// form: the two never fill the same place, they are two names. A
    /// spelling only ever written beside the other form in its paragraph
    /// tells nothing either way (a slip beside the name, or a second name
    /// of a list), so it is not held against.
    pub(super) fn same_place(&self) -> bool {
        self.paragraph.is_none() || self.agree >= PLACE_AGREE
    }

    /// True if more of the aligned translations write the spelling itself
    /// where this one writes it than write the other form there: the two
    /// may fill one place (a few translations write "Wessel" for the town
    /// "Wesel"), but the text's own name there is the spelling, two real
    /// names alike. Garbles are one-offs that no other translation repeats
    /// ("Tuenbao" for "Tunbao"), and they keep their rewrite.
    pub(super) fn kept_by_others(&self) -> bool {
        self.paragraph.is_some() && self.keep > self.agree
    }

    /// True if nearly all the aligned translations ([`APPLY_SHARE`] of
    /// them) write the other form where this one writes the spelling, and
    /// none writes the spelling there: the two fill one place, and the
    /// spelling is this translation's slip.
    pub(super) fn settles(&self) -> bool {
        self.paragraph.is_some()
            && self.keep == 0
            && self.agree as f32 >= APPLY_SHARE * self.others as f32
    }
}

impl Matcher<'_, '_> {
    /// Where this document writes `from`, what the other translations of
    /// the same text (the same paragraphs, [`MIN_ALIGNED`] or more) write:
    /// the paragraph of `from` in which most of them write `to`. `None`
    /// when the batch holds no aligned translations of this text, and then
    /// the alignment tells nothing.
    pub(super) fn alignment_of(&self, from: &Spelling<'_>, to: &str) -> Option<Alignment> {
        let (counts, related) = self.batch_related()?;
        let text = self.text();
        let starts = paragraph_starts(text);
        let n = starts.len() as u32;
        let aligned = related.aligned(counts, n);
        if aligned < MIN_ALIGNED {
            return None;
        }
        let at = |w: &str| -> Vec<u32> {
            let mut ps: Vec<u32> = text
                .match_indices(w)
                .filter(|&(k, _)| {
                    let alpha = |c: Option<char>| c.is_some_and(char::is_alphabetic);
                    !alpha(text[..k].chars().next_back())
                        && !alpha(text[k + w.len()..].chars().next())
                })
                .map(|(k, _)| paragraph_of(&starts, k))
                .collect();
            ps.dedup();
            ps
        };
        let with_to = at(to);
        let mut ps: Vec<u32> = from
            .spans
            .iter()
            .map(|s| paragraph_of(&starts, s.start))
            .filter(|p| !with_to.contains(p))
            .collect();
        ps.dedup();
        let best = ps
            .into_iter()
            .map(|p| (related.aligned_with(counts, to, (p, n)), p))
            .max_by_key(|&(agree, _)| agree);
        let keep = best.map_or(0, |(_, p)| {
            related
                .aligned_with(counts, from.word, (p, n))
                .saturating_sub(1)
        });
        Some(Alignment {
            agree: best.map_or(0, |(a, _)| a),
            keep,
            others: aligned - 1,
            paragraph: best.map(|(_, p)| p),
        })
    }

    /// Spellings no other translation writes, rewritten to the name the
    /// aligned paragraphs of the other translations write (see the module
    /// documentation). `done` holds the spans other variant rules already
    /// rewrite.
    pub(super) fn aligned_renderings(
        &self,
        spellings: &BTreeMap<String, Spelling<'_>>,
        done: &HashSet<Span>,
    ) -> Vec<Edit> {
        let Some((counts, related)) = self.batch_related() else {
            return Vec::new();
        };
        let text = self.text();
        let starts = paragraph_starts(text);
        let n = starts.len() as u32;
        let aligned = related.aligned(counts, n);
        if aligned < MIN_ALIGNED {
            return Vec::new();
        }
        // the paragraphs each spelling is written in
        let mut paragraphs: BTreeMap<&str, Vec<u32>> = spellings
            .values()
            .map(|s| {
                let ps = s.spans.iter().map(|sp| paragraph_of(&starts, sp.start));
                (s.word, ps.collect())
            })
            .collect();
        // the names a lexicon or a phrase took are targets too: a garble
        // beside "Ningxia" or "Beijing" is no spelling of the document, but
        // the other translations write the known name in its place. Only
        // proposed: a known place's own-language form names something else
        // ("Rossiya" a hotel, "Moskva" a newspaper) that translations render
        // with the place's English name
        let mut known: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for (k, w) in crate::names::context::capitalised_words(text) {
            let span = Span::new(k, k + w.len());
            let four = w.len() == 4 && w.bytes().all(|c| c.is_ascii_alphabetic());
            if (is_candidate(w) || four) && !spellings.contains_key(w) && self.taken(span) {
                known.entry(w).or_default().push(paragraph_of(&starts, k));
            }
        }
        let targets: Vec<&str> = paragraphs.keys().chain(known.keys()).copied().collect();
        let lexicon: HashSet<&str> = known.keys().copied().collect();
        paragraphs.append(&mut known);
        // (paragraph, name agreed) -> the one-offs of this translation there
        let mut found: BTreeMap<(u32, &str), Vec<Garble<'_, '_>>> = BTreeMap::new();
        for w in spellings.values() {
            // written by this translation alone (or one other)
            if !is_candidate(w.word)
                || related.documents_with(counts, w.word) > 2
                || w.spans.iter().any(|s| done.contains(s))
            {
                continue;
            }
            let mut ps = paragraphs[w.word].clone();
            ps.dedup();
            for p in ps {
                // the paragraph's letters run together: a name written
                // apart there ("Liang Yun") is written there. Read only
                // for a spelling that passed the cheaper tests below, and
                // once: the paragraph may be the whole text.
                let start = starts[p as usize];
                let end = starts.get(p as usize + 1).copied().unwrap_or(text.len());
                let letters = std::cell::OnceCell::new();
                let letters = || {
                    letters.get_or_init(|| -> String {
                        fold(&text[start..end].replace(w.word, " "))
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .collect()
                    })
                };
                if related.aligned_with(counts, w.word, (p, n)) > 2 {
                    continue;
                }
                let forms = times_in(&paragraphs[w.word], p);
                let best = targets
                    .iter()
                    .copied()
                    // a name of four letters is a target too ("Jike" for
                    // "Jigke"): the paragraphs, not the length, are the
                    // evidence, and a longer word holding it is derived
                    .filter(|&x| x != w.word && (is_candidate(x) || x.len() == 4))
                    .filter_map(|x| {
                        let same_first = x.as_bytes()[0] == w.word.as_bytes()[0];
                        let least = if same_first {
                            MIN_SIMILARITY
                        } else {
                            MIN_SIMILARITY_OTHER_FIRST
                        };
                        let sim = similarity_at_least(&skeleton(w.word), &skeleton(x), least)?;
                        let mine = times_in(&paragraphs[x], p);
                        let agree = related.aligned_with_more_than(
                            counts,
                            x,
                            (p, n),
                            places_taken(mine, forms),
                        );
                        let share = agree as f32 / (aligned - 1) as f32;
                        // the paragraph is weaker evidence when this one
                        // writes the name there too, or when the name is a
                        // known one many texts write ("Unprovoked" where
                        // the others write "United"): the spelling must be
                        // as alike as for applying
                        let weak = mine > 0 || lexicon.contains(x);
                        if share < MIN_SHARE
                            || weak && sim < APPLY_SIMILARITY
                            || derived(&fold(w.word), &fold(x))
                            || letters().matches(&fold(x)).count() > mine as usize
                        {
                            return None;
                        }
                        Some((x, agree, sim))
                    })
                    .max_by_key(|&(_, agree, _)| agree);
                if let Some((x, agree, sim)) = best {
                    found.entry((p, x)).or_default().push((w, agree, sim));
                }
            }
        }
        let mut out = Vec::new();
        for ((p, to), ws) in found {
            // two garbles in one paragraph for one name: which is which is
            // not told
            let [(w, agree, sim)] = ws[..] else {
                continue;
            };
            let share = agree as f32 / (aligned - 1) as f32;
            let same_first = w.word.as_bytes()[0] == to.as_bytes()[0];
            // a word of pinyin syllables may be another place ("Shanbei",
            // northern Shaanxi, beside "Shaanxi"): only proposed
            let pinyin = pinyin_syllables(w.word).is_some();
            let conf = if share >= APPLY_SHARE
                && sim >= APPLY_SIMILARITY
                && same_first
                && !pinyin
                && !lexicon.contains(to)
            {
                0.8
            } else {
                0.65
            };
            let mine = times_in(&paragraphs[to], p);
            let place = if mine == 0 {
                String::new()
            } else {
                format!(" more often than this one's {mine} there")
            };
            let note = format!(
                "{agree} of the {} translations of this text in the batch (the same {n} paragraphs) write {to:?} in paragraph {}{place} where this one writes {:?}, which no other translation writes there; this one writes {to:?} elsewhere (spelling similarity {sim:.2}){}",
                aligned - 1,
                p + 1,
                w.word,
                if lexicon.contains(to) {
                    "; the name is known, the form is not"
                } else {
                    "; neither is in a lexicon"
                }
            );
            for span in w
                .spans
                .iter()
                .filter(|s| paragraph_of(&starts, s.start) == p)
                .filter(|s| !(lexicon.contains(to) && media_title(text, **s)))
            {
                out.push(
                    Edit::new(text, *span, to, super::SAME_DOCUMENT, Category::Name, conf)
                        .with_note(note.clone()),
                );
            }
        }
        out
    }
}

/// Words that make the name beside them the title of a channel, a
/// newspaper or an agency.
const MEDIA_WORDS: &[&str] = &[
    "agency",
    "channel",
    "gazette",
    "magazine",
    "newspaper",
    "radio",
    "tv",
    "television",
];

/// True if the name at `span` is part of a title: followed by a number
/// ("Rossiya 1", "Rossiya-24") or with a media word right before or after
/// it ("Rossiya channel"). A title keeps its own language's form of a
/// place name (the channel "Rossiya", the newspaper "Moskva"), which the
/// place's known English name would wrongly replace, though the other
/// translations write it there ("Russia 1").
fn media_title(text: &str, span: Span) -> bool {
    let after = &text[span.end..];
    let number = after
        .strip_prefix([' ', '-'])
        .unwrap_or(after)
        .starts_with(|c: char| c.is_ascii_digit());
    let media =
        |w: Option<&str>| w.is_some_and(|w| MEDIA_WORDS.iter().any(|m| w.eq_ignore_ascii_case(m)));
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphabetic()).next());
    let before = &text[..span.start];
    let prev = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next());
    number || media(next) || media(prev)
}

/// Confidence of a proposed rewrite that the aligned translations settle
/// (see [`Matcher::settle_by_alignment`]): the policy's threshold.
const SETTLED: f32 = 0.8;

/// The capitalised words of three letters or more of a form as written
/// ("Kuei-ying": "Kuei"; "Zhang Jike": "Zhang", "Jike"), the words the
/// batch counts paragraph by paragraph.
fn counted_words(form: &str) -> Vec<&str> {
    crate::names::context::capitalised_words(form)
        .map(|(_, w)| w)
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .collect()
}

impl Matcher<'_, '_> {
    /// Raises to [`SETTLED`] the proposed rewrites (a spelling, a join, a
    /// split, a Wade–Giles form, each found by its own rule from the
    /// spelling) that the other translations of the same text settle: in a
    /// paragraph where this one writes the form rewritten and not the
    /// target, [`APPLY_SHARE`] of the aligned translations write the
    /// target, and at most [`ONE_OFF`] write the form itself; and in no
    /// paragraph of the form do more of them keep it than write the
    /// target. The rule's spelling evidence says the two may be one name,
    /// the paragraphs say they fill one place: a slip of this translation
    /// ("Jiemei" where 21 of 23 write "Jimei", "Kuei-ying" where all write
    /// "Guiying"). Rewrites of `skip` (placed by the alignment alone) keep
    /// their own policy.
    pub(super) fn settle_by_alignment(&self, edits: &mut [Edit], skip: &HashSet<Span>) {
        if self.lang.is_none() {
            return;
        }
        let Some((counts, related)) = self.batch_related() else {
            return;
        };
        let text = self.text();
        let starts = paragraph_starts(text);
        let n = starts.len() as u32;
        let aligned = related.aligned(counts, n);
        if aligned < MIN_ALIGNED {
            return;
        }
        let others = (aligned - 1) as f32;
        // each edit's paragraph verdict: Some(agree) if it settles the
        // rewrite there; and the rewrites contradicted in some paragraph
        let mut settled: Vec<Option<(u32, u32)>> = vec![None; edits.len()];
        let mut contradicted: HashSet<(&str, &str)> = HashSet::new();
        for (k, e) in edits.iter().enumerate() {
            if e.confidence >= SETTLED
                || skip.contains(&e.span)
                || part_dropped(&e.before, &e.after)
                || doubled_consonant(&e.before, &e.after)
            {
                continue;
            }
            let (before, after) = (counted_words(&e.before), counted_words(&e.after));
            // the words the rewrite brings in, and those it takes away
            let new: Vec<&str> = after
                .iter()
                .filter(|w| !before.contains(w))
                .copied()
                .collect();
            let gone: Vec<&str> = before
                .iter()
                .filter(|w| !after.contains(w))
                .copied()
                .collect();
            if new.is_empty() {
                continue;
            }
            let p = paragraph_of(&starts, e.span.start);
            let start = starts[p as usize];
            let end = starts.get(p as usize + 1).copied().unwrap_or(text.len());
            // this translation may write the target there too: then the
            // others must write it there as often as this one writes the
            // target and the form together
            let written = counted_words(&text[start..end]);
            let times = |w: &str| written.iter().filter(|&&x| x == w).count() as u32;
            let forms = gone.iter().map(|w| times(w)).max().unwrap_or(0).max(1);
            let agree = new
                .iter()
                .map(|w| {
                    let taken = places_taken(times(w), forms);
                    related.aligned_with_more_than(counts, w, (p, n), taken)
                })
                .min()
                .unwrap_or(0);
            let keep = gone
                .iter()
                .map(|w| related.aligned_with(counts, w, (p, n)).saturating_sub(1))
                .max()
                .unwrap_or(0);
            if keep > agree {
                contradicted.insert((&e.before, &e.after));
            } else if agree as f32 >= APPLY_SHARE * others && keep <= ONE_OFF {
                settled[k] = Some((agree, p));
            }
        }
        let contradicted: HashSet<(String, String)> = contradicted
            .into_iter()
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .collect();
        for (e, verdict) in edits.iter_mut().zip(settled) {
            let Some((agree, p)) = verdict else {
                continue;
            };
            if contradicted.contains(&(e.before.clone(), e.after.clone())) {
                continue;
            }
            e.confidence = SETTLED;
            let note = format!(
                "{}; settled by the batch: {agree} of the {} translations of this text (the same {n} paragraphs) write {:?} in paragraph {} where this one writes {:?}, and at most {ONE_OFF} write that",
                e.note.as_deref().unwrap_or(""),
                aligned - 1,
                e.after,
                p + 1,
                e.before
            );
            e.note = Some(note);
        }
    }
}

/// True if two forms, not both pinyin, differ only by a consonant written
/// once or twice ("Russel", "Russell"): a spelling the bearer may have
/// chosen, which the other translations writing the commoner one do not
/// settle. Between pinyin words the letter doubled across syllables
/// ("Yinna", "Yina") is a syllable, for the alignment to settle.
fn doubled_consonant(a: &str, b: &str) -> bool {
    let pinyin = |w: &str| pinyin_syllables(w).is_some();
    !(pinyin(a) && pinyin(b)) && consonant_doubled_only(&fold(a), &fold(b))
}

/// True if one of two forms holds the other's letters whole and a
/// syllable more at one end ("Ejingping" for E Jingping beside
/// "Jingping"): a part of the name dropped or added, which the other
/// translations writing the shorter form do not settle (they write
/// "E Jingping"). A letter more that is no syllable ("Donbas", "Donbass")
/// or the same letters cut otherwise ("ZhangJike", "Zhang Jike") is a
/// spelling.
fn part_dropped(a: &str, b: &str) -> bool {
    let letters = |w: &str| -> String { fold(w).chars().filter(|c| c.is_alphabetic()).collect() };
    let (a, b) = (letters(a), letters(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let rest = long
        .strip_prefix(short.as_str())
        .or_else(|| long.strip_suffix(short.as_str()));
    rest.is_some_and(|r| r.len() >= 2 || !r.is_empty() && pinyin_syllables(r) == Some(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_before_a_number_or_beside_a_media_word_is_a_title() {
        let at = |t: &str, w: &str| {
            let k = t.find(w).unwrap();
            media_title(t, Span::new(k, k + w.len()))
        };
        assert!(at("broadcast by Rossiya 1 and the site", "Rossiya"));
        assert!(at("news of Rossiya-24 tonight", "Rossiya"));
        assert!(at("the Rossiya channel said", "Rossiya"));
        assert!(at("the TV Zvezda said", "Zvezda"));
        assert!(!at("the people of Rossiya said", "Rossiya"));
        assert!(!at("in Rossiya, 1 man", "Rossiya"));
    }

    #[test]
    fn two_forms_fill_one_place_when_two_aligned_translations_agree() {
        let at = |agree, paragraph| Alignment {
            agree,
            keep: 0,
            others: 22,
            paragraph,
        };
        assert!(at(2, Some(3)).same_place(), "other translations garble too");
        assert!(
            !at(1, Some(3)).same_place(),
            "one other translation is chance"
        );
        assert!(!at(0, Some(3)).same_place(), "two names of two places");
        let kept = |agree, keep, paragraph| Alignment {
            keep,
            ..at(agree, paragraph)
        };
        assert!(
            kept(5, 14, Some(3)).kept_by_others(),
            "Wesel kept by 14, Wessel in 5"
        );
        assert!(!kept(12, 0, Some(3)).kept_by_others(), "a one-off garble");
        assert!(
            !kept(0, 3, None).kept_by_others(),
            "no paragraph of its own: nothing told"
        );
        assert!(
            at(0, None).same_place(),
            "written only beside the other form: the alignment tells nothing"
        );
    }

    #[test]
    fn a_form_beside_its_name_takes_one_of_the_names_places() {
        assert_eq!(places_taken(0, 1), 0, "no name there: writing it at all");
        assert_eq!(places_taken(0, 2), 0, "a slip repeated is the slip");
        assert_eq!(
            places_taken(1, 1),
            1,
            "one Fulingxia beside one Ningxia: the others write Ningxia twice"
        );
        assert_eq!(places_taken(3, 1), 3);
        assert_eq!(places_taken(1, 2), 2, "two forms beside one name");
        assert_eq!(times_in(&[0, 3, 3, 5], 3), 2);
        assert_eq!(times_in(&[0, 5], 3), 0);
    }

    #[test]
    fn a_syllable_dropped_whole_is_no_spelling_the_batch_settles() {
        assert!(part_dropped("Ejingping", "Jingping"));
        assert!(part_dropped("Jiangkouhe", "Jiangkou"));
        assert!(part_dropped("Ejingping", "Jingping"), "the syllable e");
        assert!(!part_dropped("Donbas", "Donbass"), "a letter doubled");
        assert!(doubled_consonant("Russel", "Russell"));
        assert!(!doubled_consonant("Yinna", "Yina"), "a pinyin syllable");
        assert!(!doubled_consonant("Tirkhuvo", "Tarkovo"));
        assert!(!part_dropped("ZhangJike", "Zhang Jike"), "the same letters");
        assert!(!part_dropped("Jiemei", "Jimei"));
    }

    #[test]
    fn a_forms_counted_words_are_the_batchs() {
        assert_eq!(counted_words("Kuei-ying"), vec!["Kuei"]);
        assert_eq!(counted_words("Zhang Jike"), vec!["Zhang", "Jike"]);
        assert!(
            counted_words("Li-tao").is_empty(),
            "two letters are not counted"
        );
    }

    #[test]
    fn derived_words_are_not_garbles() {
        assert!(derived("darwinian", "darwin"));
        assert!(derived("tyumens", "tyumen"));
        assert!(derived("tikhoretsky", "tikhoretsk"));
        assert!(derived("komsomol", "komsomolskaya"));
        assert!(derived("tarkovian", "tarkovo"), "the final vowel dropped");
        assert!(!derived("furgala", "furgal"), "a case ending left");
        assert!(!derived("housto", "houston"), "a letter dropped");
        assert!(!derived("zelenskyy", "zelensky"));
        assert!(!derived("germu", "golmud"));
    }
}
