//! Command-line interface. Arguments are parsed here (clap) and turned into
//! library calls; no conversion logic lives in this file.

use anyhow::{Context as _, Result, bail};
use clap::{Parser, Subcommand};
use emend::batch::{plan, with_ext, write_atomic};
use emend::emit::Format;
use emend::emit::json::EditLog;
use emend::passes::QuoteStyle;
use emend::{Engine, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Exit status: everything succeeded.
pub const EXIT_OK: i32 = 0;
/// Exit status: at least one input failed (the others were still converted).
pub const EXIT_FAILED: i32 = 1;
/// Exit status: the command line was wrong.
pub const EXIT_USAGE: i32 = 2;

const AFTER_HELP: &str = "Exit status: 0 all inputs converted, 1 some input failed (the others were still converted), 2 usage error.";

#[derive(Parser, Debug)]
#[command(name = "emend", version, about = "Turn messy raw text into clean, reviewable TEI XML.", after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Convert text files to TEI, clean text and an edit log.
    #[command(after_help = AFTER_HELP)]
    Convert(ConvertArgs),
    /// Give back the source text from a TEI file or from an edit log and clean text.
    #[command(after_help = AFTER_HELP)]
    Restore(RestoreArgs),
}

#[derive(clap::Args, Debug)]
struct ConvertArgs {
    /// Files or folders to convert; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Format written to standard output for a single input without --out.
    #[arg(long, value_enum, default_value_t = Format::Tei)]
    to: Format,
    /// Write NAME.xml, NAME.txt and NAME.edits.json for each input into DIR,
    /// mirroring sub-folders of folder inputs.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Apply edits at or above this confidence; suggest the rest.
    #[arg(long, value_name = "0..1", default_value_t = emend::options::DEFAULT_MIN_CONFIDENCE)]
    min_confidence: f32,
    /// Quote and apostrophe style.
    #[arg(long, value_enum, default_value_t = QuoteStyle::Dominant)]
    quotes: QuoteStyle,
    /// Read inputs in this encoding (a WHATWG label such as windows-1251)
    /// instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

#[derive(clap::Args, Debug)]
struct RestoreArgs {
    /// A TEI file written by emend, or with --edits the clean text file.
    file: PathBuf,
    /// The edit log (NAME.edits.json): restore the exact source bytes from it and the clean text.
    #[arg(long, value_name = "LOG")]
    edits: Option<PathBuf>,
}

/// Runs the command line; returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    let result = match cli.command {
        Command::Convert(args) => convert(args),
        Command::Restore(args) => restore(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => EXIT_OK,
        Err(e) => {
            eprintln!("emend: {e:#}");
            EXIT_FAILED
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn options(args: &ConvertArgs) -> Result<Options> {
    if !(0.0..=1.0).contains(&args.min_confidence) {
        bail!(
            "--min-confidence must lie between 0 and 1, not {}",
            args.min_confidence
        );
    }
    Ok(Options {
        min_confidence: args.min_confidence,
        quotes: args.quotes,
        encoding: args.encoding.clone(),
    })
}

fn convert(args: ConvertArgs) -> Result<i32> {
    let engine = Engine::new(options(&args)?)?;
    let Some(out) = &args.out else {
        if args.paths.len() != 1 || args.paths[0].is_dir() {
            eprintln!("emend: several inputs or a folder need --out DIR");
            return Ok(EXIT_USAGE);
        }
        let path = &args.paths[0];
        let (name, bytes) = read_input(path)?;
        let conversion = engine.convert_bytes(&name, &bytes)?;
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(args.to.render(&conversion).as_bytes())?;
        stdout.flush()?;
        return Ok(EXIT_OK);
    };
    let mut jobs = Vec::new();
    let mut failed = 0usize;
    for p in &args.paths {
        if p.as_os_str() == "-" {
            jobs.push(emend::batch::Job {
                input: p.clone(),
                stem: out.join("stdin"),
            });
            continue;
        }
        match plan(std::slice::from_ref(p), out) {
            Ok(js) => jobs.extend(js),
            Err(e) => {
                eprintln!("emend: {e}");
                failed += 1;
            }
        }
    }
    for job in &jobs {
        if let Err(e) = convert_one(&engine, &job.input, &job.stem) {
            eprintln!("emend: {e:#}");
            failed += 1;
        }
    }
    if failed > 0 {
        eprintln!(
            "emend: {failed} of {} inputs failed",
            jobs.len().max(failed)
        );
        return Ok(EXIT_FAILED);
    }
    Ok(EXIT_OK)
}

fn convert_one(engine: &Engine, input: &Path, stem: &Path) -> Result<()> {
    let (name, bytes) = read_input(input)?;
    let c = engine.convert_bytes(&name, &bytes)?;
    // Render everything first, so a failure never leaves a partial set.
    let outputs = [
        (with_ext(stem, "xml"), Format::Tei.render(&c)),
        (with_ext(stem, "txt"), Format::Text.render(&c)),
        (with_ext(stem, "edits.json"), Format::Json.render(&c)),
    ];
    for (path, contents) in &outputs {
        write_atomic(path, contents.as_bytes())?;
    }
    Ok(())
}

fn read_input(path: &Path) -> Result<(String, Vec<u8>)> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        return Ok(("-".into(), buf));
    }
    let bytes = std::fs::read(path).map_err(|e| emend::Error::io(path, e))?;
    Ok((path.display().to_string(), bytes))
}

fn restore(args: RestoreArgs) -> Result<i32> {
    let mut stdout = std::io::stdout().lock();
    match &args.edits {
        Some(log_path) => {
            let log_text =
                std::fs::read_to_string(log_path).map_err(|e| emend::Error::io(log_path, e))?;
            let log: EditLog = serde_json::from_str(&log_text)
                .with_context(|| format!("{}: not an emend edit log", log_path.display()))?;
            let clean =
                std::fs::read_to_string(&args.file).map_err(|e| emend::Error::io(&args.file, e))?;
            let bytes =
                emend::restore::from_edit_log(&log, &clean, &log_path.display().to_string())?;
            stdout.write_all(&bytes)?;
        }
        None => {
            let xml =
                std::fs::read_to_string(&args.file).map_err(|e| emend::Error::io(&args.file, e))?;
            let text = emend::restore::from_tei(&xml, &args.file.display().to_string())?;
            stdout.write_all(text.as_bytes())?;
        }
    }
    stdout.flush()?;
    Ok(EXIT_OK)
}
