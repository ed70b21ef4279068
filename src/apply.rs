//! The one place edits change text.

use crate::edit::Edit;

/// The text with every applied edit of `edits` carried out. `edits` must be
/// sorted by span and their applied members must not overlap (as
/// [`crate::decide::decide`] guarantees); suggested edits are skipped.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    // the exact length: growing past a guess would copy the whole text
    let len = edits
        .iter()
        .filter(|e| e.is_applied())
        .fold(text.len(), |n, e| n - e.span.len() + e.after.len());
    let mut out = String::with_capacity(len);
    let mut pos = 0;
    for e in edits.iter().filter(|e| e.is_applied()) {
        debug_assert!(e.span.start >= pos, "overlapping applied edits");
        if e.span.start < pos {
            continue;
        }
        out.push_str(&text[pos..e.span.start]);
        out.push_str(&e.after);
        pos = e.span.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Undoes applied edits on `clean`: the source text back, or `None` if
/// `clean` does not carry the edits' `after` texts where the log says.
pub fn unapply(clean: &str, edits: &[Edit]) -> Option<String> {
    let mut out = String::with_capacity(clean.len());
    let mut src_pos = 0usize; // position in the source
    let mut clean_pos = 0usize;
    for e in edits.iter().filter(|e| e.is_applied()) {
        let keep = e.span.start.checked_sub(src_pos)?;
        let unchanged = clean.get(clean_pos..clean_pos + keep)?;
        out.push_str(unchanged);
        clean_pos += keep;
        let after_end = clean_pos + e.after.len();
        if clean.get(clean_pos..after_end)? != e.after {
            return None;
        }
        out.push_str(&e.before);
        clean_pos = after_end;
        src_pos = e.span.end;
    }
    out.push_str(clean.get(clean_pos..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Category, Edit};
    use crate::span::Span;

    #[test]
    fn apply_and_unapply_are_inverse() {
        let src = "Passinyan said  hi";
        let edits = vec![
            Edit::new(src, Span::new(0, 9), "Pashinyan", "t", Category::Name, 0.9),
            Edit::new(src, Span::new(14, 16), " ", "t", Category::Whitespace, 0.9),
        ];
        let clean = apply(src, &edits);
        assert_eq!(clean, "Pashinyan said hi");
        assert_eq!(unapply(&clean, &edits).as_deref(), Some(src));
        assert_eq!(unapply("something else", &edits), None);
    }
}
