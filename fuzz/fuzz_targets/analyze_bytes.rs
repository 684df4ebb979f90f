//! Arbitrary bytes → `Analyzer::analyze_bytes`: valid UTF-8 gives the same
//! analysis as `analyze`, invalid UTF-8 gives `Error::InvalidUtf8` at the
//! offset the standard library reports; the lossy reading analyses cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::{Analyzer, Error};

#[path = "common.rs"]
mod common;

use common::invariants;

fuzz_target!(|data: &[u8]| {
    let analyzer = Analyzer::english();
    let depth = whosaid::AnalyzerBuilder::DEFAULT_MAX_DEPTH;
    match (std::str::from_utf8(data), analyzer.analyze_bytes(data)) {
        (Ok(s), Ok(a)) => {
            invariants::check_analysis(s, &a, depth);
            invariants::check_char_offsets(s);
            assert_eq!(
                a.to_record("x", false),
                analyzer.analyze(s).to_record("x", false)
            );
        }
        (Err(e), Err(Error::InvalidUtf8 { offset, len })) => {
            assert_eq!(offset, e.valid_up_to());
            assert_eq!(len, e.error_len());
            let lossy = whosaid::decode_lossy(data);
            let a = whosaid::analyze(&lossy);
            invariants::check_analysis(&lossy, &a, depth);
            invariants::check_char_offsets(&lossy);
        }
        (Ok(_), Err(e)) => panic!("valid UTF-8 rejected: {e}"),
        (Err(_), Ok(_)) => panic!("invalid UTF-8 accepted"),
        (Err(_), Err(e)) => panic!("wrong error for invalid UTF-8: {e}"),
    }
});
