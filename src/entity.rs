//! Named entities as the TEI shows them: mentions in the text and the records
//! of the `standOff` lists.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The three entity types of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person: `persName`, listed in `listPerson`.
    Person,
    /// A place: `placeName`, listed in `listPlace`.
    Place,
    /// An organisation: `orgName`, listed in `listOrg`.
    Org,
}

impl EntityType {
    /// The TEI name element.
    pub fn name_element(self) -> &'static str {
        match self {
            EntityType::Person => "persName",
            EntityType::Place => "placeName",
            EntityType::Org => "orgName",
        }
    }
}

/// A mention of an entity in the source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    /// Where the mention stands (the original text, before any rewrite).
    pub span: Span,
    /// The entity's id, shared with the lexicon (a large file has hundreds
    /// of thousands of mentions).
    pub entity: std::sync::Arc<str>,
    /// The entity's type.
    pub kind: EntityType,
}

/// What the `standOff` says about one entity the document mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRecord {
    /// Lexicon id (also the `xml:id`).
    pub id: String,
    /// Person, place or organisation.
    pub kind: EntityType,
    /// Canonical form.
    pub canonical: String,
    /// Wikidata id, if known.
    pub wikidata: Option<String>,
    /// The other forms this document used, in order of first use.
    pub variants: Vec<String>,
}
