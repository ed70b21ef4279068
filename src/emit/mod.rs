//! Output formats. Each is a view of one [`crate::Conversion`].

pub mod diff;
pub mod html;
pub mod json;
pub mod tei;

/// The formats `convert` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// TEI P5 XML.
    #[default]
    Tei,
    /// The clean text: the source with applied edits carried out.
    Text,
    /// The JSON edit log.
    Json,
}

impl Format {
    /// Renders `c` in this format.
    pub fn render(self, c: &crate::Conversion) -> String {
        match self {
            Format::Tei => tei::to_string(c),
            Format::Text => c.clean.clone(),
            Format::Json => json::to_string(c),
        }
    }
}
