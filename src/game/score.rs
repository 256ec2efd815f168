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
    let s = &content.balance.score;
    let lead_points = i64::from(p.progress().0 - best_rival) / 1000;
    let outcome = match &state.ending {
        Some(Ending::PlayerFirst { careful: true }) => s.careful_win,
        Some(Ending::PlayerFirst { careful: false }) => s.reckless_win,
        Some(Ending::Deadline { rank: 1 }) => s.deadline_lead,
        Some(Ending::Deadline { rank }) => {
            s.deadline_second - s.deadline_rank_step * i64::from(rank.saturating_sub(2))
        }
        Some(Ending::RivalFirst { .. }) => s.rival_first,
        Some(Ending::BudgetFrozen) | Some(Ending::Catastrophe) => 0,
        None => 0,
    };
    let won = state.ending.as_ref().is_some_and(Ending::is_win);
    let margin = (lead_points * s.margin_per_point).clamp(-s.margin_cap, s.margin_cap);
    let months_left = i64::from(content.scenario.months.saturating_sub(state.month));
    let speed = if won {
        months_left * s.speed_per_month
    } else {
        0
    };
    let safety = if matches!(state.ending, Some(Ending::Catastrophe)) {
        0
    } else {
        i64::from(100 - p.risk) * s.safety_per_risk + i64::from(p.review) * s.safety_per_review
    };
    let money = (p.budget / s.money_div.max(1)).clamp(0, s.money_cap);
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
