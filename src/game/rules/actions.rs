//! Carrying out the levers and supporting actions once a command is allowed.

#[allow(unused_imports)]
use super::*;

pub(super) fn execute(ctx: &mut Ctx, lab: LabId, command: &Command) {
    let content = ctx.content;
    match command {
        Command::Offer { person, salary } => offer(ctx, lab, *person, *salary),
        Command::Adopt(id) => {
            if let Ok(t) = tech_index(content, id) {
                adopt(ctx, lab, t);
            }
        }
        Command::Build(id) => {
            if let Ok(t) = tech_index(content, id) {
                build(ctx, lab, t);
            }
        }
        Command::AdoptThenBuild(id) => {
            if let Ok(t) = tech_index(content, id) {
                adopt(ctx, lab, t);
                build(ctx, lab, t);
            }
        }
        Command::Retire(id) => {
            if let Ok(i) = legacy_index(content, id) {
                ctx.emit(Event::Retired { lab, legacy: i });
                ctx.stat(lab, Stat::Disruption, 1);
                ctx.stat(
                    lab,
                    Stat::Morale,
                    i64::from(content.balance.actions.retire_morale),
                );
                ctx.lab_news(lab, Story::Retired { legacy: i });
                ctx.timeline(lab, Lever::AdoptTech, Story::Retired { legacy: i });
            }
        }
        Command::Upgrade(id) => {
            if let Ok(s) = stage_index(content, id) {
                let def = &content.stages[usize::from(s)];
                ctx.emit(Event::ProjectStarted {
                    lab,
                    project: Project {
                        kind: ProjectKind::Stage(s),
                        months_left: def.months,
                        months_total: def.months,
                    },
                });
                ctx.lab_news(lab, Story::StageStarted { stage: s });
                ctx.timeline(lab, Lever::Pipeline, Story::StageStarted { stage: s });
            }
        }
        Command::BuildDataCentre(k) => {
            let months = compute::build_months(&content.balance.compute, *k);
            let price_pct = compute::price_pct(content, ctx.state, lab, *k);
            ctx.emit(Event::GpuOrdered { lab, kgpu: *k });
            ctx.emit(Event::ProjectStarted {
                lab,
                project: Project {
                    kind: ProjectKind::DataCentre(*k),
                    months_left: months,
                    months_total: months,
                },
            });
            let story = Story::DataCentreStarted {
                kgpu: *k,
                months,
                price_pct,
            };
            match ctx.rushing_after.take() {
                Some(player_kgpu) => {
                    let price_pct = compute::price_pct(content, ctx.state, PLAYER, 0);
                    let rush = Story::GpuRush {
                        kgpu: *k,
                        player_kgpu,
                        price_pct,
                    };
                    ctx.lab_news(lab, rush);
                }
                None => ctx.lab_news(lab, story.clone()),
            }
            ctx.timeline(lab, Lever::Compute, story);
        }
        Command::LeaseCompute(k) => {
            ctx.emit(Event::GpuOrdered { lab, kgpu: *k });
            ctx.stat(lab, Stat::Compute, i64::from(*k));
            lease(ctx, lab, *k);
            let story = Story::Leased {
                kgpu: *k,
                months: content.balance.compute.lease_months,
            };
            ctx.lab_news(lab, story.clone());
            ctx.timeline(lab, Lever::Compute, story);
        }
        Command::OpenRelease => open_release(ctx, lab),
        Command::SafetyReview => {
            let s = &content.balance.safety;
            ctx.stat(lab, Stat::Review, i64::from(s.review_gain));
            ctx.stat(lab, Stat::Risk, i64::from(s.review_risk));
            ctx.stat(lab, Stat::SpeedBonus, i64::from(s.review_speed_pct));
            ctx.lab_news(lab, Story::SafetyReview);
            ctx.timeline(lab, Lever::Safety, Story::SafetyReview);
        }
        Command::ShipAi => {
            let a = &content.balance.actions;
            ctx.stat(lab, Stat::Products, 1);
            ctx.stat(lab, Stat::Income, a.ship_ai_income);
            ctx.stat(lab, Stat::Data, i64::from(a.ship_ai_data));
            ctx.stat(lab, Stat::Risk, i64::from(a.ship_ai_risk));
            ctx.stat(lab, Stat::Board, 3);
            ctx.lab_news(lab, Story::ShippedAi);
            ctx.timeline(lab, Lever::Product, Story::ShippedAi);
        }
        Command::Morale => {
            // Diminishing returns: the closer to 100, the less a gesture adds.
            let a = &content.balance.actions;
            let gap = (100 - ctx.state.lab(lab).morale).max(0);
            let gain = (gap * a.morale_gain_pct / 100)
                .max(a.morale_gain_min)
                .min(gap);
            ctx.stat(lab, Stat::Morale, i64::from(gain));
            ctx.lab_news(lab, Story::Morale);
            ctx.timeline(lab, Lever::Morale, Story::Morale);
        }
        Command::Intelligence => {
            if lab == PLAYER {
                super::super::intel::sweep(ctx);
                let margin = super::super::intel::margin(&content.balance.intel, 0);
                ctx.lab_news(lab, Story::Intelligence { margin });
                ctx.timeline(lab, Lever::Intelligence, Story::Intelligence { margin });
            }
        }
        Command::Deal(id) => {
            if let Ok(d) = deal_index(content, id) {
                let def = &content.deals[usize::from(d)];
                ctx.emit(Event::DealTaken { deal: d });
                apply_effects(ctx, lab, &def.effects);
                ctx.lab_news(lab, Story::Deal { deal: d });
                ctx.timeline(lab, Lever::Deal, Story::Deal { deal: d });
            }
        }
        Command::RaiseLicence(id) => {
            if let Ok(t) = tech_index(content, id) {
                let price = ctx.state.techs[usize::from(t)].licence_monthly;
                let monthly =
                    price + (price * content.balance.actions.licence_raise_pct / 100).max(1);
                ctx.emit(Event::LicenceChanged { tech: t, monthly });
                let story = match ctx.reacting_to.take() {
                    Some((leader, lead)) => Story::LeaderPriceHike {
                        leader,
                        lead,
                        tech: t,
                        monthly,
                    },
                    None => Story::LicenceRaised { tech: t, monthly },
                };
                ctx.lab_news(lab, story);
            }
        }
        Command::Choose(option) => choose(ctx, *option),
        Command::EndMonth => crate::game::month::resolve(ctx),
    }
}

/// Leased GPUs are tracked apart from owned ones so their monthly bill can be charged; the
/// lease runs for a fixed term and the GPUs go back when it ends.
fn lease(ctx: &mut Ctx, lab: LabId, k: u32) {
    ctx.emit(Event::Leased {
        lab,
        kgpu: k as i32,
    });
    ctx.emit(Event::ProjectStarted {
        lab,
        project: Project {
            kind: ProjectKind::Lease(k),
            months_left: ctx.content.balance.compute.lease_months,
            months_total: ctx.content.balance.compute.lease_months,
        },
    });
}

fn adopt(ctx: &mut Ctx, lab: LabId, t: u16) {
    let def = &ctx.content.techs[usize::from(t)];
    ctx.emit(Event::Adopted {
        lab,
        adoption: Adoption {
            tech: t,
            integrating: def.integration_months,
            in_house: false,
        },
    });
    ctx.stat(lab, Stat::Morale, -i64::from(def.morale_cost));
    ctx.stat(lab, Stat::Risk, i64::from(def.dependency_risk));
    ctx.lab_news(lab, Story::Adopted { tech: t });
    ctx.timeline(lab, Lever::AdoptTech, Story::Adopted { tech: t });
}

fn build(ctx: &mut Ctx, lab: LabId, t: u16) {
    let def = &ctx.content.techs[usize::from(t)];
    ctx.emit(Event::ProjectStarted {
        lab,
        project: Project {
            kind: ProjectKind::Build(t),
            months_left: def.build_months,
            months_total: def.build_months,
        },
    });
    ctx.stat(lab, Stat::Morale, 2);
    ctx.lab_news(lab, Story::BuildStarted { tech: t });
    ctx.timeline(lab, Lever::AdoptTech, Story::BuildStarted { tech: t });
}

fn open_release(ctx: &mut Ctx, lab: LabId) {
    let releases = i64::from(ctx.state.lab(lab).open_releases);
    ctx.emit(Event::Released { lab });
    ctx.stat(lab, Stat::Ecosystem, (14 - 2 * releases).max(4));
    ctx.stat(lab, Stat::Board, 1);
    // Every lab behind the releaser learns from the weights.
    let mine = ctx.state.lab(lab).tracks;
    for other in 0..ctx.state.labs.len() as LabId {
        if other == lab {
            continue;
        }
        let theirs = ctx.state.lab(other).tracks;
        let learn = if ctx.state.lab(other).personality == Personality::EfficientOpen {
            6
        } else {
            10
        };
        let mut gain = [0i32; 3];
        for t in 0..3 {
            gain[t] = ((mine[t].0 - theirs[t].0).max(0) / learn).min(1_500);
        }
        if gain.iter().any(|g| *g > 0) {
            ctx.emit(Event::TrackGain { lab: other, gain });
        }
    }
    let story = match ctx.reacting_to.take() {
        Some((leader, lead)) => Story::Commoditise {
            leader,
            lead,
            behind: ctx.state.lab(leader).progress().0 - ctx.state.lab(lab).progress().0,
        },
        None => Story::OpenRelease,
    };
    ctx.lab_news(lab, story);
    ctx.timeline(lab, Lever::OpenRelease, Story::OpenRelease);
    // Researchers who want to work in the open come cheaper: the market forgets some of the
    // lab's overpaying.
    let eased = ctx
        .content
        .balance
        .actions
        .release_memory_cut
        .min(ctx.state.lab(lab).pay_memory)
        .max(0);
    if eased > 0 {
        ctx.stat(lab, Stat::PayMemory, -i64::from(eased));
        if lab == PLAYER {
            ctx.news(
                NewsKind::Player,
                Story::AsksEased {
                    points: eased.min(255) as u8,
                },
            );
        }
    }
}

fn choose(ctx: &mut Ctx, option: u8) {
    let Some(pending) = ctx.state.pending.clone() else {
        return;
    };
    ctx.emit(Event::ChoiceClosed);
    match pending.source {
        ChoiceSource::Event(e) => {
            let content = ctx.content;
            if let Some(choice) = content
                .events
                .get(usize::from(e))
                .and_then(|d| d.choices.get(usize::from(option)))
            {
                apply_effects(ctx, PLAYER, &choice.effects);
                ctx.timeline(
                    PLAYER,
                    Lever::Event,
                    Story::EventAnswered { event: e, option },
                );
            }
        }
        ChoiceSource::Poach {
            person,
            rival,
            salary,
        } => {
            // The person may have left already (another rival's offer the same month): a
            // match then has nobody to keep, and costs nothing.
            if ctx.state.people[person as usize].employer != Some(PLAYER) {
                return;
            }
            if option == 0 {
                ctx.pay(PLAYER, signing_bonus(ctx.content, salary), Flow::Action);
                ctx.emit(Event::SalaryChanged { person, salary });
                let loyalty = ctx.state.people[person as usize]
                    .loyalty
                    .saturating_add(15)
                    .min(100);
                ctx.emit(Event::LoyaltyChanged { person, loyalty });
                if salary >= ctx.content.balance.actions.big_package {
                    ctx.stat(PLAYER, Stat::Board, -1);
                }
                ctx.news(NewsKind::Player, Story::Matched { person });
                ctx.timeline(PLAYER, Lever::Hiring, Story::Matched { person });
            } else {
                leave_player(ctx, person, rival, salary);
            }
        }
    }
}
