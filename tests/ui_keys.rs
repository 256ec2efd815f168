//! How many keys a month takes: a whole race-2025 campaign played through the interface's
//! own key handling by a player who wants what the `balanced` strategy wants, pressing the
//! fewest keys the interface offers for each move. Every key is a real key event (Enter, Esc
//! and Tab count like any other).
//!
//! Run `cargo test --test ui_keys -- --nocapture` to see the figures.

mod common;

use std::sync::Arc;

use ai_race::game::policy::{Policy, Strategy, next_command};
use ai_race::game::rng::Pcg32;
use ai_race::game::{Command, PLAYER};
use ai_race::ui::Theme;
use ai_race::ui::app::App;
use ai_race::ui::dialog::{Amount, AmountKind};
use ai_race::ui::screens::{compute, tech};
use ai_race::ui::session::{Session, Tab};
use common::*;
use crossterm::event::KeyCode;

/// Which keys the scripted player may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// Tab between screens, arrows to a row, Enter for its dialog, Enter to confirm.
    Classic,
}

/// A player at the keyboard, counting every key.
struct Player {
    app: App,
    keys: Keys,
    pressed: u32,
}

impl Player {
    fn press(&mut self, code: KeyCode) {
        press(&mut self.app, code);
        self.pressed += 1;
    }

    fn ch(&mut self, c: char) {
        self.press(KeyCode::Char(c));
    }

    fn s(&self) -> &Session {
        session(&self.app)
    }

    fn decisions(&self) -> usize {
        self.s().record.decisions().len()
    }

    /// Goes to a screen by the shortest way the keys allow.
    fn go_to(&mut self, want: Tab) {
        let tabs = self.s().tabs();
        let at = tabs.iter().position(|t| *t == self.s().tab).unwrap_or(0);
        let to = tabs.iter().position(|t| *t == want).expect("tab exists");
        let n = tabs.len();
        let forward = (to + n - at) % n;
        if forward <= n - forward {
            for _ in 0..forward {
                self.press(KeyCode::Tab);
            }
        } else {
            for _ in 0..n - forward {
                self.press(KeyCode::BackTab);
            }
        }
        assert_eq!(self.s().tab, want);
    }

    /// Moves a list's selection from `from` to `to` with the arrows.
    fn walk(&mut self, from: usize, to: usize) {
        let code = if to > from {
            KeyCode::Down
        } else {
            KeyCode::Up
        };
        for _ in 0..from.abs_diff(to) {
            self.press(code);
        }
    }

    /// Steps an amount dialog's presets to the one nearest `value`, then confirms it.
    fn pick_amount(&mut self, dialog: &Amount, value: u32) {
        let nearest = dialog
            .presets
            .iter()
            .enumerate()
            .min_by_key(|(_, (v, _))| v.abs_diff(value))
            .map_or(dialog.preset, |(i, _)| i);
        let code = if nearest > dialog.preset {
            KeyCode::Right
        } else {
            KeyCode::Left
        };
        for _ in 0..nearest.abs_diff(dialog.preset) {
            self.press(code);
        }
        self.press(KeyCode::Enter);
    }

    /// Closes whatever the last command left open (a refused dialog stays open).
    fn close_layers(&mut self) {
        while top_layer(&self.app).is_some_and(|l| l == "menu" || l == "amount") {
            self.press(KeyCode::Esc);
        }
    }

    /// Makes `cmd` by keys; whether the rules took it.
    fn make(&mut self, cmd: &Command) -> bool {
        let before = self.decisions();
        match cmd {
            Command::Offer { person, salary } => {
                let row = self
                    .s()
                    .game
                    .state
                    .market
                    .iter()
                    .position(|p| p == person)
                    .expect("the candidate is in the market");
                self.go_to(Tab::Talent);
                self.walk(self.s().talent_sel, row);
                self.press(KeyCode::Enter);
                let dialog = Amount::offer(&self.s().game, *person);
                self.pick_amount(&dialog, *salary);
            }
            Command::Adopt(id) | Command::Build(id) | Command::AdoptThenBuild(id) => {
                let i = self.tech_index(id);
                let row = self.tech_row(tech::Row::Tech(i));
                let option = match cmd {
                    Command::Adopt(_) => 0,
                    Command::Build(_) => 1,
                    _ => 2,
                };
                self.go_to(Tab::Tech);
                self.walk(self.s().tech_sel, row);
                self.press(KeyCode::Enter);
                self.walk(0, option);
                self.press(KeyCode::Enter);
            }
            Command::Retire(id) => {
                let i = self
                    .s()
                    .content()
                    .legacy
                    .iter()
                    .position(|l| l.id == *id)
                    .expect("legacy system");
                let row = self.tech_row(tech::Row::Legacy(i));
                self.go_to(Tab::Tech);
                self.walk(self.s().tech_sel, row);
                self.press(KeyCode::Enter);
                self.press(KeyCode::Enter);
            }
            Command::Upgrade(id) => {
                let row = self
                    .s()
                    .content()
                    .stages
                    .iter()
                    .position(|s| s.id == *id)
                    .expect("stage");
                self.go_to(Tab::Pipeline);
                self.walk(self.s().stage_sel, row);
                self.press(KeyCode::Enter);
                self.press(KeyCode::Enter);
            }
            Command::BuildDataCentre(k) | Command::LeaseCompute(k) => {
                let (row, kind, max) = {
                    let c = &self.s().content().balance.compute;
                    match cmd {
                        Command::BuildDataCentre(_) => (
                            compute::Row::DataCentre,
                            AmountKind::DataCentre,
                            c.max_data_centre,
                        ),
                        _ => (compute::Row::Lease, AmountKind::Lease, c.max_lease),
                    }
                };
                let row = self.compute_row(row);
                self.go_to(Tab::Compute);
                self.walk(self.s().action_sel, row);
                self.press(KeyCode::Enter);
                self.pick_amount(&Amount::compute(kind, max), *k);
            }
            Command::OpenRelease
            | Command::SafetyReview
            | Command::ShipAi
            | Command::Morale
            | Command::Deal(_) => {
                let row = match cmd {
                    Command::OpenRelease => compute::Row::OpenRelease,
                    Command::SafetyReview => compute::Row::SafetyReview,
                    Command::ShipAi => compute::Row::ShipAi,
                    Command::Morale => compute::Row::Morale,
                    Command::Deal(id) => compute::Row::Deal(
                        self.s()
                            .content()
                            .deals
                            .iter()
                            .position(|d| d.id == *id)
                            .expect("deal"),
                    ),
                    _ => unreachable!(),
                };
                let row = self.compute_row(row);
                self.go_to(Tab::Compute);
                self.walk(self.s().action_sel, row);
                self.press(KeyCode::Enter);
                self.press(KeyCode::Enter);
            }
            other => panic!("not a move the player makes by hand: {other:?}"),
        }
        self.close_layers();
        self.decisions() > before
    }

    fn tech_index(&self, id: &str) -> usize {
        self.s()
            .content()
            .techs
            .iter()
            .position(|t| t.id == id)
            .expect("tech")
    }

    fn tech_row(&self, row: tech::Row) -> usize {
        tech::rows(self.s())
            .iter()
            .position(|r| *r == row)
            .expect("row")
    }

    fn compute_row(&self, row: compute::Row) -> usize {
        compute::rows(self.s())
            .iter()
            .position(|r| *r == row)
            .expect("row")
    }

    /// Closes the month report and answers a waiting event the way the strategy would.
    fn settle(&mut self, strategy: &Strategy, rng: &mut Pcg32) {
        for _ in 0..10 {
            match top_layer(&self.app) {
                Some("report") => self.press(KeyCode::Enter),
                Some("event") => {
                    let s = self.s();
                    let answer = next_command(strategy, s.content(), &s.game.state, rng, &[]);
                    let Command::Choose(i) = answer else {
                        panic!("an event is answered with a choice, not {answer:?}");
                    };
                    // The first ↓ selects the first option; each further ↓ the next one.
                    for _ in 0..=i {
                        self.press(KeyCode::Down);
                    }
                    self.press(KeyCode::Enter);
                }
                Some(other) => panic!("unexpected {other} open at the start of a month"),
                None => return,
            }
        }
    }

    /// The moves already made this month, as the strategy counts them.
    fn this_month(&self) -> Vec<Command> {
        let month = self.s().game.state.month;
        self.s()
            .record
            .decisions()
            .iter()
            .filter(|(m, c)| *m == month && *c != Command::EndMonth)
            .map(|(_, c)| c.clone())
            .collect()
    }
}

/// Plays race-2025 (seed 4242, the playtest's world) to its end and returns the keys pressed
/// per month played.
fn campaign(keys: Keys) -> (f64, u16, u32) {
    let content = ai_race::content::load_builtin("race-2025", None).expect("race-2025 loads");
    let session = Session::new(Arc::new(content), 4242);
    let app = App::with_session(Theme::new(false), (80, 24), session);
    let mut player = Player {
        app,
        keys,
        pressed: 0,
    };
    let strategy = Policy::Balanced.strategy();
    let mut rng = Pcg32::new(4242, 0x90_11C7);
    let mut months = 0u16;
    while !player.s().game.is_over() {
        assert!(months < 60, "the campaign does not end");
        player.settle(&strategy, &mut rng);
        if player.s().game.is_over() {
            break;
        }
        let month = player.s().game.state.month;
        for _ in 0..12 {
            let s = player.s();
            if s.game.state.pending.is_some() {
                player.settle(&strategy, &mut rng);
                continue;
            }
            let done = player.this_month();
            let s = player.s();
            let want = next_command(&strategy, s.content(), &s.game.state, &mut rng, &done);
            if want == Command::EndMonth || !player.make(&want) {
                break;
            }
        }
        // End the month: n, and y when weeks are left (it asks).
        player.ch('n');
        if top_layer(&player.app) == Some("confirm") {
            player.ch('y');
        }
        assert_ne!(player.s().game.state.month, month, "the month ended");
        months += 1;
    }
    let _ = PLAYER;
    let per_month = f64::from(player.pressed) / f64::from(months);
    (per_month, months, player.pressed)
}

#[test]
fn a_race_campaign_by_classic_keys_is_measured() {
    let (per_month, months, total) = campaign(Keys::Classic);
    println!("classic keys: {total} keys over {months} months, {per_month:.1} a month");
    assert!(months >= 10, "a campaign of {months} months");
}
