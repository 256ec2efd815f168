//! Applying the effects of events, event choices and deals. Harmful effects are scaled by the
//! difficulty's event severity; helpful ones are not.

use super::data::Effect;
use super::event::{Event, Flow, Stat};
use super::rules::Ctx;
use super::state::{LabId, NewsKind, PLAYER, Story};

/// Scales a harmful amount by the difficulty's severity.
fn harm(ctx: &Ctx, amount: i64) -> i64 {
    amount * i64::from(ctx.content.difficulty.event_severity_pct) / 100
}

/// Applies each effect to `lab` (effects on rivals name them explicitly).
/// Lands the consequences due at the end of this month, in the order they were set.
pub fn land_scheduled(ctx: &mut Ctx) {
    let month = ctx.state.month;
    let due: Vec<super::state::Scheduled> = ctx
        .state
        .scheduled
        .iter()
        .filter(|s| s.month <= month)
        .cloned()
        .collect();
    if due.is_empty() {
        return;
    }
    ctx.emit(Event::ScheduledLanded { month });
    for s in due {
        if s.lab == super::state::PLAYER {
            ctx.news(
                NewsKind::Event,
                Story::Consequence {
                    note: s.note.clone(),
                },
            );
        }
        apply_effects(ctx, s.lab, &s.effects);
    }
}

pub fn apply_effects(ctx: &mut Ctx, lab: LabId, effects: &[Effect]) {
    for effect in effects {
        apply_effect(ctx, lab, effect);
    }
}

fn signed_stat(ctx: &mut Ctx, lab: LabId, stat: Stat, delta: i64, bad_when_negative: bool) {
    let bad = (delta < 0) == bad_when_negative;
    let delta = if bad { harm(ctx, delta) } else { delta };
    ctx.stat(lab, stat, delta);
}

fn apply_effect(ctx: &mut Ctx, lab: LabId, effect: &Effect) {
    match effect {
        Effect::Later {
            months,
            note,
            effects,
        } => {
            let item = super::state::Scheduled {
                month: ctx.state.month + u16::from(*months),
                lab,
                note: note.clone(),
                effects: effects.clone(),
            };
            ctx.emit(Event::Scheduled { item });
        }
        Effect::Budget(m) => {
            let m = if *m < 0 { harm(ctx, *m) } else { *m };
            ctx.emit(Event::Money {
                lab,
                delta: m,
                flow: Flow::Event,
            });
        }
        Effect::Income(m) => signed_stat(ctx, lab, Stat::Income, *m, true),
        Effect::Morale(d) => signed_stat(ctx, lab, Stat::Morale, i64::from(*d), true),
        Effect::Risk(d) => signed_stat(ctx, lab, Stat::Risk, i64::from(*d), false),
        Effect::Board(d) => signed_stat(ctx, lab, Stat::Board, i64::from(*d), true),
        Effect::Review(d) => signed_stat(ctx, lab, Stat::Review, i64::from(*d), true),
        Effect::Ecosystem(d) => signed_stat(ctx, lab, Stat::Ecosystem, i64::from(*d), true),
        Effect::Data(d) => signed_stat(ctx, lab, Stat::Data, i64::from(*d), true),
        Effect::Compute(d) => signed_stat(ctx, lab, Stat::Compute, i64::from(*d), true),
        Effect::Researchers(d) => signed_stat(ctx, lab, Stat::Researchers, i64::from(*d), true),
        Effect::Progress(tenths) => {
            let g = i64::from(*tenths) * 100;
            let g = if g < 0 { harm(ctx, g) } else { g } as i32;
            ctx.emit(Event::TrackGain {
                lab,
                gain: [g, g, g],
            });
        }
        Effect::TrackProgress(t, tenths) => {
            let g = i64::from(*tenths) * 100;
            let g = if g < 0 { harm(ctx, g) } else { g } as i32;
            let mut gain = [0; 3];
            gain[t.index()] = g;
            ctx.emit(Event::TrackGain { lab, gain });
        }
        Effect::DeployPct(pct) => {
            let minutes = ctx.state.lab(lab).deploy_minutes;
            let pct = if *pct > 0 {
                harm(ctx, i64::from(*pct))
            } else {
                i64::from(*pct)
            };
            let new = (i64::from(minutes) * (100 + pct) / 100).clamp(2, 2_000) as u32;
            ctx.emit(Event::DeployTime { lab, minutes: new });
        }
        Effect::Weeks(d) => {
            let d = if *d < 0 {
                harm(ctx, i64::from(*d))
            } else {
                i64::from(*d)
            };
            if lab == PLAYER {
                ctx.emit(Event::WeeksNextMonth {
                    delta: d.clamp(-2, 2) as i8,
                });
            }
        }
        Effect::LoseStar => lose_star(ctx, lab),
        Effect::GainStar => gain_star(ctx, lab),
        Effect::LeaderProgress(tenths) => {
            let leader = ctx.state.leading_rival();
            let g = *tenths * 100;
            ctx.emit(Event::TrackGain {
                lab: leader,
                gain: [g, g, g],
            });
        }
        Effect::RivalsProgress(tenths) => {
            let g = *tenths * 100;
            for r in 1..ctx.state.labs.len() as LabId {
                ctx.emit(Event::TrackGain {
                    lab: r,
                    gain: [g, g, g],
                });
            }
        }
        Effect::LicencePct(pct) => {
            if let Some(t) = dependency(ctx, lab, Squeeze::Price) {
                let price = ctx.state.techs[usize::from(t)].licence_monthly;
                let pct = if *pct > 0 {
                    harm(ctx, i64::from(*pct))
                } else {
                    i64::from(*pct)
                };
                let monthly = (price + price * pct / 100).max(0);
                ctx.emit(Event::LicenceChanged { tech: t, monthly });
                ctx.news(NewsKind::Event, Story::LicencePrice { tech: t, monthly });
            }
        }
        Effect::CutAccess(months) => {
            if let Some(t) = dependency(ctx, lab, Squeeze::Access) {
                let until = ctx.state.month + 1 + u16::from(*months);
                ctx.emit(Event::AccessCut { tech: t, until });
                ctx.news(
                    NewsKind::Warning,
                    Story::AccessCut {
                        tech: t,
                        months: *months,
                    },
                );
            }
        }
        Effect::DelayProjects(months) => {
            if !ctx.state.lab(lab).projects.is_empty() {
                ctx.emit(Event::ProjectsAdvanced {
                    lab,
                    months: -(*months as i8),
                });
            }
        }
        Effect::SpeedThisMonth(pct) => {
            let pct = if *pct < 0 {
                harm(ctx, i64::from(*pct))
            } else {
                i64::from(*pct)
            };
            ctx.stat(lab, Stat::SpeedBonus, pct);
        }
    }
}

/// Which dependency an event hits.
#[derive(Clone, Copy)]
enum Squeeze {
    /// A price rise: only tech with a licence to raise.
    Price,
    /// A cut-off: only tech whose vendor is a rival lab, which has a reason to cut access.
    Access,
}

/// One licensed (not in-house) outside tech of the lab that a vendor could squeeze, at random.
fn dependency(ctx: &mut Ctx, lab: LabId, squeeze: Squeeze) -> Option<u16> {
    let l = ctx.state.lab(lab);
    let content = ctx.content;
    let mut candidates: Vec<u16> = l
        .tech
        .iter()
        .filter(|a| !a.in_house)
        .filter(|a| {
            let t = &content.techs[usize::from(a.tech)];
            match squeeze {
                Squeeze::Price => t.licence_monthly > 0,
                Squeeze::Access => content.labs.iter().any(|x| x.id == t.vendor),
            }
        })
        .map(|a| a.tech)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    candidates.sort_unstable();
    let i = ctx.state.dice.events.pick(candidates.len())?;
    Some(candidates[i])
}

fn lose_star(ctx: &mut Ctx, lab: LabId) {
    let best = ctx
        .state
        .staff_of(lab)
        .max_by_key(|(id, p)| (p.skill, std::cmp::Reverse(*id)))
        .map(|(id, _)| id);
    let Some(person) = best else { return };
    // Any rival may be the one that hired them, not always the leader.
    let rivals: Vec<LabId> = (1..ctx.state.labs.len() as LabId)
        .filter(|&r| r != lab)
        .collect();
    let to = ctx.state.dice.events.pick(rivals.len()).map(|i| rivals[i]);
    ctx.emit(Event::PersonLeft { person, to });
    super::rules::close_choice_about(ctx, person);
    ctx.news(NewsKind::Warning, Story::StarLeft { person, to });
}

fn gain_star(ctx: &mut Ctx, lab: LabId) {
    let person = super::people::new_person(ctx.content, ctx.state, true);
    let id = ctx.state.people.len() as u32;
    let salary = person.salary;
    ctx.emit(Event::PersonJoined { person });
    ctx.emit(Event::Hired {
        lab,
        person: id,
        salary,
        from: None,
    });
    ctx.news(NewsKind::Player, Story::StarJoined { person: id });
}
