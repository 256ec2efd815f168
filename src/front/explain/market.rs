//! How the rivals and the GPU market answer the player, explained where the player looks:
//! the quarter's GPU supply and price under Compute, the labs the player has raided under
//! Talent, and the squeeze on a lab that depends on licences under Legacy drag. Every number
//! comes from the rules' own functions.

use crate::game::compute;
use crate::game::counterplay;
use crate::game::data::plural;
use crate::game::rules::retention_permille;
use crate::game::state::{LabId, PLAYER};
use crate::game::units::money;

use super::super::session::Session;
use super::Lines;

/// The quarter's shared GPU supply, what it costs now and how long building takes.
pub(super) fn gpu_market(s: &Session, l: &mut Lines) {
    let (content, state) = (s.content(), &s.game.state);
    let c = &content.balance.compute;
    l.head("The GPU market this quarter");
    l.line(format!(
        "  {}k of {}k GPUs left for every lab; you ordered {}k, all labs {}k",
        compute::supply_left(content, state),
        c.supply.quarter_supply,
        state.player().gpu_quarter,
        compute::ordered(state)
    ));
    let price = compute::price_pct(content, state, PLAYER, 0);
    l.line(format!(
        "  a data centre costs {} per 1k GPUs now ({}% of list price {})",
        money(compute::data_centre_cost(content, state, PLAYER, 1)),
        price,
        money(c.data_centre_cost)
    ));
    l.dim(format!(
        "  Every 100k GPUs ordered this quarter adds {}%, every 100k you order {}% more;",
        c.supply.market_pct_per_100k, c.supply.buyer_pct_per_100k
    ));
    l.dim(format!(
        "  ordering {}k or more in a quarter makes rivals rush their own orders. Building takes",
        content.balance.rivals.counter.rush_kgpu
    ));
    l.dim(format!(
        "  {} plus a month per {}k GPUs (100k: {}, 400k: {}).",
        plural(c.data_centre_months, "month"),
        c.supply.build_kgpu_per_month,
        plural(compute::build_months(c, 100), "month"),
        plural(compute::build_months(c, 400), "month")
    ));
}

/// The labs the player has taken people from, and how they answer.
pub(super) fn raided_labs(s: &Session, l: &mut Lines) {
    let (content, state) = (s.content(), &s.game.state);
    let raided: Vec<LabId> = (1..state.labs.len() as LabId)
        .filter(|&i| state.lab(i).raids > 0)
        .collect();
    if raided.is_empty() {
        return;
    }
    let per_raid = content.balance.rivals.counter.poach_back_permille_per_raid;
    l.head("Labs you have taken people from");
    for lab in raided {
        let raids = state.lab(lab).raids;
        l.line(format!(
            "  {}: {} remembered; counters your offers {}% of the time, poaches back {}% a month",
            content.labs[usize::from(lab)].short,
            plural(raids, "raid"),
            retention_permille(content, state, lab) / 10,
            i64::from(raids).saturating_mul(per_raid).clamp(0, 1_000) / 10
        ));
    }
    l.dim("  One raid fades each quarter.");
}

/// How much the player depends on paid licences, and what vendors do about it.
pub(super) fn licence_squeeze(s: &Session, l: &mut Lines) {
    let (content, state) = (s.content(), &s.game.state);
    let licences = counterplay::paid_licences(content, state);
    if licences.is_empty() {
        return;
    }
    let n = licences.len();
    l.head(format!(
        "You depend on {}",
        plural(n as i64, "paid licence")
    ));
    l.line(format!(
        "  each vendor raises its price with chance {}% a month, and cuts a licence off {}%",
        counterplay::raise_permille(content, n) / 10,
        counterplay::cut_permille(content, n) / 10
    ));
    l.dim("  The more licences you hold, the more vendors squeeze; build in-house to stop it.");
}
