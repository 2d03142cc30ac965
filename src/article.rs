//! The article model: the decoded text and its structure as byte spans into that text.
//!
//! Layout of an input article (the seed's format): the headline on line 1, sometimes a photo
//! caption or credit on the lines right under it, then paragraphs separated by blank lines.
//! Spans rather than copies keep one owned `String` per article and let every table report
//! offsets that index the text as decoded.

use crate::text::{sentences, tokenize, Span};

/// How the bytes of a file were turned into text; reported per article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8, so read as Windows-1252 (a superset of Latin-1's printable range).
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// The encoding [`Encoding::name`] names.
    pub fn from_name(name: &str) -> Option<Encoding> {
        use Encoding::*;
        [Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252]
            .into_iter()
            .find(|e| e.name() == name)
    }
}

/// One sentence and the paragraph (index into [`Article::paragraphs`]) that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// The sentence's words: `start..end` of [`Article::words`].
    pub words: (u32, u32),
}

#[derive(Debug, Clone)]
pub struct Article {
    /// Path relative to the input folder, `/`-separated: the `article` column of every table.
    pub id: String,
    pub text: String,
    pub encoding: Encoding,
    /// Line 1; also paragraph 0 when non-empty.
    pub title: Span,
    /// Title first, then caption lines, then body paragraphs, in text order.
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// Every word of every sentence, in text order ([`tokenize::words`] of each sentence).
    /// Tokenized once here because the word counts, name finding and the lower-case
    /// evidence all walk the same words.
    pub words: Vec<Span>,
}

impl Article {
    pub fn new(id: String, text: String, encoding: Encoding) -> Article {
        let paragraphs = paragraphs(&text);
        let title = paragraphs.first().copied().unwrap_or_default();
        // News text runs about six bytes to a word with its space: sized for that, the
        // word list is grown (and copied) once at most for most articles.
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        let mut sentences = Vec::new();
        for (i, &p) in paragraphs.iter().enumerate() {
            let spans = if i == 0 {
                // A headline is one sentence whatever its punctuation.
                vec![p]
            } else {
                sentences::split(&text, p)
            };
            for span in spans {
                let from = words.len() as u32;
                let at =
                    |(at, w): (usize, &str)| Span::new(span.start + at, span.start + at + w.len());
                // Which tokenizer, asked once per sentence rather than per word.
                match tokenize::words(span.slice(&text)) {
                    tokenize::Words::Ascii(w) => words.extend(w.map(at)),
                    tokenize::Words::Unicode(w) => words.extend(w.map(at)),
                }
                sentences.push(Sentence {
                    span,
                    paragraph: i,
                    words: (from, words.len() as u32),
                });
            }
        }
        Article {
            id,
            text,
            encoding,
            title,
            paragraphs,
            sentences,
            words,
        }
    }

    /// The words of a sentence with their byte offsets into the text.
    pub fn words_of(&self, s: &Sentence) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.words[s.words.0 as usize..s.words.1 as usize]
            .iter()
            .map(|w| (w.start, w.slice(&self.text)))
    }

    /// Every word of the article, in text order.
    pub fn all_words(&self) -> impl Iterator<Item = &str> + '_ {
        self.words.iter().map(|w| w.slice(&self.text))
    }

    pub fn title(&self) -> &str {
        self.title.slice(&self.text)
    }
}

/// Paragraph spans of `text`, trimmed of white space.
///
/// Blocks are separated by blank lines. The first line is the headline and each other line
/// of the first block is a caption (its own paragraph). A text with no blank line at all but
/// several lines is treated as one paragraph per line, the other common export style.
/// Line ends may be `\n`, `\r\n` or a lone `\r`.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let has_blank = lines.iter().any(|l| l.slice(text).trim().is_empty());
    let mut out = Vec::new();
    let mut block: Option<Span> = None;
    let mut first_block = true;
    let flush = |block: &mut Option<Span>, out: &mut Vec<Span>| {
        if let Some(b) = block.take() {
            push_trimmed(out, text, b);
        }
    };
    for line in lines {
        let blank = line.slice(text).trim().is_empty();
        if blank {
            if block.is_some() || !out.is_empty() {
                first_block = false;
            }
            flush(&mut block, &mut out);
            continue;
        }
        if first_block || !has_blank {
            // Headline, caption lines, or one-paragraph-per-line text.
            push_trimmed(&mut out, text, line);
            continue;
        }
        block = Some(match block {
            Some(b) => Span::new(b.start, line.end),
            None => line,
        });
    }
    flush(&mut block, &mut out);
    out
}

/// Line spans without their line terminators.
fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Line ends found by `memchr`, not byte by byte: every byte of every article is looked at.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            // The `\n` of a `\r\n`, ended with its `\r`.
            continue;
        }
        out.push(Span::new(start, i));
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, s: Span) {
    let piece = s.slice(text);
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(s.start + lead, s.start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_each_terminator_as_a_byte_scan_ends_them() {
        // The byte-by-byte scan `lines` replaced.
        fn scanned(text: &str) -> Vec<Span> {
            let bytes = text.as_bytes();
            let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
            while i < bytes.len() {
                match bytes[i] {
                    b'\n' => {
                        out.push(Span::new(start, i));
                        start = i + 1;
                    }
                    b'\r' => {
                        out.push(Span::new(start, i));
                        if bytes.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                        start = i + 1;
                    }
                    _ => {}
                }
                i += 1;
            }
            if start < bytes.len() {
                out.push(Span::new(start, bytes.len()));
            }
            out
        }
        for text in [
            "",
            "a",
            "\n",
            "\r",
            "\r\n",
            "\n\r",
            "\r\r\n\n",
            "a\r\nb\rc\nd",
            "a\n\n\r\n\rb\r",
            "é\r\n\r\nx",
            "no end",
        ] {
            assert_eq!(lines(text), scanned(text), "{text:?}");
        }
    }

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn headline_caption_and_body() {
        let text = "Headline here\nCaption line Reuters\n\nFirst para\ncontinues.\n\nSecond.\n";
        assert_eq!(
            paras(text),
            vec![
                "Headline here",
                "Caption line Reuters",
                "First para\ncontinues.",
                "Second."
            ]
        );
    }

    #[test]
    fn crlf_and_lone_cr_line_ends() {
        assert_eq!(paras("T\r\n\r\nA\r\n\r\nB"), vec!["T", "A", "B"]);
        assert_eq!(paras("T\r\rA\r\rB"), vec!["T", "A", "B"]);
    }

    #[test]
    fn no_blank_lines_means_one_paragraph_per_line() {
        assert_eq!(paras("T\nA.\nB."), vec!["T", "A.", "B."]);
    }

    #[test]
    fn leading_blank_lines_and_indentation() {
        assert_eq!(paras("\n\n  T  \n\n  body  "), vec!["T", "body"]);
    }

    #[test]
    fn article_sentences_point_at_their_paragraph() {
        let a = Article::new(
            "a.txt".into(),
            "Big News. Really\n\nOne. Two.\n\nThree.".into(),
            Encoding::Utf8,
        );
        assert_eq!(a.title(), "Big News. Really");
        let got: Vec<(&str, usize)> = a
            .sentences
            .iter()
            .map(|s| (s.span.slice(&a.text), s.paragraph))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Big News. Really", 0),
                ("One.", 1),
                ("Two.", 1),
                ("Three.", 2)
            ]
        );
    }

    #[test]
    fn empty_text_has_no_structure() {
        let a = Article::new("e".into(), String::new(), Encoding::Utf8);
        assert!(a.paragraphs.is_empty() && a.sentences.is_empty());
        assert_eq!(a.title(), "");
    }
}
