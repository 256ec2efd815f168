//! The final score and its breakdown, so a class can compare games fairly.

use serde::{Deserialize, Serialize};

use super::data::Content;
use super::state::{Ending, GameState};

/// Score parts. `total` is their sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// How the game ended.
    pub outcome: i64,
    /// Lead (or deficit) over the best rival.
    pub margin: i64,
    /// Months to spare on a win.
    pub speed: i64,
    /// Low risk and strong review.
    pub safety: i64,
    /// Money left.
    pub money: i64,
    pub total: i64,
}

impl Score {
    pub fn parts(&self) -> [(&'static str, i64); 5] {
        [
            ("outcome", self.outcome),
            ("margin", self.margin),
            ("speed", self.speed),
            ("safety", self.safety),
            ("money", self.money),
        ]
    }
}

/// Scores a game (finished or not; an unfinished game scores as if the deadline were now).
pub fn score(content: &Content, state: &GameState) -> Score {
    let p = state.player();
    let best_rival = state.labs[1..]
        .iter()
        .map(|l| l.progress().0)
        .max()
        .unwrap_or(0);
    let lead_points = i64::from(p.progress().0 - best_rival) / 1000;
    let outcome = match &state.ending {
        Some(Ending::PlayerFirst { careful: true }) => 5_000,
        Some(Ending::PlayerFirst { careful: false }) => 2_000,
        Some(Ending::Deadline { rank: 1 }) => 3_000,
        Some(Ending::Deadline { rank }) => 1_500 - 250 * i64::from(rank.saturating_sub(2)),
        Some(Ending::RivalFirst { .. }) => 800,
        Some(Ending::BudgetFrozen) | Some(Ending::Catastrophe) => 0,
        None => 0,
    };
    let won = state.ending.as_ref().is_some_and(Ending::is_win);
    let margin = (lead_points * 30).clamp(-1_500, 1_500);
    let months_left = i64::from(content.scenario.months.saturating_sub(state.month));
    let speed = if won { months_left * 100 } else { 0 };
    let safety = if matches!(state.ending, Some(Ending::Catastrophe)) {
        0
    } else {
        i64::from(100 - p.risk) * 8 + i64::from(p.review) * 4
    };
    let money = (p.budget / 100).clamp(0, 1_500);
    let total = outcome + margin + speed + safety + money;
    Score {
        outcome,
        margin,
        speed,
        safety,
        money,
        total,
    }
}
