//! Small drawing helpers shared by the screens: fitting text to a width, progress bars,
//! sparklines, scrolling windows over lists, centred popups and the race chart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

pub use crate::text::width::{bar, bar_between, cell, cols, fit, right, wrap};

use super::explain::Tone;
use super::theme::Theme;

/// Values as a row of eighth-blocks, scaled to the largest.
pub fn sparkline(values: &[i64]) -> String {
    let max = values.iter().copied().max().unwrap_or(0);
    sparkline_scaled(values, max)
}

/// Values as a row of eighth-blocks on a scale shared with other rows: `max` is the highest
/// value of all of them, so two labs' trends can be compared at a glance.
pub fn sparkline_scaled(values: &[i64], max: i64) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = max.max(1);
    values
        .iter()
        .map(|v| TICKS[((v.max(&0) * 7 + max / 2) / max).clamp(0, 7) as usize])
        .collect()
}

/// The first row to show so that row `sel` of `len` is visible in `height` rows.
pub fn window(len: usize, sel: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        0
    } else {
        sel.saturating_sub(height - 1).min(len - height)
    }
}

/// The width of a dialog in `area`: 76 columns up to a 126-column screen, then three fifths of
/// the screen up to 120, so a big terminal gives long options and reasons room to stay whole.
pub fn dialog_width(area: Rect) -> u16 {
    (area.width * 3 / 5).clamp(76, 120).min(area.width)
}

/// A `width` × `height` rectangle centred in `area` (clamped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A bordered panel with a title; returns the inner area.
pub fn panel(title: &str, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A popup: clears what is under it and draws a titled border.
pub fn popup(title: &str, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    panel(title, theme, area, buf)
}

/// The style of an explanation or report line.
pub fn tone_style(tone: Tone, theme: &Theme) -> Style {
    match tone {
        Tone::Heading => theme.title(),
        Tone::Normal => theme.base(),
        Tone::Good => theme.good(),
        Tone::Bad => theme.bad(),
        Tone::Dim => theme.dim(),
    }
}

/// Lines of text with tones, wrapped, scrolled by `scroll` rows.
pub fn toned_text(
    lines: &[(String, Tone)],
    scroll: u16,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let text: Vec<Line> = lines
        .iter()
        .map(|(s, t)| Line::styled(s.as_str(), tone_style(*t, theme)))
        .collect();
    flow(&text, scroll, area, buf);
}

/// Styled lines word-wrapped to `width`; spaces are kept as written (columns stay aligned)
/// except where a row breaks. Cheaper than a general wrapping widget, which
/// matters for a frame budget under a millisecond.
pub fn wrap_lines<'a>(lines: &'a [Line<'a>], width: usize) -> Vec<Line<'a>> {
    const SPACES: &str = "                                ";
    let width = width.max(1);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let mut row: Vec<Span<'a>> = Vec::new();
        let mut len = 0usize;
        // Spaces seen since the last word (kept as they are unless the row breaks there).
        let mut gap = 0usize;
        let mut gap_style = Style::new();
        for span in &line.spans {
            let content: &'a str = span.content.as_ref();
            let style = line.style.patch(span.style);
            for (k, word) in content.split(' ').enumerate() {
                if k > 0 {
                    gap += 1;
                    gap_style = style;
                }
                if word.is_empty() {
                    continue;
                }
                let w = cols(word);
                if len > 0 && len + gap + w > width {
                    out.push(Line::from(std::mem::take(&mut row)));
                    len = 0;
                } else if gap > 0 {
                    let g = gap.min(width - len);
                    let spaces = if g <= SPACES.len() {
                        Span::styled(&SPACES[..g], gap_style)
                    } else {
                        Span::styled(" ".repeat(g), gap_style)
                    };
                    row.push(spaces);
                    len += g;
                }
                gap = 0;
                if w > width - len {
                    row.push(Span::styled(fit(word, width - len), style));
                    len = width;
                } else {
                    row.push(Span::styled(word, style));
                    len += w;
                }
            }
        }
        out.push(Line::from(row));
    }
    out
}

/// Draws styled lines word-wrapped into `area`, skipping the first `scroll` rows.
pub fn flow(lines: &[Line], scroll: u16, area: Rect, buf: &mut Buffer) {
    let rows = wrap_lines(lines, usize::from(area.width));
    // Scrolled past the end, the last page stays on screen rather than a blank panel.
    let last_page = rows.len().saturating_sub(usize::from(area.height));
    for (y, row) in rows
        .into_iter()
        .skip(usize::from(scroll).min(last_page))
        .take(usize::from(area.height))
        .enumerate()
    {
        put(row, area, y as u16, buf);
    }
}

/// Writes `line` at the start of row `y` of `area` (if the row is inside it).
pub fn put(line: Line, area: Rect, y: u16, buf: &mut Buffer) {
    if y < area.height && area.width > 0 {
        buf.set_line(area.x, area.y + y, &line, area.width);
    }
}

/// One series on the race chart.
pub struct Series {
    pub marker: char,
    /// The name the legend gives the marker.
    pub name: String,
    pub style: Style,
    /// (month, progress in thousandths), in month order; month 0 is the start.
    pub points: Vec<(usize, i32)>,
}

impl crate::front::ghost::Ghost {
    /// The ghost's line on the race chart, up to `months` months played (a ghost moves with
    /// you; its future stays hidden until the game is over).
    pub fn series(&self, months: usize, style: ratatui::style::Style) -> Series {
        Series {
            marker: crate::front::ghost::GHOST_MARKER,
            name: format!("ghost: {}", self.name),
            style,
            points: self
                .progress
                .iter()
                .take(months + 1)
                .enumerate()
                .map(|(m, p)| (m, p.0))
                .collect(),
        }
    }
}

/// The race over time: progress up the side (from a round number below the slowest lab to the
/// finish line at 100, so close races stay readable), months along the bottom, one letter per
/// lab (so it reads without colour) named in a legend on the top row. Letters never overwrite
/// each other: where two labs meet in a cell the first drawn (the player) keeps it; each lab's
/// latest point, its label, moves one row at most, and "+" marks several labs in one place.
pub fn race_chart(
    series: &[Series],
    months_total: usize,
    x_labels: (&str, &str),
    marks: &[usize],
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.width < 12 || area.height < 5 {
        return;
    }
    let mut legend: Vec<Span> = series
        .iter()
        .flat_map(|s| {
            [
                Span::styled(format!("{} ", s.marker), s.style),
                Span::styled(format!("{}  ", s.name), theme.dim()),
            ]
        })
        .collect();
    legend.push(Span::styled("+ several", theme.dim()));
    put(Line::from(legend), area, 0, buf);
    let area = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    let axis_w: u16 = 4;
    let plot = Rect {
        x: area.x + axis_w,
        y: area.y,
        width: area.width - axis_w,
        height: area.height - 2,
    };
    let dim = theme.dim();
    let lowest = series
        .iter()
        .flat_map(|s| s.points.iter().map(|(_, p)| *p))
        .min()
        .unwrap_or(0)
        .clamp(0, 100_000);
    // Thousandths: the axis starts at the ten below the slowest lab, at most 80.
    let lo = (lowest / 10_000 * 10_000).min(80_000);
    // The middle label names the value its own row stands for: with an even number of row
    // steps that is halfway, otherwise the row just above it (4 rows from 20 to 100 read 100,
    // 73, 47, 20, so the second row is labelled 73, not 60).
    let steps = plot.height.saturating_sub(1).max(1);
    let mid_row = steps / 2;
    let mid = 100_000 - (100_000 - lo) * i32::from(mid_row) / i32::from(steps);
    for (value, row) in [(100_000, 0u16), (mid, mid_row), (lo, steps)] {
        let shown = (value + 500) / 1000;
        buf.set_string(area.x, plot.y + row, right(&shown.to_string(), 3), dim);
    }
    for y in plot.y..plot.y + plot.height {
        buf.set_string(area.x + 3, y, "│", dim);
    }
    let base = plot.y + plot.height;
    buf.set_string(area.x + 3, base, "└", dim);
    for x in plot.x..plot.x + plot.width {
        buf.set_string(x, base, "─", dim);
    }
    let months = months_total.max(1);
    let col = |i: usize| -> u16 {
        plot.x + ((i * usize::from(plot.width.saturating_sub(1))) / months) as u16
    };
    for &m in marks {
        if m <= months {
            buf.set_string(col(m), base, "▲", theme.warn());
        }
    }
    buf.set_string(plot.x, base + 1, x_labels.0, dim);
    let end_w = cols(x_labels.1) as u16;
    if plot.width > end_w {
        buf.set_string(plot.x + plot.width - end_w, base + 1, x_labels.1, dim);
    }
    let h = i64::from(plot.height.saturating_sub(1));
    // The lines first, then the letters over them, so no line hides a letter.
    let mut marks: Vec<(u16, u16, char, Style)> = Vec::new();
    let mut ends: Vec<(u16, u16, char, Style)> = Vec::new();
    for s in series {
        let mut prev: Option<(u16, u16)> = None;
        for &(i, p) in s.points.iter().filter(|(i, _)| *i <= months) {
            let x = col(i);
            let span = i64::from(100_000 - lo).max(1);
            let v = i64::from(p.clamp(lo, 100_000) - lo);
            let y = plot.y + (h - (v * h + span / 2) / span) as u16;
            // Fill the columns between two months so a long campaign on a wide screen reads
            // as a line rather than scattered dots.
            if let Some((px, py)) = prev {
                for fx in px + 1..x {
                    let t = i64::from(fx - px);
                    let span = i64::from(x - px);
                    let fy = i64::from(py) + (i64::from(y) - i64::from(py)) * t / span;
                    buf.set_string(fx, fy as u16, "·", s.style);
                }
            }
            marks.push((x, y, s.marker, s.style));
            prev = Some((x, y));
        }
        if let Some(last) = marks.pop() {
            ends.push(last);
        }
    }
    let mut taken: Vec<(u16, u16)> = Vec::with_capacity(marks.len() + ends.len());
    let top = plot.y;
    let bottom = plot.y + plot.height.saturating_sub(1);
    let mut tmp = [0u8; 4];
    // Each lab's latest point first: the labels, moved one row at most if they meet (below
    // first, so a moved label never makes a lab look further ahead than it is). A label with
    // no free row within one is drawn as "+": several labs there. Moving it further would put
    // a lab at a height it never reached.
    for &(x, y, marker, style) in &ends {
        let free = [Some(y), y.checked_add(1), y.checked_sub(1)]
            .into_iter()
            .flatten()
            .filter(|r| (top..=bottom).contains(r))
            .find(|r| !taken.contains(&(x, *r)));
        match free {
            Some(y) => {
                taken.push((x, y));
                buf.set_string(x, y, marker.encode_utf8(&mut tmp), style);
            }
            None => buf.set_string(x, y, "+", dim),
        }
    }
    for (x, y, marker, style) in marks {
        if !taken.contains(&(x, y)) {
            taken.push((x, y));
            buf.set_string(x, y, marker.encode_utf8(&mut tmp), style);
        }
    }
}

/// Distinct one-letter markers for the labs' short names (first letter, else another capital).
pub fn lab_markers(shorts: &[&str]) -> Vec<char> {
    let mut taken: Vec<char> = Vec::new();
    for s in shorts {
        let first = s.chars().next();
        let caps = s.chars().filter(|c| c.is_uppercase());
        let any = s.chars().filter(|c| c.is_alphanumeric());
        let pick = first
            .into_iter()
            .chain(caps)
            .chain(any)
            .find(|c| !taken.contains(c))
            .unwrap_or('*');
        taken.push(pick);
    }
    taken
}

/// The text of a buffer, one line per row with trailing spaces removed (for snapshot tests).
/// A wide character's hidden second cell is left out, so the text lines up as on screen.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buf[(area.x + x, area.y + y)].symbol();
            line.push_str(symbol);
            x += (cols(symbol) as u16).max(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_with_an_ellipsis_and_pads() {
        assert_eq!(fit("abcdef", 4), "abc…");
        // Widths are screen columns: a CJK character takes two.
        assert_eq!(fit("深度求索", 10), "深度求索  ");
        assert_eq!(fit("深度求索", 6), "深度 …");
        assert_eq!(right("深度", 5), " 深度");
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("ab", 0), "");
        assert_eq!(right("7", 3), "  7");
    }

    #[test]
    fn wrap_breaks_between_words() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefgh", 4), vec!["abc…"]);
    }

    #[test]
    fn wrap_lines_keeps_indent_styles_and_breaks_between_words() {
        let lines = [Line::from(vec![Span::raw("  ab "), Span::raw("cd ef")])];
        let rows: Vec<String> = wrap_lines(&lines, 7)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(rows, vec!["  ab cd", "ef"]);
        let empty = [Line::raw("")];
        assert_eq!(wrap_lines(&empty, 5).len(), 1);
    }

    #[test]
    fn bar_fills_in_proportion() {
        assert_eq!(bar(50, 100, 4), "██░░");
        assert_eq!(bar(0, 0, 2), "░░");
    }

    #[test]
    fn bars_resolve_an_eighth_of_a_cell_so_close_labs_look_different() {
        // Late in a race (scale 80-100), 18 cells at 80 columns: 95.3, 95.1 and 95.0, which
        // looked the same on whole cells, give three different bars.
        let b = |v| bar_between(v, 80_000, 100_000, 18);
        assert_ne!(b(95_300), b(95_100));
        assert_ne!(b(95_100), b(95_000));
        assert_eq!(bar_between(100, 0, 100, 3), "███");
        assert_eq!(bar_between(50, 0, 100, 3), "█▌░");
        assert_eq!(cols(&b(95_300)), 18);
    }

    #[test]
    fn shared_sparklines_compare_across_rows() {
        // A slow lab's trend stays low on the scale of the fastest one.
        assert_eq!(sparkline_scaled(&[100, 100], 700), "▂▂");
        assert_eq!(sparkline(&[100, 100]), "██");
    }

    #[test]
    fn window_keeps_the_selection_visible() {
        assert_eq!(window(10, 0, 4), 0);
        assert_eq!(window(10, 5, 4), 2);
        assert_eq!(window(10, 9, 4), 6);
        assert_eq!(window(3, 2, 4), 0);
    }

    #[test]
    fn lab_markers_are_distinct() {
        let m = lab_markers(&["Meta", "OpenAI", "DeepMind", "Anthropic", "xAI", "DeepSeek"]);
        assert_eq!(m, vec!['M', 'O', 'D', 'A', 'x', 'S']);
    }

    /// The side of the chart names the value each labelled row stands for: four rows from 20
    /// to 100 are 100, 73, 47 and 20, so the second is labelled 73 (it used to say 60, and a
    /// lab at 63 drawn there looked 13 points out).
    #[test]
    fn the_chart_labels_each_row_with_the_value_it_stands_for() {
        let theme = crate::ui::theme::Theme::new(false);
        let area = Rect::new(0, 0, 40, 7);
        let mut buf = Buffer::empty(area);
        let series = [Series {
            marker: 'M',
            name: "Meta".into(),
            style: Style::default(),
            points: vec![(0, 25_000), (1, 63_000)],
        }];
        race_chart(&series, 4, ("a", "b"), &[], &theme, area, &mut buf);
        let row = |y: u16| -> String {
            (0..4)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        };
        assert_eq!(row(1), "100│");
        assert_eq!(row(2), " 73│");
        assert_eq!(row(3), "   │");
        assert_eq!(row(4), " 20│");
    }

    #[test]
    fn the_ghost_moves_with_you_on_the_chart() {
        let g = crate::front::ghost::Ghost {
            name: "Ada".into(),
            progress: [30_000, 31_000, 32_000, 33_000]
                .iter()
                .map(|p| crate::game::units::Progress(*p))
                .collect(),
            score: 100,
            finished: true,
        };
        let s = g.series(1, ratatui::style::Style::default());
        assert_eq!(s.points, vec![(0, 30_000), (1, 31_000)]);
        assert_eq!(s.name, "ghost: Ada");
        assert_eq!(s.marker, crate::front::ghost::GHOST_MARKER);
    }
}
