//! Setting up a new game from content and a seed.

use super::data::Content;
use super::people::new_person;
use super::research::SpeedBreakdown;
use super::rules::Ctx;
use super::state::{Dice, GameState, Lab, LabId, PersonId, TechMarket, WEEKS_PER_MONTH};
use super::units::{Money, Progress};

/// A new game: every lab at its scenario start, staff generated from the seed, the first
/// month's talent market drawn.
pub fn new_game(content: &Content, seed: u64) -> GameState {
    let labs = content
        .labs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let budget_pct = if i == 0 {
                Money::from(content.difficulty.budget_pct)
            } else {
                100
            };
            Lab {
                personality: d.personality,
                weeks: WEEKS_PER_MONTH,
                leased: 0,
                budget: d.budget * budget_pct / 100,
                income: d.monthly_income * budget_pct / 100,
                researchers: d.researchers,
                compute: d.compute,
                deploy_minutes: d.deploy_minutes.max(2),
                review: i32::from(d.review),
                morale: i32::from(d.morale),
                risk: i32::from(d.risk),
                board: i32::from(d.board),
                ecosystem: i32::from(d.ecosystem),
                data: i32::from(d.data),
                products: d.products,
                open_releases: 0,
                last_release_month: None,
                tracks: d.tracks.map(Progress::from_points),
                stages: d
                    .stages
                    .iter()
                    .filter_map(|s| content.stages.iter().position(|x| &x.id == s))
                    .map(|i| i as u16)
                    .collect(),
                staff: Vec::new(),
                tech: Vec::new(),
                legacy: d
                    .legacy
                    .iter()
                    .filter_map(|s| content.legacy.iter().position(|x| &x.id == s))
                    .map(|i| i as u16)
                    .collect(),
                projects: Vec::new(),
                disruption: 0,
                speed_bonus_pct: 0,
                last_speed: SpeedBreakdown::default(),
                months_in_debt: 0,
                last_burn: 0,
                quarter_spent: 0,
                pay_memory: 0,
                last_approach: None,
                gpu_quarter: 0,
                raids: 0,
            }
        })
        .collect();
    let mut state = GameState {
        seed,
        month: 0,
        weeks_next: 0,
        dice: Dice::new(seed),
        labs,
        people: Vec::new(),
        market: Vec::new(),
        techs: content
            .techs
            .iter()
            .map(|t| TechMarket {
                licence_monthly: t.licence_monthly,
                raised_month: None,
                cut_until: None,
            })
            .collect(),
        pending: None,
        fired: Vec::new(),
        deals_taken: Vec::new(),
        news: Vec::new(),
        history: Vec::new(),
        timeline: Vec::new(),
        ending: None,
        scheduled: Vec::new(),
        intel: Vec::new(),
    };
    let labs = state.labs.len();
    state.intel = super::intel::opening(&content.balance.intel, labs, &mut state.dice.intel);
    for (i, d) in content.labs.iter().enumerate() {
        for n in 0..d.stars {
            // The first third of a lab's named people are stars.
            let star = u32::from(n) * 3 < u32::from(d.stars);
            let mut p = new_person(content, &mut state, star);
            p.employer = Some(i as LabId);
            p.loyalty = state.dice.world.range(35, 75) as u8;
            state.labs[i].staff.push(state.people.len() as PersonId);
            state.people.push(p);
        }
    }
    for lab in 0..state.labs.len() as LabId {
        let speed = super::research::speed(content, &state, lab);
        state.labs[usize::from(lab)].last_speed = speed;
    }
    let mut ctx = Ctx::quiet(content, &mut state);
    super::market::refresh(&mut ctx);
    state.news.clear();
    state
}
