//! Find every quotation in a news article and say who said it.
//!
//! With no arguments the example analyses an embedded sample article and
//! prints a readable report: a header (bytes, paragraphs, sentences,
//! quotations, diagnostics), each quotation with its kind, content, speaker
//! (the mention in the text → the canonical name), cue, addressee, deciding
//! rule and confidence, then any unclosed or stray quotation marks (with
//! `line:column`, lines counted at `\n`, columns in characters), then the
//! people and organisations of the article.
//!
//! ```text
//! cargo run --example attribute                               # the embedded sample
//! cargo run --example attribute -- path/to/article.txt        # a file ("-" for stdin)
//! cargo run --example attribute -- --lossy article.txt        # replace invalid UTF-8
//! cargo run --example attribute -- --json article.txt         # one JSON document
//! cargo run --release --example attribute -- --jsonl < in.jsonl > out.jsonl
//! ```
//!
//! * **Report** (default): the article is read as bytes; invalid UTF-8 is an
//!   error that names the byte offset of the first bad sequence, unless
//!   `--lossy` is given, which replaces bad bytes with U+FFFD (offsets then
//!   refer to the replaced text).
//! * **`--json`**: the analysis as one pretty-printed JSON document in the
//!   shared quote format (`/work/shared/data/FORMAT.md`): `id` (the file
//!   stem, `sample` or `stdin`), `text`, and `quotes` with char offsets
//!   `start`/`end` plus `byte_start`/`byte_end`, `kind`, `rule`,
//!   `confidence`.
//! * **`--jsonl`**: reads lines of `{"id": …, "text": …}` from stdin (or from
//!   a path) and writes one line per input line to stdout, in order:
//!   `{"id": …, "quotes": […]}` or `{"id": …, "error": "…", "line": N}`.
//!   Nothing is dropped: a line that is not JSON, not an object, has no
//!   string `text`, or is not UTF-8 gets an error record, and so does a
//!   **blank line** (it is not skipped, so that output line N always answers
//!   input line N). A last line without a newline is still a line. Lines
//!   are analysed on `--threads N` threads (by default one per CPU), in
//!   batches of whole lines; the output stays in input order whatever N.
//!   Memory is bounded: at most `2 N + 2` batches are in flight, each of up
//!   to 256 KiB of input (or one line, when a line is longer). Progress
//!   (lines, MiB, MiB/s) goes to stderr
//!   every two seconds when stderr is a terminal or `--progress` is given.
//!
//! Exit status: 0 on success; 1 when `--jsonl` met lines that could not be
//! analysed (a summary goes to stderr); 2 on a usage, I/O or UTF-8 error,
//! printed as `error: …`. A closed stdout (`| head`) ends the output quietly.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use whosaid::jsonl;
use whosaid::{
    Analysis, Analyzer, Attribution, Closure, Diagnostic, EntityId, EntityKind, Gender, Span,
};

/// The article analysed when no path is given.
const SAMPLE: &str = include_str!("sample_article.txt");

const USAGE: &str = "\
Find every quotation in a news article and say who said it.

USAGE:
    attribute [--lossy] [--json] [PATH | -]
    attribute --jsonl [--progress] [--threads N] [PATH | -]

With no PATH, the embedded sample article is analysed; `-` reads stdin.

OPTIONS:
    --json        print the analysis as one JSON document (shared quote format,
                  char offsets plus byte offsets) instead of the report
    --jsonl       read lines of {\"id\": …, \"text\": …} (stdin by default) and
                  write one {\"id\": …, \"quotes\": […]} or {\"id\": …, \"error\": …,
                  \"line\": N} per input line; blank lines get an error record
    --progress    with --jsonl: report progress on stderr even when it is not
                  a terminal
    --threads N   with --jsonl: analyse on N threads (default: one per CPU);
                  the output is in input order whatever N
    --lossy       replace invalid UTF-8 with U+FFFD instead of failing
    -h, --help    print this help

EXIT STATUS:
    0 success; 1 some --jsonl lines could not be analysed; 2 error
";

/// What can go wrong in the example itself.
#[derive(Debug, thiserror::Error)]
enum CliError {
    /// Reading the input failed.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path, or `standard input`.
        path: String,
        /// The I/O error.
        source: io::Error,
    },
    /// The input is not UTF-8.
    #[error(
        "{path}: invalid UTF-8 at byte {offset} (line {line}, column {column}){}; \
         --lossy replaces invalid bytes",
        match .len { Some(n) => format!(", {n} bad byte(s)"), None => ", truncated at the end".into() }
    )]
    Utf8 {
        /// The path, or `standard input`.
        path: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// Its length; `None` when the input ends inside a character.
        len: Option<usize>,
        /// 1-based line of the offset.
        line: usize,
        /// 1-based column (in characters) of the offset.
        column: usize,
    },
    /// A flag this example does not know.
    #[error("unknown flag `{0}` (try --help)")]
    UnknownFlag(String),
    /// Flags or arguments that do not go together.
    #[error("{0} (try --help)")]
    Usage(&'static str),
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Write(#[from] io::Error),
    /// The analysis panicked on a `--jsonl` thread (the panic message is
    /// printed above).
    #[error("internal error: the analysis failed on a line from {first} to {last}")]
    Panicked {
        /// The first line of the batch it failed on.
        first: usize,
        /// The last line of that batch.
        last: usize,
    },
}

/// What to do, from the command line.
#[derive(Debug, Default)]
struct Options {
    json: bool,
    jsonl: bool,
    lossy: bool,
    progress: bool,
    help: bool,
    /// `--threads N`; `None`: one per CPU.
    threads: Option<usize>,
    /// `None`: the sample (or stdin for `--jsonl`); `Some("-")`: stdin.
    path: Option<OsString>,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(CliError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, CliError> {
    let opts = parse_args(std::env::args_os().skip(1))?;
    if opts.help {
        io::stdout().lock().write_all(USAGE.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if opts.jsonl {
        return run_jsonl(&opts);
    }

    let (id, label, bytes): (String, String, Cow<'static, [u8]>) = match &opts.path {
        None => (
            "sample".into(),
            "sample article (embedded)".into(),
            Cow::Borrowed(SAMPLE.as_bytes()),
        ),
        Some(p) if p == "-" => {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|source| CliError::Read {
                    path: "standard input".into(),
                    source,
                })?;
            ("stdin".into(), "standard input".into(), Cow::Owned(buf))
        }
        Some(p) => {
            let path = PathBuf::from(p);
            let label = path.display().to_string();
            let buf = std::fs::read(&path).map_err(|source| CliError::Read {
                path: label.clone(),
                source,
            })?;
            let id = path
                .file_stem()
                .map_or_else(|| label.clone(), |s| s.to_string_lossy().into_owned());
            (id, label, Cow::Owned(buf))
        }
    };

    let analyzer = Analyzer::new();
    let lossy_text;
    let (analysis, replaced) = if opts.lossy {
        lossy_text = whosaid::decode_lossy(&bytes);
        let replaced = matches!(lossy_text, Cow::Owned(_));
        (analyzer.analyze(&lossy_text), replaced)
    } else {
        let analysis = analyzer
            .analyze_bytes(&bytes)
            .map_err(|e| utf8_error(&label, &bytes, e))?;
        (analysis, false)
    };

    let mut out = BufWriter::new(io::stdout().lock());
    if opts.json {
        serde_json::to_writer_pretty(&mut out, &analysis.to_record(&id, true))
            .map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        write_report(&mut out, &label, &analysis, replaced)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Options, CliError> {
    let mut opts = Options::default();
    let mut flags_done = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let is_flag = !flags_done && arg != "-" && arg.to_string_lossy().starts_with('-');
        if is_flag {
            match arg.to_string_lossy().as_ref() {
                "--" => flags_done = true,
                "-h" | "--help" => opts.help = true,
                "--json" => opts.json = true,
                "--jsonl" => opts.jsonl = true,
                "--lossy" => opts.lossy = true,
                "--progress" => opts.progress = true,
                "--threads" => opts.threads = Some(thread_count(args.next())?),
                other => match other.strip_prefix("--threads=") {
                    Some(n) => opts.threads = Some(thread_count(Some(n.into()))?),
                    None => return Err(CliError::UnknownFlag(other.to_string())),
                },
            }
        } else if opts.path.is_some() {
            return Err(CliError::Usage("more than one PATH given"));
        } else {
            opts.path = Some(arg);
        }
    }
    if opts.help {
        return Ok(opts);
    }
    if opts.json && opts.jsonl {
        return Err(CliError::Usage("--json and --jsonl are exclusive"));
    }
    if opts.jsonl && opts.lossy {
        return Err(CliError::Usage(
            "--lossy does not apply to --jsonl (a line that is not UTF-8 gets an error record)",
        ));
    }
    if opts.progress && !opts.jsonl {
        return Err(CliError::Usage("--progress only applies to --jsonl"));
    }
    if opts.threads.is_some() && !opts.jsonl {
        return Err(CliError::Usage("--threads only applies to --jsonl"));
    }
    Ok(opts)
}

/// The value of `--threads`: a whole number, at least 1.
fn thread_count(value: Option<OsString>) -> Result<usize, CliError> {
    match value.and_then(|v| v.to_str()?.parse().ok()) {
        Some(n) if n >= 1 => Ok(n),
        _ => Err(CliError::Usage(
            "--threads needs a whole number of at least 1",
        )),
    }
}

/// The error for an article that is not UTF-8, located in lines and columns.
fn utf8_error(label: &str, bytes: &[u8], e: whosaid::Error) -> CliError {
    let (offset, len) = match e {
        whosaid::Error::InvalidUtf8 { offset, len } => (offset, len),
        // `analyze_bytes` documents no other error; keep the message if one appears.
        other => {
            return CliError::Read {
                path: label.to_string(),
                source: io::Error::new(io::ErrorKind::InvalidData, other.to_string()),
            }
        }
    };
    // Everything before `offset` is valid UTF-8, by definition of the offset.
    let valid = std::str::from_utf8(&bytes[..offset.min(bytes.len())]).unwrap_or_default();
    let (line, column) = LineIndex::new(valid).line_column(valid.len());
    CliError::Utf8 {
        path: label.to_string(),
        offset,
        len,
        line,
        column,
    }
}

// ---------------------------------------------------------------------------
// The report

fn write_report(
    out: &mut impl Write,
    label: &str,
    analysis: &Analysis<'_>,
    replaced: bool,
) -> io::Result<()> {
    let doc = analysis.document();
    let text = doc.text();
    let attributions = analysis.attributions();
    let diagnostics = doc.diagnostics().len() + doc.diagnostics_dropped();
    let attributed = attributions
        .iter()
        .filter(|a| a.speaker().is_some())
        .count();

    writeln!(out, "whosaid: {}", one_line(label))?;
    writeln!(
        out,
        "  {}, {}, {}, {} ({attributed} attributed), {}",
        count(text.len(), "byte"),
        count(doc.paragraphs().len(), "paragraph"),
        count(doc.sentences().len(), "sentence"),
        count(attributions.len(), "quotation"),
        count(diagnostics, "diagnostic"),
    )?;
    if replaced {
        writeln!(out, "  (--lossy: invalid UTF-8 was replaced with U+FFFD; offsets refer to the replaced text)")?;
    }

    writeln!(out)?;
    writeln!(out, "Quotations")?;
    if attributions.is_empty() {
        writeln!(out, "  (none)")?;
    }
    let width = attributions.len().to_string().len();
    for (i, a) in attributions.iter().enumerate() {
        write_attribution(out, i + 1, width, a)?;
    }

    if diagnostics > 0 {
        writeln!(out)?;
        writeln!(out, "Diagnostics")?;
        let index = LineIndex::new(text);
        for d in doc.diagnostics() {
            let (at, what) = describe(d);
            let (line, column) = index.line_column(at.start);
            let mark = text.get(at.range()).unwrap_or("");
            writeln!(out, "  {line}:{column}  {what} {}", one_line(mark))?;
            writeln!(out, "      {}", context(text, at))?;
        }
        if doc.diagnostics_dropped() > 0 {
            writeln!(out, "  … and {} more, not kept", doc.diagnostics_dropped())?;
        }
    }

    // Entities: people and organisations, and anyone who speaks.
    let mut quotes_by: HashMap<EntityId, usize> = HashMap::new();
    for id in attributions.iter().filter_map(|a| a.speaker()?.entity()) {
        *quotes_by.entry(id).or_default() += 1;
    }
    let shown: Vec<_> = analysis
        .entities()
        .iter()
        .filter(|e| {
            matches!(e.kind(), EntityKind::Person | EntityKind::Organisation)
                || quotes_by.contains_key(&e.id())
        })
        .collect();
    writeln!(out)?;
    writeln!(out, "Entities")?;
    if shown.is_empty() {
        writeln!(out, "  (none)")?;
    }
    let name_width = shown
        .iter()
        .map(|e| one_line(e.name()).chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for e in shown {
        let mentions = e.mentions().len();
        let quotes = quotes_by.get(&e.id()).copied().unwrap_or(0);
        write!(
            out,
            "  {:<name_width$}  {:<12}  {:<9}  {mentions} mention{}",
            one_line(e.name()),
            entity_kind(e.kind()),
            gender(e.gender()),
            plural(mentions),
        )?;
        if quotes > 0 {
            write!(out, ", {quotes} quotation{}", plural(quotes))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_attribution(
    out: &mut impl Write,
    n: usize,
    width: usize,
    a: &Attribution<'_>,
) -> io::Result<()> {
    let q = a.quote();
    writeln!(out)?;
    writeln!(
        out,
        "  {n:>width$}. {:<8} “{}”",
        q.kind().as_str(),
        shorten(q.content(), 100)
    )?;
    let pad = " ".repeat(width + 4);
    match a.speaker() {
        Some(s) if s.mention().as_str() == s.name() => {
            writeln!(out, "{pad}speaker    {}", one_line(s.name()))?
        }
        Some(s) => writeln!(
            out,
            "{pad}speaker    {} → {}",
            one_line(s.mention().as_str()),
            one_line(s.name())
        )?,
        None => writeln!(out, "{pad}speaker    —")?,
    }
    if let Some(cue) = a.cue() {
        if cue.lemma().to_lowercase() == cue.as_str().to_lowercase() {
            writeln!(out, "{pad}cue        {}", one_line(cue.as_str()))?;
        } else {
            writeln!(
                out,
                "{pad}cue        {} ({})",
                one_line(cue.as_str()),
                one_line(cue.lemma())
            )?;
        }
    }
    if let Some(to) = a.addressee() {
        writeln!(out, "{pad}addressee  {}", one_line(to.as_str()))?;
    }
    writeln!(
        out,
        "{pad}rule       {} ({:.2})",
        a.rule().as_str(),
        a.confidence()
    )?;
    if q.closure() == Closure::Unclosed {
        writeln!(
            out,
            "{pad}closure    unclosed (ended at the end of its paragraph)"
        )?;
    }
    if q.paragraphs() > 1 {
        writeln!(out, "{pad}paragraphs {}", q.paragraphs())?;
    }
    Ok(())
}

/// Where a diagnostic points and what it says.
fn describe(d: &Diagnostic) -> (Span, &'static str) {
    match *d {
        Diagnostic::Unclosed { mark } => (mark, "quotation never closed, opened by"),
        Diagnostic::StrayClosing { mark } => (mark, "closing mark with nothing to close:"),
        Diagnostic::TooDeep { mark } => (mark, "quotation nested too deep, ignored:"),
        Diagnostic::Empty { span } => (span, "empty quotation:"),
        // `Diagnostic` is non-exhaustive.
        _ => (Span::default(), "diagnostic"),
    }
}

/// Up to 30 characters on each side of `at`, on one line.
fn context(text: &str, at: Span) -> String {
    let before: String = text
        .get(..at.start)
        .unwrap_or("")
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .take(30)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text
        .get(at.end..)
        .unwrap_or("")
        .chars()
        .take_while(|&c| c != '\n')
        .take(30)
        .collect();
    let mark = text.get(at.range()).unwrap_or("");
    format!(
        "…{}[{}]{}…",
        one_line(&before),
        one_line(mark),
        one_line(&after)
    )
}

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
        EntityKind::Name => "name",
        EntityKind::Description => "description",
        // `EntityKind` is non-exhaustive.
        _ => "other",
    }
}

fn gender(g: Gender) -> &'static str {
    match g {
        Gender::Masculine => "masculine",
        Gender::Feminine => "feminine",
        Gender::Neuter => "neuter",
        Gender::Unknown => "unknown",
    }
}

/// `n` and `noun`, made plural unless `n` is 1.
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `s` on one line: runs of white space become one space, control
/// characters become U+FFFD (nothing from the article reaches the terminal
/// as an escape sequence).
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .map(|c| if c.is_control() { '\u{FFFD}' } else { c }),
        );
    }
    out
}

/// `s` on one line, cut to about `max` characters (at a word break when
/// one is near) with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    let line = one_line(s);
    match line.char_indices().nth(max) {
        None => line,
        Some((cut, _)) => {
            let head = &line[..cut];
            let head = match head.rfind(' ') {
                Some(space) if head[space..].chars().count() < 20 => &head[..space],
                _ => head,
            };
            format!("{}…", head.trim_end_matches([' ', ',', ';', ':']))
        }
    }
}

/// Line and column of byte offsets: lines end at `\n` (as editors count
/// them); columns are 1-based and count characters.
struct LineIndex<'h> {
    text: &'h str,
    starts: Vec<usize>,
}

impl<'h> LineIndex<'h> {
    fn new(text: &'h str) -> LineIndex<'h> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, column)
    }
}

// ---------------------------------------------------------------------------
// JSON lines

fn run_jsonl(opts: &Options) -> Result<ExitCode, CliError> {
    let (label, input): (String, Box<dyn Read + Send>) = match &opts.path {
        None => ("standard input".into(), Box::new(io::stdin())),
        Some(p) if p == "-" => ("standard input".into(), Box::new(io::stdin())),
        Some(p) => {
            let path = PathBuf::from(p);
            let label = path.display().to_string();
            let file = std::fs::File::open(&path).map_err(|source| CliError::Read {
                path: label.clone(),
                source,
            })?;
            (label, Box::new(file))
        }
    };
    let input = BufReader::with_capacity(Batch::TARGET, input);
    let threads = opts
        .threads
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get));
    let mut sink = Sink {
        out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
        progress: Progress::new(opts.progress || io::stderr().is_terminal()),
        failures: Failures::default(),
        lines: 0,
    };
    let read = if threads <= 1 {
        jsonl_on_one_thread(input, &mut sink)
    } else {
        jsonl_on_threads(input, threads, &mut sink)
    };
    if let Err(ReadFailed { line, source }) = read? {
        // Keep what was written so far, then fail.
        sink.out.flush()?;
        return Err(CliError::Read {
            path: format!("{label}, line {line}"),
            source,
        });
    }
    let Sink {
        mut out,
        mut progress,
        failures,
        lines: line_no,
    } = sink;
    out.flush()?;
    progress.finish(line_no);
    if failures.count == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "{} of {line_no} line{} could not be analysed (error records written in their place):",
        failures.count,
        plural(line_no)
    );
    for (line, why) in &failures.first {
        // The library's message may already start with the line number.
        let prefix = format!("line {line}: ");
        let why = why.strip_prefix(&prefix).unwrap_or(why);
        eprintln!("  line {line}: {}", shorten(why, 120));
    }
    if failures.count > failures.first.len() {
        eprintln!("  … and {} more", failures.count - failures.first.len());
    }
    Ok(ExitCode::from(1))
}

/// The input of `--jsonl`.
type Input = BufReader<Box<dyn Read + Send>>;

/// Reading the input failed at line `line` (1-based); the lines before it
/// were answered.
struct ReadFailed {
    line: usize,
    source: io::Error,
}

/// Read, analyse and write batch after batch on this thread (`--threads 1`).
fn jsonl_on_one_thread(
    mut input: Input,
    sink: &mut Sink<impl Write>,
) -> Result<Result<(), ReadFailed>, CliError> {
    let analyzer = Analyzer::new();
    let mut batch = Batch::default();
    loop {
        batch.first_line = sink.lines + 1;
        let more = batch.fill(&mut input);
        batch.analyse(&analyzer);
        sink.write(&mut batch)?;
        match more {
            Ok(true) => {}
            Ok(false) => return Ok(Ok(())),
            Err(e) => return Ok(Err(e)),
        }
    }
}

/// Read on one thread, analyse on `threads` others, write on this one, in
/// input order.
///
/// Batches circulate: `free` → the reader fills one → `jobs` → a worker
/// analyses it → `done` → this thread writes the batches in order (holding
/// those that arrive early) and hands each back to `free`. Only `slots`
/// batches exist, so memory stays bounded however far a slow batch lets the
/// others run ahead, and a bounded number of early batches wait here.
///
/// When writing fails, this thread returns and drops its channel ends; the
/// others then find their channels closed and stop. They are not joined:
/// the reader may be blocked on input that never comes.
fn jsonl_on_threads(
    input: Input,
    threads: usize,
    sink: &mut Sink<impl Write>,
) -> Result<Result<(), ReadFailed>, CliError> {
    let slots = 2 * threads + 2;
    let (free_tx, free_rx) = mpsc::sync_channel::<Batch>(slots);
    let (jobs_tx, jobs_rx) = mpsc::sync_channel::<Batch>(slots);
    let (done_tx, done_rx) = mpsc::sync_channel::<Batch>(slots);
    for _ in 0..slots {
        // Cannot fail: the channel holds `slots` and its receiver is alive.
        let _ = free_tx.send(Batch::default());
    }

    let analyzer = Arc::new(Analyzer::new());
    let jobs_rx = Arc::new(Mutex::new(jobs_rx));
    for _ in 0..threads {
        let (analyzer, jobs, done) = (Arc::clone(&analyzer), Arc::clone(&jobs_rx), done_tx.clone());
        thread::spawn(move || loop {
            // The lock is held to take a batch, not while analysing it.
            let job = match jobs.lock() {
                Ok(jobs) => jobs.recv(),
                Err(_) => break,
            };
            let Ok(mut batch) = job else { break };
            // A panic (the analysis has none on any input, as far as tests
            // and fuzzing know) must not leave the writer waiting for this
            // batch forever: it travels on, marked.
            let analysed = panic::catch_unwind(AssertUnwindSafe(|| batch.analyse(&analyzer)));
            batch.panicked = analysed.is_err();
            if done.send(batch).is_err() {
                break;
            }
        });
    }
    // The workers hold the only other ends: when they stop, `done` closes.
    drop((done_tx, jobs_rx));

    let reader = thread::spawn(move || -> Result<(), ReadFailed> {
        let mut input = input;
        let (mut seq, mut next_line) = (0, 1);
        while let Ok(mut batch) = free_rx.recv() {
            batch.seq = seq;
            batch.first_line = next_line;
            let more = batch.fill(&mut input);
            if batch.lines > 0 {
                seq += 1;
                next_line += batch.lines;
                if jobs_tx.send(batch).is_err() {
                    return Ok(());
                }
            }
            if !more? {
                return Ok(());
            }
        }
        Ok(())
    });

    let mut early = BTreeMap::new();
    let mut next = 0;
    for batch in done_rx {
        early.insert(batch.seq, batch);
        while let Some(mut batch) = early.remove(&next) {
            if batch.panicked {
                return Err(CliError::Panicked {
                    first: batch.first_line,
                    last: batch.first_line + batch.lines - 1,
                });
            }
            sink.write(&mut batch)?;
            next += 1;
            // The reader may have finished already.
            let _ = free_tx.send(batch);
        }
    }
    // Every worker has stopped, so the reader has finished (or failed).
    Ok(reader.join().unwrap_or_else(|e| panic::resume_unwind(e)))
}

/// Whole input lines read together, analysed on one thread, and their
/// output lines.
#[derive(Default)]
struct Batch {
    /// Its place among the batches: they are written in this order.
    seq: u64,
    /// The 1-based number of its first line.
    first_line: usize,
    /// The lines, each with its `\n` (the last line of the input may have
    /// none).
    input: Vec<u8>,
    /// How many lines `input` holds.
    lines: usize,
    /// One output line per input line, each with its `\n`.
    output: Vec<u8>,
    /// The lines that got an error record.
    failures: Failures,
    /// The analysis panicked on one of the lines.
    panicked: bool,
}

impl Batch {
    /// Bytes of input a batch takes before it is handed on.
    const TARGET: usize = 1 << 18;

    /// Empty the batch and read whole lines into it, up to about
    /// [`Batch::TARGET`] bytes, or fewer when the next line has not arrived
    /// yet (a slow writer of the input gets its answers without waiting for
    /// a full batch). `Ok(false)` at the end of the input; on a read error
    /// the lines read before it stay.
    fn fill(&mut self, input: &mut Input) -> Result<bool, ReadFailed> {
        // A batch that held a huge line gives its memory back.
        for buffer in [&mut self.input, &mut self.output] {
            buffer.clear();
            if buffer.capacity() > 4 * Self::TARGET {
                *buffer = Vec::new();
            }
        }
        self.lines = 0;
        self.failures = Failures::default();
        self.panicked = false;
        while self.input.len() < Self::TARGET {
            if self.lines > 0 && memchr::memchr(b'\n', input.buffer()).is_none() {
                return Ok(true);
            }
            let before = self.input.len();
            match input.read_until(b'\n', &mut self.input) {
                Ok(0) => return Ok(false),
                Ok(_) => self.lines += 1,
                Err(source) => {
                    self.input.truncate(before);
                    return Err(ReadFailed {
                        line: self.first_line + self.lines,
                        source,
                    });
                }
            }
        }
        Ok(true)
    }

    /// Write the output line of every input line.
    fn analyse(&mut self, analyzer: &Analyzer) {
        // `split_inclusive` cuts where `read_until` stopped: after each `\n`.
        for (i, line) in self.input.split_inclusive(|&b| b == b'\n').enumerate() {
            let line_no = self.first_line + i;
            let body = line.strip_suffix(b"\n").unwrap_or(line);
            if let Some(error) = jsonl::write_line(analyzer, line_no, body, &mut self.output) {
                self.failures.note(line_no, error);
            }
            self.output.push(b'\n');
        }
    }
}

/// Where `--jsonl` output goes: the output lines, progress, failures.
struct Sink<W: Write> {
    out: W,
    progress: Progress,
    failures: Failures,
    /// Lines written so far.
    lines: usize,
}

impl<W: Write> Sink<W> {
    /// Write the next batch's output lines.
    fn write(&mut self, batch: &mut Batch) -> io::Result<()> {
        self.out.write_all(&batch.output)?;
        self.lines += batch.lines;
        self.failures.take(&mut batch.failures);
        self.progress.tick(self.lines, batch.input.len());
        Ok(())
    }
}

/// Failed lines: how many, and the first few for the summary.
#[derive(Default)]
struct Failures {
    count: usize,
    first: Vec<(usize, String)>,
}

impl Failures {
    const KEEP: usize = 10;

    /// Line `line` (1-based) got an error record saying `error`.
    fn note(&mut self, line: usize, error: String) {
        self.count += 1;
        if self.first.len() < Self::KEEP {
            self.first.push((line, error));
        }
    }

    /// Add `later`'s failures, which come after these; `later` is left empty.
    fn take(&mut self, later: &mut Failures) {
        self.count += later.count;
        let room = Self::KEEP - self.first.len().min(Self::KEEP);
        self.first.extend(later.first.drain(..).take(room));
        later.count = 0;
    }
}

/// Progress on stderr every two seconds: lines, MiB read, MiB/s.
struct Progress {
    enabled: bool,
    terminal: bool,
    start: Instant,
    last: Instant,
    bytes: u64,
    shown: bool,
}

impl Progress {
    const EVERY: Duration = Duration::from_secs(2);

    fn new(enabled: bool) -> Progress {
        let now = Instant::now();
        Progress {
            enabled,
            terminal: io::stderr().is_terminal(),
            start: now,
            last: now,
            bytes: 0,
            shown: false,
        }
    }

    fn tick(&mut self, lines: usize, bytes: usize) {
        self.bytes += bytes as u64;
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.last) >= Self::EVERY {
            self.last = now;
            self.show(lines, "");
        }
    }

    fn finish(&mut self, lines: usize) {
        if self.enabled {
            self.show(lines, " (done)");
        }
        if self.shown && self.terminal {
            eprintln!();
        }
    }

    fn show(&mut self, lines: usize, suffix: &str) {
        let mib = self.bytes as f64 / (1024.0 * 1024.0);
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let msg = format!(
            "{lines} lines, {mib:.1} MiB, {:.1} MiB/s{suffix}",
            mib / secs
        );
        // Progress is best effort: a failure to write it is not an error.
        let mut err = io::stderr().lock();
        let _ = if self.terminal {
            write!(err, "\r\x1b[2K{msg}")
        } else {
            writeln!(err, "{msg}")
        };
        let _ = err.flush();
        self.shown = true;
    }
}
