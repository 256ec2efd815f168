//! The talent war: offers, counter-offers by rivals, and rivals poaching the player's people.

#[allow(unused_imports)]
use super::*;

/// Acceptance of an offer, per mille, before any counter-offer.
pub fn acceptance_permille(state: &GameState, lab: LabId, person: PersonId, salary: u32) -> i64 {
    let p = &state.people[person as usize];
    let ratio = i64::from(salary) * 100 / i64::from(p.salary.max(1));
    let mut chance = match ratio {
        r if r < 90 => 200,
        r if r < 110 => 450,
        r if r < 130 => 650,
        _ => 800,
    };
    chance -= i64::from(p.loyalty) * 3;
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
        chance += 100;
    } else if leader.0 - mine.0 > 10_000 {
        chance -= 50;
    }
    chance.clamp(50, 950)
}

/// How likely a rival is to counter an offer for one of its people, per mille.
pub fn counter_permille(personality: Personality) -> i64 {
    match personality {
        Personality::BruteForce => 700,
        Personality::ProductSpeed => 600,
        Personality::ComputeDepth => 500,
        Personality::SafetyFirst => 300,
        Personality::EfficientOpen => 200,
    }
}

pub(super) fn offer(ctx: &mut Ctx, lab: LabId, person: PersonId, salary: u32) {
    let employer = ctx.state.people[person as usize].employer;
    if lab != PLAYER && employer == Some(PLAYER) {
        poach_player(ctx, lab, person, salary);
        return;
    }
    let mut chance = acceptance_permille(ctx.state, lab, person, salary);
    let mut countered_by = None;
    if let Some(rival) = employer {
        let r = ctx.state.lab(rival);
        let can_pay = r.budget > Money::from(salary) * 2;
        let counter = counter_permille(r.personality);
        if can_pay && ctx.state.dice.of(lab).chance_permille(counter) {
            countered_by = Some(rival);
            let ratio = i64::from(salary) * 100
                / i64::from(ctx.state.people[person as usize].salary.max(1));
            chance -= if ratio >= 150 { 100 } else { 250 };
        }
    }
    if ctx.state.dice.of(lab).chance_permille(chance) {
        hire(ctx, lab, person, salary, employer);
    } else {
        ctx.emit(Event::OfferRefused {
            lab,
            person,
            countered_by,
        });
        let name = &ctx.state.people[person as usize].name;
        let why = match countered_by {
            Some(r) => format!(
                "after a counter-offer from {}",
                ctx.content.labs[usize::from(r)].short
            ),
            None => "after thinking it over".to_string(),
        };
        if lab == PLAYER {
            ctx.news(
                NewsKind::Player,
                format!(
                    "{name} turned down your offer of {} a year {why}",
                    money(Money::from(salary))
                ),
            );
        }
    }
}

fn hire(ctx: &mut Ctx, lab: LabId, person: PersonId, salary: u32, from: Option<LabId>) {
    ctx.pay(lab, signing_bonus(salary), Flow::Action);
    ctx.emit(Event::Hired {
        lab,
        person,
        salary,
        from,
    });
    let loyalty = 40 + (ctx.state.dice.of(lab).below(30) as u8);
    ctx.emit(Event::LoyaltyChanged { person, loyalty });
    if salary >= BIG_PACKAGE {
        ctx.stat(lab, Stat::Board, -2);
    }
    let p = &ctx.state.people[person as usize];
    let text = match from {
        Some(r) => format!(
            "hired {} ({}, skill {}) from {} for {} a year",
            p.name,
            p.title,
            p.skill,
            ctx.content.labs[usize::from(r)].short,
            money(Money::from(salary))
        ),
        None => format!(
            "hired {} ({}, skill {}) for {} a year",
            p.name,
            p.title,
            p.skill,
            money(Money::from(salary))
        ),
    };
    let short = (lab == PLAYER).then(|| format!("Hired {} ({})", p.name, p.title));
    ctx.lab_news(lab, text);
    if let Some(short) = short {
        ctx.timeline(lab, Lever::Hiring, short);
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
                    money(signing_bonus(salary))
                ),
                "Let them go".to_string(),
            ],
        };
        ctx.emit(Event::ChoiceOpened { choice });
    } else {
        // The CEO is busy with another decision: loyalty alone decides.
        let stays = i64::from(p.loyalty) * 10;
        if !ctx.state.dice.rivals.chance_permille(stays) {
            leave_player(ctx, person, rival, salary);
        }
    }
}

pub(super) fn leave_player(ctx: &mut Ctx, person: PersonId, rival: LabId, salary: u32) {
    ctx.emit(Event::Hired {
        lab: rival,
        person,
        salary,
        from: Some(PLAYER),
    });
    let p = &ctx.state.people[person as usize];
    let text = format!(
        "{} ({}) left you for {}",
        p.name,
        p.title,
        ctx.content.labs[usize::from(rival)].short
    );
    ctx.news(NewsKind::Warning, text.clone());
    ctx.timeline(PLAYER, Lever::Hiring, text);
    ctx.stat(PLAYER, Stat::Morale, -2);
}
