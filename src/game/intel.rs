//! What the player knows of the rivals: their progress seen as an estimate with an error that
//! grows with the months since the last intelligence, and the intelligence work that narrows it.
//!
//! A rival's true progress is hidden while the race runs. The player sees it through public
//! signals (launches, benchmarks, papers, people who change jobs), each month's signal off by
//! up to `intel.drift` thousandths of a point, so the estimate wanders further from the truth
//! month by month. Commissioning intelligence (a week of the CEO and `intel.cost`) brings every
//! rival's estimate back to within `intel.report_error`. The shown range is the estimate's 90%
//! band, `1.645 × √(report_error²/3 + months × drift²/3)`: the spread of the sum of the uniform
//! errors behind it, so the truth lies outside it about one time in ten. At the end of the game
//! the truth is revealed (the debrief).
//!
//! The hidden part is `RivalIntel::error` (estimate minus truth, per lab) and the truth itself.
//! The rules keep reading the truth; every front end and every policy reads [`estimate`]. The
//! expert imagines the truth from the estimate ([`imagine_truth`]) with its own dice.

use serde::{Deserialize, Serialize};

use super::data::Content;
use super::event::Event;
use super::rng::Pcg32;
use super::rules::Ctx;
use super::state::{GameState, LabId, PLAYER};
use super::units::{Money, Progress};

/// The numbers of intelligence (`balance.intel`); a balance without the section plays with
/// these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IntelBalance {
    /// The largest error one month's public signal adds to a rival's estimate, thousandths of
    /// a point (2000: up to 2 points a month).
    pub drift: i32,
    /// The largest error right after intelligence, thousandths of a point.
    pub report_error: i32,
    /// Months of drift the opening estimate carries (what the press knew at the start).
    pub start_months: u16,
    /// The price of an intelligence sweep, USD millions.
    pub cost: Money,
    /// CEO weeks it takes.
    pub weeks: u8,
}

impl Default for IntelBalance {
    fn default() -> Self {
        IntelBalance {
            drift: 2000,
            report_error: 700,
            start_months: 2,
            cost: 150,
            weeks: 1,
        }
    }
}

impl IntelBalance {
    /// Every number in its range (see `balance_ranges.rs`).
    pub fn check(&self, c: &mut super::balance_ranges::RangeCheck) {
        c.range("drift", self.drift, 0, 20_000);
        c.range("report_error", self.report_error, 0, 20_000);
        c.range("start_months", self.start_months, 0, 120);
        c.range("cost", self.cost, 0, 100_000);
        c.range("weeks", self.weeks, 0, 4);
    }
}

/// What the player knows of one lab's progress. The player's own entry is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RivalIntel {
    /// Hidden: the estimate minus the truth, thousandths of a point.
    pub error: i32,
    /// The month of the last intelligence on this lab (the opening estimate counts
    /// `start_months` before month 0).
    pub since: i32,
    /// Hidden: how much the last month's signals moved the error (0 after intelligence), so
    /// the gain the player saw is the true gain plus this.
    #[serde(default)]
    pub step: i32,
}

/// A lab's progress as the player sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    /// The best guess.
    pub progress: Progress,
    /// Half the width of the 90% range, thousandths of a point (0: known exactly).
    pub margin: i32,
    /// Months since the last intelligence.
    pub months: i32,
}

impl Estimate {
    pub fn exact(&self) -> bool {
        self.margin == 0
    }

    pub fn low(&self) -> Progress {
        Progress(self.progress.0 - self.margin).clamped()
    }

    pub fn high(&self) -> Progress {
        Progress(self.progress.0 + self.margin).clamped()
    }

    /// "61.2" when known, "≈61.2 ±4.7" when estimated.
    pub fn label(&self) -> String {
        if self.exact() {
            self.progress.display()
        } else {
            format!(
                "≈{} ±{}",
                self.progress.display(),
                Progress(self.margin).display()
            )
        }
    }

    /// "61.2" when known, "61±5" (whole points) when estimated: for narrow columns.
    pub fn short_label(&self) -> String {
        if self.exact() {
            self.progress.display()
        } else {
            format!(
                "{}±{}",
                self.progress.shown_tenths() / 10,
                (self.margin + 500) / 1000
            )
        }
    }

    /// "61.2" when known, "57–66" (the range in whole points) when estimated.
    pub fn range_label(&self) -> String {
        if self.exact() {
            self.progress.display()
        } else {
            format!("{}–{}", self.low().points(), self.high().points())
        }
    }
}

/// The 90% half-width of an estimate `months` after intelligence.
pub fn margin(b: &IntelBalance, months: i32) -> i32 {
    let r = i64::from(b.report_error);
    let d = i64::from(b.drift);
    let var = (r * r + i64::from(months.max(0)) * d * d) / 3;
    (1645 * var.isqrt() / 1000).min(i64::from(Progress::MAX.0)) as i32
}

/// Whether the player sees this lab's progress exactly: their own, or any lab once the game
/// is over (the debrief reveals the truth), or a game without intelligence (an old save).
fn known(state: &GameState, lab: LabId) -> bool {
    lab == PLAYER || state.is_over() || usize::from(lab) >= state.intel.len()
}

/// A lab's progress as the player sees it now.
pub fn estimate(content: &Content, state: &GameState, lab: LabId) -> Estimate {
    let truth = state.lab(lab).progress();
    if known(state, lab) {
        return Estimate {
            progress: truth,
            margin: 0,
            months: 0,
        };
    }
    let i = state.intel[usize::from(lab)];
    let months = (i32::from(state.month) - i.since).max(0);
    Estimate {
        progress: Progress(truth.0.saturating_add(i.error)).clamped(),
        margin: margin(&content.balance.intel, months),
        months,
    }
}

/// A lab's estimated progress, without its range (no balance needed): what policies compare.
pub fn seen_progress(state: &GameState, lab: LabId) -> Progress {
    let truth = state.lab(lab).progress();
    if known(state, lab) {
        truth
    } else {
        Progress(truth.0.saturating_add(state.intel[usize::from(lab)].error)).clamped()
    }
}

/// Every lab's progress as the player sees it now, by lab (the player's own exact).
pub fn seen_all(state: &GameState) -> Vec<Progress> {
    (0..state.labs.len() as LabId)
        .map(|id| seen_progress(state, id))
        .collect()
}

/// A finished month's progress of `lab` as the player may see it now: the estimate of the
/// time while the game runs, the truth once it is over.
pub fn shown_in_record(
    state: &GameState,
    record: &super::state::MonthRecord,
    lab: usize,
) -> Option<Progress> {
    if state.is_over() || record.seen.len() != record.progress.len() {
        record.progress.get(lab).copied()
    } else {
        record.seen.get(lab).copied()
    }
}

/// The player's estimate of `lab` as it stood before the end revealed the truth (for the
/// debrief): the estimate and the true progress.
pub fn revealed(content: &Content, state: &GameState, lab: LabId) -> Option<(Estimate, Progress)> {
    if lab == PLAYER || usize::from(lab) >= state.intel.len() {
        return None;
    }
    let truth = state.lab(lab).progress();
    let i = state.intel[usize::from(lab)];
    let months = (i32::from(state.month) - i.since).max(0);
    Some((
        Estimate {
            progress: Progress(truth.0.saturating_add(i.error)).clamped(),
            margin: margin(&content.balance.intel, months),
            months,
        },
        truth,
    ))
}

/// A lab's research speed last month as the player sees it (thousandths of a point): the
/// player's own; a rival's true gain plus what the month's signals moved its estimate (after
/// intelligence, the true gain).
pub fn seen_speed(state: &GameState, lab: LabId) -> i32 {
    let truth = state.lab(lab).last_speed.total;
    if known(state, lab) {
        truth
    } else {
        truth.saturating_add(state.intel[usize::from(lab)].step)
    }
}

/// Months since the oldest intelligence on any rival (0 in a game without estimates).
pub fn oldest_months(state: &GameState) -> i32 {
    if state.intel.len() != state.labs.len() {
        return 0;
    }
    state.intel[1..]
        .iter()
        .map(|i| i32::from(state.month) - i.since)
        .max()
        .unwrap_or(0)
        .max(0)
}

/// The lab's progress per track as the player sees it (the same error on every track).
pub fn seen_tracks(state: &GameState, lab: LabId) -> [Progress; 3] {
    let l = state.lab(lab);
    if known(state, lab) {
        return l.tracks;
    }
    let e = state.intel[usize::from(lab)].error;
    l.tracks.map(|t| Progress(t.0.saturating_add(e)).clamped())
}

/// The best rival as the player sees it: its id and estimated progress (ties to the lower id).
pub fn seen_leader(content: &Content, state: &GameState) -> (LabId, Progress) {
    let mut best = (1u8, Progress(i32::MIN));
    for id in 1..state.labs.len() as LabId {
        let p = estimate(content, state, id).progress;
        if p > best.1 {
            best = (id, p);
        }
    }
    best
}

/// The player's rank as the player sees it (1 = leading; ties favour the rival).
pub fn seen_rank(content: &Content, state: &GameState) -> u8 {
    if state.is_over() {
        return state.player_rank();
    }
    let p = state.player().progress();
    1 + (1..state.labs.len() as LabId)
        .filter(|&id| estimate(content, state, id).progress >= p)
        .count() as u8
}

/// The widest 90% range among the rivals, thousandths of a point.
pub fn widest_margin(content: &Content, state: &GameState) -> i32 {
    (1..state.labs.len() as LabId)
        .map(|id| estimate(content, state, id).margin)
        .max()
        .unwrap_or(0)
}

/// The opening intelligence: every rival's estimate carries `start_months` of drift.
pub fn opening(b: &IntelBalance, labs: usize, dice: &mut Pcg32) -> Vec<RivalIntel> {
    let since = -i32::from(b.start_months);
    (0..labs)
        .map(|lab| {
            if lab == usize::from(PLAYER) {
                RivalIntel::default()
            } else {
                RivalIntel {
                    error: draw_error(b, i32::from(b.start_months), dice),
                    since,
                    step: 0,
                }
            }
        })
        .collect()
}

/// An error drawn the way the rules make one: the report's error plus `months` of drift.
pub fn draw_error(b: &IntelBalance, months: i32, dice: &mut Pcg32) -> i32 {
    let r = i64::from(b.report_error);
    let d = i64::from(b.drift);
    let mut e = dice.range(-r, r);
    for _ in 0..months.clamp(0, 240) {
        e += dice.range(-d, d);
    }
    e.clamp(-i64::from(Progress::MAX.0), i64::from(Progress::MAX.0)) as i32
}

/// The month's public signals: every rival's estimate wanders by up to `drift`.
pub fn month_drift(ctx: &mut Ctx) {
    if ctx.state.intel.len() != ctx.state.labs.len() {
        return;
    }
    let d = i64::from(ctx.content.balance.intel.drift);
    let mut intel = ctx.state.intel.clone();
    for i in intel.iter_mut().skip(1) {
        let step = ctx.state.dice.intel.range(-d, d) as i32;
        let before = i.error;
        i.error = i
            .error
            .saturating_add(step)
            .clamp(-Progress::MAX.0, Progress::MAX.0);
        i.step = i.error - before;
    }
    ctx.emit(Event::IntelUpdated { intel });
}

/// An intelligence sweep: every rival's estimate comes back to within `report_error`.
pub fn sweep(ctx: &mut Ctx) {
    if ctx.state.intel.len() != ctx.state.labs.len() {
        return;
    }
    let r = i64::from(ctx.content.balance.intel.report_error);
    let month = i32::from(ctx.state.month);
    let mut intel = ctx.state.intel.clone();
    for i in intel.iter_mut().skip(1) {
        i.error = ctx.state.dice.intel.range(-r, r) as i32;
        i.since = month;
        i.step = 0;
    }
    ctx.emit(Event::IntelUpdated { intel });
}

/// The hidden truth imagined from what the player sees, for a lookahead: every rival's
/// progress is set to its estimate minus an error drawn from `rng` the way the rules make
/// errors (the report's error plus a month's drift for every month since). Reads only the
/// estimates, never the truth: two states that show the same estimates imagine the same.
pub fn imagine_truth(content: &Content, state: &mut GameState, rng: &mut Pcg32) {
    let b = &content.balance.intel;
    if state.is_over() || state.intel.len() != state.labs.len() {
        return;
    }
    for lab in 1..state.labs.len() as LabId {
        let seen = seen_tracks(state, lab);
        let months = estimate(content, state, lab).months;
        let error = draw_error(b, months, rng);
        let l = &mut state.labs[usize::from(lab)];
        l.tracks = seen.map(|t| Progress(t.0.saturating_sub(error)).clamped());
        // The estimate stays what the player saw: truth plus error.
        let now = l.progress();
        let seen_progress = {
            let sum: i32 = seen.iter().map(|t| t.0).sum();
            let min = seen.iter().map(|t| t.0).min().unwrap_or(0);
            (sum / 3 + min) / 2
        };
        state.intel[usize::from(lab)].error = seen_progress - now.0;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::content;
    use crate::game::{Command, Game};

    fn game(seed: u64) -> Game {
        let content = content::load_builtin("race-2025", Some("normal")).expect("scenario");
        Game::new(Arc::new(content), seed)
    }

    fn end_months(g: &mut Game, months: u16) {
        for _ in 0..months {
            while g.state.pending.is_some() {
                g.apply(&Command::Choose(0)).expect("answer");
            }
            g.apply(&Command::EndMonth).expect("month ends");
        }
    }

    #[test]
    fn the_rivals_estimates_widen_with_time_and_intelligence_narrows_them() {
        let mut g = game(5);
        let start = estimate(&g.content, &g.state, 1);
        assert!(!start.exact(), "a rival's progress is an estimate");
        assert!(estimate(&g.content, &g.state, PLAYER).exact());
        end_months(&mut g, 6);
        while g.state.pending.is_some() {
            g.apply(&Command::Choose(0)).expect("answer");
        }
        let later = estimate(&g.content, &g.state, 1);
        assert!(later.margin > start.margin, "{later:?} vs {start:?}");
        g.state.labs[usize::from(PLAYER)].budget = 1_000_000;
        let events = g.apply(&Command::Intelligence).expect("intelligence");
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::IntelUpdated { .. }))
        );
        for lab in 1..g.state.labs.len() as LabId {
            let e = estimate(&g.content, &g.state, lab);
            assert_eq!(e.months, 0);
            assert!(e.margin < later.margin);
            let truth = g.state.lab(lab).progress().0;
            assert!((e.progress.0 - truth).abs() <= g.content.balance.intel.report_error);
        }
    }

    #[test]
    fn the_shown_range_holds_the_truth_about_nine_times_in_ten() {
        let (mut inside, mut all) = (0, 0);
        for seed in 0..30 {
            let mut g = game(seed);
            for _ in 0..12 {
                if g.state.is_over() {
                    break;
                }
                for lab in 1..g.state.labs.len() as LabId {
                    let e = estimate(&g.content, &g.state, lab);
                    let truth = g.state.lab(lab).progress();
                    all += 1;
                    if e.low() <= truth && truth <= e.high() {
                        inside += 1;
                    }
                }
                end_months(&mut g, 1);
            }
        }
        let share = inside * 100 / all;
        assert!((80..=98).contains(&share), "{inside} of {all} inside");
    }

    #[test]
    fn the_end_reveals_the_truth() {
        let mut g = game(7);
        g.state.ending = Some(crate::game::Ending::Deadline { rank: 2 });
        for lab in 1..g.state.labs.len() as LabId {
            let e = estimate(&g.content, &g.state, lab);
            assert!(e.exact());
            assert_eq!(e.progress, g.state.lab(lab).progress());
            let (seen, truth) = revealed(&g.content, &g.state, lab).expect("a rival");
            assert_eq!(truth, g.state.lab(lab).progress());
            assert!(!seen.exact());
        }
    }
}
