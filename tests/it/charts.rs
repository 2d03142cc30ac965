//! The charts decoded and looked at: each PNG has the size the layout asks for and shows
//! what its numbers say (one bar per row of the table, bars as long as their counts, heat
//! map cells shaded where two entities meet and blank where they do not, nothing drawn
//! when there is nothing to draw).
//!
//! Nothing here depends on where a chart puts its bars to the pixel, which moves with the
//! font and the length of the labels: bars are found as blocks of their exact fill colour
//! (text is antialiased, so never exactly a fill colour), and only counts, order and the
//! ratios of lengths are checked, to within two pixels of rounding.

use crate::util::{read_csv, Fixture};
use broadsheet::report::charts::{
    cooccurrence_heatmap, grouped_bars, horizontal_bars, top_speakers, women_quoted,
};
use broadsheet::report::gender::Counts;
use broadsheet::report::tables::SpeakerOut;
use image::RgbImage;

/// Fill colours, as `src/report/charts.rs` and `charts/women.rs` define them.
const BAR: [u8; 3] = [46, 110, 168];
const REPORTED: [u8; 3] = [242, 142, 43];
/// The first two colours of the series palette (outlets on `speakers_by_outlet.png`).
const SERIES_0: [u8; 3] = [78, 121, 167];
const SERIES_1: [u8; 3] = [242, 142, 43];
/// The heat map's diagonal (an entity with itself).
const DIAGONAL: [u8; 3] = [225, 225, 225];
const SOURCES: [u8; 3] = [46, 110, 168];
const PEOPLE: [u8; 3] = [242, 142, 43];

/// Legend swatches are 22 px wide; every bar below is far longer than this.
const LONGER_THAN_A_SWATCH: u32 = 30;

fn decode(png: &[u8]) -> RgbImage {
    image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .expect("a PNG that decodes")
        .to_rgb8()
}

/// A block of one fill colour: its top-left corner, its height in rows and its width (the
/// longest run of the colour in any of its rows).
#[derive(Debug, Clone, Copy)]
struct Block {
    x: u32,
    y: u32,
    w: u32,
    h: u32,
}

impl Block {
    fn end(&self) -> u32 {
        self.x + self.w
    }
}

/// The blocks of exactly `colour`: in every row, the runs of that colour at least
/// `min_len` pixels long; a run joins the block of the row above that starts at the same
/// column (give or take a pixel). Sorted top to bottom, then left to right.
fn blocks(img: &RgbImage, colour: [u8; 3], min_len: u32) -> Vec<Block> {
    let mut done: Vec<Block> = Vec::new();
    // Blocks that had a run in the previous row.
    let mut open: Vec<Block> = Vec::new();
    for y in 0..img.height() {
        let mut runs = Vec::new();
        let mut x = 0;
        while x < img.width() {
            if img.get_pixel(x, y).0 == colour {
                let start = x;
                while x < img.width() && img.get_pixel(x, y).0 == colour {
                    x += 1;
                }
                if x - start >= min_len {
                    runs.push((start, x - start));
                }
            } else {
                x += 1;
            }
        }
        let mut next = Vec::new();
        for (start, len) in runs {
            match open.iter().position(|b| b.x.abs_diff(start) <= 1) {
                Some(i) => {
                    let mut b = open.swap_remove(i);
                    b.h += 1;
                    b.w = b.w.max(len);
                    next.push(b);
                }
                None => next.push(Block {
                    x: start,
                    y,
                    w: len,
                    h: 1,
                }),
            }
        }
        done.append(&mut open);
        open = next;
    }
    done.append(&mut open);
    done.sort_by_key(|b| (b.y, b.x));
    done
}

fn pixels_of(img: &RgbImage, colour: [u8; 3]) -> usize {
    img.pixels().filter(|p| p.0 == colour).count()
}

/// Each length is `value` units of one scale, the first bar's (within 2 px of rounding).
fn assert_proportional(lengths: &[u32], values: &[u64]) {
    assert_eq!(lengths.len(), values.len(), "{lengths:?} for {values:?}");
    let unit = f64::from(lengths[0]) / values[0] as f64;
    for (&len, &v) in lengths.iter().zip(values) {
        let expected = unit * v as f64;
        assert!(
            (f64::from(len) - expected).abs() <= 2.0,
            "bar of {v} is {len} px, expected {expected:.1} ({lengths:?} for {values:?})"
        );
    }
}

/// Through the real binary: three words counted 3, 2 and 1 times make three bars on
/// `top_words.png`, largest on top, as long as their counts, all from the same axis.
#[test]
fn top_words_png_has_a_bar_per_word_as_long_as_its_count() {
    let f = Fixture::new();
    // Words: iran syria | iran iran syria iraq => iran 3, syria 2, iraq 1.
    f.file("a.txt", "Iran Syria\n\nIran Iran Syria Iraq.\n");
    f.file("stop.txt", "# nothing is a stop word here\n");
    let out = f.run(&["in", "--stopwords", "stop.txt", "--quiet"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let words: Vec<String> = read_csv(&f.out("words.csv"))[1..]
        .iter()
        .map(|r| format!("{} {}", r[0], r[1]))
        .collect();
    assert_eq!(words, ["iran 3", "syria 2", "iraq 1"]);

    let img = decode(&std::fs::read(f.out("top_words.png")).unwrap());
    // 1200 wide; 160 + 34 px a bar, but never under 400.
    assert_eq!(img.dimensions(), (1200, 400));
    let bars = blocks(&img, BAR, 3);
    assert_eq!(bars.len(), 3, "{bars:?}");
    assert!(bars.iter().all(|b| b.x == bars[0].x), "one axis: {bars:?}");
    assert!(
        bars.iter().all(|b| b.h.abs_diff(bars[0].h) <= 1),
        "{bars:?}"
    );
    assert_proportional(&bars.iter().map(|b| b.w).collect::<Vec<_>>(), &[3, 2, 1]);
}

#[test]
fn bar_chart_height_grows_with_its_bars_and_every_bar_is_drawn() {
    let bars: Vec<(String, u64)> = (1..=20).rev().map(|v| (format!("w{v}"), v)).collect();
    let img = decode(&horizontal_bars("t", "x", &bars).unwrap());
    assert_eq!(img.dimensions(), (1200, 160 + 34 * 20));
    let found = blocks(&img, BAR, 3);
    assert_eq!(found.len(), 20, "{found:?}");
    let lengths: Vec<u32> = found.iter().map(|b| b.w).collect();
    assert!(lengths.windows(2).all(|w| w[0] > w[1]), "{lengths:?}");
    assert_proportional(&lengths, &(1..=20).rev().collect::<Vec<u64>>());

    // Two bars: the 400 px floor; the longer bar first.
    let two = [("iran".to_string(), 12), ("syria".to_string(), 9)];
    let img = decode(&horizontal_bars("t", "x", &two).unwrap());
    assert_eq!(img.dimensions(), (1200, 400));
    let found = blocks(&img, BAR, 3);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_proportional(&[found[0].w, found[1].w], &[12, 9]);
}

#[test]
fn an_empty_bar_chart_draws_no_bar() {
    let img = decode(&horizontal_bars("t", "x", &[]).unwrap());
    assert_eq!(img.dimensions(), (1200, 400));
    assert_eq!(pixels_of(&img, BAR), 0);
    // Not blank either: it says there is nothing to show.
    assert!(img.pixels().any(|p| p.0 != [255, 255, 255]));
}

/// `top_speakers.png`: a speaker's reported speech is a second bar stacked at the end of
/// their quotations, on the same rows and the same scale.
#[test]
fn speakers_chart_stacks_reported_speech_after_quotations() {
    let s = |name: &str, quotes: u64, reported: u64| SpeakerOut {
        speaker: name.into(),
        kind: "PERSON",
        quotes,
        reported,
        quoted_words: 0,
        articles: 1,
        gender: "",
        gender_evidence: "",
    };
    // Ann 5 + 2, Bo 0 + 4, Cy 3 + 0: quotation bars for Ann and Cy, reported speech for
    // Ann and Bo.
    let speakers = [s("Ann Lee", 5, 2), s("Bo Kim", 0, 4), s("Cy Oduya", 3, 0)];
    let img = decode(&top_speakers(&speakers, 14, 6, 10).unwrap());
    // 160 + 34 px a bar + 40 for the legend, at least 400.
    assert_eq!(img.dimensions(), (1200, 400));
    let quoted = blocks(&img, BAR, LONGER_THAN_A_SWATCH);
    let reported = blocks(&img, REPORTED, LONGER_THAN_A_SWATCH);
    assert_eq!(quoted.len(), 2, "{quoted:?}");
    assert_eq!(reported.len(), 2, "{reported:?}");
    let (ann_q, cy_q) = (quoted[0], quoted[1]);
    let (ann_r, bo_r) = (reported[0], reported[1]);
    // Ann's two parts share their rows and meet end to start.
    assert_eq!((ann_r.y, ann_r.h), (ann_q.y, ann_q.h));
    assert!(ann_r.x.abs_diff(ann_q.end()) <= 1, "{ann_q:?} {ann_r:?}");
    // Bo quoted no one: the reported bar starts at the axis. Rows in the table's order.
    assert!(bo_r.x.abs_diff(ann_q.x) <= 2, "{ann_q:?} {bo_r:?}");
    assert!(ann_q.y < bo_r.y && bo_r.y < cy_q.y);
    assert_proportional(&[ann_q.w, cy_q.w, ann_r.w, bo_r.w], &[5, 3, 2, 4]);
}

/// `speakers_by_outlet.png`: one bar per outlet in each speaker's group, in the outlet's
/// colour, none where the outlet never quoted the speaker.
#[test]
fn grouped_bars_draw_one_bar_per_outlet_and_speaker() {
    let groups: Vec<String> = ["Ann Lee", "Bo Kim", "Cy Oduya", "Di Park"]
        .map(String::from)
        .to_vec();
    let series = vec!["Ledger".to_string(), "Gazette".to_string()];
    let values = [vec![3, 1], vec![0, 2], vec![2, 2], vec![1, 0]];
    let img = decode(&grouped_bars("t", "x", &groups, &series, &values).unwrap());
    // 170 + 46 px a group (two outlets) + 28 px a legend line + 20.
    assert_eq!(img.dimensions(), (1200, 170 + 46 * 4 + 28 * 2 + 20));
    let ledger = blocks(&img, SERIES_0, LONGER_THAN_A_SWATCH);
    let gazette = blocks(&img, SERIES_1, LONGER_THAN_A_SWATCH);
    // Ledger: Ann 3, Cy 2, Di 1; Gazette: Ann 1, Bo 2, Cy 2.
    assert_eq!(ledger.len(), 3, "{ledger:?}");
    assert_eq!(gazette.len(), 3, "{gazette:?}");
    // Within a group the Ledger's bar is above the Gazette's; groups top down in order.
    assert!(ledger[0].y < gazette[0].y && gazette[0].y < gazette[1].y);
    assert!(gazette[1].y < ledger[1].y && ledger[1].y < gazette[2].y);
    assert!(gazette[2].y < ledger[2].y);
    let lengths: Vec<u32> = ledger.iter().chain(&gazette).map(|b| b.w).collect();
    assert_proportional(&lengths, &[3, 2, 1, 1, 2, 2]);
}

/// `cooccurrence_heatmap.png`: a grey diagonal, one cell per pair; the pairs that share a
/// window are shaded (the same for both orders of the pair, darker for more), every other
/// cell is left near white.
#[test]
fn heatmap_shades_exactly_the_pairs_seen_together() {
    // One-letter labels: the layout's minimum margins (label room 36 + 16), 36 px cells.
    let labels: Vec<String> = ('A'..='N').map(String::from).collect();
    let n = labels.len();
    let mut counts = vec![vec![0u64; n]; n];
    for (i, j, v) in [(0, 1, 6), (3, 13, 3), (2, 5, 1)] {
        counts[i][j] = v;
        counts[j][i] = v;
    }
    let img = decode(&cooccurrence_heatmap(&labels, &counts, "paragraph", 5).unwrap());
    // left 72 + 14 cells + 170 for the scale; top 142 + 14 cells + 60.
    assert_eq!(img.dimensions(), (72 + 36 * 14 + 170, 142 + 36 * 14 + 60));

    // The diagonal: 14 grey squares, each one cell right of and below the last.
    let diagonal = blocks(&img, DIAGONAL, 20);
    assert_eq!(diagonal.len(), n, "{diagonal:?}");
    let pitch = diagonal[1].x - diagonal[0].x;
    for (i, d) in diagonal.iter().enumerate() {
        let i = i as u32;
        assert_eq!(
            (d.x, d.y),
            (diagonal[0].x + pitch * i, diagonal[0].y + pitch * i)
        );
        assert!(
            d.w.abs_diff(d.h) <= 1 && d.w <= pitch,
            "{d:?} in cells of {pitch}"
        );
    }
    // Each cell read at its top-left corner, clear of the number in its middle.
    let cell = |i: usize, j: usize| img.get_pixel(diagonal[j].x + 3, diagonal[i].y + 3).0;
    let darkness = |c: [u8; 3]| 765 - c.iter().map(|&v| u32::from(v)).sum::<u32>();
    let mut shaded = Vec::new();
    for i in 0..n {
        for j in 0..n {
            let c = cell(i, j);
            if i == j {
                assert_eq!(c, DIAGONAL);
            } else if c[0] < 200 {
                assert!(c[2] > c[0], "shades are blue: {c:?} at ({i}, {j})");
                assert_eq!(c, cell(j, i), "a pair is shaded alike both ways");
                shaded.push((i, j));
            } else {
                assert!(darkness(c) < 30, "near white: {c:?} at ({i}, {j})");
            }
        }
    }
    assert_eq!(
        shaded,
        [(0, 1), (1, 0), (2, 5), (3, 13), (5, 2), (13, 3)],
        "the cells of the three pairs, and only those"
    );
    assert!(darkness(cell(0, 1)) > darkness(cell(3, 13)));
    assert!(darkness(cell(3, 13)) > darkness(cell(2, 5)));
    // The scale beside the grid runs up to the darkest cell's shade.
    let grid_end = diagonal[n - 1].x + pitch;
    let darkest = cell(0, 1);
    assert!(
        (grid_end..img.width())
            .any(|x| (0..img.height()).any(|y| img.get_pixel(x, y).0 == darkest)),
        "the scale shows the largest count's shade"
    );
}

#[test]
fn an_empty_heatmap_draws_no_cell() {
    let img = decode(&cooccurrence_heatmap(&[], &[], "paragraph", 0).unwrap());
    assert_eq!(img.dimensions(), (700, 400));
    assert!(blocks(&img, DIAGONAL, 20).is_empty());
    // No shade at all (the shades are blue; the text is grey).
    assert!(
        !img.pixels()
            .any(|p| u16::from(p.0[2]) > u16::from(p.0[0]) + 20),
        "a blue pixel on an empty heat map"
    );
}

/// `women_quoted.png`: bars on a 0-100% axis, as long as the shares; no bar where no
/// one's gender is known.
#[test]
fn women_quoted_bars_are_as_long_as_the_shares() {
    let counts = |articles, people, sources| Counts {
        articles,
        people,
        sources,
    };
    let groups = [
        // People 6 of 12 women (50%), sources 4 of 12 (33%).
        ("all".to_string(), counts(3, [6, 6, 1], [4, 8, 0])),
        // People 3 of 5 (60%); no source of known gender, so no sources bar.
        ("Ledger".to_string(), counts(2, [3, 2, 1], [0, 0, 1])),
    ];
    let img = decode(&women_quoted(&groups, &[], "month", 3).unwrap());
    // Header 130, 110 + 58 a group, the note on small counts 44.
    assert_eq!(img.dimensions(), (1200, 130 + 110 + 58 * 2 + 44));
    let sources = blocks(&img, SOURCES, LONGER_THAN_A_SWATCH);
    let people = blocks(&img, PEOPLE, LONGER_THAN_A_SWATCH);
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert_eq!(people.len(), 2, "{people:?}");
    // Sources above people in a group; every bar from the same 0% axis.
    assert!(sources[0].y < people[0].y && people[0].y < people[1].y);
    assert!(sources[0].x == people[0].x && people[0].x == people[1].x);
    // 33.3%, 50%, 60% = 10, 15, 18 units of 3.33%.
    assert_proportional(&[sources[0].w, people[0].w, people[1].w], &[10, 15, 18]);
}
