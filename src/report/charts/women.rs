//! `women_quoted.png`: the share of women among the sources quoted and the people named,
//! by outlet and, when the articles are dated, over time: the figure `gender.csv` and
//! `gender_by_<period>.csv` are read for, drawn so it can be read at a glance.
//!
//! A share is drawn only from the people whose gender the text gives, and says how many
//! those are ("38% (5 of 13)"): the counts behind a share matter as much as the share, and
//! a small one is marked, since one person more or less moves it a long way.

use super::{draw_err, encode_png, fonts, FONT, INK};
use crate::report::gender::{Counts, Share, SMALL_DENOMINATOR};
use crate::report::truncate;
use anyhow::Result;
use plotters::coord::ranged1d::SegmentValue;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;

/// Sources and people: the first two colours of the palette the other charts use.
const SOURCES: RGBColor = RGBColor(46, 110, 168);
const PEOPLE: RGBColor = RGBColor(242, 142, 43);
const MUTED: RGBColor = RGBColor(110, 110, 110);

const WIDTH: u32 = 1200;
const HEADER_PX: u32 = 130;
/// One group (the corpus or an outlet): two bars and the gap below them.
const GROUP_PX: u32 = 58;
const TIME_PX: u32 = 440;
const FOOT_PX: u32 = 44;

/// Periods up to this many have each point labelled with its share.
const LABELLED_PERIODS: usize = 16;

type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

/// The chart: `groups` are the bars by outlet (the corpus first, [`crate::report::gender::chart_groups`]),
/// `periods` the points over time (none: no second panel), `period` the period's name.
pub fn women_quoted(
    groups: &[(String, Counts)],
    periods: &[(String, Counts)],
    period: &str,
    articles: u64,
) -> Result<Vec<u8>> {
    fonts();
    let empty = groups
        .first()
        .is_none_or(|(_, c)| c.people() == 0 && c.sources() == 0);
    let small = groups
        .iter()
        .chain(periods)
        .any(|(_, c)| is_marked(c.women_share_sources()) || is_marked(c.women_share_people()));
    let bars_px = 110 + GROUP_PX * groups.len().max(1) as u32;
    let time_px = if periods.is_empty() { 0 } else { TIME_PX };
    let height = if empty {
        400
    } else {
        HEADER_PX + bars_px + time_px + FOOT_PX
    };
    let mut rgb = vec![255u8; (WIDTH * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        header(&root, articles, !empty)?;
        if empty {
            root.draw(&Text::new(
                "nothing to show: these articles name no person",
                (WIDTH as i32 / 2, height as i32 / 2),
                (FONT, 24)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ))
            .map_err(draw_err)?;
        } else {
            let (_, rest) = root.split_vertically(HEADER_PX);
            let (bars, rest) = rest.split_vertically(bars_px);
            outlet_bars(&root, &bars, groups)?;
            if !periods.is_empty() {
                let (time, _) = rest.split_vertically(time_px);
                over_time(&root, &time, periods, period)?;
            }
            if small {
                root.draw(&Text::new(
                    format!(
                        "* and hollow points: fewer than {SMALL_DENOMINATOR} women and men of known gender; \
                         one person more or less moves the share by {} points or more",
                        100 / SMALL_DENOMINATOR
                    ),
                    (20, height as i32 - FOOT_PX as i32 / 2),
                    (FONT, 15)
                        .into_font()
                        .color(&MUTED)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(draw_err)?;
            }
        }
        root.present().map_err(draw_err)?;
    }
    encode_png(rgb, WIDTH, height)
}

/// A share worth a warning: one with a denominator, but a small one.
fn is_marked(s: Share) -> bool {
    s.known > 0 && s.is_small()
}

/// Title, what is counted, and (when there is something to read it for) the legend of
/// the two colours.
fn header(root: &Area<'_>, articles: u64, legend: bool) -> Result<()> {
    root.draw(&Text::new(
        format!(
            "Women among the sources quoted and the people named, {articles} article{}",
            if articles == 1 { "" } else { "s" }
        ),
        (20, 16),
        (FONT, 26).into_font().style(FontStyle::Bold).color(&INK),
    ))
    .map_err(draw_err)?;
    root.draw(&Text::new(
        "Share of women among those whose gender the text gives: women / (women + men). \
         Each person counts once per article; unknown gender is left out.",
        (20, 56),
        (FONT, 16).into_font().color(&INK),
    ))
    .map_err(draw_err)?;
    if !legend {
        return Ok(());
    }
    let mut x = 20;
    for (name, colour) in [
        (
            "sources: people quoted (quotations or reported speech)",
            SOURCES,
        ),
        ("people named", PEOPLE),
    ] {
        let y = 100;
        root.draw(&Rectangle::new(
            [(x, y - 8), (x + 22, y + 8)],
            colour.filled(),
        ))
        .map_err(draw_err)?;
        let font = (FONT, 17).into_font();
        let w = font
            .box_size(name)
            .map_or(9 * name.len() as i32, |b| b.0 as i32);
        root.draw(&Text::new(
            name,
            (x + 30, y),
            font.color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(draw_err)?;
        x += 30 + w + 40;
    }
    Ok(())
}

/// A bar's or point's label: "38% (5 of 13)", with `*` when the denominator is small.
fn share_label(s: Share) -> String {
    match s.value() {
        None => "no one of known gender".to_string(),
        Some(v) => format!(
            "{:.0}% ({} of {}){}",
            v * 100.0,
            s.women,
            s.known,
            if s.is_small() { " *" } else { "" }
        ),
    }
}

/// The first panel: for each group two bars, sources above people, on a 0-100% axis.
fn outlet_bars(root: &Area<'_>, area: &Area<'_>, groups: &[(String, Counts)]) -> Result<()> {
    let g = groups.len().max(1);
    let mut chart = ChartBuilder::on(area)
        .caption(
            "By outlet",
            (FONT, 21).into_font().style(FontStyle::Bold).color(&INK),
        )
        .margin(20)
        .margin_right(230)
        .x_label_area_size(55)
        .y_label_area_size(290)
        .build_cartesian_2d(0f64..100f64, 0f64..g as f64)
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(RGBColor(225, 225, 225))
        .y_labels(0)
        .x_labels(11)
        .x_label_formatter(&|x| format!("{x:.0}%"))
        .x_desc("women among the women and men of known gender")
        .label_style((FONT, 16).into_font().color(&INK))
        .axis_desc_style((FONT, 17).into_font().color(&INK))
        .draw()
        .map_err(draw_err)?;
    // Parity, the line every bar is read against.
    chart
        .draw_series(LineSeries::new(
            [(50.0, 0.0), (50.0, g as f64)],
            RGBColor(150, 150, 150).stroke_width(2),
        ))
        .map_err(draw_err)?;
    let h = 0.36;
    for (i, (name, c)) in groups.iter().enumerate() {
        let top = (g - i) as f64 - 0.12;
        for (k, (share, colour)) in [
            (c.women_share_sources(), SOURCES),
            (c.women_share_people(), PEOPLE),
        ]
        .into_iter()
        .enumerate()
        {
            let (y0, y1) = (top - h * (k + 1) as f64, top - h * k as f64);
            let v = share.value().unwrap_or(0.0) * 100.0;
            if share.known > 0 {
                let mut r = Rectangle::new([(0.0, y0), (v, y1)], colour.filled());
                r.set_margin(1, 1, 0, 0);
                chart.draw_series([r]).map_err(draw_err)?;
            }
            let (px, py) = chart.backend_coord(&(v, (y0 + y1) / 2.0));
            let ink = if share.known > 0 { INK } else { MUTED };
            root.draw(&Text::new(
                share_label(share),
                (px + 8, py),
                (FONT, 15)
                    .into_font()
                    .color(&ink)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
        let (px, py) = chart.backend_coord(&(0.0, (g - i) as f64 - 0.5));
        root.draw(&Text::new(
            truncate(name, 30),
            (px - 12, py - 10),
            (FONT, 18)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(draw_err)?;
        root.draw(&Text::new(
            format!(
                "{} article{}",
                c.articles,
                if c.articles == 1 { "" } else { "s" }
            ),
            (px - 12, py + 11),
            (FONT, 14)
                .into_font()
                .color(&MUTED)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(draw_err)?;
        if i == 0 && groups.len() > 1 {
            // The corpus is the sum of what follows: a rule sets it apart.
            let (x0, y) = chart.backend_coord(&(0.0, (g - 1) as f64));
            let (x1, _) = chart.backend_coord(&(100.0, 0.0));
            root.draw(&PathElement::new(
                vec![(x0 - 280, y), (x1, y)],
                RGBColor(200, 200, 200),
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}

/// The second panel: the two shares in each period, a line through consecutive periods
/// that have a share and broken where one has none; a small share's point is hollow.
fn over_time(
    root: &Area<'_>,
    area: &Area<'_>,
    periods: &[(String, Counts)],
    period: &str,
) -> Result<()> {
    let n = periods.len();
    let mut chart = ChartBuilder::on(area)
        .caption(
            format!("By {period}"),
            (FONT, 21).into_font().style(FontStyle::Bold).color(&INK),
        )
        .margin(20)
        .margin_right(60)
        .x_label_area_size(70)
        .y_label_area_size(80)
        .build_cartesian_2d((0..n as i32 - 1).into_segmented(), 0f64..100f64)
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(RGBColor(225, 225, 225))
        .x_labels(n.min(10))
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => usize::try_from(*i)
                .ok()
                .and_then(|i| periods.get(i))
                .map_or(String::new(), |(p, c)| format!("{p} ({})", c.articles)),
            _ => String::new(),
        })
        .y_labels(6)
        .y_label_formatter(&|y| format!("{y:.0}%"))
        .x_desc(format!("{period} (articles in it)"))
        .y_desc("women among known gender")
        .label_style((FONT, 15).into_font().color(&INK))
        .axis_desc_style((FONT, 17).into_font().color(&INK))
        .draw()
        .map_err(draw_err)?;
    chart
        .draw_series(LineSeries::new(
            [(SegmentValue::Exact(0), 50.0), (SegmentValue::Last, 50.0)],
            RGBColor(150, 150, 150).stroke_width(2),
        ))
        .map_err(draw_err)?;
    let share = |k: usize, c: &Counts| {
        if k == 0 {
            c.women_share_sources()
        } else {
            c.women_share_people()
        }
    };
    for (k, colour) in [SOURCES, PEOPLE].into_iter().enumerate() {
        let at = SegmentValue::CenterOf;
        let points: Vec<Option<(i32, f64, Share)>> = periods
            .iter()
            .enumerate()
            .map(|(i, (_, c))| {
                let s = share(k, c);
                s.value().map(|v| (i as i32, v * 100.0, s))
            })
            .collect();
        for run in points.split(Option::is_none).filter(|r| r.len() > 1) {
            let line: Vec<(SegmentValue<i32>, f64)> =
                run.iter().flatten().map(|p| (at(p.0), p.1)).collect();
            chart
                .draw_series(LineSeries::new(line, colour.stroke_width(3)))
                .map_err(draw_err)?;
        }
        for (x, y, s) in points.iter().flatten() {
            let style = if s.is_small() {
                ShapeStyle::from(&WHITE).filled()
            } else {
                colour.filled()
            };
            chart
                .draw_series([
                    Circle::new((at(*x), *y), 6, style),
                    Circle::new((at(*x), *y), 6, colour.stroke_width(2)),
                ])
                .map_err(draw_err)?;
            if n <= LABELLED_PERIODS {
                // The higher of the period's two points is labelled above it, the lower
                // below, so neither label lands on the other line (sources above on a tie).
                let other = share(1 - k, &periods[*x as usize].1).value();
                let above = other.is_none_or(|o| {
                    let o = o * 100.0;
                    if k == 0 {
                        *y >= o
                    } else {
                        *y > o
                    }
                });
                let (px, py) = chart.backend_coord(&(at(*x), *y));
                let dy = if above { -17 } else { 18 };
                root.draw(&Text::new(
                    format!("{:.0}%", y),
                    (px, py + dy),
                    (FONT, 14)
                        .into_font()
                        .color(&colour)
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                ))
                .map_err(draw_err)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts::tests::pixels_of;

    fn counts(articles: u64, people: [u64; 3], sources: [u64; 3]) -> Counts {
        Counts {
            articles,
            people,
            sources,
        }
    }

    fn size(png: &[u8]) -> (u32, u32) {
        let img = image::load_from_memory(png).unwrap();
        (img.width(), img.height())
    }

    #[test]
    fn labels_give_the_counts_behind_a_share_and_mark_small_ones() {
        let share = |people| counts(1, people, [0; 3]).women_share_people();
        assert_eq!(share_label(share([5, 8, 2])), "38% (5 of 13)");
        assert_eq!(share_label(share([1, 2, 0])), "33% (1 of 3) *");
        assert_eq!(share_label(share([0, 0, 4])), "no one of known gender");
    }

    #[test]
    fn the_chart_has_a_panel_over_time_only_for_dated_articles() {
        let groups = vec![
            ("all".to_string(), counts(3, [6, 6, 1], [4, 8, 0])),
            ("Ledger".to_string(), counts(2, [3, 2, 1], [0, 0, 1])),
        ];
        let periods = vec![
            ("2026-03".to_string(), counts(2, [5, 5, 0], [3, 6, 0])),
            ("2026-04".to_string(), counts(1, [1, 1, 1], [1, 2, 0])),
        ];
        let with = women_quoted(&groups, &periods, "month", 3).unwrap();
        let without = women_quoted(&groups, &[], "month", 3).unwrap();
        let bars = HEADER_PX + 110 + GROUP_PX * 2 + FOOT_PX;
        assert_eq!(size(&with), (WIDTH, bars + TIME_PX));
        assert_eq!(size(&without), (WIDTH, bars));
        // The Ledger has no source of known gender: one blue bar (the corpus's) and the
        // legend's swatch, against two orange bars.
        assert!(pixels_of(&without, SOURCES) < pixels_of(&without, PEOPLE));
        assert!(pixels_of(&with, SOURCES) > pixels_of(&without, SOURCES));
        let empty = women_quoted(
            &[("all".to_string(), counts(1, [0; 3], [0; 3]))],
            &[],
            "month",
            1,
        );
        let empty = empty.unwrap();
        assert_eq!(size(&empty), (WIDTH, 400));
        assert_eq!(pixels_of(&empty, SOURCES), 0, "no legend without bars");
    }
}
