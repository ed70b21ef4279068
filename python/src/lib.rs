//! Python bindings of emend: an `Engine` built once from its options, that
//! converts one text or a stream of them (on every core, without the GIL).
//!
//! The engine is pickled as its options, so that `multiprocessing` and Spark
//! workers rebuild it where they run. Results carry the clean text, the TEI,
//! and the edit log's edits, entities and profile, as the JSON Lines records
//! of `emend convert --from jsonl` have them.

use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

pyo3::create_exception!(
    _emend,
    EmendError,
    PyException,
    "A document that could not be converted; the message names it."
);

/// The options an engine was built from, as given (what pickling keeps).
#[derive(Clone)]
struct Args {
    packs: Option<Vec<String>>,
    lexicons: Vec<PathBuf>,
    min_confidence: f32,
    quotes: String,
    encoding: Option<String>,
    decisions: Option<PathBuf>,
    no_packs: bool,
    lang: Option<String>,
    kind: Option<String>,
    line_stats: Option<PathBuf>,
}

impl Args {
    /// The library's options, or a `ValueError` saying which argument is wrong.
    fn options(&self) -> PyResult<emend::Options> {
        let bad = |m: String| Err(PyValueError::new_err(m));
        if !(0.0..=1.0).contains(&self.min_confidence) {
            return bad(format!(
                "min_confidence must lie between 0 and 1, not {}",
                self.min_confidence
            ));
        }
        let known = emend::names::builtin_pack_names();
        let packs = self.packs.clone().unwrap_or_default();
        if let Some(p) = packs.iter().find(|p| !known.contains(p)) {
            return bad(format!(
                "packs: no built-in pack {p:?}; built-in packs: {}",
                known.join(", ")
            ));
        }
        let quotes = match self.quotes.as_str() {
            "dominant" => emend::passes::QuoteStyle::Dominant,
            "curly" => emend::passes::QuoteStyle::Curly,
            "straight" => emend::passes::QuoteStyle::Straight,
            q => return bad(format!("quotes: {q:?} is not dominant, curly or straight")),
        };
        let lang = match &self.lang {
            Some(l) => match emend::profile::Lang::parse(l) {
                Some(lang) => Some(lang),
                None => return bad(format!("lang: {l:?} is not a language emend knows")),
            },
            None => None,
        };
        let kind = match &self.kind {
            Some(k) => match emend::profile::SourceKind::ALL.iter().find(|s| s.id() == k) {
                Some(kind) => Some(*kind),
                None => {
                    let ids: Vec<&str> = emend::profile::SourceKind::ALL
                        .iter()
                        .map(|k| k.id())
                        .collect();
                    return bad(format!("kind: {k:?} is not one of {}", ids.join(", ")));
                }
            },
            None => None,
        };
        Ok(emend::Options {
            min_confidence: self.min_confidence,
            quotes,
            encoding: self.encoding.clone(),
            decisions: self.decisions.clone(),
            lexicons: self.lexicons.clone(),
            packs,
            no_packs: self.no_packs,
            lang,
            kind,
        })
    }
}

/// A configured converter: options checked and lexicons compiled once.
#[pyclass(module = "emend", frozen)]
struct Engine {
    args: Args,
    engine: Arc<emend::Engine>,
}

/// The library error as a Python exception: a data file or an encoding the
/// caller gave is a `ValueError`, a document that fails an `EmendError`.
fn to_py_err(e: emend::Error) -> PyErr {
    match e {
        emend::Error::Data { .. } | emend::Error::UnknownEncoding(_) => {
            PyValueError::new_err(e.to_string())
        }
        _ => EmendError::new_err(e.to_string()),
    }
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (packs=None, lexicons=None, min_confidence=emend::options::DEFAULT_MIN_CONFIDENCE, quotes="dominant".to_owned(), encoding=None, decisions=None, no_packs=false, lang=None, kind=None, line_stats=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        packs: Option<Vec<String>>,
        lexicons: Option<Vec<PathBuf>>,
        min_confidence: f32,
        quotes: String,
        encoding: Option<String>,
        decisions: Option<PathBuf>,
        no_packs: bool,
        lang: Option<String>,
        kind: Option<String>,
        line_stats: Option<PathBuf>,
    ) -> PyResult<Self> {
        let args = Args {
            packs,
            lexicons: lexicons.unwrap_or_default(),
            min_confidence,
            quotes,
            encoding,
            decisions,
            no_packs,
            lang,
            kind,
            line_stats,
        };
        let options = args.options()?;
        let line_stats = args.line_stats.clone();
        let engine = py.detach(move || -> emend::Result<emend::Engine> {
            let engine = emend::Engine::new(options)?;
            Ok(match line_stats {
                Some(path) => {
                    engine.with_corpus_lines(emend::corpus_lines::LineStats::load(&path)?)
                }
                None => engine,
            })
        });
        Ok(Engine {
            args,
            engine: Arc::new(engine.map_err(to_py_err)?),
        })
    }

    /// Converts one document: `text` is a `str`, or `bytes` decoded as the
    /// command line decodes files (`encoding`, else detected).
    #[pyo3(signature = (text, name=None, tei=true))]
    fn convert(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        name: Option<String>,
        tei: bool,
    ) -> PyResult<Conversion> {
        let doc = Doc::extract(text, name.unwrap_or_else(|| "<text>".to_owned()))?;
        let engine = &self.engine;
        py.detach(|| doc.convert(engine, tei)).map_err(to_py_err)
    }

    /// Converts the documents of `docs` (each a `str`, `bytes`, or a
    /// `(name, text)` pair) on `jobs` threads (0: one per core), without the
    /// GIL; yields their conversions in order. A document that fails raises
    /// `EmendError` naming it when its turn comes.
    #[pyo3(signature = (docs, jobs=0, tei=true))]
    fn convert_many(
        &self,
        docs: &Bound<'_, PyAny>,
        jobs: usize,
        tei: bool,
    ) -> PyResult<ConversionIter> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        // enough documents per round that uneven sizes even out across threads
        let chunk = (pool.current_num_threads() * 16).max(32);
        Ok(ConversionIter {
            engine: Arc::clone(&self.engine),
            docs: docs.try_iter()?.unbind(),
            pool,
            chunk,
            tei,
            index: 0,
            ready: VecDeque::new(),
        })
    }

    /// The engine's identity: emend's version, its sources, the options and
    /// the data files it loaded (outputs stamped with the same id were made
    /// by an equivalent engine).
    #[getter]
    fn build_id(&self) -> String {
        self.engine.build_id()
    }

    /// Pickled as its options: unpickling builds the engine again (the data
    /// files must be readable where that happens).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let a = &slf.get().args;
        let args = (
            a.packs.clone(),
            a.lexicons.clone(),
            a.min_confidence,
            a.quotes.clone(),
            a.encoding.clone(),
            a.decisions.clone(),
            a.no_packs,
            a.lang.clone(),
            a.kind.clone(),
            a.line_stats.clone(),
        )
            .into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }

    fn __repr__(&self) -> String {
        format!("Engine({:?})", self.engine.options())
    }
}

/// One document to convert.
struct Doc {
    name: String,
    body: Body,
}

enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

impl Doc {
    /// `text` as a document called `name`: a `str` or `bytes`.
    fn extract(text: &Bound<'_, PyAny>, name: String) -> PyResult<Doc> {
        let body = if let Ok(s) = text.cast::<PyString>() {
            Body::Text(s.to_cow()?.into_owned())
        } else if let Ok(b) = text.cast::<PyBytes>() {
            Body::Bytes(b.as_bytes().to_vec())
        } else {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "{name}: a document is str or bytes, not {}",
                text.get_type().name()?
            )));
        };
        Ok(Doc { name, body })
    }

    /// An item of `convert_many`: a text, or a `(name, text)` pair.
    fn from_item(item: &Bound<'_, PyAny>, index: usize) -> PyResult<Doc> {
        if let Ok(pair) = item.cast::<PyTuple>()
            && pair.len() == 2
        {
            let name = pair.get_item(0)?.str()?.to_cow()?.into_owned();
            return Doc::extract(&pair.get_item(1)?, name);
        }
        Doc::extract(item, format!("<document {}>", index + 1))
    }

    /// Converts it; everything the result shows is rendered here, off the GIL.
    fn convert(self, engine: &emend::Engine, with_tei: bool) -> emend::Result<Conversion> {
        let c = match self.body {
            Body::Text(text) => engine.convert_str(&self.name, text)?,
            Body::Bytes(bytes) => engine.convert_vec(&self.name, bytes)?,
        };
        let record = emend::emit::record(&c, false);
        Ok(Conversion {
            name: c.source.name.clone(),
            tei: with_tei.then(|| emend::emit::tei::to_string(&c)),
            edits: json(&record.edits),
            entities: json(&record.entities),
            profile: json(&record.profile),
            clean: record.clean,
        })
    }
}

/// The JSON text of a part of a record (read by `json.loads` when Python
/// asks for it, so that numbers are exactly the edit log's).
fn json(part: &impl serde::Serialize) -> String {
    serde_json::to_string(part).expect("records serialize")
}

/// What one conversion produced.
#[pyclass(module = "emend", frozen)]
struct Conversion {
    /// The document's name.
    #[pyo3(get)]
    name: String,
    /// The source with every applied edit carried out.
    #[pyo3(get)]
    clean: String,
    /// The TEI document (None when converted with `tei=False`).
    #[pyo3(get)]
    tei: Option<String>,
    edits: String,
    entities: String,
    profile: String,
}

/// Parses JSON text into Python values (numbers exactly as the edit log
/// writes them).
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

#[pymethods]
impl Conversion {
    /// The edits, applied and suggested, as the edit log's dicts (`id`,
    /// `rule`, `category`, `status`, `start`, `end`, `before`, `after`,
    /// `confidence`, and `entity`, `note`, `reviewed` when present).
    #[getter]
    fn edits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.edits)
    }

    /// The entities mentioned: dicts with `id`, `type`, `name`,
    /// `wikidata` (when known), `variants` and `mentions` (`[start, end]`
    /// byte spans of the source).
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.entities)
    }

    /// What the document is: the edit log's profile dict (language, kind
    /// of source, evidence, blocks).
    #[getter]
    fn profile<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.profile)
    }

    /// Pickled by value (Spark collects conversions made on workers).
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let c = slf.get();
        let restore = py.import("emend._emend")?.getattr("_conversion")?;
        let args = (
            c.name.clone(),
            c.clean.clone(),
            c.tei.clone(),
            c.edits.clone(),
            c.entities.clone(),
            c.profile.clone(),
        )
            .into_pyobject(py)?;
        Ok((restore, args))
    }

    fn __repr__(&self) -> String {
        format!(
            "<Conversion {:?}: {} bytes clean>",
            self.name,
            self.clean.len()
        )
    }
}

/// A conversion from its pickled parts (see `Conversion.__reduce__`).
#[pyfunction(name = "_conversion")]
fn restore_conversion(
    name: String,
    clean: String,
    tei: Option<String>,
    edits: String,
    entities: String,
    profile: String,
) -> Conversion {
    Conversion {
        name,
        clean,
        tei,
        edits,
        entities,
        profile,
    }
}

/// The conversions of `convert_many`, made a round of documents at a time.
#[pyclass(module = "emend")]
struct ConversionIter {
    engine: Arc<emend::Engine>,
    docs: Py<pyo3::types::PyIterator>,
    pool: rayon::ThreadPool,
    chunk: usize,
    tei: bool,
    index: usize,
    ready: VecDeque<emend::Result<Conversion>>,
}

#[pymethods]
impl ConversionIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Conversion>> {
        if self.ready.is_empty() {
            let mut round = Vec::with_capacity(self.chunk);
            let docs = self.docs.bind(py).clone();
            for item in docs.take(self.chunk) {
                round.push(Doc::from_item(&item?, self.index)?);
                self.index += 1;
            }
            let (engine, pool, tei) = (&self.engine, &self.pool, self.tei);
            let done: Vec<emend::Result<Conversion>> = py.detach(|| {
                use rayon::prelude::*;
                pool.install(|| {
                    round
                        .into_par_iter()
                        .map(|d| d.convert(engine, tei))
                        .collect()
                })
            });
            self.ready.extend(done);
        }
        match self.ready.pop_front() {
            Some(result) => result.map(Some).map_err(to_py_err),
            None => Ok(None),
        }
    }
}

/// The compiled part of the `emend` package.
#[pymodule]
fn _emend(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add_class::<Conversion>()?;
    m.add_class::<ConversionIter>()?;
    m.add_function(wrap_pyfunction!(restore_conversion, m)?)?;
    m.add("EmendError", m.py().get_type::<EmendError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("BUILTIN_PACKS", emend::names::builtin_pack_names())?;
    Ok(())
}
