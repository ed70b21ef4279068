//! Terminal review, like `git add -p`: step through suggested edits and
//! accept, reject or skip each, recording the answers in a decisions file.

use crate::Conversion;
use crate::decisions::{Decisions, Verdict};
use crate::edit::{Edit, Status};
use crate::emit::diff::visible;
use crate::error::Result;
use std::io::{BufRead, Write};

/// What a review session did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Edits accepted.
    pub accepted: usize,
    /// Edits rejected.
    pub rejected: usize,
    /// Edits skipped (left undecided).
    pub skipped: usize,
    /// The reviewer quit (or the input ended): a review of several
    /// documents stops here too.
    pub quit: bool,
}

const HELP: &str = "y - accept this edit\nn - reject this edit\ns - skip it for now\na - accept it and the rest of this rule\nd - reject it and the rest of this rule\nq - quit; answers so far are saved\n? - this help\n";

/// Steps through the suggestions of `c` (and its applied edits too when
/// `all`), asking on `output` and reading answers from `input`. Every answer
/// is recorded in `decisions` and `save` is called at once, so quitting or a
/// crash loses nothing. Edits `decisions` already settles are not asked.
pub fn review(
    c: &Conversion,
    all: bool,
    decisions: &mut Decisions,
    mut input: impl BufRead,
    mut output: impl Write,
    mut save: impl FnMut(&Decisions) -> Result<()>,
) -> Result<Tally> {
    let text = &c.source.text;
    let mut tally = Tally::default();
    let candidates: Vec<&Edit> = c
        .edits
        .iter()
        .filter(|e| (all || e.status == Status::Suggested) && e.reviewed.is_none())
        .collect();
    let total = candidates.len();
    let mut rule_verdict: Vec<(String, Verdict)> = Vec::new();
    let io = |e: std::io::Error| crate::error::Error::io("standard output", e);
    for (n, e) in candidates.into_iter().enumerate() {
        if let Some((_, v)) = rule_verdict.iter().find(|(r, _)| *r == e.rule) {
            decisions.record(text, e, *v, None);
            count(&mut tally, *v);
            continue;
        }
        show(&mut output, text, e, n + 1, total).map_err(io)?;
        loop {
            write!(output, "Accept this edit [y,n,s,a,d,q,?]? ").map_err(io)?;
            output.flush().map_err(io)?;
            let mut answer = String::new();
            if input.read_line(&mut answer).map_err(io)? == 0 {
                writeln!(output).map_err(io)?;
                tally.quit = true;
                return Ok(tally); // end of input: stop like q
            }
            let verdict = match answer.trim() {
                "y" => Some((Verdict::Accept, false)),
                "n" => Some((Verdict::Reject, false)),
                "a" => Some((Verdict::Accept, true)),
                "d" => Some((Verdict::Reject, true)),
                "s" => {
                    tally.skipped += 1;
                    break;
                }
                "q" => {
                    tally.quit = true;
                    return Ok(tally);
                }
                _ => {
                    write!(output, "{HELP}").map_err(io)?;
                    continue;
                }
            };
            if let Some((v, whole_rule)) = verdict {
                decisions.record(text, e, v, None);
                save(decisions)?;
                count(&mut tally, v);
                if whole_rule {
                    rule_verdict.push((e.rule.clone(), v));
                }
                break;
            }
        }
    }
    save(decisions)?;
    Ok(tally)
}

fn count(t: &mut Tally, v: Verdict) {
    match v {
        Verdict::Accept => t.accepted += 1,
        Verdict::Reject => t.rejected += 1,
    }
}

fn show(out: &mut impl Write, text: &str, e: &Edit, n: usize, total: usize) -> std::io::Result<()> {
    let lc = crate::span::line_col(text, e.span.start);
    let left = &text[text[..e.span.start]
        .rfind(['\n', '\r'])
        .map_or(0, |i| i + 1)..e.span.start];
    let right_all = &text[e.span.end..];
    let right = &right_all[..right_all.find(['\n', '\r']).unwrap_or(right_all.len())];
    let clip_left: String = left
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let clip_right: String = right.chars().take(60).collect();
    writeln!(
        out,
        "\n({n}/{total}) line {}, rule {} ({}), confidence {:.2}",
        lc.line,
        e.rule,
        e.category.as_str(),
        e.confidence
    )?;
    writeln!(
        out,
        "  …{clip_left}[-{}-]{{+{}+}}{clip_right}…",
        visible(&e.before),
        visible(&e.after)
    )?;
    if let Some(note) = &e.note {
        writeln!(out, "  {note}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_recorded_and_saved_each_time() {
        let c = crate::convert_text("t.txt", "Title\n\nWar , and  peace.\n");
        let mut d = Decisions::default();
        let mut saves = 0;
        let mut shown = Vec::new();
        let tally = review(&c, true, &mut d, "x\ny\nn\n".as_bytes(), &mut shown, |_| {
            saves += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(
            tally,
            Tally {
                accepted: 1,
                rejected: 1,
                skipped: 0,
                quit: false
            }
        );
        assert_eq!(d.edits.len(), 2);
        assert!(saves >= 2);
        let shown = String::from_utf8(shown).unwrap();
        assert!(
            shown.contains("reject this edit"),
            "help shown for an unknown answer"
        );
        assert!(shown.contains("(1/2) line 3"), "{shown}");
    }

    #[test]
    fn quitting_keeps_earlier_answers() {
        let c = crate::convert_text("t.txt", "War , and  peace.");
        let mut d = Decisions::default();
        let tally = review(&c, true, &mut d, "d\n".as_bytes(), std::io::sink(), |_| {
            Ok(())
        })
        .unwrap();
        assert_eq!(tally.rejected, 2, "d rejects the rest of the rule too");
        let mut d2 = Decisions::default();
        review(&c, true, &mut d2, "q\n".as_bytes(), std::io::sink(), |_| {
            Ok(())
        })
        .unwrap();
        assert!(d2.edits.is_empty());
    }
}
