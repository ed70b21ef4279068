//! emend turns messy raw text into clean, reviewable TEI XML.
//!
//! Raw texts (machine-translated news, papers pasted from PDF, web copies) go
//! through one pipeline: bytes are [decoded](source), [parsed](parse) into a
//! [`Document`], [passes] propose [`Edit`]s, a [policy](decide)
//! settles which are applied and which only suggested, and every output — TEI,
//! clean text, JSON edit log — is a view of the same edit list. Nothing is
//! lost: [`restore`] gives the source back from the TEI or the edit log.
//!
//! ```
//! use emend::{Engine, Options, Source};
//!
//! let engine = Engine::new(Options::default()).unwrap();
//! let c = engine.convert(Source::from_text("a.txt", "Latest  Update\n\nThe war , it “ goes on”."));
//! assert_eq!(c.clean, "Latest Update\n\nThe war, it “goes on”.");
//! let tei = emend::emit::tei::to_string(&c);
//! assert!(tei.contains("<title type=\"main\">Latest Update</title>"));
//! // The TEI keeps every non-space character of the source, in order.
//! let back = emend::restore::from_tei(&tei, "a.xml").unwrap();
//! let squeeze = |s: &str| s.split_whitespace().collect::<String>();
//! assert_eq!(squeeze(&back), squeeze("Latest  Update\n\nThe war , it “ goes on”."));
//! ```
//!
//! # Where things live
//!
//! [`source`] decodes, [`parse`] builds the [`Document`], [`passes`] holds
//! one file per rule (the registry in its `mod.rs`; a rule with sub-rules, as
//! `names`, keeps its orchestration in its file and each sub-rule in a file of
//! its directory, `passes/names/unseen.rs`, `lists.rs`, `variants.rs`, …),
//! [`names`] the name library the `names` rule reads (lexicon, folding,
//! exact matching, similarity, context, batch counts; it imports no pass),
//! [`decide`] the policy, [`apply`] and [`emit`] the outputs. README's
//! "Layout" section lists every directory.
//!
//! # The engine alone
//!
//! The command line's crates (clap, indicatif, anyhow, walkdir) come with
//! the default feature `cli`; a program that converts depends on the engine
//! alone with `emend = { version = "0.1", default-features = false }`
//! (what the Python package does). A complete program: build the engine once
//! with its options, convert, and read the clean text, the edit log, the
//! entities and the profile of each document.
//!
//! ```
//! use emend::{Engine, Options, Status};
//!
//! fn main() -> Result<(), emend::Error> {
//!     let engine = Engine::new(Options {
//!         min_confidence: 0.9,
//!         ..Options::default()
//!     })?;
//!     let docs = [("a.txt", "The war , it goes on."), ("b.txt", "Bad  spacing here .")];
//!     for (name, text) in docs {
//!         let c = engine.convert_bytes(name, text.as_bytes())?;
//!         let applied = c.edits.iter().filter(|e| e.status == Status::Applied).count();
//!         println!("{name}: {} ({applied} edits applied, {} entities)", c.clean, c.entities.len());
//!         let log = emend::emit::json::log(&c);
//!         assert_eq!(log.source, name);
//!         assert!(c.profile.lang_confidence >= 0.0);
//!         let mut tei = Vec::new();
//!         emend::emit::Format::Tei.write(&c, &mut tei).expect("writing to memory");
//!         assert!(tei.starts_with(b"<?xml"));
//!     }
//!     Ok(())
//! }
//! ```

#![deny(missing_docs)]

mod analysis;
pub mod apply;
pub mod batch;
pub mod check;
pub mod corpus_lines;
pub mod decide;
pub mod decisions;
pub mod document;
pub mod edit;
mod embedded;
pub mod emit;
pub mod entity;
pub mod error;
mod hash;
pub mod names;
pub mod options;
pub mod packs;
pub mod parse;
pub mod passes;
pub mod pipeline;
pub mod profile;
pub mod restore;
pub mod review;
pub mod rounds;
mod scan;
pub mod source;
pub mod span;
pub mod stream;
pub mod work;

pub use document::Document;
pub use edit::{Category, Edit, Status};
pub use error::{Error, Result};
pub use options::Options;
pub use pipeline::{Conversion, Engine, convert_text};
pub use source::Source;
pub use span::Span;
