//! A what-if fork beside its parent: where the two timelines split, the decisions that differ
//! after the split, and what the difference did to the race, month by month from the split to
//! each game's end. Built as data ([`ForkComparison`]) and rendered as Markdown here, so other
//! formats can render the same data.
//!
//! Both games must have been verified by replay before they are compared, and the fork must
//! record the parent's fingerprint: the caller checks that (see `save::fingerprint_of`).

use std::fmt::Write as _;

use crate::game::units::Progress;
use crate::game::{Command, Game, PLAYER};

use super::Debrief;
use super::format::{cell, month_number, signed_tenths};

/// At most this many months of differing decisions are listed (a campaign has at most 120).
const MAX_DIFFERING_MONTHS: usize = 40;
/// At most this many decisions of one game in one month are listed, then "and N more".
const MAX_PER_CELL: usize = 6;

/// One game of the two, as it ended (or stands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The player's name, or what to call the game when the save names no player.
    pub name: String,
    /// How it ended, in the debrief's words.
    pub ending: String,
    pub score: i64,
    pub progress: Progress,
    /// Months played, 1-based as every report counts them.
    pub months_played: u16,
    /// Whether the game is over (an unfinished game's later months are not played yet).
    pub finished: bool,
}

impl Timeline {
    /// "Ada's game", or "the parent game" for a save that names no player.
    fn label(&self, unnamed: &str) -> String {
        self.label_with(unnamed, cell)
    }

    /// [`Timeline::label`] with the name made safe by `escape` (a Markdown cell or HTML).
    pub(super) fn label_with(&self, unnamed: &str, escape: impl Fn(&str) -> String) -> String {
        if self.name.is_empty() {
            unnamed.to_string()
        } else {
            format!("{}'s game", escape(&self.name))
        }
    }

    /// The name for a table's player row.
    fn shown_name(&self) -> String {
        if self.name.is_empty() {
            "(no name)".to_string()
        } else {
            cell(&self.name)
        }
    }
}

/// The decisions of the two games in one month after the split, where they differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DifferingMonth {
    /// The month, 1 = the first of the campaign.
    pub month: u16,
    pub date: String,
    pub parent: Vec<String>,
    pub fork: Vec<String>,
}

/// Both games at the end of one month (absent once that game is over).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaceRow {
    pub month: u16,
    pub date: String,
    /// The player's progress and rank in the parent.
    pub parent: Option<(Progress, u8)>,
    pub fork: Option<(Progress, u8)>,
}

impl RaceRow {
    /// The parent's and this game's standing ("71.3, 2nd", or why there is none) and the
    /// difference of the progress shown: the three cells of the race table in every format.
    pub(super) fn cells(&self, parent: &Timeline, fork: &Timeline) -> (String, String, String) {
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
                |(p, r)| format!("{}, {}", p.display(), ordinal(r)),
            )
        };
        let diff = match (self.parent, self.fork) {
            (Some((a, _)), Some((b, _))) => signed_tenths(b.shown_tenths() - a.shown_tenths()),
            _ => String::new(),
        };
        (shown(self.parent, parent), shown(self.fork, fork), diff)
    }
}

/// A fork compared with its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForkComparison {
    /// The month the fork took over at, 1-based, and its date.
    pub forked_at: u16,
    pub forked_date: String,
    /// The first month whose decisions differ (1-based) and its date; `None` while the fork has
    /// decided nothing the parent did not.
    pub first_difference: Option<(u16, String)>,
    pub parent: Timeline,
    pub fork: Timeline,
    pub decisions: Vec<DifferingMonth>,
    /// Months of differing decisions left out of [`ForkComparison::decisions`].
    pub more_decisions: usize,
    pub race: Vec<RaceRow>,
}

/// A game and the decisions that made it, as a comparison needs them.
pub struct Side<'a> {
    pub game: &'a Game,
    pub decisions: &'a [(u16, Command)],
    pub player: Option<&'a str>,
}

impl<'a> Side<'a> {
    /// The side of a verified save.
    pub fn of(v: &'a crate::save::Verified) -> Side<'a> {
        Side {
            game: &v.play.game,
            decisions: v.play.decisions(),
            player: v.play.record.player.as_deref(),
        }
    }
}

impl ForkComparison {
    /// Compares the `fork`, which took over at `forked_at` (1-based), with its `parent`.
    pub fn build(parent: &Side, fork: &Side, forked_at: u16) -> ForkComparison {
        let content = &fork.game.content;
        let date = |month: u16| content.date_label(month.saturating_sub(1));
        let first = first_difference(parent.decisions, fork.decisions);
        let split = first.unwrap_or(forked_at.saturating_sub(1));
        // While the fork is unfinished, the parent's later months have nothing to differ from.
        let last = if fork.game.is_over() {
            parent.game.state.month.max(fork.game.state.month)
        } else {
            fork.game.state.month
        };
        let mut decisions = differing_months(parent.game, fork.game, split, last);
        let more_decisions = decisions.len().saturating_sub(MAX_DIFFERING_MONTHS);
        decisions.truncate(MAX_DIFFERING_MONTHS);
        for d in &mut decisions {
            d.date = date(d.month);
        }
        let from = forked_at.saturating_sub(1);
        let (ph, fh) = (&parent.game.state.history, &fork.game.state.history);
        let last = ph.len().max(fh.len());
        // A game's last month is placed as the game ended it (a win is first even when a
        // rival also reached 100 that month); the others by progress.
        let at = |game: &Game, m: usize| {
            let h = &game.state.history;
            h.get(m).map(|r| {
                let (p, rank) = standing(&r.progress);
                if m + 1 == h.len() && game.is_over() {
                    (p, game.state.player_rank())
                } else {
                    (p, rank)
                }
            })
        };
        let race = (usize::from(from)..last)
            .map(|m| {
                let month = u16::try_from(m + 1).unwrap_or(u16::MAX);
                RaceRow {
                    month,
                    date: date(month),
                    parent: at(parent.game, m),
                    fork: at(fork.game, m),
                }
            })
            .collect();
        ForkComparison {
            forked_at,
            forked_date: date(forked_at),
            first_difference: first.map(|m| (m + 1, date(m + 1))),
            parent: timeline(parent),
            fork: timeline(fork),
            decisions,
            more_decisions,
            race,
        }
    }

    /// The comparison as a Markdown section (a second-level heading and its tables).
    pub fn to_markdown(&self) -> String {
        super::sanitize::markdown_document(&self.markdown_body())
    }

    fn markdown_body(&self) -> String {
        let (p, f) = (&self.parent, &self.fork);
        let mut md = String::new();
        let _ = writeln!(md, "## What if: this game beside its parent\n");
        let _ = writeln!(md, "{}\n", self.intro(&p.label("the parent game")));
        md.push_str("| | Parent | This game |\n| --- | --- | --- |\n");
        let rows: [(&str, String, String); 5] = [
            ("Player", p.shown_name(), f.shown_name()),
            ("How it ended", cell(&p.ending), cell(&f.ending)),
            (
                "Months played",
                p.months_played.to_string(),
                f.months_played.to_string(),
            ),
            ("Progress", p.progress.display(), f.progress.display()),
            ("Score", p.score.to_string(), f.score.to_string()),
        ];
        for (what, a, b) in rows {
            let _ = writeln!(md, "| {what} | {a} | {b} |");
        }
        md.push('\n');
        let _ = writeln!(md, "{}\n", self.verdict());
        self.decisions_table(&mut md);
        self.race_table(&mut md);
        md
    }

    /// Where the two games split, the parent's game called `parent`.
    pub(super) fn intro(&self, parent: &str) -> String {
        let mut t = format!(
            "This game was forked from {parent} at the start of month {} ({}): the decisions \
             before it are the parent's. ",
            self.forked_at, self.forked_date
        );
        t.push_str(&match &self.first_difference {
            Some((m, _)) if *m == self.forked_at => {
                "The decisions differ from that month on.".to_string()
            }
            Some((m, d)) => {
                format!(
                    "The same decisions were made again until month {m} ({d}), where they differ."
                )
            }
            None => "So far this game has made exactly the parent's decisions.".to_string(),
        });
        t
    }

    /// Which of the two scores more.
    pub(super) fn verdict(&self) -> String {
        let (p, f) = (&self.parent, &self.fork);
        match f.score.cmp(&p.score) {
            _ if !f.finished || !p.finished => {
                "One of the two games is not over yet: its score is the score so far.".to_string()
            }
            std::cmp::Ordering::Greater => format!(
                "The what-if scores {} more than the parent.",
                f.score - p.score
            ),
            std::cmp::Ordering::Less => format!(
                "The what-if scores {} less than the parent.",
                p.score - f.score
            ),
            std::cmp::Ordering::Equal => "Both games score the same.".to_string(),
        }
    }

    fn decisions_table(&self, md: &mut String) {
        let _ = writeln!(md, "### Decisions and events that differ after the split\n");
        if self.decisions.is_empty() {
            let _ = writeln!(md, "None yet.\n");
            return;
        }
        md.push_str("| Month | Parent | This game |\n| --- | --- | --- |\n");
        for d in &self.decisions {
            let _ = writeln!(
                md,
                "| {} ({}) | {} | {} |",
                d.month,
                d.date,
                listed(&d.parent),
                listed(&d.fork)
            );
        }
        if self.more_decisions > 0 {
            let _ = writeln!(md, "\n…and {} more months.", self.more_decisions);
        }
        md.push('\n');
    }

    fn race_table(&self, md: &mut String) {
        let _ = writeln!(md, "### The race from the split\n");
        let _ = writeln!(
            md,
            "Your progress and place in the race at the end of each month in both games; the \
             difference is this game's lead over the parent (of the progress shown).\n"
        );
        if self.race.is_empty() {
            let _ = writeln!(md, "No month has been played since the split.\n");
            return;
        }
        md.push_str("| Month | Parent | This game | Difference |\n| --- | --- | --- | --- |\n");
        for row in &self.race {
            let (parent, fork, diff) = row.cells(&self.parent, &self.fork);
            let _ = writeln!(
                md,
                "| {} ({}) | {parent} | {fork} | {diff} |",
                row.month, row.date
            );
        }
        md.push('\n');
    }
}

/// "1st", "2nd", "3rd", "4th": a place in the race.
pub(super) fn ordinal(n: u8) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The rules' month counter of the first decision that differs between the two streams.
fn first_difference(parent: &[(u16, Command)], fork: &[(u16, Command)]) -> Option<u16> {
    let common = parent.iter().zip(fork).take_while(|(a, b)| a == b).count();
    match (parent.get(common), fork.get(common)) {
        (Some(a), Some(b)) => Some(a.0.min(b.0)),
        (Some(one), None) | (None, Some(one)) => Some(one.0),
        (None, None) => None,
    }
}

/// The months from `split` (the rules' counter) on in which the two timelines' decisions
/// differ, each with both games' decisions of that month.
fn differing_months(parent: &Game, fork: &Game, split: u16, last: u16) -> Vec<DifferingMonth> {
    let of = |g: &Game, m: u16| -> Vec<String> {
        g.state
            .timeline
            .iter()
            .filter(|e| e.month == m)
            .map(|e| e.text(&g.content, &g.state))
            .collect()
    };
    (split..=last)
        .filter_map(|m| {
            let (a, b) = (of(parent, m), of(fork, m));
            (a != b).then(|| DifferingMonth {
                month: m + 1,
                date: String::new(),
                parent: a,
                fork: b,
            })
        })
        .collect()
}

/// The player's progress and rank among the labs' progress at the end of a month.
fn standing(progress: &[Progress]) -> (Progress, u8) {
    let mine = progress
        .get(usize::from(PLAYER))
        .copied()
        .unwrap_or_default();
    let ahead = progress
        .iter()
        .enumerate()
        .filter(|(i, p)| *i != usize::from(PLAYER) && **p >= mine)
        .count();
    (mine, u8::try_from(ahead + 1).unwrap_or(u8::MAX))
}

fn timeline(side: &Side) -> Timeline {
    let game = side.game;
    let debrief = Debrief::from_game(game, side.decisions);
    let state = &game.state;
    Timeline {
        name: side.player.unwrap_or_default().to_string(),
        ending: debrief.ending,
        score: debrief.total,
        progress: state.player().progress(),
        months_played: month_number(state.month, game.is_over(), game.content.scenario.months),
        finished: game.is_over(),
    }
}

/// A game's decisions of one month for a table cell: runs of the same decision folded,
/// at most [`MAX_PER_CELL`] listed.
fn listed(items: &[String]) -> String {
    listed_with(items, cell, MAX_PER_CELL)
}

/// A game's decisions of one month: runs of the same decision folded, each made safe by
/// `escape`, at most `max` listed and the rest counted.
pub(super) fn listed_with(items: &[String], escape: impl Fn(&str) -> String, max: usize) -> String {
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
    let extra = folded.len().saturating_sub(max);
    let mut parts: Vec<String> = folded
        .iter()
        .take(max)
        .map(|(t, n)| {
            if *n > 1 {
                format!("{} ×{n}", escape(t))
            } else {
                escape(t)
            }
        })
        .collect();
    if extra > 0 {
        parts.push(format!("and {extra} more"));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_is_the_month_of_the_first_decision_that_differs() {
        let a: Vec<(u16, Command)> = vec![
            (0, Command::Morale),
            (0, Command::EndMonth),
            (1, Command::ShipAi),
        ];
        let mut b = a.clone();
        assert_eq!(first_difference(&a, &b), None);
        b[2] = (1, Command::SafetyReview);
        assert_eq!(first_difference(&a, &b), Some(1));
        // One stream stops where the other goes on: the split is the next decision's month.
        assert_eq!(first_difference(&a, &a[..2]), Some(1));
    }

    #[test]
    fn places_read_as_ordinals() {
        let shown: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal).to_vec();
        assert_eq!(
            shown,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"
            ]
        );
    }

    #[test]
    fn a_long_month_of_decisions_is_folded_and_capped() {
        let mut items: Vec<String> = vec!["Safety review".into(); 3];
        items.extend((0..8).map(|i| format!("Hired person {i}")));
        let cell = listed(&items);
        assert!(
            cell.starts_with("Safety review ×3; Hired person 0"),
            "{cell}"
        );
        assert!(cell.ends_with("Hired person 4; and 3 more"), "{cell}");
        assert_eq!(listed(&[]), "—");
    }
}
