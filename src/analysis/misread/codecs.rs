//! The single-byte encodings UTF-8 text is commonly misread as, byte by
//! byte: what each byte 0x80–0xFF decodes to, and back.
//!
//! The tables are the standard code pages (as Python's codecs and the WHATWG
//! encoding standard define them), made *sloppy* the way browsers and ftfy
//! read them: a byte a Windows code page leaves undefined (0x81, 0x8D, 0x8F,
//! 0x90, 0x9D in windows-1252) decodes to the C1 control of the same number,
//! so every byte has a character and text that went through such a decoder
//! can be encoded back. In the sloppy Windows code pages byte 0x1A stands for
//! U+FFFD: a decoder that replaced an undefined byte with `�` lost that
//! byte, and the repair marks the gap instead of giving up.
//!
//! cp437 and cp850 (DOS code pages) are not in `encoding_rs`; the unit tests
//! check the Windows tables against it.

use std::sync::OnceLock;

/// An encoding UTF-8 bytes may have been misread as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Codec {
    Latin1,
    Windows1252,
    Windows1251,
    Windows1250,
    Windows1253,
    Windows1254,
    Windows1257,
    Iso8859_2,
    MacRoman,
    Cp437,
    Cp850,
}

/// The order in which a misreading is tried: the most common first (as
/// ftfy does), so that text two readings would both decode gets the likely
/// one.
pub(crate) const ORDER: [Codec; 11] = [
    Codec::Latin1,
    Codec::Windows1252,
    Codec::Windows1251,
    Codec::Windows1250,
    Codec::Windows1253,
    Codec::Windows1254,
    Codec::Windows1257,
    Codec::Iso8859_2,
    Codec::MacRoman,
    Codec::Cp437,
    Codec::Cp850,
];

/// What bytes 0x80–0xFF decode to, one character each.
fn high_half(codec: Codec) -> &'static str {
    match codec {
        Codec::Latin1 => {
            "\u{80}\u{81}\u{82}\u{83}\u{84}\u{85}\u{86}\u{87}\u{88}\u{89}\u{8a}\u{8b}\u{8c}\u{8d}\u{8e}\u{8f}\u{90}\u{91}\u{92}\u{93}\u{94}\u{95}\u{96}\u{97}\u{98}\u{99}\u{9a}\u{9b}\u{9c}\u{9d}\u{9e}\u{9f}\u{a0}¡¢£¤¥¦§¨©ª«¬\u{ad}®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
        }
        Codec::Windows1252 => {
            "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ\u{a0}¡¢£¤¥¦§¨©ª«¬\u{ad}®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
        }
        Codec::Windows1251 => {
            "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{98}™љ›њќћџ\u{a0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{ad}®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя"
        }
        Codec::Windows1250 => {
            "€\u{81}‚\u{83}„…†‡\u{88}‰Š‹ŚŤŽŹ\u{90}‘’“”•–—\u{98}™š›śťžź\u{a0}ˇ˘Ł¤Ą¦§¨©Ş«¬\u{ad}®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"
        }
        Codec::Windows1253 => {
            "€\u{81}‚ƒ„…†‡\u{88}‰\u{8a}‹\u{8c}\u{8d}\u{8e}\u{8f}\u{90}‘’“”•–—\u{98}™\u{9a}›\u{9c}\u{9d}\u{9e}\u{9f}\u{a0}΅Ά£¤¥¦§¨©ª«¬\u{ad}®―°±²³΄µ¶·ΈΉΊ»Ό½ΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡÒΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώÿ"
        }
        Codec::Windows1254 => {
            "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}\u{8e}\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}\u{9e}Ÿ\u{a0}¡¢£¤¥¦§¨©ª«¬\u{ad}®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏĞÑÒÓÔÕÖ×ØÙÚÛÜİŞßàáâãäåæçèéêëìíîïğñòóôõö÷øùúûüışÿ"
        }
        Codec::Windows1257 => {
            "€\u{81}‚\u{83}„…†‡\u{88}‰\u{8a}‹\u{8c}¨ˇ¸\u{90}‘’“”•–—\u{98}™\u{9a}›\u{9c}¯˛\u{9f}\u{a0}¡¢£¤¥¦§Ø©Ŗ«¬\u{ad}®Æ°±²³´µ¶·ø¹ŗ»¼½¾æĄĮĀĆÄÅĘĒČÉŹĖĢĶĪĻŠŃŅÓŌÕÖ×ŲŁŚŪÜŻŽßąįāćäåęēčéźėģķīļšńņóōõö÷ųłśūüżž˙"
        }
        Codec::Iso8859_2 => {
            "\u{80}\u{81}\u{82}\u{83}\u{84}\u{85}\u{86}\u{87}\u{88}\u{89}\u{8a}\u{8b}\u{8c}\u{8d}\u{8e}\u{8f}\u{90}\u{91}\u{92}\u{93}\u{94}\u{95}\u{96}\u{97}\u{98}\u{99}\u{9a}\u{9b}\u{9c}\u{9d}\u{9e}\u{9f}\u{a0}Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u{ad}ŽŻ°ą˛ł´ľśˇ¸šşťź˝žżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙"
        }
        Codec::MacRoman => {
            "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"
        }
        Codec::Cp437 => {
            "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}"
        }
        Codec::Cp850 => {
            "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u{ad}±‗¾¶§÷¸°¨·¹³²■\u{a0}"
        }
    }
}

/// One codec's tables: byte → character, and character → byte sorted for
/// binary search.
struct Table {
    decode: [char; 128],
    encode: Vec<(char, u8)>,
}

fn tables() -> &'static [Table; ORDER.len()] {
    static TABLES: OnceLock<[Table; ORDER.len()]> = OnceLock::new();
    TABLES.get_or_init(|| {
        ORDER.map(|codec| {
            let mut decode = ['\0'; 128];
            for (i, c) in high_half(codec).chars().enumerate() {
                decode[i] = c;
            }
            let mut encode: Vec<(char, u8)> = decode
                .iter()
                .enumerate()
                .map(|(i, &c)| (c, 0x80 + i as u8))
                .collect();
            encode.sort_unstable();
            Table { decode, encode }
        })
    })
}

impl Codec {
    fn table(self) -> &'static Table {
        let i = ORDER.iter().position(|&c| c == self).unwrap_or(0);
        &tables()[i]
    }

    /// The name a note gives the codec.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Codec::Latin1 => "Latin-1",
            Codec::Windows1252 => "windows-1252",
            Codec::Windows1251 => "windows-1251",
            Codec::Windows1250 => "windows-1250",
            Codec::Windows1253 => "windows-1253",
            Codec::Windows1254 => "windows-1254",
            Codec::Windows1257 => "windows-1257",
            Codec::Iso8859_2 => "ISO-8859-2",
            Codec::MacRoman => "MacRoman",
            Codec::Cp437 => "cp437",
            Codec::Cp850 => "cp850",
        }
    }

    /// A Windows code page read sloppily: undefined bytes as C1 controls,
    /// byte 0x1A as U+FFFD (see the module documentation).
    pub(crate) fn is_sloppy(self) -> bool {
        matches!(
            self,
            Codec::Windows1252
                | Codec::Windows1251
                | Codec::Windows1250
                | Codec::Windows1253
                | Codec::Windows1254
                | Codec::Windows1257
        )
    }

    /// The byte `c` decodes from, if the codec has it.
    pub(crate) fn encode(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            // in a sloppy code page byte 0x1A is taken by U+FFFD
            return (!(self.is_sloppy() && c == '\u{1A}')).then_some(c as u8);
        }
        if c == '\u{FFFD}' {
            return self.is_sloppy().then_some(0x1A);
        }
        let e = &self.table().encode;
        e.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| e[i].1)
    }

    /// The character byte `b` decodes to.
    pub(crate) fn decode(self, b: u8) -> char {
        if b < 0x80 {
            if b == 0x1A && self.is_sloppy() {
                return '\u{FFFD}';
            }
            return b as char;
        }
        self.table().decode[usize::from(b - 0x80)]
    }
}

/// Whether `c` is a character some misreading produces from a byte
/// 0x80–0xFF (or U+FFFD, a lost byte): the quick check that passes over
/// text none of whose characters could be mojibake.
pub(crate) fn may_be_misread(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if c == '\u{FFFD}' || ('\u{80}'..='\u{FF}').contains(&c) {
        return true;
    }
    suspects().binary_search(&c).is_ok()
}

fn suspects() -> &'static [char] {
    static ALL: OnceLock<Vec<char>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<char> = tables()
            .iter()
            .flat_map(|t| t.decode.iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    })
}

/// What role a character can play in UTF-8 read as one of the Latin-1-like
/// code pages (Latin-1 and the Windows ones): the clues that find embedded
/// mojibake in otherwise sound text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Clue {
    /// Decodes from a lead byte of a two-byte sequence (0xC2–0xDF).
    pub first_of_2: bool,
    /// Decodes from a lead byte of a three-byte sequence (0xE0–0xEF).
    pub first_of_3: bool,
    /// Decodes from 0xF0 or 0xF3, the lead bytes of assigned four-byte
    /// characters (emoji, historic scripts; tag characters).
    pub first_of_4: bool,
    /// Decodes from a continuation byte (0x80–0xBF), or is the space a
    /// lost no-break space (0xA0) became.
    pub continuation: bool,
    /// A continuation that seldom stands for itself next to mojibake: not a
    /// space, dash, bullet, quotation mark or ellipsis.
    pub strict: bool,
}

/// The clue a character gives (see [`Clue`]).
pub(crate) fn clue(c: char) -> Clue {
    if c == ' ' {
        return Clue {
            continuation: true,
            ..Clue::default()
        };
    }
    if c.is_ascii() {
        return Clue::default();
    }
    let mut clue = Clue::default();
    for codec in ORDER.iter().filter(|c| latin1_like(**c)) {
        let Some(b) = codec.encode(c) else { continue };
        match b {
            0x80..=0xBF => clue.continuation = true,
            0xC2..=0xDF => clue.first_of_2 = true,
            0xE0..=0xEF => clue.first_of_3 = true,
            0xF0 | 0xF3 => clue.first_of_4 = true,
            _ => {}
        }
    }
    clue.strict = clue.continuation
        && !matches!(
            c,
            '\u{A0}' | '–' | '—' | '―' | '‘' | '’' | '‚' | '“' | '”' | '„' | '•' | '…'
        );
    clue
}

/// Latin-1 and the Windows code pages: the encodings whose misreadings are
/// looked for inside otherwise sound text.
fn latin1_like(codec: Codec) -> bool {
    codec == Codec::Latin1 || codec.is_sloppy()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_128_distinct_characters() {
        for codec in ORDER {
            let t = codec.table();
            assert_eq!(high_half(codec).chars().count(), 128, "{codec:?}");
            let mut seen: Vec<char> = t.decode.to_vec();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), 128, "{codec:?}");
            for b in 0x80..=0xFF_u8 {
                assert_eq!(codec.encode(codec.decode(b)), Some(b), "{codec:?} {b:x}");
            }
        }
    }

    #[test]
    fn windows_tables_agree_with_encoding_rs_where_it_defines_a_byte() {
        let pairs = [
            (Codec::Windows1252, encoding_rs::WINDOWS_1252),
            (Codec::Windows1251, encoding_rs::WINDOWS_1251),
            (Codec::Windows1250, encoding_rs::WINDOWS_1250),
            (Codec::Windows1253, encoding_rs::WINDOWS_1253),
            (Codec::Windows1254, encoding_rs::WINDOWS_1254),
            (Codec::Windows1257, encoding_rs::WINDOWS_1257),
            (Codec::Iso8859_2, encoding_rs::ISO_8859_2),
        ];
        for (codec, enc) in pairs {
            for b in 0xA0..=0xFF_u8 {
                let byte = [b];
                let (s, _, bad) = enc.decode(&byte);
                if !bad {
                    assert_eq!(s.chars().next(), Some(codec.decode(b)), "{codec:?} {b:x}");
                }
            }
        }
    }

    #[test]
    fn dos_code_pages_hold_box_drawing() {
        assert_eq!(Codec::Cp437.decode(0xC9), '╔');
        assert_eq!(Codec::Cp437.encode('┐'), Some(0xBF));
        assert_eq!(Codec::Cp850.decode(0xD0), 'ð');
    }

    #[test]
    fn sloppy_code_pages_keep_undefined_bytes_and_mark_lost_ones() {
        assert_eq!(Codec::Windows1252.decode(0x9D), '\u{9D}');
        assert_eq!(Codec::Windows1252.encode('\u{FFFD}'), Some(0x1A));
        assert_eq!(Codec::Latin1.encode('\u{FFFD}'), None);
        assert_eq!(Codec::Windows1252.encode('\u{1A}'), None);
    }

    #[test]
    fn clues_follow_the_byte_a_character_comes_from() {
        assert!(clue('Ã').first_of_2);
        assert!(clue('â').first_of_3);
        assert!(clue('ð').first_of_4);
        assert!(clue('©').continuation && clue('©').strict);
        assert!(clue('’').continuation && !clue('’').strict);
        assert!(clue('Р').first_of_2, "windows-1251 0xD0");
        assert!(!clue('x').continuation);
    }
}
