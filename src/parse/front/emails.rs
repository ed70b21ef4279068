//! E-mail addresses of a PDF title page, one per author.
//!
//! A title page often shares the host among several authors: pdftotext
//! gives `{gal,brendan}@mozilla.com`, `{a, b}@host` (a space after each
//! comma) or `gal, brendan@mozilla.com`. Each such list is expanded to one
//! address per local part, each remembering the range of the line it was
//! read from (the whole list), so the header can say `gal@mozilla.com`
//! while the text keeps the line as it stands.
//!
//! An address goes to an author by evidence, never by position alone:
//! - its line opens with a mark the author's name carries ("† Electronic
//!   address: …" for "Montoya∗ †"), or follows an institution line ending
//!   in one ("Mozilla Corporation∗"): only those authors are candidates;
//! - the local part names one candidate ("rwang" for "Rui Wang", "pfdutot"
//!   for "Pierre-François Dutot", "rreitmai" for "Rick Reitmaier");
//! - when one candidate and one address are left over, they belong
//!   together (every author of the page has one address).

use super::title_page::local_names;

/// An address expanded from a line: the address, and the byte range of
/// the line it was read from (for a list, the whole list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The address, `local@host`.
    pub address: String,
    /// Where it was read in the line.
    pub range: (usize, usize),
}

/// Characters of a local part.
fn local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%')
}

/// Characters of a host.
fn host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// A local part as it stands alone: local characters, not starting or
/// ending with a dot.
fn is_local(s: &str) -> bool {
    !s.is_empty() && s.chars().all(local_char) && !s.starts_with('.') && !s.ends_with('.')
}

/// The addresses of `line`, lists expanded: `{a,b}@h`, `{a, b}@h` and
/// `a, b@h` give `a@h` and `b@h`.
pub fn addresses(line: &str) -> Vec<Address> {
    let mut out = Vec::new();
    for (at, _) in line.match_indices('@') {
        let host_len = line[at + 1..]
            .find(|c: char| !host_char(c))
            .unwrap_or(line.len() - at - 1);
        let host = line[at + 1..at + 1 + host_len].trim_end_matches(['.', '-']);
        let tld = host.rsplit('.').next().unwrap_or("");
        if !host.contains('.') || tld.len() < 2 || !tld.chars().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = at + 1 + host.len();
        let before = &line[..at];
        let (locals, start) = if let Some(inner) = before.strip_suffix('}') {
            // a brace list: every item a local part
            let Some(open) = inner.rfind('{') else {
                continue;
            };
            let items: Vec<&str> = inner[open + 1..].split(',').map(str::trim).collect();
            if !items.iter().all(|l| is_local(l)) {
                continue;
            }
            (items, open)
        } else {
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| local_char(c))
                .last()
                .map_or(at, |(i, _)| i);
            let local = &before[start..];
            if !is_local(local) {
                continue;
            }
            match bare_list(&before[..start]) {
                Some((mut items, first)) => {
                    items.push(local);
                    (items, first)
                }
                None => (vec![local], start),
            }
        };
        out.extend(locals.into_iter().map(|l| Address {
            address: format!("{l}@{host}"),
            range: (start, end),
        }));
    }
    out
}

/// The local parts listed before the last one of an `a, b@host` list:
/// `before` ends with a comma (and spaces), and from the line's start (or
/// a label ending in a colon) only bare local parts separated by commas
/// stand there. The parts and where the first starts.
fn bare_list(before: &str) -> Option<(Vec<&str>, usize)> {
    let body = before.trim_end().strip_suffix(',')?;
    let from = body.rfind(':').map_or(0, |i| i + 1);
    let items: Vec<&str> = body[from..].split(',').map(str::trim).collect();
    let lower = |l: &str| !l.chars().any(|c| c.is_ascii_uppercase());
    if !items.iter().all(|l| is_local(l) && lower(l)) {
        return None;
    }
    let first = from + (body[from..].len() - body[from..].trim_start().len());
    Some((items, first))
}

/// Marks that tie an author to an address or an affiliation (digits
/// aside: they stand in postcodes and street numbers).
fn symbol_mark(c: char) -> bool {
    matches!(c, '*' | '∗' | '†' | '‡' | '§' | '¶' | '‖' | '+' | '$' | '#')
}

/// The symbol marks glued after a name on its line ("Gal∗+ ," → "∗+").
pub fn marks_after(rest: &str) -> Vec<char> {
    rest.chars()
        .take_while(|&c| symbol_mark(c) || c == ' ' || c == ',')
        .filter(|&c| symbol_mark(c))
        .collect()
}

/// The marks an address line is tied to: a mark opening the line ("†
/// Electronic address: …"), else the marks ending the line before it when
/// it holds no address itself ("Mozilla Corporation∗").
pub fn line_marks(line: &str, previous: Option<&str>) -> Vec<char> {
    let opening: Vec<char> = line
        .trim_start()
        .chars()
        .take_while(|&c| symbol_mark(c) || c == ' ')
        .filter(|&c| symbol_mark(c))
        .collect();
    if !opening.is_empty() {
        return opening;
    }
    match previous.filter(|p| !p.contains('@')) {
        Some(p) => {
            let mut v: Vec<char> = p
                .trim_end()
                .chars()
                .rev()
                .take_while(|&c| symbol_mark(c))
                .collect();
            v.reverse();
            v
        }
        None => Vec::new(),
    }
}

/// Which address (index into `found`) each author gets. `names` are the
/// authors' names with their marks; `found` the addresses with the marks
/// of their lines.
pub fn assign(names: &[(&str, Vec<char>)], found: &[(Address, Vec<char>)]) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; names.len()];
    let mut taken = vec![false; found.len()];
    let candidates = |k: usize| -> Vec<usize> {
        let marks = &found[k].1;
        (0..names.len())
            .filter(|&a| marks.is_empty() || marks.iter().any(|m| names[a].1.contains(m)))
            .collect()
    };
    // the local part names exactly one candidate, and no other address
    // names that author
    for (k, (address, _)) in found.iter().enumerate() {
        let local = address.address.split('@').next().unwrap_or("");
        let named: Vec<usize> = candidates(k)
            .into_iter()
            .filter(|&a| owner[a].is_none() && names_author(local, names[a].0))
            .collect();
        if let [a] = named[..] {
            owner[a] = Some(k);
            taken[k] = true;
        }
    }
    // one address and one candidate left over for each other
    loop {
        let mut settled = false;
        for k in 0..found.len() {
            if taken[k] {
                continue;
            }
            let left: Vec<usize> = candidates(k)
                .into_iter()
                .filter(|&a| owner[a].is_none())
                .collect();
            let rivals = (0..found.len())
                .filter(|&j| !taken[j] && j != k)
                .any(|j| candidates(j).iter().any(|a| left.contains(a)));
            if let ([a], false) = (&left[..], rivals) {
                owner[*a] = Some(k);
                taken[k] = true;
                settled = true;
            }
        }
        if !settled {
            return owner;
        }
    }
}

/// True if `local` names the author `name`: a word of the name in it
/// ("rwang"), or the initials of the given names and the start of the
/// surname, five letters or more of it ("rreitmai" for "Rick Reitmaier").
fn names_author(local: &str, name: &str) -> bool {
    if local_names(local, name) {
        return true;
    }
    let letters: String = local
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).collect::<String>())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let Some((surname, given)) = words.split_last() else {
        return false;
    };
    let initials: String = given.iter().filter_map(|w| w.chars().next()).collect();
    (0..=initials.len()).any(|n| {
        letters
            .strip_prefix(&initials[..n])
            .is_some_and(|rest| rest.chars().count() >= 5 && surname.starts_with(rest) && n > 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(line: &str) -> Vec<String> {
        addresses(line).into_iter().map(|a| a.address).collect()
    }

    #[test]
    fn lists_are_expanded_to_one_address_each() {
        assert_eq!(
            all("{gal,brendan}@mozilla.com"),
            ["gal@mozilla.com", "brendan@mozilla.com"]
        );
        assert_eq!(
            all("{a.b, c_d}@cs.uni.edu"),
            ["a.b@cs.uni.edu", "c_d@cs.uni.edu"]
        );
        assert_eq!(
            all("E-mail: jsmith, mdoe@cs.uni.edu"),
            ["jsmith@cs.uni.edu", "mdoe@cs.uni.edu"]
        );
        assert_eq!(
            all("E-mail: bolejko@camk.edu.pl and larsa@math.miami.edu"),
            ["bolejko@camk.edu.pl", "larsa@math.miami.edu"]
        );
        // the range is the whole list, for every address of it
        let line = "x {gal, bz}@mozilla.com.";
        let a = addresses(line);
        assert!(
            a.iter()
                .all(|a| &line[a.range.0..a.range.1] == "{gal, bz}@mozilla.com")
        );
    }

    #[test]
    fn names_and_words_before_an_address_are_no_list() {
        assert_eq!(all("Contact John Smith, jsmith@x.org"), ["jsmith@x.org"]);
        assert_eq!(all("Smith, Jones@x.org"), ["Jones@x.org"]);
        assert!(all("a@b, c@localhost, {x y}@z.org").is_empty());
        assert!(all("not an @ address").is_empty());
    }

    #[test]
    fn addresses_go_to_the_authors_they_name_or_mark() {
        let names = [
            ("Andreas Gal", vec!['∗', '+']),
            ("Rick Reitmaier", vec!['#']),
            ("Edwin Smith", vec!['#']),
            ("Blake Kaplan", vec!['∗']),
        ];
        let moz = vec!['∗'];
        let adobe = vec!['#'];
        let found: Vec<(Address, Vec<char>)> = addresses("{gal,mrbkap}@mozilla.com")
            .into_iter()
            .map(|a| (a, moz.clone()))
            .chain(
                addresses("{edwsmith,rreitmai}@adobe.com")
                    .into_iter()
                    .map(|a| (a, adobe.clone())),
            )
            .collect();
        // gal names Gal; mrbkap is the one left of the Mozilla pair
        assert_eq!(assign(&names, &found), [Some(0), Some(3), Some(2), Some(1)]);
    }

    #[test]
    fn a_leftover_is_assigned_only_without_rivals() {
        let names = [("Muhammad Atif Iqbal", vec![]), ("Saeed Murtaza", vec![])];
        let found: Vec<(Address, Vec<char>)> = ["atif09@gmail.com", "shouzib@yahoo.com"]
            .iter()
            .flat_map(|l| addresses(l))
            .map(|a| (a, vec![]))
            .collect();
        assert_eq!(assign(&names, &found), [Some(0), Some(1)]);
        let names = [("Ann Lee", vec![]), ("Bo Ek", vec![]), ("Cy Oz", vec![])];
        let found: Vec<(Address, Vec<char>)> = ["xy@a.org", "zw@a.org"]
            .iter()
            .flat_map(|l| addresses(l))
            .map(|a| (a, vec![]))
            .collect();
        assert_eq!(assign(&names, &found), [None, None, None]);
    }

    #[test]
    fn marks_tie_lines_to_authors() {
        assert_eq!(line_marks("† Electronic address: a@b.org", None), ['†']);
        assert_eq!(
            line_marks("{a,b}@m.com", Some("Mozilla Corporation∗")),
            ['∗']
        );
        assert_eq!(marks_after("∗ † and Tonatiuh"), ['∗', '†']);
        assert_eq!(marks_after("1,2 and Lars"), Vec::<char>::new());
    }
}
