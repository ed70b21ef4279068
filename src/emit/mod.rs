//! Output formats. Each is a view of one [`crate::Conversion`].

pub mod diff;
pub mod html;
pub mod json;
pub mod tei;

/// The formats `convert` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// TEI P5 XML.
    #[default]
    Tei,
    /// The clean text: the source with applied edits carried out.
    Text,
    /// The JSON edit log.
    Json,
    /// JSON Lines: one object per document with source name, clean text,
    /// edits and TEI (see [`jsonl`]).
    Jsonl,
}

impl Format {
    /// Renders `c` in this format.
    pub fn render(self, c: &crate::Conversion) -> String {
        let mut out = Vec::new();
        self.write(c, &mut out).expect("writing to memory");
        String::from_utf8(out).expect("every format is UTF-8")
    }

    /// Writes `c` in this format to `out`; the TEI and the edit log are
    /// streamed, never held whole in memory.
    pub fn write(self, c: &crate::Conversion, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Format::Tei => tei::write(c, out),
            Format::Text => out.write_all(c.clean.as_bytes()),
            Format::Json => json::write(c, out),
            Format::Jsonl => out.write_all(jsonl(c, true).as_bytes()),
        }
    }
}

/// One JSON Lines record for `c`, newline-terminated:
/// `{"source", "encoding", "bom", "profile", "clean", "edits", "tei"}` where
/// `profile` and `edits` are the edit log's (see [`json`]) and `tei` the TEI
/// document as a string (left out when
/// `with_tei` is false). Meant for map steps of batch engines (Spark,
/// Hadoop streaming) and Python pipelines.
pub fn jsonl(c: &crate::Conversion, with_tei: bool) -> String {
    let log = json::log(c);
    let mut record = serde_json::json!({
        "source": log.source,
        "encoding": log.encoding,
        "bom": log.bom,
        "profile": log.profile,
        "clean": c.clean,
        "edits": log.edits,
    });
    if with_tei {
        record["tei"] = serde_json::Value::String(tei::to_string(c));
    }
    let mut s = serde_json::to_string(&record).expect("record serializes");
    s.push('\n');
    s
}
