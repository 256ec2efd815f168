//! One game being played: the rules' [`Game`] plus what the interface remembers about it (the
//! screen shown, each list's selection, the player's decisions with the events they caused, the
//! last month report, and figures derived from the state for the dashboard).
//!
//! Commands go through [`Session::apply`], the single door to the rules: it checks, applies,
//! records the decision (for the ledger and for the save), builds the month report after
//! `EndMonth` and refreshes derived figures.

use std::sync::Arc;

use crate::game::data::Content;
use crate::game::event::{Event, Flow};
use crate::game::month::monthly_costs;
use crate::game::research::{self, SpeedBreakdown};
use crate::game::state::{GameState, News, NewsKind};
use crate::game::units::{Money, Progress, money};
use crate::game::{Command, Game, PLAYER, RuleError};
use crate::save::{Playthrough, Record, SaveError, Verified};

use super::report::{MonthReport, Snapshot};

/// The screens of a game, in Tab order. The debrief joins them when the game is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Dashboard,
    Talent,
    Tech,
    Pipeline,
    Compute,
    Rivals,
    Debrief,
}

impl Tab {
    pub const PLAYING: [Tab; 6] = [
        Tab::Dashboard,
        Tab::Talent,
        Tab::Tech,
        Tab::Pipeline,
        Tab::Compute,
        Tab::Rivals,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Dashboard => "Dashboard",
            Tab::Talent => "Talent",
            Tab::Tech => "Tech",
            Tab::Pipeline => "Pipeline",
            Tab::Compute => "Compute & deals",
            Tab::Rivals => "Rivals",
            Tab::Debrief => "Debrief",
        }
    }
}

/// A decision the player made, with the events it caused (for "show the math").
#[derive(Debug, Clone)]
pub struct Decision {
    pub month: u16,
    pub label: String,
    pub events: Vec<Event>,
}

/// Whether the month's spending is covered, and for how long the budget lasts if not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runway {
    /// Income covers the monthly costs.
    Covered,
    Months(i64),
}

/// Figures the dashboard shows that the state does not hold directly. Computed after every
/// change by calling the rules' own functions, so the view only reads.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Monthly costs by flow (salaries, licences, running compute).
    pub costs: Vec<(Flow, Money)>,
    pub burn: Money,
    pub income: Money,
    pub runway: Option<Runway>,
    /// Research speed if the month ended now.
    pub forecast: SpeedBreakdown,
    pub talent_units: u64,
    pub legacy_pct: i64,
    pub tech_pct: i64,
}

impl Derived {
    pub fn of(game: &Game) -> Derived {
        let content = &game.content;
        let costs: Vec<(Flow, Money)> = monthly_costs(&game.content, &game.state, PLAYER).to_vec();
        let burn: Money = costs.iter().map(|(_, m)| m).sum();
        let p = game.state.player();
        let net = burn - p.income;
        let runway = if net <= 0 {
            Runway::Covered
        } else {
            Runway::Months(p.budget.max(0) / net)
        };
        Derived {
            costs,
            burn,
            income: p.income,
            runway: Some(runway),
            forecast: research::speed(content, &game.state, PLAYER),
            talent_units: research::talent_units(
                &game.content.balance.research,
                &game.state,
                PLAYER,
            ),
            legacy_pct: research::legacy_pct(content, &game.state, PLAYER),
            tech_pct: research::tech_pct(content, &game.state, PLAYER).0,
        }
    }
}

/// What happened when a command was carried out.
#[derive(Debug, Clone)]
pub struct Applied {
    /// One line for the status bar, in the rules' own words where they gave some.
    pub headline: String,
    pub month_ended: bool,
}

pub struct Session {
    pub game: Game,
    pub tab: Tab,
    /// Selected figure on the dashboard.
    pub figure: usize,
    pub talent_sel: usize,
    pub tech_sel: usize,
    pub stage_sel: usize,
    pub action_sel: usize,
    /// Selected rival (index into the rivals, 0 = the first rival).
    pub rival_sel: usize,
    pub debrief_scroll: u16,
    pub ledger: Vec<Decision>,
    pub report: Option<MonthReport>,
    /// The player's figures when the current month began.
    pub month_start: Snapshot,
    pub derived: Derived,
    /// Every lab's progress when the game began (known for games started in this session).
    pub initial: Option<Vec<Progress>>,
    /// Every accepted decision with its month and the checkpoints: what a save holds.
    pub record: Record,
    /// Whether decisions were made since the last save or autosave.
    pub unsaved: bool,
    /// The name the game was last saved under, offered again by the next save.
    pub save_name: Option<String>,
    /// The teacher's pauses the student has been let past with a code, this session.
    pub unlocked_pauses: Vec<u16>,
    /// The scenario file the game was started or loaded with, read again at a pause for the
    /// teacher's new version.
    pub scenario_file: Option<std::path::PathBuf>,
    /// The game raced against, for a ghost race (`ai-race new --ghost SAVE`).
    pub ghost: Option<super::ghost::Ghost>,
    /// The world's code (`CLASS-N-KA985X`): another player types it to play this world.
    pub world_code: String,
    /// The level of the player's last offer, as a percentage of the ask (the dialog's nearest
    /// preset; 100 before any): `d` on the talent market and a repeated plan offer at it.
    pub offer_pct: u32,
    /// The GPU dialog's preset last confirmed (1: medium), for `d` on compute rows.
    pub compute_preset: usize,
}

impl Session {
    pub fn new(content: Arc<Content>, seed: u64) -> Session {
        let game = Game::new(content, seed);
        Session::from_game(game)
    }

    /// A session around a game that has had no decision yet (its record starts here).
    pub fn from_game(game: Game) -> Session {
        let derived = Derived::of(&game);
        let month_start = Snapshot::of(&game);
        let tab = if game.is_over() {
            Tab::Debrief
        } else {
            Tab::Dashboard
        };
        let initial = (game.state.month == 0).then(|| crate::game::intel::seen_all(&game.state));
        let record = Record::start(&game);
        let world_code = crate::content::code::for_game(&game.content, game.state.seed).encode();
        Session {
            world_code,
            record,
            unsaved: false,
            save_name: None,
            unlocked_pauses: Vec::new(),
            scenario_file: None,
            ghost: None,
            offer_pct: 100,
            compute_preset: 1,
            initial,
            game,
            tab,
            figure: 0,
            talent_sel: 0,
            tech_sel: 0,
            stage_sel: 0,
            action_sel: 0,
            rival_sel: 0,
            debrief_scroll: 0,
            ledger: Vec::new(),
            report: None,
            month_start,
            derived,
        }
    }

    pub fn content(&self) -> &Content {
        &self.game.content
    }

    /// The tabs reachable now.
    pub fn tabs(&self) -> Vec<Tab> {
        let mut tabs = Tab::PLAYING.to_vec();
        if self.game.is_over() {
            tabs.push(Tab::Debrief);
        }
        tabs
    }

    pub fn switch_tab(&mut self, step: isize) {
        let tabs = self.tabs();
        let at = tabs.iter().position(|t| *t == self.tab).unwrap_or(0) as isize;
        let n = tabs.len() as isize;
        self.tab = tabs[((at + step).rem_euclid(n)) as usize];
    }

    /// Checks and carries out one of the player's commands.
    pub fn apply(&mut self, command: Command) -> Result<Applied, RuleError> {
        self.apply_as(command, false)
    }

    /// [`Session::apply`]; `suggested` when the move came from the suggestion key, which the
    /// save records (see `Record::suggested`).
    pub fn apply_as(&mut self, command: Command, suggested: bool) -> Result<Applied, RuleError> {
        let label = describe(&self.game, &command);
        let month = self.game.state.month;
        let chosen = self.game.state.market.get(self.talent_sel).copied();
        let asked = match &command {
            Command::Offer { person, salary } => self
                .game
                .state
                .people
                .get(*person as usize)
                .filter(|p| p.salary > 0)
                .map(|p| super::amount::offer_level(salary * 100 / p.salary).0),
            _ => None,
        };
        let events = self.game.apply(&command)?;
        if let Some(pct) = asked {
            self.offer_pct = pct;
        }
        self.keep_talent_selection(chosen);
        self.record.note(month, &command, &self.game);
        if suggested {
            self.record.mark_suggested();
        }
        self.unsaved = true;
        let month_ended = command == Command::EndMonth;
        let headline = headline(&self.game, &events).unwrap_or_else(|| label.clone());
        if month_ended {
            let decisions: Vec<&Decision> =
                self.ledger.iter().filter(|d| d.month == month).collect();
            self.report = Some(MonthReport::build(
                &self.game,
                &self.month_start,
                &events,
                &decisions,
            ));
            self.month_start = Snapshot::of(&self.game);
        } else {
            self.ledger.push(Decision {
                month,
                label,
                events,
            });
        }
        self.derived = Derived::of(&self.game);
        if self.game.is_over() {
            self.tab = Tab::Debrief;
        }
        Ok(Applied {
            headline,
            month_ended,
        })
    }

    /// Keeps the talent cursor on the same person when the market changes under it (a hire
    /// removes a row, a new month brings new candidates), so the row the player selected is
    /// the row the next offer goes to; when that person is gone, the cursor stays in the list.
    fn keep_talent_selection(&mut self, chosen: Option<crate::game::state::PersonId>) {
        let market = &self.game.state.market;
        self.talent_sel = chosen
            .and_then(|id| market.iter().position(|&p| p == id))
            .unwrap_or(self.talent_sel)
            .min(market.len().saturating_sub(1));
    }

    /// A session for a loaded (already verified) save: its decisions are played again through
    /// [`Session::apply`], so the ledger, the month reports and the race chart are as if the
    /// game had been played here.
    pub fn from_save(play: &Playthrough) -> Result<Session, String> {
        let mut s = Session::new(play.game.content.clone(), play.record.seed());
        for (month, command) in play.decisions() {
            if *month != s.game.state.month {
                return Err(format!("a decision is marked month {month} out of turn"));
            }
            s.apply(command.clone()).map_err(|e| e.to_string())?;
        }
        if s.game.hash() != play.game.hash() {
            return Err("the game replays differently here than when it was checked".into());
        }
        s.record.player = play.record.player.clone();
        s.record.parent = play.record.parent.clone();
        s.record.suggested = play.record.suggested.clone();
        s.unsaved = false;
        Ok(s)
    }

    /// A what-if fork of the verified `parent` at the start of `month` (1 = the first month):
    /// a new game in the same world whose first decisions are the parent's before that month.
    /// `parent_name` (the parent file's name) suggests the fork's save name.
    pub fn fork_of(
        parent: &Verified,
        month: u32,
        parent_name: Option<&str>,
    ) -> Result<Session, String> {
        let fork = crate::save::fork(parent, month).map_err(|e| e.to_string())?;
        let mut s = Session::from_save(&fork)?;
        // The fork is a new game: unsaved until the player saves it, under a name of its own.
        s.unsaved = true;
        let at = fork.record.parent.as_ref().map_or(1, |p| p.month);
        s.save_name = Some(match parent_name {
            Some(name) => format!("{name} what-if from month {at}"),
            None => format!("what-if from month {at}"),
        });
        Ok(s)
    }

    /// The save of this game, as text.
    pub fn save_text(&self) -> Result<String, SaveError> {
        self.record.to_text(&self.game)
    }

    /// The month (1 = the first turn) at which the teacher has paused this game, if it stands
    /// at the start of one: nothing may be done until a code or a new version of the scenario
    /// lets it on. Not a rule: the session enforces it (see `content::pause`).
    pub fn paused_at(&self) -> Option<u16> {
        if self.game.is_over() {
            return None;
        }
        let decided = self.this_month().next().is_some();
        let month = self.game.state.month;
        crate::content::pause::due(self.content(), month, decided, &self.unlocked_pauses)
    }

    /// Whether a news line waits behind the teacher's pause: the teacher's own event that
    /// fired as the paused month began is shown once the class goes on, not behind the pause.
    pub fn held_by_pause(&self, n: &News) -> bool {
        let crate::game::state::Story::EventFired { event } = n.story else {
            return false;
        };
        n.month.saturating_add(1) == self.game.state.month
            && self
                .content()
                .events
                .get(usize::from(event))
                .is_some_and(|e| e.basis == crate::game::data::Basis::Teacher)
            && self.paused_at().is_some()
    }

    /// Lets the game on past the current pause if `typed` is its code.
    pub fn unlock(&mut self, typed: &str) -> Result<u16, String> {
        let Some(month) = self.paused_at() else {
            return Err("the game is not paused".into());
        };
        if crate::content::pause::code_matches(self.content(), month, typed) {
            self.unlocked_pauses.push(month);
            Ok(month)
        } else {
            Err(format!(
                "'{}' is not the code for this pause; check it with your teacher",
                crate::save::sanitize(typed.trim(), 20)
            ))
        }
    }

    /// Takes the pauses of a new version of the scenario (the same world: only `pause_at` may
    /// differ). The save then carries the new pauses; its replay is unchanged.
    pub fn adopt_scenario_version(&mut self, new: Content) -> Result<(), String> {
        if let Some(why) = crate::content::pause::new_version_problem(self.content(), &new) {
            return Err(why);
        }
        if new.pause_at != self.content().pause_at {
            self.game.content = Arc::new(new);
            self.unsaved = true;
        }
        Ok(())
    }

    /// The decisions of the current month.
    pub fn this_month(&self) -> impl Iterator<Item = &Decision> {
        let month = self.game.state.month;
        self.ledger.iter().filter(move |d| d.month == month)
    }
}

/// "Jan 2026" for a month of the campaign (0 is the first).
pub fn date_label(content: &Content, month: u16) -> String {
    content.date_label(month)
}

/// A news line as the feed shows it: a rival's news starts with the rival's name.
pub fn news_text(content: &Content, state: &GameState, news: &News) -> String {
    let text = news.text(content, state);
    match news.lab {
        Some(lab) if lab != PLAYER => {
            let name = content
                .labs
                .get(usize::from(lab))
                .map_or("", |l| l.short.as_str());
            format!("{name}: {text}")
        }
        _ => text,
    }
}

/// The player's own news among the events: what the rules said happened.
fn headline(game: &Game, events: &[Event]) -> Option<String> {
    events.iter().rev().find_map(|e| match e {
        Event::News { news } if matches!(news.kind, NewsKind::Player | NewsKind::Warning) => {
            Some(capitalise(&news.text(&game.content, &game.state)))
        }
        _ => None,
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A tech's name by its id (the id itself when the catalogue has no such tech).
fn tech_name(game: &Game, id: &str) -> String {
    game.content
        .techs
        .iter()
        .find(|t| t.id == id)
        .map_or(id.to_string(), |t| t.name.clone())
}

/// A pipeline stage's name by its id (the id itself when there is no such stage).
fn stage_name(game: &Game, id: &str) -> String {
    game.content
        .stages
        .iter()
        .find(|s| s.id == id)
        .map_or(id.to_string(), |s| s.name.clone())
}

/// A person's name ("someone" for an id the game does not have).
fn person_name(game: &Game, person: crate::game::state::PersonId) -> &str {
    game.state
        .people
        .get(person as usize)
        .map_or("someone", |p| p.name.as_str())
}

/// A move not yet made, in words ("start Automated evaluation"), for suggestions.
pub fn intent(game: &Game, command: &Command) -> String {
    let tech = |id: &str| tech_name(game, id);
    match command {
        Command::Offer { person, salary } => format!(
            "offer {} {} a year",
            person_name(game, *person),
            money(Money::from(*salary))
        ),
        Command::Adopt(id) => format!("adopt {}", tech(id)),
        Command::Build(id) => format!("build {} in-house", tech(id)),
        Command::AdoptThenBuild(id) => format!("adopt {}, build it later", tech(id)),
        Command::Upgrade(id) => format!("start {}", stage_name(game, id)),
        Command::Retire(_) => describe(game, command).replacen("Retired", "retire", 1),
        Command::BuildDataCentre(k) => format!("build a data centre for {k}k GPUs"),
        Command::LeaseCompute(k) => format!("lease {k}k GPUs"),
        Command::OpenRelease => "release an open model".into(),
        Command::SafetyReview => "invest in safety review".into(),
        Command::ShipAi => "ship AI into the apps".into(),
        Command::Morale => "look after morale".into(),
        Command::Intelligence => "commission intelligence on the rivals".into(),
        other => describe(game, other),
    }
}

/// A command in words, for the ledger and the explanations.
pub fn describe(game: &Game, command: &Command) -> String {
    let c = &game.content;
    let tech = |id: &str| tech_name(game, id);
    match command {
        Command::Offer { person, salary } => format!(
            "Offered {} {} a year",
            person_name(game, *person),
            money(Money::from(*salary))
        ),
        Command::Adopt(id) => format!("Adopted {}", tech(id)),
        Command::Build(id) => format!("Started building {} in-house", tech(id)),
        Command::AdoptThenBuild(id) => format!("Adopted {} and started its replacement", tech(id)),
        Command::Retire(id) => {
            let name = c
                .legacy
                .iter()
                .find(|l| l.id == *id)
                .map_or(id.clone(), |l| l.name.clone());
            format!("Retired {name}")
        }
        Command::Upgrade(id) => format!("Started {}", stage_name(game, id)),
        Command::BuildDataCentre(k) => format!("Data centre for {k}k GPUs"),
        Command::LeaseCompute(k) => format!("Leased {k}k GPUs"),
        Command::OpenRelease => "Open-weights release".to_string(),
        Command::SafetyReview => "Safety review".to_string(),
        Command::ShipAi => "Shipped AI into the apps".to_string(),
        Command::Morale => "Looked after morale".to_string(),
        Command::Intelligence => "Intelligence on the rivals".to_string(),
        Command::Deal(id) => c
            .deals
            .iter()
            .find(|d| d.id == *id)
            .map_or(id.clone(), |d| d.name.clone()),
        Command::Choose(i) => {
            let option = game
                .state
                .pending
                .as_ref()
                .and_then(|p| p.options.get(usize::from(*i)))
                .cloned()
                .unwrap_or_default();
            format!("Answered: {option}")
        }
        Command::RaiseLicence(id) => format!("Raised the price of {}", tech(id)),
        Command::EndMonth => "Ended the month".to_string(),
    }
}

/// The move the `balanced` strategy (the game's good scripted player) would make next: the
/// suggestion key's move in both front ends; `None` when it would end the month or an event
/// waits.
pub fn suggestion(s: &Session) -> Option<Command> {
    let st = &s.game.state;
    crate::game::policy::suggestion(s.content(), st, &s.record.moves_in(st.month))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;

    fn classroom() -> Session {
        let content = content::load_builtin("classroom", None).expect("classroom loads");
        Session::new(Arc::new(content), 20260101)
    }

    #[test]
    fn ending_a_month_builds_a_report_and_refreshes_figures() {
        let mut s = classroom();
        let applied = s.apply(Command::EndMonth).expect("end month");
        assert!(applied.month_ended);
        assert!(s.report.is_some());
        assert_eq!(s.game.state.month, 1);
    }

    #[test]
    fn the_talent_cursor_follows_the_person_when_a_row_above_goes() {
        let mut s = classroom();
        let market = s.game.state.market.clone();
        assert!(market.len() >= 3, "the classroom market has candidates");
        s.talent_sel = 2;
        let kept = market[2];
        // Remove the first candidate the way a hire would: the selected person moves up a row.
        s.game.state.market.remove(0);
        s.keep_talent_selection(Some(kept));
        assert_eq!(s.game.state.market[s.talent_sel], kept);
        // When the selected person leaves the market, the cursor stays inside the list.
        s.game.state.market.truncate(1);
        s.keep_talent_selection(Some(kept));
        assert_eq!(s.talent_sel, 0);
    }

    #[test]
    fn a_refused_command_changes_nothing() {
        let mut s = classroom();
        let before = s.game.hash();
        let err = s.apply(Command::Retire("nope".into()));
        assert!(err.is_err());
        assert_eq!(s.game.hash(), before);
        assert!(s.ledger.is_empty());
    }
}
