//! The shapes page furniture takes in a text copy, read off one line.
//!
//! A browser's copy turns a menu into bulleted one-word lines or a row of
//! items between bars ("Home | News | Contact"), a breadcrumb into names
//! between chevrons ("Home » Politics » Europe"), images and form fields
//! into bracketed labels ("[logo]", "[          ][Search]", "[ ] Notify
//! me"), and leaves date stamps on lines of their own. None of this needs a
//! language.

/// A list marker at the start of a line: a menu's bullets, a checkbox.
const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '□', '■', '☆', '★', '○', '●', '·', '‣', '⁃', '►', '▶', '▸', '›', '»', '*',
    '-', '–', '—', '→', '✓', '✔', '☐', '☑', '☒',
];

/// Separators between the items of a menu row.
const BARS: &[&str] = &[
    " | ", " • ", " · ", " ‧ ", " ∙ ", " / ", " ¦ ", " – ", " — ",
];

/// Separators between the steps of a breadcrumb.
const CHEVRONS: &[&str] = &[
    " » ", " > ", " › ", " → ", " >> ", " / ", " \\ ", " ⟩ ", " ❯ ",
];

/// Most words of one menu item or breadcrumb step.
const MAX_ITEM_WORDS: usize = 5;

/// Markers an author types for a list of points, as well as a browser
/// rendering a site's menus: stripped, but not taken for a menu's bullets.
const TYPED: &[char] = &['*', '-', '–', '—'];

/// The line without its list marker, and whether it had a rendered list
/// bullet (not a typed dash or asterisk).
pub fn strip_marker(line: &str) -> (&str, bool) {
    let t = line.trim_start();
    // a line opening on an ASCII letter or digit has no marker: spared the
    // search of the bullets (this runs on every line of a page, three times)
    if t.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
        return (t.trim_end(), false);
    }
    let rest = t.trim_start_matches(BULLETS);
    if rest.len() < t.len() && (rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        let typed = t[..t.len() - rest.len()]
            .chars()
            .all(|c| TYPED.contains(&c));
        (rest.trim(), !typed)
    } else {
        (t.trim_end(), false)
    }
}

/// Characters of code and of tables drawn with lines: a line of only these
/// is part of a program or a table, not a separator of the page.
fn is_code_or_table(c: char) -> bool {
    "{}[]();=<>/\\,:+|".contains(c) || ('\u{2500}'..='\u{257F}').contains(&c)
}

/// The shape of a line that marks it as furniture, if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// No letter or digit at all ("* *", "•", "|").
    Symbols,
    /// Only bracketed labels: images and form fields ("[logo]", "[ ]").
    Brackets,
    /// Items between bars, this many.
    MenuRow(usize),
    /// Steps between chevrons, this many.
    Breadcrumb(usize),
    /// A date stamp (with or without its time) with at most a few words
    /// around it.
    Date,
    /// A time stamp without a date, with at most a few words around it:
    /// a post's hour on a live page, or a programme's slot ("17:00 –
    /// 17:30 Uhr"), which an article holds too.
    Time,
    /// Only a date, its month or weekday named ([`super::dates`]): a post's
    /// date printed on its own line, furniture outside the main text only.
    Dateline,
    /// Only a number (a page number, a count, a year).
    Number,
}

impl Shape {
    /// The evidence, for an edit note.
    pub fn describe(self) -> String {
        match self {
            Shape::Symbols => "no letters or digits".to_owned(),
            Shape::Brackets => "only bracketed labels (images, form fields)".to_owned(),
            Shape::MenuRow(n) => format!("menu row of {n} items between bars"),
            Shape::Breadcrumb(n) => format!("breadcrumb of {n} steps"),
            Shape::Date => "date or time stamp".to_owned(),
            Shape::Time => "time stamp".to_owned(),
            Shape::Dateline => "only a date (figures and CLDR's month or weekday names)".to_owned(),
            Shape::Number => "a number alone".to_owned(),
        }
    }

    /// Whether the shape alone proves furniture (a date or a number line
    /// may stand in an article: a table cell, a dateline, a timeline's
    /// entry; a line of only a date goes by itself outside the main text).
    pub fn is_strong(self) -> bool {
        !matches!(
            self,
            Shape::Date | Shape::Time | Shape::Dateline | Shape::Number
        )
    }
}

/// The furniture shape of `line` (already without its list marker).
pub fn shape(line: &str) -> Option<Shape> {
    if !line.chars().any(char::is_alphanumeric) {
        let code = line.chars().any(is_code_or_table);
        return (!line.is_empty() && !code).then_some(Shape::Symbols);
    }
    if only_brackets(line) {
        return Some(Shape::Brackets);
    }
    if let Some(n) = items(line, CHEVRONS) {
        return Some(Shape::Breadcrumb(n));
    }
    if let Some(n) = items(line, BARS) {
        return Some(Shape::MenuRow(n));
    }
    if line
        .chars()
        .all(|c| c.is_ascii_digit() || " .,:/-()".contains(c))
    {
        return Some(Shape::Number);
    }
    if super::dates::is_dateline(line) {
        return Some(Shape::Dateline);
    }
    stamp(line)
}

/// Whether `line` may have a strong shape (`shape(line)` a [`Shape`]
/// that [`Shape::is_strong`]): the checks of the strong shapes alone, a
/// necessary condition that spares the date parsers of a text whose lines
/// are read only to learn whether it is a web copy at all.
pub fn may_have_strong_shape(line: &str) -> bool {
    !line.chars().any(char::is_alphanumeric)
        || only_brackets(line)
        || items(line, CHEVRONS).is_some()
        || items(line, BARS).is_some()
}

/// True if `line` is made only of bracketed groups: `[logo]`, `[   ]`,
/// `[Plus]`, `( )`.
fn only_brackets(line: &str) -> bool {
    let mut rest = line.trim();
    let mut groups = 0;
    while !rest.is_empty() {
        let close = match rest.chars().next() {
            Some('[') => ']',
            Some('(') if rest.len() <= 4 => ')',
            _ => return false,
        };
        match rest.find(close) {
            Some(end) => {
                rest = rest[end + 1..].trim_start();
                groups += 1;
            }
            None => return false,
        }
    }
    groups > 0
}

/// True if `line` holds an empty form field as a copy of a page shows
/// it: a text box or a check box, brackets around spaces (`[        ]`,
/// `[ ]`), or empty brackets opening the line (`[]Notify me …`). Empty
/// brackets further on are code as often (`results = []`).
pub fn form_field(line: &str) -> bool {
    let core = line.trim_start();
    core.starts_with("[]")
        || memchr::memchr_iter(b'[', core.as_bytes()).any(|at| {
            let inside = &core[at + 1..];
            let spaces = inside.len() - inside.trim_start_matches(' ').len();
            spaces > 0 && inside[spaces..].starts_with(']')
        })
}

/// The number of items when `line` is a row of short items between the
/// same separator, at least three, none a sentence.
fn items(line: &str, separators: &[&str]) -> Option<usize> {
    // three items of a byte each between two separators of three bytes
    // each ("a | b | c"): a shorter line is spared the searches below
    const SHORTEST_ROW: usize = 9;
    if line.len() < SHORTEST_ROW {
        return None;
    }
    separators.iter().find_map(|sep| {
        // three items need two separators; counting bytes first spares
        // building a searcher for every line and separator
        let mark = sep.bytes().find(|&b| b != b' ').unwrap_or(b' ');
        memchr::memchr_iter(mark, line.as_bytes()).nth(1)?;
        let parts: Vec<&str> = line.split(sep).map(str::trim).collect();
        let short = |p: &&str| {
            let words = p.split_whitespace().count();
            words <= MAX_ITEM_WORDS && !p.ends_with(['.', '!', '?'])
        };
        (parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && short(p))).then_some(parts.len())
    })
}

/// A date or time stamp with at most three other words: "19.01.2020",
/// "January 13, 2020 at 3:15 pm", "2020-01-13 10:15", "13. März 2019"
/// ([`Shape::Date`]); "10:15 Uhr" ([`Shape::Time`]).
fn stamp(line: &str) -> Option<Shape> {
    // every kind of stamp below needs a digit
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 7 {
        return None;
    }
    let digits = |t: &str| {
        t.trim_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .all(|c| c.is_ascii_digit())
    };
    let numeric_date = |t: &str| {
        let t = t.trim_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = t.split(['.', '/', '-']).collect();
        let values: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        // a day, a month and a year in some order, not a phone number's
        // groups ("158-23-2012")
        parts.len() == 3
            && values.len() == 3
            && parts.iter().all(|p| !p.is_empty() && p.len() <= 4)
            && values.iter().filter(|&&v| v <= 31).count() >= 2
            && values.iter().any(|&v| (1..=12).contains(&v))
    };
    let time = |t: &str| {
        let t = t.trim_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = t.split(':').collect();
        parts.len() >= 2
            && parts
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
    };
    let year = |t: &str| {
        let t = t.trim_matches(|c: char| !c.is_ascii_digit());
        t.len() == 4 && (t.starts_with("19") || t.starts_with("20")) && digits(t)
    };
    let day = |t: &str| {
        let t = t.trim_matches(|c: char| !c.is_ascii_digit());
        (1..=2).contains(&t.len()) && digits(t)
    };
    let dated = tokens.iter().any(|t| numeric_date(t))
        || (tokens.iter().any(|t| year(t)) && tokens.iter().any(|t| day(t)));
    let timed = tokens.iter().any(|t| time(t));
    let other = tokens
        .iter()
        .filter(|t| !(numeric_date(t) || time(t) || digits(t)))
        .count();
    if other > 3 {
        None
    } else if dated {
        Some(Shape::Date)
    } else if timed {
        Some(Shape::Time)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_stripped_only_before_a_space() {
        assert_eq!(strip_marker("  • Home"), ("Home", true));
        assert_eq!(strip_marker("☆ Berlin Wall"), ("Berlin Wall", true));
        assert_eq!(strip_marker("-5 degrees"), ("-5 degrees", false));
        assert_eq!(strip_marker("*"), ("", false));
        assert_eq!(strip_marker("– a typed point"), ("a typed point", false));
    }

    proptest::proptest! {
        /// The fast path for a line opening on a letter or digit gives what
        /// the search of the bullets gives.
        #[test]
        fn markers_stripped_as_by_the_bullet_search(s in "[ a1*•\\-–·.]{0,12}") {
            let t = s.trim_start();
            let rest = t.trim_start_matches(BULLETS);
            let searched = if rest.len() < t.len()
                && (rest.is_empty() || rest.starts_with(char::is_whitespace))
            {
                let typed = t[..t.len() - rest.len()].chars().all(|c| TYPED.contains(&c));
                (rest.trim(), !typed)
            } else {
                (t.trim_end(), false)
            };
            proptest::prop_assert_eq!(strip_marker(&s), searched);
        }
    }

    proptest::proptest! {
        /// A line of a strong shape passes the pre-check.
        #[test]
        fn strong_shapes_pass_the_pre_check(s in "[ a1\\[\\]()|»>/.:•-]{0,16}") {
            if shape(&s).is_some_and(Shape::is_strong) {
                proptest::prop_assert!(may_have_strong_shape(&s));
            }
        }
    }

    #[test]
    fn shapes_of_furniture_lines() {
        assert_eq!(shape("* *"), Some(Shape::Symbols));
        assert_eq!(shape("},"), None);
        assert_eq!(shape("├──────┼────┤"), None);
        assert_eq!(shape("[logo]"), Some(Shape::Brackets));
        assert_eq!(
            shape("[                    ][Search]"),
            Some(Shape::Brackets)
        );
        assert_eq!(shape("Home | About | Contact"), Some(Shape::MenuRow(3)));
        // the shortest row there is
        assert_eq!(shape("a | b | c"), Some(Shape::MenuRow(3)));
        assert_eq!(shape("Home » World » Europe"), Some(Shape::Breadcrumb(3)));
        assert_eq!(shape("19.01.2020"), Some(Shape::Number));
        assert_eq!(shape("Date 19.01.2020"), Some(Shape::Date));
        assert_eq!(shape("January 13, 2020 at 3:15 pm"), Some(Shape::Dateline));
        assert_eq!(shape("13. März 2019"), Some(Shape::Dateline));
        assert_eq!(shape("Stand: 13. März 2019"), Some(Shape::Date));
        assert_eq!(shape("Karsten Dörre / 22.04.2020"), Some(Shape::Date));
        // a time without a date: a live page's hour or a programme's slot
        assert_eq!(shape("17:00 – 17:30 Uhr"), Some(Shape::Time));
        // a phone number's groups are no date
        assert_eq!(shape("Tel. +81 158-23-2012"), None);
    }

    #[test]
    fn empty_brackets_are_form_fields() {
        assert!(form_field("Name [                    ]"));
        assert!(form_field("[ ] Notify me of follow-up comments by email."));
        assert!(form_field("[]Meinen Namen in diesem Browser speichern"));
        // an image's label, a button, code
        assert!(!form_field("[logo]"));
        assert!(!form_field("[Kommentar abschicken]"));
        assert!(!form_field("results = []"));
        assert!(!form_field("a [ unclosed"));
    }

    #[test]
    fn prose_has_no_furniture_shape() {
        for l in [
            "The war ended in 1945 after six years.",
            "Either this | or that.",
            "On 12 May 2020 the minister resigned after a long row over the budget and its cuts.",
            "[1] Smith, J. A study of things.",
            "Input > output, as the rule says.",
        ] {
            assert_eq!(shape(l), None, "{l}");
        }
    }
}
