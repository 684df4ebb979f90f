//! Words and punctuation of a parsed article, with quotation, sentence and
//! paragraph markers, in one forward pass.
//!
//! Attribution reads this stream rather than raw text: a top-level
//! quotation is bracketed by [`Tok::Open`] and [`Tok::Close`], with its own
//! words in between flagged [`Token::inside`], so that frames around a
//! quotation see the narrator's words and names inside quotations still
//! count for the article's entities.

use nom::bytes::complete::take_while1;
use nom::character::complete::{anychar, satisfy};
use nom::combinator::{recognize, verify};
use nom::multi::many0;
use nom::sequence::pair;
use nom::{IResult, Parser};

use crate::document::Document;
use crate::lexicon::{Lexicon, WordInfo};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A word: letters and digits, with inner `'`, `’`, `-`, `.`, `&`.
    Word,
    /// One punctuation character.
    Punct(char),
    /// The opening of top-level quotation `n`.
    Open(u32),
    /// The closing of top-level quotation `n`.
    Close(u32),
    /// A sentence begins here.
    Sentence,
    /// A paragraph begins here.
    Paragraph,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub tok: Tok,
    /// Inside a quotation.
    pub inside: bool,
    /// A word that begins with an upper-case letter.
    pub capital: bool,
    /// A word with two or more letters, all upper-case (`GETTY`, `NATO`).
    pub caps: bool,
    /// What the lexicon says about the word (possessive `'s` removed).
    pub info: WordInfo,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.tok == Tok::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.tok == Tok::Punct(c)
    }
}

/// A word joiner: kept inside a word when a letter or digit follows.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// `word = alnum+ (joiner alnum+)*`
fn word(i: &str) -> IResult<&str, &str> {
    recognize(pair(
        take_while1(char::is_alphanumeric),
        many0(pair(satisfy(is_joiner), take_while1(char::is_alphanumeric))),
    ))
    .parse(i)
}

/// One character that is not white space.
fn punct(i: &str) -> IResult<&str, char> {
    verify(anychar, |c: &char| !c.is_whitespace()).parse(i)
}

/// Tokenise the whole document.
pub(crate) fn tokenize(doc: &Document<'_>, lexicon: &Lexicon) -> Vec<Token> {
    let text = doc.text;
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5 + 8);
    let quotes = doc.quotes();
    let top: Vec<(u32, Span, Span)> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.depth() == 0)
        .map(|(n, q)| (n as u32, q.span(), q.content_span()))
        .collect();
    let mut next_quote = 0usize;
    let mut open: Option<(u32, Span, Span)> = None;
    let mut sentences = doc.sentences().iter().map(|s| s.span.start).peekable();
    for para in doc.paragraphs() {
        let mut i = para.span.start;
        if open.is_none() {
            out.push(marker(Tok::Paragraph, i));
        }
        while i < para.span.end {
            while sentences.peek().is_some_and(|&s| s <= i) {
                if let Some(s) = sentences.next() {
                    if open.is_none() && s >= para.span.start {
                        out.push(marker(Tok::Sentence, s));
                    }
                }
            }
            // a top-level quotation closes here
            if let Some((n, span, content)) = open {
                if i >= content.end {
                    out.push(Token {
                        span: Span::new(content.end, span.end),
                        tok: Tok::Close(n),
                        inside: false,
                        capital: false,
                        caps: false,
                        info: WordInfo::default(),
                    });
                    open = None;
                    i = span.end.max(i);
                    continue;
                }
            }
            // a top-level quotation opens here
            if open.is_none() {
                if let Some(&(n, span, content)) = top.get(next_quote) {
                    if i >= span.start {
                        next_quote += 1;
                        out.push(Token {
                            span: Span::new(span.start, content.start),
                            tok: Tok::Open(n),
                            inside: false,
                            capital: false,
                            caps: false,
                            info: WordInfo::default(),
                        });
                        open = Some((n, span, content));
                        i = content.start;
                        continue;
                    }
                }
            }
            let limit = match open {
                Some((_, _, content)) => content.end.min(para.span.end),
                None => top
                    .get(next_quote)
                    .map_or(para.span.end, |q| q.1.start.min(para.span.end)),
            };
            let rest = &text[i..limit.max(i)];
            let Some(c) = rest.chars().next() else {
                i = limit.max(i + 1).min(para.span.end.max(i + 1));
                continue;
            };
            if c.is_whitespace() || crate::scan::is_invisible(c) {
                i += c.len_utf8();
                continue;
            }
            let inside = open.is_some();
            if let Ok((after, w)) = word(rest) {
                let first = w.chars().next().unwrap_or(' ');
                let capital = first.is_uppercase();
                let caps = capital
                    && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase);
                out.push(Token {
                    span: Span::new(i, i + w.len()),
                    tok: Tok::Word,
                    inside,
                    capital,
                    caps,
                    info: lexicon.info(crate::frame::strip_possessive(w)),
                });
                i += rest.len() - after.len();
            } else if let Ok((after, p)) = punct(rest) {
                out.push(Token {
                    span: Span::new(i, i + p.len_utf8()),
                    tok: Tok::Punct(p),
                    inside,
                    capital: false,
                    caps: false,
                    info: WordInfo::default(),
                });
                i += rest.len() - after.len();
            } else {
                i += c.len_utf8();
            }
        }
    }
    if let Some((n, span, content)) = open {
        out.push(Token {
            span: Span::new(content.end, span.end),
            tok: Tok::Close(n),
            inside: false,
            capital: false,
            caps: false,
            info: WordInfo::default(),
        });
    }
    out
}

fn marker(tok: Tok, at: usize) -> Token {
    Token {
        span: Span::new(at, at),
        tok,
        inside: false,
        capital: false,
        caps: false,
        info: WordInfo::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let doc = crate::parse(text);
        tokenize(&doc, Lexicon::english())
            .iter()
            .map(|t| match t.tok {
                Tok::Word => text[t.span].to_string(),
                Tok::Punct(c) => c.to_string(),
                Tok::Open(_) => "<".into(),
                Tok::Close(_) => ">".into(),
                Tok::Sentence => "|".into(),
                Tok::Paragraph => "¶".into(),
            })
            .collect()
    }

    #[test]
    fn words_quotes_and_markers() {
        assert_eq!(
            words("Mr. O'Neil said: \"U.S. rock 'n' roll.\" Then he left."),
            [
                "¶", "|", "Mr", ".", "O'Neil", "said", ":", "<", "U.S", ".", "rock", "'", "n", "'",
                "roll", ".", ">", "|", "Then", "he", "left", "."
            ]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_pair() {
        let w = words("She said: \"One.\n\"Two.\"\nEnd.");
        assert_eq!(w.iter().filter(|w| *w == "<").count(), 1);
        assert_eq!(w.iter().filter(|w| *w == ">").count(), 1);
        assert_eq!(w.iter().filter(|w| *w == "¶").count(), 2);
    }
}
