//! PNG charts, drawn with plotters into memory and encoded here, with the DejaVu Sans font
//! compiled into the binary so charts render the same on a machine with no fonts installed.

use super::tables::{SpeakerOut, WordOut};
use super::truncate;
use anyhow::{anyhow, Context, Result};
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;
use std::sync::Once;

mod women;
pub use women::women_quoted;

const BAR: RGBColor = RGBColor(46, 110, 168);
const INK: RGBColor = RGBColor(40, 40, 40);
const FONT: &str = "sans-serif";

/// Registers the embedded font once per process; plotters looks fonts up by family name.
fn fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font bytes are a compile-time constant known to parse; failure is a build bug.
        plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular())
            .unwrap_or_else(|_| panic!("embedded DejaVu Sans failed to load"));
        plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold())
            .unwrap_or_else(|_| panic!("embedded DejaVu Sans Bold failed to load"));
    });
}

/// `top_words.png`: the `top` most frequent words as horizontal bars.
pub fn top_words(words: &[WordOut], articles: usize, top: usize) -> Result<Vec<u8>> {
    let bars: Vec<(String, u64)> = words
        .iter()
        .take(top)
        .map(|w| (w.word.clone(), w.count))
        .collect();
    let title = format!(
        "Top {} words in {} article{}",
        bars.len(),
        articles,
        if articles == 1 { "" } else { "s" }
    );
    horizontal_bars(&title, "occurrences (stop words removed)", &bars)
}

/// Reported speech on `top_speakers.png`: a second colour of the same palette.
const REPORTED: RGBColor = RGBColor(242, 142, 43);

/// `top_speakers.png`: the `top` speakers of `speakers.csv`, in its order, each bar their
/// quotations with their reported speech stacked after it: a speaker paraphrased more
/// than quoted is still seen to speak. `quotes` counts every row of `quotes.csv`,
/// `reported` the reported speech among them.
pub fn top_speakers(
    speakers: &[SpeakerOut],
    quotes: usize,
    reported: usize,
    top: usize,
) -> Result<Vec<u8>> {
    let bars: Vec<(String, Vec<u64>)> = speakers
        .iter()
        .take(top)
        .map(|s| (s.speaker.clone(), vec![s.quotes, s.reported]))
        .collect();
    let quoted = quotes.saturating_sub(reported);
    let reported = match reported {
        0 => "no reported speech found".to_string(),
        1 => "1 piece of reported speech".to_string(),
        r => format!("{r} pieces of reported speech"),
    };
    let title = format!(
        "Top {} speakers of {} quotation{} and {}",
        bars.len(),
        quoted,
        if quoted == 1 { "" } else { "s" },
        reported
    );
    stacked_bars(
        &title,
        "quotations and pieces of reported speech attributed",
        &bars,
        &[
            ("quotations (direct and partial)", BAR),
            ("reported speech (no quotation marks)", REPORTED),
        ],
    )
}

/// A horizontal bar chart, largest bar on top, each bar labelled with its value.
pub fn horizontal_bars(title: &str, x_label: &str, bars: &[(String, u64)]) -> Result<Vec<u8>> {
    let bars: Vec<(String, Vec<u64>)> = bars.iter().map(|(s, v)| (s.clone(), vec![*v])).collect();
    stacked_bars(title, x_label, &bars, &[("", BAR)])
}

/// Horizontal bars, first on top, each made of one segment per series (coloured as
/// `series` says) laid end to end and labelled with its parts ("14 + 3", a part after
/// the first left out when 0). A legend under the plot names the series when there are
/// two or more.
fn stacked_bars(
    title: &str,
    x_label: &str,
    bars: &[(String, Vec<u64>)],
    series: &[(&str, RGBColor)],
) -> Result<Vec<u8>> {
    fonts();
    let n = bars.len().max(1);
    let legend_px = if series.len() > 1 { 40 } else { 0 };
    let (width, height) = (1200u32, (160 + 34 * n as u32 + legend_px).max(400));
    let total = |v: &[u64]| v.iter().sum::<u64>();
    let mut rgb = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let max = bars.iter().map(|b| total(&b.1)).max().unwrap_or(1).max(1);
        let label_width = bars
            .iter()
            .map(|b| b.0.chars().count())
            .max()
            .unwrap_or(4)
            .clamp(4, 40) as u32
            * 11
            + 20;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                title,
                (FONT, 30).into_font().style(FontStyle::Bold).color(&INK),
            )
            .margin(20)
            .margin_right(60)
            .margin_bottom(20 + legend_px)
            .x_label_area_size(50)
            .y_label_area_size(label_width)
            .build_cartesian_2d(0u64..headroom(max), (0..n as i32 - 1).into_segmented())
            .map_err(draw_err)?;
        let names: Vec<&str> = bars.iter().map(|b| b.0.as_str()).collect();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(RGBColor(220, 220, 220))
            .y_labels(n)
            .y_label_formatter(&|v| match v {
                // Row 0 is drawn at the bottom: put the largest bar (index 0) on top.
                SegmentValue::CenterOf(i) => usize::try_from(*i)
                    .ok()
                    .and_then(|i| (n - 1).checked_sub(i))
                    .and_then(|row| names.get(row))
                    .map_or(String::new(), |s| truncate(s, 40)),
                _ => String::new(),
            })
            .x_desc(x_label)
            .x_label_formatter(&|x| x.to_string())
            .label_style((FONT, 18).into_font().color(&INK))
            .axis_desc_style((FONT, 20).into_font().color(&INK))
            .draw()
            .map_err(draw_err)?;
        for (j, &(_, colour)) in series.iter().enumerate() {
            chart
                .draw_series(bars.iter().enumerate().filter_map(|(i, (_, v))| {
                    let (from, part) = (total(&v[..j.min(v.len())]), *v.get(j)?);
                    let row = (n - 1 - i) as i32;
                    let mut r = Rectangle::new(
                        [
                            (from, SegmentValue::Exact(row)),
                            (from + part, SegmentValue::Exact(row + 1)),
                        ],
                        colour.filled(),
                    );
                    r.set_margin(4, 4, 0, 0);
                    Some(r)
                }))
                .map_err(draw_err)?;
        }
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
                let row = (n - 1 - i) as i32;
                Text::new(
                    format!(" {}", parts_label(v)),
                    (total(v), SegmentValue::CenterOf(row)),
                    (FONT, 17)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                )
            }))
            .map_err(draw_err)?;
        if series.len() > 1 {
            // Side by side under the plot, where no bar can be.
            let (mut x, _) = chart.backend_coord(&(0, SegmentValue::Exact(0)));
            let y = height as i32 - legend_px as i32 / 2 - 10;
            for &(name, colour) in series {
                root.draw(&Rectangle::new(
                    [(x, y - 8), (x + 22, y + 8)],
                    colour.filled(),
                ))
                .map_err(draw_err)?;
                let font = (FONT, 18).into_font();
                let text_px = font
                    .box_size(name)
                    .map_or(10 * name.len() as i32, |b| b.0 as i32);
                root.draw(&Text::new(
                    name,
                    (x + 32, y),
                    font.color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(draw_err)?;
                x += 32 + text_px + 40;
            }
        }
        if bars.is_empty() {
            nothing_to_show(&root, width, height)?;
        }
        root.present().map_err(draw_err)?;
    }
    encode_png(rgb, width, height)
}

/// A stacked bar's label: its parts joined with "+", parts after the first only when
/// not 0 ("14 + 3", "14").
fn parts_label(parts: &[u64]) -> String {
    let mut s = parts.first().copied().unwrap_or(0).to_string();
    for p in parts.iter().skip(1).filter(|&&p| p > 0) {
        s.push_str(&format!(" + {p}"));
    }
    s
}

/// Colours for series (outlets, words): the Tableau 10 palette, distinct in print and for
/// the common colour-vision deficiencies.
const SERIES: [RGBColor; 10] = [
    RGBColor(78, 121, 167),
    RGBColor(242, 142, 43),
    RGBColor(225, 87, 89),
    RGBColor(118, 183, 178),
    RGBColor(89, 161, 79),
    RGBColor(237, 201, 72),
    RGBColor(176, 122, 161),
    RGBColor(255, 157, 167),
    RGBColor(156, 117, 95),
    RGBColor(186, 176, 172),
];

/// `speakers_by_outlet.png`: for each speaker (rows, most quoted on top), one bar per
/// series (outlet), with a legend naming the series.
pub fn grouped_bars(
    title: &str,
    x_label: &str,
    groups: &[String],
    series: &[String],
    values: &[Vec<u64>],
) -> Result<Vec<u8>> {
    fonts();
    let n = groups.len().max(1);
    let k = series.len().max(1);
    let bar_px = if k <= 3 { 16 } else { 11 };
    let group_px = (k as u32 * bar_px + 14).max(34);
    let legend_px = 28 * k as u32 + 20;
    let (width, height) = (1200u32, (170 + group_px * n as u32 + legend_px).max(420));
    let mut rgb = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let max = values.iter().flatten().copied().max().unwrap_or(1).max(1);
        let label_width = groups
            .iter()
            .map(|g| g.chars().count())
            .max()
            .unwrap_or(4)
            .clamp(4, 32) as u32
            * 11
            + 20;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                title,
                (FONT, 30).into_font().style(FontStyle::Bold).color(&INK),
            )
            .margin(20)
            .margin_right(60)
            .margin_bottom(20 + legend_px)
            .x_label_area_size(50)
            .y_label_area_size(label_width)
            .build_cartesian_2d(0f64..headroom(max) as f64, 0f64..n as f64)
            .map_err(draw_err)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(RGBColor(220, 220, 220))
            .y_labels(0)
            .x_desc(x_label)
            .x_label_formatter(&|x| {
                if x.fract() == 0.0 {
                    format!("{x:.0}")
                } else {
                    String::new()
                }
            })
            .label_style((FONT, 18).into_font().color(&INK))
            .axis_desc_style((FONT, 20).into_font().color(&INK))
            .draw()
            .map_err(draw_err)?;
        // Group i (0 = most quoted) occupies the band [n-1-i, n-i), drawn top down.
        let band = |i: usize, j: usize| {
            let top = (n - i) as f64 - 0.1;
            let h = 0.8 / k as f64;
            (top - h * (j + 1) as f64, top - h * j as f64)
        };
        for j in 0..series.len() {
            let colour = SERIES[j % SERIES.len()];
            chart
                .draw_series(values.iter().enumerate().map(|(i, row)| {
                    let (y0, y1) = band(i, j);
                    let v = row.get(j).copied().unwrap_or(0) as f64;
                    let mut r = Rectangle::new([(0.0, y0), (v, y1)], colour.filled());
                    r.set_margin(1, 1, 0, 0);
                    r
                }))
                .map_err(draw_err)?;
            chart
                .draw_series(values.iter().enumerate().filter_map(|(i, row)| {
                    let v = row.get(j).copied().unwrap_or(0);
                    let (y0, y1) = band(i, j);
                    (v > 0).then(|| {
                        Text::new(
                            format!(" {v}"),
                            (v as f64, (y0 + y1) / 2.0),
                            (FONT, 13)
                                .into_font()
                                .color(&INK)
                                .pos(Pos::new(HPos::Left, VPos::Center)),
                        )
                    })
                }))
                .map_err(draw_err)?;
        }
        for (i, g) in groups.iter().enumerate() {
            let (px, py) = chart.backend_coord(&(0.0, (n - i) as f64 - 0.5));
            root.draw(&Text::new(
                truncate(g, 32),
                (px - 10, py),
                (FONT, 18)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        // The legend goes under the plot, where it can cover no bar.
        let (lx, _) = chart.backend_coord(&(0.0, 0.0));
        let ly = (height - legend_px) as i32;
        for (j, name) in series.iter().enumerate() {
            let y = ly + 28 * j as i32;
            root.draw(&Rectangle::new(
                [(lx, y - 8), (lx + 22, y + 8)],
                SERIES[j % SERIES.len()].filled(),
            ))
            .map_err(draw_err)?;
            root.draw(&Text::new(
                truncate(name, 60),
                (lx + 32, y),
                (FONT, 18)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        if groups.is_empty() {
            nothing_to_show(&root, width, height)?;
        }
        root.present().map_err(draw_err)?;
    }
    encode_png(rgb, width, height)
}

/// Series with the same values drawn as one line, labelled with every word it stands for
/// ("okonkwo / reyes"), in the place of the first: two words that only ever occur together
/// (the parts of "Okonkwo-Reyes") have identical lines, and the later one would hide the
/// earlier, leaving a legend entry with no line to be seen.
fn merge_identical(series: &[(String, Vec<f64>)]) -> Vec<(String, Vec<f64>)> {
    let mut out: Vec<(String, Vec<f64>)> = Vec::with_capacity(series.len());
    for (word, ys) in series {
        match out.iter_mut().find(|(_, kept)| kept == ys) {
            Some((label, _)) => {
                label.push_str(" / ");
                label.push_str(word);
            }
            None => out.push((word.clone(), ys.clone())),
        }
    }
    out
}

/// Periods with fewer articles than this are not plotted on `words_over_time.png`: a rate
/// per million words from one or two articles swings with a single story (one 110-word
/// article made a spike of 27,000 per million) and cannot be compared with a full period.
/// They stay in `words_by_<period>.csv`.
pub const MIN_PERIOD_ARTICLES: u64 = 3;

/// An x-axis label: the period and how many articles it holds; a `*` marks a period too
/// thin to plot ([`MIN_PERIOD_ARTICLES`]).
pub fn period_label(period: &str, articles: u64) -> String {
    let mark = if articles < MIN_PERIOD_ARTICLES {
        "*"
    } else {
        ""
    };
    format!("{period} ({articles}){mark}")
}

/// Runs of consecutive plotted periods (those with enough articles), as index ranges: a
/// line is drawn through each run and broken across a thin period, so no slope is drawn
/// to or from a point that is not there.
pub fn plotted_runs(articles: &[u64]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, &n) in articles.iter().chain([&0]).enumerate() {
        match (n >= MIN_PERIOD_ARTICLES, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// `words_over_time.png`: one line per word across the periods (x, in time order), with
/// a legend naming the words. Each x label gives the period's articles; periods with
/// fewer than [`MIN_PERIOD_ARTICLES`] are marked `*` and not plotted.
pub fn lines(
    title: &str,
    y_label: &str,
    periods: &[String],
    articles: &[u64],
    series: &[(String, Vec<f64>)],
) -> Result<Vec<u8>> {
    fonts();
    let series = &merge_identical(series);
    let (width, height) = (1200u32, 640u32);
    let n = periods.len().max(1);
    let runs = plotted_runs(articles);
    let mut rgb = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        // Headroom above the highest point keeps the legend (upper right) off the lines.
        let max = series
            .iter()
            .flat_map(|s| runs.iter().flat_map(|r| s.1[r.clone()].iter().copied()))
            .fold(0.0f64, f64::max)
            .max(1.0);
        let thin = articles.iter().any(|&a| a < MIN_PERIOD_ARTICLES);
        let x_desc = if thin {
            format!(
                "period (articles in it); * fewer than {MIN_PERIOD_ARTICLES} articles, not plotted"
            )
        } else {
            "period (articles in it)".to_string()
        };
        let mut chart = ChartBuilder::on(&root)
            .caption(
                title,
                (FONT, 30).into_font().style(FontStyle::Bold).color(&INK),
            )
            .margin(20)
            // Room for the last period's label, centred on the right edge.
            .margin_right(90)
            .x_label_area_size(80)
            .y_label_area_size(110)
            .build_cartesian_2d(0i32..(n as i32 - 1).max(1), 0f64..max * 1.4)
            .map_err(draw_err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(RGBColor(225, 225, 225))
            // Labels carry the article count, so fewer fit side by side.
            .x_labels(n.min(9))
            .x_label_formatter(&|i| {
                usize::try_from(*i)
                    .ok()
                    .and_then(|i| Some(period_label(periods.get(i)?, *articles.get(i)?)))
                    .unwrap_or_default()
            })
            // No scale when nothing is plotted; a decimal when the scale is small, so no
            // two ticks read alike.
            .y_label_formatter(&|y| match (runs.is_empty(), max * 1.4 < 10.0) {
                (true, _) => String::new(),
                (false, true) => format!("{y:.1}"),
                (false, false) => format!("{y:.0}"),
            })
            .x_desc(x_desc)
            .y_desc(y_label)
            .label_style((FONT, 16).into_font().color(&INK))
            .axis_desc_style((FONT, 18).into_font().color(&INK))
            .draw()
            .map_err(draw_err)?;
        for (j, (word, ys)) in series.iter().enumerate() {
            let colour = SERIES[j % SERIES.len()];
            for (k, run) in runs.iter().enumerate() {
                let points: Vec<(i32, f64)> = run.clone().map(|i| (i as i32, ys[i])).collect();
                let drawn = chart
                    .draw_series(LineSeries::new(points.clone(), colour.stroke_width(3)))
                    .map_err(draw_err)?;
                if k == 0 {
                    drawn.label(truncate(word, 30)).legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 22, y)], colour.stroke_width(3))
                    });
                }
                chart
                    .draw_series(
                        points
                            .into_iter()
                            .map(|p| Circle::new(p, 4, colour.filled())),
                    )
                    .map_err(draw_err)?;
            }
        }
        if !runs.is_empty() && !series.is_empty() {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperRight)
                .background_style(WHITE.mix(0.9))
                .border_style(RGBColor(200, 200, 200))
                .label_font((FONT, 17).into_font().color(&INK))
                .draw()
                .map_err(draw_err)?;
        }
        if series.is_empty() {
            nothing_to_show(&root, width, height)?;
        } else if runs.is_empty() {
            root.draw(&Text::new(
                format!("no period has {MIN_PERIOD_ARTICLES} or more articles to compare"),
                (width as i32 / 2 - 250, height as i32 / 2),
                (FONT, 24).into_font().color(&INK),
            ))
            .map_err(draw_err)?;
        }
        root.present().map_err(draw_err)?;
    }
    encode_png(rgb, width, height)
}

/// `cooccurrence_heatmap.png`: the `top` most mentioned entities (that share a window with
/// at least one other) against each other; each cell's shade and number give how many
/// units of the window mention both, and the scale beside the grid reads shades back to
/// counts. The diagonal is left grey: an entity with itself says nothing.
pub fn cooccurrence_heatmap(
    labels: &[String],
    counts: &[Vec<u64>],
    unit: &str,
    articles: usize,
) -> Result<Vec<u8>> {
    fonts();
    let n = labels.len();
    let cell: i32 = if n > 20 { 28 } else { 36 };
    // The margins fit the longest label as the font draws it (labels come shortened
    // to a readable length by the caller), so no label is cut at the image's edge.
    let label_font = (FONT, 15).into_font();
    let label_px = labels
        .iter()
        .map(|l| {
            label_font
                .box_size(l)
                .map_or(l.chars().count() as i32 * 9, |(w, _)| w as i32)
        })
        .max()
        .unwrap_or(36)
        .max(36)
        + 16;
    let left = label_px + 20;
    let top = label_px + 90;
    let grid = cell * n.max(1) as i32;
    let width = (left + grid + 170).max(700) as u32;
    let height = (top + grid + 60).max(400) as u32;
    let max = counts.iter().flatten().copied().max().unwrap_or(0).max(1);
    let mut rgb = vec![255u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        let title = format!(
            "Entities seen together (shared {unit}s) in {articles} article{}",
            if articles == 1 { "" } else { "s" }
        );
        root.draw(&Text::new(
            title,
            (20, 18),
            (FONT, 26).into_font().style(FontStyle::Bold).color(&INK),
        ))
        .map_err(draw_err)?;
        if n == 0 {
            root.draw(&Text::new(
                "no entity pairs to show",
                (width as i32 / 2 - 130, height as i32 / 2),
                (FONT, 24).into_font().color(&INK),
            ))
            .map_err(draw_err)?;
        }
        let label_style = label_font.color(&INK);
        for (i, l) in labels.iter().enumerate() {
            let y = top + cell * i as i32 + cell / 2;
            root.draw(&Text::new(
                l.as_str(),
                (left - 8, y),
                label_style.pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(draw_err)?;
            let x = left + cell * i as i32 + cell / 2;
            root.draw(&Text::new(
                l.as_str(),
                (x, top - 8),
                label_style
                    .transform(FontTransform::Rotate270)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        for (i, row) in counts.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                let (x, y) = (left + cell * j as i32, top + cell * i as i32);
                let fill = if i == j {
                    RGBColor(225, 225, 225)
                } else {
                    shade(v, max)
                };
                root.draw(&Rectangle::new(
                    [(x, y), (x + cell - 1, y + cell - 1)],
                    fill.filled(),
                ))
                .map_err(draw_err)?;
                if i != j && v > 0 {
                    let ink = if v * 2 > max { WHITE } else { INK };
                    root.draw(&Text::new(
                        v.to_string(),
                        (x + cell / 2, y + cell / 2),
                        (FONT, 12)
                            .into_font()
                            .color(&ink)
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    ))
                    .map_err(draw_err)?;
                }
            }
        }
        // The colour scale: shades from 0 to the largest count, labelled at both ends
        // and the middle ([`scale_labels`]); none at all when there is nothing to read.
        if n == 0 {
            root.present().map_err(draw_err)?;
            drop(root);
            return encode_png(rgb, width, height);
        }
        let (sx, sy, sh) = (left + grid + 40, top, grid.max(200));
        let steps = 50;
        for k in 0..steps {
            let v = max * (steps - 1 - k) as u64 / (steps - 1) as u64;
            let y0 = sy + sh * k / steps;
            let y1 = sy + sh * (k + 1) / steps;
            root.draw(&Rectangle::new(
                [(sx, y0), (sx + 24, y1)],
                shade(v, max).filled(),
            ))
            .map_err(draw_err)?;
        }
        root.draw(&Rectangle::new([(sx, sy), (sx + 24, sy + sh)], INK))
            .map_err(draw_err)?;
        for (v, frac) in scale_labels(max) {
            root.draw(&Text::new(
                v.to_string(),
                (sx + 30, sy + (f64::from(sh) * frac).round() as i32),
                (FONT, 14)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        root.draw(&Text::new(
            format!("{unit}s"),
            (sx, sy - 14),
            (FONT, 14)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }
    encode_png(rgb, width, height)
}

/// The colour scale's labels: each value with its height down the scale (0 at the top,
/// which is `max`). The largest count, 0, and the middle when it is a whole number
/// between them, each placed where its shade is, so no value is shown twice.
fn scale_labels(max: u64) -> Vec<(u64, f64)> {
    let at = |v: u64| 1.0 - v as f64 / max.max(1) as f64;
    let mut out = vec![(max, 0.0)];
    if max >= 2 {
        out.push((max / 2, at(max / 2)));
    }
    out.push((0, 1.0));
    out
}

/// White for 0 to dark blue for `max`, on a square-root scale so that the few large
/// counts do not wash out the many small ones.
fn shade(v: u64, max: u64) -> RGBColor {
    let t = (v as f64 / max.max(1) as f64).sqrt().clamp(0.0, 1.0);
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(247.0, 8.0), mix(251.0, 48.0), mix(255.0, 107.0))
}

/// Room to the right of the longest bar for its value label.
fn headroom(max: u64) -> u64 {
    max + (max / 8).max(1)
}

/// The message an empty chart shows in its middle, so an empty PNG is never mistaken for a
/// failed one.
fn nothing_to_show(
    root: &DrawingArea<BitMapBackend<'_>, plotters::coord::Shift>,
    width: u32,
    height: u32,
) -> Result<()> {
    root.draw(&Text::new(
        "nothing to show",
        (width as i32 / 2 - 80, height as i32 / 2),
        (FONT, 24).into_font().color(&INK),
    ))
    .map_err(draw_err)
}

fn draw_err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("drawing a chart failed: {e:?}")
}

pub(crate) fn encode_png(rgb: Vec<u8>, width: u32, height: u32) -> Result<Vec<u8>> {
    let img = image::RgbImage::from_raw(width, height, rgb).context("chart buffer size")?;
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageOutputFormat::Png)
        .context("encoding a chart as PNG")?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_lines_are_drawn_once_with_every_word_in_the_legend() {
        let s = |w: &str, ys: &[f64]| (w.to_string(), ys.to_vec());
        let series = [
            s("minister", &[3.0, 1.0]),
            s("okonkwo", &[2.0, 5.0]),
            s("told", &[1.0, 1.0]),
            s("reyes", &[2.0, 5.0]),
            s("energy", &[3.0, 1.5]),
        ];
        assert_eq!(
            merge_identical(&series),
            [
                s("minister", &[3.0, 1.0]),
                s("okonkwo / reyes", &[2.0, 5.0]),
                s("told", &[1.0, 1.0]),
                s("energy", &[3.0, 1.5]),
            ]
        );
        assert!(merge_identical(&[]).is_empty());
    }

    #[test]
    fn renders_a_png_with_and_without_bars() {
        let bars = vec![("iran".to_string(), 12), ("syria".to_string(), 9)];
        let png = horizontal_bars("t", "x", &bars).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let empty = horizontal_bars("t", "x", &[]).unwrap();
        assert_eq!(&empty[1..4], b"PNG");
    }

    /// Pixels of exactly this colour in a PNG.
    pub(super) fn pixels_of(png: &[u8], rgb: RGBColor) -> usize {
        let img = image::load_from_memory(png).unwrap().to_rgb8();
        img.pixels()
            .filter(|p| p.0 == [rgb.0, rgb.1, rgb.2])
            .count()
    }

    #[test]
    fn top_speakers_stack_reported_speech_after_quotations() {
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
        let speakers = [s("Ann Lee", 5, 2), s("Bo Kim", 0, 4), s("Cy Oduya", 3, 0)];
        let png = top_speakers(&speakers, 14, 6, 10).unwrap();
        assert!(pixels_of(&png, BAR) > 1000 && pixels_of(&png, REPORTED) > 1000);
        // Without reported speech, the second colour is only the legend's swatch (22 x 16).
        let png = top_speakers(&speakers[2..], 3, 0, 10).unwrap();
        assert_eq!(pixels_of(&png, REPORTED), 22 * 16);
        assert_eq!(parts_label(&[14, 3]), "14 + 3");
        assert_eq!(parts_label(&[14, 0]), "14");
        assert_eq!(parts_label(&[0, 4]), "0 + 4");
        assert_eq!(parts_label(&[7]), "7");
    }

    #[test]
    fn heatmap_renders_with_and_without_entities() {
        let labels = vec!["Iran".to_string(), "Syria".to_string()];
        let png = cooccurrence_heatmap(&labels, &[vec![0, 3], vec![3, 0]], "paragraph", 2);
        assert_eq!(&png.unwrap()[1..4], b"PNG");
        let empty = cooccurrence_heatmap(&[], &[], "paragraph", 0).unwrap();
        assert_eq!(&empty[1..4], b"PNG");
    }

    #[test]
    fn grouped_bars_and_lines_render() {
        let groups = vec!["Ann Lee".to_string(), "Bo Kim".to_string()];
        let series = vec!["Ledger".to_string(), "Gazette".to_string()];
        let png = grouped_bars("t", "x", &groups, &series, &[vec![3, 1], vec![0, 2]]).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let periods = vec!["2019-03".to_string(), "2019-04".to_string()];
        let port = |ys: &[f64]| vec![("port".to_string(), ys.to_vec())];
        let png = lines("t", "y", &periods, &[5, 1], &port(&[10.0, 5.0])).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // One period only: a single point, still a chart; and one too thin to plot.
        let png = lines("t", "y", &periods[..1], &[3], &port(&[1.0])).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let png = lines("t", "y", &periods[..1], &[1], &port(&[1.0])).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }

    #[test]
    fn thin_periods_are_labelled_and_left_out_of_the_lines() {
        assert_eq!(period_label("2026-03", 14), "2026-03 (14)");
        assert_eq!(period_label("2026-04", 1), "2026-04 (1)*");
        // 2 thin, 5, 3, 1 thin, 4: two runs, broken at the thin period.
        assert_eq!(plotted_runs(&[2, 5, 3, 1, 4]), [1..3, 4..5]);
        assert!(plotted_runs(&[1, 2]).is_empty());
        assert!(plotted_runs(&[]).is_empty());
    }

    #[test]
    fn the_colour_scale_never_repeats_a_value() {
        assert_eq!(scale_labels(1), [(1, 0.0), (0, 1.0)]);
        assert_eq!(scale_labels(2), [(2, 0.0), (1, 0.5), (0, 1.0)]);
        let three = scale_labels(3);
        assert_eq!(three[1].0, 1);
        assert!((three[1].1 - 2.0 / 3.0).abs() < 1e-9);
    }
}
