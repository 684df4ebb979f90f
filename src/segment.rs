//! Paragraphs and sentences.
//!
//! Paragraphs are lines: every line break (`\n`, `\r\n`, `\r`, U+2028,
//! U+2029, U+0085) ends one, and blank lines are not paragraphs. Sentences
//! end at a run of terminators (`.`, `?`, `!`, `…`) followed by closing
//! marks or brackets, white space, and something that can start a sentence;
//! a period after an abbreviation or an initial does not end one. A line
//! without terminal punctuation (a headline, a caption) is one sentence.

use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::satisfy;
use nom::combinator::{opt, peek, recognize};
use nom::multi::many_m_n;
use nom::{IResult, Parser};
use serde::{Deserialize, Serialize};

use crate::lexicon::{AbbrevClass, Lexicon};
use crate::span::Span;

/// A paragraph: one non-blank line of the text, without its line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Byte range of the line, line break excluded, surrounding space trimmed.
    pub span: Span,
}

/// A sentence, inside one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte range of the sentence, surrounding space trimmed.
    pub span: Span,
    /// Index of its paragraph in [`crate::Document::paragraphs`].
    pub paragraph: usize,
}

/// Characters that may close a sentence after its terminator: closing
/// quotation marks and brackets.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』' | ')' | ']' | '}' | '“' | '‘'
    )
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || crate::scan::is_invisible(c)
}

/// A character that can begin a sentence: anything but a lower-case letter
/// or clause punctuation.
fn can_start(c: char) -> bool {
    !(c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '-' | '–' | '—'))
}

/// The grammar of a sentence end, read from the first terminator:
/// `terminator+ closer{0,8} space+ &starter`. Returns the text after the
/// closers (where the sentence ends) and whether a sentence can end there.
fn sentence_end(input: &str) -> IResult<&str, (usize, usize)> {
    // the usual end, one ASCII terminator, one space and a printable ASCII
    // character that can start a sentence (`. T`), needs no parser
    if let [b'.' | b'?' | b'!', b' ', c, ..] = *input.as_bytes() {
        if c.is_ascii_graphic() && can_start(char::from(c)) {
            return Ok((&input[2..], (1, 1)));
        }
    }
    let (rest, run) = take_while1(is_terminator).parse(input)?;
    let run_len = run.len();
    let (rest, closers) = recognize(many_m_n(0, 8, satisfy(is_closer))).parse(rest)?;
    let end = run_len + closers.len();
    let (rest, _) = take_while1(is_space).parse(rest)?;
    let (rest, _) = peek(satisfy(can_start)).parse(rest)?;
    Ok((rest, (run_len, end)))
}

/// The bytes [`word_before`] reads: ASCII letters and the period.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphabetic() || b == b'.' as usize;
        b += 1;
    }
    t
};

/// The word before a period, as far back as a space: `Mr`, `U.S`, `e.g`.
fn word_before(text: &str, dot: usize) -> &str {
    let floor = dot.saturating_sub(16);
    // one table look-up per byte, over a slice the loop cannot overrun
    let len = text.as_bytes()[floor..dot]
        .iter()
        .rev()
        .take_while(|&&b| WORD_BYTE[usize::from(b)])
        .count();
    let i = dot - len;
    if i > floor || i == 0 {
        &text[i..dot]
    } else {
        ""
    }
}

/// The first word after byte `at`: letters only.
fn word_after(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let skip: IResult<&str, &str> = take_while(is_space).parse(rest);
    let rest = skip.map(|(r, _)| r).unwrap_or(rest);
    let word: IResult<&str, Option<&str>> =
        opt(take_while1(|c: char| c.is_alphabetic())).parse(rest);
    word.ok().and_then(|(_, w)| w).unwrap_or("")
}

/// Where a sentence ending with the terminator at `at` ends, if it does:
/// returns `(run_end, sentence_end)`, the end of the terminator run (to skip
/// the rest of the run) and the end of the sentence including closers.
pub(crate) fn boundary_at(
    text: &str,
    at: usize,
    limit: usize,
    lexicon: &Lexicon,
) -> Result<(usize, usize), usize> {
    let window = &text[at..limit];
    let run_end = |w: &str| at + w.find(|c: char| !is_terminator(c)).unwrap_or(w.len());
    let Ok((_, (run, end))) = sentence_end(window) else {
        return Err(run_end(window));
    };
    let run_end = at + run;
    if run == 1 && text.as_bytes()[at] == b'.' {
        let word = word_before(text, at);
        if is_initial(word) {
            return Err(run_end);
        }
        // dotted initials the list does not know (`J.J.`) read like `U.S.`
        let class = lexicon
            .abbreviation(word)
            .or_else(|| is_dotted_initials(word).then_some(AbbrevClass::Other));
        match class {
            Some(AbbrevClass::Title) => return Err(run_end),
            Some(AbbrevClass::Other)
                if !lexicon.is_sentence_starter(word_after(text, at + end)) =>
            {
                return Err(run_end);
            }
            Some(AbbrevClass::Other) => {}
            None => {}
        }
    }
    Ok((run_end, at + end))
}

/// A single capital letter: an initial (`J.` in `J. K. Rowling`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Capital letters joined by periods: `J.J`, `A.B.C`.
fn is_dotted_initials(word: &str) -> bool {
    // the words [`word_before`] reads are ASCII letters and periods, so a
    // dotted initial has its first period second: most words fail here
    // before any search for a period
    word.as_bytes().get(1) == Some(&b'.') && word.split('.').all(is_initial)
}

#[cfg(test)]
mod tests {
    /// The sentences the parser finds in `text`.
    fn count_ends(text: &str) -> usize {
        crate::parse(text).sentences().len()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(count_ends("Mr. Hill met Dr. Jones. They talked."), 2);
        assert_eq!(count_ends("George W. Bush spoke. J. K. Rowling wrote."), 2);
        assert_eq!(count_ends("It rose 3.5% to $1.2bn. Then v2.0 shipped."), 2);
        assert_eq!(count_ends("He lives at No. 10 Downing St. today."), 1);
    }

    #[test]
    fn other_abbreviations_end_sentences_only_before_a_starter() {
        assert_eq!(count_ends("They met in the U.S. The talks went well."), 2);
        assert_eq!(count_ends("The U.S. Senate voted."), 1);
        assert_eq!(count_ends("At 9 a.m. he left."), 1);
        assert_eq!(count_ends("Ask J.J. MacNab. He knows."), 2);
        assert_eq!(count_ends("Ask J.J. He knows."), 2);
    }

    #[test]
    fn closers_and_runs() {
        assert_eq!(count_ends("\"Go home!\" he said. \"Now?!\" She left..."), 3);
        assert_eq!(count_ends("Wait... What? Yes."), 3);
        assert_eq!(count_ends("He said \"no.\" Then he left."), 2);
    }
}
