//! Command-line interface. Arguments are parsed here (clap) and turned into
//! library calls; no conversion logic lives in this file.

use anyhow::{Context as _, Result, bail};
use clap::{Parser, Subcommand};
use emend::batch::{BatchOptions, Job, Outcome, plan, write_atomic};
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
    /// Show what convert changes: a labelled word diff, a unified patch, or JSON.
    #[command(after_help = AFTER_HELP)]
    Diff(DiffArgs),
    /// Step through suggested edits and accept or reject each (like `git add -p`).
    #[command(after_help = AFTER_HELP)]
    Review(ReviewArgs),
    /// Give back the source text from a TEI file or from an edit log and clean text.
    #[command(after_help = AFTER_HELP)]
    Restore(RestoreArgs),
    /// Write an HTML review page: filter, accept and reject edits in a browser,
    /// then export a decisions file for `convert --decisions`.
    #[command(after_help = AFTER_HELP)]
    Report(ReportArgs),
    /// Corpus-level name tools: discover variant groups, merge statistics
    /// shards, learn lexicon variants from review decisions.
    #[command(after_help = AFTER_HELP)]
    Names(NamesArgs),
    /// Phrase-pack tools: learn the MT-isms of machine translations against
    /// human text of the same domain.
    #[command(after_help = AFTER_HELP)]
    Packs(PacksArgs),
    /// Corpus-level furniture tools: count the short lines that recur across
    /// documents (map), merge the counts of shards (reduce); `convert DIR`
    /// does both by itself, `convert --line-stats` reads their result.
    #[command(after_help = AFTER_HELP)]
    Furniture(FurnitureArgs),
    /// Check TEI files emend wrote (or that were edited since): well-formed,
    /// valid against emend's TEI subset, pointers resolve, restore works.
    #[command(after_help = AFTER_HELP)]
    Check(CheckArgs),
    /// Print a completion script for a shell on standard output.
    #[command(after_help = COMPLETIONS_HELP)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on standard output.
    #[command(
        after_help = "Install it with e.g. `emend man > ~/.local/share/man/man1/emend.1`, then `man emend`."
    )]
    Man,
}

#[derive(clap::Args, Debug)]
struct FurnitureArgs {
    #[command(subcommand)]
    command: FurnitureCommand,
}

#[derive(Subcommand, Debug)]
enum FurnitureCommand {
    /// Count, for each short line, the documents that hold it (the map step).
    #[command(after_help = AFTER_HELP)]
    Count(LineCountArgs),
    /// Add up the counts of shards written by `count` or `merge` (the
    /// reduce step), as one count over all their files would.
    #[command(after_help = AFTER_HELP)]
    Merge(LineMergeArgs),
}

#[derive(clap::Args, Debug)]
struct LineCountArgs {
    /// Files or folders (walked for .txt files).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write the statistics to this file (`-`: standard output).
    #[arg(long, value_name = "OUT.json", default_value = "-")]
    emit_stats: PathBuf,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Read inputs in this encoding instead of detecting it.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

#[derive(clap::Args, Debug)]
struct LineMergeArgs {
    /// Statistics shards written by `emend furniture count` or `merge`.
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    /// Write the merged statistics to this file (`-`: standard output).
    #[arg(long, value_name = "OUT.json", default_value = "-")]
    emit_stats: PathBuf,
}

#[derive(clap::Args, Debug)]
struct PacksArgs {
    #[command(subcommand)]
    command: PacksCommand,
}

#[derive(Subcommand, Debug)]
enum PacksCommand {
    /// Write a phrase pack of the n-grams that machine translations produce
    /// and human text does not, each a proposal with its counts; a
    /// replacement only where the human text fills the same context one
    /// clear way (see README, "Learning MT-isms").
    #[command(after_help = AFTER_HELP)]
    Learn(PackLearnArgs),
}

#[derive(clap::Args, Debug)]
struct PackLearnArgs {
    /// Machine translations: each a version (one system's output), a file
    /// or a folder walked for .txt files; files with the same path inside
    /// their versions are the same document.
    #[arg(long, required = true, num_args = 1.., value_name = "DIR")]
    machine: Vec<PathBuf>,
    /// Human text of the same domain (ideally references of the same
    /// documents), versions as for --machine.
    #[arg(long, required = true, num_args = 1.., value_name = "DIR")]
    human: Vec<PathBuf>,
    /// Write the pack here (`-`: standard output); load it with --lexicon.
    #[arg(long, value_name = "PACK.toml")]
    out: PathBuf,
    /// The pack's name (default: the file name of --out without .toml).
    #[arg(long)]
    name: Option<String>,
    /// Least number of occurrences in the machine text.
    #[arg(long, value_name = "N", default_value_t = 10)]
    min_count: u32,
    /// Least number of machine versions an n-gram occurs in.
    #[arg(long, value_name = "N", default_value_t = 3)]
    min_versions: u32,
    /// Least number of documents an n-gram occurs in.
    #[arg(long, value_name = "N", default_value_t = 5)]
    min_docs: u32,
    /// Least natural log of the machine/human rate ratio (smoothed).
    #[arg(long, value_name = "LN", default_value_t = 2.0)]
    min_ratio: f64,
    /// Longest n-gram, 2 to 5 words.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u8).range(2..=5))]
    max_words: u8,
}

#[derive(clap::Args, Debug)]
struct NamesArgs {
    #[command(subcommand)]
    command: NamesCommand,
}

#[derive(Subcommand, Debug)]
enum NamesCommand {
    /// Group spellings of the same name across a corpus, without a lexicon:
    /// counts, documents and a context line for each spelling.
    #[command(after_help = AFTER_HELP)]
    Discover(DiscoverArgs),
    /// Combine statistics shards written by `discover --emit-stats` and
    /// group them, as one discover over all their files would.
    #[command(after_help = AFTER_HELP)]
    Merge(MergeArgs),
    /// Add the accepted name edits of a decisions file to a lexicon file as
    /// variants, so the next run applies them by itself.
    #[command(after_help = AFTER_HELP)]
    Learn(LearnArgs),
}

/// How variant groups are formed and shown.
#[derive(clap::Args, Debug, Clone)]
struct ClusterFlags {
    /// Output: a table for people, JSON, or lexicon entries (TOML) to review
    /// and load with --lexicon.
    #[arg(long, value_enum, default_value_t = GroupFormat::Table)]
    format: GroupFormat,
    /// Leave out groups with fewer mentions than this.
    #[arg(long, value_name = "N", default_value_t = 2)]
    min_count: u64,
    /// Also show groups the lexicon already covers (marked).
    #[arg(long)]
    known: bool,
    /// Also show names met in one spelling only.
    #[arg(long)]
    singletons: bool,
    /// Similarity (0..1) at or above which two spellings are grouped.
    #[arg(long, value_name = "0..1", default_value_t = emend::names::discover::DEFAULT_THRESHOLD)]
    threshold: f32,
    /// Also load this lexicon (TOML) to mark known names; repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// Mark names against no built-in pack.
    #[arg(long)]
    no_packs: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum GroupFormat {
    /// Groups and their spellings, for a terminal.
    Table,
    /// The groups as JSON.
    Json,
    /// Lexicon entries in the format of the built-in packs.
    Toml,
}

#[derive(clap::Args, Debug)]
struct DiscoverArgs {
    /// Files or folders (walked for .txt files).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Write mergeable statistics to this file (`-`: standard output)
    /// instead of grouping; combine shards with `emend names merge`.
    #[arg(long, value_name = "OUT.json")]
    emit_stats: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
    #[command(flatten)]
    cluster: ClusterFlags,
}

#[derive(clap::Args, Debug)]
struct MergeArgs {
    /// Statistics shards written by `emend names discover --emit-stats`.
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    /// Write the merged statistics to this file instead of grouping.
    #[arg(long, value_name = "OUT.json")]
    emit_stats: Option<PathBuf>,
    #[command(flatten)]
    cluster: ClusterFlags,
}

#[derive(clap::Args, Debug)]
struct LearnArgs {
    /// A decisions file (from `emend review` or the HTML report).
    decisions: PathBuf,
    /// The lexicon file to add variants to (created if missing).
    #[arg(long, value_name = "FILE")]
    lexicon: PathBuf,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// TEI files to check.
    #[arg(required = true, value_name = "FILE.xml")]
    files: Vec<PathBuf>,
}

/// Options that shape a conversion, shared by convert, diff and review.
#[derive(clap::Args, Debug, Clone)]
struct ConversionFlags {
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
    /// A decisions file (from `emend review` or the HTML report): accepted
    /// edits are applied, rejected ones are not.
    #[arg(long, value_name = "FILE")]
    decisions: Option<PathBuf>,
    /// Also load this lexicon or phrase pack (TOML); repeatable.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
    /// Use only this built-in pack (caucasus-2020, zh-en-mt, mt-calques; world only when asked for); repeatable.
    #[arg(long = "pack", value_name = "NAME")]
    packs: Vec<String>,
    /// Use no built-in pack.
    #[arg(long)]
    no_packs: bool,
    /// The language of the inputs (a BCP 47 tag such as de, or a name),
    /// instead of detecting it; blocks in other languages are still found.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// The kind of source of the inputs, instead of judging it from evidence.
    #[arg(long, value_enum, value_name = "KIND")]
    kind: Option<emend::profile::SourceKind>,
}

#[derive(clap::Args, Debug)]
struct DiffArgs {
    /// Files to show; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output: a labelled word diff for people, a unified patch, or JSON.
    #[arg(long, value_enum, default_value_t = DiffFormat::Terminal)]
    format: DiffFormat,
    #[command(flatten)]
    flags: ConversionFlags,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum DiffFormat {
    /// Changes marked inline with rule and confidence, coloured on a terminal
    /// (not when NO_COLOR is set or output is not a terminal).
    Terminal,
    /// A unified diff that `patch -p1` or `git apply` apply to the source.
    Unified,
    /// One JSON report per input (a JSON array for several).
    Json,
}

/// The conversion under review is the one `convert` makes with the same
/// flags (lexicons, packs, language, kind, threshold), so the questions
/// asked are about the edits the user will get.
#[derive(clap::Args, Debug)]
#[command(mut_arg("decisions", |a| a.help(REVIEW_DECISIONS_HELP)))]
struct ReviewArgs {
    /// Text files or folders (walked for .txt files) to review, one after the other.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Ask about applied edits too, not only suggestions.
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    flags: ConversionFlags,
}

/// What `--decisions` means to `review`: where its answers go.
const REVIEW_DECISIONS_HELP: &str = "Where answers are written, one file for all the documents \
(read first if it exists, so a review can be resumed; fingerprints do not depend on the document). \
Default for one file: FILE with extension .decisions.json; required for several files or a folder.";

#[derive(clap::Args, Debug)]
struct ConvertArgs {
    /// Files or folders to convert; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Format written to standard output for a single input without --out
    /// [default: tei; jsonl with --from jsonl].
    #[arg(long, value_enum)]
    to: Option<Format>,
    /// What the inputs hold: one text document each, or JSON Lines of
    /// `{"id": …, "text": …}` documents (written as one JSON Lines record
    /// a line, in order, keeping `id`; a bad line gives an error record
    /// with its line number and the stream goes on).
    #[arg(long, value_enum, default_value_t = InputFormat::Text, conflicts_with = "out")]
    from: InputFormat,
    /// Write NAME.xml, NAME.txt and NAME.edits.json for each input into DIR,
    /// mirroring sub-folders of folder inputs.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// With --to jsonl: leave the TEI out of each record.
    #[arg(long)]
    no_tei: bool,
    /// Worker threads for several inputs (default: one per core). Output
    /// order and content do not depend on it.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Convert even inputs whose outputs in --out are newer than the input
    /// and were made with the same options.
    #[arg(long)]
    force: bool,
    /// No progress bar and no summary; errors only.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    quiet: bool,
    /// Print each file as it is done and the edits per rule at the end.
    #[arg(long, short = 'v')]
    verbose: bool,
    /// With --out or --from jsonl: read the line statistics of the corpus
    /// from this file (written by `emend furniture count` or `merge`)
    /// instead of counting the inputs first (--out) or judging each
    /// document alone (--from jsonl).
    #[arg(long, value_name = "FILE", conflicts_with = "no_line_stats")]
    line_stats: Option<PathBuf>,
    /// With --out: do not count lines across the inputs (each document is
    /// judged alone, as a single input is).
    #[arg(long)]
    no_line_stats: bool,
    /// With --out: do not count the capitalised words of the inputs (a
    /// document's name spellings are judged without the other documents
    /// about the same thing, as a single input's are).
    #[arg(long)]
    no_name_counts: bool,
    #[command(flatten)]
    flags: ConversionFlags,
}

/// What `convert` inputs hold.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputFormat {
    /// One document a file.
    Text,
    /// One `{"id": …, "text": …}` document a line.
    Jsonl,
}

#[derive(clap::Args, Debug)]
struct ReportArgs {
    /// Files or folders (walked for .txt files) to report on; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The HTML file to write (one self-contained page for all inputs); `-` writes to standard output.
    #[arg(long, value_name = "OUT.html")]
    html: PathBuf,
    #[command(flatten)]
    flags: ConversionFlags,
}

const COMPLETIONS_HELP: &str = "Install it where the shell looks, e.g.\n  bash: emend completions bash > ~/.local/share/bash-completion/completions/emend\n  zsh:  emend completions zsh > ~/.zfunc/_emend   (with fpath+=~/.zfunc in ~/.zshrc)\n  fish: emend completions fish > ~/.config/fish/completions/emend.fish";

#[derive(clap::Args, Debug)]
struct CompletionsArgs {
    /// The shell to complete for.
    shell: clap_complete::Shell,
}

#[derive(clap::Args, Debug)]
struct RestoreArgs {
    /// A TEI file written by emend (gives every character of the source, not its exact bytes: see
    /// README, "What restore gives"), or with --edits the clean text file.
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
        Command::Diff(args) => diff(args),
        Command::Review(args) => review(args),
        Command::Restore(args) => restore(args),
        Command::Report(args) => report(args),
        Command::Names(args) => match args.command {
            NamesCommand::Discover(a) => names_discover(a),
            NamesCommand::Merge(a) => names_merge(a),
            NamesCommand::Learn(a) => names_learn(a),
        },
        Command::Packs(args) => match args.command {
            PacksCommand::Learn(a) => packs_learn(a),
        },
        Command::Furniture(args) => match args.command {
            FurnitureCommand::Count(a) => furniture_count(a),
            FurnitureCommand::Merge(a) => furniture_merge(a),
        },
        Command::Check(args) => check(args),
        Command::Completions(args) => completions(&args),
        Command::Man => man(),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => EXIT_OK,
        Err(e) => {
            eprintln!("emend: {}", message(&e));
            if e.downcast_ref::<UsageError>().is_some() {
                EXIT_USAGE
            } else {
                EXIT_FAILED
            }
        }
    }
}

/// An error with its causes, each said once: a library error already
/// quotes its cause ("FILE: No such file or directory"), which `{:#}`
/// would repeat.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
}

/// A flag value clap accepted but that makes no sense: exit status 2.
#[derive(Debug)]
struct UsageError(String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn options(flags: &ConversionFlags) -> Result<Options> {
    let usage = |m: String| Err(UsageError(m).into());
    if !(0.0..=1.0).contains(&flags.min_confidence) {
        return usage(format!(
            "--min-confidence must lie between 0 and 1, not {}",
            flags.min_confidence
        ));
    }
    let known = emend::names::builtin_pack_names();
    if let Some(bad) = flags.packs.iter().find(|p| !known.contains(p)) {
        return usage(format!(
            "--pack {bad}: no such built-in pack; built-in packs: {}",
            known.join(", ")
        ));
    }
    if let Some(label) = &flags.encoding
        && encoding_rs::Encoding::for_label(label.as_bytes()).is_none()
    {
        return usage(format!(
            "--encoding {label}: not an encoding label known to the WHATWG Encoding Standard"
        ));
    }
    let lang = match &flags.lang {
        Some(l) => match emend::profile::Lang::parse(l) {
            Some(lang) => Some(lang),
            None => {
                return usage(format!(
                    "--lang {l}: not a language emend knows; known: {}",
                    emend::profile::Lang::known_tags()
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        },
        None => None,
    };
    Ok(Options {
        min_confidence: flags.min_confidence,
        quotes: flags.quotes,
        encoding: flags.encoding.clone(),
        decisions: flags.decisions.clone(),
        lexicons: flags.lexicons.clone(),
        packs: flags.packs.clone(),
        no_packs: flags.no_packs,
        lang,
        kind: flags.kind,
    })
}

/// Converts one input, reporting decisions that matched nothing.
fn convert_input(engine: &Engine, path: &Path) -> Result<emend::Conversion> {
    let (name, bytes) = read_input(path)?;
    let c = engine.convert_vec(&name, bytes)?;
    if let (Some(file), false) = (&c.decisions, c.unmatched_decisions.is_empty()) {
        eprintln!(
            "emend: {name}: {} decision(s) in {file} match no edit (the text changed there): {}",
            c.unmatched_decisions.len(),
            c.unmatched_decisions.join(", ")
        );
    }
    Ok(c)
}

fn diff(args: DiffArgs) -> Result<i32> {
    use std::io::IsTerminal;
    let engine = engine(&args.flags)?;
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut stdout = std::io::stdout().lock();
    let mut reports = Vec::new();
    let mut failed = 0;
    for path in &args.paths {
        let c = match convert_input(engine, path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("emend: {}", message(&e));
                failed += 1;
                continue;
            }
        };
        match args.format {
            DiffFormat::Terminal => {
                stdout.write_all(emend::emit::diff::terminal(&c, color).as_bytes())?
            }
            DiffFormat::Unified => stdout.write_all(emend::emit::diff::unified(&c).as_bytes())?,
            DiffFormat::Json => reports.push(serde_json::to_value(emend::emit::diff::report(&c))?),
        }
    }
    if let DiffFormat::Json = args.format {
        let value = if reports.len() == 1 && args.paths.len() == 1 {
            reports.remove(0)
        } else {
            serde_json::Value::Array(reports)
        };
        serde_json::to_writer_pretty(&mut stdout, &value)?;
        writeln!(stdout)?;
    }
    stdout.flush()?;
    Ok(if failed > 0 { EXIT_FAILED } else { EXIT_OK })
}

fn review(args: ReviewArgs) -> Result<i32> {
    let mut files = Vec::new();
    for p in &args.paths {
        let jobs = plan(std::slice::from_ref(p), Path::new(""))?;
        if jobs.is_empty() {
            bail!(
                "{}: no .txt file in this folder or its sub-folders",
                p.display()
            );
        }
        files.extend(jobs.into_iter().map(|j| j.input));
    }
    let path = match (&args.flags.decisions, files.as_slice()) {
        (Some(path), _) => path.clone(),
        (None, [one]) if !args.paths[0].is_dir() => one.with_extension("decisions.json"),
        (None, _) => {
            return Err(UsageError(
                "several documents to review: name the one decisions file with --decisions FILE"
                    .into(),
            )
            .into());
        }
    };
    let mut decisions = if path.exists() {
        emend::decisions::Decisions::load(&path)?
    } else {
        emend::decisions::Decisions::default()
    };
    let flags = ConversionFlags {
        decisions: path.exists().then(|| path.clone()),
        ..args.flags
    };
    let engine = engine(&flags)?;
    let mut stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    let mut tally = emend::review::Tally::default();
    for (k, file) in files.iter().enumerate() {
        let c = convert_input(engine, file)?;
        if files.len() > 1 {
            writeln!(
                stdout,
                "== {} ({}/{}) ==",
                file.display(),
                k + 1,
                files.len()
            )?;
        }
        let t =
            emend::review::review(&c, args.all, &mut decisions, &mut stdin, &mut stdout, |d| {
                write_atomic(&path, d.to_json().as_bytes())
            })?;
        tally.accepted += t.accepted;
        tally.rejected += t.rejected;
        tally.skipped += t.skipped;
        if t.quit {
            break;
        }
    }
    eprintln!(
        "emend: {} accepted, {} rejected, {} skipped; decisions in {}",
        tally.accepted,
        tally.rejected,
        tally.skipped,
        path.display()
    );
    Ok(EXIT_OK)
}

/// The engine for one command, kept until the process ends: the command is
/// the process's whole work, and freeing a large lexicon entry by entry at
/// exit cost a tenth of what loading it did.
fn engine(flags: &ConversionFlags) -> Result<&'static Engine> {
    Ok(Box::leak(Box::new(Engine::new(options(flags)?)?)))
}

fn convert(args: ConvertArgs) -> Result<i32> {
    if let Some(out) = &args.out {
        return convert_batch(Engine::new(options(&args.flags)?)?, &args, out);
    }
    if args.from == InputFormat::Jsonl {
        let mut engine = Engine::new(options(&args.flags)?)?;
        if let Some(path) = &args.line_stats {
            let stats = emend::corpus_lines::LineStats::load(path)?;
            engine = engine.with_corpus_lines(stats);
        }
        return convert_jsonl(&engine, &args);
    }
    let engine = engine(&args.flags)?;
    let to = args.to.unwrap_or_default();
    if to == Format::Jsonl {
        return convert_stream(engine, &args);
    }
    if args.paths.len() != 1 || args.paths[0].is_dir() {
        eprintln!("emend: several inputs or a folder need --out DIR (or --to jsonl)");
        return Ok(EXIT_USAGE);
    }
    let conversion = convert_input(engine, &args.paths[0])?;
    if args.verbose {
        eprintln!(
            "emend: {}\n{}",
            conversion.source.name,
            conversion.profile.explain(&conversion.rules)
        );
    }
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    to.write(&conversion, &mut stdout)?;
    stdout.flush()?;
    Ok(EXIT_OK)
}

/// The jobs for `paths` under `out`; `-` (standard input) is converted
/// at once into OUT/stdin.*, since it cannot be re-read by a worker.
fn plan_all(
    engine: &Engine,
    paths: &[PathBuf],
    out: &Path,
    failed: &mut Vec<(PathBuf, String)>,
) -> Vec<Job> {
    let mut jobs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            let result = convert_input(engine, p).and_then(|c| {
                emend::batch::write_outputs(&c, &out.join("stdin"), &engine.build_id())
                    .map_err(Into::into)
            });
            if let Err(e) = result {
                failed.push((p.clone(), message(&e)));
            }
            continue;
        }
        match plan(std::slice::from_ref(p), out) {
            Ok(js) if js.is_empty() && p.is_dir() => failed.push((
                p.clone(),
                format!(
                    "{}: no .txt file in this folder or its sub-folders (emend converts files ending in .txt)",
                    p.display()
                ),
            )),
            Ok(js) => jobs.extend(js),
            Err(e) => failed.push((p.clone(), e.to_string())),
        }
    }
    jobs
}

/// The engine for a batch: with the line statistics of `--line-stats`, or
/// of the batch's own inputs (counted in a first pass) when there are
/// enough of them to tell a site's furniture.
fn with_line_stats(engine: Engine, args: &ConvertArgs, jobs: &[Job]) -> Result<Engine> {
    use emend::corpus_lines::{LineStats, MIN_DOCUMENTS};
    if args.no_line_stats {
        return Ok(engine);
    }
    if let Some(path) = &args.line_stats {
        return Ok(engine.with_corpus_lines(LineStats::load(path)?));
    }
    if (jobs.len() as u64) < MIN_DOCUMENTS {
        return Ok(engine);
    }
    let inputs: Vec<PathBuf> = jobs.iter().map(|j| j.input.clone()).collect();
    // an input that cannot be read is reported by its conversion
    let (stats, _) = LineStats::collect(&inputs, args.jobs, args.flags.encoding.as_deref())?;
    Ok(engine.with_corpus_lines(stats))
}

/// The engine for a batch of enough documents: with the counts of the
/// capitalised words its documents write (counted in a first pass), the
/// spelling the batch agrees on being evidence for a document's variants.
fn with_name_counts(engine: Engine, args: &ConvertArgs, jobs: &[Job]) -> Result<Engine> {
    use emend::names::batch::{MIN_DOCUMENTS, NameCounts};
    if args.no_name_counts || (jobs.len() as u64) < MIN_DOCUMENTS {
        return Ok(engine);
    }
    let inputs: Vec<PathBuf> = jobs.iter().map(|j| j.input.clone()).collect();
    let counts = NameCounts::collect(&inputs, args.jobs, args.flags.encoding.as_deref())?;
    Ok(engine.with_corpus_names(counts))
}

fn convert_batch(engine: Engine, args: &ConvertArgs, out: &Path) -> Result<i32> {
    use std::io::IsTerminal;
    if out.exists() && !out.is_dir() {
        return Err(UsageError(format!(
            "--out {}: a file is there; --out names the folder the outputs go to (made if missing)",
            out.display()
        ))
        .into());
    }
    let started = std::time::Instant::now();
    let mut failed = Vec::new();
    let jobs = plan_all(&engine, &args.paths, out, &mut failed);
    let engine = with_line_stats(engine, args, &jobs)?;
    let engine = &with_name_counts(engine, args, &jobs)?;
    let show_bar =
        !args.quiet && !args.verbose && std::io::stderr().is_terminal() && jobs.len() > 1;
    let bar = if show_bar {
        let bar = indicatif::ProgressBar::new(jobs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{wide_bar} {pos}/{len} files · {per_sec} · {msg} · ETA {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let bytes = std::sync::atomic::AtomicU64::new(0);
    let done = |job: &Job, outcome: &Outcome| {
        if let Outcome::Converted(stats) = outcome {
            let total = bytes.fetch_add(stats.bytes as u64, std::sync::atomic::Ordering::Relaxed)
                + stats.bytes as u64;
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{:.1} MB/s", total as f64 / 1e6 / secs));
        }
        if args.verbose {
            let what = match outcome {
                Outcome::Converted(_) => "converted",
                Outcome::UpToDate => "up to date",
                Outcome::Failed(_) => "FAILED",
            };
            eprintln!("emend: {what}: {}", job.input.display());
            if let Outcome::Converted(stats) = outcome {
                eprintln!("{}", stats.profile);
            }
        }
        bar.inc(1);
    };
    let batch = BatchOptions {
        jobs: args.jobs,
        force: args.force,
    };
    let mut summary = emend::batch::run(engine, &jobs, &batch, &done)?;
    bar.finish_and_clear();
    failed.append(&mut summary.failed);
    // Every library error already names its file.
    for (_, reason) in &failed {
        eprintln!("emend: {reason}");
    }
    if !args.quiet {
        print_summary(&summary, failed.len(), started.elapsed(), args.verbose);
    }
    Ok(if failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_FAILED
    })
}

fn print_summary(
    s: &emend::batch::Summary,
    failed: usize,
    elapsed: std::time::Duration,
    verbose: bool,
) {
    let secs = elapsed.as_secs_f64();
    let (applied, suggested) = s
        .edits
        .values()
        .fold((0, 0), |acc, n| (acc.0 + n.0, acc.1 + n.1));
    eprintln!(
        "emend: {} converted ({:.1} MB in {:.2} s, {:.1} MB/s), {} up to date, {} failed; {} edits applied, {} suggested",
        s.converted,
        s.bytes as f64 / 1e6,
        secs,
        s.bytes as f64 / 1e6 / secs.max(1e-9),
        s.up_to_date,
        failed,
        applied,
        suggested
    );
    if verbose {
        for (rule, (a, sg)) in &s.edits {
            eprintln!("  {rule:<24} {a:>7} applied {sg:>7} suggested");
        }
    }
}

/// `--to jsonl` without --out: one record per input on standard output, in
/// input order, converted in parallel a bounded chunk at a time so memory
/// stays bounded by a few documents.
fn convert_stream(engine: &Engine, args: &ConvertArgs) -> Result<i32> {
    use rayon::prelude::*;
    let mut inputs = Vec::new();
    for p in &args.paths {
        if p.as_os_str() != "-" && p.is_dir() {
            inputs.extend(
                plan(std::slice::from_ref(p), Path::new(""))?
                    .into_iter()
                    .map(|j| j.input),
            );
        } else {
            inputs.push(p.clone());
        }
    }
    let threads = if args.jobs == 0 {
        rayon::current_num_threads()
    } else {
        args.jobs
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let mut stdout = std::io::stdout().lock();
    let mut failed = 0;
    for chunk in inputs.chunks(threads * 2) {
        let records: Vec<Result<String>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|p| convert_input(engine, p).map(|c| emend::emit::jsonl(&c, !args.no_tei)))
                .collect()
        });
        for r in records {
            match r {
                Ok(line) => stdout.write_all(line.as_bytes())?,
                Err(e) => {
                    eprintln!("emend: {}", message(&e));
                    failed += 1;
                }
            }
        }
    }
    stdout.flush()?;
    Ok(if failed > 0 { EXIT_FAILED } else { EXIT_OK })
}

/// `--from jsonl`: each input (a file, or `-`) is a stream of documents,
/// converted on every core into one record a line on standard output.
fn convert_jsonl(engine: &Engine, args: &ConvertArgs) -> Result<i32> {
    if args.to.is_some_and(|f| f != Format::Jsonl) {
        bail!(UsageError(
            "--from jsonl writes JSON Lines records: --to must be jsonl or left out".into()
        ));
    }
    let options = emend::stream::StreamOptions {
        jobs: args.jobs,
        with_tei: !args.no_tei,
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    for p in &args.paths {
        let mut report = |message: &str| eprintln!("emend: {message}");
        let summary = if p.as_os_str() == "-" {
            let stdin = std::io::stdin().lock();
            emend::stream::convert_jsonl(engine, "-", stdin, &mut stdout, options, &mut report)?
        } else {
            let file = std::fs::File::open(p).map_err(|e| emend::Error::io(p, e))?;
            let name = p.display().to_string();
            let input = std::io::BufReader::new(file);
            emend::stream::convert_jsonl(engine, &name, input, &mut stdout, options, &mut report)?
        };
        failed += summary.failed;
    }
    stdout.flush()?;
    Ok(if failed > 0 { EXIT_FAILED } else { EXIT_OK })
}

fn report(args: ReportArgs) -> Result<i32> {
    let engine = engine(&args.flags)?;
    let prior = match &args.flags.decisions {
        Some(path) => Some(emend::decisions::Decisions::load(path)?),
        None => None,
    };
    let mut inputs = Vec::new();
    let mut failed = 0usize;
    for p in &args.paths {
        if p.as_os_str() == "-" {
            inputs.push(p.clone());
            continue;
        }
        match plan(std::slice::from_ref(p), Path::new("")) {
            Ok(jobs) => inputs.extend(jobs.into_iter().map(|j| j.input)),
            Err(e) => {
                eprintln!("emend: {e}");
                failed += 1;
            }
        }
    }
    let mut docs = Vec::new();
    for input in &inputs {
        match convert_input(engine, input) {
            Ok(c) => docs.push(c),
            Err(e) => {
                eprintln!("emend: {}", message(&e));
                failed += 1;
            }
        }
    }
    let page = emend::emit::html::to_string(
        &docs,
        emend::emit::html::PageOptions {
            prior: prior.as_ref(),
            min_confidence: args.flags.min_confidence,
        },
    );
    if args.html.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(page.as_bytes())?;
        stdout.flush()?;
    } else {
        write_atomic(&args.html, page.as_bytes())?;
    }
    Ok(if failed > 0 { EXIT_FAILED } else { EXIT_OK })
}

fn completions(args: &CompletionsArgs) -> Result<i32> {
    use clap::CommandFactory;
    let mut stdout = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut Cli::command(), "emend", &mut stdout);
    stdout.flush()?;
    Ok(EXIT_OK)
}

/// The manual page, made from the same definitions as `--help`.
fn man() -> Result<i32> {
    use clap::CommandFactory;
    let mut stdout = std::io::stdout().lock();
    clap_mangen::Man::new(Cli::command()).render(&mut stdout)?;
    stdout.flush()?;
    Ok(EXIT_OK)
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

/// The input files the paths name (directories walked as `convert` walks
/// them), for the commands that read a corpus without writing outputs.
fn input_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut inputs = Vec::new();
    for p in paths {
        inputs.extend(
            plan(std::slice::from_ref(p), Path::new(""))?
                .into_iter()
                .map(|j| j.input),
        );
    }
    Ok(inputs)
}

fn names_discover(args: DiscoverArgs) -> Result<i32> {
    let inputs = input_paths(&args.paths)?;
    let (stats, failed) = emend::names::stats::collect(&inputs, args.jobs)?;
    for (path, reason) in &failed {
        eprintln!("emend: {}: {reason}", path.display());
    }
    let code = if failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_FAILED
    };
    match &args.emit_stats {
        Some(out) => write_stats(out, &stats).map(|()| code),
        None => show_groups(&stats, &args.cluster).map(|c| c.max(code)),
    }
}

fn furniture_count(args: LineCountArgs) -> Result<i32> {
    let inputs = input_paths(&args.paths)?;
    let (stats, failed) =
        emend::corpus_lines::LineStats::collect(&inputs, args.jobs, args.encoding.as_deref())?;
    for (path, reason) in &failed {
        eprintln!("emend: {}: {reason}", path.display());
    }
    write_json(&args.emit_stats, &stats.to_json())?;
    Ok(if failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_FAILED
    })
}

fn furniture_merge(args: LineMergeArgs) -> Result<i32> {
    let mut all = emend::corpus_lines::LineStats::default();
    for p in &args.shards {
        all.merge(emend::corpus_lines::LineStats::load(p)?);
    }
    write_json(&args.emit_stats, &all.to_json())?;
    Ok(EXIT_OK)
}

fn write_json(out: &Path, json: &str) -> Result<()> {
    if out.as_os_str() == "-" {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(json.as_bytes())?;
        stdout.flush()?;
    } else {
        write_atomic(out, json.as_bytes())?;
    }
    Ok(())
}

fn names_merge(args: MergeArgs) -> Result<i32> {
    let mut all = emend::names::stats::NameStats::default();
    for p in &args.shards {
        all.merge(emend::names::stats::NameStats::load(p)?);
    }
    match &args.emit_stats {
        Some(out) => write_stats(out, &all).map(|()| EXIT_OK),
        None => show_groups(&all, &args.cluster),
    }
}

fn write_stats(out: &Path, stats: &emend::names::stats::NameStats) -> Result<()> {
    write_json(out, &stats.to_json())
}

fn show_groups(stats: &emend::names::stats::NameStats, flags: &ClusterFlags) -> Result<i32> {
    use emend::names::discover::{DiscoverOptions, discover};
    if !(0.0..=1.0).contains(&flags.threshold) {
        bail!(
            "--threshold must lie between 0 and 1, not {}",
            flags.threshold
        );
    }
    let options = Options {
        lexicons: flags.lexicons.clone(),
        no_packs: flags.no_packs,
        ..Options::default()
    };
    let resources = emend::names::Resources::for_options(&options)?;
    let found = discover(
        stats,
        &resources.lexicon,
        &DiscoverOptions {
            threshold: flags.threshold,
            min_count: flags.min_count,
            known: flags.known,
            singletons: flags.singletons,
        },
    );
    let text = match flags.format {
        GroupFormat::Table => found.to_table(),
        GroupFormat::Json => found.to_json(),
        GroupFormat::Toml => found.to_toml(&resources.lexicon),
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(EXIT_OK)
}

fn names_learn(args: LearnArgs) -> Result<i32> {
    use emend::names::learn::{Outcome, learn};
    let decisions = emend::decisions::Decisions::load(&args.decisions)?;
    let text = match std::fs::read_to_string(&args.lexicon) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(emend::Error::io(&args.lexicon, e).into()),
    };
    let builtin = emend::names::Resources::for_options(&Options::default())?;
    let name = args.lexicon.display().to_string();
    let (new_text, outcomes) = learn(&decisions, &text, &name, &builtin.lexicon)?;
    // Check the result loads before writing it.
    let mut check = builtin.lexicon.clone();
    check
        .load(&name, &new_text)
        .with_context(|| format!("{name}: the learnt lexicon would not load; nothing written"))?;
    let mut added = 0;
    for o in &outcomes {
        match o {
            Outcome::Added {
                before,
                entity,
                created,
            } => {
                added += 1;
                let how = if *created { " (new entry)" } else { "" };
                eprintln!("emend: learnt {before:?} as a variant of {entity}{how}");
            }
            Outcome::Skipped { before, reason } => {
                eprintln!("emend: skipped {before:?}: {reason}");
            }
        }
    }
    if added > 0 || text.is_empty() {
        write_atomic(&args.lexicon, new_text.as_bytes())?;
    }
    eprintln!("emend: {added} variant(s) learnt into {name}");
    Ok(EXIT_OK)
}

/// `emend packs learn`: reads both sides, learns, writes the pack (checked
/// to load first) and says on standard error how many phrases it holds.
fn packs_learn(args: PackLearnArgs) -> Result<i32> {
    use emend::packs::learn::{Corpus, LearnOptions, learn};
    let mut corpus = Corpus::default();
    let mut failed = 0;
    for (human, versions) in [(false, &args.machine), (true, &args.human)] {
        for (v, root) in versions.iter().enumerate() {
            let version = u32::try_from(v).unwrap_or(u32::MAX);
            for job in plan(std::slice::from_ref(root), Path::new(""))? {
                let name = job.input.display().to_string();
                let text = std::fs::read(&job.input)
                    .map_err(|e| e.to_string())
                    .and_then(|b| {
                        emend::source::Source::decode_owned(&name, b, None)
                            .map_err(|e| e.to_string())
                    });
                let text = match text {
                    Ok(s) => s.text,
                    Err(e) => {
                        eprintln!("emend: {name}: {e}");
                        failed += 1;
                        continue;
                    }
                };
                let doc = job.stem.display().to_string();
                match human {
                    false => corpus.add_machine(version, &doc, &text),
                    true => corpus.add_human(version, &doc, &text),
                }
            }
        }
    }
    let opt = LearnOptions {
        max_n: usize::from(args.max_words),
        min_count: args.min_count,
        min_versions: args.min_versions,
        min_docs: args.min_docs,
        min_ratio: args.min_ratio,
        ..LearnOptions::default()
    };
    let learned = learn(&corpus, &opt);
    let name = args.name.clone().unwrap_or_else(|| {
        args.out.file_stem().map_or_else(
            || "learned".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    });
    let command = format!(
        "emend packs learn --min-count {} --min-versions {} --min-docs {} --min-ratio {} --max-words {}",
        args.min_count, args.min_versions, args.min_docs, args.min_ratio, args.max_words
    );
    let text = learned.to_toml(&name, &opt, &command);
    let builtin = emend::names::Resources::for_options(&Options::default())?;
    let mut check = builtin.lexicon.clone();
    check
        .load(&args.out.display().to_string(), &text)
        .context("the learned pack would not load beside the built-in packs; nothing written")?;
    write_json(&args.out, &text)?;
    let phrases = learned
        .entries
        .iter()
        .filter(|e| e.counterpart.is_some())
        .count();
    eprintln!(
        "emend: {} MT-ism(s) learned, {phrases} with a human counterpart written as phrases",
        learned.entries.len()
    );
    Ok(if failed == 0 { EXIT_OK } else { EXIT_FAILED })
}

/// `emend check`: one line `FILE:LINE:COL: problem` per problem on standard
/// output; exit 1 if any file has one.
fn check(args: CheckArgs) -> Result<i32> {
    let mut stdout = std::io::stdout().lock();
    let mut bad = 0;
    for path in &args.files {
        let name = path.display().to_string();
        let problems = match std::fs::read(path) {
            Ok(bytes) => emend::check::check_bytes(&bytes, &name),
            Err(e) => {
                writeln!(stdout, "{name}: cannot read: {e}")?;
                bad += 1;
                continue;
            }
        };
        for p in &problems {
            writeln!(stdout, "{p}")?;
        }
        bad += usize::from(!problems.is_empty());
    }
    stdout.flush()?;
    if bad > 0 {
        eprintln!("emend: {bad} of {} file(s) have problems", args.files.len());
    }
    Ok(if bad > 0 { EXIT_FAILED } else { EXIT_OK })
}
