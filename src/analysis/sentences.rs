//! Where sentences end, as the rules that join, number or compare blocks
//! need to know it.

/// True if `s` ends like a finished sentence or clause: terminal punctuation
/// (also the full-width marks of Chinese and Japanese, `。` `！` `？`),
/// possibly followed by closing quotes or brackets.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches([
        '”', '"', '’', '\'', ')', ']', '»', '*', '_', '」', '』', '）',
    ]);
    t.ends_with(['.', '!', '?', ':', ';', '…', '。', '！', '？', '：', '；'])
}

/// True if a word written right after `head` starts a sentence: `head` is
/// empty or ends, before spaces and opening quotes or brackets, in a
/// sentence mark or a line break. The name rules ask it of a capitalised
/// word, which at a sentence's start says nothing of being a name.
pub(crate) fn starts_sentence(head: &str) -> bool {
    let head = head.trim_end_matches([' ', '"', '“', '‘', '\'', '(', '«']);
    head.is_empty() || head.ends_with(['.', '!', '?', '\n', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_ends_at_its_mark_before_closing_quotes_and_brackets() {
        assert!(ends_sentence("It is over."));
        assert!(ends_sentence("He said “no.”  "));
        assert!(ends_sentence("(as above.)"));
        assert!(ends_sentence("Results:"));
        assert!(!ends_sentence("the page breaks in the"));
        assert!(!ends_sentence("Figure 3"));
    }

    #[test]
    fn a_word_after_a_sentence_mark_or_a_line_break_starts_a_sentence() {
        assert!(starts_sentence(""));
        assert!(starts_sentence("It rained. “"));
        assert!(starts_sentence("Items:\n"));
        assert!(starts_sentence("one; («"));
        assert!(!starts_sentence("the mayor of "));
        assert!(!starts_sentence("University of "));
    }

    #[test]
    fn full_width_marks_end_a_sentence() {
        assert!(ends_sentence("委员会星期二开会。"));
        assert!(ends_sentence("他说：「我们走吧！」"));
        assert!(!ends_sentence("委员会星期二开会，决定"));
    }
}
