//! "Show the math": for any figure on the dashboard or in the month report, what it is made of
//! right now and which of the player's decisions moved it. Built as plain lines when the player
//! asks (the view only draws them); every number comes from the rules' own functions.

mod market;
mod money;
mod research;
mod score;
mod stats;

use crate::game::month::minutes_label;
use crate::game::state::{Lever, TimelineEntry, month_name};
use crate::game::units::money;

use super::session::Session;

pub use score::score_parts;

/// A figure the player can ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Budget,
    Runway,
    Weeks,
    Progress,
    Speed,
    Deploy,
    Experiments,
    Talent,
    Compute,
    Legacy,
    Ecosystem,
    Morale,
    Risk,
    Board,
}

impl Figure {
    /// The dashboard's figures, in the order it lists them.
    pub const DASHBOARD: [Figure; 14] = [
        // The figures that can end the game first, so they are on screen even at 80x24.
        Figure::Budget,
        Figure::Runway,
        Figure::Morale,
        Figure::Risk,
        Figure::Board,
        Figure::Weeks,
        Figure::Progress,
        Figure::Speed,
        Figure::Deploy,
        Figure::Experiments,
        Figure::Talent,
        Figure::Compute,
        Figure::Legacy,
        Figure::Ecosystem,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Figure::Budget => "Budget",
            Figure::Runway => "Runway",
            Figure::Weeks => "CEO weeks",
            Figure::Progress => "Progress",
            Figure::Speed => "Research speed",
            Figure::Deploy => "Deploy time",
            Figure::Experiments => "Experiments",
            Figure::Talent => "Talent",
            Figure::Compute => "Compute",
            Figure::Legacy => "Legacy drag",
            Figure::Ecosystem => "Ecosystem",
            Figure::Morale => "Morale",
            Figure::Risk => "Risk",
            Figure::Board => "Board confidence",
        }
    }

    /// Whether a rise is good news for the player (for colouring changes).
    pub fn good_when_up(self) -> bool {
        !matches!(self, Figure::Risk | Figure::Deploy | Figure::Legacy)
    }

    /// A change of this figure in words: money, minutes or points.
    pub fn amount(self, v: i64) -> String {
        match self {
            Figure::Budget => money(v),
            Figure::Deploy => minutes_label(v.max(0) as u32),
            _ => v.to_string(),
        }
    }

    pub fn signed(self, d: i64) -> String {
        let sign = if d > 0 {
            "+"
        } else if d < 0 {
            "-"
        } else {
            "±"
        };
        format!("{sign}{}", self.amount(d.abs()))
    }
}

/// How a line of an explanation is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Normal,
    Good,
    Bad,
    Dim,
}

/// The text of one explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    pub lines: Vec<(String, Tone)>,
}

pub(super) struct Lines(Vec<(String, Tone)>);

impl Lines {
    pub(super) fn head(&mut self, s: impl Into<String>) {
        if !self.0.is_empty() {
            self.0.push((String::new(), Tone::Normal));
        }
        self.0.push((s.into(), Tone::Heading));
    }
    pub(super) fn line(&mut self, s: impl Into<String>) {
        self.0.push((s.into(), Tone::Normal));
    }
    pub(super) fn dim(&mut self, s: impl Into<String>) {
        self.0.push((s.into(), Tone::Dim));
    }
    pub(super) fn delta(&mut self, s: impl Into<String>, d: i64, good_when_up: bool) {
        let tone = match (d.signum(), good_when_up) {
            (0, _) => Tone::Normal,
            (1, true) | (-1, false) => Tone::Good,
            _ => Tone::Bad,
        };
        self.0.push((s.into(), tone));
    }
}

/// Every news line the game still keeps, newest month first, as a scrolling panel: the
/// dashboard's News panel shows only what fits.
pub fn all_news(s: &Session) -> Explanation {
    use crate::game::state::NewsKind;
    let c = s.content();
    let st = &s.game.state;
    let mut l = Lines(Vec::new());
    let mut month = None;
    for n in st.news.iter().rev().filter(|n| !s.held_by_pause(n)) {
        if month != Some(n.month) {
            month = Some(n.month);
            l.head(super::session::date_label(c, n.month));
        }
        let text = super::session::news_text(c, st, n);
        let tone = match n.kind {
            NewsKind::Player => Tone::Good,
            NewsKind::Warning => Tone::Bad,
            NewsKind::Rival => Tone::Dim,
            NewsKind::Event | NewsKind::Milestone => Tone::Normal,
        };
        l.0.push((format!("  {text}"), tone));
    }
    if l.0.is_empty() {
        l.line("No news yet: end a month (n) and the labs' moves and events appear here.");
    }
    Explanation {
        title: "All the news, newest first (↑↓ scroll, Esc closes)".to_string(),
        lines: l.0,
    }
}

/// Thousandths of a point a month as "+2.35", rounded half away from zero (never truncated).
pub fn speed_label(thousandths: i32) -> String {
    hundredths_label(crate::game::units::round_div(i64::from(thousandths), 10))
}

/// Hundredths of a point as "+2.35": for parts apportioned to a shown total.
pub fn hundredths_label(h: i64) -> String {
    let sign = if h < 0 { "-" } else { "+" };
    let a = h.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// Builds the explanation of a figure for the session as it is now.
pub fn explain(s: &Session, figure: Figure) -> Explanation {
    let mut l = Lines(Vec::new());
    match figure {
        Figure::Budget | Figure::Runway => money::money_math(s, figure, &mut l),
        Figure::Weeks => money::weeks_math(s, &mut l),
        Figure::Progress => research::progress_math(s, &mut l),
        Figure::Speed => research::speed_math(s, &mut l),
        Figure::Deploy | Figure::Experiments => research::deploy_math(s, &mut l),
        Figure::Talent => research::talent_math(s, &mut l),
        Figure::Compute => research::compute_math(s, &mut l),
        Figure::Legacy => research::legacy_math(s, &mut l),
        Figure::Ecosystem => research::ecosystem_math(s, &mut l),
        Figure::Morale | Figure::Risk | Figure::Board => stats::stat_math(s, figure, &mut l),
    }
    Explanation {
        title: format!("Show the math: {}", figure.name()),
        lines: l.0,
    }
}

pub(super) fn month_label(s: &Session, month: u16) -> String {
    let c = s.content();
    let zero = u32::from(c.scenario.start_month.saturating_sub(1)) + u32::from(month);
    format!(
        "{} {:>2}",
        month_name((zero % 12 + 1) as u8),
        (c.scenario.start_year as u32 + zero / 12) % 100
    )
}

/// The player's latest `n` decisions on one lever, newest first.
pub(super) fn recent_decisions(
    s: &Session,
    lever: Lever,
    n: usize,
) -> impl Iterator<Item = &TimelineEntry> {
    s.game
        .state
        .timeline
        .iter()
        .rev()
        .filter(move |t| t.lever == lever)
        .take(n)
}

pub(super) fn recent_lever(s: &Session, lever: Lever, l: &mut Lines) {
    l.head("Your decisions");
    let mut any = false;
    for t in recent_decisions(s, lever, 6) {
        any = true;
        l.line(format!(
            "  {} {}",
            month_label(s, t.month),
            t.text(s.content(), &s.game.state)
        ));
    }
    if !any {
        l.dim("  none yet");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::game::Command;
    use std::sync::Arc;

    #[test]
    fn every_figure_explains_itself_after_a_month() {
        let content = Arc::new(content::load_builtin("classroom", None).expect("loads"));
        let mut s = Session::new(content, 3);
        let _ = s.apply(Command::SafetyReview);
        let _ = s.apply(Command::EndMonth);
        for f in Figure::DASHBOARD {
            let e = explain(&s, f);
            assert!(e.lines.len() >= 2, "{f:?}");
        }
    }

    #[test]
    fn research_parts_add_up_to_the_shown_total() {
        // The panel said the parts "add up exactly" and showed 0.97 of 0.99.
        let content = Arc::new(content::load_builtin("race-2025", None).expect("loads"));
        let mut s = Session::new(content, 5);
        for _ in 0..6 {
            if s.game.state.pending.is_some() {
                let _ = s.apply(Command::Choose(0));
            }
            let _ = s.apply(Command::EndMonth);
        }
        let e = explain(&s, Figure::Speed);
        let hundredths = |t: &str| -> i64 {
            let (sign, rest) = t.split_at(1);
            let v: i64 = rest.replace('.', "").parse().expect(t);
            if sign == "-" { -v } else { v }
        };
        let mut sums = [0i64; 2];
        let mut totals = None;
        for (line, _) in e.lines.iter().skip(2) {
            let words: Vec<&str> = line.split_whitespace().collect();
            if words.len() < 3 {
                break;
            }
            let cols = [words[words.len() - 2], words[words.len() - 1]].map(hundredths);
            if words[0] == "total" {
                totals = Some(cols);
                break;
            }
            sums[0] += cols[0];
            sums[1] += cols[1];
        }
        assert_eq!(Some(sums), totals, "{:#?}", e.lines);
    }

    #[test]
    fn speed_labels_read_as_points() {
        assert_eq!(speed_label(2_345), "+2.35");
        assert_eq!(speed_label(2_344), "+2.34");
        assert_eq!(speed_label(-50), "-0.05");
        assert_eq!(speed_label(-55), "-0.06");
        assert_eq!(speed_label(1_180), "+1.18");
    }
}
