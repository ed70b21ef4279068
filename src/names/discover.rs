//! Variant groups found across a corpus without a lexicon: the engine of
//! `emend names discover` and `emend names merge`.
//!
//! The forms of [`NameStats`] are weeded (words the corpus also writes in
//! lower case, like "Said"/"said" or "President"/"president", are ordinary
//! words), then clustered by a multi-pass sorted neighbourhood: forms are
//! blocked by word count, and within a block sorted four times — by
//! transliteration skeleton, by the skeleton reversed, by its
//! [`consonant_code`] and by the code reversed — and each form is compared
//! with its next [`WINDOW`] neighbours in each order, with the
//! transliteration-aware [`similarity_of_skeletons`] word by word. Pairs at
//! or above the threshold are united (union-find). Spellings of one name share
//! a skeleton, or its start, or its end, or its consonants, so they meet; and
//! no form is compared more than `4 × WINDOW` times, so the comparisons grow
//! linearly with the number of distinct forms (sorting adds the log).
//!
//! Forms that differ by an inflection ("Armenia"/"Armenian",
//! "Georgian"/"Georgians") are not variants of one name and never unite.

use super::context::is_demonym;
use super::fold::fold;
use super::lexicon::{FormKind, Lexicon};
use super::similar::{block, consonant_code, similarity_of_skeletons, skeleton};
use super::stats::{FormStats, NameStats};
use crate::entity::EntityType;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Each form is compared with this many neighbours in each sorted pass.
pub const WINDOW: usize = 10;
/// How much less similar the leading spellings of two groups may be when a
/// pair of their members unites them.
const LEADER_SLACK: f32 = 0.08;
/// Default similarity threshold.
pub const DEFAULT_THRESHOLD: f32 = 0.8;
/// Documents listed per variant in the outputs (all are counted).
pub const MAX_DOCS_SHOWN: usize = 10;

/// What to show.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscoverOptions {
    /// Similarity at or above which two forms are variants.
    pub threshold: f32,
    /// Groups with fewer mentions are left out.
    pub min_count: u64,
    /// Also show groups the lexicon already covers entirely.
    pub known: bool,
    /// Also show names met in one spelling only.
    pub singletons: bool,
}

impl Default for DiscoverOptions {
    fn default() -> Self {
        DiscoverOptions {
            threshold: DEFAULT_THRESHOLD,
            min_count: 2,
            known: false,
            singletons: false,
        }
    }
}

/// One spelling in a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variant {
    /// The form as written.
    pub form: String,
    /// Mentions.
    pub count: u64,
    /// Documents it occurs in.
    pub documents: u64,
    /// The first [`MAX_DOCS_SHOWN`] of them, sorted.
    pub docs: Vec<String>,
    /// Document of the context line.
    pub context_doc: String,
    /// The text around its first mention.
    pub context: String,
    /// Id of the lexicon entity this form is already a form of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known: Option<String>,
}

/// A group of spellings of one name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The most frequent form.
    pub canonical: String,
    /// Guessed type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// True if the type came from context cues, false if it is a bare guess.
    pub type_from_cues: bool,
    /// Cue counts: person, place, org.
    pub cues: [u64; 3],
    /// Mentions of all variants.
    pub count: u64,
    /// The lexicon entity some form already belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known: Option<String>,
    /// True if the lexicon knows every form.
    pub covered: bool,
    /// Spellings, most frequent first.
    pub variants: Vec<Variant>,
    /// For a full name: the spellings of the surname alone, most frequent first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub surname: Vec<String>,
    /// For a surname: the full name it stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
}

/// The result of clustering.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discovery {
    /// Documents counted.
    pub documents: u64,
    /// Distinct forms considered (after weeding).
    pub forms: usize,
    /// Candidate pairs compared.
    pub comparisons: u64,
    /// The groups shown, most mentioned first.
    pub groups: Vec<Group>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }
}

/// A form ready to compare.
struct Cand<'a> {
    form: &'a str,
    stats: &'a FormStats,
    words: Vec<String>,
    skels: Vec<String>,
}

/// True if a single-word form is an ordinary word of the corpus: written in
/// lower case at least a third as often as capitalised mid-sentence.
fn ordinary(form: &str, s: &FormStats, lowercase: &BTreeMap<String, u64>) -> bool {
    if form.contains(' ') || form.contains('-') {
        return false;
    }
    // "Subsequently", "Considering": sentence openers, never seen mid-sentence.
    let f = fold(form);
    if s.count == s.initial && (f.ends_with("ly") || f.ends_with("ing") || f.ends_with("ed")) {
        return true;
    }
    let lower = lowercase.get(&f).copied().unwrap_or(0);
    let mid = s.count.saturating_sub(s.initial);
    lower > 0 && lower * 3 >= mid
}

/// True if `a` and `b` are one word in two inflections, not two spellings.
fn inflected(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.chars().count() == fb.chars().count() {
        return false;
    }
    if is_demonym(&fa, &fb) || is_demonym(&fb, &fa) {
        return true;
    }
    // On folded forms and on skeletons: "Azerbaidjani" is "Azerbaijan" + i.
    let with_suffix = |x: &str, y: &str| {
        let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        long.starts_with(short)
            && matches!(
                &long[short.len()..],
                "s" | "es" | "'s" | "n" | "an" | "i" | "is" | "ese" | "ns" | "ians" | "ian"
            )
    };
    with_suffix(&fa, &fb) || with_suffix(&skeleton(a), &skeleton(b))
}

/// Edit distance of two consonant codes, stopping at 2.
fn code_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return 2;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()].min(2)
}

fn similar(a: &Cand<'_>, b: &Cand<'_>, threshold: f32) -> bool {
    if a.skels.len() != b.skels.len() {
        return false;
    }
    for ((sa, sb), (wa, wb)) in a
        .skels
        .iter()
        .zip(&b.skels)
        .zip(a.words.iter().zip(&b.words))
    {
        if sa == sb {
            if fold(wa) != fold(wb) && inflected(wa, wb) {
                return false;
            }
            continue;
        }
        if sa.chars().count() < 4 || sb.chars().count() < 4 || block(sa) != block(sb) {
            return false;
        }
        // Short names need to be closer; a different last consonant is
        // another word ("Bosniak"/"Bosnian"), not another spelling; and
        // spellings of one name differ by at most one consonant class
        // ("Kurdamir"/"Kudamir"), not two ("Lanzotelenko"/"Makzotelenko").
        let short = sa.chars().count().min(sb.chars().count()) < 6;
        let need = if short {
            threshold.max(0.92)
        } else {
            threshold
        };
        let (ca, cb) = (consonant_code(sa), consonant_code(sb));
        if inflected(wa, wb)
            || ca.chars().last() != cb.chars().last()
            || code_distance(&ca, &cb) > 1
            || similarity_of_skeletons(sa, sb) < need
        {
            return false;
        }
    }
    true
}

/// Sorted passes of the neighbourhood search.
const PASSES: usize = 4;

/// The sort keys of a candidate, one per pass: its skeleton, the skeleton
/// reversed (differences at the start), its consonant code, the code reversed.
fn pass_keys(c: &Cand<'_>) -> [String; PASSES] {
    let skel = c.skels.join(" ");
    let code = consonant_code(&c.skels.concat());
    let rev = |s: &str| s.chars().rev().collect::<String>();
    [
        skel.clone(),
        rev(&skel),
        format!("{code} {skel}"),
        format!("{} {skel}", rev(&code)),
    ]
}

/// Folded forms of the lexicon and their entities (unconditioned forms only).
fn known_forms(lex: &Lexicon) -> BTreeMap<String, (String, EntityType)> {
    let mut out = BTreeMap::new();
    for e in &lex.entities {
        for f in &e.forms {
            if f.when.is_none() {
                out.entry(f.key.clone())
                    .or_insert_with(|| (e.id.to_string(), e.kind));
            }
        }
    }
    out
}

/// Runs that only ever stood first in a sentence and start with a word the
/// corpus writes in lower case ("Meet Varzanov", "Later Vardanian") count
/// for the rest of the run.
fn drop_initial_words(stats: &NameStats) -> NameStats {
    let mut out = stats.clone();
    for (form, s) in &stats.forms {
        if s.count != s.initial {
            continue;
        }
        let Some((first, rest)) = form.split_once(' ') else {
            continue;
        };
        if !stats.lowercase.contains_key(&fold(first)) && !STARTERS.contains(&fold(first).as_str())
        {
            continue;
        }
        let Some(mut moved) = out.forms.remove(form) else {
            continue;
        };
        moved.keys = super::stats::Keys::of(rest);
        moved.initial = 0;
        let mut one = NameStats::default();
        one.forms.insert(rest.to_owned(), moved);
        out.merge(one);
    }
    out
}

/// Sentence openers seldom written in lower case mid-sentence.
const STARTERS: &[&str] = &[
    "meanwhile",
    "however",
    "later",
    "today",
    "yesterday",
    "then",
];

/// Clusters the forms of `stats` into variant groups; `lex` marks what is known.
pub fn discover(stats: &NameStats, lex: &Lexicon, options: &DiscoverOptions) -> Discovery {
    let stats = &drop_initial_words(stats);
    let known = known_forms(lex);
    let lexicon_keys: BTreeSet<&str> = lex
        .entities
        .iter()
        .flat_map(|e| e.forms.iter())
        .filter(|f| f.kind != FormKind::Contested)
        .map(|f| f.key.as_str())
        .collect();
    let cands: Vec<Cand<'_>> = stats
        .forms
        .iter()
        .filter(|(form, s)| {
            lexicon_keys.contains(fold(form).as_str()) || !ordinary(form, s, &stats.lowercase)
        })
        .map(|(form, s)| {
            let words: Vec<String> = form
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            let skels = words.iter().map(|w| skeleton(w)).collect();
            Cand {
                form,
                stats: s,
                words,
                skels,
            }
        })
        .collect();
    // Blocks: forms with the same number of words. Within a block, several
    // sorted passes (sorted neighbourhood): each form meets its next
    // WINDOW neighbours in each order, never the whole block.
    let mut blocks: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, c) in cands.iter().enumerate() {
        blocks.entry(c.skels.len()).or_default().push(i);
    }
    let pass_keys: Vec<[String; PASSES]> = cands.iter().map(pass_keys).collect();
    let mut uf = UnionFind((0..cands.len()).collect());
    let mut leader: Vec<usize> = (0..cands.len()).collect();
    let mut comparisons = 0u64;
    let mut compared = std::collections::HashSet::new();
    for members in blocks.values_mut() {
        #[allow(clippy::needless_range_loop)]
        for pass in 0..PASSES {
            members.sort_by(|&a, &b| pass_keys[a][pass].cmp(&pass_keys[b][pass]).then(a.cmp(&b)));
            for x in 0..members.len() {
                for y in x + 1..(x + 1 + WINDOW).min(members.len()) {
                    let (i, j) = (members[x], members[y]);
                    if uf.find(i) == uf.find(j) || !compared.insert((i.min(j), i.max(j))) {
                        continue;
                    }
                    comparisons += 1;
                    if similar(&cands[i], &cands[j], options.threshold) {
                        // No drifting chains: the groups' leading spellings
                        // must be close too.
                        let (li, lj) = (leader[uf.find(i)], leader[uf.find(j)]);
                        let leaders_close = (li == i && lj == j)
                            || similar(&cands[li], &cands[lj], options.threshold - LEADER_SLACK);
                        if leaders_close {
                            let lead = if cands[li].stats.count >= cands[lj].stats.count {
                                li
                            } else {
                                lj
                            };
                            uf.union(i, j);
                            let r = uf.find(i);
                            leader[r] = lead;
                        }
                    }
                }
            }
        }
    }
    let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..cands.len() {
        let r = uf.find(i);
        comps.entry(r).or_default().push(i);
    }
    // Cues of "President Tigran Vardanyan" count for "Vardanyan" too.
    let mut tail_cues: BTreeMap<String, [u64; 3]> = BTreeMap::new();
    for c in &cands {
        if let (true, Some(last)) = (c.words.len() > 1, c.words.last()) {
            let t = tail_cues.entry(fold(last)).or_default();
            t[0] += c.stats.cues.person;
            t[1] += c.stats.cues.place;
            t[2] += c.stats.cues.org;
        }
    }
    // Surnames and full names: "Merkulyan" stands for "Tigran Merkulyan"
    // when that is the only person name ending in one of its spellings, and
    // neither is known to the lexicon.
    let is_known = |members: &[usize]| {
        members
            .iter()
            .any(|&i| known.contains_key(&cands[i].stats.keys.fold))
    };
    let by_count = |members: &[usize]| -> Vec<String> {
        let mut m: Vec<usize> = members.to_vec();
        m.sort_by(|&a, &b| {
            cands[b]
                .stats
                .count
                .cmp(&cands[a].stats.count)
                .then_with(|| cands[a].form.cmp(cands[b].form))
        });
        m.iter().map(|&i| cands[i].form.to_owned()).collect()
    };
    let mut single_of_fold: BTreeMap<&str, usize> = BTreeMap::new();
    for (&r, members) in &comps {
        if cands[r].words.len() == 1 && !is_known(members) {
            for &i in members {
                single_of_fold.insert(cands[i].stats.keys.fold.as_str(), r);
            }
        }
    }
    let mut full_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut surname_cand: BTreeMap<usize, usize> = BTreeMap::new();
    for (&r, members) in &comps {
        let person: u64 = members.iter().map(|&i| cands[i].stats.cues.person).sum();
        if cands[r].words.len() < 2 || person == 0 || is_known(members) {
            continue;
        }
        let gs: BTreeSet<usize> = members
            .iter()
            .filter_map(|&i| {
                let last = cands[i].words.last()?;
                single_of_fold.get(fold(last).as_str()).copied()
            })
            .collect();
        if let (1, Some(&g)) = (gs.len(), gs.first()) {
            full_of.entry(g).or_default().push(r);
            surname_cand.insert(r, g);
        }
    }
    let surname_of = |r: usize| {
        surname_cand
            .get(&r)
            .copied()
            .filter(|g| full_of.get(g).is_some_and(|hs| hs.len() == 1))
    };
    let full_name_of = |g: usize| {
        full_of
            .get(&g)
            .filter(|hs| hs.len() == 1)
            .and_then(|hs| hs.first().copied())
    };
    let mut groups = Vec::new();
    for (&root, members) in &comps {
        let count: u64 = members.iter().map(|&i| cands[i].stats.count).sum();
        if count < options.min_count {
            continue;
        }
        let surname: Vec<String> = surname_of(root)
            .and_then(|g| comps.get(&g))
            .map(|m| by_count(m))
            .unwrap_or_default();
        let full_name = full_name_of(root)
            .and_then(|h| comps.get(&h))
            .and_then(|m| by_count(m).into_iter().next());
        let mut spellings: BTreeSet<String> = members
            .iter()
            .map(|&i| cands[i].stats.keys.fold.clone())
            .collect();
        spellings.extend(surname.iter().skip(1).map(|f| fold(f)));
        if spellings.len() < 2 && !options.singletons {
            continue;
        }
        let mut variants: Vec<Variant> = members
            .iter()
            .map(|&i| {
                let c = &cands[i];
                Variant {
                    form: c.form.to_owned(),
                    count: c.stats.count,
                    documents: c.stats.docs.len() as u64,
                    docs: c.stats.docs.iter().take(MAX_DOCS_SHOWN).cloned().collect(),
                    context_doc: c.stats.context.doc.clone(),
                    context: c.stats.context.line.clone(),
                    known: known.get(&fold(c.form)).map(|k| k.0.clone()),
                }
            })
            .collect();
        // Most frequent first; on a tie, the one ending in the commonest surname.
        let off_surname = |v: &Variant| {
            surname.first().is_some_and(|sn| {
                v.form
                    .rsplit([' ', '-'])
                    .next()
                    .is_none_or(|last| fold(last) != fold(sn))
            })
        };
        variants.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| off_surname(a).cmp(&off_surname(b)))
                .then_with(|| a.form.cmp(&b.form))
        });
        let covered = variants.iter().all(|v| v.known.is_some());
        if covered && !options.known {
            continue;
        }
        let known_id = variants.iter().find_map(|v| v.known.clone());
        let mut cues = [0u64; 3];
        for &i in members {
            let c = cands[i].stats.cues;
            cues[0] += c.person;
            cues[1] += c.place;
            cues[2] += c.org;
            if let Some(c) = tail_cues.get(&cands[i].stats.keys.fold) {
                cues[0] += c[0];
                cues[1] += c[1];
                cues[2] += c[2];
            }
        }
        let known_kind = variants
            .iter()
            .find_map(|v| known.get(&fold(&v.form)).map(|k| k.1));
        let best = (0..3)
            .max_by_key(|&k| (cues[k], std::cmp::Reverse(k)))
            .unwrap_or(0);
        let (kind, from_cues) = match known_kind {
            Some(k) => (k, true),
            None if cues[best] > 0 => (
                [EntityType::Person, EntityType::Place, EntityType::Org][best],
                true,
            ),
            None => (EntityType::Person, false),
        };
        groups.push(Group {
            canonical: variants[0].form.clone(),
            kind,
            type_from_cues: from_cues,
            cues,
            count,
            known: known_id,
            covered,
            variants,
            surname,
            full_name,
        });
    }
    // A surname points at its full name's canonical spelling.
    let canonical_of: BTreeMap<String, String> = groups
        .iter()
        .filter(|g| !g.surname.is_empty())
        .flat_map(|g| {
            g.variants
                .iter()
                .map(|v| (v.form.clone(), g.canonical.clone()))
        })
        .collect();
    for g in &mut groups {
        if let Some(c) = g.full_name.as_ref().and_then(|f| canonical_of.get(f)) {
            g.full_name = Some(c.clone());
        }
    }
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.canonical.cmp(&b.canonical))
    });
    Discovery {
        documents: stats.documents,
        forms: cands.len(),
        comparisons,
        groups,
    }
}

fn kind_name(k: EntityType) -> &'static str {
    match k {
        EntityType::Person => "person",
        EntityType::Place => "place",
        EntityType::Org => "org",
    }
}

impl Discovery {
    /// A table for people: each group with its spellings, counts, documents
    /// and a context line.
    pub fn to_table(&self) -> String {
        let mut s = String::new();
        for g in &self.groups {
            let known = match (&g.known, g.covered) {
                (Some(id), true) => format!("  [known: {id}]"),
                (Some(id), false) => format!("  [new spellings of known: {id}]"),
                _ => String::new(),
            };
            let guess = if g.type_from_cues { "" } else { "?" };
            let mut also = String::new();
            if !g.surname.is_empty() {
                also = format!("  (surname alone: {})", g.surname.join(", "));
            }
            if let Some(f) = &g.full_name {
                also = format!("  (short for {f})");
            }
            let _ = writeln!(
                s,
                "{}  ({}{guess}, {} mentions, {} spellings){known}{also}",
                g.canonical,
                kind_name(g.kind),
                g.count,
                g.variants.len()
            );
            let width = g
                .variants
                .iter()
                .map(|v| v.form.chars().count())
                .max()
                .unwrap_or(0);
            for v in &g.variants {
                let pad = width - v.form.chars().count();
                let docs = match v.documents {
                    1 => "1 doc".to_owned(),
                    n => format!("{n} docs"),
                };
                let _ = writeln!(
                    s,
                    "  {}{} {:>6}  {:<9}  {}: {}",
                    v.form,
                    " ".repeat(pad),
                    v.count,
                    docs,
                    v.context_doc,
                    v.context
                );
            }
            s.push('\n');
        }
        let _ = writeln!(
            s,
            "{} groups from {} forms in {} documents ({} comparisons)",
            self.groups.len(),
            self.forms,
            self.documents,
            self.comparisons
        );
        s
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Lexicon entries in the format of the built-in packs, to review and
    /// load with `--lexicon`. Groups of known entities extend those entities
    /// (same id and canonical) with the new spellings only.
    pub fn to_toml(&self, lex: &Lexicon) -> String {
        let q = |v: &str| toml_quote(v);
        let mut s = String::new();
        let _ = writeln!(
            s,
            "# Written by `emend names discover` from {} documents.\n# Review every entry (types marked as guesses especially) before loading it with --lexicon.\n",
            self.documents
        );
        s.push_str("[pack]\nname = \"discovered\"\ndescription = \"Name variants discovered in a corpus\"\n");
        let mut ids = BTreeSet::new();
        for e in &lex.entities {
            ids.insert(e.id.to_string());
        }
        // Surnames written as the short form of their full name's entry.
        let emitted = |g: &Group| {
            let canon = fold(&g.canonical);
            g.variants
                .iter()
                .any(|v| v.known.is_none() && fold(&v.form) != canon)
                || g.surname.len() > 1
        };
        let merged: BTreeSet<&str> = self
            .groups
            .iter()
            .filter(|g| g.known.is_none() && !g.surname.is_empty() && emitted(g))
            .map(|g| g.canonical.as_str())
            .collect();
        for g in &self.groups {
            if g.full_name.as_deref().is_some_and(|f| merged.contains(f)) {
                continue;
            }
            let known = g.known.as_ref().and_then(|id| lex.entity(id));
            let (id, canonical, kind) = match known {
                Some(e) => (e.id.to_string(), e.canonical.clone(), e.kind),
                None => {
                    let id = unique_id(&slug(&g.canonical), &ids);
                    ids.insert(id.clone());
                    (id, g.canonical.clone(), g.kind)
                }
            };
            let canon_key = fold(&canonical);
            let mut seen = BTreeSet::from([canon_key]);
            let short = g.surname.first().filter(|_| known.is_none());
            if let Some(sh) = short {
                seen.insert(fold(sh));
            }
            let variants: Vec<String> = g
                .variants
                .iter()
                .filter(|v| v.known.is_none())
                .map(|v| v.form.as_str())
                .chain(g.surname.iter().skip(1).map(String::as_str))
                .filter(|f| seen.insert(fold(f)))
                .map(q)
                .collect();
            if variants.is_empty() {
                continue;
            }
            s.push('\n');
            let _ = writeln!(
                s,
                "# {} mentions; {}",
                g.count,
                g.variants
                    .iter()
                    .map(|v| format!("{} ×{}", v.form, v.count))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let why = if known.is_some() {
                format!("type of the known entity {id}")
            } else if g.type_from_cues {
                format!(
                    "type from context cues (person {}, place {}, org {})",
                    g.cues[0], g.cues[1], g.cues[2]
                )
            } else {
                "type is a guess: no context cue".to_owned()
            };
            let _ = writeln!(s, "# {why}");
            let _ = writeln!(
                s,
                "[[entity]]\nid = {}\ntype = \"{}\"\ncanonical = {}",
                q(&id),
                kind_name(kind),
                q(&canonical)
            );
            if let Some(sh) = short {
                let _ = writeln!(s, "short = [{}]", q(sh));
            }
            let _ = writeln!(s, "variants = [{}]", variants.join(", "));
        }
        s
    }
}

/// A TOML basic string.
pub fn toml_quote(v: &str) -> String {
    let mut out = String::from("\"");
    for c in v.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A lexicon id from a name: folded, ASCII letters and digits joined by hyphens.
pub fn slug(name: &str) -> String {
    let f = fold(name);
    let mut out = String::new();
    for c in f.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if !out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out.insert_str(0, "name-");
    }
    out.trim_end_matches('-').to_owned()
}

/// `base`, or `base-2`, `base-3`... whichever `taken` does not hold.
pub fn unique_id(base: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(texts: &[&str]) -> NameStats {
        let mut s = NameStats::default();
        for (k, t) in texts.iter().enumerate() {
            s.merge(NameStats::of_text(&format!("d{k}.txt"), t));
        }
        s
    }

    #[test]
    fn transliterations_group_and_other_names_do_not() {
        let s = corpus(&[
            "Minister Tigran Vardanyan met the press in Kolvar. Vardanyan spoke.",
            "Later Vardanian arrived in Kolvar and Vartanyan too.",
            "Meanwhile Ostrovsky visited Kolvar.",
        ]);
        let d = discover(&s, &Lexicon::default(), &DiscoverOptions::default());
        let g = d
            .groups
            .iter()
            .find(|g| g.variants.iter().any(|v| v.form == "Vardanyan"))
            .unwrap();
        let forms: Vec<&str> = g.variants.iter().map(|v| v.form.as_str()).collect();
        assert!(
            forms.contains(&"Vardanian") && forms.contains(&"Vartanyan"),
            "{forms:?}"
        );
        assert!(!forms.contains(&"Ostrovsky"));
        assert!(
            d.groups.iter().all(|g| g.canonical != "Kolvar"),
            "one spelling only"
        );
    }

    #[test]
    fn inflections_and_ordinary_words_stay_apart() {
        let s = corpus(&[
            "Drovnia is a country. The Drovnian army left. Drovnians voted.",
            "Said Bekov said that Drovnia will vote; he said so. They said no.",
        ]);
        let d = discover(
            &s,
            &Lexicon::default(),
            &DiscoverOptions {
                min_count: 1,
                singletons: true,
                ..DiscoverOptions::default()
            },
        );
        for g in &d.groups {
            let forms: Vec<&str> = g.variants.iter().map(|v| v.form.as_str()).collect();
            assert!(
                !(forms.contains(&"Drovnia") && forms.contains(&"Drovnian")),
                "{forms:?}"
            );
            assert!(!forms.contains(&"Said"), "{forms:?}");
        }
    }

    #[test]
    fn toml_entries_load_as_a_lexicon() {
        let s = corpus(&[
            "President Tigran Vardanyan met Vardanyan's staff. Vardanian left the Ministry of Fisheries. Vardanyan smiled.",
            "Vardanian and \"Vardanyan\" again in the city of Kolvar; Colvar is near.",
        ]);
        let d = discover(&s, &Lexicon::default(), &DiscoverOptions::default());
        let toml = d.to_toml(&Lexicon::default());
        let mut lex = Lexicon::default();
        lex.load("discovered.toml", &toml).unwrap();
        // "Tigran Vardanyan" is met once: below --min-count, so the
        // surname stands on its own.
        let e = lex.entity("vardanyan").expect(&toml);
        assert_eq!(e.kind, EntityType::Person);
        assert!(e.forms.iter().any(|f| f.text == "Vardanian"));
    }

    #[test]
    fn ids_are_valid() {
        assert_eq!(slug("Nagorno-Karabakh"), "nagorno-karabakh");
        assert_eq!(slug("Çavuşoğlu"), "cavusoglu");
        assert_eq!(slug("1st Army"), "name-1st-army");
        let taken = BTreeSet::from(["x".to_owned()]);
        assert_eq!(unique_id("x", &taken), "x-2");
    }
}
