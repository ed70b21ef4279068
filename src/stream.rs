//! Streams of documents: JSON Lines in, JSON Lines out, converted on every
//! core while the output keeps the input's order.
//!
//! # Input
//!
//! One JSON object a line, `{"id": …, "text": "…"}`; `id` is any JSON value
//! (kept as it is in the output record), other fields are ignored. The
//! document's name (in error messages and the record's `source`) is `id`
//! when it is a string or a number, else `SOURCE:LINE`.
//!
//! # Output
//!
//! One line for each input line, in input order: the document's
//! [`crate::emit::record`] with `id` added, or, for a line that could not be
//! converted (not JSON, no `text` string, a conversion error), an error
//! record `{"id", "source", "line", "error"}` — and the stream goes on.
//!
//! Lines are read one at a time and at most a few per worker are in flight,
//! so memory is bounded by the largest record, not the stream.

use crate::Engine;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{BufRead, Write};

/// How a JSON Lines stream is converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StreamOptions {
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Whether each record carries the TEI document.
    pub with_tei: bool,
}

/// What a stream held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Lines converted.
    pub converted: u64,
    /// Lines written as error records.
    pub failed: u64,
}

/// The fields of an input line that emend reads.
#[derive(Deserialize)]
struct InRecord {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
}

/// Converts the JSON Lines of `input` (called `source` in names and
/// errors) and writes one record a line to `out`, in order. Only reading
/// and writing fail the stream; a bad line becomes an error record, and
/// each is also reported to `on_error` (with the record's name and the
/// message).
pub fn convert_jsonl(
    engine: &Engine,
    source: &str,
    input: impl BufRead,
    out: &mut impl Write,
    options: StreamOptions,
    on_error: &mut dyn FnMut(&str),
) -> std::io::Result<StreamSummary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(std::io::Error::other)?;
    let window = pool.current_num_threads() * 2;
    let lines = Lines {
        input,
        number: 0,
        source,
    };
    let mut summary = StreamSummary::default();
    map_ordered(
        &pool,
        window,
        lines,
        |(number, line)| convert_line(engine, source, number, &line, options.with_tei),
        |(record, error)| {
            match error {
                Some(message) => {
                    summary.failed += 1;
                    on_error(&message);
                }
                None => summary.converted += 1,
            }
            out.write_all(record.as_bytes())
        },
    )?;
    Ok(summary)
}

/// The lines of a stream with their 1-based numbers, each read whole (a
/// record is as long as its document).
struct Lines<'a, R> {
    input: R,
    number: u64,
    source: &'a str,
}

impl<R: BufRead> Iterator for Lines<'_, R> {
    type Item = std::io::Result<(u64, Vec<u8>)>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        match self.input.read_until(b'\n', &mut line) {
            Ok(0) => None,
            Ok(_) => {
                self.number += 1;
                while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    line.pop();
                }
                Some(Ok((self.number, line)))
            }
            Err(e) => Some(Err(std::io::Error::new(
                e.kind(),
                format!("{}: line {}: {e}", self.source, self.number + 1),
            ))),
        }
    }
}

/// A document's record with the `id` of its input line.
#[derive(serde::Serialize)]
struct WithId {
    id: serde_json::Value,
    #[serde(flatten)]
    record: crate::emit::Record,
}

/// The output line for one input line, and the error message if it is an
/// error record.
fn convert_line(
    engine: &Engine,
    source: &str,
    number: u64,
    line: &[u8],
    with_tei: bool,
) -> (String, Option<String>) {
    let fallback = || format!("{source}:{number}");
    let (id, result) = match serde_json::from_slice::<InRecord>(line) {
        Err(e) => (None, Err(format!("not a JSON object: {e}"))),
        Ok(InRecord { id, text: None }) => (id, Err("no \"text\" string".to_owned())),
        Ok(InRecord {
            id,
            text: Some(text),
        }) => {
            let name = match &id {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(n @ serde_json::Value::Number(_)) => n.to_string(),
                _ => fallback(),
            };
            let result = engine
                .convert_str(&name, text)
                .map(|c| crate::emit::record(&c, with_tei))
                .map_err(|e| e.to_string());
            (id, result)
        }
    };
    let id = id.unwrap_or(serde_json::Value::Null);
    let (text, error) = match result {
        Ok(record) => (serde_json::to_string(&WithId { id, record }), None),
        Err(message) => {
            let message = format!("{source}: line {number}: {message}");
            let record = serde_json::json!({
                "id": id,
                "source": source,
                "line": number,
                "error": message,
            });
            (serde_json::to_string(&record), Some(message))
        }
    };
    let mut text = text.expect("records serialize");
    text.push('\n');
    (text, error)
}

/// Runs `work` on the `items` on `pool`, at most `window` at a time, and
/// hands the results to `sink` in the items' order. The first error of
/// `items` or `sink` stops the stream (work in flight is finished and
/// dropped); a panic in `work` stops it with an error.
pub fn map_ordered<T, R>(
    pool: &rayon::ThreadPool,
    window: usize,
    mut items: impl Iterator<Item = std::io::Result<T>>,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> std::io::Result<()>,
) -> std::io::Result<()>
where
    T: Send,
    R: Send,
{
    let window = window.max(1) as u64;
    let work = &work;
    let (tx, rx) = std::sync::mpsc::channel::<(u64, Option<R>)>();
    pool.in_place_scope(|scope| {
        let (mut started, mut written) = (0u64, 0u64);
        let mut ready = BTreeMap::new();
        let mut exhausted = false;
        loop {
            while !exhausted && started - written < window {
                match items.next() {
                    None => exhausted = true,
                    Some(item) => {
                        let item = item?;
                        let (tx, index) = (tx.clone(), started);
                        scope.spawn(move |_| {
                            let result =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    work(item)
                                }));
                            // the receiver is gone only when the stream stopped
                            let _ = tx.send((index, result.ok()));
                        });
                        started += 1;
                    }
                }
            }
            if written == started {
                return Ok(());
            }
            let (index, result) = rx.recv().expect("every started item sends its result");
            ready.insert(index, result);
            while let Some(result) = ready.remove(&written) {
                let result = result.ok_or_else(|| {
                    std::io::Error::other(format!(
                        "item {} stopped the stream (a panic)",
                        written + 1
                    ))
                })?;
                sink(result)?;
                written += 1;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn run(input: &str, jobs: usize) -> (Vec<serde_json::Value>, StreamSummary, Vec<String>) {
        let engine = Engine::new(Options::default()).unwrap();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let options = StreamOptions {
            jobs,
            with_tei: false,
        };
        let summary = convert_jsonl(
            &engine,
            "in.jsonl",
            input.as_bytes(),
            &mut out,
            options,
            &mut |m| errors.push(m.to_owned()),
        )
        .unwrap();
        let records = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (records, summary, errors)
    }

    #[test]
    fn one_record_a_line_in_order_keeping_ids() {
        let input: String = (0..40)
            .map(|i| format!("{{\"id\": {i}, \"text\": \"Doc  {i} , here.\"}}\n"))
            .collect();
        let (records, summary, _) = run(&input, 3);
        assert_eq!(summary.converted, 40);
        for (i, r) in records.iter().enumerate() {
            assert_eq!(r["id"], serde_json::json!(i));
            assert_eq!(r["source"], i.to_string());
            assert_eq!(r["clean"], format!("Doc {i}, here."));
        }
    }

    #[test]
    fn a_bad_line_is_an_error_record_and_the_stream_goes_on() {
        let input = "{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"c\"}\r\n\n{\"text\": \"Four.\"}";
        let (records, summary, errors) = run(input, 2);
        assert_eq!(
            records.len(),
            5,
            "one record a line, the last without a newline too"
        );
        assert_eq!(
            summary,
            StreamSummary {
                converted: 2,
                failed: 3
            }
        );
        assert_eq!(records[0]["id"], "a");
        assert_eq!(records[1]["line"], 2);
        assert!(
            records[1]["error"]
                .as_str()
                .unwrap()
                .starts_with("in.jsonl: line 2: not a JSON object")
        );
        assert_eq!(records[2]["id"], "c");
        assert!(
            records[2]["error"]
                .as_str()
                .unwrap()
                .contains("no \"text\" string")
        );
        assert_eq!(
            records[3]["line"], 4,
            "an empty line is a bad record, not skipped"
        );
        assert_eq!(
            records[4]["source"], "in.jsonl:5",
            "no id: named by its line"
        );
        assert_eq!(records[4]["id"], serde_json::Value::Null);
        assert_eq!(errors.len(), 3);
    }

    #[test]
    fn the_sink_sees_results_in_order_whatever_finishes_first() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap();
        let mut seen = Vec::new();
        let items = (0..100u64).map(Ok);
        map_ordered(
            &pool,
            8,
            items,
            |i| {
                // later items finish first
                std::thread::sleep(std::time::Duration::from_micros((100 - i) * 20));
                i
            },
            |i| {
                seen.push(i);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn a_panicking_item_stops_the_stream_with_an_error() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let items = (0..10u64).map(Ok);
        let mut seen = Vec::new();
        let result = map_ordered(
            &pool,
            4,
            items,
            |i| {
                assert!(i != 3, "boom");
                i
            },
            |i| {
                seen.push(i);
                Ok(())
            },
        );
        assert!(result.unwrap_err().to_string().contains("item 4"));
        assert_eq!(seen, vec![0, 1, 2]);
    }
}
