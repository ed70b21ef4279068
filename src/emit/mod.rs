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
    /// edits, entities, profile and TEI (see [`jsonl`]).
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

/// One JSON Lines record for `c`, newline-terminated: [`record`] on one
/// line.
pub fn jsonl(c: &crate::Conversion, with_tei: bool) -> String {
    let mut s = serde_json::to_string(&record(c, with_tei)).expect("record serializes");
    s.push('\n');
    s
}

/// The JSON Lines record of one document (see [`record`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Record {
    /// Input name.
    pub source: String,
    /// Source encoding.
    pub encoding: String,
    /// Whether the source began with a byte-order mark.
    pub bom: bool,
    /// What the document is, as the edit log gives it.
    pub profile: Option<json::LogProfile>,
    /// The source with applied edits carried out.
    pub clean: String,
    /// The edits, as the edit log gives them.
    pub edits: Vec<json::LogEdit>,
    /// The entities the document mentions.
    pub entities: Vec<EntityOut>,
    /// The TEI document, unless left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tei: Option<String>,
}

/// The JSON Lines record of `c`:
/// `{"source", "encoding", "bom", "profile", "clean", "edits", "entities", "tei"}`
/// where `profile` and `edits` are the edit log's (see [`json`]),
/// `entities` the document's [`entities`], and `tei` the TEI document as a
/// string (left out when `with_tei` is false). Meant for map steps of batch
/// engines (Spark, Hadoop streaming) and Python pipelines, so that names
/// need not be read back from the TEI.
pub fn record(c: &crate::Conversion, with_tei: bool) -> Record {
    let log = json::log(c);
    Record {
        source: log.source,
        encoding: log.encoding,
        bom: log.bom,
        profile: log.profile,
        clean: c.clean.clone(),
        edits: log.edits,
        entities: entities(c),
        tei: with_tei.then(|| tei::to_string(c)),
    }
}

/// One entity a document mentions, as JSON Lines records and the Python
/// package give it: the `standOff` record with its mentions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EntityOut {
    /// Lexicon id (the TEI `xml:id`).
    pub id: String,
    /// `person`, `place` or `org`.
    #[serde(rename = "type")]
    pub kind: crate::entity::EntityType,
    /// Canonical form.
    pub name: String,
    /// Wikidata id, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// The other forms the document used, in order of first use.
    pub variants: Vec<String>,
    /// `[start, end]` UTF-8 byte spans of the mentions in the decoded
    /// source, in order.
    pub mentions: Vec<[usize; 2]>,
}

/// The entities `c` mentions, by id, each with its mentions.
pub fn entities(c: &crate::Conversion) -> Vec<EntityOut> {
    let mut out: Vec<EntityOut> = c
        .entities
        .values()
        .map(|e| EntityOut {
            id: e.id.clone(),
            kind: e.kind,
            name: e.canonical.clone(),
            wikidata: e.wikidata.clone(),
            variants: e.variants.clone(),
            mentions: Vec::new(),
        })
        .collect();
    for m in &c.mentions {
        // `entities` is a BTreeMap, so `out` is sorted by id
        if let Ok(i) = out.binary_search_by(|e| e.id.as_str().cmp(&m.entity)) {
            out[i].mentions.push([m.span.start, m.span.end]);
        }
    }
    out
}
