//! The board and the money it allows: capital guidance and the budget cut.
//!
//! Each calendar quarter the board accepts a certain amount of money
//! spent up front, as a share of a month's income: its capital guidance. Spending beyond it
//! is allowed, but the board loses confidence as the money goes out (in October 2025 Meta
//! raised its capital-spending guidance and its shares fell about 11% the next day). A board
//! whose confidence is low withholds part of each month's income, and at zero it freezes the
//! budget: so "how much to spend, and when" is a decision with a visible price.

use super::data::Content;
use super::state::{GameState, LabId};
use super::units::Money;

/// The quarter's capital guidance of a lab: money it may spend up front this quarter before
/// the board minds.
pub fn guidance(content: &Content, state: &GameState, lab: LabId) -> Money {
    let pct = content.balance.board.guidance_pct;
    if pct <= 0 {
        return Money::MAX / 4;
    }
    state.lab(lab).income.max(0).saturating_mul(pct) / 100
}

/// Whether the scenario's board gives guidance at all.
pub fn has_guidance(content: &Content) -> bool {
    content.balance.board.guidance_pct > 0
}

/// Board points the spending beyond guidance has cost so far this quarter, at the lab's
/// current income: whole points per month of income over the guidance.
pub fn over_guidance_points(content: &Content, state: &GameState, lab: LabId) -> i64 {
    let b = &content.balance.board;
    if b.guidance_pct <= 0 || b.over_guidance_board <= 0 {
        return 0;
    }
    let l = state.lab(lab);
    let over = (l.quarter_spent - guidance(content, state, lab)).max(0);
    over.saturating_mul(b.over_guidance_board) / l.income.max(1)
}

/// What the board withholds from a month's income at confidence `board`.
pub fn income_cut(content: &Content, income: Money, board: i32) -> Money {
    let b = &content.balance.board;
    if board >= b.cut_below || income <= 0 {
        return 0;
    }
    let points = i64::from(b.cut_below - board.max(0));
    (income.saturating_mul(points.saturating_mul(b.cut_pct_per_point.max(0))) / 100).min(income)
}

/// Months left in the current calendar quarter, this one included (1 to 3).
pub fn months_left_in_quarter(content: &Content, state: &GameState) -> u16 {
    let zero = u16::from(content.scenario.start_month.clamp(1, 12) - 1) + state.month % 12;
    3 - zero % 3
}

/// What the company takes back at a quarter's close from a lab holding `budget` with monthly
/// `income`: `return_pct` percent of the cash above `carry_pct` percent of the income. Money
/// left unspent is not saved for later: it goes back, so holding cash costs what it could
/// have bought.
pub fn quarter_return(content: &Content, budget: Money, income: Money) -> Money {
    let b = &content.balance.board;
    if b.return_pct <= 0 || budget <= 0 {
        return 0;
    }
    let idle = (i128::from(budget) - i128::from(carry(content, income))).max(0);
    let back = idle * i128::from(b.return_pct.min(100)) / 100;
    Money::try_from(back).unwrap_or(Money::MAX).min(budget)
}

/// The cash a lab may hold into the next quarter without the company taking part of it.
pub fn carry(content: &Content, income: Money) -> Money {
    let pct = i128::from(content.balance.board.carry_pct.max(0));
    Money::try_from(i128::from(income.max(0)) * pct / 100).unwrap_or(Money::MAX)
}
