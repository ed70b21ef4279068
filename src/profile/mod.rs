//! The document profile: what a text is, found once before any rule runs,
//! so that each rule acts only where it belongs.
//!
//! - **language and script** of the document, and of each block that is
//!   written in another language (a quotation, an example) — see
//!   [`language`];
//! - **kind of source** (PDF extract, web copy, machine-translated news,
//!   chat answer, prose) with its evidence and a confidence — see [`kind`];
//! - **verbatim blocks** the parser reads as paragraphs but that are code,
//!   tables, formulae or data, protected from rewriting — see [`verbatim`].
//!
//! The user may override the language and the kind (`--lang`, `--kind`);
//! the profile then says so in its evidence.

pub mod kind;
pub mod language;
pub mod verbatim;

use crate::document::{BlockKind, Document};
use crate::span::Span;
pub use kind::SourceKind;
use language::CommonWords;
pub use language::{Guesses, Lang, LanguageDetector, Typography};
pub use verbatim::Verbatim;

/// The profile of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The document's language.
    pub lang: Lang,
    /// How sure the language is, 0..1 (1 when the user gave it).
    pub lang_confidence: f32,
    /// The script of the document (ISO 15924), if determined.
    pub script: Option<&'static str>,
    /// Languages used, with their share of the letters looked at, largest
    /// first (the document's language first).
    pub langs: Vec<(Lang, f32)>,
    /// Blocks in a language other than the document's: (block index,
    /// language), sorted by index.
    pub block_langs: Vec<(usize, Lang)>,
    /// Verbatim blocks: (block index, kind), sorted by index.
    pub verbatim: Vec<(usize, Verbatim)>,
    /// The kind of source.
    pub kind: SourceKind,
    /// How sure the kind is, 0..1 (1 when the user gave it).
    pub kind_confidence: f32,
    /// What the kind was judged from.
    pub kind_evidence: Vec<String>,
    /// Whether a page break is evident (form feeds, recurring page numbers).
    pub page_breaks: bool,
    /// When no kind leads, the kinds with clear evidence that tie (see
    /// `KindJudgement::tied`); rules scoped to any of them act.
    pub tied_kinds: Vec<SourceKind>,
    /// Why the language was chosen.
    pub lang_evidence: String,
}

/// What the user fixed in advance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The document language (`--lang`).
    pub lang: Option<Lang>,
    /// The kind of source (`--kind`).
    pub kind: Option<SourceKind>,
}

impl Profile {
    /// The profile of a text nothing is known about (language undetermined,
    /// plain prose): rules act as they would without a profile.
    pub fn neutral() -> &'static Profile {
        static NEUTRAL: std::sync::LazyLock<Profile> = std::sync::LazyLock::new(|| Profile {
            lang: Lang::UND,
            lang_confidence: 0.0,
            script: None,
            langs: Vec::new(),
            block_langs: Vec::new(),
            verbatim: Vec::new(),
            kind: SourceKind::Prose,
            kind_confidence: 0.5,
            kind_evidence: Vec::new(),
            page_breaks: false,
            tied_kinds: Vec::new(),
            lang_evidence: String::new(),
        });
        &NEUTRAL
    }

    /// Profiles `doc` (parsed from `text`).
    pub fn build(
        text: &str,
        doc: &Document,
        detector: &LanguageDetector,
        overrides: Overrides,
    ) -> Profile {
        Profile::build_remembering(text, doc, detector, overrides, &mut Guesses::default())
    }

    /// [`build`](Self::build), taking language guesses from `memo` where
    /// it holds them and leaving there those it makes: the rounds of one
    /// conversion profile texts that differ by a few edits.
    pub fn build_remembering(
        text: &str,
        doc: &Document,
        detector: &LanguageDetector,
        overrides: Overrides,
        memo: &mut Guesses,
    ) -> Profile {
        let paged = text.contains('\x0c');
        let verbatim: Vec<(usize, Verbatim)> = doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b.kind, BlockKind::Paragraph))
            .filter_map(|(i, b)| {
                let s = b.span.of(text);
                let v = *memo
                    .verbatim
                    .entry(language::TextKey::of(s))
                    .or_insert_with(|| verbatim::classify_in(s, paged));
                v.map(|v| (i, v))
            })
            .collect();
        let is_verbatim = |i: usize| verbatim.binary_search_by_key(&i, |(k, _)| *k).is_ok();

        // the document language, on a sample of its longest blocks (a
        // menu of short lines atop an article says little)
        // (references and front matter are often in other languages)
        let mut longest: Vec<usize> = (0..doc.blocks.len())
            .filter(|&i| {
                !is_verbatim(i)
                    && !matches!(
                        doc.blocks[i].kind,
                        BlockKind::Bibl { .. } | BlockKind::Front(_) | BlockKind::BiblHead
                    )
            })
            .collect();
        if longest.is_empty() {
            longest = (0..doc.blocks.len()).filter(|&i| !is_verbatim(i)).collect();
        }
        longest.sort_by_key(|&i| std::cmp::Reverse(doc.blocks[i].span.len()));
        // of the longest blocks, those with the most letters (up to a
        // sentence's worth, BLOCK_MIN_LETTERS; among those, the longest): a
        // rule of box-drawing characters or a row of figures is long in
        // bytes and says nothing of the language
        let sampled: Vec<String> = {
            let mut candidates: Vec<(String, usize)> = longest
                .iter()
                .take(language::SAMPLE_CANDIDATES)
                .map(|&i| {
                    let v = language::words_view(
                        doc.blocks[i].span.of(text),
                        language::SAMPLE_BYTES / language::SAMPLE_BLOCKS,
                    );
                    let n = language::letters(&v).min(language::BLOCK_MIN_LETTERS);
                    (v, n)
                })
                .collect();
            candidates.sort_by_key(|c| std::cmp::Reverse(c.1));
            candidates
                .into_iter()
                .take(language::SAMPLE_BLOCKS)
                .map(|(v, _)| v)
                .collect()
        };
        let mut sample = String::new();
        for v in &sampled {
            sample.push_str(v);
            sample.push('\n');
        }
        // Too few letters to judge leaves the language undetermined (see
        // DOC_MIN_LETTERS). A sample of blocks in two languages (an example
        // quoted in a paper) is unreliable as a whole: then each of its
        // blocks is guessed alone, and the language of most letters wins.
        let judged = language::letters(&sample) >= language::DOC_MIN_LETTERS;
        let doc_guess = if judged {
            detector
                .guess_remembered(&sample, memo)
                .filter(|g| g.reliable)
                .or_else(|| {
                    let mut votes: Vec<(language::Guess, usize)> = Vec::new();
                    for s in &sampled {
                        let n = language::letters(s);
                        if let Some(g) = detector.guess_remembered(s, memo).filter(|g| g.reliable) {
                            match votes.iter_mut().find(|(v, _)| v.lang == g.lang) {
                                Some(v) => v.1 += n,
                                None => votes.push((g, n)),
                            }
                        }
                    }
                    let total: usize = votes.iter().map(|v| v.1).sum();
                    votes
                        .into_iter()
                        .max_by_key(|v| v.1)
                        .filter(|v| v.1 * 2 > total)
                        .map(|v| v.0)
                })
        } else {
            None
        };
        let mut lang = doc_guess.map_or(Lang::UND, |g| g.lang);
        let mut lang_confidence = doc_guess.map_or(0.0, |g| g.confidence);
        let script = doc_guess.and_then(|g| g.script).map(language::script_code);

        // A block gets a guess of its own only when its letters say it may
        // be in another language (words with letters the sample lacks: "ä"
        // in an English text, Cyrillic in a German one): a guess costs a
        // quarter of a millisecond, most blocks share the document's
        // language, and a block without such letters keeps it.
        // the sample's letters, those seen three times or more (a name or a
        // quoted word in the sample is no part of its alphabet); ASCII
        // letters always count as known
        let known: Vec<char> = {
            let mut k: Vec<char> = sample
                .chars()
                .filter(|c| c.is_alphabetic() && !c.is_ascii())
                .flat_map(char::to_lowercase)
                .collect();
            k.sort_unstable();
            let mut frequent = Vec::new();
            for run in k.chunk_by(|a, b| a == b) {
                if run.len() >= 3 {
                    frequent.push(run[0]);
                }
            }
            frequent
        };
        // a block of the sample's common words (and of its language's most
        // frequent words, where the frequency list has the language) is in
        // its language: no guess (found when a block first asks)
        memo.against(&sample, &known);
        let mut guesses: Vec<(usize, Lang, usize)> = Vec::new();
        let mut inherited = 0;
        let mut by_common_words = 0;
        for (i, b) in doc.blocks.iter().enumerate() {
            if is_verbatim(i) {
                continue;
            }
            let s = b.span.of(text);
            let key = language::TextKey::of(s);
            let (letters, foreign) = *memo
                .facts
                .entry(key)
                .or_insert_with(|| language::view_facts(s, language::BLOCK_SAMPLE_BYTES, &known));
            if letters < language::BLOCK_MIN_LETTERS {
                inherited += letters;
                continue;
            }
            // reference entries are often in the language of the work
            // cited: they get a larger share of guesses
            let cap = match b.kind {
                BlockKind::Bibl { .. } => 8 * language::MAX_BLOCK_GUESSES,
                _ => language::MAX_BLOCK_GUESSES,
            };
            if !foreign || guesses.len() >= cap {
                inherited += letters;
                continue;
            }
            let share = memo.share(s, key, || match doc_guess {
                Some(g) => CommonWords::of(&sample).with_words(
                    crate::names::common::CommonWords::get()
                        .top_words(g.lang.tag())
                        .into_iter()
                        .flatten(),
                ),
                None => CommonWords::default(),
            });
            if share >= language::COMMON_SHARE {
                inherited += letters;
                by_common_words += 1;
                continue;
            }
            let view = language::words_view(s, language::BLOCK_SAMPLE_BYTES);
            match detector
                .guess_remembered(&view, memo)
                .filter(|g| g.reliable)
            {
                Some(g) => guesses.push((i, g.lang, letters)),
                None => inherited += letters,
            }
        }
        let mut shares: Vec<(Lang, usize)> = vec![(lang, inherited)];
        for &(_, l, n) in &guesses {
            match shares.iter_mut().find(|(k, _)| *k == l) {
                Some(s) => s.1 += n,
                None => shares.push((l, n)),
            }
        }
        shares.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let total: usize = shares.iter().map(|s| s.1).sum();
        // most of the text in another language than the sample's first
        // impression (a long English menu atop a German article)
        if let Some(&(top, n)) = shares.first()
            && top != lang
            && n * 2 > total
            && n >= language::DOC_MIN_LETTERS
        {
            lang = top;
            lang_confidence = n as f32 / total as f32;
        }
        let mut lang_evidence = match doc_guess {
            Some(g) => format!(
                "detected by whatlang on {} bytes of its longest blocks (confidence {:.2}); {} of {} blocks with letters the sample lacks judged on their own, {} read as its language by its common words",
                sample.len(),
                g.confidence,
                guesses.len(),
                doc.blocks.len(),
                by_common_words
            ),
            None => "too little text for a guess".to_string(),
        };
        if let Some(l) = overrides.lang {
            lang = l;
            lang_confidence = 1.0;
            lang_evidence = format!("given by the user (--lang {l}); {lang_evidence}");
        }
        let block_langs: Vec<(usize, Lang)> = guesses
            .iter()
            .filter(|(_, l, _)| *l != lang)
            .map(|&(i, l, _)| (i, l))
            .collect();
        let langs: Vec<(Lang, f32)> = if total == 0 {
            vec![(lang, 1.0)]
        } else {
            let mut v: Vec<(Lang, f32)> = shares
                .iter()
                .map(|&(l, n)| (l, ((n as f32 / total as f32) * 100.0).round() / 100.0))
                .collect();
            if let Some(k) = v.iter().position(|(l, _)| *l == lang) {
                let own = v.remove(k);
                v.insert(0, own);
            } else {
                v.insert(0, (lang, 0.0));
            }
            v
        };

        let judged = kind::judge(text, doc);
        let tied_kinds = if overrides.kind.is_some() {
            Vec::new()
        } else {
            judged.tied.clone()
        };
        let (kind, kind_confidence, kind_evidence) = match overrides.kind {
            Some(k) => {
                let mut ev = vec![format!("given by the user (--kind {k})")];
                ev.push(format!(
                    "judged {} ({:.2}): {}",
                    judged.kind,
                    judged.confidence,
                    judged.evidence.join("; ")
                ));
                (k, 1.0, ev)
            }
            None => (judged.kind, judged.confidence, judged.evidence),
        };
        Profile {
            lang,
            lang_confidence: (lang_confidence * 100.0).round() / 100.0,
            script,
            langs,
            block_langs,
            verbatim,
            kind,
            kind_confidence,
            kind_evidence,
            page_breaks: judged.page_breaks,
            tied_kinds,
            lang_evidence,
        }
    }

    /// The language of block `i`.
    pub fn block_lang(&self, i: usize) -> Lang {
        match self.block_langs.binary_search_by_key(&i, |(k, _)| *k) {
            Ok(k) => self.block_langs[k].1,
            Err(_) => self.lang,
        }
    }

    /// The language of the text at byte `offset` of `doc`.
    pub fn lang_at(&self, doc: &Document, offset: usize) -> Lang {
        doc.block_at(offset)
            .map_or(self.lang, |i| self.block_lang(i))
    }

    /// The verbatim kind of block `i`, if it is one.
    pub fn verbatim_block(&self, i: usize) -> Option<Verbatim> {
        self.verbatim
            .binary_search_by_key(&i, |(k, _)| *k)
            .ok()
            .map(|k| self.verbatim[k].1)
    }

    /// The spans of the verbatim blocks of `doc`, sorted.
    pub fn verbatim_spans(&self, doc: &Document) -> Vec<Span> {
        self.verbatim
            .iter()
            .map(|&(i, _)| doc.blocks[i].span)
            .collect()
    }

    /// Whether any text of the document (or of one of its blocks) is in one
    /// of `langs`.
    pub fn uses_any(&self, langs: &[&str]) -> bool {
        langs.contains(&self.lang.tag())
            || self
                .block_langs
                .iter()
                .any(|(_, l)| langs.contains(&l.tag()))
    }

    /// Why the document was taken for what it is, for `--verbose`: the
    /// language and how it was found, the kind and its evidence, the blocks
    /// that differ, and the rules that ran (those whose scope excludes the
    /// document did not).
    pub fn explain(&self, ran: &[crate::pipeline::RuleInfo]) -> String {
        let mut out = format!(
            "  language: {} ({}), {}\n  kind: {} ({:.2}): {}\n",
            self.lang,
            self.lang.name(),
            self.lang_evidence,
            self.kind,
            self.kind_confidence,
            self.kind_evidence.join("; ")
        );
        if self.page_breaks {
            out.push_str("  page breaks: evident\n");
        }
        if !self.block_langs.is_empty() {
            let mut counts: Vec<(Lang, usize)> = Vec::new();
            for &(_, l) in &self.block_langs {
                match counts.iter_mut().find(|(k, _)| *k == l) {
                    Some(c) => c.1 += 1,
                    None => counts.push((l, 1)),
                }
            }
            let list: Vec<String> = counts.iter().map(|(l, n)| format!("{n} in {l}")).collect();
            out.push_str(&format!(
                "  blocks in other languages: {}\n",
                list.join(", ")
            ));
        }
        if !self.verbatim.is_empty() {
            let list: Vec<String> = self
                .verbatim
                .iter()
                .map(|(i, v)| format!("{} (block {})", v.id(), i + 1))
                .collect();
            out.push_str(&format!("  kept verbatim: {}\n", list.join(", ")));
        }
        let ids: Vec<&str> = ran.iter().map(|r| r.id).collect();
        out.push_str(&format!("  rules run: {}", ids.join(", ")));
        out
    }

    /// One line for people: "en (English, Latn, 0.99); pdf-extract (0.83)".
    pub fn summary(&self) -> String {
        format!(
            "{} ({}{}, {:.2}); {} ({:.2}){}",
            self.lang,
            self.lang.name(),
            self.script.map(|s| format!(", {s}")).unwrap_or_default(),
            self.lang_confidence,
            self.kind,
            self.kind_confidence,
            if self.verbatim.is_empty() {
                String::new()
            } else {
                format!("; {} verbatim block(s)", self.verbatim.len())
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(text: &str) -> Profile {
        let doc = crate::parse::parse(text);
        Profile::build(
            text,
            &doc,
            &LanguageDetector::default(),
            Overrides::default(),
        )
    }

    #[test]
    fn a_german_example_in_an_english_paper_is_marked() {
        let t = "The study looks at how place names are written in the press of several countries and languages.\n\n\
                 Die Hauptstadt von Aserbaidschan ist Baku, und die Stadt liegt am Kaspischen Meer, wie jeder weiß.\n\n\
                 The example above shows the German form of the name, which differs from the English form used here.\n";
        let p = profile(t);
        assert_eq!(p.lang.tag(), "en");
        assert_eq!(p.block_lang(1).tag(), "de");
        assert_eq!(p.block_lang(0).tag(), "en");
    }

    #[test]
    fn rules_long_in_bytes_are_no_sample_of_the_language() {
        let rule = "━".repeat(200);
        let t = format!(
            "{rule}\n\nL’évaluation des revues scientifiques par les agences françaises est contestée.\n\n{rule}\n\n\
             Les chercheurs publient des articles et des ouvrages dans des revues de langue française.\n\n{rule}\n\n\
             Les listes de revues classent les titres selon une supposée qualité et selon les disciplines.\n"
        );
        assert_eq!(profile(&t).lang.tag(), "fr");
    }

    #[test]
    fn a_block_of_the_documents_common_words_is_not_guessed() {
        let t = "The report of the committee and the answers of the ministry are in the annex of the paper, and the votes of the members are in the table of the annex.\n\n\
                 The views of the members and the work of the committee are set out in the first part of the report, and the second part of the report gives the votes.\n\n\
                 The minister, Jürgen Müller, said that the report of the committee and the work of the members of the committee were of the greatest use to the ministry.\n";
        let p = profile(t);
        assert_eq!(p.lang.tag(), "en");
        assert_eq!(p.block_lang(2).tag(), "en");
        assert!(
            p.lang_evidence
                .contains("0 of 3 blocks with letters the sample lacks judged on their own, 1 read as its language by its common words"),
            "{}",
            p.lang_evidence
        );
    }

    #[test]
    fn overrides_win_and_say_so() {
        let t = "Some English text that is long enough to be judged by the language detector on its own.";
        let doc = crate::parse::parse(t);
        let p = Profile::build(
            t,
            &doc,
            &LanguageDetector::default(),
            Overrides {
                lang: Lang::parse("fr"),
                kind: Some(SourceKind::PdfExtract),
            },
        );
        assert_eq!(p.lang.tag(), "fr");
        assert_eq!(p.kind, SourceKind::PdfExtract);
        assert!(p.lang_evidence.contains("--lang fr"));
        assert!(p.kind_evidence[0].contains("--kind pdf-extract"));
    }

    #[test]
    fn code_blocks_are_verbatim() {
        let p = profile("Here is the program.\n\n// (*) store primes\n\nThat is all.");
        assert_eq!(p.verbatim, vec![(1, Verbatim::Code)]);
    }
}
