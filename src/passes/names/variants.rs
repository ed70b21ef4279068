//! Names spelt several ways in one document, found without a lexicon.
//!
//! Machine translation switches spellings inside one text: two
//! romanizations of one name ("Golosheikin"/"Golosheykin",
//! "Chokang"/"Zhuokang", "Tinkow"/"Tinkov"), a name split into pieces
//! ("Xiao wen" beside "Xiaowen") or glued together ("ZhangJike" beside
//! "Zhang Jike"). The document's capitalised words that are no ordinary
//! words (not written in lowercase in the document, not common words of its
//! language) are grouped by [`variant_key`], a transliteration-aware key, and
//! by the spelling distance of [`similar`](crate::names::similar); each group
//! takes the form its evidence favours (how often each form is written, in
//! what position, whether it is well formed) and the other forms are
//! rewritten to it. Applied only when the forms differ by transliteration
//! alone and the canonical one is clearly the majority, or when one form is
//! malformed (a lowercase piece, a capital inside a word); the rest is
//! proposed.

use super::matcher::WordPair;
use super::{Guess, Matcher, SpanSet, is_candidate, last_letters};
use crate::analysis::pinyin::pinyin_syllables;
use crate::analysis::sites::Sites;
use crate::edit::{Category, Edit};
use crate::names::context::capitalised_words;
use crate::names::fold::fold;
use crate::names::similar::{
    Bag, consonant_code, consonant_doubled_only, similarity_at_least, similarity_of_skeletons,
    skeleton,
};
use crate::span::Span;
use std::collections::{BTreeMap, HashSet};

/// The key two romanizations of one name share: folded, then the letters
/// that romanization systems write differently made one. Pinyin and
/// Wade–Giles (zh/ch/j/q, ts/z, uo/o), Russian systems (kh/h/ch, y/i/j, w/v,
/// x/ks, -off/-ov/-ou), c as k or ts, m before b or p as n (Hepburn),
/// h after a consonant dropped, doubled consonants single.
pub(super) fn variant_key(w: &str) -> String {
    let mut t: String = fold(w).chars().filter(|c| c.is_alphabetic()).collect();
    for (from, to) in [
        ("kh", "h"),
        ("dzh", "j"),
        ("zh", "j"),
        ("dj", "j"),
        ("tch", "j"),
        ("ch", "j"),
        ("q", "j"),
        ("tz", "z"),
        ("ts", "z"),
        ("ck", "k"),
        ("ce", "ze"),
        ("ci", "zi"),
        ("c", "k"),
        ("x", "ks"),
        ("ph", "f"),
        ("uo", "o"),
        ("w", "v"),
        ("y", "i"),
        // n before a labial, which Hepburn and the ear write m (Shimbun
        // and Shinbun, Tumbao and Tunbao)
        ("mb", "nb"),
        ("mp", "np"),
    ] {
        if t.contains(from) {
            t = t.replace(from, to);
        }
    }
    // an h after a consonant is a digraph's (kh, gh, th); one at the start
    // or after a vowel is a sound of its own (Anna and Hannah)
    let mut prev_consonant = false;
    t.retain(|c| {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        let keep = !(c == 'h' && prev_consonant);
        prev_consonant = !vowel && keep;
        keep
    });
    // the y that Russian systems write before e after a vowel (BGN
    // "Kanayevsky", "Sergeyev") and informal ones leave out ("Kanaevsky")
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let b = t.as_bytes();
    let glides: Vec<usize> = (1..b.len().saturating_sub(1))
        .filter(|&k| b[k] == b'i' && vowel(b[k - 1]) && b[k + 1] == b'e')
        .collect();
    for k in glides.into_iter().rev() {
        t.remove(k);
    }
    // -iy, -yy, -ii: one i at the end (Dmitriy and Dmitry, Zelenskyy and
    // Zelensky)
    if t.len() > 4 && t.ends_with("ii") {
        t.pop();
    }
    // a final h after a vowel is silent (Hannah and Hanna)
    if t.len() > 3 && t.ends_with('h') && t[..t.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']) {
        t.pop();
    }
    // -off, -ou: the Russian -ov written after French or pinyin habits
    for (end, to) in [("off", "ov"), ("of", "ov"), ("ou", "ov")] {
        if let Some(stem) = t.strip_suffix(end)
            && stem.len() >= 3
        {
            t = format!("{stem}{to}");
        }
    }
    // doubled consonants written single; a doubled vowel is kept, for it
    // tells names apart (Shaanxi and Shanxi are two provinces)
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if !out.ends_with(c) || matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
            out.push(c);
        }
    }
    out
}

/// One spelling of a name in the document: where it is written, and how
/// often in a name's position (not the first word of a sentence).
pub(super) struct Spelling<'a> {
    pub(super) word: &'a str,
    pub(super) spans: Vec<Span>,
    inside: usize,
    /// The capitalised words written right before or after it: the rest of
    /// a person's name.
    pub(super) neighbours: std::collections::BTreeSet<&'a str>,
}

/// A name written as two words ("Xiao wen", "Zhang-Jike") where the document
/// also has it as one.
struct Split<'a> {
    span: Span,
    text: &'a str,
    /// The second word is lowercase after a space: no way to write a name.
    malformed: bool,
    /// Two capitalised words after a space ("Liang Yun").
    two_names: bool,
}

impl Matcher<'_, '_> {
    /// Unknown names spelt two ways in one document: spelling variants, and
    /// names split or glued (see the module documentation).
    pub(super) fn same_document(
        &self,
        idx: &crate::names::context::DocIndex<'_>,
        guesses: &[Guess],
    ) -> Vec<Edit> {
        // German writes every noun with a capital: there a capital marks no name.
        if self.lang == Some("de") {
            return Vec::new();
        }
        let guessed = SpanSet::new(guesses.iter().map(|g| g.span).collect());
        let spellings = self.spellings(idx, &guessed);
        // a route's abbreviation is read before its syllables are taken
        // for a name spelt two ways ("Zheng Wan" beside "Zhengwan")
        let routes = self.route_abbreviations();
        let mut out = self.spelling_variants(&spellings);
        out.extend(self.splits_and_joins(idx, &spellings, &guessed));
        out.extend(self.near_joins(&spellings, &guessed));
        let so_far = SpanSet::new(out.iter().map(|e| e.span).collect());
        out.extend(self.glued_apart(&spellings, &so_far));
        let done: HashSet<Span> = out.iter().map(|e| e.span).collect();
        let placed = self.aligned_renderings(&spellings, &done);
        let placed_spans: HashSet<Span> = placed.iter().map(|e| e.span).collect();
        out.extend(placed);
        out.extend(self.camel_glued(&spellings));
        out.extend(self.untranslated_generics(&spellings));
        let written = SpanSet::new(out.iter().map(|e| e.span).collect());
        out.extend(
            self.dropped_place_endings(&spellings)
                .into_iter()
                .filter(|e| !written.overlaps(e.span)),
        );
        out.extend(self.diacritic_variants(&guessed));
        out.extend(self.apostrophe_variants(&guessed));
        out.extend(self.wade_giles_variants(&guessed));
        out.extend(self.cantonese_variants(&guessed));
        self.settle_by_alignment(&mut out, &placed_spans);
        self.hold_typing_slips(&mut out);
        let expanded = SpanSet::new(routes.iter().map(|e| e.span).collect());
        out.retain(|e| !expanded.overlaps(e.span));
        expand_to_routes(&mut out, &routes);
        out.extend(routes);
        out
    }

    /// True if `n`, a capitalised word beside a name (a slice of the
    /// text), is an ordinary word and not the rest of the name: one both
    /// the frequency list knows and the document writes in lower case, or
    /// one of either written at a sentence's start ("Later Dmitry"), or a
    /// title ("President"). A word only one of the two knows, written
    /// mid-sentence, is a given name ("Sir Robert Syms", "Chloe Sims":
    /// "robert" is a frequent word, "chloe" is written in a page's links),
    /// so that two people of one surname spelt two ways keep apart.
    fn ordinary_neighbour(&self, n: &str) -> bool {
        let lower = self.lower_words().contains(n.to_lowercase().as_str());
        let common = self.is_common(n);
        if !lower && !common {
            return false;
        }
        let start = n.as_ptr() as usize - self.text().as_ptr() as usize;
        lower && common
            || crate::names::stats::is_title(n)
            || self.sentence_initial(Span::new(start, start + n.len()))
    }

    /// True if the word at `span` starts a sentence (or a block).
    fn sentence_initial(&self, span: Span) -> bool {
        crate::analysis::sentences::starts_sentence(&self.text()[..span.start])
    }

    /// The capitalised words of the document that may be names no lexicon
    /// knows: letters only, not all capitals, not known names or phrases,
    /// not ordinary or ethnic words, not in a foreign-language sentence.
    fn spellings(
        &self,
        idx: &crate::names::context::DocIndex<'_>,
        guessed: &SpanSet,
    ) -> BTreeMap<String, Spelling<'_>> {
        let text = self.text();
        let countries = &self.res.country_keys;
        // Ethnonyms and adjectives of countries ("Turks", "Turkish") are no names.
        let ethnic = |f: &str| countries.iter().any(|k| of_a_country(f, k));
        let mut seen: BTreeMap<String, Spelling<'_>> = BTreeMap::new();
        // the spellings the document also writes in lowercase
        let mut lowered: Vec<&str> = Vec::new();
        for b in &self.cx.doc.blocks {
            if !Sites::CAPITAL.in_text(b.span.of(text)) {
                continue;
            }
            for (k, w) in capitalised_words(b.span.of(text)) {
                let span = Span::new(b.span.start + k, b.span.start + k + w.len());
                let wb = w.as_bytes();
                if wb.len() < 4
                    || !wb.iter().all(u8::is_ascii_alphabetic)
                    || wb.iter().all(u8::is_ascii_uppercase)
                    || identifier(text, span)
                    || self.taken(span)
                    || guessed.overlaps(span)
                {
                    continue;
                }
                let f = fold(w);
                if self.is_common(w) || ethnic(&f) || self.foreign(idx, span) {
                    continue;
                }
                if self.lower_words().contains(f.as_str()) && !seen.contains_key(w) {
                    lowered.push(w);
                }
                let initial = self.sentence_initial(span);
                let s = seen.entry(w.to_owned()).or_insert_with(|| Spelling {
                    word: w,
                    spans: Vec::new(),
                    inside: 0,
                    neighbours: Default::default(),
                });
                // the rest of a name, not a capitalised ordinary word ("Later")
                s.neighbours.extend(
                    capitalised_neighbours(text, span).filter(|n| !self.ordinary_neighbour(n)),
                );
                s.spans.push(span);
                s.inside += usize::from(!initial);
            }
        }
        // A word the document writes in lowercase is an ordinary word,
        // unless it writes it capitalised inside sentences
        // [`CASE_SLIP_RATIO`] times as often: then the lowercase is a slip
        // of case ("ningxia" once beside nine "Ningxia"), and the word a
        // name.
        if !lowered.is_empty() {
            let mut lower_counts: foldhash::HashMap<&str, usize> = Default::default();
            for (_, w) in crate::names::context::word_iter(text) {
                if w.starts_with(char::is_lowercase) {
                    *lower_counts.entry(w).or_default() += 1;
                }
            }
            for w in lowered {
                let times = lower_counts.get(fold(w).as_str()).copied().unwrap_or(0);
                if seen[w].inside < CASE_SLIP_RATIO * times.max(1) {
                    seen.remove(w);
                }
            }
        }
        seen
    }

    /// Two spellings of one name: pairs of spellings whose [`variant_key`]s
    /// are equal (one romanization of the other), or whose skeletons are
    /// close (a letter dropped, doubled or swapped: only proposed).
    fn spelling_variants(&self, spellings: &BTreeMap<String, Spelling<'_>>) -> Vec<Edit> {
        let text = self.text();
        let forms: Vec<Form<'_, '_>> = spellings
            .values()
            .filter(|s| is_candidate(s.word) || s.word.len() == 4)
            .map(Form::of)
            .collect();
        let pinyin_text = pinyin_text(&forms);
        // In a directory or a long list of names, names merely alike are
        // many and variants of one name few: there only romanizations
        // with a majority are proposed.
        let guesses = forms.len() <= MAX_FORMS_FOR_GUESSES;
        let mut rewrites: Vec<Rewrite> = Vec::new();
        for (i, j) in candidate_pairs(&forms) {
            let (a, b) = (&forms[i], &forms[j]);
            if self.two_known_places(a.spelling.word, b.spelling.word) {
                continue;
            }
            let Some(kind) = self.kinship(a, b) else {
                continue;
            };
            if !guesses && !matches!(kind, Kinship::Romanization { .. } | Kinship::Doubled { .. }) {
                continue;
            }
            for r in self.direction(&forms, (i, j), kind, pinyin_text) {
                if guesses || r.conf > TIE {
                    rewrites.extend(self.aligned_place(&forms, r));
                }
            }
        }
        // each form's best rewrite; a tie gives each of the two forms one
        let mut best: BTreeMap<usize, Rewrite> = BTreeMap::new();
        for r in rewrites {
            if best.get(&r.from).is_none_or(|b| b.conf < r.conf) {
                best.insert(r.from, r);
            }
        }
        let mut out = Vec::new();
        for r in best.values() {
            // a form itself rewritten is no target (a chain is left alone),
            // unless the two only propose each other (a tie)
            if best.get(&r.to).is_some_and(|t| t.to != r.from) {
                continue;
            }
            let (from, to) = (forms[r.from].spelling, forms[r.to].spelling);
            for span in &from.spans {
                // a cited title keeps the spelling its authors chose
                let (conf, note) = if in_citation(text, *span) {
                    (
                        r.conf.min(CITED),
                        format!(
                            "{}; written in a bibliographic reference, where the cited title's own spelling stands: only proposed",
                            r.note
                        ),
                    )
                } else {
                    (r.conf, r.note.clone())
                };
                out.push(
                    Edit::new(
                        text,
                        *span,
                        to.word,
                        super::SAME_DOCUMENT,
                        Category::Name,
                        conf,
                    )
                    .with_note(note),
                );
            }
        }
        out
    }

    /// True if `a` and `b` are each a place of the world gazetteer (see
    /// [`crate::names::gazetteer::world_place`]), two places of different
    /// names: "Lanzhou" and "Wanzhou" are two cities, however alike they
    /// are spelt, and neither is a slip for the other.
    fn two_known_places(&self, a: &str, b: &str) -> bool {
        let place = |w: &str| crate::names::gazetteer::world_place(&fold(w));
        matches!((place(a), place(b)), (Some(x), Some(y)) if x != y)
    }

    /// A rewrite kept when the other translations of the same text in the
    /// batch write its target where this document writes the form
    /// rewritten (see [`Matcher::alignment_of`]), with that evidence in its
    /// note; dropped when they write something else there: two names that
    /// never fill the same place ("Lanzhou" in one paragraph, "Wanzhou" in
    /// others), however the batch counts them. Kept unchanged when the batch
    /// holds no aligned translations.
    fn aligned_place(&self, forms: &[Form<'_, '_>], mut r: Rewrite) -> Option<Rewrite> {
        let (from, to) = (forms[r.from].spelling, forms[r.to].spelling);
        if let Some(al) = self.alignment_of(from, to.word) {
            if !al.same_place() {
                return None;
            }
            if let Some(p) = al.paragraph {
                r.note.push_str(&format!(
                    "; {} of the {} other translations of this text in the batch write {:?} in paragraph {} where this one writes {:?} alone",
                    al.agree,
                    al.others,
                    to.word,
                    p + 1,
                    from.word
                ));
            }
            if let Some(held) = r.pinyin_held.filter(|_| al.settles()) {
                r.conf = held;
                r.note.push_str(&format!(
                    ", and none writes {:?} there: a slip of this translation, not another place of like syllables",
                    from.word
                ));
            }
            if al.kept_by_others() {
                r.conf = r.conf.min(KEPT_BY_OTHERS);
                r.note.push_str(&format!(
                    ", and {} write {:?} itself there: two real names alike, only proposed",
                    al.keep, from.word
                ));
            }
        }
        Some(r)
    }

    /// How `a` and `b` are spellings of one name, if they are.
    fn kinship(&self, a: &Form<'_, '_>, b: &Form<'_, '_>) -> Option<Kinship> {
        // Each with the rest of a name and never the same rest: two
        // people ("Sammy Chang", "Jacky Zhang").
        let (sa, sb) = (a.spelling, b.spelling);
        if !sa.neighbours.is_empty()
            && !sb.neighbours.is_empty()
            && sa.neighbours.is_disjoint(&sb.neighbours)
        {
            return None;
        }
        // a capital more or less ("MoDem", "FaceBook") is a brand's
        // styling or a slip of case, not a spelling of the name
        if a.fold == b.fold {
            return None;
        }
        let sim = similarity_of_skeletons(&a.skeleton, &b.skeleton);
        if a.key == b.key {
            // a consonant written once or twice ("Russel", "Russell") is
            // how a name is spelt, which no romanization changes: both may
            // be the bearer's own; between two pinyin words the letter
            // doubled across syllables ("Yinna", "Yina") is a syllable,
            // which the pinyin rules weigh
            if !(a.pinyin && b.pinyin) && consonant_doubled_only(&a.fold, &b.fold) {
                return Some(Kinship::Doubled { sim });
            }
            return Some(Kinship::Romanization { sim });
        }
        if let Some(slot) = self.slot_kinship(a, b) {
            return Some(slot);
        }
        // a derived word ("Gagarina", "Russians") is no variant, but a
        // letter doubled at the end ("Donbass", "Zelenskyy") or the h of a
        // digraph ("Lisakovich") is a spelling
        let (short, long) = if a.fold.len() < b.fold.len() {
            (&a.fold, &b.fold)
        } else {
            (&b.fold, &a.fold)
        };
        if let Some(tail) = long.strip_prefix(short.as_str()) {
            let doubled = tail.len() == 1 && short.ends_with(tail);
            let digraph = tail == "h" && short.ends_with(['c', 's', 'z', 'k']);
            if !(doubled || digraph || self.letter_slipped(a, b, short, tail)) {
                return None;
            }
        }
        // Two pinyin words a vowel or an initial apart are mostly two
        // syllables, two names (Hebei and Hubei, Shanghai and Changhai); an
        // inserted vowel is the slip MT makes ("Wudaolang", "Najigou").
        // Unless the batch settles it: two names are both written across
        // the batch, a slip is written by one translation or two.
        let vote = self.batch_vote(a, b);
        let overwhelming = vote
            .as_ref()
            .is_some_and(|v| v.strength == Strength::Overwhelming);
        // A slip keeps the syllables a name is made of, or adds or drops
        // one whole ("Yulanxi" for "Lanxi"): a word of other syllables is
        // another name however the batch votes ("Jiangxi" beside "Zhang").
        let same_syllables = pinyin_syllables(&a.fold) == pinyin_syllables(&b.fold)
            || a.fold.contains(b.fold.as_str())
            || b.fold.contains(a.fold.as_str());
        if a.pinyin
            && b.pinyin
            && !one_vowel_apart(&a.fold, &b.fold)
            && !(overwhelming && same_syllables)
        {
            return None;
        }
        // A one-off of the batch beside the spelling nearly every other
        // document writes is a slip even when a little further from it.
        let slip = overwhelming && vote.is_some_and(|v| v.from_docs <= ONE_OFF_DOCS);
        let (least, shortest) = if slip {
            (MIN_CLOSE_SLIP, 4)
        } else {
            (MIN_CLOSE, 5)
        };
        if a.fold.len() < shortest || b.fold.len() < shortest || !a.bag.may_reach(&b.bag, least) {
            return None;
        }
        let sim = similarity_at_least(&a.skeleton, &b.skeleton, least)?;
        Some(Kinship::Close { sim })
    }

    /// True if the longer of two forms is the shorter with one letter
    /// more at the end ("Greey" beside "Gree", "Xinhuan" beside "Xinhua")
    /// that no other translation of the batch writes, while the batch
    /// writes the other overwhelmingly: a slip of this translation. A
    /// derived word is written by the other translations too ("Gagarina",
    /// "Syrian"), and a plural or a Russian adjective's -y is never taken
    /// for a slip ("Tyumens", "Tikhoretsky").
    fn letter_slipped(&self, a: &Form<'_, '_>, b: &Form<'_, '_>, short: &str, tail: &str) -> bool {
        tail.len() == 1
            && tail != "s"
            && !(tail == "y" && short.ends_with("sk"))
            && self
                .batch_vote(a, b)
                .is_some_and(|v| v.strength == Strength::Overwhelming && v.from_docs == 0)
    }

    /// Two forms written in the same slot of a repeated passage (see
    /// [`super::slots`]) and alike enough to be one name: five letters or
    /// more ("Mode" and "Model" share slots as words do), the same first
    /// letter, a spelling similarity of [`MIN_SLOT`], and, between two
    /// pinyin words (two syllables of a place list may share a slot), a
    /// vote of the batch.
    fn slot_kinship(&self, a: &Form<'_, '_>, b: &Form<'_, '_>) -> Option<Kinship> {
        if a.fold.as_bytes().first() != b.fold.as_bytes().first()
            || !is_candidate(a.spelling.word)
            || !is_candidate(b.spelling.word)
            || !a.bag.may_reach(&b.bag, MIN_SLOT)
        {
            return None;
        }
        let sim = similarity_at_least(&a.skeleton, &b.skeleton, MIN_SLOT)?;
        let (before, after) =
            super::slots::shared_slot(self.text(), &a.spelling.spans, &b.spelling.spans)?;
        if a.pinyin && b.pinyin && self.batch_vote(a, b).is_none() {
            return None;
        }
        Some(Kinship::Slot { sim, before, after })
    }

    /// The rewrites between forms `i` and `j`, in the direction the evidence
    /// favours: one, or one each way when nothing tells the two apart.
    fn direction(
        &self,
        forms: &[Form<'_, '_>],
        (i, j): (usize, usize),
        kind: Kinship,
        pinyin_text: bool,
    ) -> Vec<Rewrite> {
        let (a, b) = (forms[i].spelling, forms[j].spelling);
        let (na, nb) = (a.spans.len(), b.spans.len());
        let mut why = vec![match kind {
            Kinship::Romanization { sim } => format!(
                "{:?} and {:?} differ only as romanizations do (same transliteration key {:?}, spelling similarity {sim:.2})",
                a.word, b.word, forms[i].key
            ),
            Kinship::Close { sim } => format!(
                "{:?} and {:?} are spelt alike (spelling similarity {sim:.2}, transliteration keys {:?} and {:?})",
                a.word, b.word, forms[i].key, forms[j].key
            ),
            Kinship::Doubled { sim } => format!(
                "{:?} and {:?} differ only by a consonant written twice (spelling similarity {sim:.2}): two spellings a name may have, not two romanizations",
                a.word, b.word
            ),
            Kinship::Slot {
                sim,
                ref before,
                ref after,
            } => format!(
                "{:?} and {:?} are written in the same passage between {before:?} and {after:?} (spelling similarity {sim:.2})",
                a.word, b.word
            ),
        }];
        // within the document a consonant written once among many written
        // twice ("Wiliam" beside nine "William") is weighed as a
        // romanization is; only the batch's vote cannot tell the bearer's
        // own spelling from the commoner one
        let romanization = matches!(kind, Kinship::Romanization { .. } | Kinship::Doubled { .. });
        let by_count = (na != nb).then_some(if na > nb { (j, i) } else { (i, j) });
        let vote = self.batch_vote(&forms[i], &forms[j]);
        if let Some(v) = &vote {
            let (to, from) = if v.to_first { (a, b) } else { (b, a) };
            let (nt, nf) = (to.spans.len(), from.spans.len());
            let batch_dir = if v.to_first { (j, i) } else { (i, j) };
            // the document's own count stands against the batch only when
            // it is overwhelming (a name the text keeps to)
            let doc_overrules = v.strength == Strength::Clear
                && by_count.is_some_and(|d| d != batch_dir)
                && nf >= 3
                && nf >= 3 * nt;
            if !doc_overrules {
                return vec![self.batch_rewrite(
                    batch_dir,
                    (to, from),
                    v,
                    kind,
                    (&forms[batch_dir.0], &forms[batch_dir.1]),
                    why,
                )];
            }
            why.push(format!(
                "the other documents of the batch that share its rarer names write {:?} in {} and {:?} in {}, but this one keeps to {:?}",
                to.word, v.to_docs, from.word, v.from_docs, from.word
            ));
        }
        // The spelling of a foreign name in its own Latin alphabet
        // outweighs the document's count of a back-transliteration of it.
        let original = self.original_spelling(forms, (i, j));
        if let Some((f, o)) = original {
            why.push(format!(
                "{:?} writes w, which no romanization of Russian writes where {:?} writes v: the name's own Latin spelling, which the other transliterates back",
                forms[o].spelling.word, forms[f].spelling.word
            ));
        }
        let evidence = original
            .or(by_count)
            .or_else(|| tie_break(forms, (i, j), romanization, pinyin_text));
        let Some((fi, ti)) = evidence else {
            // Written as often, and nothing else to go by: both unifications
            // are proposed, for the reviewer to keep one.
            why.push(format!(
                "each is written {na} times and nothing else tells which is right: either may be kept"
            ));
            why.push("neither is in a lexicon".to_owned());
            let note = why.join("; ");
            return vec![
                Rewrite {
                    from: i,
                    to: j,
                    conf: TIE,
                    note: note.clone(),
                    pinyin_held: None,
                },
                Rewrite {
                    from: j,
                    to: i,
                    conf: TIE,
                    note,
                    pinyin_held: None,
                },
            ];
        };
        let (from, to) = (forms[fi].spelling, forms[ti].spelling);
        let (nf, nt) = (from.spans.len(), to.spans.len());
        // A variant slips in once or twice beside a form the text keeps
        // to; two forms each written often are two names (Chang and
        // Zhang), however alike.
        let mut conf: f32 = if romanization { 0.7 } else { 0.6 };
        // A mention that repeats another's words around it (a headline
        // echoed by its lede) is one choice of the writer, not a second:
        // the majority that makes the rewrite confident counts the
        // mentions in distinct contexts.
        let independent = distinct_contexts(self.text(), &to.spans);
        if independent >= 2 && independent >= 2 * nf {
            conf += 0.1;
            why.push(format!(
                "{:?} is written {nt} times, {:?} {nf}",
                to.word, from.word
            ));
        } else if independent < nt && nt >= 2 * nf {
            why.push(format!(
                "{:?} is written {nt} times, {:?} {nf}, but {:?} only in {independent} distinct context(s): a repeated passage counts once",
                to.word, from.word, to.word
            ));
        } else if nt > nf || original.is_some() {
            why.push(format!(
                "{:?} is written {nt} times, {:?} {nf}",
                to.word, from.word
            ));
        } else {
            conf -= 0.05;
            why.push(tie_reason(&forms[fi], &forms[ti], romanization));
        }
        if from.inside == 0 || to.inside == 0 {
            conf -= 0.1;
            why.push("one form only starts sentences".to_owned());
        }
        if original.is_some() {
            // the Latin spelling against the document's own majority
            conf = conf.min(ORIGINAL);
        }
        why.push("neither is in a lexicon".to_owned());
        // Between two pinyin words (pinyin and Wade–Giles: Zheng and Cheng
        // may be two people of a list), between forms merely alike, and in
        // a text whose language is not told, only proposed.
        if forms[fi].pinyin && forms[ti].pinyin
            || !romanization
            || self.lang.is_none()
            || vote.is_some()
        {
            conf = conf.min(0.65);
        }
        // One form heads an organisation's name and the other never does
        // ("Tinkoff group" beside "Oleg Tinkov"): a company keeps the
        // spelling it chose when it was named after its founder, so the
        // two forms may name two things; only proposed.
        let text = self.text();
        let (org_from, org_to) = (
            from.spans.iter().any(|s| heads_organisation(text, *s)),
            to.spans.iter().any(|s| heads_organisation(text, *s)),
        );
        if org_from != org_to {
            conf = conf.min(0.6);
            let org = if org_from { from.word } else { to.word };
            why.push(format!(
                "{org:?} is written as part of an organisation's name and the other form never is: they may name two things"
            ));
        }
        vec![Rewrite {
            from: fi,
            to: ti,
            conf,
            note: why.join("; "),
            pinyin_held: None,
        }]
    }

    /// `(from, to)` when one of two forms is a name's spelling in its own
    /// Latin alphabet and the other a transliteration of it back from
    /// Cyrillic: the first writes w where the second writes v, a letter no
    /// romanization of Russian writes (BGN/PCGN, ISO 9, scientific and
    /// informal all write v) and the spelling of Polish, German or English
    /// names ("Krychowiak" beside "Krykhovyak"), while the v form carries a
    /// digraph of those romanizations (kh, zh, ya, yu, yo, ye). Not between
    /// pinyin words (pinyin writes w), and not when the v form is a common
    /// word or given name ("Vladimir" beside the German "Wladimir").
    fn original_spelling(
        &self,
        forms: &[Form<'_, '_>],
        (ia, ib): (usize, usize),
    ) -> Option<(usize, usize)> {
        let (a, b) = (&forms[ia], &forms[ib]);
        if a.pinyin || b.pinyin {
            return None;
        }
        let writes_w = |f: &Form<'_, '_>| f.fold.contains('w');
        // a digraph only romanizations of Cyrillic write (х, ж, я, ю, ё, е
        // after a vowel): a German or Scandinavian v ("Svenja" beside
        // "Swenja") is none
        let transliterated = |f: &Form<'_, '_>| {
            !writes_w(f)
                && f.fold.contains('v')
                && ["kh", "zh", "ya", "yu", "yo", "ye"]
                    .iter()
                    .any(|d| f.fold.contains(d))
                && !self.is_common(f.spelling.word)
        };
        if writes_w(a) && transliterated(b) {
            Some((ib, ia))
        } else if writes_w(b) && transliterated(a) {
            Some((ia, ib))
        } else {
            None
        }
    }

    /// What the other documents of the batch about the same thing (see
    /// [`crate::names::batch::Related`]) say between two spellings this
    /// document writes: the one they write at least
    /// [`BATCH_RATIO`] times as often, in [`BATCH_MIN`] documents or more.
    fn batch_vote(&self, a: &Form<'_, '_>, b: &Form<'_, '_>) -> Option<BatchVote> {
        self.batch_vote_on(a.spelling.word, b.spelling.word)
    }

    /// [`Matcher::batch_vote`] between two forms as written: one word, or
    /// two one space apart (a name split, see
    /// [`crate::names::batch::NameCounts`]).
    fn batch_vote_on(&self, a: &str, b: &str) -> Option<BatchVote> {
        let (related, oa, ob) = self.batch_documents(a, b)?;
        let (to_first, to_docs, from_docs) = if oa >= ob {
            (true, oa, ob)
        } else {
            (false, ob, oa)
        };
        if to_docs < BATCH_MIN || to_docs < BATCH_RATIO * from_docs.max(1) {
            return None;
        }
        let strength =
            if to_docs >= OVERWHELMING_DOCS && to_docs >= OVERWHELMING_RATIO * from_docs.max(1) {
                Strength::Overwhelming
            } else {
                Strength::Clear
            };
        Some(BatchVote {
            related,
            to_first,
            to_docs,
            from_docs,
            strength,
        })
    }

    /// How many other documents of the batch about the same thing (see
    /// [`crate::names::batch::Related`]) there are, and how many of them
    /// write `a` and `b`, when the batch is evidence.
    pub(super) fn batch_documents(&self, a: &str, b: &str) -> Option<(usize, u32, u32)> {
        let (counts, related) = self.batch_related()?;
        // this document writes both: the others are what counts
        let others = |w: &str| related.documents_with(counts, w).saturating_sub(1);
        Some((related.len().saturating_sub(1), others(a), others(b)))
    }

    /// The rewrite the batch's vote asks for, from `from` to `to`: applied
    /// when the vote is overwhelming and the document does not write the
    /// other form more often, and the two differ as romanizations do (or
    /// the other is a one-off of the batch); otherwise proposed.
    fn batch_rewrite(
        &self,
        (fi, ti): (usize, usize),
        (to, from): (&Spelling<'_>, &Spelling<'_>),
        vote: &BatchVote,
        kind: Kinship,
        (from_form, to_form): (&Form<'_, '_>, &Form<'_, '_>),
        mut why: Vec<String>,
    ) -> Rewrite {
        let romanization = matches!(kind, Kinship::Romanization { .. });
        let (nt, nf) = (to.spans.len(), from.spans.len());
        why.push(format!(
            "the {} other documents of the batch that share its rarer names write {:?} in {} and {:?} in {}",
            vote.related, to.word, vote.to_docs, from.word, vote.from_docs
        ));
        why.push(format!(
            "this document writes {:?} {nt} times, {:?} {nf}",
            to.word, from.word
        ));
        let one_off = vote.from_docs <= ONE_OFF_DOCS;
        let overwhelming = vote.strength == Strength::Overwhelming;
        // the same slot of a repeated passage is as good as a close spelling
        let slot = matches!(kind, Kinship::Slot { .. });
        let close = slot || matches!(kind, Kinship::Close { sim } if sim >= MIN_CLOSE);
        let mut conf: f32 = if romanization { 0.7 } else { 0.6 };
        if overwhelming {
            conf += 0.1;
            // a one-off of the batch, one letter or two from the spelling
            // nearly every other document writes: a slip
            if close && one_off {
                conf += 0.1;
                why.push(if vote.from_docs == 0 {
                    format!("no other translation writes {:?}", from.word)
                } else {
                    format!("{:?} is a one-off of the batch", from.word)
                });
            }
        }
        // the document writing the slip more often than the name counts
        // against it, unless the aligned translations settle it (see
        // [`Matcher::aligned_place`])
        let mut held_count = 0.0;
        if nt >= 2 && nt >= 2 * nf {
            conf += 0.1;
        } else if nt < nf {
            conf -= 0.1;
            held_count = 0.1;
        }
        // a word that only starts sentences may be an ordinary word; the
        // batch writing the other form as a name everywhere says it is not
        if (from.inside == 0 || to.inside == 0) && !overwhelming {
            conf -= 0.1;
            why.push("one form only starts sentences".to_owned());
        }
        // spellings merely alike are applied only against a one-off of
        // the batch; between two pinyin words (syllables of a language with
        // few, often two names: Nanning and Nanyang) only against a
        // spelling of two syllables or more that no other translation
        // writes at all, beside the one the document itself writes more
        let pinyin_slip = vote.from_docs == 0
            && nt > nf
            && [from_form, to_form]
                .iter()
                .all(|f| pinyin_syllables(f.spelling.word).is_some_and(|n| n >= 2));
        // two pinyin words in one slot, one a one-off of the batch: the
        // slot says the syllables changed are a slip, not another place
        let pinyin_pair = from_form.pinyin && to_form.pinyin && !(slot && overwhelming);
        let held_as_pinyin = pinyin_pair && !pinyin_slip;
        // a one-off held back only as two pinyin words that may be two
        // places: what the aligned translations write in its place may
        // settle it; not a syllable added or dropped whole, which may be
        // a name's other part ("Ejingping" for E Jingping beside
        // "Jingping")
        let (ff, tf) = (&from_form.fold, &to_form.fold);
        let pinyin_held = (!romanization
            && one_off
            && close
            && held_as_pinyin
            && !ff.contains(tf.as_str())
            && !tf.contains(ff.as_str())
            && self.lang.is_some())
        .then(|| (conf + held_count).min(0.9));
        if !romanization && (!one_off || !close || held_as_pinyin) || self.lang.is_none() {
            conf = conf.min(0.65);
        }
        conf = conf.min(0.9);
        why.push("neither is in a lexicon".to_owned());
        Rewrite {
            from: fi,
            to: ti,
            conf,
            note: why.join("; "),
            pinyin_held,
        }
    }

    /// Names written as two words in one place and one word in another:
    /// "Xiao wen"/"Xiaowen", "Zhang Jike"/"ZhangJike", "Li-tao"/"Litao".
    fn splits_and_joins(
        &self,
        idx: &crate::names::context::DocIndex<'_>,
        spellings: &BTreeMap<String, Spelling<'_>>,
        guessed: &SpanSet,
    ) -> Vec<Edit> {
        let text = self.text();
        let mut glued: BTreeMap<String, Vec<&Spelling<'_>>> = BTreeMap::new();
        for s in spellings.values() {
            glued.entry(fold(s.word)).or_default().push(s);
        }
        let mut splits: BTreeMap<String, Vec<Split<'_>>> = BTreeMap::new();
        for WordPair {
            first: w1,
            sep,
            second: w2,
            span,
        } in self.word_pairs()
        {
            let letters = |w: &str| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_alphabetic());
            if !(sep == " " || sep == "-")
                || !letters(w1)
                || !letters(w2)
                || !w1.starts_with(|c: char| c.is_ascii_uppercase())
            {
                continue;
            }
            let key = fold(&format!("{w1}{w2}"));
            if !glued.contains_key(&key) {
                continue;
            }
            if self.taken(span) || guessed.overlaps(span) {
                continue;
            }
            let lower = w2.starts_with(|c: char| c.is_ascii_lowercase());
            splits.entry(key).or_default().push(Split {
                span,
                text: span.of(text),
                malformed: sep == " " && lower,
                two_names: sep == " " && !lower,
            });
        }
        let mut out = Vec::new();
        for (key, parts) in splits {
            let Some(words) = glued.get(&key) else {
                continue;
            };
            // the glued spelling written most often
            let Some(one) = words
                .iter()
                .max_by_key(|s| (s.spans.len(), std::cmp::Reverse(s.spans[0])))
            else {
                continue;
            };
            let n_one: usize = words.iter().map(|s| s.spans.len()).sum();
            let n_two = parts.len();
            // a capital inside a word ("ZhangJike") is two names glued
            let glued_malformed = one.word[1..].contains(|c: char| c.is_ascii_uppercase());
            let two = parts
                .iter()
                .find(|p| p.two_names)
                .or_else(|| parts.iter().find(|p| !p.malformed));
            let syllables = pinyin_syllables(one.word).unwrap_or(0);
            let first = two.is_some_and(|t| t.span < one.spans[0]);
            // Which way: (rewrite the glued words into the split form?, confidence, reason)
            let (mut to_split, mut conf, mut why) = match two {
                // only proposed: brands and handles glue words on purpose
                Some(t) if glued_malformed => (
                    Some(t),
                    0.55,
                    format!("{:?} has a capital inside: two names glued", one.word),
                ),
                Some(t) if n_two > n_one => (
                    Some(t),
                    if n_two >= 2 * n_one { 0.7 } else { 0.6 },
                    format!(
                        "{:?} is written {n_two} times, {:?} {n_one}",
                        t.text, one.word
                    ),
                ),
                // written as often, the glued pinyin form is kept (below)
                Some(_) if n_two == n_one && syllables >= 2 => (None, 0.0, String::new()),
                Some(t) if n_two == n_one && first => (
                    Some(t),
                    0.6,
                    format!("written as often; {:?} comes first", t.text),
                ),
                _ => (None, 0.0, String::new()),
            };
            // A person's name written apart where it stands alone ("Liang
            // Yun, who", "Liang Yun led") and glued only as the first word
            // of a longer proper name ("Liangyun Cultural Compound"): the
            // place is named after the person, and the person's name is the
            // split one.
            let person = parts
                .iter()
                .find(|p| p.two_names && stands_alone(text, p.span));
            let named_after = match person {
                Some(t)
                    if syllables >= 2
                        && !glued_malformed
                        && words
                            .iter()
                            .flat_map(|w| &w.spans)
                            .all(|s| before_proper_head(text, *s)) =>
                {
                    to_split = Some(t);
                    conf = 0.7;
                    why = format!(
                        "{:?} stands alone as a person's name, {:?} only comes before the head of a longer proper name: a place named after the person",
                        t.text, one.word
                    );
                    true
                }
                _ => false,
            };
            // A glued name written only as an item of a list whose other
            // items are people's names written apart, family name first
            // ("Haiqing, Ma Yili, Qin Hailu and Sun Li"), is a person's
            // name like them, and the document writes it apart too.
            let listed = if named_after || glued_malformed || syllables < 2 {
                None
            } else {
                two.filter(|t| t.two_names && surname_first(t.text))
                    .and_then(|t| {
                        let mut shown = Vec::new();
                        for s in words.iter().flat_map(|w| &w.spans) {
                            shown = listed_among_split_names(text, idx, *s)?;
                        }
                        Some((t, shown))
                    })
            };
            if let Some((t, shown)) = &listed {
                to_split = Some(*t);
                conf = LISTED;
                why = format!(
                    "{:?} is an item of a list of people's names written family name first and apart ({}): a person's name, as {:?} writes it",
                    one.word,
                    shown.join(", "),
                    t.text
                );
            }
            let named_after = named_after || listed.is_some();
            // The other translations of the text settle the question the
            // document's own counts leave open, or overrule them: a given
            // name glued in nearly all of them ("Hongsen"), a person's
            // name written apart in most ("Zhong Nanshan").
            let vote = two
                .filter(|t| t.two_names && !glued_malformed)
                .and_then(|t| Some((t, self.batch_vote_on(one.word, t.text)?)))
                // beside a place named after the person, a vote for the
                // glued form counts the place's name, not the person's
                .filter(|(_, v)| !(named_after && v.to_first));
            let mut batch_join = None;
            // the others write the split form as often as the glued one:
            // two words may be a person's name, the join only proposed
            let split_as_often = vote.is_none()
                && two
                    .filter(|t| t.two_names)
                    .and_then(|t| self.batch_documents(one.word, t.text))
                    .is_some_and(|(_, glued, split)| split >= BATCH_MIN && split >= glued);
            if let Some((t, v)) = &vote {
                let overwhelming = v.strength == Strength::Overwhelming;
                let (to, from) = if v.to_first {
                    (one.word, t.text)
                } else {
                    (t.text, one.word)
                };
                let why_batch = format!(
                    "the {} other documents of the batch that share its rarer names write {to:?} in {} and {from:?} in {}",
                    v.related, v.to_docs, v.from_docs
                );
                let c = if overwhelming { 0.8 } else { 0.7 };
                if v.to_first {
                    batch_join = Some((c, why_batch));
                    to_split = None;
                } else {
                    to_split = Some(*t);
                    conf = c;
                    why = why_batch;
                }
            }
            match to_split {
                Some(t) => {
                    let target = t.text.to_owned();
                    for w in words {
                        for span in &w.spans {
                            out.push(
                                Edit::new(
                                    text,
                                    *span,
                                    target.clone(),
                                    "names/split",
                                    Category::Name,
                                    conf,
                                )
                                .with_note(format!(
                                    "{:?} and {target:?} both occur in this document; {why}",
                                    w.word
                                )),
                            );
                        }
                    }
                    for p in parts.iter().filter(|p| p.text != target) {
                        out.push(
                            Edit::new(
                                text,
                                p.span,
                                target.clone(),
                                "names/split",
                                Category::Name,
                                0.6,
                            )
                            .with_note(format!(
                                "{:?} and {target:?} both occur in this document",
                                p.text
                            )),
                        );
                    }
                }
                None => {
                    for p in &parts {
                        let (conf, why) = if let Some((c, why)) =
                            batch_join.as_ref().filter(|_| !p.malformed)
                        {
                            (*c, why.clone())
                        } else if split_as_often && !p.malformed {
                            (
                                0.65,
                                format!(
                                    "the other documents of the batch that share its rarer names write {:?} as often as {:?}",
                                    p.text, one.word
                                ),
                            )
                        } else if p.malformed {
                            // a short piece may be a word ("Log in")
                            let piece = p.text.rsplit(' ').next().unwrap_or("");
                            let plain = !one.word[1..].contains(|c: char| c.is_ascii_uppercase());
                            let conf = if plain && piece.len() >= 3 && !self.is_common(piece) {
                                0.85
                            } else {
                                0.7
                            };
                            (
                                conf,
                                format!("{:?} goes on in lowercase: a name split in two", p.text),
                            )
                        } else if n_one >= OVERWHELMING * n_two.max(1)
                            && syllables >= 2
                            && spellings.len() <= MAX_FORMS_FOR_GUESSES
                        {
                            (
                                0.8,
                                format!(
                                    "{:?} is written {n_one} times, {:?} {n_two}; {:?} is {syllables} pinyin syllables, one word",
                                    one.word, p.text, one.word
                                ),
                            )
                        } else if n_one > n_two {
                            (
                                0.65,
                                format!(
                                    "{:?} is written {n_one} times, {:?} {n_two}",
                                    one.word, p.text
                                ),
                            )
                        } else if syllables >= 2 {
                            (
                                0.6,
                                format!(
                                    "written as often; {:?} is {syllables} pinyin syllables, and pinyin writes a given name or a place name as one word",
                                    one.word
                                ),
                            )
                        } else {
                            (0.6, format!("{:?} comes first", one.word))
                        };
                        out.push(
                            Edit::new(text, p.span, one.word, "names/join", Category::Name, conf)
                                .with_note(format!(
                                    "{:?} and {:?} both occur in this document; {why}",
                                    p.text, one.word
                                )),
                        );
                    }
                }
            }
        }
        out
    }
}

/// Whether a name at `span` stands alone as a person's: what follows is a
/// clause's punctuation, the end of the text or a lowercase word ("Liang
/// Yun, who", "Liang Yun led"), not the capitalised next word of a longer
/// proper name, and no quotation mark or exclamation makes it a term or a
/// title (`"Zhong Fu."`, `Ding Dong! Hello, Teacher`).
fn stands_alone(text: &str, span: Span) -> bool {
    let quote = |c: char| {
        matches!(
            c,
            '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}'
        )
    };
    if text[..span.start].ends_with(quote) {
        return false;
    }
    let rest = &text[span.end..];
    let mut cs = rest.chars();
    match cs.next() {
        None => true,
        Some(' ') => rest[1..].starts_with(|c: char| c.is_lowercase()),
        Some(',' | ';' | ':' | '.') => !cs.next().is_some_and(quote),
        Some(_) => false,
    }
}

/// True if `name` is two words, the first one pinyin syllable (a family
/// name) and the second one or two ("Hai Qing", "Ma Yili").
fn surname_first(name: &str) -> bool {
    let Some((family, given)) = name.split_once(' ') else {
        return false;
    };
    pinyin_syllables(family) == Some(1)
        && pinyin_syllables(given).is_some_and(|n| n <= 2)
        && given.starts_with(|c: char| c.is_ascii_uppercase())
}

/// The other items of the list that holds the word at `span`, when at
/// least [`LIST_NAMES`] of them, and most, are people's names written
/// family name first and apart ([`surname_first`]).
fn listed_among_split_names(
    text: &str,
    idx: &crate::names::context::DocIndex<'_>,
    span: Span,
) -> Option<Vec<String>> {
    let cue = crate::names::context::list_around(text, idx.sentence(span), span)?;
    let others: Vec<&str> = cue
        .items
        .iter()
        .filter(|i| !i.overlaps(span))
        .map(|i| i.of(text))
        .collect();
    let names: Vec<String> = others
        .iter()
        .filter(|i| surname_first(i))
        .map(|i| (*i).to_owned())
        .collect();
    (names.len() >= LIST_NAMES && 2 * names.len() > others.len()).then_some(names)
}

/// Whether the word at `span` is followed, after one space, by a capitalised
/// word: the first word of a longer proper name ("Liangyun Cultural
/// Compound").
pub(super) fn before_proper_head(text: &str, span: Span) -> bool {
    text[span.end..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
}

impl Matcher<'_, '_> {
    /// Two pinyin names glued with the second's capital kept ("ZhangJike"
    /// for Zhang Jike) where the document never writes them apart: proposed
    /// apart, in a Chinese text (most of its unknown names pinyin) that
    /// writes one of the two pieces as a name of its own. Brands glue words
    /// on purpose ("YouTube"), so never applied.
    fn camel_glued(&self, spellings: &BTreeMap<String, Spelling<'_>>) -> Vec<Edit> {
        let pinyin = spellings
            .values()
            .filter(|s| pinyin_syllables(s.word).is_some())
            .count();
        if pinyin < 3 || 2 * pinyin <= spellings.len() {
            return Vec::new();
        }
        let text = self.text();
        let mut out = Vec::new();
        let glued: Vec<(&Spelling<'_>, &str, &str)> = spellings
            .values()
            .filter_map(|s| camel_pieces(s.word).map(|(a, b)| (s, a, b)))
            .collect();
        if glued.is_empty() {
            return out;
        }
        // one walk over the text answers for every glued name whether it is
        // written apart ("Zhang Jike", "Zhang-Jike"), and one more which
        // capitalised words stand alone: a search per name made a text of
        // many such names quadratic
        let apart_forms: Vec<String> = glued
            .iter()
            .flat_map(|(_, a, b)| [format!("{a} {b}"), format!("{a}-{b}")])
            .collect();
        let mut written = vec![false; apart_forms.len()];
        if let Ok(ac) = aho_corasick::AhoCorasick::new(&apart_forms) {
            for m in ac.find_overlapping_iter(text) {
                written[m.pattern().as_usize()] = true;
            }
        }
        let words: HashSet<&str> = capitalised_words(text).map(|(_, w)| w).collect();
        for (k, (s, first, second)) in glued.into_iter().enumerate() {
            let apart = format!("{first} {second}");
            let alone = |w: &str| spellings.contains_key(w) || words.contains(w);
            if written[2 * k] || written[2 * k + 1] || !(alone(first) || alone(second)) {
                continue;
            }
            for span in &s.spans {
                out.push(
                    Edit::new(text, *span, apart.clone(), "names/split", Category::Name, 0.6)
                        .with_note(format!(
                            "{:?} has a capital inside and both pieces are pinyin, in a text whose names are mostly pinyin: two names glued; {first:?} or {second:?} is written on its own elsewhere",
                            s.word
                        )),
                );
            }
        }
        out
    }
}

/// True if the word at `span` is part of an identifier, which is written
/// as its owner chose, not a mention of a name: a handle or tag
/// ("@ErinAndrews", "#PageSix"), a domain or file name ("BahamasLocal.com"),
/// a call in code ("BeautifulSoup(resp.content)").
fn identifier(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let mut after = text[span.end..].chars();
    matches!(before, Some('@' | '#' | '_' | '/'))
        || match after.next() {
            Some('(' | '_' | '/' | '@') => true,
            Some('.') => after.next().is_some_and(|c| c.is_ascii_lowercase()),
            _ => false,
        }
}

/// The two pieces of a word glued at its one inside capital, when the
/// first is one pinyin syllable (a family name) and the second one or two
/// (a given name): "ZhangJike" → ("Zhang", "Jike").
fn camel_pieces(w: &str) -> Option<(&str, &str)> {
    let inner: Vec<usize> = w
        .char_indices()
        .skip(1)
        .filter(|(_, c)| c.is_ascii_uppercase())
        .map(|(k, _)| k)
        .collect();
    let [k] = inner[..] else {
        return None;
    };
    let (first, second) = w.split_at(k);
    let ok = |p: &str, most: usize| pinyin_syllables(p).is_some_and(|n| n <= most);
    // a place's generic word glued to it ("WeiHe", the Wei river) is no
    // given name
    let generic = super::generics::GENERICS
        .iter()
        .any(|(g, _)| second.eq_ignore_ascii_case(g));
    (w.starts_with(|c: char| c.is_ascii_uppercase())
        && !generic
        && second.len() >= 2
        && ok(first, 1)
        && ok(second, 2))
    .then_some((first, second))
}

/// Between two forms written as often: (from, to) when one is better
/// formed. A form made of pinyin syllables beats one that is not, in a
/// text with other pinyin; of two forms merely alike, the longer (a
/// letter dropped is the commoner slip of a translation than one added).
fn tie_break(
    forms: &[Form<'_, '_>],
    (i, j): (usize, usize),
    romanization: bool,
    pinyin_text: bool,
) -> Option<(usize, usize)> {
    let (a, b) = (&forms[i], &forms[j]);
    if a.pinyin != b.pinyin && pinyin_text {
        return Some(if a.pinyin { (j, i) } else { (i, j) });
    }
    if !romanization && a.fold.len() != b.fold.len() {
        return Some(if a.fold.len() > b.fold.len() {
            (j, i)
        } else {
            (i, j)
        });
    }
    None
}

/// Why [`tie_break`] chose `to` over `from`.
fn tie_reason(from: &Form<'_, '_>, to: &Form<'_, '_>, romanization: bool) -> String {
    let (f, t) = (from.spelling.word, to.spelling.word);
    let n = from.spelling.spans.len();
    if to.pinyin && !from.pinyin {
        format!("each is written {n} times; {t:?} is made of pinyin syllables, {f:?} is not")
    } else if !romanization {
        format!("each is written {n} times; {f:?} lacks a letter of {t:?}")
    } else {
        format!("each is written {n} times")
    }
}

/// True if most of the document's unknown names are pinyin: a Chinese
/// text, where a form that is no pinyin is the malformed one.
fn pinyin_text(forms: &[Form<'_, '_>]) -> bool {
    let pinyin = forms.iter().filter(|f| f.pinyin).count();
    pinyin >= 3 && 2 * pinyin > forms.len()
}

/// Each form meets at most this many neighbours in each order of
/// [`candidate_pairs`]: the comparisons grow with the number of forms, not
/// with its square, however many names a text has.
pub(super) const WINDOW: usize = 4;
/// The orders [`candidate_pairs`] sorts the forms in.
const ORDERS: usize = 3;
/// Least spelling similarity of two forms whose transliteration keys differ.
const MIN_CLOSE: f32 = 0.85;
/// Least spelling similarity of two forms written in the same slot of a
/// repeated passage: a syllable changed or the end dropped ("Shipong" for
/// "Shipan", "Houde" for "Houdeli"), not another name.
const MIN_SLOT: f32 = 0.6;
/// Above this many distinct unknown forms, a text is a directory or a list
/// rather than a story told about a few names (a news article of 20
/// paragraphs has some 15 to 90): forms merely alike, or written as often,
/// are left alone there.
const MAX_FORMS_FOR_GUESSES: usize = 120;
/// How many times more often a glued pinyin name must be written than its
/// split form for the join to be applied.
const OVERWHELMING: usize = 3;
/// Confidence of each of the two rewrites proposed between forms written as
/// often with nothing else to tell them apart.
const TIE: f32 = 0.5;
/// Most confidence of a rewrite into a name's own Latin spelling against
/// the document's majority (see [`Matcher::original_spelling`]): proposed.
const ORIGINAL: f32 = 0.6;

/// Least number of other documents of the batch writing a spelling for
/// their vote to count.
pub(super) const BATCH_MIN: u32 = 3;
/// How many times as many documents must write the spelling the batch
/// votes for as the other.
pub(super) const BATCH_RATIO: u32 = 2;
/// A vote this large (documents, and times as many) is overwhelming: a
/// slip of one translation, not a second name.
pub(super) const OVERWHELMING_DOCS: u32 = 6;
pub(super) const OVERWHELMING_RATIO: u32 = 4;

/// Rewrites of a spelling into a route's abbreviation ("Zhengwang" into
/// "Zhengwan") rewrite it into the route the abbreviation is expanded to
/// ("Zhengzhou-Wanzhou"): the abbreviation is no form to leave the text in,
/// and the spelling abbreviates the same two places. No surer than the
/// abbreviation's own expansion: the route rule weighs where the text
/// names the two places, the spelling rule does not.
fn expand_to_routes(edits: &mut [Edit], routes: &[Edit]) {
    let mut expansions: BTreeMap<&str, (&str, f32)> = BTreeMap::new();
    for r in routes {
        let least = expansions
            .get(r.before.as_str())
            .map_or(r.confidence, |&(_, c)| c.min(r.confidence));
        expansions.insert(&r.before, (&r.after, least));
    }
    for e in edits {
        let Some(&(route, conf)) = expansions.get(e.after.as_str()) else {
            continue;
        };
        e.confidence = e.confidence.min(conf);
        let note = format!(
            "{}; {:?} abbreviates the route {route:?}, which the text names",
            e.note.as_deref().unwrap_or(""),
            e.after
        );
        e.after = route.to_owned();
        e.note = Some(note);
    }
}

/// How many times as often as in lowercase a document must write a word
/// capitalised inside its sentences for the lowercase to be a slip of case
/// and the word a name: a name is written capitalised nearly always, a
/// common word capitalised in titles and headings about as often as not.
const CASE_SLIP_RATIO: usize = 4;

/// True if folded `f` is country `k` itself, or its people's or its
/// adjective's word ("turks", "turkish", "greek", "germans"): the country's
/// stem (four letters or more, at most three short of the whole) and a
/// demonym's ending. A name that merely begins as a country does ("Germu",
/// "Gree", "Greey") is none.
fn of_a_country(f: &str, k: &str) -> bool {
    if f == k || crate::names::context::is_demonym(f, k) {
        return true;
    }
    let common = f.bytes().zip(k.bytes()).take_while(|(a, b)| a == b).count();
    common >= 4 && common + 3 >= k.len() && matches!(&f[common..], "s" | "k" | "ks")
}

/// A spelling written by at most this many other documents of the batch is
/// a one-off there.
const ONE_OFF_DOCS: u32 = 2;
/// Least spelling similarity of a one-off of the batch to the spelling the
/// batch overwhelmingly writes (only proposed below [`MIN_CLOSE`]).
const MIN_CLOSE_SLIP: f32 = 0.8;

/// What the other documents of a batch say between two spellings.
struct BatchVote {
    /// Other documents of the batch about the same thing.
    related: usize,
    /// The first of the two spellings compared is the one they write.
    to_first: bool,
    /// Other documents writing the spelling voted for, and the other.
    to_docs: u32,
    from_docs: u32,
    strength: Strength,
}

/// How strong a [`BatchVote`] is.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Strength {
    Clear,
    Overwhelming,
}

/// A spelling with what it is compared by.
struct Form<'s, 'a> {
    spelling: &'s Spelling<'a>,
    key: String,
    fold: String,
    skeleton: String,
    bag: Bag,
    /// Made of pinyin syllables.
    pinyin: bool,
}

impl<'s, 'a> Form<'s, 'a> {
    fn of(spelling: &'s Spelling<'a>) -> Self {
        let skeleton = skeleton(spelling.word);
        Form {
            spelling,
            key: variant_key(spelling.word),
            fold: fold(spelling.word),
            bag: Bag::of(&skeleton),
            skeleton,
            pinyin: pinyin_syllables(spelling.word).is_some()
                || pinyin_syllables(&undouble_vowel(spelling.word)).is_some(),
        }
    }
}

/// How two spellings are of one name.
#[derive(Clone)]
enum Kinship {
    /// The same transliteration key: one romanization of the other.
    Romanization { sim: f32 },
    /// Skeletons this similar, keys apart.
    Close { sim: f32 },
    /// The same key, the forms only a consonant written once or twice
    /// apart ("Russel", "Russell"): a spelling of the name the bearer may
    /// have chosen, which the batch's majority does not settle (see
    /// [`consonant_doubled_only`]).
    Doubled { sim: f32 },
    /// Written between the same words (see [`super::slots`]), skeletons at
    /// least [`MIN_SLOT`] alike.
    Slot {
        sim: f32,
        before: String,
        after: String,
    },
}

/// A form to rewrite into another, with the confidence and the evidence.
struct Rewrite {
    from: usize,
    to: usize,
    conf: f32,
    note: String,
    /// The confidence of a one-off of the batch between two pinyin words,
    /// proposed only because two pinyin words a syllable apart may be two
    /// places (Nanning and Nanyang); `None` for any other rewrite.
    pinyin_held: Option<f32>,
}

/// The pairs of forms worth comparing: sorted by transliteration key, by the
/// key reversed and by the consonant code of the skeleton (so that a
/// difference at either end, or in the vowels, still meets), each form
/// with its next [`WINDOW`] neighbours in each order. At most
/// `ORDERS × WINDOW` pairs a form, whatever the text.
fn candidate_pairs(forms: &[Form<'_, '_>]) -> std::collections::BTreeSet<(usize, usize)> {
    let mut pairs = std::collections::BTreeSet::new();
    for order in 0..ORDERS {
        let mut sorted: Vec<(String, usize)> = forms
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let k = match order {
                    0 => f.key.clone(),
                    1 => f.key.chars().rev().collect(),
                    _ => consonant_code(&f.skeleton),
                };
                (k, i)
            })
            .collect();
        sorted.sort();
        for (k, (_, i)) in sorted.iter().enumerate() {
            for (_, j) in sorted.iter().skip(k + 1).take(WINDOW) {
                pairs.insert(((*i).min(*j), (*i).max(*j)));
            }
        }
    }
    pairs
}

/// `w` folded with its first doubled vowel written once: "Shaanxi", the
/// official spelling that tells the province from Shanxi by a vowel
/// written twice, is a pinyin word like the other.
fn undouble_vowel(w: &str) -> String {
    let mut f = fold(w);
    if let Some(k) = f
        .as_bytes()
        .windows(2)
        .position(|p| p[0] == p[1] && matches!(p[0], b'a' | b'e' | b'i' | b'o' | b'u'))
    {
        f.remove(k);
    }
    f
}

/// True if `a` and `b` (folded) differ by one vowel inserted.
fn one_vowel_apart(a: &str, b: &str) -> bool {
    let Some((long, k)) = crate::names::similar::one_byte_inserted(a, b) else {
        return false;
    };
    let v = long.as_bytes()[k];
    // a vowel doubled is another name (Shanxi and Shaanxi, two provinces)
    let doubled = k > 0 && long.as_bytes()[k - 1] == v || long.as_bytes().get(k + 1) == Some(&v);
    matches!(v, b'a' | b'e' | b'i' | b'o' | b'u') && !doubled
}

/// The number of distinct contexts of `spans` in `text`: the two words
/// before and the two after each, compared in lowercase.
fn distinct_contexts(text: &str, spans: &[Span]) -> usize {
    let not_word = |c: char| !c.is_alphanumeric();
    let mut contexts: Vec<String> = spans
        .iter()
        .map(|s| {
            let before: Vec<&str> = text[..s.start]
                .rsplit(not_word)
                .filter(|w| !w.is_empty())
                .take(2)
                .collect();
            let after: Vec<&str> = text[s.end..]
                .split(not_word)
                .filter(|w| !w.is_empty())
                .take(2)
                .collect();
            format!("{} | {}", before.join(" "), after.join(" ")).to_lowercase()
        })
        .collect();
    contexts.sort_unstable();
    contexts.dedup();
    contexts.len()
}

/// The capitalised words written right before and after `span`, one space
/// away.
pub(super) fn capitalised_neighbours(text: &str, span: Span) -> impl Iterator<Item = &str> {
    let cap = |w: &&str| w.len() >= 2 && w.starts_with(|c: char| c.is_uppercase());
    let before = text[..span.start].strip_suffix(' ').map(last_letters);
    let after = text[span.end..]
        .strip_prefix(' ')
        .map(|t| &t[..t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len())]);
    before.into_iter().chain(after).filter(cap)
}

/// Least number of a list's other items that are people's names written
/// apart for a glued item to be taken for one.
const LIST_NAMES: usize = 2;
/// Confidence of splitting a glued name listed among names written apart:
/// the batch may glue it as often (a given name glued is pinyin's habit).
const LISTED: f32 = 0.65;

/// Confidence at most of a rewrite inside a bibliographic reference.
const CITED: f32 = 0.6;
/// Most confidence of a rewrite whose source form the aligned translations
/// write in its place more often than its target (see
/// [`super::aligned::Alignment::kept_by_others`]).
const KEPT_BY_OTHERS: f32 = 0.65;

/// How far either side of a name [`in_citation`] looks for a reference's
/// marker, in bytes: further than a reference entry reaches, and a bound so
/// that a text copied without line breaks (a web page or a PDF extracted as
/// one line) is not read again for each of its names.
const CITATION_REACH: usize = 400;

/// True if the line of `text` holding `span` is a bibliographic reference:
/// it names a DOI or an arXiv identifier, or cites authors "et al." within
/// [`CITATION_REACH`] bytes. A title cited there is written as its authors
/// wrote it ("a Neandertal tar-backed tool" beside the article's
/// "Neanderthal").
fn in_citation(text: &str, span: Span) -> bool {
    let lo = crate::scan::floor_boundary(text, span.start.saturating_sub(CITATION_REACH));
    let hi = crate::scan::ceil_boundary(text, span.end.saturating_add(CITATION_REACH));
    let start = text[lo..span.start].rfind('\n').map_or(lo, |k| lo + k + 1);
    let end = text[span.end..hi].find('\n').map_or(hi, |k| span.end + k);
    crate::work::read(hi - lo);
    let line = text[start..end].to_lowercase();
    line.contains("doi:")
        || line.contains("doi.org/")
        || line.contains("arxiv:")
        || line.contains(" et al.")
}

/// Whether the word at `span` in `text` names an organisation: the next
/// word, after a space, is one that names organisations ("Tinkoff group",
/// "Bank", "Corporation"), or the word before it is, after a space and
/// perhaps an opening quotation mark (`the group "Tinkoff"`, Russian's
/// order translated word for word).
fn heads_organisation(text: &str, span: Span) -> bool {
    let org = |w: &str| crate::names::stats::ORG_WORDS.contains(&w.to_lowercase().as_str());
    let next = text[span.end..].strip_prefix(' ').is_some_and(|rest| {
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        org(&rest[..end])
    });
    let before = text[..span.start]
        .trim_end_matches(['"', '“', '«', '„', '\''])
        .strip_suffix(' ')
        .map(last_letters);
    next || before.is_some_and(org)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_beside_an_organisation_word_names_the_organisation() {
        let at = |t: &str, w: &str| {
            let k = t.find(w).unwrap();
            heads_organisation(t, Span::new(k, k + w.len()))
        };
        assert!(at("the founder of the Tinkoff group, Oleg", "Tinkoff"));
        assert!(at("the founder of the group \"Tinkoff\" Oleg", "Tinkoff"));
        assert!(at("the founder of the group «Tinkoff» Oleg", "Tinkoff"));
        assert!(!at("the founder Oleg Tinkov said", "Tinkov"));
        assert!(!at("the group met Tinkov, who", "Tinkov"));
    }

    #[test]
    fn a_countrys_people_and_adjective_are_its_words_but_a_name_alike_is_not() {
        for (f, k) in [
            ("turks", "turkey"),
            ("turkish", "turkey"),
            ("greek", "greece"),
            ("germans", "germany"),
            ("armenians", "armenia"),
            ("greece", "greece"),
        ] {
            assert!(of_a_country(f, k), "{f} of {k}");
        }
        for (f, k) in [
            ("germu", "germany"),
            ("gree", "greece"),
            ("greey", "greece"),
        ] {
            assert!(!of_a_country(f, k), "{f} is no word of {k}");
        }
    }

    #[test]
    fn a_family_name_first_and_apart_is_a_listed_persons_name() {
        assert!(surname_first("Hai Qing"));
        assert!(surname_first("Ma Yili"));
        assert!(!surname_first("Haiqing"), "one word");
        assert!(!surname_first("Nanjing Road"), "two syllables first");
        assert!(!surname_first("Sun Light"), "no pinyin given name");
    }

    #[test]
    fn a_name_stands_alone_before_punctuation_or_a_verb_not_before_a_head() {
        let first = |t: &str| stands_alone(t, Span::new(0, 9));
        assert!(first("Liang Yun, who was a carpenter"));
        assert!(first("Liang Yun led the reporter"));
        assert!(!first("Liang Yun Cultural Compound"));
        assert!(before_proper_head(
            "Liangyun Cultural Compound",
            Span::new(0, 8)
        ));
        assert!(!before_proper_head("Liangyun, the", Span::new(0, 8)));
        // a term in quotation marks, a title's exclamation
        assert!(!stands_alone("the \"Zhong Fu.\"", Span::new(5, 13)));
        assert!(!stands_alone("Zhong Fu.\" Then", Span::new(0, 8)));
        assert!(!first("Ding Dong! Hello, Teacher"));
    }

    #[test]
    fn a_line_citing_a_paper_is_a_citation() {
        let text =
            "The tool was found.\nNiekus et al. A Neandertal tool, PNAS (2019). DOI: 10.1/x\nNext.";
        let at = |w: &str| {
            let k = text.find(w).unwrap();
            Span::new(k, k + w.len())
        };
        assert!(in_citation(text, at("Neandertal")));
        assert!(!in_citation(text, at("tool was")));
        assert!(!in_citation(text, at("Next")));
    }

    #[test]
    fn romanizations_of_one_name_share_a_key() {
        for (a, b) in [
            ("Golosheikin", "Golosheykin"),
            ("Chokang", "Zhokang"),
            ("Tinkow", "Tinkov"),
            ("Tinkou", "Tinkov"),
            ("Rachmaninoff", "Rachmaninov"),
            ("Tsirkon", "Zirkon"),
            ("Karolina", "Carolina"),
            ("Aleksei", "Alexey"),
            ("Khabib", "Habib"),
            ("Mikhail", "Mihail"),
            ("Hannah", "Hanna"),
            ("Kanayevsky", "Kanaevsky"),
            ("Sergeyev", "Sergeev"),
            ("Dmitriyev", "Dmitriev"),
            ("Dmitriy", "Dmitry"),
            ("Zelenskyy", "Zelensky"),
            ("Mayer", "Maier"),
            ("Shimbun", "Shinbun"),
            ("Tempo", "Tenpo"),
        ] {
            assert_eq!(variant_key(a), variant_key(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Gagarin", "Gagarina"),
            ("Chen", "Chan"),
            ("Mason", "Macron"),
            ("Shaanxi", "Shanxi"),
            ("Anna", "Hannah"),
            ("Gagarin", "Gagarina"),
            ("Dmitri", "Dmitriev"),
        ] {
            assert_ne!(variant_key(a), variant_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn a_headline_echoed_by_its_lede_is_one_context() {
        let t = "Tests of the Zircon missile end\n\nThe navy said that tests of the Zircon missile end today. The Zirkon will serve.";
        let spans: Vec<Span> = t
            .match_indices("Zircon")
            .map(|(k, w)| Span::new(k, k + w.len()))
            .collect();
        assert_eq!(spans.len(), 2);
        assert_eq!(distinct_contexts(t, &spans), 1);
        let t = "Lokomotiv won. The coach of Lokomotiv said that Lokomotiv will sell.";
        let spans: Vec<Span> = t
            .match_indices("Lokomotiv")
            .map(|(k, w)| Span::new(k, k + w.len()))
            .collect();
        assert_eq!(distinct_contexts(t, &spans), 3);
    }

    #[test]
    fn the_rest_of_a_name_is_its_capitalised_neighbours() {
        let t = "said Sammy Chang and the Chang of";
        let first = Span::new(11, 16);
        assert_eq!(
            capitalised_neighbours(t, first).collect::<Vec<_>>(),
            ["Sammy"]
        );
        let second = Span::new(25, 30);
        assert_eq!(capitalised_neighbours(t, second).count(), 0);
    }

    #[test]
    fn a_word_glued_at_a_capital_is_two_pinyin_names_only_if_both_pieces_are() {
        assert_eq!(camel_pieces("ZhangJike"), Some(("Zhang", "Jike")));
        assert_eq!(camel_pieces("LiNa"), Some(("Li", "Na")));
        assert_eq!(camel_pieces("PetroChina"), None, "not pinyin");
        assert_eq!(camel_pieces("McDonald"), None);
        assert_eq!(camel_pieces("XiaoThree"), None);
        assert_eq!(camel_pieces("WeiHe"), None, "the Wei river");
        assert_eq!(camel_pieces("ZhangJiKe"), None, "two capitals inside");
        assert_eq!(camel_pieces("Zhangjike"), None, "no capital inside");
        assert_eq!(
            camel_pieces("HuangZhangjike"),
            None,
            "a given name of three syllables is no given name"
        );
    }

    #[test]
    fn one_vowel_apart_is_an_inserted_vowel_not_a_doubled_one() {
        assert!(one_vowel_apart("najigou", "naijigou"));
        assert!(one_vowel_apart("wudaoliang", "wudaolang"));
        assert!(!one_vowel_apart("shanxi", "shaanxi"));
        assert!(!one_vowel_apart("hebei", "hubei"));
    }

    #[test]
    fn a_vowel_written_twice_to_tell_two_provinces_apart_is_still_pinyin() {
        assert_eq!(undouble_vowel("Shaanxi"), "shanxi");
        assert_eq!(pinyin_syllables(&undouble_vowel("Shaanxi")), Some(2));
        assert_eq!(undouble_vowel("Tartu"), "tartu");
    }
}
