//! Page furniture comes in runs.
//!
//! A comment form is "Leave a Reply", a notice, then field labels and a
//! button; a share bar is "Share this:" then the networks' names. The
//! patterns name the distinctive lines, but a form's bare labels ("Comment",
//! "Website", "Submit") are words any text may use on a line of their own.
//! Their neighbours decide: a few short lines with furniture directly before
//! and after them are furniture too (applied), and so is a short line ending
//! in a colon right before furniture ("John D. says:" above a comment's
//! time stamp); a few short lines after the last furniture of the document,
//! with nothing but them to its end, are proposed for review (a short
//! sign-off may stand there).

use crate::options::DEFAULT_MIN_CONFIDENCE;
use crate::span::Span;

/// Most lines a run may hold between two furniture lines and still be taken
/// for part of it.
const MAX_RUN_LINES: usize = 3;

/// Most words of a line taken for a form label or a button.
const MAX_LABEL_WORDS: usize = 4;

/// Most bytes of such a line.
const MAX_LABEL_BYTES: usize = 40;

/// Confidence for short lines between furniture lines (applied).
pub(super) const BETWEEN: f32 = 0.85;

/// Confidence for short lines after the document's last furniture (proposed).
pub(super) const TRAILING: f32 = 0.7;

// Between is applied, the tail only proposed, under the default threshold.
const _: () = assert!(BETWEEN >= DEFAULT_MIN_CONFIDENCE && TRAILING < DEFAULT_MIN_CONFIDENCE);

/// One non-empty line of the document, in reading order.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    /// The line, without its line break or surrounding blanks.
    pub span: Span,
    /// A pattern matched it (or its whole block).
    pub furniture: bool,
    /// It may be taken into a run: a short paragraph-like line, not a
    /// title, front matter or bibliography.
    pub may_join: bool,
    /// It ends with a colon: it introduces what follows ("John D. says:").
    pub introduces: bool,
}

/// Whether `line` can be a form label, button or network name: a few words,
/// no digits, not ending a sentence.
pub(super) fn is_label_like(line: &str) -> bool {
    let line = crate::scan::trim(line);
    !line.is_empty()
        && line.len() <= MAX_LABEL_BYTES
        // n words take 2n - 1 bytes: a line that short is not counted
        && (line.len() < 2 * MAX_LABEL_WORDS + 1
            || line.split_whitespace().count() <= MAX_LABEL_WORDS)
        && !line.bytes().any(|b| b.is_ascii_digit())
        && !line.ends_with(['.', '!', '?', '"', '”', '»', ')'])
}

/// The lines (indices into `lines`) taken into runs of furniture, each with
/// its confidence.
pub(super) fn absorbed(lines: &[Line]) -> Vec<(usize, f32)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if lines[k].furniture {
            k += 1;
            continue;
        }
        let start = k;
        while k < lines.len() && !lines[k].furniture {
            k += 1;
        }
        // lines[start..k] is a stretch of non-furniture lines
        let after_furniture = start > 0;
        let confidence = match (after_furniture, k < lines.len()) {
            (true, true) => BETWEEN,
            (true, false) => TRAILING,
            (false, true) => {
                // a label introducing the furniture after it goes with it
                let last = lines[k - 1];
                if last.may_join && last.introduces {
                    out.push((k - 1, BETWEEN));
                }
                continue;
            }
            (false, false) => continue,
        };
        let run = &lines[start..k];
        if run.len() <= MAX_RUN_LINES && run.iter().all(|l| l.may_join) {
            out.extend((start..k).map(|i| (i, confidence)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(furniture: bool, may_join: bool) -> Line {
        Line {
            span: Span::default(),
            furniture,
            may_join,
            introduces: false,
        }
    }

    #[test]
    fn a_label_introducing_furniture_goes_with_it() {
        let says = Line {
            introduces: true,
            ..line(false, true)
        };
        let lines = [line(false, false), says, line(true, false)];
        assert_eq!(absorbed(&lines), vec![(1, BETWEEN)]);
        // not one that introduces prose
        let lines = [line(false, false), says, line(false, false)];
        assert!(absorbed(&lines).is_empty());
    }

    #[test]
    fn labels_are_short_wordy_lines_without_digits_or_full_stops() {
        for l in ["Comment", "Website", "Facebook Twitter", "Name *"] {
            assert!(is_label_like(l), "{l}");
        }
        for l in [
            "",
            "The war ended.",
            "Posted on 12 March",
            "A line that is far too long to be any kind of form label at all",
            "one two three four five",
        ] {
            assert!(!is_label_like(l), "{l}");
        }
    }

    #[test]
    fn short_lines_between_furniture_join_it() {
        let lines = [
            line(false, true), // article text before: never taken
            line(true, false),
            line(false, true),
            line(false, true),
            line(true, false),
        ];
        assert_eq!(absorbed(&lines), vec![(2, BETWEEN), (3, BETWEEN)]);
    }

    #[test]
    fn a_long_or_prose_stretch_breaks_the_run() {
        let prose = [line(true, false), line(false, false), line(true, false)];
        assert!(absorbed(&prose).is_empty());
        let long = [
            line(true, false),
            line(false, true),
            line(false, true),
            line(false, true),
            line(false, true),
            line(true, false),
        ];
        assert!(absorbed(&long).is_empty());
    }

    #[test]
    fn a_short_tail_after_the_last_furniture_is_only_proposed() {
        let lines = [line(false, false), line(true, false), line(false, true)];
        assert_eq!(absorbed(&lines), vec![(2, TRAILING)]);
    }
}
