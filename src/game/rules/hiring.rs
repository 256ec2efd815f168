//! The talent war: offers, counter-offers by rivals, and rivals poaching the player's people.

#[allow(unused_imports)]
use super::*;

/// What a person asks of `lab` (yearly, USD millions): their pay, raised by the market's
/// memory of the lab's overpaying when they would join it. Offers are judged against this.
pub fn ask(state: &GameState, lab: LabId, person: PersonId) -> u32 {
    let p = &state.people[person as usize];
    if p.employer == Some(lab) {
        return p.salary;
    }
    let memory = u64::from(state.lab(lab).pay_memory.max(0).unsigned_abs());
    (u64::from(p.salary) * (100 + memory) / 100).min(u64::from(u32::MAX)) as u32
}

/// An offer as percent of what the person asks of `lab`.
fn offer_ratio(state: &GameState, lab: LabId, person: PersonId, salary: u32) -> i64 {
    i64::from(salary) * 100 / i64::from(ask(state, lab, person).max(1))
}

/// Acceptance of an offer, per mille, before any counter-offer.
pub fn acceptance_permille(
    content: &Content,
    state: &GameState,
    lab: LabId,
    person: PersonId,
    salary: u32,
) -> i64 {
    let h = &content.balance.hiring;
    let p = &state.people[person as usize];
    let ratio = offer_ratio(state, lab, person, salary);
    let mut chance = h
        .acceptance
        .iter()
        .find(|(below, _)| ratio < *below)
        .map_or(h.acceptance_above, |(_, c)| *c);
    chance -= i64::from(p.loyalty) * h.loyalty_permille;
    let mine = state.lab(lab).progress();
    let leader = state
        .labs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i as LabId != lab)
        .map(|(_, l)| l.progress())
        .max()
        .unwrap_or_default();
    if mine >= leader {
        chance += h.leader_bonus;
    } else if leader.0 - mine.0 > h.far_behind * 1_000 {
        chance -= h.far_behind_malus;
    }
    chance.clamp(h.min_chance, h.max_chance)
}

/// The chance an offer lands, per mille, counter-offers included: what a player should be
/// shown. When the person works at a rival that can pay, the rival counters with its
/// personality's chance, and a counter lowers acceptance as `offer` applies it.
pub fn offer_odds_permille(
    content: &Content,
    state: &GameState,
    lab: LabId,
    person: PersonId,
    salary: u32,
) -> i64 {
    let base = acceptance_permille(content, state, lab, person, salary);
    let Some(c) = counter_threat(content, state, lab, person, salary) else {
        return base;
    };
    let counter = c.permille.clamp(0, 1000);
    let countered = (base - c.malus).clamp(0, 1000);
    (base * (1000 - counter) + countered * counter) / 1000
}

/// A counter-offer a rival may make for one of its people: who, how likely (per mille), and
/// how much it lowers acceptance. `None` when nobody can counter (a free agent, or a rival
/// that cannot pay twice the salary). The odds shown and the offer's outcome both use this.
struct CounterThreat {
    rival: LabId,
    permille: i64,
    malus: i64,
}

fn counter_threat(
    content: &Content,
    state: &GameState,
    lab: LabId,
    person: PersonId,
    salary: u32,
) -> Option<CounterThreat> {
    let h = &content.balance.hiring;
    let p = &state.people[person as usize];
    let rival = p.employer.filter(|&e| e != lab)?;
    let r = state.lab(rival);
    if r.budget <= Money::from(salary) * 2 {
        return None;
    }
    let ratio = offer_ratio(state, lab, person, salary);
    Some(CounterThreat {
        rival,
        permille: retention_permille(content, state, rival),
        malus: if ratio >= 150 {
            h.counter_generous
        } else {
            h.counter_malus
        },
    })
}

/// How likely a rival is to counter an offer for one of its people, per mille.
pub fn counter_permille(content: &Content, personality: Personality) -> i64 {
    content.balance.counter_permille(personality)
}

/// How likely `rival` is to counter the player's offer for one of its people, per mille: its
/// personality's chance, raised by a retention package for every raid it remembers.
pub fn retention_permille(content: &Content, state: &GameState, rival: LabId) -> i64 {
    let r = state.lab(rival);
    let per_raid = content.balance.rivals.counter.retention_permille_per_raid;
    counter_permille(content, r.personality)
        .saturating_add(i64::from(r.raids).saturating_mul(per_raid))
        .clamp(0, 1_000)
}

pub(super) fn offer(ctx: &mut Ctx, lab: LabId, person: PersonId, salary: u32) {
    let employer = ctx.state.people[person as usize].employer;
    if lab != PLAYER && employer == Some(PLAYER) {
        poach_player(ctx, lab, person, salary);
        return;
    }
    let ratio = offer_ratio(ctx.state, lab, person, salary);
    let mut chance = acceptance_permille(ctx.content, ctx.state, lab, person, salary);
    let mut countered_by = None;
    if let Some(c) = counter_threat(ctx.content, ctx.state, lab, person, salary)
        && ctx.state.dice.of(lab).chance_permille(c.permille)
    {
        countered_by = Some(c.rival);
        chance -= c.malus;
    }
    if ctx.state.dice.of(lab).chance_permille(chance) {
        hire(ctx, lab, person, salary, employer, ratio);
    } else {
        ctx.emit(Event::OfferRefused {
            lab,
            person,
            countered_by,
        });
        if lab == PLAYER {
            ctx.news(
                NewsKind::Player,
                Story::OfferDeclined {
                    person,
                    salary,
                    countered_by,
                },
            );
        }
    }
}

/// What a hire at `ratio` percent of the ask costs beyond its pay: (morale lost to the pay
/// gap, points of market memory added, loyalty the new hire lacks).
pub fn overpay_costs(content: &Content, ratio: i64) -> (i64, i64, i64) {
    let h = &content.balance.hiring;
    let gap = if h.pay_gap_from_pct > 0 {
        (ratio - h.pay_gap_from_pct).max(0) / 10 * h.pay_gap_morale_per_10pct.max(0)
    } else {
        0
    };
    let above = (ratio - 100).max(0) / 10;
    let memory = above * i64::from(h.memory_per_10pct.max(0));
    let mercenary = above * h.mercenary_loyalty_per_10pct.max(0);
    (gap, memory, mercenary)
}

pub(super) fn hire(
    ctx: &mut Ctx,
    lab: LabId,
    person: PersonId,
    salary: u32,
    from: Option<LabId>,
    ratio: i64,
) {
    ctx.pay(lab, signing_bonus(ctx.content, salary), Flow::Action);
    ctx.emit(Event::Hired {
        lab,
        person,
        salary,
        from,
    });
    // A lab the player takes people from remembers it (see `counterplay.rs`).
    if lab == PLAYER
        && let Some(rival) = from.filter(|&r| r != PLAYER)
    {
        ctx.emit(Event::Raided { lab: rival });
    }
    let a = &ctx.content.balance.actions;
    let h = &ctx.content.balance.hiring;
    let (gap, memory, mercenary) = overpay_costs(ctx.content, ratio);
    // Someone who joins for money leaves for money: the premium comes out of their loyalty.
    let loyalty = (i64::from(h.hire_loyalty) + ctx.state.dice.of(lab).below(30) as i64 - mercenary)
        .clamp(0, 100) as u8;
    ctx.emit(Event::LoyaltyChanged { person, loyalty });
    let room = i64::from(h.memory_max.max(0)) - i64::from(ctx.state.lab(lab).pay_memory);
    let memory = memory.min(room.max(0));
    ctx.stat(lab, Stat::Morale, -gap);
    ctx.stat(lab, Stat::PayMemory, memory);
    if salary >= a.big_package {
        ctx.stat(lab, Stat::Board, i64::from(a.big_package_board));
    }
    let story = Story::Hired {
        person,
        from,
        salary,
    };
    ctx.lab_news(lab, story.clone());
    ctx.timeline(lab, Lever::Hiring, story);
    if lab == PLAYER && (gap > 0 || memory > 0) {
        ctx.news(
            NewsKind::Player,
            Story::PayGap {
                morale: gap.min(255) as u8,
                memory: memory.min(255) as u8,
            },
        );
    }
}

fn poach_player(ctx: &mut Ctx, rival: LabId, person: PersonId, salary: u32) {
    let p = &ctx.state.people[person as usize];
    if ctx.state.pending.is_none() {
        let rival_name = &ctx.content.labs[usize::from(rival)].short;
        let choice = PendingChoice {
            source: ChoiceSource::Poach {
                person,
                rival,
                salary,
            },
            title: format!("{rival_name} is poaching {}", p.name),
            text: format!(
                "{rival_name} offers {} ({}, skill {}) {} a year; you pay {}. Match the offer to keep them?",
                p.name,
                p.title,
                p.skill,
                money(Money::from(salary)),
                money(Money::from(p.salary))
            ),
            options: vec![
                format!(
                    "Match: pay {} a year (signing {})",
                    money(Money::from(salary)),
                    money(signing_bonus(ctx.content, salary))
                ),
                "Let them go".to_string(),
            ],
        };
        ctx.emit(Event::ChoiceOpened { choice });
    } else {
        // The CEO is busy with another decision: loyalty alone decides.
        let stays = i64::from(p.loyalty) * ctx.content.balance.hiring.stay_permille_per_loyalty;
        if !ctx.state.dice.rivals.chance_permille(stays) {
            leave_player(ctx, person, rival, salary);
        }
    }
}

/// A "match the offer?" question about someone who has just left has nothing left to decide.
pub(crate) fn close_choice_about(ctx: &mut Ctx, person: PersonId) {
    let about = matches!(
        &ctx.state.pending,
        Some(PendingChoice { source: ChoiceSource::Poach { person: p, .. }, .. }) if *p == person
    );
    if about {
        ctx.emit(Event::ChoiceClosed);
    }
}

pub(super) fn leave_player(ctx: &mut Ctx, person: PersonId, rival: LabId, salary: u32) {
    let story = Story::LeftYou { person, rival };
    leave_player_with(ctx, person, rival, salary, story);
}

/// `person` goes to `rival` at `salary`: any question about them closes, the news and the
/// timeline say why (`story`), and the staff left behind lose morale.
fn leave_player_with(ctx: &mut Ctx, person: PersonId, rival: LabId, salary: u32, story: Story) {
    ctx.emit(Event::Hired {
        lab: rival,
        person,
        salary,
        from: Some(PLAYER),
    });
    close_choice_about(ctx, person);
    ctx.news(NewsKind::Warning, story.clone());
    ctx.timeline(PLAYER, Lever::Hiring, story);
    ctx.stat(PLAYER, Stat::Morale, -2);
}

/// Whether a rival may approach the player's people now: the CEO is free to answer, and the
/// last approach is at least `approach_gap` months ago.
pub fn may_approach_player(content: &Content, state: &GameState) -> bool {
    let gap = content.balance.rivals.approach_gap;
    state.pending.is_none()
        && state
            .player()
            .last_approach
            .is_none_or(|m| state.month >= m.saturating_add(gap))
}

/// The month's quiet departures: a named person of the player's whose loyalty is below
/// `flight_loyalty` may leave for the richest rival that can pay them, without a chance to
/// match. Those hired with a big premium have the least loyalty.
pub(crate) fn flight(ctx: &mut Ctx) {
    let h = &ctx.content.balance.hiring;
    if h.flight_loyalty <= 0 || h.flight_permille_per_point <= 0 {
        return;
    }
    let mut staff: Vec<PersonId> = ctx.state.staff_of(PLAYER).map(|(id, _)| id).collect();
    staff.sort_unstable();
    for person in staff {
        let p = &ctx.state.people[person as usize];
        let short = h.flight_loyalty - i64::from(p.loyalty);
        if short <= 0 {
            continue;
        }
        let salary = (u64::from(p.salary) * u64::from(h.flight_offer_pct.max(100)) / 100)
            .min(u64::from(u32::MAX)) as u32;
        let richest = (1..ctx.state.labs.len() as LabId)
            .filter(|&r| ctx.state.lab(r).budget > Money::from(salary) * 3)
            .max_by_key(|&r| (ctx.state.lab(r).budget, std::cmp::Reverse(r)));
        let Some(rival) = richest else {
            continue;
        };
        if !ctx
            .state
            .dice
            .rivals
            .chance_permille(short * h.flight_permille_per_point)
        {
            continue;
        }
        let story = Story::LeftForMoney {
            person,
            rival,
            salary,
        };
        leave_player_with(ctx, person, rival, salary, story);
    }
}
