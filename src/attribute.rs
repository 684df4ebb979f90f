//! Attribution: for each quotation, the frame around it, the speaker
//! resolved to an entity, the rules for quotations without a frame of their
//! own, and the confidence.
//!
//! One forward pass over the top-level quotations; each reads a bounded
//! window of tokens on either side. Nested quotations are read inside their
//! outer quotation afterwards, and partial quotations whose words appear in
//! an attributed quotation are matched in one automaton pass.

use std::borrow::Cow;

use crate::analysis::{Analysis, Attribution, Cue, Mention, MentionKind, Rule, Speaker};
use crate::document::Document;
use crate::frame::{CueLemma, CueMatch, Np, Reader};
use crate::lexicon::{Lexicon, Number};
use crate::quotes::QuoteKind;
use crate::resolve::{How, Resolver};
use crate::scratch::{filled, kept, Scratch};
use crate::tokens::{tokenize_with, Tok};

/// A frame found for one quotation.
#[derive(Clone, Copy, Debug)]
struct Found<'a> {
    speaker: Np,
    cue: Option<CueMatch<'a>>,
    addressee: Option<Np>,
    rule: Rule,
    /// The cue stands right next to the quotation (`said: "…"`, `"…," he said`).
    strong: bool,
}

impl Found<'_> {
    /// A frame with a speaker and no cue, weakly held (`Fanny shook her
    /// head. "…"`, a fragment in a sentence with no reporting verb).
    fn bare(speaker: Np, rule: Rule) -> Self {
        Found {
            speaker,
            cue: None,
            addressee: None,
            rule,
            strong: false,
        }
    }
}

/// Attribute every quotation of `document`.
pub(crate) fn attribute<'h>(
    document: Document<'h>,
    lexicon: &Lexicon,
    window: usize,
    pronouns: crate::analyzer::Pronouns,
) -> Analysis<'h> {
    let text = document.text;
    let mut scratch = Scratch::take();
    let mut tokens = tokenize_with(&document, lexicon, &mut scratch);
    let mut resolver = Resolver::new(
        text,
        &Reader {
            text,
            tokens: &tokens,
            lexicon,
            inside: false,
        },
        pronouns,
        &mut scratch.resolver,
    );
    resolver.mark_people(&mut tokens);
    let reader = Reader {
        text,
        tokens: &tokens,
        lexicon,
        inside: false,
    };
    let quotes = document.quotes();
    let mut out: Vec<Attribution<'h>> = quotes
        .iter()
        .map(|&quote| Attribution {
            quote,
            speaker: None,
            cue: None,
            addressee: None,
            confidence: 0.0,
            rule: Rule::None,
        })
        .collect();

    // where each top-level quotation's Open and Close tokens are, and how
    // many paragraph markers come before each (the paragraph it is in), as
    // the name pass found them
    let n = quotes.len();
    let mut open_at = filled(std::mem::take(&mut scratch.open_at), n, usize::MAX);
    let mut close_at = filled(std::mem::take(&mut scratch.close_at), n, usize::MAX);
    let mut paragraph_at = filled(std::mem::take(&mut scratch.paragraph_at), n, (0, 0));
    for &(i, tok, paragraphs) in &resolver.quote_marks {
        match tok {
            Tok::Open(n) => {
                open_at[n as usize] = i;
                paragraph_at[n as usize].0 = paragraphs;
            }
            Tok::Close(n) => {
                close_at[n as usize] = i;
                paragraph_at[n as usize].1 = paragraphs;
            }
            _ => {}
        }
    }

    // the last attributed top-level quotation: (index, paragraph marker count at its close)
    let mut previous: Option<(usize, usize)> = None;
    // the last attributed quotation of an earlier paragraph than `previous`
    let mut before_previous: Option<(usize, usize)> = None;
    // the last top-level quotation, which holds the nested ones after it
    let mut outer = None;
    for n in 0..quotes.len() {
        if quotes[n].depth() > 0 {
            nested(&reader, &mut resolver, n, outer, &mut out, window);
            continue;
        }
        outer = Some(n);
        let (o, c) = (open_at[n], close_at[n]);
        if o == usize::MAX || c == usize::MAX {
            continue;
        }
        let para_open = paragraph_at[n].0;
        resolver.at_paragraph(para_open);
        if names_a_work(&reader, o, quotes[n].content()) {
            // a programme, book or article by its title: nobody's words
            let a = &mut out[n];
            a.quote.kind = QuoteKind::Scare;
            a.rule = Rule::Title;
            a.confidence = confidence(Rule::Title);
            continue;
        }
        let found =
            frame_for(&reader, o, c, &quotes[n], window).or_else(|| lead_in(&reader, o, window));
        // (`"…," the agency quoted him as saying`: the words are his)
        let found = found.map(|f| match f.cue.and_then(|cue| reader.quoted_as(cue.last)) {
            Some(quoted) => Found {
                speaker: quoted,
                ..f
            },
            None => f,
        });
        let found = found.or_else(|| {
            (quotes[n].kind() == QuoteKind::Direct)
                .then(|| {
                    narration_before(&reader, o, window, false, answers(&quotes[n]))
                        .or_else(|| beat_after(&reader, o, c, window))
                })
                .flatten()
                .filter(|f| !addresses(quotes[n].content(), &text[f.speaker.head]))
        });
        let mut attributed = false;
        if let Some(p) = previous
            .map(|(p, _)| p)
            .filter(|&p| found.is_none() && split_after(&tokens, close_at[p], o, out[p].rule))
        {
            // the second sentence of a quotation split by its attribution
            let prev = out[p].clone();
            let a = &mut out[n];
            a.speaker = prev.speaker;
            a.cue = prev.cue;
            a.addressee = prev.addressee;
            a.rule = prev.rule;
            a.confidence = prev.confidence * 0.9;
            attributed = true;
        } else if let Some(f) = found {
            let issuer = issuer_of(&reader, &f.speaker, window)
                .or_else(|| introduced_as(&reader, &f.speaker, window))
                .or_else(|| {
                    // a he or she answering a question that called someone
                    // by name is that someone: `"…, Ms. Fetterly-Shaw?" the
                    // prosecutor asked.` ¶ `"It had been cleaned up," she
                    // said.`
                    let (p, para_p) = previous?;
                    let pronoun = f.speaker.kind == MentionKind::Pronoun
                        && f.speaker.number == Number::Singular
                        && f.speaker.gender != crate::lexicon::Gender::Unknown;
                    if !pronoun
                        || para_p + 1 != para_open
                        || marker_before(&tokens, o) != Some(Tok::Paragraph)
                        || !out[p].quote.content().ends_with('?')
                    {
                        return None;
                    }
                    let np = vocative(&reader, open_at[p], close_at[p])?;
                    let asker = out[p].speaker.and_then(|s| s.entity);
                    let called = called_speaker(&mut resolver, text, &np, asker)?;
                    let e = called.entity?.0;
                    (resolver.entities[e].gender == f.speaker.gender).then_some(np)
                });
            settle(&mut resolver, text, &mut out[n], &f, issuer.as_ref());
            attributed = true;
        } else if let Some((p, para_p)) = previous {
            // a quotation with no frame right after an attributed one
            let opens_paragraph = marker_before(&tokens, o) == Some(Tok::Paragraph);
            // the next paragraph, or the one after a line of at most three
            // words between them (`Advertisement`, a photo credit)
            let same_or_next = para_open <= para_p + 1
                || para_open == para_p + 2
                    && close_at[p] < o
                    && tokens[close_at[p] + 1..o]
                        .iter()
                        .filter(|t| t.is_word())
                        .take(4)
                        .count()
                        <= 3;
            // (or a fragment later in the attributed quotation's sentence
            // or in the sentence right after it, in its paragraph: `"…,"
            // Trump said. Instead, "…"`, `calling it a "…" that ran in a
            // "…"`)
            let kind_ok = quotes[n].kind() == QuoteKind::Direct
                || para_open == para_p
                    && close_at[p] < o
                    && o - close_at[p] <= 17
                    && {
                        let between = &tokens[close_at[p] + 1..o];
                        between.iter().filter(|t| t.tok() == Tok::Sentence).count() <= 1
                            // (a person named there has the floor: `That
                            // prompted Rubio to … call Trump "…"`)
                            && !between
                                .iter()
                                .skip_while(|t| t.tok() != Tok::Sentence)
                                .any(|t| t.person())
                    }
                    && !crate::quotes::title_case(quotes[n].content());
            // a question answered in a paragraph of its own is a turn in a
            // conversation: the reply comes from the previous other speaker
            // in a conversation (the two last quotations in consecutive
            // paragraphs, by two people) turns alternate
            // (a quotation over several paragraphs is a statement, not a
            // turn)
            let conversation = before_previous.is_some_and(|(q, para_q): (usize, usize)| {
                // (or with the narration that gave the previous turn its
                // speaker between them: `"…," Colin said.` ¶ `Esme put down
                // her fork.` ¶ `"It's not news."` ¶ `"From whom?"`)
                (para_q + 1 == para_p || para_q + 2 == para_p && out[p].rule == Rule::Narration)
                    && quotes[p].paragraphs() == 1
                    && quotes[q].paragraphs() == 1
                    // (a word someone used is no turn of a conversation)
                    && quotes[q].kind() != QuoteKind::Scare
                    && out[q].speaker.and_then(|s| s.entity).is_some()
                    && out[q].speaker.and_then(|s| s.entity)
                        != out[p].speaker.and_then(|s| s.entity)
            });
            // a turn that calls the previous speaker by name is said to
            // them, not by them (`"You must not ask that of me, Edwin."`)
            let content = quotes[n].content();
            // (or by a form of address for someone of their gender:
            // `"Good morning," said Mrs. Hale.` ¶ `"Good morning, ma'am."`)
            // (the form decides only that this is a reply to the previous
            // speaker, not who among the others replies: `"Sir, …"` calls
            // every man)
            let calls = |k: usize| {
                out[k]
                    .speaker
                    .is_some_and(|s| s.entity.is_some() && addresses(content, s.name))
            };
            // (read last, and only when the rest leaves the reply open: it
            // scans the whole quotation for eight forms, which most turns
            // never need)
            let called_by_form = || {
                out[p].speaker.and_then(|s| s.entity).is_some_and(|e| {
                    addressed_as(content).is_some_and(|g| g == resolver.entities[e.0].gender)
                })
            };
            let reply = opens_paragraph
                && para_open == para_p + 1
                && (out[p].quote.content().ends_with('?')
                    || conversation
                    || calls(p)
                    || called_by_form());
            let source = if reply {
                let asker = out[p].speaker.and_then(|s| s.entity);
                (0..p)
                    .rev()
                    .take(12)
                    .find(|&k| {
                        out[k].quote.depth == 0
                            && out[k]
                                .speaker
                                .is_some_and(|s| s.entity.is_some() && s.entity != asker)
                    })
                    .filter(|&k| !calls(k))
            } else {
                Some(p)
            };
            // the reply to a turn that calls someone by name comes from
            // them (`"All of you, Mr. Thorne?"` ¶ `"Forty of us, …"`)
            let called = (opens_paragraph && para_open == para_p + 1 && kind_ok)
                .then(|| vocative(&reader, open_at[p], close_at[p]))
                .flatten()
                .and_then(|np| {
                    called_speaker(
                        &mut resolver,
                        text,
                        &np,
                        out[p].speaker.and_then(|s| s.entity),
                    )
                });
            if let Some(speaker) = called {
                adjacent(
                    &mut out[n],
                    Some(speaker),
                    confidence(Rule::Adjacent) * 0.75,
                );
                attributed = true;
            } else if let Some(src) = source.filter(|_| {
                same_or_next
                    && kind_ok
                    && (opens_paragraph || para_open == para_p)
                    && out[p].speaker.is_some()
            }) {
                let prev = out[src].clone();
                adjacent(
                    &mut out[n],
                    prev.speaker,
                    (prev.confidence * 0.75).min(confidence(Rule::Adjacent)),
                );
                attributed = true;
            } else if let Some(asker) = out[p].speaker.and_then(|s| s.entity).filter(|_| {
                reply
                        && source.is_none()
                        && kind_ok
                        // (a title opening the paragraph is no reply: `"Blue
                        // Harbor Nights" was written by …`)
                        && !crate::quotes::title_case(content)
            }) {
                // the first reply of a conversation, none of whose turns
                // before had another speaker: the other person last named
                // (`Castellane opened by reading out the pledge.` ¶ `"…?"`
                // ¶ `"Well, Niamh, …"`, the podcast's guest)
                if let Some(e) = resolver
                    .last_other_person(quotes[n].span().start, asker.0)
                    .filter(|&e| !addresses(content, resolver.entities[e].name))
                {
                    // (the mention is the entity's name, where the text
                    // has it: a name is a slice of the text)
                    let name = resolver.entities[e].name;
                    let start = (name.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
                    if let Some(span) = start
                        .checked_add(name.len())
                        .and_then(|end| text.get(start..end))
                        .filter(|s| s.as_ptr() == name.as_ptr())
                        .map(|_| crate::span::Span::new(start, start + name.len()))
                    {
                        let speaker = Speaker {
                            mention: Mention {
                                haystack: text,
                                span,
                                kind: MentionKind::Name,
                            },
                            name,
                            entity: Some(crate::analysis::EntityId(e)),
                        };
                        adjacent(&mut out[n], Some(speaker), confidence(Rule::Adjacent) * 0.5);
                        attributed = true;
                    }
                }
            }
        }
        // `Harriet looked up in plain surprise. ¶ "Indeed, …"`:
        // with no frame and no attributed quotation just before, the
        // narrated sentence that ends the paragraph before
        // (but not the reply to a question the paragraph before asked:
        // its narration is the question's tag, `"…?" Castellane asked.`,
        // and the asker is the one person the reply is not from)
        let answers_question = previous.is_some_and(|(p, para_p)| {
            para_open == para_p + 1 && out[p].quote.content().ends_with('?')
        });
        if !attributed && quotes[n].kind() == QuoteKind::Direct && !answers_question {
            // (a turn that calls the narrated subject by name is said to
            // them: `… where her cousin found it.` ¶ `"Catherine, whose
            // glove is this?"`)
            if let Some(f) = narration_before(&reader, o, window, true, answers(&quotes[n]))
                .filter(|f| !addresses(quotes[n].content(), &text[f.speaker.head]))
            {
                settle(&mut resolver, text, &mut out[n], &f, None);
                attributed = true;
            }
        }
        // the reply to a turn that has no speaker either but calls someone
        // by name comes from them (`"Where were you, Mr. Lomax?"` ¶ `"At
        // home."`): the run of turns gets its first speaker
        if !attributed
            && n > 0
            && quotes[n].kind() == QuoteKind::Direct
            && marker_before(&tokens, o) == Some(Tok::Paragraph)
        {
            let m = n - 1;
            let called = (out[m].speaker.is_none()
                && out[m].quote.depth == 0
                && paragraph_at[m].1 + 1 == para_open)
                .then(|| vocative(&reader, open_at[m], close_at[m]))
                .flatten();
            if let Some(speaker) =
                called.and_then(|np| called_speaker(&mut resolver, text, &np, None))
            {
                adjacent(
                    &mut out[n],
                    Some(speaker),
                    confidence(Rule::Adjacent) * 0.75,
                );
                attributed = true;
            }
        }
        // (a scare quotation someone was found to say is their quotation;
        // a quotation inside another is no turn of the conversation)
        if attributed
            && out[n].quote.depth == 0
            && (quotes[n].kind() != QuoteKind::Scare || out[n].speaker.is_some())
        {
            let here = Some((n, paragraph_at[n].1));
            if previous.map(|(_, pp)| pp) != here.map(|(_, pp)| pp) {
                before_previous = previous;
            }
            previous = here;
        }
    }

    name_the_narrator(
        &reader,
        &mut resolver,
        &mut out,
        &open_at,
        &close_at,
        &paragraph_at,
    );

    crate::echo::attribute_echoes(text, &mut out);

    for a in &mut out {
        if a.quote.kind == QuoteKind::Scare && a.speaker.is_some() {
            a.quote.kind = QuoteKind::Partial;
        }
    }
    let entities = resolver.finish(&mut scratch.resolver);
    scratch.tokens = kept(tokens);
    scratch.open_at = kept(open_at);
    scratch.close_at = kept(close_at);
    scratch.paragraph_at = kept(paragraph_at);
    scratch.put();
    Analysis {
        document,
        attributions: out,
        entities,
    }
}

/// A story's first-person narrator whom the text never names in the
/// narration (no byline, no `My name is`) is the person the replies to the
/// narrator's turns call by name: `"…," said I.` ¶ `"Quite so, Hartley."`.
/// When one name is called so at least three times, and more than twice as
/// often as any other, every turn of the narrator's `I` is theirs.
fn name_the_narrator<'h>(
    reader: &Reader<'_>,
    resolver: &mut Resolver<'h>,
    out: &mut [Attribution<'h>],
    open_at: &[usize],
    close_at: &[usize],
    paragraph_at: &[(usize, usize)],
) {
    if resolver.has_author() {
        return;
    }
    let narrator = |a: &Attribution<'_>| {
        a.quote.depth == 0
            && a.speaker.is_some_and(|s| {
                s.entity.is_none()
                    && s.mention.kind() == MentionKind::Pronoun
                    && s.mention.as_str() == "I"
            })
    };
    // (entity, votes), the few names called
    let mut votes: Vec<(usize, u32)> = Vec::new();
    for n in 1..out.len() {
        if !narrator(&out[n - 1])
            || out[n].quote.depth != 0
            || paragraph_at[n].0 != paragraph_at[n - 1].1 + 1
        {
            continue;
        }
        let Some(np) = vocative(reader, open_at[n], close_at[n]) else {
            continue;
        };
        let (Some(e), _) = resolver.resolve(&np) else {
            continue;
        };
        // (a name called is someone's, known as a person or not)
        if !matches!(
            resolver.entities[e].kind,
            crate::analysis::EntityKind::Person | crate::analysis::EntityKind::Name
        ) {
            continue;
        }
        match votes.iter_mut().find(|(v, _)| *v == e) {
            Some((_, count)) => *count += 1,
            None => votes.push((e, 1)),
        }
    }
    votes.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    let Some(&(e, top)) = votes.first() else {
        return;
    };
    if top < 3 || votes.get(1).is_some_and(|&(_, next)| top <= 2 * next) {
        return;
    }
    let name = resolver.entities[e].name;
    for a in out.iter_mut().filter(|a| narrator(a)) {
        let Some(speaker) = a.speaker.as_mut() else {
            continue;
        };
        speaker.name = name;
        speaker.entity = Some(crate::analysis::EntityId(e));
        resolver.spoke(e, speaker.mention.span.start, speaker.mention);
    }
}

/// Give attribution `a` the speaker, cue, addressee and rule of frame `f`,
/// its speaker resolved (and recorded as having spoken).
///
/// The speaker's words are `f`'s; whom they stand for is `issuer`'s, when
/// given (the issuer of `the statement`, see [`issuer_of`]).
fn settle<'h>(
    resolver: &mut Resolver<'h>,
    text: &'h str,
    a: &mut Attribution<'h>,
    f: &Found<'_>,
    issuer: Option<&Np>,
) {
    let (entity, how) = resolver.resolve(issuer.unwrap_or(&f.speaker));
    // a pronoun does not stand for the person the words call by name:
    // `She rang me and said, 'Saoirse, you're a grown woman'`
    let (entity, how) = match entity {
        Some(e)
            if matches!(how, How::Pronoun | How::Salience)
                && addresses(a.quote.content(), resolver.entities[e].name) =>
        {
            (None, How::Unresolved)
        }
        _ => (entity, how),
    };
    let mention = mention_of(text, &f.speaker);
    let name = entity.map_or(mention.as_str(), |e| resolver.entities[e].name);
    if let Some(e) = entity {
        resolver.spoke(e, f.speaker.span.start, mention);
    }
    a.speaker = Some(Speaker {
        mention,
        name,
        entity: entity.map(crate::analysis::EntityId),
    });
    a.cue = f.cue.map(|c| cue(text, &c));
    a.addressee = f.addressee.map(|np| mention_of(text, &np));
    // a partial quotation's verb at a distance is no reporting frame of
    // its own
    a.rule = if f.rule == Rule::SpeakerCueBefore
        && matches!(a.quote.kind(), QuoteKind::Partial | QuoteKind::Scare)
        && !f.strong
    {
        Rule::PartialSubject
    } else {
        f.rule
    };
    a.confidence = confidence(a.rule) * certainty(how);
}

/// The person a turn calls by name (`np`, a vocative) as the speaker of
/// the reply to it, unless that is `not` (the caller's own speaker).
fn called_speaker<'h>(
    resolver: &mut Resolver<'h>,
    text: &'h str,
    np: &Np,
    not: Option<crate::analysis::EntityId>,
) -> Option<Speaker<'h>> {
    let (entity, _) = resolver.resolve(np);
    let e = entity.filter(|&e| {
        resolver.entities[e].kind == crate::analysis::EntityKind::Person
            && Some(crate::analysis::EntityId(e)) != not
    })?;
    Some(Speaker {
        mention: mention_of(text, np),
        name: resolver.entities[e].name,
        entity: Some(crate::analysis::EntityId(e)),
    })
}

/// Give attribution `a` a speaker found from the turns around it, with no
/// cue of its own (rule [`Rule::Adjacent`]).
fn adjacent<'h>(a: &mut Attribution<'h>, speaker: Option<Speaker<'h>>, confidence: f32) {
    a.speaker = speaker;
    a.cue = None;
    a.rule = Rule::Adjacent;
    a.confidence = confidence;
}

/// The mention of phrase `np` in `text`.
fn mention_of<'h>(text: &'h str, np: &Np) -> Mention<'h> {
    Mention {
        haystack: text,
        span: np.span,
        kind: np.kind,
    }
}

fn cue<'h>(text: &'h str, c: &CueMatch<'_>) -> Cue<'h> {
    Cue {
        haystack: text,
        span: c.span,
        lemma: match c.lemma {
            CueLemma::Verb(l) => {
                Lexicon::english_lemma(l).map_or_else(|| l.to_string().into(), Cow::Borrowed)
            }
            CueLemma::AccordingTo => Cow::Borrowed("according to"),
        },
    }
}

/// Base confidence of each rule.
fn confidence(rule: Rule) -> f32 {
    match rule {
        Rule::SpeakerCueAfter | Rule::CueSpeakerAfter => 0.92,
        Rule::SpeakerCueBefore => 0.9,
        Rule::AccordingTo => 0.85,
        Rule::Dash | Rule::LeadIn | Rule::Colon => 0.75,
        Rule::PartialSubject => 0.7,
        Rule::Echo => 0.65,
        Rule::Adjacent => 0.6,
        Rule::Narration => 0.55,
        Rule::Nested => 0.5,
        Rule::Title => 0.8,
        Rule::None => 0.0,
    }
}

/// How much the resolution of the speaker mention keeps of that.
fn certainty(how: How) -> f32 {
    match how {
        How::Direct => 1.0,
        How::Role => 0.9,
        How::Pronoun => 0.85,
        How::Salience => 0.6,
        How::Unresolved => 0.5,
    }
}

/// The window before token `o`: back to the sentence or paragraph start or
/// the previous quotation, at most `window` tokens.
fn floor_before(r: &Reader<'_>, o: usize, window: usize) -> usize {
    let lowest = o.saturating_sub(window);
    let mut k = o;
    while k > lowest {
        match r.tokens[k - 1].tok() {
            // (words and punctuation first: one test for most tokens)
            Tok::Word | Tok::Punct(_) => k -= 1,
            Tok::Sentence | Tok::Paragraph => return k,
            _ => k -= 1,
        }
    }
    k
}

/// The window after token `c`: up to the paragraph end or the next
/// quotation, at most `window` tokens; one sentence break right after the
/// quotation may be crossed (`"…." Smith said.`).
fn ceil_after(r: &Reader<'_>, c: usize, window: usize) -> (usize, bool) {
    let highest = (c + 1 + window).min(r.tokens.len());
    let mut k = c + 1;
    let mut crossed = false;
    while k < highest {
        match r.tokens[k].tok() {
            // (words and punctuation first: one test for most tokens)
            Tok::Word | Tok::Punct(_) => k += 1,
            Tok::Sentence if k == c + 1 => {
                crossed = true;
                k += 1;
            }
            Tok::Sentence | Tok::Paragraph | Tok::Open(_) => return (k, crossed),
            _ => k += 1,
        }
    }
    (k, crossed)
}

/// The frame of the top-level quotation opened at token `o` and closed at
/// token `c`.
fn frame_for<'a>(
    r: &Reader<'a>,
    o: usize,
    c: usize,
    quote: &crate::quotes::Quote<'_>,
    window: usize,
) -> Option<Found<'a>> {
    let floor = floor_before(r, o, window);
    let partial = matches!(quote.kind(), QuoteKind::Partial | QuoteKind::Scare);
    let left = left_frame(r, o, floor, partial).or_else(|| {
        // `…, Schiff said. "…"`: the sentence before ends in an attribution
        // (when that sentence closes a quotation, its attribution is the
        // quotation's own: `"A," Blunt said of Cruz. "B."` carries on
        // Blunt's frame, see `split_after`)
        (!partial && marker_before(r.tokens, o) == Some(Tok::Sentence))
            .then(|| {
                let end = (o.saturating_sub(4)..o)
                    .rev()
                    .find(|&k| r.tokens[k].tok() == Tok::Sentence)?;
                let start = floor_before(r, end, window);
                if r.tokens[start..end]
                    .iter()
                    .any(|t| matches!(t.tok(), Tok::Close(_)))
                {
                    return None;
                }
                final_clause(r, start, end)
            })
            .flatten()
    });
    let right = right_frame(r, o, c, quote.content(), window, partial).or_else(|| {
        // `Vale "felt …" about the harbour plan, Moss said.`
        let (ceil, _) = ceil_after(r, c, window);
        let ends_sentence = r
            .tokens
            .get(ceil)
            .is_none_or(|t| matches!(t.tok(), Tok::Sentence | Tok::Paragraph));
        // (past later quotations in the same sentence: `… like "X" and
        // "Y", he told reporters.`)
        let end = if ends_sentence {
            ceil
        } else {
            let limit = (c + 1 + window).min(r.tokens.len());
            (ceil..limit)
                .find(|&k| matches!(r.tokens[k].tok(), Tok::Sentence | Tok::Paragraph))
                .unwrap_or(if limit == r.tokens.len() { limit } else { ceil })
        };
        final_clause(r, c + 1, end)
            .or_else(|| (!partial).then(|| signature(r, o, c)).flatten())
            .or_else(|| labelled(r, o, c))
    });
    // the verb before the quotation runs straight into it (`Clinton's
    // reaction to the rule "…" said Jon Doggett`, `Moscow denies — "…?"
    // asked Dunn`): an attribution right after it is the surer one
    let bare = o > floor && !matches!(r.tokens[o - 1].tok(), Tok::Punct(':' | ','));
    match (left, right) {
        (Some(l), Some(rt)) if l.strong && rt.strong && bare => Some(rt),
        (Some(l), _) if l.strong => Some(l),
        (_, Some(rt)) if rt.strong => Some(rt),
        (left, right) => {
            colon_frame(r, o, floor)
                .or(left)
                .or(right)
                .or_else(|| match quote.kind() {
                    QuoteKind::Partial | QuoteKind::Scare
                        if !crate::quotes::title_case(quote.content()) =>
                    {
                        speech_owner(r, o, floor)
                            .or_else(|| sentence_subject(r, o, floor))
                            .or_else(|| line_label(r, o))
                    }
                    // `But Halloran quickly deflected with a joke: "…"`,
                    // `Trump also embraced the techniques -- "…"`
                    _ if o > floor
                        && matches!(r.tokens[o - 1].tok(), Tok::Punct(':' | '—' | '–'))
                        || o > floor + 1
                            && r.tokens[o - 1].is_punct('-')
                            && r.tokens[o - 2].is_punct('-') =>
                    {
                        speech_owner(r, o, floor)
                            .or_else(|| sentence_subject(r, o, floor))
                            .map(|f| Found {
                                rule: Rule::Colon,
                                ..f
                            })
                    }
                    _ => None,
                })
        }
    }
}

/// Whether the quotation opened at token `o` is the title of a work named
/// by the words before it: title case, at most six words, right after a
/// possessive, a preposition or a word that introduces a title (`on NBC's
/// "Meet the Press."`, `told "Fox and Friends,"`, `his 2012 book, "An
/// American Son."`, `an article titled "…"`).
fn names_a_work(r: &Reader<'_>, o: usize, content: &str) -> bool {
    const BEFORE: [&str; 21] = [
        "on",
        "of",
        "in",
        "from",
        "titled",
        "aired",
        "entitled",
        "dubbed",
        "named",
        "told",
        "book",
        "memoir",
        "show",
        "program",
        "programme",
        "series",
        "film",
        "documentary",
        "album",
        "article",
        "column",
    ];
    // the word before first: it turns most quotations away at once
    let mut k = o;
    if k > 0 && r.tokens[k - 1].is_punct(',') {
        k -= 1;
    }
    if k == 0 || !r.tokens[k - 1].is_word() {
        return false;
    }
    let w = r.word(k - 1);
    // (a possessive pronoun before a title that modifies a noun: `her
    // "Midnight Harbor" co-star`, not `called her "Teddy."`)
    let modifier = || {
        matches!(w, "his" | "her" | "their" | "His" | "Her" | "Their")
            && !content.ends_with(['.', '!', '?', ','])
            && (o + 1..r.tokens.len().min(o + 16))
                .find(|&j| matches!(r.tokens[j].tok(), Tok::Close(_)))
                .and_then(|c| r.tokens.get(c + 1))
                .is_some_and(|t| t.is_word() && !t.capital)
    };
    (crate::frame::is_possessive(w)
        || BEFORE.iter().any(|b| b.eq_ignore_ascii_case(w))
        || modifier())
        && content.split_whitespace().nth(6).is_none()
        && crate::quotes::title_case(content)
}

/// The attribution that closes the sentence `floor..end`: `…, NP CUE
/// [a few words].` or `…, CUE NP.`, with no quotation in that last clause.
fn final_clause<'a>(r: &Reader<'a>, floor: usize, end: usize) -> Option<Found<'a>> {
    let mut last = end;
    while last > floor && matches!(r.tokens[last - 1].tok(), Tok::Sentence | Tok::Paragraph) {
        last -= 1;
    }
    if last <= floor {
        return None;
    }
    // (a line with no period ends one too, as a headline's: `Star 'won't
    // give back the ring', pals say`)
    let period = if r.tokens[last - 1].is_punct('.') {
        last - 1
    } else if r.tokens[last - 1].is_word()
        && r.tokens.get(last).is_none_or(|t| t.tok() == Tok::Paragraph)
    {
        last
    } else {
        return None;
    };
    // the clause starts after the last comma (or the sentence start)
    let start = clause_start(r, floor, period, 12)?;
    if let Some(f) = apposed_subject(r, floor, start, period) {
        return Some(f);
    }
    clause_attribution(r, start, period).or_else(|| {
        // `…, said Steve Elmendorf, a Democratic strategist.`: the clause
        // before a last segment with no verb in it
        let comma = start.checked_sub(1).filter(|&k| k > floor)?;
        if !r.tokens[comma].is_punct(',')
            || period - start > 20
            || (start..period).any(|k| another_verb(r, k))
        {
            return None;
        }
        let earlier = clause_start(r, floor, comma, 12)?;
        clause_attribution(r, earlier, comma)
    })
}

/// `…, the lead author, Prof Helena Voss, said.`, `…, Prof Helena Voss of
/// the University of Nottingham, told the BBC.`: a reporting verb opening
/// the last segment `start..period`, with no name after it that could be
/// an inverted speaker (or one it addresses), takes for its subject the
/// person named at the start of the segment before, which holds no
/// reporting verb of its own.
fn apposed_subject<'a>(
    r: &Reader<'a>,
    floor: usize,
    start: usize,
    period: usize,
) -> Option<Found<'a>> {
    let cue = r.cue_after(start, period).filter(|c| c.first == start)?;
    let CueLemma::Verb(_) = cue.lemma else {
        return None;
    };
    if r.word(start).ends_with("ing") || start < floor + 2 {
        return None;
    }
    // nothing after the verb but an addressee and a few words
    let addressee = r.addressee_after(&cue, period);
    let inverted = addressee.is_none() && r.np_starting_at(cue.last + 1, period).is_some();
    if inverted || period - cue.last > 6 || (cue.last + 1..period).any(|k| r.verb_at(k).is_some()) {
        return None;
    }
    let comma = start - 1;
    if !r.tokens[comma].is_punct(',') {
        return None;
    }
    let segment = clause_start(r, floor, comma, 12)?;
    if segment == floor || (segment..comma).any(|k| r.tokens[k].info.verb().is_some()) {
        return None;
    }
    let speaker = r
        .np_starting_at(segment, comma)
        .filter(|np| np.kind == MentionKind::Name && np.person)?;
    Some(Found {
        speaker,
        cue: Some(cue),
        addressee,
        rule: Rule::SpeakerCueAfter,
        strong: false,
    })
}

/// The start of the comma-separated segment that ends at token `stop`:
/// the token after the comma before it, or `floor`; `None` when a
/// quotation mark comes first or the segment is longer than `longest`.
fn clause_start(r: &Reader<'_>, floor: usize, stop: usize, longest: usize) -> Option<usize> {
    let mut start = stop;
    while start > floor && !r.tokens[start - 1].is_punct(',') {
        if matches!(r.tokens[start - 1].tok(), Tok::Open(_) | Tok::Close(_))
            || stop - start > longest
        {
            return None;
        }
        start -= 1;
    }
    Some(start)
}

/// `NP CUE [a few words]` or `CUE NP` filling the clause `start..stop`.
fn clause_attribution<'a>(r: &Reader<'a>, start: usize, stop: usize) -> Option<Found<'a>> {
    let cue = r.cue_after(start, stop)?;
    // a subordinate clause is not an attribution (`…, as the crowd
    // cheered.`), though `as Smith said` is
    let clausal = r.tokens[cue.first]
        .info
        .verb()
        .is_some_and(|id| r.lexicon.is_clausal(id));
    let word = r.word(start);
    if crate::frame::is_subordinator(word) && !(clausal && word.eq_ignore_ascii_case("as")) {
        return None;
    }
    // `…, according to a report by the Consumer Council for Water.`: the
    // source, or the author after `by`
    if cue.lemma == CueLemma::AccordingTo && cue.first == start {
        if stop - cue.last > 12 {
            return None;
        }
        let source = r.np_starting_at(cue.last + 1, stop)?;
        let after = token_after(r, cue.last + 1, source.span.end, stop);
        let author = (after + 1 < stop && r.word(after).eq_ignore_ascii_case("by"))
            .then(|| r.np_starting_at(after + 1, stop))
            .flatten()
            .filter(|np| np.kind != MentionKind::Pronoun);
        return Some(Found {
            speaker: author.unwrap_or(source),
            cue: Some(cue),
            addressee: None,
            rule: Rule::AccordingTo,
            strong: false,
        });
    }
    if (cue.last + 1..stop).any(|k| r.verb_at(k).is_some()) || stop - cue.last > 5 {
        return None;
    }
    let (speaker, rule) = if cue.first == start {
        // `…, repeating a broadside.` names no speaker
        if matches!(cue.lemma, CueLemma::Verb(_)) && r.word(cue.first).ends_with("ing") {
            return None;
        }
        (
            r.np_or_apposed_name(cue.last + 1, stop)?,
            Rule::CueSpeakerAfter,
        )
    } else {
        let np = subject_opening(r, start, cue.first, false)?;
        (np, Rule::SpeakerCueAfter)
    };
    Some(Found {
        speaker,
        cue: Some(cue),
        addressee: None,
        rule,
        strong: false,
    })
}

/// The subject of the verb at `verb` when it opens the clause starting at
/// `start`, give or take a few modifier words (`Trump's senior adviser
/// Jason Miller said`, `Mercer College's Dana Whitlow agreed`).
/// After a quotation (`words_only`) the words before the subject must be
/// words, not punctuation.
fn subject_opening(r: &Reader<'_>, start: usize, verb: usize, words_only: bool) -> Option<Np> {
    let np = r.subject_of(verb, start)?;
    let lead = r.tokens[start..verb]
        .iter()
        .take_while(|t| t.span.start < np.span.start)
        .count();
    // words before the subject that hold a verb of their own make it a
    // predicate (`Conant is a senior aide with the campaign.`), and a
    // preposition right before it an object (`a nod to the favourite`)
    if r.tokens[start..start + lead]
        .iter()
        .any(|t| t.is_word() && t.info.is(crate::lexicon::AUXILIARY))
        || lead > 0 && crate::frame::is_preposition(r.word(start + lead - 1))
    {
        return None;
    }
    // a name in apposition after a description: `the party's nominee,
    // Jo Bell, said`
    let apposed = lead <= 12
        && np.kind == MentionKind::Name
        && start + lead > start + 1
        && r.tokens[start + lead - 1].is_punct(',');
    let words = !words_only
        || r.tokens[start..start + lead]
            .iter()
            .all(|t| t.is_word() || apposed && t.is_punct('.'))
        || apposed
            && r.tokens[start..start + lead - 1]
                .iter()
                .all(|t| t.is_word() || t.is_punct('.'));
    ((lead <= 4 || apposed) && words).then_some(np)
}

/// `Republican pollster Daron Shaw: "…"`: a speaker phrase and a colon
/// right before the quotation, with no verb.
fn colon_frame<'a>(r: &Reader<'a>, o: usize, floor: usize) -> Option<Found<'a>> {
    if o < floor + 2 || !r.tokens[o - 1].is_punct(':') {
        return None;
    }
    let speaker = r.np_ending_at(o - 2, floor)?;
    // the phrase must open its clause
    let first = r.tokens[floor..o]
        .iter()
        .position(|t| t.span.start >= speaker.span.start)?
        + floor;
    // (or follow `from`: `More from pollster Ann Vale: "…"`)
    let opens = first == floor
        || matches!(
            r.tokens[first - 1].tok(),
            Tok::Punct('-' | '—' | '–' | ':' | ',' | '.')
        )
        || r.word(first - 1).eq_ignore_ascii_case("from")
        // (or name a person in full where a sentence ends: `The surge does
        // not surprise pollster Daron Shaw: "…"`)
        || speaker.kind == MentionKind::Name
            && speaker.person
            && r.text[speaker.head].contains(' ');
    if !opens || speaker.kind == MentionKind::Pronoun {
        return None;
    }
    Some(Found {
        speaker,
        cue: None,
        addressee: None,
        rule: Rule::Colon,
        strong: true,
    })
}

/// Whether `word` (in any ASCII case) is a noun for something said, whose
/// owner [`speech_owner`] reads (`his comment`, `the remarks of`).
///
/// (folded on the stack and matched at once, rather than compared with
/// each noun in turn: up to eight words are asked before each quotation
/// that a noun may introduce)
fn is_speech_noun(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(low) = buf.get_mut(..word.len()) else {
        return false;
    };
    low.copy_from_slice(word.as_bytes());
    low.make_ascii_lowercase();
    matches!(
        &*low,
        b"comment"
            | b"comments"
            | b"phrase"
            | b"phrasing"
            | b"remark"
            | b"remarks"
            | b"claim"
            | b"claims"
            | b"word"
            | b"words"
            | b"statement"
            | b"promise"
            | b"promises"
            | b"pledge"
            | b"pledges"
            | b"vow"
            | b"warning"
            | b"warnings"
            | b"assurance"
            | b"assurances"
            | b"assertion"
            | b"accusation"
            | b"insistence"
            | b"suggestion"
            | b"argument"
            | b"boast"
            | b"description"
            | b"characterization"
            | b"characterisation"
            | b"reply"
            | b"answer"
            | b"response"
            | b"explanation"
            | b"retort"
            | b"verdict"
            | b"message"
    )
}

/// A fragment after a noun for what someone said, with its owner before
/// it: `Halloran defended his remark on Monday that "the fund is broke"`, `a
/// cultish faith in Vale's word: "…"`, or after it: `despite warnings
/// from traders that the move would "…"`. The owner is a possessive
/// pronoun or a name with `'s` at most two words before the noun, or the
/// phrase after `from`, `by` or `of` right after it; the noun stands at most
/// eight tokens before the quotation.
fn speech_owner<'a>(r: &Reader<'a>, o: usize, floor: usize) -> Option<Found<'a>> {
    let low = o.saturating_sub(8).max(floor);
    let noun = (low..o)
        .rev()
        .find(|&k| r.tokens[k].is_word() && is_speech_noun(r.word(k)))?;
    if r.tokens[noun + 1..o].iter().any(|t| {
        matches!(
            t.tok(),
            Tok::Open(_) | Tok::Close(_) | Tok::Sentence | Tok::Paragraph
        )
    }) {
        return None;
    }
    // `warnings from traders that the move would "…"`, `in the words of
    // Ann Vale`: the owner after `from`, `by` or `of`
    if noun + 2 < o && matches!(r.word(noun + 1), "from" | "by" | "of") {
        if let Some(np) = r.np_starting_at(noun + 2, o).filter(|np| {
            np.kind != MentionKind::Pronoun
                && (np.person || np.number == Number::Plural || np.kind == MentionKind::Name)
        }) {
            return Some(Found::bare(np, Rule::PartialSubject));
        }
    }
    let owner = (noun.saturating_sub(2).max(floor)..noun).rev().find(|&k| {
        let w = r.word(k);
        r.tokens[k].is_word()
            && (crate::frame::is_possessive(w)
                || ["his", "her", "their"]
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(w)))
    })?;
    let t = &r.tokens[owner];
    let word = r.word(owner);
    let speaker = if let Some(pronoun) = r.pronoun_at(owner) {
        // the person of the sentence before the pronoun, whom it stands for
        // (`Halloran defended his remark`), or else the pronoun, read as a
        // possessive (`her remark`)
        r.clause_subject(floor, owner)
            .filter(|np| np.kind == MentionKind::Name && pronoun.gender.agrees(np.gender))
            .unwrap_or(pronoun)
    } else if !t.capital {
        // `the governor's statement`: a person's role, with its `the`
        let bare = crate::frame::strip_possessive(word);
        let info = r.lexicon.info(bare);
        let person = info.title().is_some() || info.role().is_some_and(|role| role.person);
        let the = owner > floor && r.word(owner - 1).eq_ignore_ascii_case("the");
        if !person || !the || bare.is_empty() {
            return None;
        }
        let head = crate::span::Span::new(t.span.start, t.span.start + bare.len());
        Np {
            span: crate::span::Span::new(r.tokens[owner - 1].span.start, head.end),
            kind: MentionKind::Description,
            head,
            role: None,
            gender: info
                .title()
                .or(info.role().map(|role| role.gender))
                .unwrap_or(crate::lexicon::Gender::Unknown),
            number: Number::Singular,
            person: true,
            definite: true,
            titled: info.title().is_some(),
        }
    } else {
        // `Obama's`, `Moscow's`: the capitalised words without the `'s`
        let bare = crate::frame::strip_possessive(word);
        if bare.is_empty() {
            return None;
        }
        let mut start = owner;
        while start > floor
            && owner - start < 3
            && r.tokens[start - 1].capital
            && r.tokens[start - 1].is_word()
            && !r.tokens[start - 1].info.starter()
        {
            start -= 1;
        }
        let span = crate::span::Span::new(r.tokens[start].span.start, t.span.start + bare.len());
        // (an honorific or title before the name is no part of it: `Sir
        // Anthony's reply`, `Referee Karl Doherty's explanation`)
        let first = (start..owner)
            .find(|&k| !r.tokens[k].info.has(crate::lexicon::TITLE_MARK))
            .unwrap_or(owner);
        let head = crate::span::Span::new(r.tokens[first].span.start, span.end);
        Np {
            span,
            kind: MentionKind::Name,
            head,
            role: None,
            gender: crate::lexicon::Gender::Unknown,
            number: Number::Singular,
            person: t.person() || first > start,
            definite: false,
            titled: false,
        }
    };
    Some(Found::bare(speaker, Rule::PartialSubject))
}

/// A partial quotation in a sentence with no reporting verb: the subject
/// that opens the sentence (`Sanders credited the win to "…"`).
fn sentence_subject<'a>(r: &Reader<'a>, o: usize, floor: usize) -> Option<Found<'a>> {
    // (nor one governed by a passive reporting verb: `Okafor has been
    // accused of "…"` says who was accused, not who spoke)
    if o > floor
        && r.cue_before(o - 1, floor)
            .is_some_and(|cue| r.passive(&cue))
    {
        return None;
    }
    opening_subject(r, o, floor)
}

/// The subject that opens the sentence `floor..o` (see
/// [`sentence_subject`]), whatever verbs the sentence holds: a narrated
/// sentence's subject (`Mr. Quenby took the chair as though it had been
/// offered to him.` is Mr. Quenby's, passive verb or not).
fn opening_subject<'a>(r: &Reader<'a>, o: usize, floor: usize) -> Option<Found<'a>> {
    // the first phrase of the sentence's main clause that is followed by its
    // verb (a lower-case word) and is not the object of a preposition:
    // `First, Halloran described the judge as "…"`
    // (past an opening subordinate clause or prepositional phrase and its
    // comma: `When Kell scoffed, Fenn turned to face him.`, `Outside the
    // Statehouse, a small group of protesters held signs`)
    let opening = opens_with_phrase(r, floor);
    let floor = if opening {
        (floor + 1..o.min(floor + 24))
            .find(|&k| r.tokens[k].is_punct(','))
            .map_or(floor, |comma| comma + 1)
    } else {
        floor
    };
    let speaker = (floor..o.min(floor + 10)).find_map(|k| {
        if k > floor && r.tokens[k - 1].tok() == Tok::Word && !r.tokens[k - 1].capital {
            return None;
        }
        let np = r.np_starting_at(k, o)?;
        let fits = match np.kind {
            MentionKind::Name => true,
            MentionKind::Pronoun => np.person && !r.tokens[k].info.is(crate::lexicon::OBJECT),
            MentionKind::Description => np.person,
        };
        let mut next = r.tokens[k..o]
            .iter()
            .position(|t| t.span.start >= np.span.end)?
            + k;
        // a description with a name in apposition is that name: `The
        // Prime Minister, Sir Anthony Welland, did not know.`
        let mut np = np;
        if np.kind == MentionKind::Description
            && np.person
            && r.tokens.get(next).is_some_and(|t| t.is_punct(','))
        {
            if let Some(name) = r
                .np_starting_at(next + 1, o)
                .filter(|n| n.kind == MentionKind::Name && n.person)
            {
                let after = token_after(r, next + 1, name.span.end, o);
                if r.tokens.get(after).is_some_and(|t| t.is_punct(',')) {
                    np = name;
                    next = after + 1;
                }
            }
        }
        // past a short aside between commas, of at most seven tokens:
        // `Dale Pruitt, R-Ky., sent a sharp reply`, `Ray Ortiz, asked
        // whether he would concede, smiled.`
        else if np.kind == MentionKind::Name
            && r.tokens.get(next).is_some_and(|t| t.is_punct(','))
        {
            if let Some(close) = (next + 1..(next + 9).min(o)).find(|&j| r.tokens[j].is_punct(','))
            {
                next = close + 1;
            }
        }
        let verb_follows = r
            .tokens
            .get(next)
            .is_some_and(|t| t.is_word() && !t.capital);
        (fits && verb_follows).then_some(np)
    })?;
    Some(Found::bare(speaker, Rule::PartialSubject))
}

/// Whether the sentence from token `floor` opens with a subordinate clause
/// (`When Kell scoffed,`) or a prepositional phrase (`Outside the
/// Statehouse,`, `Midway through,`) before its subject. A preposition opens
/// a phrase only before its object: `In ran Mrs. Bennet` is an inversion.
fn opens_with_phrase(r: &Reader<'_>, floor: usize) -> bool {
    const PLACES: [&str; 7] = [
        "outside",
        "inside",
        "during",
        "despite",
        "amid",
        "midway",
        "throughout",
    ];
    if !r
        .tokens
        .get(floor)
        .is_some_and(|t| t.is_word() && t.capital)
    {
        return false;
    }
    let w = r.word(floor);
    let object = || {
        r.tokens.get(floor + 1).is_some_and(|n| {
            n.is_word()
                && (n.capital
                    || n.info.is(crate::lexicon::DETERMINER)
                    || crate::frame::is_possessive(r.word(floor + 1)))
                || n.is_punct(',')
        }) || r.tokens.get(floor + 2).is_some_and(|n| n.is_punct(','))
    };
    // (or a participle's phrase: `Asked about the statement as he left
    // the hall, Quarshie-Lind smiled.`, `Leaving the hall, …`; not a name
    // and its verb, `Alfred said`)
    let participle = || {
        w.len() > 4
            && (w.ends_with("ing") || w.ends_with("ed") || r.tokens[floor].info.verb().is_some())
            && r.tokens[floor].info.given().is_none()
            && r.tokens.get(floor + 1).is_some_and(|n| {
                n.is_punct(',')
                    || n.is_word()
                        && !n.capital
                        && (n.info.is(crate::lexicon::DETERMINER)
                            || crate::frame::is_preposition(r.word(floor + 1))
                            || crate::frame::is_subordinator(r.word(floor + 1))
                            || crate::frame::is_possessive(r.word(floor + 1)))
            })
    };
    crate::frame::is_subordinator(w)
        || (crate::frame::is_preposition(w) || PLACES.iter().any(|p| p.eq_ignore_ascii_case(w)))
            && object()
        || participle()
}

/// `SPEAKER CUE [ADDRESSEE]: "…"`, `according to SPEAKER, "…"`, and the
/// subject of a verb governing a partial quotation.
fn left_frame<'a>(r: &Reader<'a>, o: usize, floor: usize, partial: bool) -> Option<Found<'a>> {
    if o == 0 || o <= floor {
        return None;
    }
    let mut cue = r.cue_before(o - 1, floor)?;
    // a sentence that opens with `According to X,` reports X's account: a
    // fragment in it is X's, whatever verb the account has (`According to
    // a source, the team had expected "a rough week."`)
    if partial && cue.first > floor + 2 {
        if let Some(according) = (floor + 1 < o && r.word(floor) == "According")
            .then(|| r.cue_before(floor + 1, floor))
            .flatten()
            .filter(|a| a.lemma == CueLemma::AccordingTo)
        {
            if let Some(speaker) = r.np_starting_at(according.last + 1, cue.first) {
                return Some(Found {
                    speaker,
                    cue: Some(according),
                    addressee: None,
                    rule: Rule::AccordingTo,
                    strong: false,
                });
            }
        }
    }
    let nearest_clausal = r.tokens[cue.first]
        .info
        .verb()
        .is_some_and(|id| r.lexicon.is_clausal(id));
    if partial && !nearest_clausal {
        // inside a reported clause the quotation belongs to the reporter:
        // `Vale said that Ortiz begged him and "…"` (but `…, while Pike
        // said that the "…"` keeps its own reporter)
        // (unless a quotation closed between the two: `Moss saying he was
        // "heartened" and Vale calling it a "…"` coordinates two reports)
        if let Some(outer) = r.clausal_cue_before(cue.first, floor) {
            let coordinated = r.tokens[outer.last..cue.first]
                .iter()
                .any(|t| matches!(t.tok(), Tok::Close(_)));
            // (nor a narrator's aside with a subject of its own: `…, in what
            // chief executive Priya Venkataraman called a "…"`)
            let aside = || {
                r.subject_of(cue.first, floor).is_some_and(|np| {
                    let first = token_after(r, floor, np.span.start, cue.first);
                    first > floor && matches!(r.word(first - 1), "what" | "What")
                })
            };
            // (nor a naming verb whose object the quotation names: `Ames
            // noted that Tully had called the deal "a surrender"` is Tully's
            // word for it)
            let naming = || {
                matches!(
                    cue.lemma,
                    CueLemma::Verb("call" | "dub" | "label" | "brand" | "term" | "describe")
                ) && o - cue.last <= 6
                    && r.tokens[cue.last + 1..o]
                        .iter()
                        .all(|t| t.is_word() && !t.info.is(crate::lexicon::AUXILIARY))
            };
            if !coordinated && !aside() && !naming() && r.subject_of(outer.first, floor).is_some() {
                cue = outer;
            }
        }
    }
    // `Okafor has been accused of "…"`, `He was told: "…"`: the subject of
    // a passive is not the speaker; the agent after `by` is, or else the
    // reporter of the clause it is in (`The company said no illnesses had
    // been confirmed, but that parents should "…"`)
    if r.passive(&cue) {
        let by = cue.last + 1;
        let agent = (by + 1 < o && r.word(by).eq_ignore_ascii_case("by"))
            .then(|| r.np_starting_at(by + 1, o))
            .flatten()
            .filter(|np| np.kind != MentionKind::Pronoun || np.person);
        if let Some(speaker) = agent {
            let after = token_after(r, by + 1, speaker.span.end, o);
            return Some(Found {
                speaker,
                cue: Some(cue),
                addressee: None,
                rule: Rule::SpeakerCueBefore,
                strong: r.only_glue_between(after, o),
            });
        }
        cue = r.clausal_cue_before(cue.first, floor)?;
    }
    match cue.lemma {
        CueLemma::AccordingTo => {
            let speaker = r.np_starting_at(cue.last + 1, o)?;
            Some(Found {
                speaker,
                cue: Some(cue),
                addressee: None,
                rule: Rule::AccordingTo,
                strong: true,
            })
        }
        CueLemma::Verb(_) => {
            let speaker = r
                .subject_of(cue.first, floor)
                .or_else(|| {
                    // the second half of a split quotation (`"A," said X, "B."`)
                    // or `Said Mr Hill: "…"`: the verb opens its clause
                    let opens = (floor..cue.first).all(|k| {
                        matches!(
                            r.tokens[k].tok(),
                            Tok::Open(_)
                                | Tok::Close(_)
                                | Tok::Punct(',')
                                | Tok::Sentence
                                | Tok::Paragraph
                        ) || r.tokens[k].inside
                    });
                    opens.then(|| r.np_starting_at(cue.last + 1, o)).flatten()
                })
                .or_else(|| {
                    // a participle (`…, saying "…"`): the first phrase of the clause
                    r.clause_subject(floor, cue.first)
                        .or_else(|| first_np(r, floor, cue.first))
                })?;
            // the words are a document's, read out or released by the
            // subject: its author spoke (`read from an email sent by harbour
            // master Callum Ruddock to the authority:`)
            let speaker = r.author_between(cue.last + 1, o).unwrap_or(speaker);
            let addressee = r.addressee_after(&cue, o);
            let after = addressee.map_or(cue.last + 1, |a| {
                token_after(r, cue.last + 1, a.span.end, o)
            });
            // (a colon right before the quotation closes the frame however
            // many words follow the verb: `writing in an email: "…"`)
            let strong = r.only_glue_between(after, o)
                || r.tokens[o - 1].is_punct(':')
                    && r.tokens[after..o - 1].iter().all(|t| t.is_word());
            Some(Found {
                speaker,
                cue: Some(cue),
                addressee,
                rule: Rule::SpeakerCueBefore,
                strong,
            })
        }
    }
}

/// The first speaker phrase between `from` and `to`.
fn first_np(r: &Reader<'_>, from: usize, to: usize) -> Option<Np> {
    r.free_np(from, to, |_, _| true)
}

/// The index of the first token starting at or after byte `end`, searched
/// for between tokens `from` and `ceil` (a short range: a search over the
/// whole article for every quotation misses the cache at every probe).
fn token_after(r: &Reader<'_>, from: usize, end: usize, ceil: usize) -> usize {
    let from = from.min(ceil);
    from + r.tokens[from..ceil].partition_point(|t| t.span.start < end)
}

/// `"…," CUE SPEAKER`, `"…," SPEAKER CUE`, `"…," according to SPEAKER`,
/// `"…" — SPEAKER`.
fn right_frame<'a>(
    r: &Reader<'a>,
    o: usize,
    c: usize,
    content: &str,
    window: usize,
    partial: bool,
) -> Option<Found<'a>> {
    let (ceil, crossed) = ceil_after(r, c, window);
    // a partial quotation ends its own sentence: the next one has a
    // subject of its own (`… would be "unwise." He said Americans …`)
    if crossed && partial {
        return None;
    }
    let mut k = c + 1;
    if crossed {
        k += 1;
    }
    let comma = r.tokens.get(k).is_some_and(|t| t.is_punct(','));
    if comma {
        k += 1;
    }
    let open_end = content.ends_with([',', '?', '!', '—', '–', '-', '…']) || comma;
    // a subordinate clause right after the quotation is the quoted
    // sentence's own, not its attribution, which follows the clause's
    // comma: `"…" because she would add to her lead, he said.` (but `as`
    // opens an attribution: `"…," as Voss said on Monday`)
    if !crossed
        && r.tokens.get(k).is_some_and(|t| t.is_word() && !t.capital)
        && crate::frame::is_subordinator(r.word(k))
        && r.word(k) != "as"
    {
        k = (k + 1..ceil).find(|&j| r.punct(j, ','))? + 1;
    }
    // a fragment inside the narrator's sentence is followed by the rest of
    // that sentence, not by an attribution (`call Trump "…" a nod to …`)
    if k >= ceil || partial && !open_end {
        return None;
    }
    // nor by a clause coordinated with it, whose reporter is its own:
    // `accused the government of being "too soft," and its leader, Radko
    // Vellinger, said …`
    if partial
        && (comma || content.ends_with(','))
        && r.tokens.get(k).is_some_and(|t| t.is_word())
        && matches!(r.word(k), "and" | "but")
    {
        return None;
    }
    // and a quotation that ends the narrator's sentence with its period is
    // followed by the next sentence: `… urged them to hold out, writing
    // "Ada will win." Pike has also announced …`
    if !comma
        && content.ends_with('.')
        && o > 0
        && marker_before(r.tokens, o).is_none()
        && r.tokens.get(k).is_some_and(|t| t.capital)
    {
        return None;
    }
    // dash attribution
    if !crossed
        && r.tokens
            .get(k)
            .is_some_and(|t| matches!(t.tok(), Tok::Punct('—' | '–' | '-')))
    {
        // `-- Name`, the typewriter dash
        let after = if r.tokens.get(k + 1).is_some_and(|t| t.is_punct('-')) {
            k + 2
        } else {
            k + 1
        };
        let speaker = r.np_starting_at(after, ceil)?;
        if speaker.kind == MentionKind::Pronoun {
            return None;
        }
        return Some(Found {
            speaker,
            cue: None,
            addressee: None,
            rule: Rule::Dash,
            strong: true,
        });
    }
    let mut cue = r.cue_after(k, ceil)?;
    // where the subject ends: before its verb, or before a relative clause
    // after it, whose verb is not the cue (`"…," one sophomore, who asked
    // that her name not be used, told Breitbart News.` reads on past the
    // clause's closing comma)
    let mut subject_end = cue.first;
    if cue.first > k + 1 && r.punct(cue.first - 2, ',') && r.word(cue.first - 1) == "who" {
        let close = (cue.last + 1..ceil.min(cue.last + 16)).find(|&j| r.punct(j, ','));
        if let Some(next) = close.and_then(|j| r.cue_after(j + 1, ceil)) {
            subject_end = cue.first - 2;
            cue = next;
        }
    }
    // a fragment after words of its own sentence is attributed by a
    // subject and verb after it only when the verb reports a clause (`…
    // called it "a fraud," Smith said`): another verb is that of the
    // sentence's main clause (`When Vale said he would "mend the
    // harbour," the crowd applauded`)
    let words_before = o > 0 && marker_before(r.tokens, o).is_none();
    let clausal = r.tokens[cue.first]
        .info
        .verb()
        .is_some_and(|id| r.lexicon.is_clausal(id));
    if partial && words_before && cue.first > k && !clausal {
        return None;
    }
    // a fragment in a relative clause still open before it is not
    // attributed by what follows the clause: `Pike, who has called the plan
    // "a gift," told reporters …` is Pike's (the left frame's), and in
    // `Ortiz, who has called the pact "insanity," and Pike, who says …`
    // the next phrase is another's
    if partial && words_before && in_relative_clause(r, o) {
        return None;
    }
    let found = if cue.first == k {
        // inverted, or `according to X` (a participle is no inversion: `…
        // which Mr. Trump called "a disgrace," blaming Michael Bloomberg`)
        if matches!(cue.lemma, CueLemma::Verb(_)) && r.word(cue.first).ends_with("ing") {
            return None;
        }

        let speaker = r
            .np_or_apposed_name(cue.last + 1, ceil)
            .or_else(|| r.group_member_after(cue.last + 1, ceil))?;
        let rule = match cue.lemma {
            CueLemma::AccordingTo => Rule::AccordingTo,
            CueLemma::Verb(_) => Rule::CueSpeakerAfter,
        };
        if speaker.kind == MentionKind::Pronoun
            && rule == Rule::CueSpeakerAfter
            && !r.word(cue.last + 1).eq_ignore_ascii_case("he")
            && !r.word(cue.last + 1).eq_ignore_ascii_case("she")
            // (`said I` in a first-person story)
            && r.word(cue.last + 1) != "I"
        {
            return None;
        }
        Found {
            speaker,
            cue: Some(cue),
            addressee: None,
            rule,
            strong: open_end,
        }
    } else {
        let speaker = subject_opening(r, k, subject_end, true)
            .or_else(|| r.description_before_cue(k, subject_end - 1))?;
        let addressee = r.addressee_after(&cue, ceil);
        Found {
            speaker,
            cue: Some(cue),
            addressee,
            rule: Rule::SpeakerCueAfter,
            strong: open_end,
        }
    };
    // a fragment inside a clause of its own is not attributed by a frame
    // that introduces the next quotation: `After Ruiz said pupils could
    // thrive at "smaller local schools," Hale said: "…"`
    if partial && words_before {
        let end = cue_end(r, &found, c + 1, ceil);
        if end + 1 == ceil
            && r.tokens[end].is_punct(':')
            && r.tokens
                .get(ceil)
                .is_some_and(|t| matches!(t.tok(), Tok::Open(_)))
        {
            return None;
        }
    }
    if crossed {
        // `"…." Smith said on Friday.`: only a short attribution sentence
        // with no other verb counts
        // (up to a comma: what follows one is a source or an aside, as in
        // `Smith said Friday, according to the Sun.`)
        let end = cue_end(r, &found, c + 1, ceil);
        let rest = (end..ceil)
            .find(|&i| r.tokens[i].is_punct(','))
            .unwrap_or(ceil);
        // (nor one whose verb reports a clause of its own: `Steve Adler
        // said the deal was done.`)
        if rest.saturating_sub(end) > 8
            || (end..rest).any(|i| {
                another_verb(r, i)
                    || r.tokens[i].is_word() && r.tokens[i].info.is(crate::lexicon::AUXILIARY)
            })
        {
            return None;
        }
        // a sentence that ends in a colon introduces the next quotation
        // (`"…." The candidate reiterated: "…"`)
        if (end..ceil).any(|i| r.tokens[i].is_punct(':')) {
            return None;
        }
        return Some(Found {
            strong: true,
            ..found
        });
    }
    Some(found)
}

/// Whether token `i`, after an attribution, is the verb of another clause:
/// not a participle after a comma (`Trump asked, repeating …`) nor a bare
/// verb form after a noun (`during a conference call`).
fn another_verb(r: &Reader<'_>, i: usize) -> bool {
    let Some(lemma) = r.verb_at(i) else {
        return false;
    };
    let word = r.word(i);
    let participle = word.ends_with("ing") && i > 0 && r.tokens[i - 1].is_punct(',');
    let compound = word.eq_ignore_ascii_case(lemma)
        && i > 0
        && r.tokens[i - 1].is_word()
        && !r.tokens[i - 1].capital
        && r.tokens[i - 1].info.pronoun().is_none()
        && r.tokens[i - 1].info.function() == 0;
    !(participle || compound)
}

/// The token after the end of a found frame's last part, which lies
/// between tokens `from` and `ceil`.
fn cue_end(r: &Reader<'_>, f: &Found<'_>, from: usize, ceil: usize) -> usize {
    let end = f
        .speaker
        .span
        .end
        .max(f.cue.map_or(0, |c| c.span.end))
        .max(f.addressee.map_or(0, |a| a.span.end));
    token_after(r, from, end, ceil)
}

/// A quotation standing as its own paragraph, signed on the next line
/// with a name and nothing but an appositive or a participle after a comma
/// (`"…"` ¶ `-President Obama, tweeting after the speech.`).
fn signature<'a>(r: &Reader<'a>, o: usize, c: usize) -> Option<Found<'a>> {
    if marker_before(r.tokens, o) != Some(Tok::Paragraph)
        || r.tokens.get(c + 1).map(|t| t.tok()) != Some(Tok::Paragraph)
    {
        return None;
    }
    let mut k = c + 1;
    while r.tokens.get(k).is_some_and(|t| {
        matches!(
            t.tok(),
            Tok::Paragraph | Tok::Sentence | Tok::Punct('—' | '–' | '-')
        )
    }) {
        k += 1;
    }
    let ceil = (k + 12).min(r.tokens.len());
    let speaker = r.np_starting_at(k, ceil)?;
    if speaker.kind != MentionKind::Name {
        return None;
    }
    let after = token_after(r, k, speaker.span.end, ceil);
    let signed = r.tokens.get(after).is_none_or(|t| {
        matches!(
            t.tok(),
            Tok::Punct(',' | '.') | Tok::Paragraph | Tok::Sentence
        )
    });
    // the signature line quotes nothing itself
    let line_end = r.tokens[after..]
        .iter()
        .position(|t| t.tok() == Tok::Paragraph)
        .map_or(r.tokens.len(), |p| after + p);
    let quotes = r.tokens[after..line_end]
        .iter()
        .any(|t| matches!(t.tok(), Tok::Open(_)));
    // and says nothing more: each comma segment after the name opens with a
    // number, a capital, a participle or a description (`Dean, 36, was
    // pictured …` is a sentence, not a signature)
    let aside = |k: usize| {
        let w = r.word(k);
        w.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
            || w.ends_with("ing")
            || r.np_starting_at(k, line_end).is_some()
    };
    let asides = (after..line_end)
        .filter(|&k| r.tokens[k].is_punct(','))
        .all(|k| k + 1 >= line_end || aside(k + 1));
    (signed && asides && !quotes).then_some(Found::bare(speaker, Rule::Dash))
}

/// `'I was terrified of being boring': novelist Delphine Ashcombe on grief,
/// gossip and her sixth book`: a quotation opening its line, a colon, and
/// a person's name (after words that describe them) that ends the line or
/// goes on with `on` or `about`, the feature headline's label of who said
/// it.
fn labelled<'a>(r: &Reader<'a>, o: usize, c: usize) -> Option<Found<'a>> {
    let opens_line = o == 0 || marker_before(r.tokens, o) == Some(Tok::Paragraph);
    if !opens_line || !r.tokens.get(c + 1)?.is_punct(':') {
        return None;
    }
    let ceil = (c + 14).min(r.tokens.len());
    let speaker = r
        .np_or_apposed_name(c + 2, ceil)
        .filter(|np| np.kind == MentionKind::Name && np.person)?;
    let after = token_after(r, c + 2, speaker.span.end, ceil);
    let ends = r.tokens.get(after).is_none_or(|t| {
        matches!(t.tok(), Tok::Paragraph | Tok::Punct(',' | '-' | '—' | '–'))
            || t.is_word() && matches!(r.word(after), "on" | "about")
    });
    ends.then_some(Found::bare(speaker, Rule::Colon))
}

/// `Sheriff: Pine Hollow 'must leave now'`, `Trump: Clinton 'should be in
/// jail'`: a headline's speaker, a person's name or role and a colon
/// opening the line the quotation (opened at token `o`) is in, which
/// starts at most twelve tokens before it, with nothing quoted between.
fn line_label<'a>(r: &Reader<'a>, o: usize) -> Option<Found<'a>> {
    let mut start = match (o.saturating_sub(12)..o)
        .rev()
        .find(|&k| r.tokens[k].tok() == Tok::Paragraph)
    {
        Some(k) => k + 1,
        None if o <= 12 => 0,
        None => return None,
    };
    // (past the markers that open the line)
    while start < o && matches!(r.tokens[start].tok(), Tok::Sentence | Tok::Paragraph) {
        start += 1;
    }
    let colon = (start..o).find(|&k| r.tokens[k].is_punct(':'))?;
    let speaker = r.np_starting_at(start, colon).filter(|np| {
        // (a name the lists do not place will do, but not a transcript's
        // `Q:` or `A:`)
        (np.person || np.kind == MentionKind::Name && r.text[np.head].len() > 2)
            && np.kind != MentionKind::Pronoun
            && token_after(r, start, np.span.end, colon) == colon
    })?;
    let quoted = r.tokens[colon..o]
        .iter()
        .any(|t| matches!(t.tok(), Tok::Open(_) | Tok::Close(_) | Tok::Sentence));
    (!quoted).then_some(Found::bare(speaker, Rule::Colon))
}

/// Whose document a speaker `the statement` (or memo, letter, note) is:
/// the subject of the last sentence before it, within `window` tokens,
/// that mentions such a document outside quotations (`Halvorsen Foods
/// issued a statement on Friday.` … `"…," the statement read.`, `In a
/// statement, the ministry said …`), or the author it names after `from`
/// or `by`. `None` for any other speaker.
fn issuer_of<'a>(r: &Reader<'a>, speaker: &Np, window: usize) -> Option<Np> {
    if speaker.kind != MentionKind::Description || !speaker.definite {
        return None;
    }
    let noun = r.text[speaker.head].rsplit(' ').next()?;
    if !crate::frame::is_document(noun) {
        return None;
    }
    let at = r
        .tokens
        .partition_point(|t| t.span.start < speaker.span.start);
    let k = (at.saturating_sub(window)..at).rev().find(|&k| {
        let t = &r.tokens[k];
        t.is_word() && !t.inside && r.word(k).eq_ignore_ascii_case(noun)
    })?;
    // its author, when the sentence names one: `a handwritten note from
    // Ada Lindqvist`, `a statement issued by the Okafor campaign`
    // (not `a memo seen by The Associated Press`, its reader)
    let ceil = r.tokens.len().min(k + 8);
    let word = |j: usize| (j < ceil && r.tokens[j].is_word()).then(|| r.word(j));
    let by = match (word(k + 1), word(k + 2)) {
        (Some("from" | "by"), _) => Some(k + 1),
        (Some("issued" | "released" | "sent" | "signed" | "written"), Some("by")) => Some(k + 2),
        _ => None,
    };
    if let Some(author) = by.and_then(|j| r.np_starting_at(j + 1, ceil)) {
        return Some(author);
    }
    // the start of that sentence
    let start = (k.saturating_sub(40)..k)
        .rev()
        .find(|&j| matches!(r.tokens[j].tok(), Tok::Sentence | Tok::Paragraph))
        .map_or(k.saturating_sub(40), |j| j + 1);
    // its subject: the first phrase that is no document and no
    // preposition's object (past an opening `In a statement,`), unless
    // it is one of several (`Voss and campaign spokesman Abel Crane
    // drafted the campaign's statement` says not whose)
    let ceil = r.tokens.len().min(k + 12);
    let subject = r.free_np(start, ceil, |_, np| {
        !crate::frame::is_document(r.text[np.head].rsplit(' ').next().unwrap_or(""))
    })?;
    let after = token_after(r, start, subject.span.end, ceil);
    (after >= ceil || !(r.tokens[after].is_word() && matches!(r.word(after), "and" | "or")))
        .then_some(subject)
}

/// The indefinite description earlier in its paragraph or the one before
/// that definite description `speaker` takes up by its one noun: `A pal of the singer
/// told a different story. "…," the pal said.`, `Now one longtime friend
/// fears the worst. "…," the friend says.` (The description named first is
/// whom both stand for, as when `a council spokesperson` spoke before; a
/// title's holder named elsewhere is no match for it: `A minister who sat
/// behind Sir Anthony put it differently. "…," the minister said.`)
fn introduced_as<'a>(r: &Reader<'a>, speaker: &Np, window: usize) -> Option<Np> {
    if speaker.kind != MentionKind::Description || !speaker.definite || !speaker.person {
        return None;
    }
    let noun = &r.text[speaker.head];
    if noun.contains(' ') || crate::frame::is_document(noun) {
        return None;
    }
    let at = r
        .tokens
        .partition_point(|t| t.span.start < speaker.span.start);
    let mut k = at;
    let mut paragraphs = 0;
    while k > at.saturating_sub(window) {
        k -= 1;
        let t = &r.tokens[k];
        if t.tok() == Tok::Paragraph {
            paragraphs += 1;
            if paragraphs == 2 {
                return None;
            }
        }
        if t.inside || !t.is_word() || !r.word(k).eq_ignore_ascii_case(noun) {
            continue;
        }
        // its determiner, across at most three modifiers (the noun with
        // another, or in a title, is passed: `the Prime Minister`)
        let Some(det) = (k.saturating_sub(4)..k).rev().find(|&d| {
            r.tokens[d].is_word()
                && ["a", "an", "one", "another"]
                    .iter()
                    .any(|w| r.word(d).eq_ignore_ascii_case(w))
        }) else {
            continue;
        };
        if r.tokens[det + 1..k].iter().any(|t| !t.is_word()) {
            continue;
        }
        // (in the paragraph before, only a sentence's subject that opens
        // it: a novel's `they passed a stout man …` ¶ `"…," said the
        // man` may be another man)
        if paragraphs == 1
            && det > 0
            && !matches!(r.tokens[det - 1].tok(), Tok::Sentence | Tok::Paragraph)
        {
            return None;
        }
        let np = r
            .np_starting_at(det, r.tokens.len().min(k + 12))
            .filter(|np| np.kind == MentionKind::Description && np.person)?;
        // (an appositive to a name, between commas, is that name's role,
        // bound to it: `Ann Lowe, a farmer from Leeds, arrived` … `the
        // farmer said`; not `Asked before Iowa, a senior adviser was blunt.`)
        let apposed = det >= 2
            && r.tokens[det - 1].is_punct(',')
            && r.tokens[det - 2].is_word()
            && r.tokens[det - 2].capital
            && (k + 1..r.tokens.len().min(k + 6))
                .take_while(|&j| !r.tokens[j].is_word() || r.verb_at(j).is_none())
                .any(|j| r.tokens[j].is_punct(','));
        return (!apposed).then_some(np);
    }
    None
}

/// Whether the words before the quotation opened at token `o` are a
/// relative clause still open: `, who` or `, which` with no comma, clause
/// mark or other quotation between it and `o`.
fn in_relative_clause(r: &Reader<'_>, o: usize) -> bool {
    for k in (o.saturating_sub(16)..o).rev() {
        let t = &r.tokens[k];
        match t.tok() {
            Tok::Punct(_) | Tok::Sentence | Tok::Paragraph | Tok::Open(_) | Tok::Close(_) => {
                return false
            }
            Tok::Word if matches!(r.word(k), "who" | "which") => {
                return k > 0 && r.tokens[k - 1].is_punct(',');
            }
            _ => {}
        }
    }
    false
}

/// The paragraph or sentence marker right before token `o`, a paragraph
/// marker winning over the sentence marker that follows it.
fn marker_before(tokens: &[crate::tokens::Token], o: usize) -> Option<Tok> {
    let mut k = o;
    let mut found = None;
    while k > 0 {
        match tokens[k - 1].tok() {
            Tok::Paragraph => return Some(Tok::Paragraph),
            Tok::Sentence => found = Some(Tok::Sentence),
            _ => return found,
        }
        k -= 1;
    }
    found
}

/// A quotation that opens its paragraph after a lead-in paragraph ending in
/// a colon (`And from Chairwoman Vale:`), or in a reporting verb and a comma
/// (`she took the chance of saying,`).
fn lead_in<'a>(r: &Reader<'a>, o: usize, window: usize) -> Option<Found<'a>> {
    // the quotation opens its paragraph
    if marker_before(r.tokens, o) != Some(Tok::Paragraph) {
        return None;
    }
    let mut colon = o;
    while colon > 0 && matches!(r.tokens[colon - 1].tok(), Tok::Sentence | Tok::Paragraph) {
        colon -= 1;
    }
    // a colon may trail dashes: `began in this manner:--`
    while colon > 0 && matches!(r.tokens[colon - 1].tok(), Tok::Punct('-' | '—' | '–')) {
        colon -= 1;
    }
    if colon < 2 {
        return None;
    }
    let colon = colon - 1;
    if r.tokens[colon].inside {
        return None;
    }
    // or a comma right after the reporting verb: `she seized the
    // opportunity of saying,` ¶ `"…"`
    let comma = r.tokens[colon].is_punct(',');
    if !r.tokens[colon].is_punct(':') && !comma {
        return None;
    }
    let floor = floor_before(r, colon, window);
    if let Some(f) = left_frame(r, colon + 1, floor, false)
        .filter(|f| !comma || f.cue.is_some_and(|c| c.last + 1 == colon))
    {
        return Some(Found {
            rule: Rule::LeadIn,
            strong: true,
            ..f
        });
    }
    if comma {
        return None;
    }
    // (`… a blind faith in Vale's word:` ¶ `"…"`)
    let speaker = match speech_owner(r, colon + 1, floor) {
        Some(f) => f.speaker,
        None => {
            let np = r.np_ending_at(colon - 1, floor)?;
            // the object of a preposition but `from` or `by` is where the
            // words went, not who spoke them: `Hector Ybarra-Quinn provided
            // a statement to Breitbart News:`, `issued a statement on
            // Facebook:` are the clause's subject's
            // (nor is a thing that a verb governs: `Hector Ybarra issued a
            // statement:`, `… provided a statement backing the account:`)
            let first = token_after(r, floor, np.span.start, colon);
            let before = first.checked_sub(1).filter(|&b| b >= floor);
            let governed = before.is_some_and(|b| {
                crate::frame::is_preposition(r.word(b))
                    && !matches!(r.word(b), "from" | "From" | "by" | "By")
            });
            let object = before.is_some_and(|b| {
                b > floor
                    && np.kind == MentionKind::Description
                    && !np.person
                    && r.tokens[b].is_word()
                    && !r.tokens[b].capital
            });
            if governed {
                r.clause_subject(floor, first - 1)?
            } else if object {
                // (the first verb's subject, across an apposed name)
                let verb = (floor + 1..first)
                    .find(|&k| {
                        r.tokens[k].is_word()
                            && !r.tokens[k].capital
                            && r.tokens[k].info.verb().is_some()
                    })
                    .unwrap_or(first - 1);
                r.subject_of(verb, floor)
                    .or_else(|| r.clause_subject(floor, first - 1))?
            } else {
                np
            }
        }
    };
    Some(Found {
        speaker,
        cue: None,
        addressee: None,
        rule: Rule::LeadIn,
        strong: true,
    })
}

/// `"A," Blunt said of Cruz. "B."`: the quotation opened at token `o`
/// begins the sentence after the one where the quotation closed at token
/// `c` was attributed by the words after it (`rule`), with nothing but
/// those words between: the attribution is the split quotation's.
fn split_after(tokens: &[crate::tokens::Token], c: usize, o: usize, rule: Rule) -> bool {
    if !matches!(rule, Rule::SpeakerCueAfter | Rule::CueSpeakerAfter) || c >= o || o - c > 40 {
        return false;
    }
    let between = &tokens[c + 1..o];
    // one sentence break, right before the quotation, and no paragraph
    between.last().is_some_and(|t| t.tok() == Tok::Sentence)
        && between
            .iter()
            .filter(|t| matches!(t.tok(), Tok::Sentence | Tok::Paragraph | Tok::Open(_)))
            .count()
            == 1
}

/// `Maud shook her head. "I will not hear of it."`: a quotation that
/// opens a sentence after a sentence of the same paragraph (or, with
/// `paragraph`, opens a paragraph after one that ends in such a sentence),
/// with no quotation in it, whose subject is a name (a pronoun subject is
/// as often the other speaker of a dialogue).
///
/// When the sentence has its subject ask someone named (`Castellane asked
/// Brandt-Mwangi what the plan was.`), a quotation that `answer`s (asks
/// nothing itself) is the one asked's.
fn narration_before<'a>(
    r: &Reader<'a>,
    o: usize,
    window: usize,
    paragraph: bool,
    answer: bool,
) -> Option<Found<'a>> {
    let wanted = if paragraph {
        Tok::Paragraph
    } else {
        Tok::Sentence
    };
    if marker_before(r.tokens, o) != Some(wanted) {
        return None;
    }
    let mut end = o;
    while end > 0 && matches!(r.tokens[end - 1].tok(), Tok::Sentence | Tok::Paragraph) {
        end -= 1;
    }
    // the whole sentence, within the window, with no quotation in it
    let floor = floor_before(r, end, window);
    let whole = floor == 0 || matches!(r.tokens[floor - 1].tok(), Tok::Sentence | Tok::Paragraph);
    // (a quotation inside it is a fragment the narrator uses, with no
    // punctuation of its own before its closing mark: `What "a fresh start"
    // means is left to readers, since Lindqvist spoke only in slogans.`)
    let quoted = || {
        let mut open = false;
        for k in floor..end {
            match r.tokens[k].tok() {
                Tok::Open(_) => open = true,
                Tok::Close(_) => {
                    if k == floor || r.tokens[k - 1].is_punctuation() {
                        return true;
                    }
                    open = false;
                }
                _ => {}
            }
        }
        open
    };
    if !whole || quoted() {
        return None;
    }
    // (or else the subject of its first reporting verb, which reads past
    // a long appositive: `Sen. Maria Ortez (R-Tex.), a candidate who has made
    // … the core of her platform, posted a warning.`)
    // a cleft: `It was Augusta who spoke next.`
    let cleft = (floor + 2 < end
        && r.word(floor) == "It"
        && matches!(r.word(floor + 1), "was" | "is"))
    .then(|| r.np_starting_at(floor + 2, end))
    .flatten()
    .filter(|np| {
        // (whoever `who` follows is a person, known name or not)
        np.kind == MentionKind::Name && r.word(token_after(r, floor + 2, np.span.end, end)) == "who"
    });
    // (a name, a title's holder, or a he or she whose verb reports or who
    // ends the paragraph before)
    let narrates = |np: &Np| {
        np.kind == MentionKind::Name
            || titled_person(r, np, end)
            || he_or_she(r, np) && (paragraph || reports(r, np, floor, end))
    };
    let speaker = cleft
        .or_else(|| opening_subject(r, end, floor).map(|f| f.speaker))
        .filter(narrates)
        .or_else(|| {
            // (a finite one: `-Senator Ada Lindqvist, speaking after the
            // vote.` signs the quotation before it)
            let verb =
                (floor..end).find(|&k| r.verb_at(k).is_some() && !r.word(k).ends_with("ing"))?;
            r.subject_of(verb, floor)
        })?;
    if !narrates(&speaker) {
        return None;
    }
    let asked = answer
        .then(|| {
            let after = token_after(r, floor, speaker.span.end, end);
            // (the verb right after the subject, or after one adverb)
            let verb = (after..end.min(after + 2)).find(|&k| {
                r.tokens[k].is_word()
                    && matches!(r.word(k), "asked" | "asks" | "pressed" | "presses")
            })?;
            r.np_starting_at(verb + 1, end)
                .filter(|np| np.kind == MentionKind::Name && np.person)
        })
        .flatten();
    Some(Found::bare(asked.unwrap_or(speaker), Rule::Narration))
}

/// Whether `np` is a definite description of one person by a title (`The
/// inspector set down his pencil.`), not possessive, whose next word is
/// no preposition (`The warden of the gaol, she supposed, …` has no
/// verb for it): an office has one holder, whom the story has named.
fn titled_person(r: &Reader<'_>, np: &Np, end: usize) -> bool {
    np.kind == MentionKind::Description
        && np.definite
        && np.person
        && np.titled
        && np.number == Number::Singular
        && !crate::frame::is_possessive(&r.text[np.span])
        && {
            let next = token_after(r, 0, np.span.end, end);
            next < end && r.tokens[next].is_word() && !crate::frame::is_preposition(r.word(next))
        }
}

/// A quotation that opens its paragraph and ends its sentence, followed in
/// that paragraph by a narrated sentence with no quotation whose subject
/// is a name and no reporting verb: the action beat is the speaker's
/// (`"Then ask me instead." Lady Veronica drew off one glove.`).
fn beat_after<'a>(r: &Reader<'a>, o: usize, c: usize, window: usize) -> Option<Found<'a>> {
    if marker_before(r.tokens, o) != Some(Tok::Paragraph) {
        return None;
    }
    // (the quotation's words end its sentence, and the beat opens the next)
    let words = r.text.get(r.tokens[o].span.end..r.tokens[c].span.start)?;
    if !words.trim_end().ends_with(['.', '!', '?']) {
        return None;
    }
    let mut start = c + 1;
    while r
        .tokens
        .get(start)
        .is_some_and(|t| t.tok() == Tok::Sentence)
    {
        start += 1;
    }
    if !r
        .tokens
        .get(start)
        .is_some_and(|t| t.is_word() && t.capital)
    {
        return None;
    }
    let ceil = r.tokens.len().min(start + window);
    let end = (start..ceil)
        .find(|&k| {
            matches!(
                r.tokens[k].tok(),
                Tok::Sentence | Tok::Paragraph | Tok::Open(_) | Tok::Close(_)
            )
        })
        .unwrap_or(ceil);
    // (an action, not speech: `"…" Sven Adler said the deal was done.`
    // reports words of its own)
    if r.cue_after(start, end).is_some() {
        return None;
    }
    let speaker = opening_subject(r, end, start)?.speaker;
    (speaker.kind == MentionKind::Name).then(|| Found::bare(speaker, Rule::Narration))
}

/// Whether a quotation asks nothing: its words end in no question mark.
fn answers(q: &crate::quotes::Quote<'_>) -> bool {
    crate::quotes::end_mark(q.content()) != Some('?')
}

/// Whether the verb right after subject `np` (or after one adverb) in the
/// sentence `floor..end` is a reporting verb: `She urged residents to
/// leave.` speaks, where `She looked at him.` before a quotation in its
/// paragraph is as often the listener.
fn reports(r: &Reader<'_>, np: &Np, floor: usize, end: usize) -> bool {
    let after = token_after(r, floor, np.span.end, end);
    (after..end.min(after + 2)).any(|k| r.verb_at(k).is_some())
}

/// Whether `np` is `he` or `she` (or `He`, `She`), whose antecedent the
/// resolver finds.
fn he_or_she(r: &Reader<'_>, np: &Np) -> bool {
    let w = &r.text[np.span];
    np.kind == MentionKind::Pronoun
        && (w.eq_ignore_ascii_case("he") || w.eq_ignore_ascii_case("she"))
}

/// The last name called in the words of the top-level quotation opened at
/// token `o` and closed at `c`: a name after a comma (or opening the words)
/// and before a comma or an end mark (`Louisa, my dear, …`, `…, Mr.
/// Thorne?`). None when the quotation's marks were not found (`o` or `c`
/// is `usize::MAX`).
fn vocative(r: &Reader<'_>, o: usize, c: usize) -> Option<Np> {
    if o >= c || c > r.tokens.len() {
        return None;
    }
    let inside = Reader { inside: true, ..*r };
    let mut found = None;
    let mut k = o + 1;
    while k < c {
        let t = &r.tokens[k];
        let opens = k == o + 1 || r.tokens[k - 1].is_punct(',');
        if t.is_word() && t.capital && opens {
            if let Some(np) = inside.np_starting_at(k, c) {
                let after = token_after(r, k, np.span.end, c);
                let closes = after >= c
                    || matches!(r.tokens[after].tok(), Tok::Punct(',' | '.' | '?' | '!'));
                // (a name called at the end of a quotation the turn quotes is
                // called by its speaker, not by this turn's: `"…? Mother
                // always told me, 'Sit still, Veronica.'"`)
                let quoted = after + 1 < c
                    && matches!(
                        r.tokens[after + 1].tok(),
                        Tok::Punct('\'' | '’' | '"' | '”')
                    );
                if np.kind == MentionKind::Name && closes && !quoted {
                    found = Some(np);
                }
                k = after.max(k + 1);
                continue;
            }
        }
        k += 1;
    }
    found
}

/// Whether quoted words call someone of name `name` by a word of that name
/// (`Edwin, …`, `…, Edwin.`, `…, Mr. Vane?`): a vocative after a comma or
/// opening the words, and followed by a comma or an end mark.
fn addresses(content: &str, name: &str) -> bool {
    name.split_whitespace()
        .filter(|w| w.len() >= 3 && w.starts_with(char::is_uppercase))
        .any(|w| {
            // (a quotation is read once for each word of each name it is
            // checked against: found at each place of the word's first
            // byte, with no searcher to set up, where that is ASCII. That
            // also finds a place inside an earlier one, which
            // `match_indices` passes over, but a word that begins there
            // follows a character of the word, no space, and is no
            // vocative.)
            let (bytes, word) = (content.as_bytes(), w.as_bytes());
            match word.first() {
                Some(&b) if b.is_ascii() => memchr::memchr_iter(b, bytes).any(|at| {
                    bytes[at..].starts_with(word) && vocative_at(content, at, w.len(), true)
                }),
                _ => content
                    .match_indices(w)
                    .any(|(at, _)| vocative_at(content, at, w.len(), true)),
            }
        })
}

/// Whether the word of `len` bytes at byte `at` of quoted words is called
/// out: a whole word, after a comma or opening the words (past an
/// honorific or short title before it when `past_title`: `Mr. Gray`,
/// `Aunt Jo`), and followed by a comma, an end mark or nothing.
fn vocative_at(content: &str, at: usize, len: usize, past_title: bool) -> bool {
    let head = &content[..at];
    if head.ends_with(|c: char| !c.is_whitespace()) && !head.is_empty() {
        return false;
    }
    let mut before = head.trim_end();
    if let Some(last) = before.rsplit(' ').next().filter(|l| {
        past_title && l.starts_with(char::is_uppercase) && (l.ends_with('.') || l.len() <= 4)
    }) {
        before = before[..before.len() - last.len()].trim_end();
    }
    let opens = before.is_empty() || before.ends_with(',');
    let after = content[at + len..].chars().next();
    opens && matches!(after, None | Some(',' | '.' | '!' | '?'))
}

/// The gender of the form of address a quotation calls someone by, as a
/// vocative between commas or at its start or end (`Good morning,
/// ma'am.`, `Sir, you are mistaken.`): sir for a man; ma'am, madam or
/// miss for a woman.
fn addressed_as(content: &str) -> Option<crate::lexicon::Gender> {
    use crate::lexicon::Gender;
    const FORMS: [(&str, Gender); 8] = [
        ("sir", Gender::Masculine),
        ("Sir", Gender::Masculine),
        ("ma'am", Gender::Feminine),
        ("ma’am", Gender::Feminine),
        ("madam", Gender::Feminine),
        ("Madam", Gender::Feminine),
        ("miss", Gender::Feminine),
        ("Miss", Gender::Feminine),
    ];
    FORMS.iter().find_map(|&(form, g)| {
        content
            .match_indices(form)
            .any(|(at, _)| vocative_at(content, at, form.len(), false))
            .then_some(g)
    })
}

/// Nested quotations: attributed to whom the outer speaker says uttered
/// them, when the words before them inside the outer quotation say so
/// (`Tom Reyes told me 'never again'`); after `I said,` they are the outer
/// speaker's own (the outer quotation is `outer`, the last top-level one).
fn nested<'h>(
    reader: &Reader<'_>,
    resolver: &mut Resolver<'h>,
    n: usize,
    outer: Option<usize>,
    out: &mut [Attribution<'h>],
    window: usize,
) {
    let r = &Reader {
        inside: true,
        ..*reader
    };
    let q = out[n].quote;
    let text: &'h str = q.haystack;
    let tokens = r.tokens;
    {
        // the token where the nested quotation starts, inside its outer one
        let at = tokens.partition_point(|t| t.span.start < q.span.start);
        if at == 0 {
            return;
        }
        let lowest = at.saturating_sub(window);
        let mut floor = at;
        while floor > lowest {
            let t = &tokens[floor - 1];
            if !t.inside || matches!(t.tok(), Tok::Punct('.' | '?' | '!') | Tok::Open(_)) {
                break;
            }
            floor -= 1;
        }
        let Some(cue) = r.cue_before(at - 1, floor) else {
            return;
        };
        let mut speaker = r.subject_of(cue.first, floor);
        // the subject `I`, if that is what it is
        let mut me = None;
        // (`I've said` reads as a name: the pronoun with its verb)
        if let Some(np) = speaker.filter(|np| {
            (np.kind == MentionKind::Pronoun || text[np.span].starts_with('I'))
                && is_first_person(&text[np.span])
        }) {
            me = (!text[np.span].eq_ignore_ascii_case("we")).then_some(np);
            // `and I quote, '…'`: the speaker quotes the subject of the sentence
            speaker = first_np(r, floor, cue.first).filter(|np| !is_first_person(&text[np.span]));
        }
        let Some(np) = speaker else {
            // `I said, '…'` in someone's quotation: their own words
            // (`I was told it is 'on the list'` says who heard, not who said)
            let passive = r.passive(&cue);
            // (and the words follow the verb's comma or colon: `I tell the
            // 'Vote or Bust' crowd` names something)
            let introduced = r.tokens[at - 1].is_punct(',') || r.tokens[at - 1].is_punct(':');
            let holder = outer
                .filter(|&o| {
                    !passive && introduced && q.depth == 1 && out[o].quote.span.contains(q.span)
                })
                .and_then(|o| Some((out[o].speaker?, out[o].confidence)));
            if let (Some(i), Some((speaker, conf))) = (me, holder) {
                let a = &mut out[n];
                a.speaker = Some(Speaker {
                    mention: mention_of(text, &i),
                    ..speaker
                });
                a.cue = Some(cue_of(text, &cue));
                a.rule = Rule::Nested;
                a.confidence = confidence(Rule::Nested).min(conf);
            }
            return;
        };
        // `he` or `she` after someone the outer speaker has just named in
        // the same sentence is that someone: `When I asked a nurse for
        // help, she said, '…'`
        let antecedent = (np.kind == MentionKind::Pronoun && np.number == Number::Singular)
            .then(|| {
                let end = token_after(r, floor, np.span.start, cue.first);
                (floor..end)
                    .rev()
                    .filter_map(|k| r.np_starting_at(k, end))
                    .find(|a| {
                        a.person
                            && a.kind != MentionKind::Pronoun
                            && a.span.end <= np.span.start
                            && np.gender.agrees(a.gender)
                            // (not one the pronoun's own possessive opens:
                            // `In a message to her accountant she wrote`)
                            && !owned_by(&text[a.span], np.gender)
                    })
            })
            .flatten();
        // or else someone named earlier in the outer quotation (`Vance
        // didn't shout. He just said, '…'`), before the article's last
        // person named
        let pronoun = np.kind == MentionKind::Pronoun && np.number == Number::Singular;
        let earlier = (pronoun && antecedent.is_none())
            .then(|| {
                let opened = outer
                    .filter(|&o| out[o].quote.span.contains(q.span))
                    .map(|o| tokens.partition_point(|t| t.span.start <= out[o].quote.span.start))?;
                let from = opened.max(at.saturating_sub(window));
                // (not a name inside a quotation within it: `a column titled
                // 'Sorry, I Still Won't Back the Mayor.' He wrote, '…'`)
                let mut depth = 0usize;
                (from..floor).rev().find_map(|k| {
                    match tokens[k].tok() {
                        Tok::Close(_) => depth += 1,
                        Tok::Open(_) => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    (depth == 0)
                        .then(|| r.np_starting_at(k, floor))
                        .flatten()
                        .filter(|a| {
                            a.kind == MentionKind::Name && np.gender.agrees(a.gender)
                                // (or a person described by a word of the
                                // pronoun's gender: `My mum thought about
                                // it longer. She rang me and said, '…'`)
                                || a.kind == MentionKind::Description
                                    && a.person
                                    && a.gender != crate::lexicon::Gender::Unknown
                                    && a.gender == np.gender
                        })
                })
            })
            .flatten();
        let antecedent = antecedent.or(earlier);
        let (entity, how) = resolver.resolve(&antecedent.unwrap_or(np));
        // (no one calls themselves by name: `She rang me and said,
        // 'Saoirse, you're a grown woman'` is not Saoirse's)
        // (nor as `he`: in `"He looked at it and said, '…'" Matthias
        // said.` the `he` is someone else)
        let teller = outer
            .filter(|&o| out[o].quote.span.contains(q.span))
            .and_then(|o| out[o].speaker.as_ref()?.entity);
        let (entity, how) = match entity {
            Some(e) if addresses(q.content(), resolver.entities[e].name) => (None, How::Unresolved),
            Some(e)
                if pronoun
                    && antecedent.is_none()
                    && teller == Some(crate::analysis::EntityId(e)) =>
            {
                (None, How::Unresolved)
            }
            _ => (entity, how),
        };
        let mention = mention_of(text, &np);
        let fallback = mention_of(text, &antecedent.unwrap_or(np));
        let name = entity.map_or(fallback.as_str(), |e| resolver.entities[e].name);
        let a = &mut out[n];
        a.speaker = Some(Speaker {
            mention,
            name,
            entity: entity.map(crate::analysis::EntityId),
        });
        a.cue = Some(cue_of(text, &cue));
        a.rule = Rule::Nested;
        a.confidence = confidence(Rule::Nested) * certainty(how);
    }
}

/// Whether phrase `phrase` opens with the possessive pronoun of gender
/// `gender` (`her accountant` for a `she`), so that it is someone that
/// pronoun's person has, not the person.
fn owned_by(phrase: &str, gender: crate::lexicon::Gender) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    match gender {
        crate::lexicon::Gender::Feminine => first.eq_ignore_ascii_case("her"),
        crate::lexicon::Gender::Masculine => first.eq_ignore_ascii_case("his"),
        _ => false,
    }
}

fn cue_of<'h>(text: &'h str, c: &CueMatch<'_>) -> Cue<'h> {
    cue(text, c)
}

fn is_first_person(w: &str) -> bool {
    matches!(w.to_ascii_lowercase().as_str(), "i" | "we")
        // (with its verb: `I've`, `I’d`)
        || w.starts_with("I'")
        || w.starts_with("I\u{2019}")
}

#[cfg(test)]
mod tests {
    use super::addresses;

    #[test]
    fn vocatives_call_a_name() {
        for (words, name) in [
            ("You must not ask that of me, Edwin.", "Edwin Marlowe"),
            ("Edwin, come here", "Edwin Marlowe"),
            ("What do you mean, Mr. Vane?", "Rupert Vane"),
            ("Good night, Aunt Mabel!", "Mabel Reed"),
        ] {
            assert!(addresses(words, name), "{words:?} calls {name}");
        }
        for (words, name) in [
            ("Edwin painted it.", "Edwin Marlowe"),
            ("I saw Vane at noon.", "Rupert Vane"),
            ("Ask Edwinstowe, then.", "Edwin Marlowe"),
            ("Yes, Al.", "Al Smith"),
        ] {
            assert!(!addresses(words, name), "{words:?} does not call {name}");
        }
    }
}
