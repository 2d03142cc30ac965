//! CSV rows written field by field, with formula neutralisation applied to each cell as it
//! is written (instead of parsing every finished table again). What the overview page
//! shows of each table is `html::Preview`'s business, not the writer's.

use serde::ser::{self, Serialize};

/// Cells per row written so far, in CSV bytes: one table's rows, or a slice of them.
///
/// Written straight into a byte vector, the way `csv::Writer` writes them (comma, `\n`,
/// quotes only when a cell holds a comma, a quote, `\r` or `\n`, quotes doubled, and a
/// lone empty cell as `""`); the test below holds the two to the same bytes. Going through
/// `csv::Writer` cost a sixth of the per-article tables' instructions (its state machine
/// copies each cell into a buffer that is then copied again).
pub struct Csv {
    out: Vec<u8>,
    neutralise: bool,
    rows: usize,
    /// Cells written in the current row, and where the row began.
    cells: usize,
    row_start: usize,
    scratch: String,
}

/// Up to this many bytes, [`Csv::take`] copies them out and keeps its buffer.
const KEEP_BUFFER: usize = 64 << 10;

/// The bytes that make `csv::Writer` quote a cell (with its defaults and a `\n` terminator).
const NEEDS_QUOTES: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t
};

/// Whether any byte of `bytes` is in [`NEEDS_QUOTES`], eight bytes at a time: every cell
/// of every table is scanned, and most hold none of them.
fn needs_quotes(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Non-zero exactly when some byte of `x` equals `b` (the classic zero-byte test).
    let holds = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGHS != 0
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
        if holds(x, b',') | holds(x, b'"') | holds(x, b'\n') | holds(x, b'\r') {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| NEEDS_QUOTES[usize::from(b)])
}

impl Csv {
    /// A writer; `neutralise` prefixes cells a spreadsheet would run as a formula
    /// ([`super::could_run_as_formula`]) with `'`.
    pub fn new(neutralise: bool) -> Csv {
        Csv {
            out: Vec::new(),
            neutralise,
            rows: 0,
            cells: 0,
            row_start: 0,
            scratch: String::new(),
        }
    }

    /// The header row (column names need no neutralising).
    pub fn header(&mut self, names: &[&str]) -> anyhow::Result<()> {
        for n in names {
            self.cell(n.as_bytes());
        }
        self.end_row();
        Ok(())
    }

    /// One row: a flat struct of strings, integers and optional integers.
    pub fn row<T: Serialize>(&mut self, row: &T) -> anyhow::Result<()> {
        row.serialize(Fields { c: self })
            .map_err(|e| anyhow::anyhow!("{}", e.0))?;
        self.end_row();
        self.rows += 1;
        Ok(())
    }

    /// Data rows written (the header not counted).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The bytes written since the last call. For a few rows (one article's) the writer
    /// keeps its buffer and hands out a copy, one allocation of their size instead of a
    /// vector grown from nothing for every article; a whole table's bytes are handed over.
    pub fn take(&mut self) -> anyhow::Result<Vec<u8>> {
        self.row_start = 0;
        if self.out.len() > KEEP_BUFFER {
            return Ok(std::mem::take(&mut self.out));
        }
        let bytes = self.out.clone();
        self.out.clear();
        Ok(bytes)
    }

    /// A cell known to hold none of the bytes that need quotes (digits): written as is.
    fn plain_cell(&mut self, bytes: &[u8]) {
        if self.cells > 0 {
            self.out.push(b',');
        }
        self.cells += 1;
        self.out.extend_from_slice(bytes);
    }

    fn cell(&mut self, bytes: &[u8]) {
        if self.cells > 0 {
            self.out.push(b',');
        }
        self.cells += 1;
        if needs_quotes(bytes) {
            self.out.reserve(bytes.len() + 2);
            self.out.push(b'"');
            for &b in bytes {
                if b == b'"' {
                    self.out.push(b'"');
                }
                self.out.push(b);
            }
            self.out.push(b'"');
        } else {
            self.out.extend_from_slice(bytes);
        }
    }

    fn end_row(&mut self) {
        // A row of one empty cell would read back as an empty line, which readers skip.
        if self.cells > 0 && self.out.len() == self.row_start {
            self.out.extend_from_slice(b"\"\"");
        }
        self.out.push(b'\n');
        self.cells = 0;
        self.row_start = self.out.len();
    }
}

/// One whole table in memory: header and rows.
pub fn table<T: Serialize>(
    header: &[&str],
    rows: impl IntoIterator<Item = T>,
    neutralise: bool,
) -> anyhow::Result<(Vec<u8>, usize)> {
    let mut c = Csv::new(neutralise);
    c.header(header)?;
    for r in rows {
        c.row(&r)?;
    }
    let n = c.rows();
    Ok((c.take()?, n))
}

#[derive(Debug)]
pub struct FieldError(String);

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for FieldError {}
impl ser::Error for FieldError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        FieldError(msg.to_string())
    }
}

/// Writes a flat struct's fields as cells, the way `csv::Writer::serialize` does for the
/// types the tables use; any other type is an error, never a differently written cell.
struct Fields<'w> {
    c: &'w mut Csv,
}

impl Fields<'_> {
    fn cell(&mut self, s: &str) -> Result<(), FieldError> {
        let c = &mut *self.c;
        let s = &*capped_cell(s);
        if c.neutralise && super::could_run_as_formula(s) {
            let mut quoted = std::mem::take(&mut c.scratch);
            quoted.clear();
            quoted.push('\'');
            quoted.push_str(s);
            c.cell(quoted.as_bytes());
            c.scratch = quoted;
        } else {
            c.cell(s.as_bytes());
        }
        Ok(())
    }

    /// Integers through `itoa`, which writes the digits `Display` would, without the
    /// formatting machinery (a tenth of the per-article tables' time went there).
    fn number(&mut self, n: impl itoa::Integer) -> Result<(), FieldError> {
        let mut digits = itoa::Buffer::new();
        self.c.plain_cell(digits.format(n).as_bytes());
        Ok(())
    }
}

/// The most characters a spreadsheet cell holds (Excel's limit; LibreOffice's is
/// larger). A longer cell is cut, not split or dropped, so every table still opens whole.
pub const MAX_CELL_CHARS: usize = 32_767;

/// The cell cut to [`MAX_CELL_CHARS`] characters with room for a formula guard's `'` and
/// an ellipsis at the cut. Borrowed when short enough (every byte is at most one char,
/// so a cell of fewer bytes needs no counting).
fn capped_cell(s: &str) -> std::borrow::Cow<'_, str> {
    const KEEP: usize = MAX_CELL_CHARS - 2;
    if s.len() <= KEEP {
        return s.into();
    }
    match s.char_indices().nth(KEEP) {
        Some((cut, _)) => format!("{}…", &s[..cut]).into(),
        None => s.into(),
    }
}

fn unsupported(what: &str) -> FieldError {
    FieldError(format!("cannot write {what} as a CSV cell"))
}

impl ser::Serializer for Fields<'_> {
    type Ok = ();
    type Error = FieldError;
    type SerializeSeq = ser::Impossible<(), FieldError>;
    type SerializeTuple = ser::Impossible<(), FieldError>;
    type SerializeTupleStruct = ser::Impossible<(), FieldError>;
    type SerializeTupleVariant = ser::Impossible<(), FieldError>;
    type SerializeMap = ser::Impossible<(), FieldError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = ser::Impossible<(), FieldError>;

    fn serialize_bool(mut self, v: bool) -> Result<(), FieldError> {
        self.cell(if v { "true" } else { "false" })
    }
    fn serialize_i8(mut self, v: i8) -> Result<(), FieldError> {
        self.number(v)
    }
    fn serialize_i16(mut self, v: i16) -> Result<(), FieldError> {
        self.number(v)
    }
    fn serialize_i32(mut self, v: i32) -> Result<(), FieldError> {
        self.number(v)
    }
    fn serialize_i64(mut self, v: i64) -> Result<(), FieldError> {
        self.number(v)
    }
    fn serialize_u8(mut self, v: u8) -> Result<(), FieldError> {
        self.number(v)
    }
    fn serialize_u16(mut self, v: u16) -> Result<(), FieldError> {
        self.number(v)
    }
    fn serialize_u32(mut self, v: u32) -> Result<(), FieldError> {
        self.number(v)
    }
    fn serialize_u64(mut self, v: u64) -> Result<(), FieldError> {
        self.number(v)
    }
    fn serialize_f32(self, _: f32) -> Result<(), FieldError> {
        Err(unsupported("a float"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), FieldError> {
        Err(unsupported("a float"))
    }
    fn serialize_char(mut self, v: char) -> Result<(), FieldError> {
        self.cell(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(mut self, v: &str) -> Result<(), FieldError> {
        self.cell(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), FieldError> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), FieldError> {
        self.c.cell(&[]);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result<(), FieldError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), FieldError> {
        Err(unsupported("()"))
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), FieldError> {
        Err(unsupported("a unit struct"))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), FieldError> {
        Err(unsupported("an enum"))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), FieldError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), FieldError> {
        Err(unsupported("an enum"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, FieldError> {
        Err(unsupported("a sequence"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, FieldError> {
        Err(unsupported("a tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, FieldError> {
        Err(unsupported("a tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, FieldError> {
        Err(unsupported("an enum"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, FieldError> {
        Err(unsupported("a map"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, FieldError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, FieldError> {
        Err(unsupported("an enum"))
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = FieldError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        _: &'static str,
        v: &T,
    ) -> Result<(), FieldError> {
        v.serialize(Fields { c: self.c })
    }

    fn end(self) -> Result<(), FieldError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Row<'a> {
        text: &'a str,
        n: u64,
        maybe: Option<u64>,
        owned: String,
    }

    #[test]
    fn the_word_at_a_time_scan_finds_what_the_byte_table_finds() {
        // Every special byte and a few ordinary ones (high bytes included, which borrow
        // in the zero-byte test) at every position of cells around the chunk size.
        for len in 0..20 {
            for at in 0..len {
                for b in [b',', b'"', b'\n', b'\r', b'a', 0x80, 0xff, 0x2b, 0x0b, 0x00] {
                    let mut cell = vec![b'x'; len];
                    cell[at] = b;
                    let want = cell.iter().any(|&c| NEEDS_QUOTES[usize::from(c)]);
                    assert_eq!(needs_quotes(&cell), want, "{cell:?}");
                }
            }
            assert!(!needs_quotes(&vec![0xe9; len]));
        }
    }

    #[test]
    fn no_cell_is_longer_than_a_spreadsheet_holds() {
        let long = "é".repeat(MAX_CELL_CHARS * 2);
        let formula = format!("={}", "x".repeat(MAX_CELL_CHARS));
        let rows = [long.as_str(), formula.as_str(), "short"].map(|text| Row {
            text,
            n: 1,
            maybe: None,
            owned: String::new(),
        });
        let (bytes, _) = table(&["text", "n", "maybe", "owned"], rows, true).unwrap();
        let back: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .from_reader(&bytes[..])
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(back[0][0].chars().count(), MAX_CELL_CHARS - 1);
        assert!(back[0][0].ends_with("é…"));
        assert_eq!(back[1][0].chars().count(), MAX_CELL_CHARS);
        assert!(back[1][0].starts_with("'="));
        assert_eq!(back[2][0], "short");
    }

    #[test]
    fn cells_match_the_csv_serializer_then_the_old_rewrite() {
        let rows = [
            Row {
                text: "=SUM(A1)",
                n: 3,
                maybe: None,
                owned: "-0.25".into(),
            },
            Row {
                text: "a, \"b\"\nc",
                n: 0,
                maybe: Some(7),
                owned: "@home".into(),
            },
            Row {
                text: "",
                n: u64::MAX,
                maybe: None,
                owned: "\ttab".into(),
            },
        ];
        let header = ["text", "n", "maybe", "owned"];
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .has_headers(false)
            .from_writer(Vec::new());
        w.write_record(header).unwrap();
        for r in &rows {
            w.serialize(r).unwrap();
        }
        let serde = w.into_inner().unwrap();
        let (raw, n) = table(&header, &rows, false).unwrap();
        assert_eq!(n, 3);
        assert_eq!(raw, serde);
        let (safe, _) = table(&header, &rows, true).unwrap();
        assert_eq!(safe, super::super::neutralise_formulas(&serde).unwrap());
    }

    /// Every kind of cell the quoting rules tell apart, alone and in rows, written by this
    /// writer and by `csv::Writer` with the same settings.
    #[test]
    fn cells_are_quoted_as_the_csv_writer_quotes_them() {
        #[derive(Serialize)]
        struct One<'a> {
            text: &'a str,
        }
        #[derive(Serialize)]
        struct Two<'a> {
            a: &'a str,
            b: Option<u32>,
        }
        let cells = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "\"",
            "\"\"",
            "line\nbreak",
            "cr\rhere",
            "crlf\r\n",
            " spaced ",
            "tab\there",
            "Zürich ‘quoted’ — “curly”",
            "'",
            ",",
            "\n",
            "#comment",
            "=1+1",
        ];
        let expected = |rows: &mut dyn FnMut(&mut csv::Writer<Vec<u8>>)| {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .has_headers(false)
                .flexible(true)
                .from_writer(Vec::new());
            rows(&mut w);
            w.into_inner().unwrap()
        };
        let ones: Vec<One> = cells.iter().map(|&text| One { text }).collect();
        let want = expected(&mut |w| {
            w.write_record(["text"]).unwrap();
            for r in &ones {
                w.serialize(r).unwrap();
            }
        });
        assert_eq!(table(&["text"], &ones, false).unwrap().0, want);
        let twos: Vec<Two> = cells
            .iter()
            .enumerate()
            .map(|(i, &a)| Two {
                a,
                b: (i % 2 == 0).then_some(i as u32),
            })
            .collect();
        let want = expected(&mut |w| {
            w.write_record(["a", "b"]).unwrap();
            for r in &twos {
                w.serialize(r).unwrap();
            }
        });
        assert_eq!(table(&["a", "b"], &twos, false).unwrap().0, want);
        // Rows taken in slices join up to the same bytes.
        let mut c = Csv::new(false);
        c.header(&["a", "b"]).unwrap();
        let mut joined = c.take().unwrap();
        for r in &twos {
            c.row(r).unwrap();
            joined.extend(c.take().unwrap());
        }
        assert_eq!(joined, want);
        // A table larger than the buffer the writer keeps is handed over whole.
        let many: Vec<&Two> = twos.iter().cycle().take(8000).collect();
        let want = expected(&mut |w| {
            w.write_record(["a", "b"]).unwrap();
            for r in &many {
                w.serialize(r).unwrap();
            }
        });
        assert!(want.len() > KEEP_BUFFER);
        assert_eq!(table(&["a", "b"], &many, false).unwrap().0, want);
    }
}
