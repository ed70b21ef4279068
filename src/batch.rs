//! Converting many files: walking folders, mirroring them under an output
//! folder, converting in parallel, writing each output atomically, skipping
//! inputs whose outputs are up to date.

use crate::edit::Status;
use crate::error::{Error, Result};
use crate::{Conversion, Engine};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
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
/// sub-folders are mirrored. Folder walking is the command line's (feature
/// `cli`); a program given its documents needs only [`run`].
#[cfg(feature = "cli")]
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
    Staged::write(path, |w| w.write_all(contents))?.commit()
}

/// A file written under a temporary name in its final folder, waiting to be
/// renamed into place. Dropped before [`Staged::commit`] (an error, a later
/// file of the same set failing), it is removed.
pub struct Staged {
    path: PathBuf,
    tmp: PathBuf,
    committed: bool,
}

impl Staged {
    /// Creates the temporary file for `path` and lets `fill` write it
    /// through a buffer, so the contents can be streamed rather than built
    /// in memory first.
    pub fn write(
        path: &Path,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<Staged> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let staged = Staged {
            path: path.to_path_buf(),
            tmp: dir.join(format!(".{file_name}.{}.tmp", std::process::id())),
            committed: false,
        };
        let file = std::fs::File::create(&staged.tmp).map_err(|e| Error::io(path, e))?;
        let mut w = BufWriter::with_capacity(1 << 16, file);
        fill(&mut w)
            .and_then(|()| w.flush())
            .map_err(|e| Error::io(path, e))?;
        Ok(staged)
    }

    /// Renames the file into place.
    pub fn commit(mut self) -> Result<()> {
        std::fs::rename(&self.tmp, &self.path).map_err(|e| Error::io(&self.path, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Writes the outputs of `c` under `stem` (see [`outputs`]), the edit log
/// stamped with `build`. Each is streamed into its temporary file, so a
/// large document is never held a second time as TEI or JSON text; none is
/// renamed into place until all are written, so a failure leaves no partial
/// set.
pub fn write_outputs(c: &Conversion, stem: &Path, build: &str) -> Result<()> {
    let [xml, txt, log] = outputs(stem);
    let staged = [
        Staged::write(&xml, |w| crate::emit::tei::write(c, w))?,
        Staged::write(&txt, |w| w.write_all(c.clean.as_bytes()))?,
        Staged::write(&log, |w| crate::emit::json::write_with_build(c, build, w))?,
    ];
    staged.into_iter().try_for_each(Staged::commit)
}

/// Adds `ext` to a stem: `OUT/NAME` + `edits.json` → `OUT/NAME.edits.json`.
pub fn with_ext(stem: &Path, ext: &str) -> PathBuf {
    let mut s = stem.as_os_str().to_os_string();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// How a batch runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchOptions {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Convert even inputs whose outputs are up to date.
    pub force: bool,
}

/// What happened to one input.
#[derive(Debug)]
pub enum Outcome {
    /// Converted; its outputs were written.
    Converted(FileStats),
    /// Outputs were newer than the input and built with the same options.
    UpToDate,
    /// Failed; nothing was written for it.
    Failed(Error),
}

/// Figures for one converted file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileStats {
    /// Bytes of decoded source text.
    pub bytes: usize,
    /// Applied and suggested edits per rule.
    pub edits: BTreeMap<String, (usize, usize)>,
    /// What the document was taken for, and why (for `--verbose`).
    pub profile: String,
}

/// The end-of-batch summary.
#[derive(Debug, Default)]
pub struct Summary {
    /// Inputs converted.
    pub converted: usize,
    /// Inputs skipped as up to date.
    pub up_to_date: usize,
    /// Failed inputs and why, in input order.
    pub failed: Vec<(PathBuf, String)>,
    /// Bytes of source text converted.
    pub bytes: usize,
    /// Applied and suggested edits per rule, over all inputs.
    pub edits: BTreeMap<String, (usize, usize)>,
}

/// Converts every job, `options.jobs` at a time, writing outputs atomically.
/// `done` is called once per job as it finishes (from worker threads; e.g.
/// to advance a progress bar). Outcomes are summed in job order, so the
/// summary does not depend on the number of threads.
pub fn run(
    engine: &Engine,
    jobs: &[Job],
    options: &BatchOptions,
    done: &(dyn Fn(&Job, &Outcome) + Sync),
) -> Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(|e| Error::io("thread pool", std::io::Error::other(e)))?;
    let outcomes: Vec<Outcome> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let outcome = convert_job(engine, job, options.force);
                done(job, &outcome);
                outcome
            })
            .collect()
    });
    let mut summary = Summary::default();
    for (job, outcome) in jobs.iter().zip(outcomes) {
        match outcome {
            Outcome::Converted(stats) => {
                summary.converted += 1;
                summary.bytes += stats.bytes;
                for (rule, (a, s)) in stats.edits {
                    let n = summary.edits.entry(rule).or_default();
                    n.0 += a;
                    n.1 += s;
                }
            }
            Outcome::UpToDate => summary.up_to_date += 1,
            Outcome::Failed(e) => summary.failed.push((job.input.clone(), e.to_string())),
        }
    }
    Ok(summary)
}

/// The three outputs of a job: TEI, clean text, edit log.
pub fn outputs(stem: &Path) -> [PathBuf; 3] {
    [
        with_ext(stem, "xml"),
        with_ext(stem, "txt"),
        with_ext(stem, "edits.json"),
    ]
}

fn convert_job(engine: &Engine, job: &Job, force: bool) -> Outcome {
    if !force && up_to_date(engine, job) {
        return Outcome::UpToDate;
    }
    let bytes = match std::fs::read(&job.input) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(Error::io(&job.input, e)),
    };
    let c = match engine.convert_vec(&job.input.display().to_string(), bytes) {
        Ok(c) => c,
        Err(e) => return Outcome::Failed(e),
    };
    if let Err(e) = write_outputs(&c, &job.stem, &engine.build_id()) {
        return Outcome::Failed(e);
    }
    let mut stats = FileStats {
        bytes: c.source.text.len(),
        profile: c.profile.explain(&c.rules),
        ..FileStats::default()
    };
    for e in &c.edits {
        let n = stats.edits.entry(e.rule.clone()).or_default();
        match e.status {
            Status::Applied => n.0 += 1,
            Status::Suggested => n.1 += 1,
        }
    }
    Outcome::Converted(stats)
}

/// True when all outputs exist, none is older than the input, and the edit
/// log was written by an engine with the same build id.
fn up_to_date(engine: &Engine, job: &Job) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let Some(input_time) = modified(&job.input) else {
        return false;
    };
    let paths = outputs(&job.stem);
    if !paths
        .iter()
        .all(|p| modified(p).is_some_and(|t| t >= input_time))
    {
        return false;
    }
    std::fs::read_to_string(&paths[2])
        .ok()
        .and_then(|s| serde_json::from_str::<crate::emit::json::EditLog>(&s).ok())
        .is_some_and(|log| log.build.as_deref() == Some(engine.build_id().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_no_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.xml");
        let err = Staged::write(&path, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(err.is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn outputs_appear_only_when_committed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        let staged = Staged::write(&path, |w| w.write_all(b"text")).expect("write");
        assert!(!path.exists());
        staged.commit().expect("commit");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "text");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }
}
