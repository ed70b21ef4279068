//! Getting the source back: from the edit log and the clean text (exact
//! bytes), or from the TEI (every character, line layout aside).

use crate::apply::unapply;
use crate::emit::json::EditLog;
use crate::error::{Error, Result};
use crate::source::Source;
use quick_xml::Reader;
use quick_xml::events::Event;

/// The exact source bytes from an edit log and the clean text it belongs to.
pub fn from_edit_log(log: &EditLog, clean: &str, log_name: &str) -> Result<Vec<u8>> {
    let mut edits: Vec<_> = log.edits.iter().map(|e| e.to_edit()).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let text = unapply(clean, &edits).ok_or_else(|| Error::Restore {
        path: log_name.to_owned(),
        message: "the clean text does not match this edit log (was it edited after conversion?)"
            .into(),
    })?;
    Ok(Source::encode(&text, &log.encoding, log.bom))
}

/// The source text recovered from a TEI document emend wrote: the `text`
/// element's characters with `orig`/`sic` kept and `reg`/`corr` skipped.
pub fn from_tei(xml: &str, name: &str) -> Result<String> {
    let err = |reader: &Reader<&[u8]>, message: String| Error::Restore {
        path: name.to_owned(),
        message: format!("{message} (byte {})", reader.buffer_position()),
    };
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 2);
    let mut in_text = 0usize; // depth inside <text>
    let mut skip = 0usize; // depth inside reg/corr
    let mut seen_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| err(&reader, format!("not well-formed XML: {e}")))?;
        match event {
            Event::Start(el) => {
                let local = el.local_name();
                let name = local.as_ref();
                if in_text > 0 {
                    in_text += 1;
                    if skip > 0 || name == b"reg" || name == b"corr" {
                        skip += 1;
                    }
                } else if name == b"text" {
                    in_text = 1;
                    seen_text = true;
                }
            }
            Event::End(_) if in_text > 0 => {
                in_text -= 1;
                skip = skip.saturating_sub(1);
            }
            Event::Empty(el) if in_text > 0 && skip == 0 && el.local_name().as_ref() == b"g" => {
                let code = el
                    .try_get_attribute("n")
                    .ok()
                    .flatten()
                    .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()));
                if let Some(c) = code
                    .as_deref()
                    .and_then(|v| v.strip_prefix("U+"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                {
                    out.push(c);
                }
            }
            Event::Text(t) if in_text > 0 && skip == 0 => {
                let s = t
                    .decode()
                    .map_err(|e| err(&reader, format!("bad text: {e}")))?;
                let s = quick_xml::escape::unescape(&s)
                    .map_err(|e| err(&reader, format!("bad escape: {e}")))?;
                out.push_str(&s);
            }
            Event::GeneralRef(r) if in_text > 0 && skip == 0 => {
                let s = r
                    .decode()
                    .map_err(|e| err(&reader, format!("bad reference: {e}")))?;
                let full = format!("&{s};");
                let c = quick_xml::escape::unescape(&full)
                    .map_err(|e| err(&reader, format!("bad reference: {e}")))?;
                out.push_str(&c);
            }
            Event::CData(d) if in_text > 0 && skip == 0 => {
                out.push_str(&String::from_utf8_lossy(&d));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_text {
        return Err(Error::Restore {
            path: name.to_owned(),
            message: "no <text> element: not a TEI document emend wrote".into(),
        });
    }
    Ok(out)
}
