//! The interface's state and its one update path: a terminal event becomes an [`Action`]
//! through the key table (only actions the current screen accepts get through), the action
//! updates the top layer or the screen, and anything that changes the game becomes a
//! [`Command`] handed to [`Session::apply`]. The view (`view.rs`) only reads this state.
//! Saving and loading go through the saves folder (`saving.rs`).

mod layers;
mod mouse;
mod pause;
mod saving;

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyEventKind};

use crate::game::{Command, RuleError};
use crate::save::{Store, Writer};

use super::dialog::{Amount, Confirm, ConfirmYes, Menu, NameInput, PauseInput, Plan};
use super::explain::Explanation;
use super::keys::{Action, Hint, candidates, hint, is_interrupt, resolve};
use super::screens::{self, title::TitleState};
use super::session::{Session, Tab};
use super::theme::Theme;
use super::view::{MIN_HEIGHT, MIN_WIDTH};

/// The screen under the layers: the title, or a game.
pub enum Screen {
    Title(TitleState),
    Game(Box<Session>),
}

/// Something drawn over the screen that takes the keys until it closes.
pub enum Layer {
    /// Help, listing the keys of the screen it was opened from.
    Help {
        scroll: u16,
        context: Vec<Hint>,
    },
    Confirm(Confirm),
    Menu(Menu),
    Amount(Amount),
    Explain {
        text: Explanation,
        scroll: u16,
    },
    /// The month report; `sel` picks a figure to explain.
    Report {
        sel: usize,
    },
    /// An event waiting for the player's answer. No option is selected when it opens, so the
    /// key that closed the report (or any stray Enter) cannot answer it: the player picks an
    /// option with ↑↓ (or a click) first.
    Event {
        sel: Option<usize>,
    },
    /// The name of a save being typed.
    SaveName(NameInput),
    /// The teacher paused the class: nothing can be done until it lets the game on.
    Pause(PauseInput),
    /// Last month's plan, shown before it is made again.
    Plan(Plan),
}

/// What a screen asks the app to do after an action.
pub enum Outcome {
    Nothing,
    Open(Layer),
    Run(Command),
    /// The suggestion key's move: run, and recorded in the save as suggested.
    RunSuggested(Command),
    Refuse(String),
    Info(String),
    /// Back to the title screen for a new game.
    NewGame,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Refusal,
}

/// The line above the footer: what just happened, or why something was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

pub struct App {
    pub theme: Theme,
    pub screen: Screen,
    pub layers: Vec<Layer>,
    pub status: Option<Status>,
    /// Terminal size in cells.
    pub size: (u16, u16),
    pub quit: bool,
    /// Replaces OS randomness for "random" seeds when set, so a test replays exactly.
    pub random_seed: Option<u64>,
    /// The saves folder; `None` turns saving off (tests that must not touch the disk).
    pub store: Option<Store>,
    /// The player's name, written into saves of games started here (for class reports).
    pub player: Option<String>,
    /// Quit once the save being named is written (the quit question's "save first").
    pub quit_after_save: bool,
    /// Writes month-end autosaves on a thread of their own when set (the terminal sets it, so
    /// a month end never waits on the disk); `None` writes them at once.
    pub writer: Option<Writer>,
}

impl App {
    /// The title screen.
    pub fn new(theme: Theme, size: (u16, u16)) -> App {
        App {
            theme,
            screen: Screen::Title(TitleState::new()),
            layers: Vec::new(),
            status: None,
            size,
            quit: false,
            random_seed: None,
            store: None,
            player: None,
            quit_after_save: false,
            writer: None,
        }
    }

    /// The title screen, with "random" seeds drawn from `seed` instead of the OS.
    pub fn with_random_seed(theme: Theme, size: (u16, u16), seed: u64) -> App {
        let mut app = App::new(theme, size);
        app.random_seed = Some(seed);
        if let Screen::Title(t) = &mut app.screen {
            t.random_seed = Some(seed);
        }
        app
    }

    /// Straight into a game.
    pub fn with_session(theme: Theme, size: (u16, u16), session: Session) -> App {
        let mut app = App::new(theme, size);
        app.start(session);
        app
    }

    /// Opens a game (new or loaded) on the screen; its saves carry the app's player name
    /// unless they have one already.
    pub fn start(&mut self, mut session: Session) {
        if session.record.player.is_none() {
            session.record.player.clone_from(&self.player);
        }
        let name = session.content().scenario.name.clone();
        let pending = session.game.state.pending.is_some() && !session.game.is_over();
        self.screen = Screen::Game(Box::new(session));
        self.layers.clear();
        if pending {
            self.layers.push(Layer::Event { sel: None });
        }
        self.info(format!(
            "{name}: spend your CEO weeks (screens: 1-6), n ends the month."
        ));
        self.pause_if_due();
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Game(s) => Some(s),
            Screen::Title(_) => None,
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind: StatusKind::Info,
        });
    }

    pub(super) fn refuse(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind: StatusKind::Refusal,
        });
    }

    /// The actions accepted right now, in footer order.
    pub fn hints(&self) -> Vec<Hint> {
        if self.too_small() {
            return vec![hint(Action::Quit, "quit")];
        }
        if let Some(layer) = self.layers.last() {
            return match layer {
                Layer::Help { .. } => vec![
                    hint(Action::Up, "scroll"),
                    hint(Action::Down, "scroll"),
                    hint(Action::Back, "close help"),
                ],
                Layer::Confirm(c) => c.hints(),
                Layer::Menu(m) => m.hints(),
                Layer::Amount(a) => a.hints(),
                Layer::Explain { .. } => vec![
                    hint(Action::Up, "scroll"),
                    hint(Action::Down, "scroll"),
                    hint(Action::Back, "close"),
                    hint(Action::Help, "help"),
                ],
                Layer::Report { .. } => {
                    let mut h = vec![
                        hint(Action::Up, "figure"),
                        hint(Action::Down, "figure"),
                        hint(Action::Explain, "explain"),
                        hint(Action::Choose, "continue"),
                        hint(Action::Back, "continue"),
                    ];
                    // Straight from the report to this month's plan, unless an event waits
                    // under the report (it is answered first).
                    if self.layers.len() == 1
                        && self
                            .session()
                            .is_some_and(|s| !s.game.is_over() && s.game.state.month > 0)
                    {
                        h.push(hint(Action::Repeat, "repeat last month"));
                    }
                    h.push(hint(Action::Help, "help"));
                    h.push(hint(Action::Quit, "quit"));
                    h
                }
                Layer::Event { sel } => vec![
                    hint(Action::Up, "option"),
                    hint(Action::Down, "option"),
                    hint(
                        Action::Choose,
                        if sel.is_some() {
                            "answer"
                        } else {
                            "answer (pick with ↑↓ first)"
                        },
                    ),
                    hint(Action::Back, "look around first"),
                    hint(Action::Help, "help"),
                    hint(Action::Quit, "quit"),
                ],
                Layer::SaveName(n) => n.hints(),
                Layer::Pause(p) => p.hints(),
                Layer::Plan(p) => p.hints(),
            };
        }
        match &self.screen {
            Screen::Title(t) => screens::title::hints(t),
            Screen::Game(s) => {
                let mut h = screens::tab_hints(s);
                // `d` follows the month's end in the footer, so a narrow footer keeps `n`.
                let quick = h.iter().position(|x| x.action == Action::DoIt);
                let quick = quick.map(|i| h.remove(i));
                h.push(hint(Action::NextTab, "screens"));
                h.push(hint(Action::PrevTab, "screens"));
                if !s.game.is_over() {
                    h.push(hint(Action::EndMonth, "end month"));
                }
                // The dashboard names its suggestion beside `d` on screen; a lever screen's
                // `d` is only in the footer, so it comes before help and quit there.
                if s.tab != Tab::Dashboard {
                    h.extend(quick.clone());
                }
                h.push(hint(Action::Help, "help"));
                h.push(hint(Action::Quit, "quit"));
                // Last, so a narrow footer drops them before quit and help.
                h.push(hint(Action::Save, "save"));
                if s.tab == Tab::Dashboard {
                    h.extend(quick);
                }
                if !s.game.is_over() {
                    h.push(hint(Action::Repeat, "repeat last month"));
                }
                if s.report.is_some() {
                    h.push(hint(Action::LastReport, "last report"));
                }
                h.push(hint(Action::AllNews, "all news"));
                h.push(hint(Action::Jump, "screen by number"));
                h
            }
        }
    }

    /// Handles one terminal event.
    pub fn handle(&mut self, event: TermEvent) {
        match event {
            TermEvent::Key(k) => self.key(k),
            TermEvent::Mouse(m) => self.mouse(m),
            TermEvent::Resize(w, h) => self.size = (w, h),
            _ => {}
        }
    }

    fn key(&mut self, key: KeyEvent) {
        if is_interrupt(&key) {
            // Ctrl-C quits at once, but never loses the month: unsaved moves go to the autosave.
            if self
                .session()
                .is_some_and(|s| s.unsaved && !s.game.is_over())
            {
                self.autosave();
            }
            self.quit = true;
            return;
        }
        if key.kind == KeyEventKind::Release {
            return;
        }
        if self.too_small() {
            if key.code == KeyCode::Char('q') {
                self.quit = true;
            }
            return;
        }
        if self.type_into_field(&key) {
            return;
        }
        let hints = self.hints();
        match resolve(&key, &hints) {
            Some(action) => {
                let digit = match key.code {
                    KeyCode::Char(c) => c.to_digit(10),
                    _ => None,
                };
                self.act(action, digit);
            }
            None if !candidates(&key).is_empty() => {
                self.info("That key does nothing here; the footer shows the keys that work, ? lists them all.");
            }
            None => {}
        }
    }

    /// Carries out an accepted action.
    pub fn act(&mut self, action: Action, digit: Option<u32>) {
        let in_help = matches!(self.layers.last(), Some(Layer::Help { .. }));
        if action == Action::Help && !in_help {
            let context = self.hints();
            self.layers.push(Layer::Help { scroll: 0, context });
            return;
        }
        if !matches!(
            action,
            Action::Up | Action::Down | Action::Left | Action::Right
        ) {
            self.status = None;
        }
        if self.layers.is_empty() {
            self.act_on_screen(action, digit);
        } else {
            self.act_on_layer(action, digit);
        }
    }

    pub(super) fn act_on_screen(&mut self, action: Action, digit: Option<u32>) {
        match action {
            Action::Quit => return self.ask_quit(),
            Action::EndMonth => return self.end_month(),
            Action::Save => return self.ask_save_name(),
            Action::LastReport => {
                if self.session().is_some_and(|s| s.report.is_some()) {
                    self.layers.push(Layer::Report { sel: 0 });
                }
                return;
            }
            Action::Repeat => return self.ask_plan(),
            Action::AllNews => {
                if let Some(s) = self.session() {
                    let text = super::explain::all_news(s);
                    self.layers.push(Layer::Explain { text, scroll: 0 });
                }
                return;
            }
            Action::Jump => {
                if let Screen::Game(s) = &mut self.screen
                    && let Some(d) = digit
                {
                    let tabs = s.tabs();
                    match (d as usize).checked_sub(1).and_then(|i| tabs.get(i)) {
                        Some(&t) => s.tab = t,
                        None => self.info(format!(
                            "No screen {d}: 1-{} are the screens (Tab steps through them).",
                            tabs.len()
                        )),
                    }
                }
                return;
            }
            _ => {}
        }
        let outcome = match &mut self.screen {
            Screen::Title(t) => match screens::title::update(t, action, digit) {
                screens::title::TitleResult::Stay => Outcome::Nothing,
                screens::title::TitleResult::Start(session) => {
                    self.start(*session);
                    return;
                }
                screens::title::TitleResult::Refuse(why) => Outcome::Refuse(why),
                screens::title::TitleResult::Loaded(session, message) => {
                    self.start(*session);
                    self.info(message);
                    return;
                }
                screens::title::TitleResult::Help => return self.act(Action::Help, None),
                screens::title::TitleResult::Quit => return self.ask_quit(),
            },
            Screen::Game(s) => match action {
                Action::NextTab => {
                    s.switch_tab(1);
                    Outcome::Nothing
                }
                Action::PrevTab => {
                    s.switch_tab(-1);
                    Outcome::Nothing
                }
                _ => screens::tab_update(s, action),
            },
        };
        self.follow(outcome);
    }

    fn follow(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Nothing => {}
            Outcome::Open(layer) => self.layers.push(layer),
            Outcome::Run(cmd) => self.run(cmd),
            Outcome::RunSuggested(cmd) => self.run_as(cmd, true),
            Outcome::Refuse(why) => self.refuse(format!("✗ {why}")),
            Outcome::Info(text) => self.info(text),
            Outcome::NewGame => {
                let mut title = TitleState::new();
                title.random_seed = self.random_seed;
                title.set_store(self.store.clone());
                self.screen = Screen::Title(title);
                self.layers.clear();
            }
        }
    }

    pub(super) fn ask_quit(&mut self) {
        let question = match &self.screen {
            Screen::Game(s) if s.unsaved && self.store.is_some() => {
                "Quit the game? Your moves since the last save are lost unless you save first."
                    .to_string()
            }
            Screen::Game(s) if s.unsaved => {
                "Quit the game? Saving is off, so this game is lost.".to_string()
            }
            _ => "Quit AI Race?".to_string(),
        };
        let offer_save =
            self.store.is_some() && matches!(&self.screen, Screen::Game(s) if s.unsaved);
        self.layers.push(Layer::Confirm(Confirm {
            question,
            yes: ConfirmYes::Quit { offer_save },
        }));
    }

    fn end_month(&mut self) {
        let Screen::Game(s) = &self.screen else {
            return;
        };
        if let Err(e) = s.game.check(&Command::EndMonth) {
            return self.refused(e);
        }
        let weeks = s.game.state.player().weeks;
        if weeks > 0 {
            let month = s.game.state.date_label(s.content());
            self.layers.push(Layer::Confirm(Confirm {
                question: format!(
                    "End {month} with {weeks} CEO week{ws} unspent? Unspent weeks are lost.",
                    ws = crate::text::s(weeks as i64)
                ),
                yes: ConfirmYes::EndMonth,
            }));
        } else {
            self.run(Command::EndMonth);
        }
    }

    /// Hands a command to the rules and shows what came of it.
    pub(super) fn run(&mut self, command: Command) {
        self.run_as(command, false);
    }

    /// Runs a command; `suggested` when it came from the suggestion key (the save records it).
    pub(super) fn run_as(&mut self, command: Command, suggested: bool) {
        if self.refuse_while_paused() {
            return;
        }
        let Screen::Game(s) = &mut self.screen else {
            return;
        };
        let applied = match s.apply_as(command, suggested) {
            Ok(a) => a,
            Err(e) => return self.refused(e),
        };
        let pending = s.game.state.pending.is_some() && !s.game.is_over();
        let message = if applied.month_ended {
            let label = s.report.as_ref().map_or(String::new(), |r| r.label.clone());
            if s.game.is_over() {
                let ghost = s
                    .ghost
                    .as_ref()
                    .map_or_else(String::new, |g| format!(" {}", g.result(&s.game)));
                format!("The game is over after {label}: the report, then the debrief.{ghost}")
            } else {
                format!(
                    "{label} is over. {} begins with fresh CEO weeks.",
                    s.game.state.date_label(s.content())
                )
            }
        } else {
            applied.headline
        };
        self.info(message);
        if applied.month_ended {
            self.autosave();
        }
        let event_open = self.layers.iter().any(|l| matches!(l, Layer::Event { .. }));
        if pending && !event_open {
            self.layers.push(Layer::Event { sel: None });
        }
        // Under the report: the student reads how the month went, then meets the pause.
        self.pause_if_due();
        if applied.month_ended {
            self.layers.push(Layer::Report { sel: 0 });
        }
    }

    /// Shows last month's plan, checked by the rules, before it is made again.
    pub(super) fn ask_plan(&mut self) {
        let Screen::Game(s) = &self.screen else {
            return;
        };
        match Plan::build(s) {
            Ok(plan) => self.layers.push(Layer::Plan(plan)),
            Err(why) => self.refuse(format!("✗ {why}")),
        }
    }

    /// Makes the allowed moves of a plan in order; each is checked again as it is made (an
    /// offer turned down changes nothing after it, but money spent does).
    pub(super) fn run_plan(&mut self, commands: Vec<Command>) {
        let Screen::Game(s) = &mut self.screen else {
            return;
        };
        let mut made = Vec::new();
        let mut refused = Vec::new();
        for cmd in commands {
            match s.apply(cmd) {
                Ok(a) => made.push(a.headline),
                Err(e) => {
                    let stop = matches!(e, RuleError::ChoicePending(_));
                    refused.push(e.to_string());
                    if stop {
                        break;
                    }
                }
            }
        }
        let weeks = s.game.state.player().weeks;
        let pending = s.game.state.pending.is_some() && !s.game.is_over();
        let mut text = format!(
            "Plan repeated: {} move{ms}, {weeks} week{ws} left. {}",
            made.len(),
            made.join(" "),
            ms = crate::text::s(made.len() as i64),
            ws = crate::text::s(weeks as i64)
        );
        if refused.is_empty() {
            self.info(text.trim_end().to_string());
        } else {
            text.push_str(&format!(" ✗ Refused: {}", refused.join("; ")));
            self.refuse(text);
        }
        if pending && !self.layers.iter().any(|l| matches!(l, Layer::Event { .. })) {
            self.layers.push(Layer::Event { sel: None });
        }
    }

    pub(super) fn refused(&mut self, e: RuleError) {
        let pending = matches!(e, RuleError::ChoicePending(_));
        self.refuse(format!("✗ {e}"));
        if pending && !self.layers.iter().any(|l| matches!(l, Layer::Event { .. })) {
            self.layers.push(Layer::Event { sel: None });
        }
    }

    /// The tab shown now, if a game is on.
    pub fn tab(&self) -> Option<Tab> {
        self.session().map(|s| s.tab)
    }
}
