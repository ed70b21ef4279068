//! Picture credits at the end of a caption: "… Picture/People’s Vision",
//! "Photo: AFP", "(Photo: Reuters)", "Image courtesy of NASA", and as the
//! news pages of other languages write them: "Foto: Galli/Malteser",
//! "Bild: Jahr Media", "Imagen: Télam", "Crédits photos : Bestimage",
//! "© AFP / Marco Bertorello".
//!
//! A caption is a short paragraph whose last words are a credit; the credit
//! names its source in at most six words and nothing follows it.

use super::grammar::offset;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while1},
    character::complete::char as ch,
    combinator::{eof, opt, recognize, verify},
    sequence::delimited,
};

/// Labels of a paper's captions.
const CAPTION_LABELS: [&str; 6] = ["Figure", "FIGURE", "Fig.", "FIG.", "Table", "TABLE"];

/// The label of a paper's figure or table caption opening `s` ("Figure 8.",
/// "Fig. 2.", "Table 1:", "TABLE IV."): its length in bytes. The number
/// must be followed by a stop or colon: "Figure 7 shows…" is a sentence
/// about the figure, not its caption.
pub fn caption_label(s: &str) -> Option<usize> {
    let label = CAPTION_LABELS.iter().find(|l| s.starts_with(**l))?;
    let rest = &s[label.len()..];
    let spaced = rest.trim_start_matches(' ');
    let number = spaced
        .bytes()
        .take_while(|b| b.is_ascii_digit() || (b.is_ascii_uppercase() && b"IVXL".contains(b)))
        .count();
    if number == 0 || number > 5 {
        return None;
    }
    let after = &spaced[number..];
    after
        .starts_with(['.', ':'])
        .then(|| s.len() - after.len() + 1)
}

/// Longest caption, in words (a longer paragraph is running text).
pub const MAX_CAPTION_WORDS: usize = 80;

/// Most words a credit spans: a copyright sign, a credit word, " courtesy
/// of" (two words) and a source of six, as in "© Photo courtesy of" + six
/// words; a separator or a source written close ("Photo:AFP") only joins
/// words.
const MAX_CREDIT_WORDS: usize = 10;

/// Fewest bytes of a credit: "AP" (an agency's name alone on its line);
/// the grammar's shortest is "©A" (a copyright sign and a source of one
/// letter).
const SHORTEST_CREDIT: usize = 2;

/// Words that open a credit, each before any word it starts with: the
/// word for a photograph, a picture or a credit in the languages of news
/// pages (English, German, French, Spanish, Portuguese, Italian, Dutch,
/// Polish, Finnish; "foto" and "image" serve several), and German's
/// compounds of "Bild" that label a page's pictures ("Titelbild: …"). A word for a source alone
/// ("Quelle", "Source", "Fuente") is no picture's: under a paper's table it
/// cites data.
const CREDIT_WORDS: [&str; 32] = [
    "photographie",
    "photographs",
    "photograph",
    "photos",
    "photo",
    "pictures",
    "picture",
    "imagens",
    "imagem",
    "imagenes",
    "imágenes",
    "imagen",
    "images",
    "image",
    "immagine",
    "credits",
    "credit",
    "crédits",
    "crédito",
    "crédit",
    "fotografía",
    "fotografia",
    "fotos",
    "foto",
    "bildquelle",
    "bilder",
    "bild",
    "titelbild",
    "symbolbild",
    "beitragsbild",
    "zdjęcie",
    "kuva",
];

/// What else may open a credit: "(Photo: AFP)", "Courtesy of NASA", and the
/// copyright sign a credit may stand behind ("© AFP / Marco Bertorello").
const OTHER_OPENINGS: [&str; 3] = ["(", "courtesy", "©"];

fn credit_word(input: &str) -> IResult<&str, &str> {
    for w in CREDIT_WORDS {
        if let Ok(found) = tag_no_case::<_, _, nom::error::Error<&str>>(w).parse(input) {
            return Ok(found);
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// True if `s` starts with a character that can open a credit, compared
/// as `tag_no_case` compares: a cheap test before the grammar runs.
fn may_open_credit(s: &str) -> bool {
    let Some(c) = s.chars().next() else {
        return false;
    };
    let mut openings = CREDIT_WORDS.iter().chain(&OTHER_OPENINGS);
    if c.is_ascii() {
        // the openings are ASCII: their first bytes, compared without case
        // (this runs on every short block)
        let b = c as u8;
        return openings.any(|w| {
            w.as_bytes()
                .first()
                .is_some_and(|o| o.eq_ignore_ascii_case(&b))
        });
    }
    openings.any(|w| {
        w.chars()
            .next()
            .is_some_and(|o| o.to_lowercase().eq(c.to_lowercase()))
    })
}

/// The source named by a credit: up to six words, no sentence punctuation,
/// written as a name is: capitalised words (or numbers), short particles
/// ("of", "de", "van"), parts after a slash ("Reuters/handout") and at
/// most one other lower-case word ("Markus Spiske from Pexels", "Captura
/// de pantalla"). "Image: Rape blossoms beside the lake" is a caption,
/// not a credit.
fn source(input: &str) -> IResult<&str, &str> {
    verify(source_words, |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
    .parse(input)
}

/// The source behind a copyright sign: as [`source`], but a photographer's
/// handle may open it in lower case ("© aremac / Clipdealer"). A year or
/// the word "copyright" makes it the site's copyright notice ("© 2004-2020
/// Healthline Media", "© thisisjanewayne 2010 – 2021", "© Copyright -
/// ÖBFV"), not a picture's credit.
fn owner(input: &str) -> IResult<&str, &str> {
    verify(source_words, |s: &str| {
        s.starts_with(char::is_alphabetic)
            && !s.split(|c: char| !c.is_alphanumeric()).any(|w| {
                w.eq_ignore_ascii_case("copyright")
                    || (w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
                        && w.bytes().all(|b| b.is_ascii_digit())
            })
    })
    .parse(input)
}

/// One to six words without sentence punctuation, all but one of them
/// written as a name's are ([`name_like`]).
fn source_words(input: &str) -> IResult<&str, &str> {
    verify(source_chars, |s: &str| {
        let n = s.split_whitespace().count();
        (1..=6).contains(&n) && s.split_whitespace().filter(|w| !name_like(w)).count() <= 1
    })
    .parse(input)
}

/// The characters a source may span: up to sentence punctuation, a
/// bracket, a quotation mark or a line break. A full stop inside a word is
/// the word's: a licence's version ("CC BY 2.0"), a site's address
/// ("stock.adobe.com").
fn source_chars(input: &str) -> IResult<&str, &str> {
    let mut end = 0;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let stops = match c {
            '!' | '?' | ';' | '(' | ')' | '\n' | '“' | '”' => true,
            '.' => !chars
                .peek()
                .is_some_and(|&(_, next)| next.is_alphanumeric()),
            _ => false,
        };
        if stops {
            break;
        }
        end = i + c.len_utf8();
    }
    if end == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TakeWhile1,
        )));
    }
    Ok((&input[end..], &input[..end]))
}

/// Longest lower-case word a name holds (a particle: "of", "von", "del").
const MAX_PARTICLE_CHARS: usize = 3;

/// True for a word of a source's name (see [`source`]).
fn name_like(word: &str) -> bool {
    word.starts_with(|c: char| !c.is_lowercase())
        || word.contains('/')
        || word.chars().count() <= MAX_PARTICLE_CHARS
}

fn bare_credit(input: &str) -> IResult<&str, &str> {
    // "Photo credit: Reuters", "Image source: Getty Images"
    // ("Crédits photos : Bestimage", "Foto credit: X")
    let qualifier = alt((recognize((ch(' '), credit_word)), tag_no_case(" source")));
    recognize(alt((
        recognize((
            credit_word,
            opt(qualifier),
            alt((
                // a slash joins close ("Picture/People’s Vision"); spaced,
                // it lists ("Credits / Resources", a section's heading)
                tag("/"),
                recognize((opt(ch(' ')), tag(":"))),
                tag(" by"),
                tag(" courtesy of"),
                tag(" courtesy"),
            )),
            opt(ch(' ')),
            source,
        )),
        recognize((tag_no_case("courtesy of "), source)),
        // Polish abbreviates its label: "Fot. Jan Kowalski / Agencja Gazeta"
        recognize((tag_no_case("fot. "), source)),
    )))
    .parse(input)
}

/// A news agency or photo service: "AP", "AFP", "Xinhua", "Reuters".
fn agency(input: &str) -> IResult<&str, &str> {
    verify(take_while1(char::is_alphabetic), |w: &str| {
        w.starts_with(char::is_uppercase) && (2..=12).contains(&w.chars().count())
    })
    .parse(input)
}

/// An agency's credit, as written in parentheses: "AP Photo/Sergei Grits",
/// "Xinhua/Wang Shen".
fn agency_credit(input: &str) -> IResult<&str, &str> {
    recognize((
        agency,
        alt((
            recognize((ch(' '), bare_credit)),
            recognize((opt(ch(' ')), ch('/'), opt(ch(' ')), source)),
        )),
    ))
    .parse(input)
}

fn credit(input: &str) -> IResult<&str, &str> {
    recognize((
        alt((
            delimited(ch('('), alt((bare_credit, agency_credit)), ch(')')),
            // "© AFP / Marco Bertorello", "© Bild: Werk/Christian Houdek",
            // "(c) Kab Niang" where the sign could not be typed
            recognize((
                alt((tag("©"), tag_no_case("(c)"))),
                opt(ch(' ')),
                alt((bare_credit, owner)),
            )),
            bare_credit,
        )),
        opt(ch('.')),
        eof,
    ))
    .parse(input)
}

/// The range of a credit that ends `s`, if any, when it follows a caption
/// (or stands alone).
pub fn trailing_credit(s: &str) -> Option<(usize, usize)> {
    let t = crate::scan::trim_end(s);
    // a shorter text holds no credit (most lines of a list of words)
    if t.len() < SHORTEST_CREDIT {
        return None;
    }
    if let Some(a) = agency_line(t).or_else(|| bracketed_agency(t)) {
        return Some((a, t.len()));
    }
    // Try each word start that a credit can reach the end from, left to
    // right: the longest credit wins.
    for i in LastWords::<MAX_CREDIT_WORDS>::of(t).in_order() {
        let cand = &t[i..];
        if cand.is_empty() || cand.starts_with(char::is_whitespace) {
            continue;
        }
        // checked first, so the grammar runs at sentence starts only
        let before = t[..i].trim_end();
        if !may_open_credit(cand) || !may_follow(before, cand) {
            continue;
        }
        if let Ok((_, m)) = credit(cand) {
            let a = offset(s, m);
            return Some((separated_from(s, a, cand), a + m.len()));
        }
    }
    library_at_end(t).map(|a| (a, t.len()))
}

/// News agencies and picture services whose name, alone on a line,
/// credits the picture the line stands under: a page's copy gives the
/// credit of a photograph without a word for it ("Getty Images", "AFP via
/// Getty Images", "iStock/cjp", "Imago/Shotshop"). Lower case, compared
/// without case.
const AGENCIES: [&str; 46] = [
    "afp",
    "ap",
    "dpa",
    "epa",
    "apa",
    "ansa",
    "efe",
    "anp",
    "belga",
    "reuters",
    "xinhua",
    "kyodo",
    "tass",
    "anadolu",
    "sipa",
    "keystone",
    "getty",
    "getty images",
    "gettyimages",
    "istock",
    "istockphoto",
    "istock.com",
    "shutterstock",
    "shutterstock.com",
    "thinkstock",
    "thinkstockphotos",
    "adobe stock",
    "adobestock",
    "fotolia",
    "unsplash",
    "pixabay",
    "pexels",
    "picture alliance",
    "picture-alliance",
    "imago",
    "imago images",
    "colourbox",
    "123rf",
    "dreamstime",
    "depositphotos",
    "alamy",
    "bestimage",
    "ullstein bild",
    "photothek",
    "corbis",
    "abaca",
];

/// Whether `part` names an agency of [`AGENCIES`].
fn is_agency(part: &str) -> bool {
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(part))
}

/// Most words of a line that credits a picture by its agency alone.
const MAX_AGENCY_LINE_WORDS: usize = 6;

/// Where the credit starts when the last line of `t` is a credit by
/// agency: a line of at most [`MAX_AGENCY_LINE_WORDS`] words whose parts,
/// split at slashes, bars and "via", name an agency of [`AGENCIES`] and
/// otherwise a photographer or a holder in a few words, without sentence
/// punctuation ("AFP via Getty Images", "Nathan Alliard / Photononstop /
/// AFP", "Trybunał Konstytucyjny / Shutterstock"). The lines above it, if
/// any, are the picture's caption or its alt text.
fn agency_line(t: &str) -> Option<usize> {
    let last = t.rfind('\n').map_or(0, |k| k + 1);
    let line = t[last..].trim_start();
    if line.is_empty()
        || line.split_whitespace().nth(MAX_AGENCY_LINE_WORDS).is_some()
        || line.contains(['!', '?', ':', ';', ',', '(', ')', '"', '“', '”'])
    {
        return None;
    }
    let mut parts = line
        .split(['/', '|'])
        .flat_map(|p| p.split(" via "))
        .map(str::trim);
    let mut agency = false;
    for part in parts.by_ref() {
        if part.is_empty() || part.split_whitespace().count() > 4 {
            return None;
        }
        let named = is_agency(part);
        if !named && part.contains('.') {
            return None;
        }
        agency |= named;
    }
    agency.then_some(t.len() - line.len())
}

/// Where the credit starts when `t` ends in brackets that hold a credit
/// by agency with a photographer's or a holder's name ([`agency_line`]),
/// perhaps after a label of one or two words: "(REUTERS/Denis
/// Balibouse)", "(mlharing / iStock.com)", "(Quelle: Fleischmann/
/// Unsplash/DJV)". Such brackets credit a picture wherever the caption's
/// sentence stands; an agency alone ("(dpa)") or with an editor's
/// initials ("(dpa/gem)") signs a paragraph instead.
fn bracketed_agency(t: &str) -> Option<usize> {
    let inner = t.strip_suffix(')')?;
    let open = inner
        .rfind(['(', ')', '\n'])
        .filter(|&o| inner[o..].starts_with('('))?;
    let inner = &inner[open + 1..];
    let inner = match inner.split_once(':') {
        Some((label, rest)) if (1..=2).contains(&label.split_whitespace().count()) => rest,
        _ => inner,
    };
    // an editor's initials after the agency ("(dpa/gem)") sign a paragraph
    let initials = inner.split(['/', '|']).map(str::trim).any(|p| {
        !is_agency(p) && p.chars().count() <= MAX_INITIALS && p.chars().all(char::is_lowercase)
    });
    (inner.contains(['/', '|']) && !initials && agency_line(inner.trim()).is_some()).then_some(open)
}

/// Picture libraries whose name no word or person shares: written after a
/// caption's last word without a mark, they still credit the picture
/// ("… vor dem Tannenbaum Shutterstock", "Dee Dee Myers Getty Images"),
/// where a news agency's name there ends a sentence ("… told Reuters").
const LIBRARIES: [&str; 17] = [
    "getty images",
    "istock",
    "istockphoto",
    "shutterstock",
    "thinkstock",
    "thinkstockphotos",
    "adobe stock",
    "adobestock",
    "fotolia",
    "unsplash",
    "pixabay",
    "picture alliance",
    "picture-alliance",
    "colourbox",
    "dreamstime",
    "depositphotos",
    "123rf",
];

/// Where the credit starts when the last line of `t` ends in a picture
/// library's name of [`LIBRARIES`] after a caption's words, without
/// sentence punctuation before it.
fn library_at_end(t: &str) -> Option<usize> {
    let lower_end = |name: &str| {
        let at = t.len().checked_sub(name.len())?;
        (t.is_char_boundary(at) && t[at..].eq_ignore_ascii_case(name)).then_some(at)
    };
    let at = LIBRARIES.iter().find_map(|name| lower_end(name))?;
    let before = &t[..at];
    (before.ends_with(' ') && !before.trim_end().ends_with(['.', '!', '?', ':', ',', ';']))
        .then_some(at)
}

/// Most letters of an editor's initials in an article's signature, written
/// in lower case ("gem"); an organisation's are capitals ("DJV").
const MAX_INITIALS: usize = 3;

/// Whether a credit opening `cand` may follow `before`: a credit follows
/// the end of a caption's sentence or stands alone, but the copyright sign
/// and a credit word in parentheses mark it wherever they stand ("Stau ©
/// aremac / Clipdealer", "… durante el operativo (Foto: Tony Silva)").
fn may_follow(before: &str, cand: &str) -> bool {
    before.is_empty()
        || before.ends_with(['.', '!', '?', '”', '"', ')'])
        || cand.starts_with('©')
        || cand
            .strip_prefix('(')
            .is_some_and(|c| credit_word(c).is_ok())
        // "Roman Prymula, photo: Archives …": a label and its colon after
        // the name a caption gives
        || (before.ends_with(',') && labelled(cand))
        // "… dans le hall / (C) Kab Niang"
        || (before.ends_with(['/', '|', '–']) && starts_with_no_case(cand, "(c)"))
}

/// Whether `cand` opens with a credit word and a colon ("photo:").
fn labelled(cand: &str) -> bool {
    credit_word(cand).is_ok_and(|(rest, _)| rest.trim_start_matches(' ').starts_with(':'))
}

/// Whether `s` starts with the ASCII `prefix`, compared without case.
fn starts_with_no_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Where a credit found at `a` in `s` starts: a copyright credit takes the
/// separator a page sets before it ("… Gary Player. | © PGA of America"),
/// which would dangle at the caption's end without it.
fn separated_from(s: &str, a: usize, cand: &str) -> usize {
    if !(cand.starts_with('©') || starts_with_no_case(cand, "(c)")) {
        return a;
    }
    let before = s[..a].trim_end();
    match before.strip_suffix(['|', '/', '–', '-', '·']) {
        Some(rest) if rest.ends_with(char::is_whitespace) => rest.trim_end().len(),
        _ => a,
    }
}

/// The offsets of the last `N` words of `t` (maximal
/// runs without whitespace), found from the end, so a long text is not
/// walked from its start; offset 0 stands for the first word. Kept in a
/// fixed array, last word first: this runs on every short block.
struct LastWords<const N: usize> {
    starts: [usize; N],
    len: usize,
}

impl<const N: usize> LastWords<N> {
    fn of(t: &str) -> Self {
        let mut w = LastWords {
            starts: [0; N],
            len: 0,
        };
        let mut next = t.len(); // offset of the character after the current one
        for (i, c) in t.char_indices().rev() {
            if w.len == N {
                return w;
            }
            if c.is_whitespace() && next < t.len() && !t[next..].starts_with(char::is_whitespace) {
                w.starts[w.len] = next;
                w.len += 1;
            }
            next = i;
        }
        if w.len < N {
            w.starts[w.len] = 0;
            w.len += 1;
        }
        w
    }

    /// The offsets in text order, first word first.
    fn in_order(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts[..self.len].iter().rev().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::caption_label;

    #[test]
    fn caption_labels_of_papers() {
        assert_eq!(
            caption_label("Figure 8. Control flow"),
            Some("Figure 8.".len())
        );
        assert_eq!(caption_label("Fig. 2. A kink"), Some("Fig. 2.".len()));
        assert_eq!(caption_label("Table 1: Counts"), Some("Table 1:".len()));
        assert_eq!(caption_label("TABLE IV. Results"), Some("TABLE IV.".len()));
        for s in [
            "Figure 7 shows the graph",
            "Figures 2 and 3",
            "Tablet 1.",
            "Figure. 2",
        ] {
            assert_eq!(caption_label(s), None, "{s}");
        }
    }

    use super::*;
    use proptest::prelude::*;

    /// [`trailing_credit`] trying every word start, as it did before it
    /// looked at the last few only.
    fn credit_from_any_word(s: &str) -> Option<(usize, usize)> {
        let t = s.trim_end();
        if let Some(a) = agency_line(t).or_else(|| bracketed_agency(t)) {
            return Some((a, t.len()));
        }
        let starts = std::iter::once(0).chain(
            t.char_indices()
                .filter_map(|(i, c)| c.is_whitespace().then_some(i + c.len_utf8())),
        );
        for i in starts {
            let cand = &t[i..];
            let before = t[..i].trim_end();
            if cand.is_empty() || cand.starts_with(char::is_whitespace) || !may_follow(before, cand)
            {
                continue;
            }
            if let Ok((_, m)) = credit(cand) {
                let a = offset(s, m);
                return Some((separated_from(s, a, cand), a + m.len()));
            }
        }
        library_at_end(t).map(|a| (a, t.len()))
    }

    proptest! {
        #[test]
        fn the_last_words_hold_any_credit(
            words in proptest::collection::vec(
                proptest::sample::select(&[
                    "Photo", "photo:", "(Photo", "Photo:", ":", "/", "by", "courtesy", "of",
                    "Courtesy", "AFP", "AFP)", "Reuters.", "A", "B", "C", "D", "E", "F", "G",
                    "x.", "war", "The", "Image", "Picture/People’s", "Vision", "\u{a0}", "(", ")",
                    "©", "|", "Bild:", "(Foto:", "2020", "photos",
                ][..]),
                0..16,
            ),
            seps in proptest::collection::vec(proptest::sample::select(&[" ", "  ", "\n", " \t"][..]), 16),
        ) {
            let s: String = words.iter().zip(&seps).flat_map(|(w, sep)| [*w, *sep]).collect();
            prop_assert_eq!(trailing_credit(&s), credit_from_any_word(&s), "{:?}", s);
        }
    }

    #[test]
    fn last_word_starts_from_the_end() {
        fn starts<const N: usize>(t: &str) -> Vec<usize> {
            LastWords::<N>::of(t).in_order().collect()
        }
        assert_eq!(starts::<2>("a bb  c"), [2, 6]);
        assert_eq!(starts::<3>("a bb  c"), [0, 2, 6]);
        assert_eq!(starts::<9>("a bb  c"), [0, 2, 6]);
        assert_eq!(starts::<9>(""), [0]);
    }

    fn cr(s: &str) -> Option<&str> {
        trailing_credit(s).map(|(a, b)| &s[a..b])
    }

    #[test]
    fn the_shortest_credits_are_found() {
        assert_eq!(cr("(AP/X)"), Some("(AP/X)"));
        assert_eq!(cr("Foto/X"), Some("Foto/X"));
        assert_eq!(cr("©A"), Some("©A"));
        assert_eq!(cr("AP"), Some("AP"));
        assert_eq!(cr("(AP/)"), None);
        assert_eq!(cr("A"), None);
    }

    #[test]
    fn credits() {
        assert_eq!(
            cr("Scenes of the conflict. At present, war. Picture/People’s Vision"),
            Some("Picture/People’s Vision")
        );
        assert_eq!(cr("Troops at the border. Photo: AFP"), Some("Photo: AFP"));
        assert_eq!(
            cr("Troops at the border. (Photo: Reuters)"),
            Some("(Photo: Reuters)")
        );
        assert_eq!(
            cr("The comet. Image courtesy of NASA"),
            Some("Image courtesy of NASA")
        );
        assert_eq!(cr("Photo by Jane Doe"), Some("Photo by Jane Doe"));
        assert_eq!(cr("Photo: Ana de la Cruz"), Some("Photo: Ana de la Cruz"));
        assert_eq!(
            cr("Photo Source: Markus Spiske from Pexels."),
            Some("Photo Source: Markus Spiske from Pexels.")
        );
        assert_eq!(
            cr("Tired? Foto: Getty Images/miodrag ignjatovic"),
            Some("Foto: Getty Images/miodrag ignjatovic")
        );
        assert_eq!(
            cr("Rubble. (Photo: SANA/handout)"),
            Some("(Photo: SANA/handout)")
        );
        assert_eq!(cr("Photo credit: Reuters"), Some("Photo credit: Reuters"));
        assert_eq!(
            cr("Peacekeepers arrive. (AP Photo/Sergei Grits)"),
            Some("(AP Photo/Sergei Grits)")
        );
        assert_eq!(
            cr("Residents clear the rubble. (Xinhua/Wang Shen)"),
            Some("(Xinhua/Wang Shen)")
        );
        assert_eq!(
            cr("The square. Image source: Getty Images"),
            Some("Image source: Getty Images")
        );
        // the longest credit there can be, in words
        assert_eq!(
            cr("Troops. (Photo courtesy of The Ministry Of Defence Of Oz)"),
            Some("(Photo courtesy of The Ministry Of Defence Of Oz)")
        );
        assert_eq!(
            cr("Troops. © Photo courtesy of The Ministry Of Defence Of Oz"),
            Some("© Photo courtesy of The Ministry Of Defence Of Oz")
        );
    }

    #[test]
    fn credits_of_other_languages() {
        assert_eq!(cr("Bild: Jahr Media"), Some("Bild: Jahr Media"));
        assert_eq!(cr(". Imagen: Télam"), Some("Imagen: Télam"));
        assert_eq!(
            cr("Crédits photos : Bestimage"),
            Some("Crédits photos : Bestimage")
        );
        assert_eq!(
            cr("Hilfe nach dem Hochwasser in der Eifel. Foto: Galli/Malteser"),
            Some("Foto: Galli/Malteser")
        );
        assert_eq!(
            cr("O grupo foi preso. Imagem: Agência Brasil"),
            Some("Imagem: Agência Brasil")
        );
        assert_eq!(
            cr("Vertreter sprachen mit der Ministerin. (Bildquelle: Landwirtschaftskammer)"),
            Some("(Bildquelle: Landwirtschaftskammer)")
        );
        assert_eq!(
            cr("Ziemniaki na polu. Fot. Jan Kowalski / Agencja Gazeta"),
            Some("Fot. Jan Kowalski / Agencja Gazeta")
        );
        assert_eq!(cr("Kuva: ALEXANDER BECHER"), Some("Kuva: ALEXANDER BECHER"));
        assert_eq!(
            cr("Titelbild: Geyres Christophe/ABACA"),
            Some("Titelbild: Geyres Christophe/ABACA")
        );
        assert_eq!(
            cr("Roman Prymula, photo: Archives du Gouvernement tchèque"),
            Some("photo: Archives du Gouvernement tchèque")
        );
    }

    #[test]
    fn a_librarys_name_after_a_captions_words_is_its_credit() {
        assert_eq!(
            cr("Junge Frau tanzt vor dem Tannenbaum Shutterstock"),
            Some("Shutterstock")
        );
        assert_eq!(cr("Dee Dee Myers Getty Images"), Some("Getty Images"));
        for s in [
            "The deal was first reported by Reuters",
            "Die Bilder stammen von: Pixabay",
            "Photos are free. Unsplash",
        ] {
            assert_eq!(cr(s), None, "{s}");
        }
    }

    #[test]
    fn a_licence_or_an_address_keeps_its_full_stops() {
        assert_eq!(
            cr("Sie haben zu tun. Foto: Timur | flickr| CC BY 2.0"),
            Some("Foto: Timur | flickr| CC BY 2.0")
        );
        assert_eq!(
            cr("Cyber-Attacken nehmen zu. – © Sergey Nivens – stock.adobe.com"),
            Some(" – © Sergey Nivens – stock.adobe.com")
        );
        // a full stop before a space still ends the credit's sentence
        assert_eq!(cr("Photo: AFP. Then the minister spoke."), None);
    }

    #[test]
    fn brackets_with_an_agency_and_a_name_credit_anywhere() {
        for (s, credit) in [
            (
                "Premio Nobel de la Paz (REUTERS/Denis Balibouse)",
                "(REUTERS/Denis Balibouse)",
            ),
            (
                "Das Hermelin im Winter.  (mlharing / iStock.com)",
                "(mlharing / iStock.com)",
            ),
            (
                "Aufklärung gefordert. (Quelle: Fleischmann/Unsplash/DJV)",
                "(Quelle: Fleischmann/Unsplash/DJV)",
            ),
            (
                "Le piquet de grève dans le hall / (C) Kab Niang",
                " / (C) Kab Niang",
            ),
            ("(c) Johannes Wolf", "(c) Johannes Wolf"),
        ] {
            assert_eq!(cr(s), Some(credit), "{s}");
        }
        for s in [
            // an agency alone signs the paragraph
            "Dazu gehören auch Sondersendungen. (dpa)",
            "Die Runde sprach lange darüber. (dpa/gem)",
            "The talks went on (Moscow/Baku)",
            // an item of a list, not a copyright
            "as the law says in (a) and (c) the whole of it",
        ] {
            assert_eq!(cr(s), None, "{s}");
        }
    }

    #[test]
    fn an_agency_alone_on_its_line_is_a_credit() {
        for s in [
            "Getty Images",
            "AFP via Getty Images",
            "DPA",
            "iStock/cjp",
            "iStock.com",
            "Nathan Alliard / Photononstop / AFP",
            "Trybunał Konstytucyjny / Shutterstock",
        ] {
            assert_eq!(cr(s), Some(s), "{s}");
        }
        assert_eq!(cr("  Imago/Shotshop"), Some("Imago/Shotshop"));
        // the lines above are the picture's caption or alt text
        assert_eq!(
            cr("Trybunał Konstytucyjny\nTrybunał Konstytucyjny / Shutterstock"),
            Some("Trybunał Konstytucyjny / Shutterstock")
        );
        for s in [
            "Reuters reported the talks.",
            "The Reuters Institute for the Study of Journalism at Oxford",
            "AP: the vote",
            "Discover Thomson Reuters",
            "Keystone, South Dakota",
            "dpa-Radsportnews",
        ] {
            assert_eq!(cr(s), None, "{s}");
        }
    }

    #[test]
    fn a_copyright_sign_or_a_worded_parenthesis_marks_a_credit_anywhere() {
        assert_eq!(
            cr("Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO"),
            Some("© AFP / MARCO BERTORELLO")
        );
        assert_eq!(
            cr("Stau © aremac / Clipdealer"),
            Some("© aremac / Clipdealer")
        );
        assert_eq!(
            cr("© Bild: Werk/CHRISTIAN HOUDEK"),
            Some("© Bild: Werk/CHRISTIAN HOUDEK")
        );
        // the separator before the sign goes with the credit
        assert_eq!(
            cr("Waren gute Freunde: Elder und Player. | © PGA of America via Getty Images"),
            Some(" | © PGA of America via Getty Images")
        );
        // a caption that does not end its sentence
        assert_eq!(
            cr("Líder do grupo foi morto em confronto policial (Foto: Tony Silva/Ascom-PC)"),
            Some("(Foto: Tony Silva/Ascom-PC)")
        );
    }

    #[test]
    fn only_credit_openings_may_open_a_credit() {
        for s in [
            "Photo", "photo", "(Photo", "IMAGE", "Credit", "Foto", "Courtesy",
        ] {
            assert!(may_open_credit(s), "{s}");
        }
        for s in ["", " Photo", "Marines", "AFP", "ımage"] {
            assert!(!may_open_credit(s), "{s}");
        }
        for s in [
            "Photo: AFP",
            "(Photo: AFP)",
            "Courtesy of NASA",
            "Image by X",
        ] {
            assert!(credit(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn not_credits() {
        for s in [
            "He showed a photo: it was blurred.",
            "The picture is clear. Photo: the war goes on and on and on and on.",
            "They took a picture/video of the scene",
            "Photo: AFP. Then the minister spoke at length about the war.",
            "The talks went on (in Moscow/Baku) for hours",
            "Both sides agreed. (see Moscow/Baku statement of 10 November)",
            "Image: Rape blossoms beside Qinghai Lake.",
            // a site's copyright notice, not a picture's credit
            "© 2004-2020 Healthline Media UK Ltd",
            "Copyleft © 2002-2016 The Anarcat",
            // a parenthesis without a credit word after an open sentence
            "The talks went on (Moscow/Baku)",
            // a word for a source only: a table's note in a paper
            "Table 2 shows the rates. Source: World Bank",
            "Das Bild zeigt den Hafen",
            "Credits / Resources",
            "© thisisjanewayne 2010 – 2021",
            "© Copyright - ÖBFV",
        ] {
            assert_eq!(cr(s), None, "{s}");
        }
    }
}
