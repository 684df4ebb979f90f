//! Arbitrary text → `parse` and `analyze`; every span invariant checked.
//! The input is the longest valid UTF-8 prefix of the fuzzer's bytes, so
//! plain-text corpus files are used as they are.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

use common::invariants;

fuzz_target!(|data: &[u8]| {
    // parse, analyse twice, check everything and that both runs agree
    invariants::check_default(common::utf8_prefix(data));
});
