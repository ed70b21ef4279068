//! A line that is only a date: "Dienstag, 4. Juni 2019, 15:54",
//! "Jun 18th 2018", "7. oktober 2020".
//!
//! A page prints its posts' dates on lines of their own, above a teaser or
//! in a post's frame; a sentence about a date has words that are not a
//! date's. The month and weekday names and the words of date patterns
//! ("at", "um", "de") come from CLDR through `rules/date-words.txt`
//! (`scripts/gen-date-words`), so any of its languages is read alike.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../../rules/date-words.txt");

/// Most tokens of a date line ("Dienstag, 4. Juni 2019 um 15:54 Uhr" is 7).
const MAX_TOKENS: usize = 8;

/// The date words: true for the name of a month or a weekday.
fn table() -> &'static HashMap<&'static str, bool> {
    static T: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    T.get_or_init(|| {
        DATA.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?, f.next()? == "name"))
            })
            .collect()
    })
}

/// A token of figures: a day, a year, a time, a numeric date, an ordinal
/// ("18th", "1er", "7º"): digits first, at most two letters after them.
fn figures(token: &str) -> bool {
    let letters = token.chars().filter(|c| c.is_alphabetic()).count();
    token.starts_with(|c: char| c.is_ascii_digit())
        && letters <= 2
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_alphabetic() || ".,:/-–()º°ª".contains(c))
}

/// True if every token of `line` is a date's: figures, a month's or
/// weekday's name, or a word of the date patterns, with at least one name
/// and one figure.
pub fn is_dateline(line: &str) -> bool {
    let table = table();
    let (mut name, mut figure) = (false, false);
    let mut tokens = 0;
    for raw in line.split_whitespace() {
        tokens += 1;
        if tokens > MAX_TOKENS {
            return false;
        }
        let token = raw.trim_matches(|c: char| ",.;:|()–-".contains(c));
        if token.is_empty() {
            continue;
        }
        if figures(token) {
            figure = true;
            continue;
        }
        // a token already in lowercase ASCII (most words of a line) is
        // looked up as it is, not copied to be lowered
        let found = if token
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            table.get(token)
        } else {
            table.get(token.to_lowercase().as_str())
        };
        match found {
            Some(true) => name = true,
            Some(false) => {}
            None => return false,
        }
    }
    name && figure
}

/// Most figures of the day or the month of a numeric date.
const MAX_DAY: u32 = 31;

/// True if `line` names a day, not only a year or an hour: a numeric date
/// ("25.01.2022", "12/30/2019", "2021-10-16", "19.1.23", glued to the
/// next word or not) or a month's or weekday's name beside a figure
/// ("April 29", "10 maja", "Di, 10:19"). A version ("4.47.4") is none.
pub fn names_day(line: &str) -> bool {
    let table = table();
    let tokens: Vec<&str> = line
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| ",.;:|()–-/·•".contains(c)))
        .filter(|t| !t.is_empty())
        .collect();
    let named = |t: &str| {
        let found = if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            table.get(t)
        } else {
            table.get(t.to_lowercase().as_str())
        };
        found == Some(&true)
    };
    let figure = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    tokens.iter().any(|t| numeric_date(t))
        || tokens
            .windows(2)
            .any(|w| (named(w[0]) && figure(w[1])) || (figure(w[0]) && named(w[1])))
}

/// Whether `token` opens on a numeric date: three groups of figures
/// between dots, slashes or hyphens, a year first (with a month after it)
/// or last (two or four figures, after a day and a month).
fn numeric_date(token: &str) -> bool {
    let end = token
        .find(|c: char| !(c.is_ascii_digit() || ".-/".contains(c)))
        .unwrap_or(token.len());
    let parts: Vec<&str> = token[..end].split(['.', '/', '-']).collect();
    let [a, b, c, ..] = parts[..] else {
        return false;
    };
    let small =
        |p: &str| (1..=2).contains(&p.len()) && p.parse::<u32>().is_ok_and(|n| n <= MAX_DAY);
    if a.len() == 4 {
        small(b) && small(c)
    } else {
        small(a) && small(b) && (c.len() == 2 || c.len() == 4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_named_by_figures_or_months() {
        for l in [
            "Posted on April 29, 2022",
            "21.01.2022 Presse-Mitteilung",
            "2021-10-16 | Botschaft",
            "12/30/2019 05:03 AM EST",
            "27.01.2022MineralölINFO November 2021",
            "Wczoraj, 10 maja (11:03)",
            "Aktualisiert: 11.04.2020, 10:27",
        ] {
            assert!(names_day(l), "{l}");
        }
        for l in [
            "Euro-7-Norm schon ab 2025?",
            "Start-up-Serie 2021, Teil 6",
            "Formel-1-Kalender 2022",
            "Patch Notes 4.47.4",
            "Version 1.2.1",
            "01:30h",
        ] {
            assert!(!names_day(l), "{l}");
        }
    }

    #[test]
    fn dates_in_the_languages_of_cldr() {
        for l in [
            "Dienstag, 4. Juni 2019, 15:54",
            "Mo 31 Okt 2022",
            "Jun 18th 2018",
            "7. oktober 2020",
            "January 13, 2020 at 08:45 AM",
            "11 Jan 2019",
            "sábado 7 de mayo de 2022",
            "marca 2021",
            "16 августа 2019 г.",
        ] {
            assert!(is_dateline(l), "{l}");
        }
    }

    #[test]
    fn a_line_about_a_date_is_not_one() {
        for l in [
            "Dezember",
            "Stand: 05. Februar 2020",
            "Veröffentlicht am 16.08.2019",
            "Der Valentinstag am 14. Februar",
            "Mai 68 in Paris",
            "+49 30 1234 Mai",
            "3. PR",
        ] {
            assert!(!is_dateline(l), "{l}");
        }
    }
}
