//! Whether a command is allowed now, and what it costs.

#[allow(unused_imports)]
use super::*;

pub(super) fn tech_index(content: &Content, id: &str) -> Result<u16, RuleError> {
    content
        .techs
        .iter()
        .position(|t| t.id == id)
        .map(|i| i as u16)
        .ok_or_else(|| RuleError::UnknownTech(id.to_string()))
}

pub(super) fn legacy_index(content: &Content, id: &str) -> Result<u16, RuleError> {
    content
        .legacy
        .iter()
        .position(|t| t.id == id)
        .map(|i| i as u16)
        .ok_or_else(|| RuleError::UnknownLegacy(id.to_string()))
}

pub(super) fn stage_index(content: &Content, id: &str) -> Result<u16, RuleError> {
    content
        .stages
        .iter()
        .position(|t| t.id == id)
        .map(|i| i as u16)
        .ok_or_else(|| RuleError::UnknownStage(id.to_string()))
}

pub(super) fn deal_index(content: &Content, id: &str) -> Result<u16, RuleError> {
    content
        .deals
        .iter()
        .position(|t| t.id == id)
        .map(|i| i as u16)
        .ok_or_else(|| RuleError::UnknownDeal(id.to_string()))
}

/// The lowest and highest yearly salary the rules accept for an offer to a person asking `ask`.
pub fn offer_range(content: &Content, ask: u32) -> (u32, u32) {
    let a = &content.balance.actions;
    let pct = |p: u32| (u64::from(ask) * u64::from(p) / 100).min(u64::from(u32::MAX)) as u32;
    let high = pct(a.offer_max_pct).clamp(1, 1500);
    // Never above the highest offer, which is capped: with a large `offer_min_pct` the lowest
    // would pass it, and every clamp between the two would panic.
    (pct(a.offer_min_pct).clamp(1, high), high)
}

/// Signing bonus paid up front with an accepted offer: a share of the first year.
pub fn signing_bonus(content: &Content, salary: u32) -> Money {
    Money::from(salary) * Money::from(content.balance.actions.signing_bonus_pct) / 100
}

fn morale_cost(content: &Content, state: &GameState, lab: LabId) -> Money {
    let a = &content.balance.actions;
    a.morale_cost_base
        + Money::from(state.lab(lab).researchers) / a.morale_cost_per_researchers.max(1)
}

/// What a command costs (weeks and money up front), without checking whether it is allowed.
pub fn cost(content: &Content, state: &GameState, lab: LabId, command: &Command) -> Cost {
    let c = |weeks: u8, money: Money| Cost { weeks, money };
    let b = &content.balance;
    match command {
        Command::Offer { person, salary } => {
            let star = state.people.get(*person as usize).is_some_and(|p| p.star);
            let weeks = if star { b.actions.star_offer_weeks } else { 1 };
            c(weeks, signing_bonus(content, *salary))
        }
        Command::Adopt(id) => match tech_index(content, id) {
            Ok(t) => c(1, content.techs[usize::from(t)].adopt_cost),
            Err(_) => c(1, 0),
        },
        Command::Build(id) => match tech_index(content, id) {
            Ok(t) => c(1, content.techs[usize::from(t)].build_cost),
            Err(_) => c(1, 0),
        },
        Command::AdoptThenBuild(id) => match tech_index(content, id) {
            Ok(t) => {
                let d = &content.techs[usize::from(t)];
                c(2, d.adopt_cost + d.build_cost)
            }
            Err(_) => c(2, 0),
        },
        Command::Retire(id) => match legacy_index(content, id) {
            Ok(l) => c(1, content.legacy[usize::from(l)].retire_cost),
            Err(_) => c(1, 0),
        },
        Command::Upgrade(id) => match stage_index(content, id) {
            Ok(s) => c(1, content.stages[usize::from(s)].cost),
            Err(_) => c(1, 0),
        },
        Command::BuildDataCentre(k) => c(1, compute::data_centre_cost(content, state, lab, *k)),
        // A lease is paid month by month with the other bills, from the month it starts.
        Command::LeaseCompute(_) => c(1, 0),
        Command::OpenRelease => c(1, b.actions.open_release_cost),
        Command::SafetyReview => c(1, b.safety.review_cost),
        Command::ShipAi => c(1, b.actions.ship_ai_cost),
        Command::Morale => c(1, morale_cost(content, state, lab)),
        Command::Intelligence => c(b.intel.weeks, b.intel.cost),
        Command::Deal(id) => match deal_index(content, id) {
            Ok(d) => {
                let d = &content.deals[usize::from(d)];
                c(d.weeks, d.cost)
            }
            Err(_) => c(1, 0),
        },
        Command::RaiseLicence(_) => c(1, 0),
        Command::Choose(_) | Command::EndMonth => c(0, 0),
    }
}

/// Whether `lab` may make `command` now. Returns its cost, or the reason it is refused.
pub fn check(
    content: &Content,
    state: &GameState,
    lab: LabId,
    command: &Command,
) -> Result<Cost, RuleError> {
    if state.is_over() {
        return Err(RuleError::GameOver);
    }
    if lab == PLAYER
        && let Some(p) = &state.pending
        && !matches!(command, Command::Choose(_))
    {
        return Err(RuleError::ChoicePending(p.title.clone()));
    }
    check_specific(content, state, lab, command)?;
    let cost = cost(content, state, lab, command);
    let l = state.lab(lab);
    if cost.weeks > l.weeks {
        return Err(RuleError::NotEnoughWeeks {
            need: cost.weeks,
            have: l.weeks,
        });
    }
    if cost.money > 0 && cost.money > l.budget {
        return Err(RuleError::NotEnoughBudget {
            need: money(cost.money),
            have: money(l.budget),
        });
    }
    Ok(cost)
}

fn check_specific(
    content: &Content,
    state: &GameState,
    lab: LabId,
    command: &Command,
) -> Result<(), RuleError> {
    let l = state.lab(lab);
    let lab_id = &content.labs[usize::from(lab)].id;
    match command {
        Command::Offer { person, salary } => {
            let p = state
                .people
                .get(*person as usize)
                .ok_or(RuleError::UnknownPerson)?;
            if p.employer == Some(lab) {
                return Err(RuleError::AlreadyOnStaff(p.name.clone()));
            }
            // The player hires from the market; rivals may also approach the people of other
            // labs (the player's, or a runaway leader's).
            let poaching = lab != PLAYER && p.employer.is_some_and(|e| e != lab);
            if !poaching && !state.market.contains(person) {
                return Err(RuleError::NotInMarket(p.name.clone()));
            }
            // The player's people hear from rivals at most once every `approach_gap` months.
            if poaching && p.employer == Some(PLAYER) && !super::may_approach_player(content, state)
            {
                return Err(RuleError::NotInMarket(p.name.clone()));
            }
            if lab == PLAYER && p.refused_month == Some(state.month) {
                return Err(RuleError::AlreadyRefused(p.name.clone()));
            }
            let (min, max) = offer_range(content, p.salary);
            if *salary < min || *salary > max {
                return Err(RuleError::OfferOutOfRange { min, max });
            }
        }
        Command::Adopt(id) | Command::AdoptThenBuild(id) => {
            let t = tech_index(content, id)?;
            let def = &content.techs[usize::from(t)];
            if &def.vendor == lab_id {
                return Err(RuleError::OwnTech(def.name.clone()));
            }
            if l.tech_status(t).is_some() {
                return Err(RuleError::AlreadyAdopted(def.name.clone()));
            }
            available(
                content,
                state,
                l,
                &def.name,
                def.available_from,
                def.min_progress,
            )?;
            if let Some(busy) = l.tech.iter().find(|a| a.integrating > 0) {
                let name = &content.techs[usize::from(busy.tech)].name;
                return Err(RuleError::IntegrationBusy(name.clone()));
            }
            if matches!(command, Command::AdoptThenBuild(_)) {
                building_busy(content, l)?;
            }
            if let Some(until) = state.techs[usize::from(t)].cut_until
                && until > state.month
            {
                return Err(RuleError::AccessCut {
                    tech: def.name.clone(),
                    vendor: content.vendor_name(&def.vendor).to_string(),
                    until: content.date_label(until),
                });
            }
        }
        Command::Build(id) => {
            let t = tech_index(content, id)?;
            let def = &content.techs[usize::from(t)];
            if &def.vendor == lab_id {
                return Err(RuleError::OwnTech(def.name.clone()));
            }
            if l.tech_status(t).is_some_and(|a| a.in_house) {
                return Err(RuleError::AlreadyAdopted(def.name.clone()));
            }
            if l.projects.iter().any(|p| p.kind == ProjectKind::Build(t)) {
                return Err(RuleError::AlreadyBuilding(def.name.clone()));
            }
            available(
                content,
                state,
                l,
                &def.name,
                def.available_from,
                def.min_progress,
            )?;
            building_busy(content, l)?;
        }
        Command::Retire(id) => {
            let i = legacy_index(content, id)?;
            let def = &content.legacy[usize::from(i)];
            if !l.legacy.contains(&i) {
                return Err(RuleError::LegacyNotRunning(def.name.clone()));
            }
            if !is_replaced(content, l, &def.role) {
                return Err(RuleError::NoReplacement {
                    legacy: def.name.clone(),
                    how: replacements(content, &def.role),
                });
            }
        }
        Command::Upgrade(id) => {
            let s = stage_index(content, id)?;
            let def = &content.stages[usize::from(s)];
            if l.has_stage(s) {
                return Err(RuleError::StageDone(def.name.clone()));
            }
            if l.projects.iter().any(|p| p.kind == ProjectKind::Stage(s)) {
                return Err(RuleError::StageUnderWay(def.name.clone()));
            }
            available(
                content,
                state,
                l,
                &def.name,
                def.available_from,
                def.min_progress,
            )?;
            if let Some(busy) = l.projects.iter().find_map(|p| match p.kind {
                ProjectKind::Stage(b) => Some(b),
                _ => None,
            }) {
                return Err(RuleError::PipelineBusy(
                    content.stages[usize::from(busy)].name.clone(),
                ));
            }
            for need in &def.requires {
                let n = stage_index(content, need)?;
                if !l.has_stage(n) {
                    return Err(RuleError::StageNeeds {
                        stage: def.name.clone(),
                        needs: content.stages[usize::from(n)].name.clone(),
                    });
                }
            }
        }
        Command::BuildDataCentre(k) => {
            let max = content.balance.compute.max_data_centre;
            if *k == 0 || *k > max {
                return Err(RuleError::ComputeOutOfRange { max });
            }
            gpus_for_sale(content, state, *k)?;
        }
        Command::LeaseCompute(k) => {
            let c = &content.balance.compute;
            if *k == 0 || *k > c.max_lease {
                return Err(RuleError::ComputeOutOfRange { max: c.max_lease });
            }
            gpus_for_sale(content, state, *k)?;
            // The first month's bill must be there when the GPUs arrive.
            let bill = Money::from(*k) * c.lease_monthly;
            if bill > l.budget {
                return Err(RuleError::NotEnoughBudget {
                    need: money(bill),
                    have: money(l.budget),
                });
            }
        }
        Command::OpenRelease => {
            let a = &content.balance.actions;
            if let Some(last) = l.last_release_month {
                let months = state.month.saturating_sub(last);
                if months < a.open_release_gap {
                    return Err(RuleError::ReleaseTooSoon {
                        months,
                        gap: a.open_release_gap,
                    });
                }
            }
            need_progress(l.progress().points(), a.open_release_min_progress)?;
        }
        Command::SafetyReview => {}
        Command::ShipAi => {
            let a = &content.balance.actions;
            if l.products >= a.max_products {
                return Err(RuleError::ProductsMaxed);
            }
            need_progress(
                l.progress().points(),
                a.ship_ai_min_progress + a.ship_ai_progress_step * i32::from(l.products),
            )?;
        }
        Command::Morale => {
            if l.morale >= 100 {
                return Err(RuleError::MoraleFull);
            }
        }
        Command::Intelligence => {}
        Command::Deal(id) => {
            let d = deal_index(content, id)?;
            let def = &content.deals[usize::from(d)];
            if state.deals_taken.contains(&d) {
                return Err(RuleError::DealTaken(def.name.clone()));
            }
            if state.month < def.min_month {
                return Err(RuleError::DealNotYet {
                    deal: def.name.clone(),
                    when: content.date_label(def.min_month),
                });
            }
        }
        Command::RaiseLicence(id) => {
            let t = tech_index(content, id)?;
            let def = &content.techs[usize::from(t)];
            if &def.vendor != lab_id {
                return Err(RuleError::NotVendor(def.name.clone()));
            }
            if def.open_source {
                return Err(RuleError::OpenSource(def.name.clone()));
            }
            if let Some(m) = state.techs[usize::from(t)].raised_month
                && state.month < m + content.balance.actions.licence_raise_gap
            {
                return Err(RuleError::PriceRaisedRecently(def.name.clone()));
            }
        }
        Command::Choose(option) => {
            if lab != PLAYER {
                return Err(RuleError::NoChoicePending);
            }
            let p = state.pending.as_ref().ok_or(RuleError::NoChoicePending)?;
            if usize::from(*option) >= p.options.len() {
                return Err(RuleError::NoSuchOption(*option));
            }
            // An answer that costs more than the budget is refused while another is affordable,
            // so a choice can never lock the game.
            let budget = state.player().budget;
            let cost = choice_cost(content, state, *option);
            let any_affordable =
                (0..p.options.len() as u8).any(|o| choice_cost(content, state, o) <= budget.max(0));
            if cost > budget.max(0) && any_affordable {
                return Err(RuleError::NotEnoughBudget {
                    need: money(cost),
                    have: money(budget),
                });
            }
        }
        Command::EndMonth => {}
    }
    Ok(())
}

fn building_busy(content: &Content, l: &crate::game::state::Lab) -> Result<(), RuleError> {
    match l.projects.iter().find_map(|p| match p.kind {
        ProjectKind::Build(b) => Some(b),
        _ => None,
    }) {
        Some(b) => Err(RuleError::BuildBusy(
            content.techs[usize::from(b)].name.clone(),
        )),
        None => Ok(()),
    }
}

/// Whether something active does the job of a legacy system with this role: an integrated or
/// in-house tech, or a finished pipeline stage.
pub fn is_replaced(content: &Content, l: &crate::game::state::Lab, role: &str) -> bool {
    let by_tech = l.tech.iter().any(|a| {
        a.integrating == 0
            && content
                .techs
                .get(usize::from(a.tech))
                .is_some_and(|t| t.role == role)
    });
    let by_stage = l.stages.iter().any(|&s| {
        content
            .stages
            .get(usize::from(s))
            .is_some_and(|d| d.role.as_deref() == Some(role))
    });
    by_tech || by_stage
}

/// What would replace a legacy system with this role, in words: "adopt or build JAX and XLA
/// toolchain or DeepSpeed training library first".
pub fn replacements(content: &Content, role: &str) -> String {
    let mut options: Vec<&str> = content
        .techs
        .iter()
        .filter(|t| t.role == role)
        .map(|t| t.name.as_str())
        .collect();
    let stages: Vec<&str> = content
        .stages
        .iter()
        .filter(|s| s.role.as_deref() == Some(role))
        .map(|s| s.name.as_str())
        .collect();
    let mut how = String::new();
    if !options.is_empty() {
        let last = options.pop().unwrap_or_default();
        let list = if options.is_empty() {
            last.to_string()
        } else {
            format!("{} or {last}", options.join(", "))
        };
        how = format!("adopt or build {list}");
    }
    if !stages.is_empty() {
        if !how.is_empty() {
            how.push_str(", or ");
        }
        how.push_str(&format!(
            "finish the pipeline stage {}",
            stages.join(" or ")
        ));
    }
    if how.is_empty() {
        "nothing in this scenario can replace it".to_string()
    } else {
        how + " first"
    }
}

/// The money an answer to the pending choice costs up front (0 when it costs nothing).
pub fn choice_cost(content: &Content, state: &GameState, option: u8) -> Money {
    let Some(p) = &state.pending else { return 0 };
    match &p.source {
        ChoiceSource::Poach { salary, .. } => {
            if option == 0 {
                signing_bonus(content, *salary)
            } else {
                0
            }
        }
        ChoiceSource::Event(e) => content
            .events
            .get(usize::from(*e))
            .and_then(|d| d.choices.get(usize::from(option)))
            .map_or(0, |c| {
                let spend: Money = c
                    .effects
                    .iter()
                    .map(|e| match e {
                        crate::game::data::Effect::Budget(m) if *m < 0 => -m,
                        _ => 0,
                    })
                    .sum();
                spend * Money::from(content.difficulty.event_severity_pct) / 100
            }),
    }
}

/// Whether something that opens later in the race (a new model, a new tier of automation) is
/// on offer yet: from a month of the campaign, and once the lab's progress is high enough.
pub fn available(
    content: &Content,
    state: &GameState,
    l: &crate::game::state::Lab,
    name: &str,
    from_month: u16,
    min_progress: u32,
) -> Result<(), RuleError> {
    if state.month < from_month {
        return Err(RuleError::NotYetAvailable {
            what: name.to_string(),
            when: content.date_label(from_month),
        });
    }
    need_progress(l.progress().points(), min_progress as i32)
}

fn need_progress(have: i32, need: i32) -> Result<(), RuleError> {
    if have < need {
        Err(RuleError::NotEnoughProgress {
            need: need as u32,
            have: have.max(0) as u32,
        })
    } else {
        Ok(())
    }
}

/// Whether `k` thousand GPUs are still for sale this quarter.
fn gpus_for_sale(content: &Content, state: &GameState, k: u32) -> Result<(), RuleError> {
    let left = compute::supply_left(content, state);
    if k > left {
        return Err(RuleError::GpuSupplyShort {
            left,
            supply: content.balance.compute.supply.quarter_supply,
        });
    }
    Ok(())
}
