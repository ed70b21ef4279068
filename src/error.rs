//! Typed errors of the library. Each names the input and, where there is one,
//! the position that caused it.

use std::path::PathBuf;

/// What went wrong, and where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not text.
    #[error("{name}: binary data (NUL byte at byte {offset}); emend reads text files")]
    Binary {
        /// Input name.
        name: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The bytes do not decode in the encoding they claim or were given.
    #[error(
        "{name}:{line}:{column}: invalid {encoding} at byte {offset}; pass --encoding to read it as another encoding"
    )]
    Malformed {
        /// Input name.
        name: String,
        /// Encoding label tried.
        encoding: String,
        /// Byte offset of the first bad sequence.
        offset: usize,
        /// 1-based line of the first bad sequence.
        line: usize,
        /// 1-based column: characters of good text before it on its line, plus one.
        column: usize,
    },

    /// Two text columns side by side (`pdftotext -layout`): read line by
    /// line, their sentences would interleave.
    #[error(
        "{name}:{line}:{column}: two text columns side by side (as `pdftotext -layout` writes them), the right one starting at column {column}; emend reads one column after the other: convert the PDF with plain `pdftotext` (without -layout)"
    )]
    SideBySide {
        /// Input name.
        name: String,
        /// 1-based line where the right-hand column is first seen.
        line: usize,
        /// 1-based character column where it starts.
        column: usize,
    },

    /// `--encoding` names no encoding known to the WHATWG Encoding Standard.
    #[error("unknown encoding label {0:?}")]
    UnknownEncoding(String),
    /// A data file (lexicon, pack, decisions) is malformed.
    #[error("{path}:{line}:{column}: {message}")]
    Data {
        /// File that failed.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A file emend was asked to restore or check is not what it expects.
    #[error("{path}: {message}")]
    Restore {
        /// File that failed.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// File involved.
        path: PathBuf,
        /// Underlying error.
        #[source]
        source: std::io::Error,
    },
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
