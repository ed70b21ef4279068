//! Splitting a lexicon file at its top-level tables, so that each part is
//! parsed on its own.
//!
//! A TOML parser holds the whole document as tokens and tables before serde
//! sees it: some 25 bytes of memory per byte of text, 380 MB at peak for a
//! 100,000-entity lexicon of 10 MB, and a fifth of its loading time spent
//! faulting that memory in. Parsed some 64 KB of tables at a time, the same
//! text needs under 2 MB of parser state at once.

use std::ops::Range;

/// Byte ranges that partition `text`, each starting where a line opens a
/// top-level table or array of tables (`[pack]`, `[[entity]]`,
/// `[[phrase]]`), except the first, which starts at 0. Every part is then a
/// TOML document of its own with the same meaning as in the whole: a table
/// header ends the key-values before it. Consecutive tables are grouped
/// into parts of some [`PART`] bytes: small enough to keep the parser's
/// memory small, large enough that its start-up cost per document does
/// not count.
pub fn sections(text: &str) -> Vec<Range<usize>> {
    let mut parts: Vec<Range<usize>> = Vec::new();
    let starts = table_starts(text);
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    for (&from, to) in starts.iter().zip(ends) {
        match parts.last_mut() {
            Some(last) if last.len() < PART => last.end = to,
            _ => parts.push(from..to),
        }
    }
    parts
}

/// The size from which a part is not extended by the next table.
const PART: usize = 64 * 1024;

/// 0, then the offset of every line that opens a top-level table. A
/// multi-line string could contain such a line, so in a text with one
/// there are no others.
fn table_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    if memchr::memmem::find(bytes, b"\"\"\"").is_some()
        || memchr::memmem::find(bytes, b"'''").is_some()
    {
        return starts;
    }
    // A header is a '[' with nothing but spaces before it on its line;
    // there are far fewer '[' than lines to look at.
    for open in memchr::memchr_iter(b'[', bytes) {
        let at = memchr::memrchr(b'\n', &bytes[..open]).map_or(0, |n| n + 1);
        if at == 0 || !bytes[at..open].iter().all(|&b| b == b' ' || b == b'\t') {
            continue;
        }
        let rest = &text[at..];
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |e| e + 1);
        if opens_top_level_table(&rest[..end]) {
            starts.push(at);
        }
    }
    starts
}

/// True for a line `[name]` or `[[name]]` with a bare, undotted name,
/// perhaps indented and followed by a comment.
fn opens_top_level_table(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
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
        let starts = table_starts(text);
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        starts.iter().zip(ends).map(|(&a, b)| &text[a..b]).collect()
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
    fn tables_partition_the_text() {
        let text = "# lead\n[[phrase]]\nid = \"p\"\r\n[[entity]]\r\n[pack]";
        assert_eq!(parts(text).concat(), text);
        assert_eq!(parts(text).len(), 4);
    }

    #[test]
    fn sections_group_tables_into_parts_that_partition_the_text() {
        let table = "[[entity]]\nid = \"x\"\n";
        let text = format!("[pack]\n{}", table.repeat(10_000));
        let ranges = sections(&text);
        assert!(ranges.len() > 1 && ranges.len() < 10);
        let mut at = 0;
        for (k, r) in ranges.iter().enumerate() {
            assert_eq!(r.start, at);
            assert!(k + 1 == ranges.len() || r.len() >= PART);
            assert!(text[r.start..].starts_with('['));
            at = r.end;
        }
        assert_eq!(at, text.len());
    }
}
