//! The debrief of one game: the lesson's centre. It says how the race went month by month,
//! which decisions the player made and when, what the player's decisions were worth apart
//! from the lab they started with (measured by replaying the game without each lever, see
//! [`super::counterfactual`]), where research speed came from, what the rivals did
//! meanwhile, how the game ended and scored, and three questions for discussion chosen from
//! what happened in this game.
//!
//! Everything is read from a [`Game`] (finished or not) and its decisions: `state.history`
//! for the race and the speed breakdown, `state.timeline` for decisions, `state.news` for the
//! rivals' moves, a fresh start of the same seed for the starting figures. The model is plain
//! data, so the interface and the Markdown export show the same facts.

use std::collections::BTreeMap;

use crate::game::data::Content;
use crate::game::research::lab_experiments;
use crate::game::state::{Ending, GameState, Lever, NewsKind, PLAYER};
use crate::game::units::Progress;
use crate::game::{Command, Game};

use super::counterfactual::Credit;
use super::format::month_of;
use super::questions::{self, Facts, Question};

/// What one cause of the speed breakdown gave research over the whole game. This is a share
/// of research speed, not what the player's decisions added: the lab the player started with
/// already has talent and compute (see [`Debrief::credit`] for the decisions' worth).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeverShare {
    /// The lever's name as the game speaks of it.
    pub lever: &'static str,
    /// Which causes of the speed breakdown it gathers.
    pub from: &'static str,
    /// Thousandths of a point, summed over the months (negative when it held research back).
    pub progress: i64,
    /// Whether the cause is moved by one of the player's levers (else morale, events...).
    pub is_lever: bool,
}

/// One lab's line in the race.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaceLine {
    pub name: String,
    pub short: String,
    pub is_player: bool,
    /// Overall progress at the end of each month played.
    pub progress: Vec<Progress>,
}

/// A decision of the player (or an event the player lived through), on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// 0 = the first month.
    pub month: u16,
    pub lever: Lever,
    pub text: String,
    /// How many identical decisions this line stands for (repeated safety reviews...).
    pub times: u32,
}

/// What a rival did while the player played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RivalSummary {
    pub name: String,
    /// Progress at the start of the game.
    pub start: Progress,
    pub end: Progress,
    /// The month index (0 = the first month) of its biggest gain, and the gain.
    pub best_month: Option<(u16, Progress)>,
    /// Its moves still in the news feed, oldest first, with the month.
    pub moves: Vec<(u16, String)>,
}

/// The player's safety record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafetyRecord {
    /// Risk at the start of the game, before any month.
    pub risk_start: i32,
    pub risk_peak: i32,
    pub risk_end: i32,
    pub review_end: i32,
    /// Safety reviews the player paid for.
    pub reviews: u32,
}

/// The whole debrief of one game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debrief {
    /// The player's name as the save gives it (raw: escaped where it is shown).
    pub player: Option<String>,
    pub scenario: String,
    pub difficulty: String,
    pub seed: u64,
    pub lab_name: String,
    pub months_played: u16,
    pub campaign_months: u16,
    /// "Jan 2026" for each month index (one more than played, for the month in progress).
    pub dates: Vec<String>,
    /// "month 12 of 12 (Dec 2026)": the month the game is in, or its last month played.
    pub month: String,
    /// The ending's stable key (`careful-win`...) and a sentence about it.
    pub ending_key: &'static str,
    pub ending: String,
    pub race: Vec<RaceLine>,
    pub decisions: Vec<Decision>,
    /// What the player's decisions were worth, by replaying the game without each lever;
    /// `None` when the decisions given do not replay to this game.
    pub credit: Option<Credit>,
    /// Shares of research speed by cause (not the decisions' worth: see `credit`).
    pub levers: Vec<LeverShare>,
    pub safety: SafetyRecord,
    /// Deploy time at the start of the game and at the end, minutes.
    pub deploy_minutes: (u32, u32),
    /// Experiments a month at the start of the game and at the end.
    pub experiments: (u32, u32),
    pub rivals: Vec<RivalSummary>,
    /// The score's parts and the total.
    pub score: Vec<(&'static str, i64)>,
    pub total: i64,
    pub questions: Vec<Question>,
}

/// "Jan 2026" for month index `month` of the scenario (0 = the first month).
pub fn date_of(content: &Content, month: u16) -> String {
    content.date_label(month)
}

/// The causes of the speed breakdown grouped by lever, in the order the lesson presents them.
fn lever_shares(state: &GameState) -> Vec<LeverShare> {
    let sum = |f: fn(&crate::game::research::SpeedBreakdown) -> i32| -> i64 {
        state.history.iter().map(|h| i64::from(f(&h.speed))).sum()
    };
    let share = |lever, from, progress, is_lever| LeverShare {
        lever,
        from,
        progress,
        is_lever,
    };
    vec![
        share("hiring", "talent", sum(|s| s.talent), true),
        share("compute", "compute", sum(|s| s.compute), true),
        share(
            "pipeline",
            "experiments per month",
            sum(|s| s.experiments),
            true,
        ),
        share(
            "adopted tech",
            "adopted tech and legacy drag",
            sum(|s| s.tech) + sum(|s| s.legacy),
            true,
        ),
        share("open releases", "ecosystem", sum(|s| s.ecosystem), true),
        share("products", "data flywheel", sum(|s| s.data), true),
        share("morale", "morale", sum(|s| s.morale), false),
        share(
            "automated research",
            "progress past the automation milestone",
            sum(|s| s.automation),
            false,
        ),
        share(
            "disruption and events",
            "disruption, events and difficulty",
            sum(|s| s.other),
            false,
        ),
    ]
}

/// The timeline with runs of the same decision in one month folded into one line.
fn timeline(content: &Content, state: &GameState) -> Vec<Decision> {
    let mut out: Vec<Decision> = Vec::new();
    for entry in &state.timeline {
        let text = entry.text(content, state);
        match out.last_mut() {
            Some(last) if last.month == entry.month && last.text == text => last.times += 1,
            _ => out.push(Decision {
                month: entry.month,
                lever: entry.lever,
                text,
                times: 1,
            }),
        }
    }
    out
}

fn rivals(
    content: &Content,
    first: &GameState,
    state: &GameState,
    race: &[RaceLine],
) -> Vec<RivalSummary> {
    (1..state.labs.len())
        .map(|i| {
            let line = &race[i];
            let start = first.labs[i].progress();
            let end = state.labs[i].progress();
            let mut best: Option<(u16, Progress)> = None;
            let mut before = start;
            for (m, after) in line.progress.iter().enumerate() {
                let gain = Progress(after.0 - before.0);
                if best.is_none_or(|(_, b)| gain > b) {
                    best = Some((m as u16, gain));
                }
                before = *after;
            }
            let moves = state
                .news
                .iter()
                .filter(|n| n.kind == NewsKind::Rival && n.lab == Some(i as u8))
                .map(|n| (n.month, n.text(content, state)))
                .collect();
            RivalSummary {
                name: content.labs[i].name.clone(),
                start,
                end,
                best_month: best,
                moves,
            }
        })
        .collect()
}

/// A sentence on how the game ended (or where it stands).
fn ending_sentence(content: &Content, state: &GameState) -> String {
    let you = &content.labs[0].short;
    // "month 27 of 39 (Dec 2027)": the last month played, as every report names it.
    let when = month_of(content, state.month, state.is_over());
    let played = state.month;
    let total = content.scenario.months;
    match &state.ending {
        Some(Ending::PlayerFirst { careful: true }) => {
            format!("{you} reached superintelligence first, and carefully, in {when}.")
        }
        Some(Ending::PlayerFirst { careful: false }) => format!(
            "{you} reached superintelligence first in {when}, but recklessly: risk {} and \
             safety review {} at the finish. A reckless win scores far lower than a careful one.",
            state.player().risk,
            state.player().review
        ),
        Some(Ending::RivalFirst { rival, margin }) => format!(
            "{} reached superintelligence first in {when}, {} points ahead of {you}.",
            content.labs[usize::from(*rival)].name,
            margin.display()
        ),
        Some(Ending::Deadline { rank: 1 }) => format!(
            "The deadline passed in {when} with {you} leading the race, at {} points.",
            state.player().progress().display()
        ),
        Some(Ending::Deadline { rank }) => format!(
            "The deadline passed in {when} with {you} in place {rank} of {}, at {} points.",
            state.labs.len(),
            state.player().progress().display()
        ),
        Some(Ending::BudgetFrozen) => format!("The board froze the AI budget in {when}."),
        Some(Ending::Catastrophe) => {
            format!("A catastrophic incident ended the programme in {when}.")
        }
        None => format!("The game is not over: {played} of {total} months played, now {when}."),
    }
}

impl Debrief {
    /// The debrief of `game`, finished or not, whose player's decisions were `decisions` (in
    /// order with their months, as a save records them). The decisions are replayed to
    /// measure what each lever was worth; pass none to leave that out.
    pub fn from_game(game: &Game, decisions: &[(u16, Command)]) -> Debrief {
        let content = &game.content;
        let state = &game.state;
        // The true start: the same content and seed before any month, not the end of month 1.
        let start = crate::game::init::new_game(content, state.seed);
        let race: Vec<RaceLine> = content
            .labs
            .iter()
            .enumerate()
            .map(|(i, lab)| RaceLine {
                name: lab.name.clone(),
                short: lab.short.clone(),
                is_player: i == usize::from(PLAYER),
                progress: state
                    .history
                    .iter()
                    .map(|h| h.progress.get(i).copied().unwrap_or_default())
                    .collect(),
            })
            .collect();
        let risk_start = start.player().risk;
        let safety = SafetyRecord {
            risk_start,
            risk_peak: state
                .history
                .iter()
                .map(|h| h.risk)
                .max()
                .unwrap_or(risk_start)
                .max(risk_start),
            risk_end: state.player().risk,
            review_end: state.player().review,
            reviews: state
                .timeline
                .iter()
                .filter(|t| t.lever == Lever::Safety)
                .count() as u32,
        };
        let experiments = (
            lab_experiments(&game.content.balance.research, start.player()),
            lab_experiments(&game.content.balance.research, state.player()),
        );
        let credit = (!decisions.is_empty())
            .then(|| Credit::of_game(game, decisions))
            .filter(|c| c.faithful);
        let score = game.score();
        let levers = lever_shares(state);
        let rivals = rivals(content, &start, state, &race);
        let dates = (0..=state.month).map(|m| date_of(content, m)).collect();
        let mut debrief = Debrief {
            player: None,
            scenario: content.scenario.name.clone(),
            difficulty: content.difficulty.name.clone(),
            seed: state.seed,
            lab_name: content.labs[0].name.clone(),
            months_played: state.month,
            campaign_months: content.scenario.months,
            dates,
            month: month_of(content, state.month, state.is_over()),
            ending_key: state.ending.as_ref().map_or("unfinished", Ending::key),
            ending: ending_sentence(content, state),
            race,
            decisions: timeline(content, state),
            credit,
            levers,
            safety,
            deploy_minutes: (start.player().deploy_minutes, state.player().deploy_minutes),
            experiments,
            rivals,
            score: score.parts().to_vec(),
            total: score.total,
            questions: Vec::new(),
        };
        let facts = Facts::of(game, &debrief);
        debrief.questions = questions::choose(&facts, 3);
        debrief
    }

    /// The same debrief marked as a game of an edited copy of a built-in scenario when it is
    /// one: it carries the built-in's name, but it is another world, and its title must not
    /// pass for the built-in's.
    pub fn with_origin(mut self, origin: crate::save::Origin) -> Debrief {
        if origin == crate::save::Origin::ChangedBuiltin {
            self.scenario = format!("{} (edited copy, not the built-in scenario)", self.scenario);
        }
        self
    }

    /// The same debrief naming its player (a blank name names nobody).
    pub fn with_player(mut self, player: Option<&str>) -> Debrief {
        self.player = player
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string);
        self
    }

    /// How many timeline lines belong to each lever.
    pub fn lever_counts(&self) -> BTreeMap<Lever, u32> {
        let mut counts = BTreeMap::new();
        for d in &self.decisions {
            *counts.entry(d.lever).or_insert(0) += d.times;
        }
        counts
    }

    /// The date label of month index `month`.
    pub fn date(&self, month: u16) -> &str {
        self.dates
            .get(usize::from(month))
            .map_or("", String::as_str)
    }
}
