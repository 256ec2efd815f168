//! An amount to choose: a salary offer or a number of GPUs, from presets or typed, with its
//! cost, odds and the rules' verdict shown live.

use crate::game::compute;
use crate::game::data::plural;
use crate::game::research;
use crate::game::rules::{
    offer_odds_permille, offer_range, overpay_costs, retention_permille, signing_bonus,
};
use crate::game::state::PersonId;
use crate::game::units::{Money, money};
use crate::game::{Command, Game, PLAYER};

use super::explain::{Tone, speed_label};
use super::session::Session;

/// What an amount is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountKind {
    Offer { person: PersonId },
    DataCentre,
    Lease,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub kind: AmountKind,
    pub value: u32,
    /// Presets and their names; Left and Right step through them.
    pub presets: Vec<(u32, &'static str)>,
    pub preset: usize,
    /// Whether the player is typing a figure (the first digit replaces the preset).
    pub typing: bool,
}

/// The offer levels the dialog's presets stand for, as percentages of the ask. The last level
/// the player used is what `d` and a repeated plan offer next.
pub const OFFER_LEVELS: [(u32, &str); 4] = [
    (80, "below the ask"),
    (100, "the ask"),
    (120, "above the ask"),
    (150, "well above the ask"),
];

/// The offer level nearest `pct` percent of an ask.
pub fn offer_level(pct: u32) -> (u32, &'static str) {
    OFFER_LEVELS
        .iter()
        .copied()
        .min_by_key(|(l, _)| l.abs_diff(pct))
        .unwrap_or((100, "the ask"))
}

impl Amount {
    pub fn offer(game: &Game, person: PersonId) -> Amount {
        let pay = game
            .state
            .people
            .get(person as usize)
            .map_or(1, |p| p.salary);
        // What the market asks of the player: the pay, raised by its memory of overpaying.
        let ask = if (person as usize) < game.state.people.len() {
            crate::game::rules::ask(&game.state, PLAYER, person)
        } else {
            pay
        };
        let (min, max) = offer_range(&game.content, pay);
        let presets = OFFER_LEVELS
            .iter()
            .map(|(pct, name)| ((ask.saturating_mul(*pct) / 100).clamp(min, max), *name))
            .collect();
        Amount {
            kind: AmountKind::Offer { person },
            value: ask,
            presets,
            preset: 1,
            typing: false,
        }
    }

    /// GPUs to build or lease: presets from a sixteenth of the largest the rules allow
    /// (`max`, thousands) up to all of it, so they follow the balance's scale.
    pub fn compute(kind: AmountKind, max: u32) -> Amount {
        let max = max.max(16);
        let presets = vec![
            (max / 16, "small"),
            (max / 8, "medium"),
            (max / 4, "large"),
            (max / 2, "very large"),
            (max, "the most allowed"),
        ];
        Amount {
            kind,
            value: max / 8,
            presets,
            preset: 1,
            typing: false,
        }
    }

    pub fn command(&self) -> Command {
        match self.kind {
            AmountKind::Offer { person } => Command::Offer {
                person,
                salary: self.value,
            },
            AmountKind::DataCentre => Command::BuildDataCentre(self.value),
            AmountKind::Lease => Command::LeaseCompute(self.value),
        }
    }

    /// The dialog's text for the current value, every figure from the rules.
    pub fn body(&self, s: &Session) -> (String, Vec<(String, Tone)>) {
        let g = &s.game;
        let v = self.value;
        let mut lines = Vec::new();
        let verdict = g.check(&self.command());
        let title;
        match self.kind {
            AmountKind::Offer { person } => {
                let Some(p) = g.state.people.get(person as usize) else {
                    return (String::from("Offer"), lines);
                };
                title = format!("Offer to {}", p.name);
                let (min, max) = offer_range(&g.content, p.salary);
                let ask = crate::game::rules::ask(&g.state, PLAYER, person);
                lines.push((
                    format!(
                        "{}, skill {}{}; asks {} a year",
                        p.title,
                        p.skill,
                        if p.star { ", a star" } else { "" },
                        money(Money::from(ask))
                    ),
                    Tone::Normal,
                ));
                let memory = g.state.player().pay_memory;
                if memory > 0 && ask != p.salary {
                    lines.push((
                        format!(
                            "(paid {} now: the market remembers your overpaying, asks +{memory}%)",
                            money(Money::from(p.salary))
                        ),
                        Tone::Dim,
                    ));
                }
                let weeks = if p.star { 2 } else { 1 };
                lines.push((
                    format!(
                        "Closing takes {weeks} CEO week{ws}; accepted offers pay a signing bonus of {}.",
                        money(signing_bonus(&g.content, v)),
                        ws = crate::text::s(weeks as i64)
                    ),
                    Tone::Dim,
                ));
                lines.push((String::new(), Tone::Normal));
                let which = self
                    .presets
                    .iter()
                    .find(|(x, _)| *x == v)
                    .map_or("your figure", |(_, n)| n);
                lines.push((
                    format!("Offer: {} a year ({which})", money(Money::from(v))),
                    Tone::Heading,
                ));
                lines.push((
                    format!(
                        "Allowed: {} to {} a year",
                        money(Money::from(min)),
                        money(Money::from(max))
                    ),
                    Tone::Dim,
                ));
                if v >= min && v <= max {
                    lines.push((
                        format!("If they accept: {} a month more in salaries.", monthly(v)),
                        Tone::Normal,
                    ));
                    let odds = offer_odds_permille(&g.content, &g.state, PLAYER, person, v);
                    lines.push((
                        format!(
                            "Chance they accept: about {}%",
                            crate::report::format::round_div(odds, 10)
                        ),
                        Tone::Normal,
                    ));
                    if let Some(e) = p.employer
                        && e != PLAYER
                    {
                        let c = retention_permille(&g.content, &g.state, e);
                        lines.push((
                            format!(
                                "(counted in: {} counters about {}% of the time, less harmful at 150%+ of the ask)",
                                g.content.labs[usize::from(e)].short,
                                c / 10
                            ),
                            Tone::Dim,
                        ));
                    }
                    let ratio = i64::from(v) * 100 / i64::from(ask.max(1));
                    let (gap, memory, loyalty) = overpay_costs(&g.content, ratio);
                    if gap + memory + loyalty > 0 {
                        lines.push((
                            format!(
                                "At {ratio}% of the ask: morale -{gap} (pay gap), later asks \
                                 +{memory}%, their loyalty -{loyalty} (joins for money)."
                            ),
                            Tone::Dim,
                        ));
                    }
                    if v >= g.content.balance.actions.big_package {
                        lines.push((
                            "A nine-figure package worries the board.".to_string(),
                            Tone::Dim,
                        ));
                    }
                }
            }
            AmountKind::DataCentre => {
                let c = &g.content.balance.compute;
                let months = plural(compute::build_months(c, v), "month");
                let (content, state) = (&g.content, &g.state);
                title = "Build a data centre".to_string();
                lines.push((
                    format!(
                        "Owned GPUs: {} per thousand at list price, built {}k a month,",
                        money(c.data_centre_cost),
                        c.supply.build_kgpu_per_month
                    ),
                    Tone::Normal,
                ));
                lines.push((
                    format!(
                        "then cheap to run. 1 CEO week. {}k of {}k GPUs left this quarter.",
                        compute::supply_left(content, state),
                        c.supply.quarter_supply
                    ),
                    Tone::Normal,
                ));
                lines.push((String::new(), Tone::Normal));
                lines.push((
                    format!(
                        "{v}k GPUs: {} now ({}% of list), online in {months}",
                        money(compute::data_centre_cost(content, state, PLAYER, v)),
                        compute::price_pct(content, state, PLAYER, v)
                    ),
                    Tone::Heading,
                ));
                lines.push((
                    format!(
                        "Once online: research {} and {} more a month to run",
                        speed_change(g, v),
                        money(Money::from(v) * c.running_monthly)
                    ),
                    Tone::Good,
                ));
                lines.push((format!("Allowed: 1k to {}k", c.max_data_centre), Tone::Dim));
            }
            AmountKind::Lease => {
                let c = &g.content.balance.compute;
                let months = plural(c.lease_months, "month");
                title = "Lease cloud GPUs".to_string();
                lines.push((
                    format!(
                        "Leased GPUs arrive at once, cost {} per thousand each month and go back after {months}.",
                        money(c.lease_monthly)
                    ),
                    Tone::Normal,
                ));
                lines.push(("1 CEO week.".to_string(), Tone::Normal));
                lines.push((String::new(), Tone::Normal));
                lines.push((
                    format!(
                        "{v}k GPUs: {} a month for {months} ({} in all), paid with the month's bills",
                        money(Money::from(v) * c.lease_monthly),
                        money(Money::from(v) * c.lease_monthly * Money::from(c.lease_months))
                    ),
                    Tone::Heading,
                ));
                lines.push((
                    format!("Research {} a month while leased", speed_change(g, v)),
                    Tone::Good,
                ));
                lines.push((format!("Allowed: 1k to {}k", c.max_lease), Tone::Dim));
            }
        }
        lines.push((String::new(), Tone::Normal));
        match verdict {
            Ok(_) => lines.push(("✓ allowed now: Enter to confirm".to_string(), Tone::Good)),
            Err(e) => lines.push((format!("✗ {e}"), Tone::Bad)),
        }
        (title, lines)
    }
}

/// A yearly salary as a monthly amount, with tenths below $10M ("$0.7M").
fn monthly(yearly: u32) -> String {
    if yearly >= 120 {
        money(Money::from(yearly) / 12)
    } else {
        let tenths = yearly * 10 / 12;
        format!("${}.{}M", tenths / 10, tenths % 10)
    }
}

/// Research speed a month now → with `k` thousand more GPUs, from the rules' own formula on a
/// scratch copy of the state (a copy per keypress in a dialog is cheap next to a frame).
fn speed_change(g: &crate::game::Game, k: u32) -> String {
    let before = research::speed(&g.content, &g.state, PLAYER).total;
    let mut scratch = g.state.clone();
    if let Some(l) = scratch.labs.get_mut(usize::from(PLAYER)) {
        l.compute = l.compute.saturating_add(k);
    }
    let after = research::speed(&g.content, &scratch, PLAYER).total;
    format!("{} → {}", speed_label(before), speed_label(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_salaries_keep_tenths_when_small() {
        assert_eq!(monthly(9), "$0.7M");
        assert_eq!(monthly(240), "$20M");
    }
}
