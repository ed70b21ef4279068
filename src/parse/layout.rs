//! Two text columns side by side, as `pdftotext -layout` writes a
//! two-column page: each line holds a line of the left column, a few
//! spaces, and a line of the right column, which starts at the same
//! character column line after line. Read as it stands, every sentence
//! would be cut in two and interleaved with another, so such a text is
//! recognised before parsing and refused with the line and column where
//! the right column starts (plain `pdftotext` reads columns in order).
//!
//! A line counts when a short gap (3 to [`MAX_GAP`] spaces) separates
//! prose on both sides: the left part fills most of its column and has
//! several words, as does the right. Tables (long gaps, short cells) and
//! lists of names do not count. The text is two-column when one column
//! position gathers at least [`MIN_LINES`] lines and [`MIN_SHARE`] of the
//! non-blank lines.

/// Most spaces between the two columns of a line.
const MAX_GAP: usize = 16;
/// Fewest spaces between them (one or two occur inside justified lines);
/// a ragged left column leaves more than the few of a justified one.
const MIN_GAP: usize = 3;
/// Rightmost column a right-hand column starts at (a page is ~100 wide).
const MAX_COLUMN: usize = 120;
/// Fewest words on each side of the gap.
const MIN_WORDS: usize = 4;
/// Fewest characters of the left part.
const MIN_LEFT: usize = 25;
/// The left part fills at least this share of its column.
const FILLS: f32 = 0.6;
/// Fewest lines with the right column at one position.
const MIN_LINES: usize = 20;
/// Least share of the non-blank lines with it.
const MIN_SHARE: f32 = 0.3;

/// Where a right-hand column starts, if `text` sets two columns side by
/// side: the 1-based line of its first line and the 1-based character
/// column.
pub fn side_by_side(text: &str) -> Option<(usize, usize)> {
    let mut count = [0usize; MAX_COLUMN + 2];
    let mut first = [0usize; MAX_COLUMN + 2];
    let mut lines = 0;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if let Some(column) = right_column(line) {
            count[column] += 1;
            if first[column] == 0 {
                first[column] = n + 1;
            }
        }
    }
    // a column drifts by one at most (a wide glyph, a tab stop)
    let (column, near) = (1..=MAX_COLUMN)
        .map(|c| (c, count[c - 1] + count[c] + count[c + 1]))
        .max_by_key(|&(c, k)| (k, std::cmp::Reverse(c)))?;
    (near >= MIN_LINES && near as f32 >= MIN_SHARE * lines as f32).then(|| {
        // the first line seen in the window, and its own column
        let (line, at) = [column - 1, column, column + 1]
            .into_iter()
            .filter(|&c| first[c] > 0)
            .map(|c| (first[c], c))
            .min()
            .unwrap_or((1, column));
        (line, at + 1)
    })
}

/// The character column (0-based) where a right-hand column of prose
/// starts on `line`, if it has one.
fn right_column(line: &str) -> Option<usize> {
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
            && left.split_whitespace().count() >= MIN_WORDS
            && right.split_whitespace().count() >= MIN_WORDS
        {
            return Some(i);
        }
    }
    None
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
}
