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
    fn full_width_marks_end_a_sentence() {
        assert!(ends_sentence("委员会星期二开会。"));
        assert!(ends_sentence("他说：「我们走吧！」"));
        assert!(!ends_sentence("委员会星期二开会，决定"));
    }
}
