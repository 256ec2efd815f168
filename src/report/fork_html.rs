//! A what-if fork beside its parent as a section of the HTML debrief: the same data and words
//! as the Markdown comparison ([`ForkComparison`]), every text from a file escaped.

use std::fmt::Write as _;

use super::ForkComparison;
use super::fork::{Timeline, listed_with};

fn esc(text: &str) -> String {
    super::sanitize::html(text, 200)
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
            esc(&self.intro(&p.label_with("the parent game", esc)))
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
                    listed_with(&d.parent, esc, usize::MAX),
                    listed_with(&d.fork, esc, usize::MAX)
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
        for row in &self.race {
            let (parent, fork, diff) = row.cells(p, f);
            let _ = write!(
                h,
                "<tr><td>{} ({})</td><td>{parent}</td><td>{fork}</td><td class=\"n\">{diff}</td></tr>",
                row.month,
                esc(&row.date),
            );
        }
        h.push_str("</tbody></table></section>");
        h
    }
}
