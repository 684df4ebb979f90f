//! Arbitrary bytes → `jsonl::process_line`: never panics; a
//! `{"text": string}` object gives the analysis of the text, anything else
//! an error record carrying the line number; `jsonl::write_line` writes the
//! same bytes as `to_json`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use whosaid::jsonl::{self, LineOutput};
use whosaid::Analyzer;

/// What the line should give: `(id, text)` for a good line.
fn expected(line: &[u8]) -> Option<(Value, String)> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut v: Value = serde_json::from_str(std::str::from_utf8(line).ok()?).ok()?;
    let obj = v.as_object_mut()?;
    let id = obj.remove("id").unwrap_or(Value::Null);
    match obj.remove("text")? {
        Value::String(t) => Some((id, t)),
        _ => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let analyzer = Analyzer::english();
    let line_no = data.len() + 1;
    let out = jsonl::process_line(analyzer, line_no, data);
    let json: Value = serde_json::from_str(&out.to_json()).expect("to_json gives JSON");
    // The streaming writer gives the very same bytes.
    let mut written = Vec::new();
    let error = jsonl::write_line(analyzer, line_no, data, &mut written);
    assert_eq!(String::from_utf8_lossy(&written), out.to_json());
    assert_eq!(error.is_some(), out.is_error());
    match (expected(data), out) {
        (Some((id, text)), LineOutput::Quotes { id: got, quotes }) => {
            assert_eq!(got, id);
            assert_eq!(quotes, analyzer.analyze(&text).to_record("", false).quotes);
        }
        (None, LineOutput::Error { line, .. }) => {
            assert_eq!(line, line_no);
            assert_eq!(json["line"], Value::from(line_no));
        }
        (want, got) => panic!("expected {want:?}, got {got:?}"),
    }
});
