//! A what-if fork beside its parent as a section of the HTML debrief: the same data and words
//! as the Markdown comparison ([`ForkComparison`]), every text from a file escaped.

use std::fmt::Write as _;

use super::ForkComparison;
use super::fork::{Timeline, ordinal};
use super::format::signed_tenths;
use crate::game::units::Progress;

fn esc(text: &str) -> String {
    super::sanitize::html(text, 200)
}

/// "Ada's game", or `unnamed` for a save that names no player.
fn label(t: &Timeline, unnamed: &str) -> String {
    if t.name.is_empty() {
        unnamed.to_string()
    } else {
        format!("{}'s game", t.name)
    }
}

/// A game's decisions of one month: runs of the same decision folded.
fn listed(items: &[String]) -> String {
    if items.is_empty() {
        return "—".to_string();
    }
    let mut folded: Vec<(String, usize)> = Vec::new();
    for item in items {
        match folded.last_mut() {
            Some((last, n)) if last == item => *n += 1,
            _ => folded.push((item.clone(), 1)),
        }
    }
    folded
        .iter()
        .map(|(t, n)| {
            if *n > 1 {
                format!("{} ×{n}", esc(t))
            } else {
                esc(t)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl ForkComparison {
    /// The comparison as an HTML `<section>`, starting a new printed page.
    pub fn to_html(&self) -> String {
        let (p, f) = (&self.parent, &self.fork);
        let mut h = String::new();
        h.push_str("<section class=\"page\"><h2>What if: this game beside its parent</h2>");
        let _ = write!(
            h,
            "<p>{}</p>",
            esc(&self.intro(&label(p, "the parent game")))
        );
        h.push_str(
            "<table><thead><tr><th></th><th>Parent</th><th>This game</th></tr></thead><tbody>",
        );
        let name = |t: &Timeline| {
            if t.name.is_empty() {
                "(no name)".to_string()
            } else {
                esc(&t.name)
            }
        };
        let rows: [(&str, String, String); 5] = [
            ("Player", name(p), name(f)),
            ("How it ended", esc(&p.ending), esc(&f.ending)),
            (
                "Months played",
                p.months_played.to_string(),
                f.months_played.to_string(),
            ),
            ("Progress", p.progress.display(), f.progress.display()),
            ("Score", p.score.to_string(), f.score.to_string()),
        ];
        for (what, a, b) in rows {
            let _ = write!(h, "<tr><th>{what}</th><td>{a}</td><td>{b}</td></tr>");
        }
        let _ = write!(h, "</tbody></table><p>{}</p>", esc(&self.verdict()));
        h.push_str("<h3>Decisions and events that differ after the split</h3>");
        if self.decisions.is_empty() {
            h.push_str("<p>None yet.</p>");
        } else {
            h.push_str(
                "<table><thead><tr><th>Month</th><th>Parent</th><th>This game</th></tr>\
                 </thead><tbody>",
            );
            for d in &self.decisions {
                let _ = write!(
                    h,
                    "<tr><td>{} ({})</td><td>{}</td><td>{}</td></tr>",
                    d.month,
                    esc(&d.date),
                    listed(&d.parent),
                    listed(&d.fork)
                );
            }
            h.push_str("</tbody></table>");
            if self.more_decisions > 0 {
                let _ = write!(h, "<p>…and {} more months.</p>", self.more_decisions);
            }
        }
        h.push_str(
            "<h3>The race from the split</h3><p>Your progress and place in the race at the end \
             of each month in both games; the difference is this game's lead over the parent \
             (of the progress shown).</p>",
        );
        if self.race.is_empty() {
            h.push_str("<p>No month has been played since the split.</p></section>");
            return h;
        }
        h.push_str(
            "<table><thead><tr><th>Month</th><th>Parent</th><th>This game</th>\
             <th class=\"n\">Difference</th></tr></thead><tbody>",
        );
        let shown = |s: Option<(Progress, u8)>, t: &Timeline| {
            s.map_or_else(
                || {
                    if t.finished {
                        "ended"
                    } else {
                        "not played yet"
                    }
                    .to_string()
                },
                |(pr, r)| format!("{}, {}", pr.display(), ordinal(r)),
            )
        };
        for row in &self.race {
            let diff = match (row.parent, row.fork) {
                (Some((a, _)), Some((b, _))) => signed_tenths(b.shown_tenths() - a.shown_tenths()),
                _ => String::new(),
            };
            let _ = write!(
                h,
                "<tr><td>{} ({})</td><td>{}</td><td>{}</td><td class=\"n\">{diff}</td></tr>",
                row.month,
                esc(&row.date),
                shown(row.parent, p),
                shown(row.fork, f)
            );
        }
        h.push_str("</tbody></table></section>");
        h
    }
}
