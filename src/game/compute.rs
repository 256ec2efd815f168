//! Compute as a shared market. A quarter's GPU supply is finite and shared by every lab: each
//! data centre or lease ordered this quarter, by anyone, takes from it, and the more has been
//! ordered, the dearer the next order. Big orders raise the price for everyone, and most of
//! all for the lab that places them (suppliers ration and charge their biggest buyer). At the
//! end of each calendar quarter the supply is renewed and the count starts again.
//!
//! A data centre takes time to build in proportion to its size: a base of months plus a month
//! per `build_kgpu_per_month` thousand GPUs. Meta's Hyperion campus (financed with Blue Owl
//! Capital in October 2025) scales up over several years; hundreds of thousands of GPUs do not
//! come online in six months.

use super::balance::ComputeBalance;
use super::data::Content;
use super::state::{GameState, LabId};
use super::units::Money;

/// Thousands of GPUs every lab has ordered this quarter.
pub fn ordered(state: &GameState) -> u32 {
    state
        .labs
        .iter()
        .map(|l| l.gpu_quarter)
        .fold(0, u32::saturating_add)
}

/// Thousands of GPUs still for sale this quarter.
pub fn supply_left(content: &Content, state: &GameState) -> u32 {
    content
        .balance
        .compute
        .supply
        .quarter_supply
        .saturating_sub(ordered(state))
}

/// The price of an order of `k` thousand GPUs by `lab`, as a percent of list price: every
/// 100k GPUs ordered this quarter (by anyone) before it adds `market_pct_per_100k`, every 100k
/// the lab itself ordered adds `buyer_pct_per_100k` more, and the order counts half its own
/// size in both (it pushes the price up as it is filled).
pub fn price_pct(content: &Content, state: &GameState, lab: LabId, k: u32) -> i64 {
    let s = &content.balance.compute.supply;
    let half = i64::from(k) / 2;
    let market = i64::from(ordered(state)) + half;
    let own = i64::from(state.lab(lab).gpu_quarter) + half;
    let premium = market.saturating_mul(s.market_pct_per_100k.clamp(0, 1_000)) / 100
        + own.saturating_mul(s.buyer_pct_per_100k.clamp(0, 1_000)) / 100;
    100 + premium.clamp(0, 10_000)
}

/// What a data centre of `k` thousand GPUs costs `lab` up front, at this quarter's price.
pub fn data_centre_cost(content: &Content, state: &GameState, lab: LabId, k: u32) -> Money {
    let list = Money::from(k).saturating_mul(content.balance.compute.data_centre_cost);
    list.saturating_mul(price_pct(content, state, lab, k)) / 100
}

/// Months a data centre of `k` thousand GPUs takes to come online.
pub fn build_months(c: &ComputeBalance, k: u32) -> u8 {
    let per_month = c.supply.build_kgpu_per_month.max(1);
    u32::from(c.data_centre_months)
        .saturating_add(k.div_ceil(per_month))
        .clamp(1, 60) as u8
}

/// Whether the month that just closed (0 is the first) was the last of a calendar quarter.
pub fn quarter_ends(content: &Content, month: u16) -> bool {
    let zero = u32::from(content.scenario.start_month.clamp(1, 12) - 1) + u32::from(month);
    zero % 3 == 2
}
