//! Converting many files: walking folders, mirroring them under an output
//! folder, writing each output atomically.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// One input file and where its outputs go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The input file.
    pub input: PathBuf,
    /// Output path without extension: `OUT/sub/NAME`.
    pub stem: PathBuf,
}

/// The jobs for `inputs` written under `out`: a file `NAME.txt` gives
/// `OUT/NAME`; a folder is walked (files ending in `.txt`, sorted) and its
/// sub-folders are mirrored.
pub fn plan(inputs: &[PathBuf], out: &Path) -> Result<Vec<Job>> {
    let mut jobs = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(input)
                .sort_by_file_name()
                .follow_links(true);
            for entry in walker {
                let entry = entry.map_err(|e| {
                    let path = e.path().map_or_else(|| input.clone(), Path::to_path_buf);
                    Error::io(path, e.into())
                })?;
                let path = entry.path();
                if entry.file_type().is_file() && path.extension().is_some_and(|x| x == "txt") {
                    let rel = path.strip_prefix(input).unwrap_or(path);
                    jobs.push(Job {
                        input: path.to_path_buf(),
                        stem: out.join(rel.with_extension("")),
                    });
                }
            }
        } else {
            let name = input
                .file_stem()
                .map_or_else(|| "input".into(), |s| s.to_os_string());
            jobs.push(Job {
                input: input.clone(),
                stem: out.join(name),
            });
        }
    }
    Ok(jobs)
}

/// Writes `contents` to `path` through a temporary file in the same folder
/// and a rename, so readers never see a half-written file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, contents).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// Adds `ext` to a stem: `OUT/NAME` + `edits.json` → `OUT/NAME.edits.json`.
pub fn with_ext(stem: &Path, ext: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_os_string();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}
