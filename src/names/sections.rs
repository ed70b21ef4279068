//! Splitting a lexicon file at its top-level tables, so that each part is
//! parsed on its own.
//!
//! A TOML parser holds the whole document as tokens and tables before serde
//! sees it: some 25 bytes of memory per byte of text, 380 MB at peak for a
//! 100,000-entity lexicon of 10 MB, and a third of its loading time spent
//! faulting that memory in. Parsed one `[[entity]]` at a time, the same text
//! needs a few kilobytes of parser state at once.

use std::ops::Range;

/// Byte ranges that partition `text`, each starting at a line that opens a
/// top-level table or array of tables (`[pack]`, `[[entity]]`,
/// `[[phrase]]`), except the first, which starts at 0. Every part is then a
/// TOML document of its own with the same meaning as in the whole: a table
/// header ends the key-values before it. A multi-line string could contain
/// such a line, so a text with one is not split.
pub fn sections(text: &str) -> Vec<Range<usize>> {
    if text.contains("\"\"\"") || text.contains("'''") {
        return vec![0..text.len()];
    }
    let mut starts = vec![0];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at > 0 && opens_top_level_table(line) {
            starts.push(at);
        }
        at += line.len();
    }
    starts.push(text.len());
    starts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// True for a line `[name]` or `[[name]]` with a bare, undotted name,
/// perhaps indented and followed by a comment.
fn opens_top_level_table(line: &str) -> bool {
    let line = line.trim_start();
    let (inner, rest) = if let Some(l) = line.strip_prefix("[[") {
        let Some(end) = l.find("]]") else {
            return false;
        };
        (&l[..end], &l[end + 2..])
    } else if let Some(l) = line.strip_prefix('[') {
        let Some(end) = l.find(']') else {
            return false;
        };
        (&l[..end], &l[end + 1..])
    } else {
        return false;
    };
    let name = inner.trim_matches([' ', '\t']);
    let rest = rest.trim_start_matches([' ', '\t']);
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && (rest.is_empty() || rest.starts_with(['#', '\r', '\n']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<&str> {
        sections(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_before_each_top_level_table_only() {
        let text = "[pack]\nname = \"p\"\n\n[[entity]]\nid = \"a\"\n[entity.when]\nnear = [\"x\"]\n  [[entity]] # two\nid = \"b\"\n[[entity.variants]]\nform = \"c\"\n";
        assert_eq!(
            parts(text),
            [
                "[pack]\nname = \"p\"\n\n",
                "[[entity]]\nid = \"a\"\n[entity.when]\nnear = [\"x\"]\n",
                "  [[entity]] # two\nid = \"b\"\n[[entity.variants]]\nform = \"c\"\n",
            ]
        );
    }

    #[test]
    fn values_that_look_like_headers_do_not_split() {
        for text in [
            "[pack]\nnote = \"\"\"\n[[entity]]\n\"\"\"\n",
            "[pack]\nroles = [\n  [\"x\"],\n]\n",
            "[pack]\nkey = 1 [x]\n",
        ] {
            assert_eq!(parts(text), [text], "{text:?}");
        }
    }

    #[test]
    fn sections_partition_the_text() {
        let text = "# lead\n[[phrase]]\nid = \"p\"\r\n[[entity]]\r\n[pack]";
        assert_eq!(parts(text).concat(), text);
        assert_eq!(parts(text).len(), 4);
    }
}
