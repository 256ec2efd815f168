//! The class report and the debrief as HTML pages to project and print: one self-contained
//! file each (no script, no network, no external style or font), inline SVG charts, large
//! type and high contrast for a projector, and print rules for A4 and Letter with a page
//! break before each group and each student.
//!
//! Every text that came from a file (player, lab and scenario names, decision texts, file
//! names, reasons quoting them) passes through [`esc`] where it is placed: HTML made inert and
//! control, bidi and zero-width characters shown as `\u{..}`. The markup is well-formed XML
//! (every element closed, every attribute quoted), so a strict parser checks it in the tests.

use std::fmt::Write as _;

use super::class::{
    ClassReport, Entry, Group, ending_counts, lever_quarters, score_stats, students,
};
use super::debrief::Debrief;
use super::format::{apportion_points, points, tenths};
use super::svg::{self, Bar, Line, MarkRow, STYLES};
use super::{counterfactual, questions};

/// Classes up to this size draw one line per student; bigger ones draw the spread as a band
/// (forty thin lines are a black blob on a projector).
const LINES_PER_STUDENT: usize = 8;
/// Students chosen with `report --highlight` drawn as named lines besides the best ones.
const MAX_HIGHLIGHTED: usize = 3;
/// Students named on the class race chart (the best ones).
const NAMED_ON_CHART: usize = 3;
/// Decisions listed in a debrief (the chart marks every month).
const MAX_DECISIONS: usize = 40;

/// The page's style: projector first (big type, black on white), print rules after. Printed,
/// a heading stays with what follows it and charts, tables and rows are not split; a whole
/// section may be split (kept whole, a group taller than a page would leave the first page
/// nearly empty).
const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\
font-size:22px;line-height:1.45;color:#000;background:#fff;margin:0 auto;max-width:1280px;\
padding:0 1.2em 2em}\
h1{font-size:2em;margin:.6em 0 .3em}h2{font-size:1.5em;margin:1.4em 0 .4em;\
border-bottom:3px solid #000}h3{font-size:1.2em}\
table{border-collapse:collapse;margin:.6em 0;font-size:.9em}\
th,td{border:2px solid #444;padding:.25em .55em;text-align:left;vertical-align:top}\
th{background:#e8e8e8}.wide{overflow-x:auto}.wide table{font-size:.75em}\
td.file{word-break:break-all}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\
tr.you td{font-weight:bold}\
.flag td{background:#fff1b8}.flag td:first-child::before{content:'\\26A0  '}\
.bad td{background:#ffd9d0}.dup td{background:#eef2f6;color:#222}td.kind{white-space:nowrap}\
.chart{width:100%;height:auto;display:block;margin:.5em 0}\
.chart .grid{stroke:#bbb;stroke-width:1}.chart .tick,.chart .zero{stroke:#000;stroke-width:2}\
.chart .axis{font-size:18px;fill:#000}.chart .small{font-size:15px;fill:#333}\
.chart .label{font-size:19px;font-weight:bold;fill:#000}.chart .band{opacity:.25}\
.chart .mark{fill:#000}.defs{position:absolute}\
.note{font-size:.85em;color:#222}.big{font-size:1.3em;font-weight:bold}\
ol.questions li{margin:.4em 0}\
@media print{body{font-size:11pt;max-width:none;padding:0}\
h1{font-size:20pt}h2{font-size:15pt}table{font-size:10pt}\
.page{break-before:page;page-break-before:always}\
h1,h2,h3{break-after:avoid;page-break-after:avoid}\
table,figure,svg,p.note{break-inside:avoid;page-break-inside:avoid}\
tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}\
.chart{max-height:16cm}.wide{overflow:visible}}\
@page{margin:15mm}";

/// Text from a file, escaped for the page.
fn esc(text: &str) -> String {
    super::sanitize::html(text, 200)
}

/// A whole page around `body`.
pub fn page(title: &str, body: &str) -> String {
    let mut s = String::with_capacity(body.len() + 4096);
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
    let _ = write!(
        s,
        "<title>{}</title><style>{STYLE}</style></head><body>",
        esc(title)
    );
    s.push_str(svg::DEFS);
    s.push_str(body);
    s.push_str("</body></html>\n");
    s
}

/// Colour and dash of rival `i` (1-based lab index).
fn rival_style(i: usize) -> (&'static str, &'static str) {
    STYLES[(i.saturating_sub(1)) % STYLES.len()]
}

fn percent(n: usize, of: usize) -> usize {
    (n * 100 + of / 2).checked_div(of).unwrap_or(0)
}

impl ClassReport {
    /// The report as one self-contained HTML page.
    pub fn to_html(&self) -> String {
        page("Class report", &self.html_body())
    }

    fn html_body(&self) -> String {
        let mut h = String::from("<h1>Class report</h1>");
        let ranked: usize = self.groups.iter().map(|g| g.entries.len()).sum();
        let _ = write!(h, "<p class=\"big\">{}</p>", self.counts_line(ranked));
        if self.groups.len() > 1 {
            let _ = write!(
                h,
                "<p>The saves come from {} different worlds (scenario, difficulty or seed); \
                 scores are only comparable within one, so each is ranked on its own.</p>",
                self.groups.len()
            );
        }
        if self.ignored > 0 || self.autosaves > 0 {
            let _ = write!(
                h,
                "<p class=\"note\">Passed over: {} file{} not ending in .ron, {} autosave{} \
                 (each a copy of a game at an earlier month; name one to include it).</p>",
                self.ignored,
                if self.ignored == 1 { "" } else { "s" },
                self.autosaves,
                if self.autosaves == 1 { "" } else { "s" }
            );
        }
        if !self.failed.is_empty() {
            let _ = write!(
                h,
                "<p class=\"big\">&#9888; {} file{} not ranked: see <a href=\"#not-ranked\">Not \
                 ranked</a> at the end.</p>",
                self.failed.len(),
                if self.failed.len() == 1 {
                    " is"
                } else {
                    "s are"
                }
            );
        }
        for (i, g) in self
            .groups
            .iter()
            .filter(|g| g.entries.len() > 1)
            .enumerate()
        {
            group_html(&mut h, g, i > 0);
        }
        singles_html(&mut h, &self.groups);
        if !self.failed.is_empty() {
            h.push_str(
                "<section class=\"page\"><h2 id=\"not-ranked\">Not ranked</h2>\
                 <p>These files were read but not ranked, and why (forged, copied, broken or \
                 from another version).</p><table><thead><tr><th></th><th>File</th><th>Why</th>\
                 </tr></thead><tbody>",
            );
            for f in &self.failed {
                let kind = f.kind();
                let _ = write!(
                    h,
                    "<tr class=\"{}\"><td class=\"kind\">{}</td><td>{}</td><td>{}</td></tr>",
                    if kind == super::class::FailedKind::Duplicate {
                        "dup"
                    } else {
                        "bad"
                    },
                    esc(kind.label()),
                    esc(&f.file),
                    super::sanitize::html(&f.reason, 600)
                );
            }
            let _ = write!(
                h,
                "</tbody></table><p class=\"note\">{}</p></section>",
                esc(super::class::FAILED_LEGEND)
            );
        }
        if self.groups.is_empty() && self.failed.is_empty() {
            h.push_str("<p>No save files were found. Saves end in .ron.</p>");
        }
        h
    }
}

fn group_html(h: &mut String, g: &Group, new_page: bool) {
    let n = g.entries.len();
    let _ = write!(
        h,
        "<section{}><h2>{}: {n} game{}</h2>",
        if new_page { " class=\"page\"" } else { "" },
        esc(&g.title()),
        if n == 1 { "" } else { "s" }
    );
    h.push_str("<h3>The race, month by month</h3>");
    h.push_str(&class_race_chart(g));
    summary_html(h, &g.entries);
    h.push_str("<h3>Ranking</h3>");
    ranking_table(h, g);
    h.push_str("</section>");
}

/// The class's race: for a small class every student's progress month by month, for a bigger
/// one the spread (lowest to highest, the middle half, the median) as a band; the best few
/// and any chosen student (`report --highlight`) as named lines, and each rival's median over
/// the class. Reference games are shown in the table, never counted in the band or medians.
fn class_race_chart(g: &Group) -> String {
    let class = match students(&g.entries) {
        // A group of reference games alone: they are what there is to draw.
        c if c.is_empty() => g.entries.clone(),
        c => c,
    };
    let months = class
        .iter()
        .map(|e| e.race.first().map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = Vec::new();
    // Rivals: each rival's median over the class, month by month, while games last.
    for (i, name) in g.labs.iter().enumerate().skip(1) {
        let values = median_by_month(&class, i, months);
        let (colour, dash) = rival_style(i);
        let mut l = Line::new(&format!("{name} (rival)"), values, colour, dash);
        l.width = 3;
        lines.push(l);
    }
    let you = g.labs.first().cloned().unwrap_or_default();
    let big = class.len() > LINES_PER_STUDENT;
    if big {
        let spread = |pct: usize| -> Vec<i32> {
            (0..months)
                .map_while(|m| quantile_at(&class, 0, m, pct))
                .collect()
        };
        let mut all = Line::new("", spread(0), "#000000", "");
        all.band = Some(spread(100));
        all.labelled = false;
        let mut middle = Line::new("", spread(25), "#000000", "");
        middle.band = Some(spread(75));
        middle.labelled = false;
        lines.insert(0, all);
        lines.insert(1, middle);
        let mut median = Line::new("class median", spread(50), "#000000", "2 3");
        median.width = 4;
        lines.push(median);
    } else {
        for e in class.iter().rev() {
            let mut l = Line::new(&e.player, student_line(e), "#000000", "");
            l.width = 2;
            l.labelled = false;
            lines.push(l);
        }
    }
    // The best few, then every chosen student not among them (at most a few: each takes a
    // label's room).
    let best = class.iter().take(NAMED_ON_CHART);
    let chosen = class
        .iter()
        .skip(NAMED_ON_CHART)
        .filter(|e| e.highlight)
        .take(MAX_HIGHLIGHTED);
    let named: Vec<&Entry> = best.chain(chosen).collect();
    for (k, e) in named.iter().enumerate().rev() {
        let (dash, width) = match (e.highlight, k) {
            (true, _) => ("9 4", 5),
            (false, 0) => ("", 6),
            _ => ("", 4),
        };
        let mut l = Line::new(
            &format!("#{} {}", e.rank_label(), e.player),
            student_line(e),
            "#000000",
            dash,
        );
        l.width = width;
        lines.push(l);
    }
    let chart = svg::race_chart(
        &format!("Progress of every {you} game in this world and the rivals', by month"),
        &lines,
        months,
        &g.dates,
        &[],
    );
    let how = if big {
        "Shaded: the whole class from lowest to highest (light) and the middle half (darker); \
         the dotted black line is the class median."
    } else {
        "Thin black lines: every student's game."
    };
    let chosen = if named.iter().any(|e| e.highlight) {
        " Long-dashed black line: the student chosen with --highlight."
    } else {
        ""
    };
    format!(
        "{chart}<p class=\"note\">{how} Thick black lines: the best {} games, named at their \
         end.{chosen} Dashed coloured lines: each rival lab's median progress over the class's \
         games (rivals react to the player, so they differ from game to game). A line stops \
         when its game ended.</p>",
        NAMED_ON_CHART.min(class.len())
    )
}

/// A student's own progress, month by month.
fn student_line(e: &Entry) -> Vec<i32> {
    e.race.first().cloned().unwrap_or_default()
}

/// The median of lab `lab`'s progress at each month over the games still going then.
fn median_by_month(entries: &[Entry], lab: usize, months: usize) -> Vec<i32> {
    (0..months)
        .map_while(|m| quantile_at(entries, lab, m, 50))
        .collect()
}

/// The `pct` quantile (nearest rank) of lab `lab`'s progress at month `m` over the games that
/// lasted that long; `None` when fewer than a quarter of the games did (a line of two games
/// would say little about a class).
fn quantile_at(entries: &[Entry], lab: usize, m: usize, pct: usize) -> Option<i32> {
    let mut values: Vec<i32> = entries
        .iter()
        .filter_map(|e| e.race.get(lab).and_then(|v| v.get(m)).copied())
        .collect();
    if values.is_empty() || values.len() * 4 < entries.len() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(values[((pct * n).div_ceil(100)).clamp(1, n) - 1])
}

fn summary_html(h: &mut String, entries: &[Entry]) {
    // The class's statistics: reference games are shown beside it, never counted in it.
    let entries = &students(entries)[..];
    let n = entries.len();
    let Some(([low, q1, median, q3, high], mean)) = score_stats(entries) else {
        return;
    };
    let _ = write!(
        h,
        "<h3>Scores</h3><p>Lowest <b>{low}</b>, lower quartile <b>{q1}</b>, median \
         <b>{median}</b>, upper quartile <b>{q3}</b>, highest <b>{high}</b>; mean {mean}.</p>"
    );
    let width = [100, 250, 500, 1000, 2000, 5000]
        .into_iter()
        .find(|w| high.div_euclid(*w) - low.div_euclid(*w) < 10)
        .unwrap_or(10_000);
    let buckets: Vec<(String, usize)> = (low.div_euclid(width)..=high.div_euclid(width))
        .map(|b| {
            let count = entries
                .iter()
                .filter(|e| e.score.div_euclid(width) == b)
                .count();
            (
                format!("{}\u{2013}{}", b * width, b * width + width - 1),
                count,
            )
        })
        .collect();
    h.push_str(&svg::histogram(
        "How many games scored in each range",
        &buckets,
    ));
    h.push_str("<h3>Endings</h3>");
    let endings: Vec<Bar> = ending_counts(entries)
        .into_iter()
        .map(|(k, c)| Bar {
            label: k.to_string(),
            value: c as i64,
            shown: format!("{c} ({}%)", percent(c, n)),
            hatched: false,
        })
        .collect();
    h.push_str(&svg::bars("How the games ended", &endings, false));
    h.push_str("<h3>Levers: the top quarter against the bottom quarter</h3>");
    match lever_quarters(entries) {
        None => {
            h.push_str("<p>At least 4 games are needed to compare the top and bottom quarters.</p>")
        }
        Some(rows) => {
            let q = n / 4;
            let _ = write!(
                h,
                "<p>Decisions per game with each lever: solid bars the top quarter ({q} best \
                 game{s}), hatched bars the bottom quarter ({q} lowest).</p>",
                s = if q == 1 { "" } else { "s" }
            );
            let mut bars = Vec::new();
            for (lever, top, bottom) in &rows {
                bars.push(Bar {
                    label: format!("{}: top", lever.name()),
                    value: i64::from(*top),
                    shown: tenths(i64::from(*top)),
                    hatched: false,
                });
                bars.push(Bar {
                    label: format!("{}: bottom", lever.name()),
                    value: i64::from(*bottom),
                    shown: tenths(i64::from(*bottom)),
                    hatched: true,
                });
            }
            h.push_str(&svg::bars(
                "Decisions per game by lever, top and bottom quarter",
                &bars,
                true,
            ));
            h.push_str(
                "<table><thead><tr><th>Lever</th><th class=\"n\">Top quarter</th>\
                 <th class=\"n\">Bottom quarter</th><th></th></tr></thead><tbody>",
            );
            for (lever, top, bottom) in rows {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                    lever.name(),
                    tenths(i64::from(top)),
                    tenths(i64::from(bottom)),
                    if top > bottom { "more at the top" } else { "" }
                );
            }
            h.push_str("</tbody></table>");
        }
    }
}

fn ranking_table(h: &mut String, g: &Group) {
    h.push_str(
        "<p class=\"note\">Every game ranked here was verified by replaying its decisions.</p>\
         <div class=\"wide\"><table><thead><tr><th class=\"n\">Rank</th><th>Player</th><th>Ending</th>\
         <th>Month</th><th class=\"n\">Score</th>",
    );
    if let Some(e) = g.entries.first() {
        for (name, _) in &e.parts {
            let _ = write!(h, "<th class=\"n\">{name}</th>");
        }
    }
    h.push_str("<th class=\"n\">Suggested</th><th>File</th></tr></thead><tbody>");
    for e in &g.entries {
        let _ = write!(
            h,
            "<tr{}><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{} {}</td>\
             <td class=\"n\"><b>{}</b></td>",
            if e.flags.is_empty() {
                ""
            } else {
                " class=\"flag\""
            },
            e.rank_label(),
            esc(&if e.reference {
                format!("{} (reference game)", e.player)
            } else {
                e.player.clone()
            }),
            e.ending,
            e.month,
            esc(&e.date),
            e.score
        );
        for (_, v) in &e.parts {
            let _ = write!(h, "<td class=\"n\">{v}</td>");
        }
        let _ = write!(
            h,
            "<td class=\"n\">{}</td><td class=\"file\">{}</td></tr>",
            e.suggested.shown(),
            esc(&e.file)
        );
    }
    let _ = write!(
        h,
        "</tbody></table></div><p class=\"note\">{}</p>",
        super::class_out::SUGGESTED_NOTE.trim().replace('`', "")
    );
    flags_html(h, &g.entries);
}

/// The marks on ranked saves, each naming the other save it concerns: the teacher decides.
fn flags_html(h: &mut String, entries: &[Entry]) {
    let flagged: Vec<_> = entries.iter().filter(|e| !e.flags.is_empty()).collect();
    if flagged.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<h3>&#9888; To check: {} ranked save{} marked</h3><p class=\"note\">A mark is not a \
         verdict: a file cannot show who copied whom, so both saves of a pair are marked and \
         both stay ranked.</p><table><thead><tr><th class=\"n\">Rank</th><th>Player</th>\
         <th>Mark</th></tr></thead><tbody>",
        flagged.len(),
        if flagged.len() == 1 { "" } else { "s" }
    );
    for e in flagged {
        for f in &e.flags {
            let _ = write!(
                h,
                "<tr class=\"flag\"><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
                e.rank_label(),
                esc(&e.player),
                super::sanitize::html(f, 600)
            );
        }
    }
    h.push_str("</tbody></table>");
}

fn singles_html(h: &mut String, groups: &[Group]) {
    let singles: Vec<&Group> = groups.iter().filter(|g| g.entries.len() == 1).collect();
    if singles.is_empty() {
        return;
    }
    let _ = write!(
        h,
        "<section class=\"page\"><h2>Games alone in their world: {}</h2><p>Each of these is \
         the only save of its scenario, difficulty and seed, so it is not ranked against the \
         others.</p><table><thead><tr><th>Player</th><th>World</th><th>Ending</th>\
         <th>Month</th><th class=\"n\">Score</th><th>Verified</th><th>File</th></tr></thead>\
         <tbody>",
        singles.len()
    );
    for g in singles {
        let e = &g.entries[0];
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} {}</td><td class=\"n\"><b>{}</b></td>\
             <td>yes</td><td>{}</td></tr>",
            esc(&e.player),
            esc(&g.title()),
            e.ending,
            e.month,
            esc(&e.date),
            e.score,
            esc(&e.file)
        );
    }
    h.push_str("</tbody></table></section>");
}

impl Debrief {
    /// The debrief as one self-contained HTML page.
    pub fn to_html(&self) -> String {
        page(&self.title(), &self.html_article(false))
    }

    /// The debrief as one page with `section` (HTML made by the report, like a what-if
    /// comparison) after it.
    pub fn to_html_with(&self, section: &str) -> String {
        let mut body = self.html_article(false);
        body.push_str(section);
        page(&self.title(), &body)
    }

    /// Several debriefs in one page, each student's starting on a new printed page.
    pub fn many_to_html(debriefs: &[Debrief]) -> String {
        let mut body = String::new();
        for (i, d) in debriefs.iter().enumerate() {
            body.push_str(&d.html_article(i > 0));
        }
        page("Debriefs", &body)
    }

    /// "Debrief: The 2025 race, Ada's game" (the player's name when the save gives one).
    pub fn title(&self) -> String {
        match &self.player {
            Some(p) => format!("Debrief: {}, {p}'s game", self.scenario),
            None => format!("Debrief: {}", self.scenario),
        }
    }

    /// One student's debrief, as an `<article>`.
    fn html_article(&self, new_page: bool) -> String {
        let mut h = String::new();
        let _ = write!(
            h,
            "<article{}><h1>{}</h1>",
            if new_page { " class=\"page\"" } else { "" },
            esc(&self.title())
        );
        let _ = write!(
            h,
            "<p>{}, seed {}, {} difficulty. {} of {} months played ({} to {}).</p>\
             <p class=\"big\">{}</p>",
            esc(&self.lab_name),
            self.seed,
            esc(&self.difficulty.to_lowercase()),
            self.months_played,
            self.campaign_months,
            esc(self.date(0)),
            esc(self.date(self.months_played.saturating_sub(1))),
            esc(&self.ending)
        );
        self.html_race(&mut h);
        self.html_decisions(&mut h);
        self.html_credit(&mut h);
        self.html_score(&mut h);
        h.push_str("<section><h2>Questions for discussion</h2><ol class=\"questions\">");
        for q in &self.questions {
            let _ = write!(h, "<li>{}</li>", super::sanitize::html(&q.text, 600));
        }
        h.push_str("</ol></section></article>");
        h
    }

    fn html_race(&self, h: &mut String) {
        h.push_str("<section><h2>The race over time</h2>");
        let months = self.race.first().map_or(0, |l| l.progress.len());
        if months == 0 {
            h.push_str("<p>No month has been played yet.</p></section>");
            return;
        }
        let mut lines: Vec<Line> = Vec::new();
        let mut rivals = 0;
        for l in self.race.iter().filter(|l| !l.is_player) {
            rivals += 1;
            let (colour, dash) = rival_style(rivals);
            lines.push(Line::new(
                &l.short,
                l.progress.iter().map(|p| p.0).collect(),
                colour,
                dash,
            ));
        }
        for l in self.race.iter().filter(|l| l.is_player) {
            let mut line = Line::new(
                &format!("{} (you)", l.short),
                l.progress.iter().map(|p| p.0).collect(),
                "#000000",
                "",
            );
            line.width = 6;
            lines.push(line);
        }
        let marks: Vec<MarkRow> = super::chart::LEVER_ROWS
            .iter()
            .map(|(lever, label)| MarkRow {
                label,
                months: self
                    .decisions
                    .iter()
                    .filter(|d| d.lever == *lever)
                    .map(|d| d.month)
                    .collect(),
            })
            .filter(|r| !r.months.is_empty())
            .collect();
        h.push_str(&svg::race_chart(
            "Overall progress of every lab by month, and the months each lever was used",
            &lines,
            months,
            &self.dates,
            &marks,
        ));
        h.push_str(
            "<p class=\"note\">Overall progress at the end of each month (superintelligence \
             is 100). Your lab is the thick solid black line; each rival has its own dash \
             pattern and is named at its line's end. Under the chart, a square marks each \
             month you used a lever.</p></section>",
        );
    }

    fn html_decisions(&self, h: &mut String) {
        h.push_str("<section><h2>Your key decisions</h2>");
        if self.decisions.is_empty() {
            h.push_str("<p>No decisions were made: every month ended untouched.</p></section>");
            return;
        }
        h.push_str(
            "<table><thead><tr><th>Month</th><th>Lever</th><th>Decision</th></tr></thead><tbody>",
        );
        for d in self.decisions.iter().take(MAX_DECISIONS) {
            let times = if d.times > 1 {
                format!(" (x{})", d.times)
            } else {
                String::new()
            };
            let _ = write!(
                h,
                "<tr><td>{} {}</td><td>{}</td><td>{}{times}</td></tr>",
                d.month + 1,
                esc(self.date(d.month)),
                d.lever.name(),
                esc(&d.text)
            );
        }
        if self.decisions.len() > MAX_DECISIONS {
            let _ = write!(
                h,
                "<tr><td></td><td></td><td>... and {} more</td></tr>",
                self.decisions.len() - MAX_DECISIONS
            );
        }
        h.push_str("</tbody></table></section>");
    }

    fn html_credit(&self, h: &mut String) {
        h.push_str("<section><h2>What each lever contributed</h2>");
        let Some(c) = &self.credit else {
            h.push_str(
                "<p>Not measured: this game's decisions were not given with it, so it cannot \
                 be replayed without them.</p></section>",
            );
            return;
        };
        // A constant of plain words: nothing to escape, and too long for `esc`, which cuts.
        let _ = write!(h, "<p>{}</p>", counterfactual::MEANING);
        let rows = c.rows();
        let bars: Vec<Bar> = rows
            .iter()
            .filter(|r| r.decisions > 0)
            .map(|r| Bar {
                label: format!("{} ({})", r.label, r.decisions),
                value: r.months_tenths,
                shown: questions::months_sooner(r.months_tenths),
                hatched: r.months_tenths < 0,
            })
            .collect();
        h.push_str(&svg::bars(
            "Months sooner to superintelligence, by lever (hatched: later)",
            &bars,
            false,
        ));
        let chance = c.chance_percent();
        let _ = write!(
            h,
            "<table><thead><tr><th></th><th>Superintelligence</th>\
             <th class=\"n\">Win chance</th></tr></thead><tbody>\
             <tr><td>The starting position (no decisions)</td><td>{}</td>\
             <td class=\"n\">{}</td></tr>",
            esc(&counterfactual::arrival_words(&c.baseline.arrival)),
            chance.map_or("-".to_string(), |(b, _)| format!("{b}%"))
        );
        for r in &rows {
            let _ = write!(
                h,
                "<tr><td>{} ({} decision{})</td><td>{}</td><td class=\"n\">{}</td></tr>",
                r.label,
                r.decisions,
                if r.decisions == 1 { "" } else { "s" },
                questions::months_sooner(r.months_tenths),
                r.chance_points
                    .map_or("-".to_string(), counterfactual::chance_words)
            );
        }
        let _ = write!(
            h,
            "<tr class=\"you\"><td>Your game ({}, {})</td><td>{}</td><td class=\"n\">{}</td>\
             </tr></tbody></table>",
            c.actual.ending,
            esc(&c.actual.month),
            esc(&counterfactual::arrival_words(&c.actual.arrival)),
            chance.map_or("-".to_string(), |(_, a)| format!("{a}%"))
        );
        if let Some(ch) = &c.chances {
            let _ = write!(
                h,
                "<p class=\"note\">Win chance: wins among {} replays with fresh dice, the same \
                 dice for every line; your game counts as it ended. Months: on this game's own \
                 dice; a game short of 100 is projected at the pace of its last three \
                 months.</p>",
                ch.dice
            );
        }
        // Where research speed came from, as a table (the Markdown debrief explains it).
        let values: Vec<i64> = self.levers.iter().map(|l| l.progress).collect();
        let shown = apportion_points(&values);
        let _ = write!(
            h,
            "<p class=\"note\">Share of research speed by cause over the game ({} points in \
             all; not what your decisions added):",
            points(values.iter().sum())
        );
        for (l, s) in self.levers.iter().zip(shown) {
            let _ = write!(h, " {} {};", l.lever, tenths(s));
        }
        h.push_str("</p></section>");
    }

    fn html_score(&self, h: &mut String) {
        h.push_str(
            "<section><h2>Score</h2><table><thead><tr><th>Part</th><th class=\"n\">Points</th>\
             </tr></thead><tbody>",
        );
        for (name, value) in &self.score {
            let _ = write!(h, "<tr><td>{name}</td><td class=\"n\">{value}</td></tr>");
        }
        let _ = write!(
            h,
            "<tr class=\"you\"><td>total</td><td class=\"n\">{}</td></tr></tbody></table></section>",
            self.total
        );
    }
}
