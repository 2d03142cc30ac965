//! The first pass: quotation marks found and paired, one paragraph at a time.

use super::RawQuote;
use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    /// `"` or `''`: direction only from context.
    Straight,
    /// `“` or `„`.
    Open,
    /// `”`.
    Close,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    kind: MarkKind,
}

/// Double quotation marks in `text[span]`: `"`, `“`, `”`, `„` and two apostrophes `''`.
/// Single quotes and apostrophes are never marks: they are too often apostrophes.
fn marks(text: &str, span: Span) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let hay = &bytes[span.start..span.end];
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b'"', b'\'', 0xE2, &hay[i..]) {
        let at = i + k;
        match hay[at] {
            b'"' => {
                out.push(Mark {
                    at: span.start + at,
                    len: 1,
                    kind: MarkKind::Straight,
                });
                i = at + 1;
            }
            b'\'' => {
                if hay.get(at + 1) == Some(&b'\'') && hay.get(at + 2) != Some(&b'\'') {
                    out.push(Mark {
                        at: span.start + at,
                        len: 2,
                        kind: MarkKind::Straight,
                    });
                    i = at + 2;
                } else {
                    i = at + 1;
                }
            }
            _ => {
                let kind = match (hay.get(at + 1), hay.get(at + 2)) {
                    (Some(0x80), Some(0x9C)) | (Some(0x80), Some(0x9E)) => Some(MarkKind::Open),
                    (Some(0x80), Some(0x9D)) => Some(MarkKind::Close),
                    _ => None,
                };
                if let Some(kind) = kind {
                    out.push(Mark {
                        at: span.start + at,
                        len: 3,
                        kind,
                    });
                }
                i = at + 1;
            }
        }
    }
    out
}

fn char_before(text: &str, at: usize, floor: usize) -> Option<char> {
    text[floor..at].chars().next_back()
}

fn char_after(text: &str, at: usize, ceil: usize) -> Option<char> {
    text[at..ceil].chars().next()
}

/// Whether a straight mark at `m` looks like it opens: after a space or an opening bracket,
/// before a word. `None` when context does not tell.
fn straight_opens(text: &str, m: Mark, para: Span) -> Option<bool> {
    let before = char_before(text, m.at, para.start);
    let after = char_after(text, m.at + m.len, para.end);
    let open_left = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let close_right = after.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–-".contains(c));
    match (open_left, close_right) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Pairs the marks of every paragraph. Returns the quotes and the number of stray marks.
pub fn pair(text: &str, paragraphs: &[Span]) -> (Vec<RawQuote>, u32) {
    let mut out = Vec::new();
    let mut stray = 0u32;
    // A quote carried over from the previous paragraph: its opening mark's start.
    let mut carried: Option<(usize, usize)> = None;
    for (pi, &para) in paragraphs.iter().enumerate() {
        let ms = marks(text, para);
        let mut open: Option<(usize, usize)> = None; // (mark start, inner start)
        let mut skip_first = false;
        if let Some((start, inner)) = carried.take() {
            match ms.first() {
                // The re-opening mark at the start of this paragraph is part of the quotation.
                Some(m) if m.at == para.start => {
                    open = Some((start, inner));
                    skip_first = true;
                }
                // A paragraph break inside the quotation: its closing mark is here.
                Some(_) => open = Some((start, inner)),
                None => stray += 1,
            }
        }
        for (k, &m) in ms.iter().enumerate() {
            if k == 0 && skip_first {
                continue;
            }
            match open {
                None => {
                    let opens = match m.kind {
                        MarkKind::Open => true,
                        MarkKind::Close => false,
                        MarkKind::Straight => straight_opens(text, m, para) != Some(false),
                    };
                    if opens {
                        open = Some((m.at, m.at + m.len));
                    } else {
                        stray += 1;
                    }
                }
                Some((start, inner)) => {
                    let closes = match m.kind {
                        MarkKind::Close | MarkKind::Straight => true,
                        // “ typed for ”: only when it cannot open the next quote.
                        MarkKind::Open => {
                            let after = char_after(text, m.at + m.len, para.end);
                            after.is_none_or(|c| c.is_whitespace() || ",.;:!?".contains(c))
                        }
                    };
                    if closes {
                        push_quote(&mut out, text, start, inner, m.at, m.at + m.len, false);
                        open = None;
                    } else {
                        stray += 1;
                        open = Some((m.at, m.at + m.len));
                    }
                }
            }
        }
        if let Some((start, inner)) = open {
            let next_reopens = paragraphs.get(pi + 1).is_some_and(|next| {
                marks(text, Span::new(next.start, (next.start + 3).min(next.end)))
                    .first()
                    .is_some_and(|m| m.at == next.start && m.kind != MarkKind::Close)
            });
            // `"... decision-maker ¶ based on ... the veterans," said Nicholson`: a stray
            // paragraph break, when the next paragraph's first mark can only close.
            let next_closes = paragraphs.get(pi + 1).is_some_and(|next| {
                marks(text, *next).first().is_some_and(|m| {
                    m.at > next.start
                        && (m.kind == MarkKind::Close
                            || (m.kind == MarkKind::Straight
                                && straight_opens(text, *m, *next) == Some(false)))
                })
            });
            if next_reopens || next_closes {
                carried = Some((start, inner));
            } else {
                stray += 1;
                push_quote(&mut out, text, start, inner, para.end, para.end, true);
            }
        }
    }
    (out, stray)
}

fn push_quote(
    out: &mut Vec<RawQuote>,
    text: &str,
    start: usize,
    inner_start: usize,
    inner_end: usize,
    end: usize,
    unclosed: bool,
) {
    if text[inner_start..inner_end]
        .chars()
        .any(char::is_alphanumeric)
    {
        out.push(RawQuote {
            span: Span::new(start, end),
            inner: Span::new(inner_start, inner_end),
            unclosed,
        });
    }
}
