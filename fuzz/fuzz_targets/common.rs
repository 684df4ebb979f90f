//! Shared by the fuzz targets: the invariants of `tests/support/invariants.rs`
//! (every span the crate hands out slices the text, the structures are
//! ordered and nested as documented, the record agrees with the spans, and
//! analysis is deterministic) and the text a target reads from the fuzzer's
//! bytes. Any violation panics, which libFuzzer reports as a crash.
#![allow(dead_code)] // each target uses some of these

#[path = "../../tests/support/invariants.rs"]
pub mod invariants;

/// The longest valid UTF-8 prefix of `data`.
pub fn utf8_prefix(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or(""),
    }
}
