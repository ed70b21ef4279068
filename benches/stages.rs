//! Per-stage benchmarks: `cargo bench --bench stages`.
//!
//! The input is the three sample texts of `input/` repeated to about 2 MB
//! (the whole-corpus throughput and memory figures come from `scripts/bench`).
//! Each stage is measured on its own: decode, parse, every pass, decide and
//! apply, TEI and JSON emission, and the whole pipeline.

use emend::emit::{json, tei};
use emend::passes::{Context, Proposals, registry};
use emend::{Engine, Options, Source};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut samples: Vec<_> = std::fs::read_dir(format!("{root}/input"))
            .expect("input/")
            .map(|e| e.expect("entry").path())
            .collect();
        samples.sort();
        let one: String = samples
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("sample") + "\n\n")
            .collect();
        one.repeat((2_000_000 / one.len()).max(1))
    })
}

fn bytes_counter() -> divan::counter::BytesCount {
    divan::counter::BytesCount::of_str(text())
}

#[divan::bench]
fn decode(b: divan::Bencher) {
    b.counter(bytes_counter())
        .bench(|| Source::decode("bench", divan::black_box(text().as_bytes()), None));
}

#[divan::bench]
fn parse(b: divan::Bencher) {
    b.counter(bytes_counter())
        .bench(|| emend::parse::parse(divan::black_box(text())));
}

#[divan::bench(args = registry(&Options::default()).iter().map(|p| p.id()).collect::<Vec<_>>())]
fn pass(b: divan::Bencher, id: &str) {
    let options = Options::default();
    let passes = registry(&options);
    let pass = passes
        .iter()
        .find(|p| p.id() == id)
        .expect("registered pass");
    let doc = emend::parse::parse(text());
    let protected = doc.protected_spans();
    let resources = emend::names::Resources::builtin().expect("built-in packs load");
    b.counter(bytes_counter()).bench(|| {
        // a fresh context each time: what one pass builds and caches in it
        // (the name index) is part of that pass's cost
        let cx = Context::new(text(), &doc, &protected, &options, resources);
        let mut out = Proposals::default();
        pass.run(&cx, &mut out);
        out
    });
}

#[divan::bench]
fn decide_and_apply(b: divan::Bencher) {
    let c = engine().convert(Source::from_text("bench", text()));
    let edits = c.edits.clone();
    let protected = c.document.protected_spans();
    b.counter(bytes_counter()).bench(|| {
        let d = emend::decide::decide(edits.clone(), &protected, 0.8, &|_| None);
        emend::apply::apply(text(), &d.edits)
    });
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Options::default()).expect("engine"))
}

#[divan::bench]
fn emit_tei(b: divan::Bencher) {
    let c = engine().convert(Source::from_text("bench", text()));
    b.counter(bytes_counter()).bench(|| tei::to_string(&c));
}

#[divan::bench]
fn emit_json(b: divan::Bencher) {
    let c = engine().convert(Source::from_text("bench", text()));
    b.counter(bytes_counter()).bench(|| json::to_string(&c));
}

#[divan::bench]
fn whole_pipeline(b: divan::Bencher) {
    b.counter(bytes_counter()).bench(|| {
        let c = engine().convert(Source::from_text("bench", text()));
        (tei::to_string(&c), json::to_string(&c))
    });
}
