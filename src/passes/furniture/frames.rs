//! The frames of readers' comments in a comment section: what makes a
//! section opened by a heading ("12 Comments", "Kommentare") certain
//! enough to remove the readers' words in it, not only to propose them.
//!
//! A heading alone proves little: an author's box, a teaser ("Mehr über
//! …") or the text itself may use the word. Comments, though, come in
//! frames that repeat: the commenter's name over a date or time stamp, a
//! "Reply" button, an avatar, a count of replies. Only the lines' own
//! features are read ([`Unit`]), so the same test holds in every language
//! the vocabulary (rules/furniture.toml) covers.

use super::classify::{Evidence, Unit};
use super::signals::Shape;
use super::vocabulary::Category;

/// Lines before a date or time stamp searched for the commenter's name
/// (a role such as "Autor" may stand between them).
const NAME_REACH: usize = 3;
/// Most words of a commenter's name line.
const MAX_NAME_WORDS: usize = 4;
/// Fewest characters of a line of figures alone that is a stamp
/// ("18. 05. 2014 22:38"), not a count or a page number.
const MIN_FIGURE_STAMP: usize = 8;
/// Times a kind of frame must occur for it to count: once may be the
/// page's own (one date, one button).
const MIN_REPEATS: usize = 2;
/// Kinds of frames that must each repeat for a section to be certain.
const MIN_KINDS: usize = 2;

/// The frames counted in a comment section, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Frames {
    /// A short name line followed by a date or time stamp.
    pub stamps: usize,
    /// A line of the comments vocabulary ("Reply", "Antworten", "says:",
    /// a comment form's labels).
    pub actions: usize,
    /// A line of bracketed labels only: an avatar, a form's field.
    pub avatars: usize,
    /// A further heading of comments ("3 replies", "Load more comments").
    pub counts: usize,
    /// The index of the last line that is a frame (of the lines counted):
    /// the comments end there, the page's sidebars and footer follow.
    pub last: usize,
}

impl Frames {
    /// Counts the frames of the section whose lines are `units` (the
    /// heading that opens it excluded).
    pub fn count(units: &[Unit]) -> Frames {
        let mut f = Frames::default();
        for (i, u) in units.iter().enumerate() {
            let before = f;
            if is_stamp(u) && units[i.saturating_sub(NAME_REACH)..i].iter().any(is_name) {
                f.stamps += 1;
            }
            match &u.evidence {
                Some(Evidence::Vocabulary { category, .. } | Evidence::Cue { category, .. })
                    if *category == Category::Comments =>
                {
                    f.actions += 1;
                }
                Some(Evidence::Shape(Shape::Brackets)) => f.avatars += 1,
                _ => {}
            }
            if u.opens_comments {
                f.counts += 1;
            }
            if f != before {
                f.last = i;
            }
        }
        f
    }

    /// Whether the frames make the section certain: at least
    /// [`MIN_KINDS`] kinds, each seen [`MIN_REPEATS`] times.
    pub fn certain(&self) -> bool {
        self.kinds()
            .iter()
            .filter(|(n, _)| *n >= MIN_REPEATS)
            .count()
            >= MIN_KINDS
    }

    fn kinds(&self) -> [(usize, &'static str); 4] {
        [
            (self.stamps, "names over a date"),
            (self.actions, "lines of comments vocabulary"),
            (self.avatars, "avatars or form fields"),
            (self.counts, "further comment headings"),
        ]
    }

    /// The frames seen, for an edit note.
    pub fn describe(&self) -> String {
        self.kinds()
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Whether a line is a date or time stamp: a date's shape, or figures
/// alone long enough to be a date with its time.
fn is_stamp(u: &Unit) -> bool {
    match u.evidence {
        Some(Evidence::Shape(Shape::Date | Shape::Time | Shape::Dateline)) => true,
        Some(Evidence::Shape(Shape::Number)) => u.length >= MIN_FIGURE_STAMP,
        _ => false,
    }
}

/// Whether a line may be a commenter's name: a few words, not a sentence,
/// not a number, and no furniture of another kind (a role such as
/// "Author" has the vocabulary of bylines, and stays a name's neighbour).
fn is_name(u: &Unit) -> bool {
    (1..=MAX_NAME_WORDS).contains(&u.words)
        && !u.sentence
        && !u.number
        && !is_stamp(u)
        && !u.opens_comments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: usize, evidence: Option<Evidence>) -> Unit {
        Unit {
            length: words * 7,
            words,
            evidence,
            ..Unit::default()
        }
    }

    fn date() -> Unit {
        line(4, Some(Evidence::Shape(Shape::Date)))
    }

    fn reply() -> Unit {
        line(
            1,
            Some(Evidence::Vocabulary {
                category: Category::Comments,
                phrases: vec!["reply".into()],
            }),
        )
    }

    fn said() -> Unit {
        Unit {
            length: 300,
            words: 50,
            sentence: true,
            ..Unit::default()
        }
    }

    #[test]
    fn two_comments_with_name_date_and_reply_are_certain() {
        let units = vec![
            line(2, None),
            date(),
            said(),
            reply(),
            line(1, None),
            date(),
            said(),
            reply(),
        ];
        let f = Frames::count(&units);
        assert_eq!((f.stamps, f.actions, f.last), (2, 2, 7));
        assert!(f.certain());
        assert_eq!(
            f.describe(),
            "2 names over a date, 2 lines of comments vocabulary"
        );
    }

    #[test]
    fn one_comment_or_one_kind_is_not() {
        let one = vec![line(2, None), date(), said(), reply()];
        assert!(!Frames::count(&one).certain());
        // dates alone: a list of posts with their dates
        let dates = vec![line(3, None), date(), line(3, None), date()];
        assert!(!Frames::count(&dates).certain());
    }

    #[test]
    fn a_date_after_a_sentence_has_no_name() {
        let units = vec![said(), date(), said(), date()];
        assert_eq!(Frames::count(&units).stamps, 0);
    }
}
