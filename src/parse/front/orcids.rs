//! ORCID iDs of a PDF title page and the authors they belong to.
//!
//! An iD stands after the name it belongs to on an author line ("Jane Doe
//! 0000-0002-1825-0097"), or on a line of its own ("ORCID:
//! https://orcid.org/…"): then it belongs to the author named on the line
//! just above it when that line names only one, or to the owner of the
//! address on its line or the line above. Otherwise it is left to the
//! text.

use crate::parse::grammar::orcid;

/// The iDs of `line`: their byte ranges.
pub fn ids(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let boundary = i == 0 || !line.as_bytes()[i - 1].is_ascii_alphanumeric();
        if boundary
            && line.as_bytes()[i].is_ascii_digit()
            && let Ok((rest, id)) = orcid(&line[i..])
            && !rest.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            out.push((i, i + id.len()));
            i += id.len();
            continue;
        }
        i += line[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The author (index into `names`, each its line and byte range) of an iD
/// at `at` on line `line`; `mailed` gives the author whose address stands
/// on a line, if one does.
pub fn owner(
    names: &[(usize, (usize, usize))],
    line: usize,
    at: usize,
    mailed: impl Fn(usize) -> Option<usize>,
) -> Option<usize> {
    let on_line: Vec<usize> = (0..names.len()).filter(|&a| names[a].0 == line).collect();
    if !on_line.is_empty() {
        // the last name before the iD
        return on_line.into_iter().rev().find(|&a| names[a].1.1 <= at);
    }
    let above: Vec<usize> = (0..names.len())
        .filter(|&a| line > 0 && names[a].0 == line - 1)
        .collect();
    match above[..] {
        [a] => Some(a),
        [] => mailed(line).or_else(|| line.checked_sub(1).and_then(&mailed)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_in_their_forms() {
        let l = "ORCID: https://orcid.org/0000-0002-1825-0097";
        assert_eq!(ids(l).len(), 1);
        assert_eq!(&l[ids(l)[0].0..ids(l)[0].1], "0000-0002-1825-0097");
        assert_eq!(ids("Jane Doe 0000-0001-2345-678X, Bo Li").len(), 1);
        assert!(ids("ISBN 978-0-7695-3958-4 and 12000-0002-1825-0097").is_empty());
    }

    #[test]
    fn an_id_belongs_to_the_name_before_it_or_above_it() {
        // line 0: "Jane Doe 0000-…, Bo Li 0000-…"; line 2: one name; line 3: an iD
        let names = [(0, (0, 8)), (0, (30, 35)), (2, (0, 6))];
        assert_eq!(owner(&names, 0, 9, |_| None), Some(0));
        assert_eq!(owner(&names, 0, 36, |_| None), Some(1));
        assert_eq!(owner(&names, 3, 7, |_| None), Some(2));
        assert_eq!(owner(&names, 5, 0, |l| (l == 5).then_some(1)), Some(1));
        assert_eq!(owner(&names, 6, 0, |l| (l == 5).then_some(1)), Some(1));
        assert_eq!(owner(&names, 1, 0, |_| None), None);
    }
}
