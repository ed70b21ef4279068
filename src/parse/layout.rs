//! Two text columns side by side, as `pdftotext -layout` writes a
//! two-column page: each line holds a line of the left column, some
//! spaces, and a line of the right column, which starts at about the same
//! character column line after line. Read as it stands, every sentence
//! would be cut in two and interleaved with another, so such a text is
//! recognised before parsing and refused with the line and column where
//! the right column starts (plain `pdftotext` reads columns in order).
//!
//! A line counts when a gap ([`MIN_GAP`] to [`MAX_GAP`] spaces) separates
//! prose on both sides: the left part fills most of its column, has
//! several words, mostly letters and no wide gap of its own (a table row
//! has several), and so does the right. The right column's position
//! differs from page to page (poppler places it by its x coordinate on
//! each page) and a paragraph indent moves it a few characters, so it is
//! sought page by page (pages split at form feeds) in a window of
//! ±[`DRIFT`] characters: a page is two-column when one window gathers at
//! least [`MIN_PAGE_LINES`] lines and [`MIN_SHARE`] of the page's
//! non-blank lines, and the text is when its two-column pages together
//! hold at least [`MIN_LINES`] such lines.

/// Most spaces between the two columns of a line (a short last line of a
/// paragraph in the left column leaves a wide gap).
const MAX_GAP: usize = 40;
/// Most spaces of a tight gap: the left column full, as most of its lines
/// are. At least half the lines of a column pair have one (a list of
/// names beside roles, all with wide gaps, is no pair of columns).
const TIGHT_GAP: usize = 24;
/// Fewest spaces between them: a full left line leaves only two.
const MIN_GAP: usize = 2;
/// A run of this many spaces inside the left part is a table's gap, not a
/// word space (the right part may hold one: a third column, a formula's
/// number).
const WIDE: &str = "   ";
/// Rightmost column a right-hand column starts at (a page is ~100 wide).
const MAX_COLUMN: usize = 120;
/// Fewest words on each side of the gap.
const MIN_WORDS: usize = 3;
/// Fewest characters of the left part.
const MIN_LEFT: usize = 25;
/// The left part fills at least this share of its column.
const FILLS: f32 = 0.6;
/// Least share of letters among the non-space characters of each part
/// (prose; code with aligned comments and formula rows have less).
const LETTERS: f32 = 0.75;
/// How far the right column's start may drift on one page.
const DRIFT: usize = 2;
/// Fewest lines with the right column in one window on a two-column page.
const MIN_PAGE_LINES: usize = 8;
/// Least share of a page's non-blank lines with it.
const MIN_SHARE: f32 = 0.3;
/// Fewest such lines in the whole text.
const MIN_LINES: usize = 20;

/// Where a right-hand column starts, if `text` sets two columns side by
/// side: the 1-based line of its first line and the 1-based character
/// column.
pub fn side_by_side(text: &str) -> Option<(usize, usize)> {
    // a column's gap is two spaces in a row: a text without them (most
    // texts of many short lines) has no line of a right-hand column
    memchr::memmem::find(text.as_bytes(), b"  ")?;
    let mut found = None;
    let mut lines = 0;
    let mut first_line = 1;
    for page in text.split('\u{c}') {
        if let Some((near, at)) = page_columns(page) {
            lines += near;
            found = found.or(Some((first_line + at.0, at.1 + 1)));
        }
        first_line += page.matches('\n').count();
    }
    (lines >= MIN_LINES).then_some(found).flatten()
}

/// The number of side-by-side lines of a two-column `page`, with the
/// 0-based line (within the page) and character column of the first.
fn page_columns(page: &str) -> Option<(usize, (usize, usize))> {
    let mut count = [0usize; MAX_COLUMN + DRIFT + 1];
    let mut tight = [0usize; MAX_COLUMN + DRIFT + 1];
    let mut starts = Vec::new();
    let mut lines = 0;
    for (n, line) in page.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if let Some((column, gap)) = right_column(line) {
            count[column] += 1;
            tight[column] += usize::from(gap <= TIGHT_GAP);
            starts.push((n, column));
        }
    }
    let (column, near) = (DRIFT..=MAX_COLUMN)
        .map(|c| (c, count[c - DRIFT..=c + DRIFT].iter().sum::<usize>()))
        .max_by_key(|&(c, k)| (k, std::cmp::Reverse(c)))?;
    let tight_near: usize = tight[column - DRIFT..=column + DRIFT].iter().sum();
    if near < MIN_PAGE_LINES || (near as f32) < MIN_SHARE * lines as f32 || tight_near * 2 < near {
        return None;
    }
    let first = starts
        .into_iter()
        .find(|&(_, c)| c.abs_diff(column) <= DRIFT)?;
    Some((near, first))
}

/// The character column (0-based) where a right-hand column of prose
/// starts on `line`, if it has one, and the width of the gap before it.
fn right_column(line: &str) -> Option<(usize, usize)> {
    // a gap is two spaces or more: a line without two spaces in a row has
    // none, and is settled before its characters are collected
    if !line.as_bytes().windows(2).any(|w| w == b"  ") {
        return None;
    }
    let chars: Vec<char> = line.chars().take(MAX_COLUMN + MAX_GAP + 1).collect();
    let indent = chars.iter().take_while(|c| **c == ' ').count();
    let mut i = indent;
    while i < chars.len() {
        if chars[i] != ' ' {
            i += 1;
            continue;
        }
        let gap_start = i;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let gap = i - gap_start;
        if i >= chars.len() || i > MAX_COLUMN || !(MIN_GAP..=MAX_GAP).contains(&gap) {
            continue;
        }
        let left: String = chars[indent..gap_start].iter().collect();
        let right: String = line.chars().skip(i).take(MAX_COLUMN).collect();
        if left.chars().count() >= MIN_LEFT
            && left.chars().count() as f32 >= FILLS * gap_start as f32
            && prose(&left)
            && !left.contains(WIDE)
            && prose(&right)
        {
            return Some((i, gap));
        }
    }
    None
}

/// Whether one column's part of a line reads as prose: several words,
/// mostly letters.
fn prose(part: &str) -> bool {
    let (mut all, mut letters) = (0, 0);
    for c in part.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        letters += usize::from(c.is_alphabetic());
    }
    part.split_whitespace().count() >= MIN_WORDS && letters as f32 >= LETTERS * all as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEFT: &str = "The last few years have been characterized";
    const RIGHT: &str = "by huge technological changes in the area";

    #[test]
    fn two_columns_side_by_side_are_found_with_their_position() {
        let page: String = (0..30).map(|_| format!("{LEFT}    {RIGHT}\n")).collect();
        let t = format!("A Title\n\n{page}");
        assert_eq!(side_by_side(&t), Some((3, LEFT.len() + 5)));
    }

    #[test]
    fn prose_tables_and_name_lists_are_not_columns() {
        let prose: String = (0..30).map(|_| format!("{LEFT} {RIGHT}\n")).collect();
        let table: String = (0..30)
            .map(|k| format!("{k}   AKERDHAL     Robert        Motiv\n"))
            .collect();
        let names: String = (0..30)
            .map(|_| {
                format!(
                    "Saladin Ambar, Rutgers University{}Phoebe Maltz Bovy, writer\n",
                    " ".repeat(30)
                )
            })
            .collect();
        for t in [prose, table, names] {
            assert_eq!(side_by_side(&t), None, "{t}");
        }
    }

    /// As poppler writes them: the right column starts further right on
    /// the second page than on the first, paragraph indents move it by a
    /// few characters, and a short last line leaves a wide gap.
    #[test]
    fn columns_that_move_from_page_to_page_are_found() {
        let page = |at: usize| -> String {
            (0..12)
                .map(|k| {
                    let left = if k == 5 {
                        "the end of a paragraph."
                    } else {
                        LEFT
                    };
                    let right = if k == 6 {
                        format!("    {RIGHT}")
                    } else {
                        RIGHT.to_owned()
                    };
                    format!("{left:<at$}{right}\n")
                })
                .collect()
        };
        let t = format!("Title\n\n{}\u{c}{}", page(46), page(50));
        assert_eq!(side_by_side(&t), Some((3, 47)));
        // one page of it is not enough
        assert_eq!(side_by_side(&format!("Title\n\n{}", page(46))), None);
    }

    #[test]
    fn code_with_aligned_comments_is_not_columns() {
        let code: String = (0..30)
            .map(|k| {
                format!("    let total_{k} = sum(values, k + 1);    // add up the values so far\n")
            })
            .collect();
        assert_eq!(side_by_side(&code), None);
    }
}
