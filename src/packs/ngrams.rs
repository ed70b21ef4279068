//! Word tokens and n-grams for learning phrase packs.
//!
//! A token is a run of letters and digits, with an apostrophe or hyphen
//! inside it kept (`don't`, `well-known`); the curly apostrophe is read as
//! the straight one. Anything else that is not a space (punctuation,
//! symbols) and every line break ends an n-gram: a phrase of a pack never
//! crosses a clause mark.
//!
//! Only lowercase words count as words. A word with a capital letter is a
//! name, an acronym or a sentence's first word, and a word with a digit is
//! a number or a code; both end an n-gram too. Names and numbers are what
//! one document talks about, not how a translator writes, and a pack's
//! `find` forms match case-sensitively: a lowercase form learned from the
//! middle of sentences is the form that will be found there. The pronoun
//! `I` (and `I'm`, `I've`...) is a word like any other.

use foldhash::HashMap;

/// The longest n-gram counted.
pub const MAX_N: usize = 5;

/// An n-gram: token ids, unused slots 0 (no token has id 0).
pub type Gram = [u32; MAX_N];

/// Marks the end of a run of words in a token stream.
pub const BREAK: u32 = 0;

/// The words met, numbered from 1.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocab {
    /// The id of `word`, numbered on first sight.
    pub fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        self.words.push(word.to_owned());
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX - 1);
        self.ids.insert(word.to_owned(), id);
        id
    }

    /// The word numbered `id`.
    pub fn word(&self, id: u32) -> &str {
        self.words
            .get((id as usize).wrapping_sub(1))
            .map_or("", String::as_str)
    }

    /// The words of `gram` joined by spaces.
    pub fn text(&self, gram: &Gram) -> String {
        let mut s = String::new();
        for &id in gram.iter().take_while(|&&id| id != BREAK) {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(self.word(id));
        }
        s
    }
}

/// The token stream of `text`: word ids, [`BREAK`] where an n-gram must
/// not continue (see the module documentation).
pub fn tokenize(text: &str, vocab: &mut Vocab) -> Vec<u32> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut word = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            word.clear();
            while i < chars.len() {
                let c = chars[i];
                let joiner = matches!(c, '\'' | '’' | '-')
                    && chars.get(i + 1).is_some_and(|d| d.is_alphanumeric());
                if c.is_alphanumeric() {
                    word.push(c);
                } else if joiner {
                    word.push(if c == '’' { '\'' } else { c });
                } else {
                    break;
                }
                i += 1;
            }
            out.push(match is_word(&word) {
                true => vocab.id(&word),
                false => BREAK,
            });
            continue;
        }
        if !c.is_whitespace() || c == '\n' {
            out.push(BREAK);
        }
        i += 1;
    }
    out.dedup_by(|a, b| *a == BREAK && *b == BREAK);
    out
}

/// True for a token that counts as a word: no digit, no capital except in
/// the pronoun `I` and its contractions.
fn is_word(token: &str) -> bool {
    let pronoun = token == "I" || token.strip_prefix("I'").is_some_and(|r| r.len() <= 2);
    pronoun
        || token
            .chars()
            .all(|c| c.is_alphabetic() && !c.is_uppercase() || c == '\'' || c == '-')
}

/// Calls `f` with every n-gram of `tokens` of `min_n..=max_n` words that
/// crosses no [`BREAK`], and its length.
pub fn each_gram(tokens: &[u32], min_n: usize, max_n: usize, mut f: impl FnMut(Gram, usize)) {
    let max_n = max_n.min(MAX_N);
    for start in 0..tokens.len() {
        let mut gram: Gram = [BREAK; MAX_N];
        for n in 1..=max_n {
            let Some(&t) = tokens.get(start + n - 1) else {
                break;
            };
            if t == BREAK {
                break;
            }
            gram[n - 1] = t;
            if n >= min_n {
                f(gram, n);
            }
        }
    }
}

/// The number of words of `gram`.
pub fn len(gram: &Gram) -> usize {
    gram.iter().take_while(|&&id| id != BREAK).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut v = Vocab::default();
        tokenize(text, &mut v)
            .into_iter()
            .map(|id| match id {
                BREAK => "|".to_owned(),
                _ => v.word(id).to_owned(),
            })
            .collect()
    }

    #[test]
    fn names_numbers_and_punctuation_break_the_runs() {
        assert_eq!(
            words("The talks in Beijing lasted 3 days, and I’m sure they don't end."),
            [
                "|", "talks", "in", "|", "lasted", "|", "days", "|", "and", "I'm", "sure", "they",
                "don't", "end", "|"
            ]
        );
    }

    #[test]
    fn a_line_break_ends_a_run_but_a_hyphen_inside_a_word_does_not() {
        assert_eq!(
            words("a well-known\nword - here"),
            ["a", "well-known", "|", "word", "|", "here"]
        );
    }

    #[test]
    fn grams_stop_at_breaks() {
        let mut v = Vocab::default();
        let t = tokenize("one two three, four", &mut v);
        let mut got = Vec::new();
        each_gram(&t, 2, 5, |g, n| {
            assert_eq!(len(&g), n);
            got.push(v.text(&g));
        });
        assert_eq!(got, ["one two", "one two three", "two three"]);
    }
}
