//! Runs `examples/attribute.rs` as a user would, through `cargo run`
//! (Cargo gives integration tests no path to example binaries), and checks
//! its report, its `--json` document, its `--jsonl` stream and its errors.
//!
//! Each `cargo run` costs a build check, so each test runs the example once
//! or twice and groups its assertions.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed expectation is a failed test

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SAMPLE: &str = include_str!("../examples/sample_article.txt");

/// Run the example with `args`, feeding `stdin`.
fn attribute(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "attribute", "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cargo run");
    let mut pipe = child.stdin.take().expect("child stdin");
    let input = stdin.to_vec();
    // Write from another thread so that a large output cannot deadlock us.
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let out = child.wait_with_output().expect("wait for cargo run");
    writer
        .join()
        .expect("stdin writer thread")
        .expect("write stdin");
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Output, error output and status, for assertion messages.
fn show(out: &Output) -> String {
    format!(
        "status: {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    )
}

/// Parse each line of `stdout` as JSON.
fn json_lines(out: &Output) -> Vec<Value> {
    text(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("output line {l:?} is not JSON: {e}"))
        })
        .collect()
}

#[test]
fn report_on_the_sample_lists_every_quotation() {
    let out = attribute(&[], b"");
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));

    let expected = whosaid::analyze(SAMPLE).attributions().len();
    assert!(expected > 0);
    assert!(report.starts_with("whosaid: sample article"), "{report}");
    let header = format!(
        "{} bytes, {} paragraphs,",
        SAMPLE.len(),
        whosaid::parse(SAMPLE).paragraphs().len()
    );
    assert!(
        report.contains(&header),
        "header {header:?} missing:\n{report}"
    );
    assert!(
        report.contains(&format!("{expected} quotations")),
        "{report}"
    );
    assert!(report.contains("diagnostic"), "{report}");

    // Quotations are numbered `  N. kind “…”`, one line each.
    let numbered: Vec<usize> = report
        .lines()
        .filter_map(|l| {
            let (n, rest) = l.trim_start().split_once(". ")?;
            let kind = rest.split_whitespace().next()?;
            let known = ["direct", "partial", "nested", "scare"].contains(&kind);
            known.then(|| n.parse().ok()).flatten()
        })
        .collect();
    assert_eq!(numbered, (1..=expected).collect::<Vec<_>>(), "{report}");
    for section in ["Quotations", "Entities", "speaker", "rule"] {
        assert!(report.contains(section), "no {section:?} in\n{report}");
    }
}

#[test]
fn jsonl_answers_every_line_in_order_and_fails_with_1() {
    let input: &[&[u8]] = &[
        br#"{"id": "good", "text": "Ann Lee said: \"We will win.\""}"#,
        br#"{"id": "broken", "text": "#,
        br#"{"id": "number", "text": 42}"#,
        b"{\"id\": \"bytes\", \"text\": \"caf\xe9 \xff\"}",
        // The last line has no newline.
        br#"{"id": "last", "text": "Bob said: \"Fine.\""}"#,
    ];
    let out = attribute(&["--jsonl"], &input.join(&b'\n'));
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 5, "{}", show(&out));

    assert_eq!(lines[0]["id"], "good");
    assert_eq!(lines[0]["quotes"][0]["text"], "We will win.");
    assert_eq!(lines[0]["quotes"][0]["speaker"], "Ann Lee");
    // Unreadable lines keep their position; the id is echoed when it could be read.
    for (i, line) in lines.iter().enumerate().skip(1).take(3) {
        assert_eq!(line["line"], i + 1, "line {}: {line}", i + 1);
        assert!(line["error"].is_string(), "line {}: {line}", i + 1);
        assert!(line.get("quotes").is_none(), "line {}: {line}", i + 1);
    }
    assert_eq!(lines[2]["id"], "number");
    assert!(
        lines[3]["error"].as_str().unwrap().contains("UTF-8"),
        "{}",
        lines[3]
    );
    assert_eq!(lines[4]["id"], "last");
    assert_eq!(lines[4]["quotes"][0]["text"], "Fine.");

    let stderr = text(&out.stderr);
    assert!(stderr.contains("3 of 5 lines"), "{stderr}");
    for n in [2, 3, 4] {
        assert!(stderr.contains(&format!("line {n}:")), "{stderr}");
    }
}

#[test]
fn jsonl_threads_change_nothing_in_the_output() {
    // More than one batch (256 KiB) of lines, with bad lines among them and
    // at both ends, and a last line without a newline.
    let mut input = Vec::new();
    let bad: [&[u8]; 5] = [
        b"{\"id\": \"broken\", \"text\": ",
        b"",
        b"{\"id\": \"number\", \"text\": 42}",
        b"{\"id\": \"bytes\", \"text\": \"caf\xe9\"}",
        b"[\"not an object\"]",
    ];
    let lines = 120;
    for i in 0..lines {
        if i % 9 == 0 {
            input.extend_from_slice(bad[(i / 9) % bad.len()]);
        } else {
            let line = serde_json::json!({ "id": i, "text": SAMPLE });
            input.extend_from_slice(line.to_string().as_bytes());
        }
        if i + 1 < lines {
            input.push(b'\n');
        }
    }
    assert!(input.len() > 1 << 18, "{} bytes", input.len());

    let one = attribute(&["--jsonl", "--threads", "1"], &input);
    let two = attribute(&["--jsonl", "--threads=2"], &input);
    assert_eq!(one.status.code(), Some(1), "{}", show(&one));
    assert_eq!(two.status.code(), Some(1), "{}", show(&two));
    assert!(one.stdout == two.stdout, "outputs differ");
    assert_eq!(text(&one.stderr), text(&two.stderr));
    assert!(
        text(&one.stderr).contains(&format!("{} of {lines} lines", lines.div_ceil(9))),
        "{}",
        show(&one)
    );
    let out = json_lines(&two);
    assert_eq!(out.len(), lines, "{}", show(&two));
    for (i, line) in out.iter().enumerate() {
        if i % 9 == 0 {
            assert_eq!(line["line"], i + 1, "{line}");
        } else {
            assert_eq!(line["id"], i, "{line}");
            assert!(!line["quotes"].as_array().unwrap().is_empty(), "{line}");
        }
    }

    for args in [
        &["--jsonl", "--threads", "0"][..],
        &["--jsonl", "--threads"],
        &["--threads", "2"],
    ] {
        let out = attribute(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
        assert!(text(&out.stderr).contains("--threads"), "{}", show(&out));
    }
}

#[test]
fn jsonl_success_uses_char_offsets_and_json_parses() {
    // Multi-byte characters before the quotations make byte and char offsets differ.
    let texts = [
        "Zoë Brontë-Müller said: “The café is closed.” 👍",
        "« Non », a-t-il dit. “We’ll see,” said Ann Lee.",
    ];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({ "id": i, "text": t })))
        .collect();
    let out = attribute(&["--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), texts.len(), "{}", show(&out));
    let mut differ = false;
    for (i, (line, source)) in lines.iter().zip(texts).enumerate() {
        assert_eq!(line["id"], i, "{line}");
        let quotes = line["quotes"].as_array().expect("quotes array");
        assert!(!quotes.is_empty(), "no quotes for {source:?}: {line}");
        for q in quotes {
            let start = q["start"].as_u64().unwrap() as usize;
            let end = q["end"].as_u64().unwrap() as usize;
            let by_chars: String = source.chars().skip(start).take(end - start).collect();
            assert_eq!(by_chars, q["text"].as_str().unwrap(), "{q}");
            differ |= q["byte_start"].as_u64() != Some(start as u64);
        }
    }
    assert!(
        differ,
        "the test inputs should make byte and char offsets differ"
    );

    let out = attribute(&["--json", "tests/fixtures/wire_us_senate.txt"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["id"], "wire_us_senate");
    let fixture = doc["text"].as_str().expect("text included");
    let quotes = doc["quotes"].as_array().expect("quotes array");
    assert!(!quotes.is_empty(), "{doc}");
    let first = &quotes[0];
    let start = first["start"].as_u64().unwrap() as usize;
    let end = first["end"].as_u64().unwrap() as usize;
    let by_chars: String = fixture.chars().skip(start).take(end - start).collect();
    assert_eq!(by_chars, first["text"].as_str().unwrap());
}

#[test]
fn errors_exit_2_with_a_message() {
    let out = attribute(&["--no-such-flag"], b"");
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("--no-such-flag"),
        "{stderr}"
    );

    // Bad UTF-8 on stdin: the offset of the first bad byte is reported.
    let out = attribute(&["-"], b"Ann said: \"caf\xe9\"");
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("byte 14"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "{}", show(&out));
}
