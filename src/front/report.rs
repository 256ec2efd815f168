//! The month report as data: what changed during a month and why, built from the events the
//! rules returned and the decisions the player made. Causes add up exactly: whatever the named
//! causes do not explain is shown as the month's drift (morale settling, risk growing with
//! pace, the board's verdict, incidents), never hidden.

use crate::game::Game;
use crate::game::data::Content;
use crate::game::event::{Event, Flow, Stat};
use crate::game::research::SpeedBreakdown;
use crate::game::state::{Ending, News, PLAYER};
use crate::game::units::{Money, Progress};

use super::explain::Figure;
use super::session::Decision;

/// The player's figures at one moment (the start of a month).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub month: u16,
    pub label: String,
    pub budget: Money,
    pub income: Money,
    pub morale: i64,
    pub risk: i64,
    pub board: i64,
    pub deploy_minutes: u32,
    /// Experiments a month at the end of the month (deploy time and review together).
    pub experiments: u32,
    pub progress: Vec<Progress>,
    /// The player's three research tracks.
    pub tracks: [Progress; 3],
}

impl Snapshot {
    pub fn of(game: &Game) -> Snapshot {
        let s = &game.state;
        let p = s.player();
        Snapshot {
            month: s.month,
            label: s.date_label(&game.content),
            budget: p.budget,
            income: p.income,
            morale: i64::from(p.morale),
            risk: i64::from(p.risk),
            board: i64::from(p.board),
            deploy_minutes: p.deploy_minutes,
            experiments: crate::game::research::lab_experiments(&game.content.balance.research, p),
            progress: crate::game::intel::seen_all(s),
            tracks: p.tracks,
        }
    }

    pub fn value(&self, figure: Figure) -> i64 {
        match figure {
            Figure::Budget => self.budget,
            Figure::Morale => self.morale,
            Figure::Risk => self.risk,
            Figure::Board => self.board,
            Figure::Deploy => i64::from(self.deploy_minutes),
            Figure::Experiments => i64::from(self.experiments),
            _ => 0,
        }
    }
}

/// One figure's change over the month, with its causes (they sum to `after - before`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub figure: Figure,
    pub before: i64,
    pub after: i64,
    pub causes: Vec<(String, i64)>,
}

/// Everything the month report shows.
#[derive(Debug, Clone)]
pub struct MonthReport {
    /// The month that was resolved, "Jan 2026".
    pub label: String,
    /// Each lab's progress before and after, by lab index.
    pub race: Vec<(Progress, Progress)>,
    /// The player's research this month, by cause.
    pub speed: SpeedBreakdown,
    /// Money in and out at the month's end, by flow.
    pub flows: Vec<(Flow, Money)>,
    pub changes: Vec<Change>,
    pub news: Vec<News>,
    pub decisions: Vec<String>,
    pub ending: Option<Ending>,
    /// The player's tracks before and after the month, in `Track::ALL` order.
    pub tracks: [(Progress, Progress); 3],
    /// Track gains that came straight from events (answers and surprises), not from research.
    pub event_gains: [i32; 3],
}

/// Figures the report explains, in the order it lists them.
pub const REPORT_FIGURES: [Figure; 6] = [
    Figure::Budget,
    Figure::Speed,
    Figure::Deploy,
    Figure::Morale,
    Figure::Risk,
    Figure::Board,
];

impl MonthReport {
    pub fn build(
        game: &Game,
        start: &Snapshot,
        month_events: &[Event],
        decisions: &[&Decision],
    ) -> MonthReport {
        let now = Snapshot::of(game);
        let mut event_gains = [0i32; 3];
        let decided = decisions.iter().flat_map(|d| d.events.iter());
        for e in month_events.iter().chain(decided) {
            if let Event::TrackGain { lab, gain } = e
                && *lab == PLAYER
            {
                for (sum, g) in event_gains.iter_mut().zip(gain) {
                    *sum += g;
                }
            }
        }
        let tracks = [0, 1, 2].map(|i| (start.tracks[i], now.tracks[i]));
        let speed = month_events
            .iter()
            .find_map(|e| match e {
                Event::Research { lab, breakdown, .. } if *lab == PLAYER => Some(breakdown.clone()),
                _ => None,
            })
            .unwrap_or_default();
        let mut flows: Vec<(Flow, Money)> = Vec::new();
        for e in month_events {
            if let Event::Money { lab, delta, flow } = e
                && *lab == PLAYER
            {
                match flows.iter_mut().find(|(f, _)| f == flow) {
                    Some((_, m)) => *m += delta,
                    None => flows.push((*flow, *delta)),
                }
            }
        }
        let changes = [
            Figure::Budget,
            Figure::Deploy,
            Figure::Morale,
            Figure::Risk,
            Figure::Board,
        ]
        .into_iter()
        .map(|f| change(&game.content, f, start, &now, month_events, decisions))
        .collect();
        let news = month_events
            .iter()
            .filter_map(|e| match e {
                Event::News { news } => Some(news.clone()),
                _ => None,
            })
            .collect();
        let race = start
            .progress
            .iter()
            .zip(&now.progress)
            .map(|(b, a)| (*b, *a))
            .collect();
        MonthReport {
            label: start.label.clone(),
            race,
            speed,
            flows,
            changes,
            news,
            decisions: decisions.iter().map(|d| d.label.clone()).collect(),
            ending: game.state.ending.clone(),
            tracks,
            event_gains,
        }
    }

    pub fn change(&self, figure: Figure) -> Option<&Change> {
        self.changes.iter().find(|c| c.figure == figure)
    }
}

/// How much one event moved a figure of the player's lab (deploy time handled apart).
pub fn moved(figure: Figure, event: &Event) -> i64 {
    match (figure, event) {
        (Figure::Budget, Event::Money { lab, delta, .. }) if *lab == PLAYER => *delta,
        (Figure::Budget, Event::Stat { lab, stat, delta })
        | (Figure::Morale, Event::Stat { lab, stat, delta })
        | (Figure::Risk, Event::Stat { lab, stat, delta })
        | (Figure::Board, Event::Stat { lab, stat, delta })
            if *lab == PLAYER && Some(*stat) == figure_stat(figure) =>
        {
            *delta
        }
        _ => 0,
    }
}

fn figure_stat(figure: Figure) -> Option<Stat> {
    match figure {
        Figure::Budget => Some(Stat::Budget),
        Figure::Morale => Some(Stat::Morale),
        Figure::Risk => Some(Stat::Risk),
        Figure::Board => Some(Stat::Board),
        _ => None,
    }
}

/// The total a list of events moved a figure, following deploy time step by step.
pub fn total_moved(figure: Figure, events: &[Event], deploy_before: &mut u32) -> i64 {
    let mut sum = 0;
    for e in events {
        if figure == Figure::Deploy {
            if let Event::DeployTime { lab, minutes } = e
                && *lab == PLAYER
            {
                sum += i64::from(*minutes) - i64::from(*deploy_before);
                *deploy_before = *minutes;
            }
        } else {
            sum += moved(figure, e);
        }
    }
    sum
}

fn flow_name(flow: Flow) -> &'static str {
    match flow {
        Flow::Income => "income (ads and AI products)",
        Flow::Salaries => "salaries",
        Flow::Licences => "licences for outside tech",
        Flow::ComputeRunning => "running compute",
        Flow::Action => "actions",
        Flow::Event => "events",
        Flow::BoardCut => "income the board withheld (low confidence)",
        Flow::Returned => "unspent cash the company took back (quarter's close)",
    }
}

/// What opens a named stretch of the month's resolution whose effects belong to one cause.
fn opens(content: &Content, event: &Event) -> Option<String> {
    match event {
        Event::StageCompleted { lab, stage } if *lab == PLAYER => content
            .stages
            .get(usize::from(*stage))
            .map(|s| format!("finished {}", s.name)),
        Event::MadeInHouse { lab, tech } if *lab == PLAYER => content
            .techs
            .get(usize::from(*tech))
            .map(|t| format!("own {} finished", t.role)),
        Event::EventFired { event } => content
            .events
            .get(usize::from(*event))
            .map(|d| format!("event: {}", d.title)),
        _ => None,
    }
}

/// What ends such a stretch.
fn closes(event: &Event) -> bool {
    matches!(
        event,
        Event::Research { .. }
            | Event::ChoiceOpened { .. }
            | Event::MonthClosed { .. }
            | Event::Money {
                flow: Flow::Income,
                ..
            }
    )
}

fn add(causes: &mut Vec<(String, i64)>, label: &str, delta: i64) {
    if delta == 0 {
        return;
    }
    match causes.iter_mut().find(|(l, _)| l == label) {
        Some((_, d)) => *d += delta,
        None => causes.push((label.to_string(), delta)),
    }
}

fn change(
    content: &Content,
    figure: Figure,
    start: &Snapshot,
    now: &Snapshot,
    month_events: &[Event],
    decisions: &[&Decision],
) -> Change {
    let before = start.value(figure);
    let after = now.value(figure);
    let mut causes = Vec::new();
    let mut deploy = start.deploy_minutes;
    for d in decisions {
        let delta = total_moved(figure, &d.events, &mut deploy);
        add(&mut causes, &d.label, delta);
    }
    let mut stretch: Option<String> = None;
    for e in month_events {
        if closes(e) {
            stretch = None;
        }
        if let Some(label) = opens(content, e) {
            stretch = Some(label);
        }
        let delta = total_moved(figure, std::slice::from_ref(e), &mut deploy);
        if delta == 0 {
            continue;
        }
        let label = match (&stretch, e) {
            (Some(l), _) => l.clone(),
            (None, Event::Money { flow, .. }) => flow_name(*flow).to_string(),
            _ => continue,
        };
        add(&mut causes, &label, delta);
    }
    let named: i64 = causes.iter().map(|(_, d)| d).sum();
    let rest = after - before - named;
    if rest != 0 {
        let label = match figure {
            Figure::Budget => "other",
            Figure::Deploy => "events",
            _ => "monthly drift and incidents",
        };
        add(&mut causes, label, rest);
    }
    Change {
        figure,
        before,
        after,
        causes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::game::Command;
    use std::sync::Arc;

    #[test]
    fn causes_add_up_to_the_change() {
        let content = Arc::new(content::load_builtin("classroom", None).expect("loads"));
        let mut game = Game::new(content, 7);
        for _ in 0..6 {
            if game.is_over() {
                break;
            }
            if game.state.pending.is_some() {
                game.apply(&Command::Choose(0)).expect("choose");
            }
            let start = Snapshot::of(&game);
            let mut decisions = Vec::new();
            if let Ok(events) = game.apply(&Command::Morale) {
                decisions.push(Decision {
                    month: start.month,
                    label: "morale".into(),
                    events,
                });
            }
            let events = game.apply(&Command::EndMonth).expect("end month");
            let refs: Vec<&Decision> = decisions.iter().collect();
            let r = MonthReport::build(&game, &start, &events, &refs);
            for c in &r.changes {
                let sum: i64 = c.causes.iter().map(|(_, d)| d).sum();
                assert_eq!(sum, c.after - c.before, "{:?}", c.figure);
            }
        }
    }
}
