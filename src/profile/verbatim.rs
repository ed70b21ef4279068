//! Blocks the parser reads as paragraphs that are not prose: code, tables,
//! formulae, lists of data. They are kept verbatim: no rewriting rule may
//! edit inside them (`// (*) store primes` is a comment, not markdown).
//!
//! A block is judged line by line. A line of code starts like code
//! (`//`, `#include`, `import x`, `def f(`, `}`) or ends like it (`;`, `{`)
//! among code punctuation; a table row has cells between `|` or tabs; a
//! formula is mostly mathematical symbols with few words; a data row is
//! mostly digits between separators; a line of glyphs is punctuation and
//! digits with a letter here and there and no word (`=<6>?J+B:F>*:</+>`: a
//! font without a Unicode map, as a PDF extract gives its figures' labels).
//! A block of several lines needs most of
//! them alike; a block of one line needs an unmistakable sign (a comment
//! opener, a table row with three cells or more), since one line of prose
//! ending in `;` is no code.

/// A kind of block kept verbatim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verbatim {
    /// Program code.
    Code,
    /// A table.
    Table,
    /// A formula.
    Formula,
    /// Rows of data (numbers between separators).
    Data,
    /// Glyphs of a font without a Unicode map: no text to correct.
    Glyphs,
}

impl Verbatim {
    /// Its id in the TEI (`@type`) and the log.
    pub fn id(self) -> &'static str {
        match self {
            Verbatim::Code => "code",
            Verbatim::Table => "table",
            Verbatim::Formula => "formula",
            Verbatim::Data => "data",
            Verbatim::Glyphs => "glyphs",
        }
    }
}

/// How sure a line looks like each kind.
#[derive(Clone, Copy, PartialEq)]
enum Line {
    /// Unmistakable code (a comment opener, an include).
    StrongCode,
    Code,
    Table,
    Formula,
    Data,
    Glyphs,
    Other,
}

const CODE_STARTS: &[&str] = &[
    "#include",
    "#define",
    "#!/",
    "import ",
    "from ",
    "def ",
    "fn ",
    "pub fn ",
    "function ",
    "return ",
    "var ",
    "let ",
    "const ",
    "if (",
    "for (",
    "while (",
    "} else",
    "public ",
    "private ",
    "static ",
    "class ",
    "package ",
    "using ",
    "print(",
    "console.",
    "$ ",
];

/// Code's symbols, looked up in a table: counted for every character of
/// every line that has one of code's marks.
const fn is_symbol(c: char) -> bool {
    const TABLE: [bool; 128] = {
        let mut t = [false; 128];
        let marks = b"{}[]()<>=;:+-*/\\&|!%^~_$#@\"'";
        let mut i = 0;
        while i < marks.len() {
            t[marks[i] as usize] = true;
            i += 1;
        }
        t
    };
    c.is_ascii() && TABLE[c as usize]
}

const SYMBOL: u8 = 1;
const MATH: u8 = 2;
const DIGIT: u8 = 4;
const SEPARATOR: u8 = 8;

/// What each ASCII character counts as in a line: one of code's symbols,
/// a sign of a formula, a digit, a separator of data.
const ASCII_FACTS: [u8; 128] = {
    let mut t = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        if is_symbol(c) {
            t[b] |= SYMBOL;
        }
        if is_math(c) {
            t[b] |= MATH;
        }
        if c.is_ascii_digit() {
            t[b] |= DIGIT;
        }
        if matches!(c, ',' | ';' | '\t') {
            t[b] |= SEPARATOR;
        }
        b += 1;
    }
    t
};

/// The signs of a formula.
const fn is_math(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '^'
            | '−'
            | '×'
            | '÷'
            | '∑'
            | '∫'
            | '√'
            | '≤'
            | '≥'
            | '≈'
            | '∂'
            | '∞'
            | '∈'
            | '∀'
            | '∃'
            | 'α'
            | 'β'
            | 'γ'
            | 'δ'
            | 'ε'
            | 'λ'
            | 'μ'
            | 'σ'
            | 'π'
            | 'θ'
            | 'Ω'
            | '·'
            | '±'
    )
}

/// The bytes that mark a line for counting (see [`classify_line`]), by a
/// table: a paragraph's bytes are each looked at once.
const MARKS: [bool; 256] = {
    let mut t = [false; 256];
    let marks = b";{}=(\t/#`$|";
    let mut i = 0;
    while i < marks.len() {
        t[marks[i] as usize] = true;
        i += 1;
    }
    t
};

fn classify_line(line: &str) -> Line {
    let l = line.trim();
    if l.is_empty() {
        return Line::Other;
    }
    if l.starts_with("//")
        || l.starts_with("/*")
        || l.starts_with("#include")
        || l.starts_with("```")
    {
        return Line::StrongCode;
    }
    if l.len() >= 3 && l.starts_with('|') && l.ends_with('|') {
        return Line::Table;
    }
    // most lines of prose have none of code's or a formula's marks, and a
    // row of data starts with a digit: they are settled without counting
    let marked = l.bytes().any(|b| MARKS[b as usize]);
    if !marked && !l.starts_with(|c: char| c.is_ascii_digit()) && !l.contains('∑') {
        return Line::Other;
    }
    // one pass over the line for every count, ASCII by a table
    let (mut chars, mut symbols, mut math, mut digits, mut seps, mut tabs) = (0, 0, 0, 0, 0, 0);
    let (mut braces, mut semicolons) = (0, 0);
    for c in l.chars() {
        chars += 1;
        if c.is_ascii() {
            let f = ASCII_FACTS[c as usize];
            tabs += usize::from(c == '\t');
            braces += usize::from(matches!(c, '{' | '}'));
            semicolons += usize::from(c == ';');
            symbols += usize::from(f & SYMBOL != 0);
            math += usize::from(f & MATH != 0);
            digits += usize::from(f & DIGIT != 0);
            seps += usize::from(f & SEPARATOR != 0);
        } else {
            math += usize::from(is_math(c));
        }
    }
    if tabs >= 2 {
        return Line::Table;
    }
    // statements in braces, dense with code's signs: minified script or a
    // style sheet a page's copy let through ("function(){for(var n=t;…}")
    if braces >= 2 && semicolons >= MINIFIED_STATEMENTS && symbols * 8 >= chars {
        return Line::StrongCode;
    }
    let words = || {
        l.split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).take(3).count() >= 3)
            .count()
    };
    if math * 4 >= chars && math >= 2 && (l.contains('=') || l.contains('∑')) && words() <= 2 {
        return Line::Formula;
    }
    if digits * 2 >= chars && seps >= 2 && words() <= 1 {
        return Line::Data;
    }
    if chars >= MIN_GLYPHS && words() == 0 && glyph_marks(l) * 2 >= chars {
        return Line::Glyphs;
    }
    let starts = CODE_STARTS.iter().any(|s| l.starts_with(s)) || l == "}" || l == "{";
    let ends = l.ends_with([';', '{', '}']) || l.ends_with("):");
    let dense = symbols * 8 >= chars;
    let calls = l.contains('(') || l.contains('=');
    if (starts && calls && (ends || dense)) || (ends && dense && calls) {
        Line::Code
    } else {
        Line::Other
    }
}

/// Statements (`;`) a line of minified code holds at least, besides its
/// braces: prose has braces in templates (`{title}`) and formulae
/// (`{\displaystyle x_{1}}`), not statements among them.
const MINIFIED_STATEMENTS: usize = 3;

/// A line of glyphs has this many characters at least (`(1)` and `[2]` are
/// marks of text, not glyphs).
const MIN_GLYPHS: usize = 5;

/// The ASCII punctuation of `line`, counted for a line without words.
fn glyph_marks(line: &str) -> usize {
    line.bytes().filter(u8::is_ascii_punctuation).count()
}

/// The verbatim kind of a block's text, if it is one; `paged`: the text
/// has page breaks (form feeds), as a PDF extract has, where a column of
/// numbers one a line is a table's (elsewhere it may be a pager's links).
pub fn classify_in(block: &str, paged: bool) -> Option<Verbatim> {
    let lines: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
    if let [(0, end, kind)] = runs(&lines, paged)[..]
        && end == lines.len()
    {
        return Some(kind);
    }
    classify(block)
}

/// The verbatim kind of a block's text, if it is one.
pub fn classify(block: &str) -> Option<Verbatim> {
    let lines: Vec<Line> = block
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(classify_line)
        .collect();
    match lines.as_slice() {
        [] => None,
        [Line::StrongCode] => Some(Verbatim::Code),
        [only] => {
            // one line: only a table row of three cells or more
            (*only == Line::Table && block.trim().matches('|').count() >= 4)
                .then_some(Verbatim::Table)
        }
        _ => {
            let n = lines.len();
            let count = |k: &[Line]| lines.iter().filter(|l| k.contains(l)).count();
            let code = count(&[Line::Code, Line::StrongCode]);
            let most = |c: usize| c * 2 > n || (c * 3 >= n * 2);
            if block.trim_start().starts_with("```") || (code >= 2 && most(code)) {
                Some(Verbatim::Code)
            } else if count(&[Line::Table]) >= 2 && most(count(&[Line::Table])) {
                Some(Verbatim::Table)
            } else if count(&[Line::Formula]) >= 1 && most(count(&[Line::Formula])) {
                Some(Verbatim::Formula)
            } else if count(&[Line::Data]) >= 2 && most(count(&[Line::Data])) {
                Some(Verbatim::Data)
            } else if count(&[Line::Glyphs]) >= 2 && most(count(&[Line::Glyphs])) {
                Some(Verbatim::Glyphs)
            } else {
                None
            }
        }
    }
}

/// How a line of a PDF extract reads, for the runs of formula and table
/// lines that pdftotext writes inside a paragraph (a displayed equation
/// between two lines of its sentence, a column of a table one cell a line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A line of a formula: a relation or a big operator among symbols,
    /// digits and one- or two-letter names, at most one word.
    Formula,
    /// An equation's number alone: `(12)`, `(3a)`, `(4.1)`.
    Number,
    /// A scrap of a formula pdftotext put on a line of its own: an index,
    /// an exponent, a letter ("a", "2", "ȧ2", "dt").
    Scrap,
    /// A cell of a numeric column: `1.49`, `0.20`, `=0.05`, `1/20`, `4x`,
    /// `12%`.
    Cell,
    /// Anything else (prose).
    Prose,
}

/// Relations and big operators: a formula line has one of these.
const RELATIONS: &[char] = &[
    '=', '≡', '≤', '≥', '≈', '≠', '∝', '∼', '→', '⇒', '∑', '∫', '∏', '√', '∂', '⩾', '⩽',
];

/// True if `l` holds one of the [`RELATIONS`]. Every one but '=' is
/// encoded from the lead byte 0xE2 (U+2000 to U+2FFF): a line with neither
/// byte, as most lines of prose are, is settled by one memchr instead of a
/// character search.
fn has_relation(l: &str) -> bool {
    memchr::memchr2(b'=', 0xE2, l.as_bytes()).is_some() && l.contains(RELATIONS)
}

/// Longest formula line, in characters (a wrapped line of prose is longer).
const MAX_FORMULA_CHARS: usize = 100;

/// Longest scrap of a formula, in characters.
const MAX_SCRAP_CHARS: usize = 6;

/// Longest numeric cell, in characters.
const MAX_CELL_CHARS: usize = 12;

/// A token of prose: three letters or more in a row ("the", "scale").
fn has_word(token: &str) -> bool {
    let mut run = 0;
    for c in token.chars() {
        // Greek letters are a formula's names, not words
        if c.is_alphabetic() && !('\u{370}'..='\u{3ff}').contains(&c) {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

fn piece(line: &str) -> Piece {
    let l = line.trim();
    let chars = l.chars().count();
    if chars == 0 {
        return Piece::Prose;
    }
    if let Some(inner) = l.strip_prefix('(').and_then(|r| r.strip_suffix(')'))
        && (1..=5).contains(&inner.len())
        && inner.starts_with(|c: char| c.is_ascii_digit())
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c.is_ascii_lowercase())
    {
        return Piece::Number;
    }
    if chars <= MAX_CELL_CHARS && is_cell(l) {
        return Piece::Cell;
    }
    // a scrap is short and a formula holds a relation: most lines of
    // prose are neither, and are told so before their words are counted
    let relation = has_relation(l);
    if chars > MAX_SCRAP_CHARS && !relation {
        return Piece::Prose;
    }
    let (mut tokens, mut words) = (0, 0);
    for t in l.split_whitespace() {
        tokens += 1;
        words += usize::from(has_word(t));
    }
    if chars <= MAX_SCRAP_CHARS && words == 0 {
        return Piece::Scrap;
    }
    // code ends a statement or opens a block; a formula line does not
    let code = l.ends_with([';', '{', '}']);
    let ascii_only = l.is_ascii();
    if relation
        && !code
        && chars <= MAX_FORMULA_CHARS
        && (tokens >= 3 || !ascii_only)
        && (words == 0 || (words == 1 && tokens >= 5))
    {
        return Piece::Formula;
    }
    Piece::Prose
}

/// A numeric cell: an optional sign or relation, digits with `.`, `,` or
/// `/` between them, an optional unit mark (`%`, `x`, `×`) and stop.
fn is_cell(l: &str) -> bool {
    let s = l.trim_start_matches(['=', '<', '>', '~', '±', '−', '-', '+']);
    let s = s.strip_suffix('.').unwrap_or(s);
    let s = s.trim_end_matches(['%', 'x', '×']);
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.ends_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/'))
}

/// Fewest cells of a numeric column.
const MIN_CELLS: usize = 3;

/// The runs of formula and table lines in `lines` (the lines of one block,
/// blank ones left out): `(first, end, kind)`, `end` exclusive.
///
/// A formula run is a stretch of formula lines, equation numbers and
/// scraps holding at least one formula line (or, in a paged text, only
/// equation numbers: a column of them beside the equations); a table run
/// is, in a paged text, [`MIN_CELLS`] numeric cells or more one a line.
/// Scraps at the edges of a table run are left to the text around.
pub fn runs(lines: &[&str], paged: bool) -> Vec<(usize, usize, Verbatim)> {
    let pieces: Vec<Piece> = lines.iter().map(|l| piece(l)).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        let mathy = |p: Piece| matches!(p, Piece::Formula | Piece::Number | Piece::Scrap);
        if mathy(pieces[k]) || pieces[k] == Piece::Cell {
            // a formula stretch may hold cells (a "2" is a scrap or a cell)
            let end = k + pieces[k..]
                .iter()
                .take_while(|&&p| mathy(p) || p == Piece::Cell)
                .count();
            let stretch = &pieces[k..end];
            let count = |p: Piece| stretch.iter().filter(|&&q| q == p).count();
            let formulas = count(Piece::Formula);
            let numbers = count(Piece::Number);
            let cells = count(Piece::Cell);
            // a digit or two alone is an index or exponent among formula
            // lines; a longer number is a cell of a table
            let numeric = stretch
                .iter()
                .zip(&lines[k..end])
                .filter(|(p, l)| **p == Piece::Cell && l.trim().chars().count() > 2)
                .count();
            // (in a paged text a column of equation numbers alone is the
            // formulas' too)
            let numbered = paged && numbers >= 1 && numbers == stretch.len();
            if (formulas >= 1 && formulas + numbers >= numeric) || numbered {
                out.push((k, end, Verbatim::Formula));
            } else if paged && cells >= MIN_CELLS && formulas == 0 && numbers == 0 {
                // the cells, without scraps at the edges
                let first = k + stretch.iter().position(|&p| p == Piece::Cell).unwrap_or(0);
                let last = k + stretch.iter().rposition(|&p| p == Piece::Cell).unwrap_or(0);
                out.push((first, last + 1, Verbatim::Table));
            }
            k = end;
        } else {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_are_found_by_their_lead_byte() {
        // has_relation's memchr looks for '=' and 0xE2 only
        for r in RELATIONS {
            let mut b = [0; 4];
            let head = r.encode_utf8(&mut b).as_bytes()[0];
            assert!(*r == '=' || head == 0xE2, "{r}");
            assert!(has_relation(&format!("x {r} y")), "{r}");
        }
        assert!(!has_relation("plain prose — with a dash"));
    }

    #[test]
    fn the_sign_tables_hold_exactly_their_signs() {
        let symbols = "{}[]()<>=;:+-*/\\&|!%^~_$#@\"'";
        let math = "=+−×÷∑∫√≤≥≈^∂∞∈∀∃αβγδελμσπθΩ·±";
        for c in (0..0x2300).filter_map(char::from_u32) {
            assert_eq!(is_symbol(c), symbols.contains(c), "{c:?}");
            assert_eq!(is_math(c), math.contains(c), "{c:?}");
        }
    }

    #[test]
    fn code_is_found() {
        assert_eq!(classify("// (*) store primes"), Some(Verbatim::Code));
        assert_eq!(
            classify("for (int i = 0; i < n; i++) {\n    sum += a[i];\n}"),
            Some(Verbatim::Code)
        );
        assert_eq!(
            classify("def f(x):\n    return x * 2\nprint(f(3))"),
            Some(Verbatim::Code)
        );
    }

    #[test]
    fn tables_formulae_and_data_are_found() {
        assert_eq!(
            classify("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |"),
            Some(Verbatim::Table)
        );
        assert_eq!(classify("E = m · c^2\nx = α + β"), Some(Verbatim::Formula));
        assert_eq!(
            classify("2019, 12.5, 13.1\n2020, 11.9, 12.4"),
            Some(Verbatim::Data)
        );
    }

    #[test]
    fn minified_script_and_style_lines_are_code() {
        let script = "AGB Datenschutz Impressum\nfunction(){for(var n=t,r=e[t].apply(this,arguments);n--;)r=e[n].call(this,r);return r}},b.after=function(){x()}\n.sp_choices > button { height: 35px; } .sp_message { padding: 0; margin: 0; }";
        assert_eq!(classify(script), Some(Verbatim::Code));
        // braces in a template or a formula, among prose, are no code
        assert_eq!(classify("{title} {title} {title}"), None);
        let formula = "Given a set of N {\\displaystyle N} objects x 1 , … , x N {\\displaystyle \\mathbf {x} _{1},\\dots ,\\mathbf {x} _{N}}";
        assert_eq!(classify(formula), None);
    }

    #[test]
    fn glyphs_of_a_font_without_a_unicode_map_are_kept_verbatim() {
        // a figure's labels as pdftotext gives them from such a font
        let glyphs =
            "=<6>?J+B:F>*:</+>?7-<#0(1923#\n=<6>?J+-?7:,A+,5*/#0(1$23#\n4:<8+=7/,<6:F+?564#0D1(23#";
        assert_eq!(classify(glyphs), Some(Verbatim::Glyphs));
        // marks of text and lists of numbers are not glyphs
        assert_eq!(classify("(1)\n(2)\n[3]"), None);
        assert_eq!(classify("* * *\n- - -"), None);
        assert_eq!(
            classify("The results (see below) are good.\nSee: x=1, y=2; and z."),
            None
        );
    }

    #[test]
    fn formula_lines_with_their_scraps_and_numbers_are_a_formula() {
        let display = "ä\n3 = −4πGρ + Q,\na\n1\nȧ2\n3 2 = 8πGρ − R − Q,\n2";
        assert_eq!(classify_in(display, false), Some(Verbatim::Formula));
        assert_eq!(
            classify_in("ds2 = c2 dt2 −", false),
            Some(Verbatim::Formula)
        );
        assert_eq!(classify_in("(1)\n(2)\n(3)", true), Some(Verbatim::Formula));
        // equation numbers alone, outside a paged text: a list's labels
        assert_eq!(classify_in("(1)\n(2)\n(3)", false), None);
    }

    #[test]
    fn a_numeric_column_is_a_table_only_in_a_paged_text() {
        let column = "0.14\n0.13\nN/A\n0.46\n1/20\n=0.05\n4x";
        assert_eq!(classify_in(column, true), Some(Verbatim::Table));
        assert_eq!(classify_in(column, false), None);
        assert_eq!(classify_in("4\n5", true), None);
    }

    #[test]
    fn prose_lines_with_a_relation_are_no_formula() {
        for l in [
            "where x = 2y + 3 and the rest of it",
            "The price = cost plus margin",
            "width = 100;",
            "A = ( d3 x −h)−1 d3 x −hA. The scale factor a is defined as follows:",
            "x=5",
        ] {
            assert_eq!(classify_in(l, true), None, "{l}");
        }
    }

    #[test]
    fn prose_is_not_verbatim() {
        for t in [
            "The results were clear; the method worked.",
            "He said (in 2020) that the plan = a failure; nobody agreed.\nThen he left.",
            "From Baku to Yerevan the road is long.",
            "Import duties rose by 5% in 2021;",
            "1. First point\n2. Second point",
        ] {
            assert_eq!(classify(t), None, "{t}");
        }
    }
}
