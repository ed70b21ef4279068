//! Decoding: bytes to [`Source`] text, with the encoding named.
//!
//! UTF-8 (with or without BOM) and UTF-16 with a BOM are read directly; UTF-16
//! without a BOM is recognised by its pattern of zero bytes; anything else is
//! guessed by `chardetng` and decoded by `encoding_rs`. Line ends are kept as
//! they are (the parser understands LF, CRLF and CR), so the decoded text is
//! the exact source every span points into.

use crate::error::{Error, Result};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// A decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Name shown in messages and in the TEI header (file path or `-`).
    pub name: String,
    /// The decoded text. Every span of the pipeline indexes into it.
    pub text: String,
    /// WHATWG name of the encoding the bytes were read in.
    pub encoding: &'static str,
    /// Whether the bytes began with a byte-order mark (not part of `text`).
    pub bom: bool,
}

impl Source {
    /// A source from text already in memory (UTF-8, no BOM).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            encoding: UTF_8.name(),
            bom: false,
        }
    }

    /// Like [`Source::decode`], but takes the bytes by value so that UTF-8
    /// input (the common case) becomes the text without a copy.
    pub fn decode_owned(name: &str, bytes: Vec<u8>, forced: Option<&str>) -> Result<Self> {
        let plain_utf8 = forced.is_none()
            && Encoding::for_bom(&bytes).is_none()
            && utf16_without_bom(&bytes).is_none()
            && memchr_nul(&bytes).is_none();
        if plain_utf8 {
            match String::from_utf8(bytes) {
                Ok(text) => return Ok(Source::from_text(name, text)),
                Err(e) => return Self::decode(name, e.as_bytes(), forced),
            }
        }
        Self::decode(name, &bytes, forced)
    }

    /// Decodes `bytes`, guessing the encoding unless `forced` names one.
    pub fn decode(name: &str, bytes: &[u8], forced: Option<&str>) -> Result<Self> {
        if let Some(label) = forced {
            let enc = Encoding::for_label(label.as_bytes())
                .ok_or_else(|| Error::UnknownEncoding(label.to_owned()))?;
            return decode_with(name, bytes, enc);
        }
        if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
            let mut s = decode_with(name, &bytes[bom_len..], enc)?;
            s.bom = true;
            return Ok(s);
        }
        if let Some(enc) = utf16_without_bom(bytes) {
            return decode_with(name, bytes, enc);
        }
        if let Some(offset) = memchr_nul(bytes) {
            return Err(Error::Binary {
                name: name.to_owned(),
                offset,
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Source::from_text(name, text)),
            Err(e) => {
                let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                det.feed(bytes, true);
                let enc = det.guess(None, chardetng::Utf8Detection::Allow);
                if enc == UTF_8 || mostly_utf8(bytes) {
                    return Err(malformed(name, "UTF-8", bytes, e.valid_up_to()));
                }
                decode_with(name, bytes, enc)
            }
        }
    }

    /// The source re-encoded to the bytes it was read from.
    pub fn encode(text: &str, encoding: &str, bom: bool) -> Vec<u8> {
        let enc = Encoding::for_label(encoding.as_bytes()).unwrap_or(UTF_8);
        let mut out = Vec::with_capacity(text.len() + 3);
        if enc == UTF_16LE || enc == UTF_16BE {
            // encoding_rs only encodes to UTF-8 for UTF-16 labels; do it by hand.
            if bom {
                out.extend_from_slice(if enc == UTF_16LE {
                    &[0xFF, 0xFE]
                } else {
                    &[0xFE, 0xFF]
                });
            }
            for unit in text.encode_utf16() {
                let b = if enc == UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                out.extend_from_slice(&b);
            }
            return out;
        }
        if bom && enc == UTF_8 {
            out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
        }
        let (bytes, _, _) = enc.encode(text);
        out.extend_from_slice(&bytes);
        out
    }
}

fn decode_with(name: &str, bytes: &[u8], enc: &'static Encoding) -> Result<Source> {
    let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) else {
        return Err(malformed(
            name,
            enc.name(),
            bytes,
            first_bad_offset(bytes, enc),
        ));
    };
    if let Some(offset) = text.find('\0') {
        return Err(Error::Binary {
            name: name.to_owned(),
            offset,
        });
    }
    // Some legacy byte sequences decode to a character the encoder writes
    // differently (Big5 pairs outside the encoder's table come back as
    // "&#NNNNN;"): the edit log could not give the exact bytes back.
    if enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE {
        let (back, _, _) = enc.encode(&text);
        if *back != *bytes {
            let offset = back
                .iter()
                .zip(bytes)
                .position(|(a, b)| a != b)
                .unwrap_or(back.len().min(bytes.len()));
            return Err(malformed(name, enc.name(), bytes, offset));
        }
    }
    Ok(Source {
        name: name.to_owned(),
        text: text.into_owned(),
        encoding: enc.name(),
        bom: false,
    })
}

/// The error for bad bytes at `offset`, with the line and column of the good
/// text before it (read leniently: it is only for the message).
fn malformed(name: &str, encoding: &str, bytes: &[u8], offset: usize) -> Error {
    let before = String::from_utf8_lossy(&bytes[..offset.min(bytes.len())]);
    let at = crate::span::line_col(&before, before.len());
    Error::Malformed {
        name: name.to_owned(),
        encoding: encoding.to_owned(),
        offset,
        line: at.line,
        column: at.column,
    }
}

/// True when valid multi-byte UTF-8 sequences outnumber invalid ones: the
/// file is UTF-8 with some damage, and reading it in a legacy encoding would
/// garble every non-ASCII character to save a few bad bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

/// Byte offset of the first sequence `enc` cannot decode.
fn first_bad_offset(bytes: &[u8], enc: &'static Encoding) -> usize {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut buf = vec![0u8; bytes.len() * 3 + 16];
    let (result, read, _) = decoder.decode_to_utf8_without_replacement(bytes, &mut buf, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, consumed_after) => {
            read.saturating_sub(bad as usize + consumed_after as usize)
        }
        _ => read,
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Recognises UTF-16 text without a BOM: in a sample of the start, nearly
/// every other byte is zero (ASCII-range text) and the rest are not.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 10 <= pairs;
    if mostly(odd_zero) && rarely(even_zero) {
        Some(UTF_16LE)
    } else if mostly(even_zero) && rarely(odd_zero) {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_remembered() {
        let s = Source::decode("a", b"\xEF\xBB\xBFhi", None).unwrap();
        assert_eq!((s.text.as_str(), s.bom, s.encoding), ("hi", true, "UTF-8"));
        assert_eq!(
            Source::encode(&s.text, s.encoding, s.bom),
            b"\xEF\xBB\xBFhi"
        );
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "Baku 2020"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let s = Source::decode("a", &le, None).unwrap();
        assert_eq!((s.text.as_str(), s.encoding), ("Baku 2020", "UTF-16LE"));
        let mut with_bom = vec![0xFE, 0xFF];
        with_bom.extend("Ganja".encode_utf16().flat_map(u16::to_be_bytes));
        let s = Source::decode("a", &with_bom, None).unwrap();
        assert_eq!((s.text.as_str(), s.bom), ("Ganja", true));
        assert_eq!(Source::encode(&s.text, s.encoding, s.bom), with_bom);
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = Source::decode("x.bin", b"abc\0\x01\x02\xff\xfe", None).unwrap_err();
        assert!(err.to_string().contains("x.bin"), "{err}");
        assert!(err.to_string().contains("byte 3"), "{err}");
    }

    #[test]
    fn legacy_encoding_is_detected() {
        let bytes =
            b"Le pr\xe9sident fran\xe7ais a d\xe9clar\xe9 que la r\xe9gion \xe9tait s\xfbre.";
        let s = Source::decode("fr", bytes, None).unwrap();
        assert!(s.text.contains("président français"), "{}", s.text);
        assert_ne!(s.encoding, "UTF-8");
    }

    #[test]
    fn damaged_utf8_is_an_error_with_its_position_not_mojibake() {
        let bytes = "Məmmədov\nsaid “yes” and\nthen \u{2014} x".as_bytes();
        let mut damaged = bytes.to_vec();
        let at = damaged.len() - 1;
        damaged[at] = 0xFF;
        let err = Source::decode("d.txt", &damaged, None)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("d.txt:3:"), "{err}");
        assert!(err.contains(&format!("byte {at}")), "{err}");
    }

    #[test]
    fn forced_encoding_and_unknown_label() {
        let s = Source::decode("a", b"caf\xe9", Some("latin1")).unwrap();
        assert_eq!(s.text, "café");
        assert!(Source::decode("a", b"x", Some("klingon")).is_err());
    }
}
