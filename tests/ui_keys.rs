//! How many keys a month takes: whole race-2025 campaigns played through the interface's
//! own key handling by a player who wants what the `balanced` strategy wants, pressing the
//! fewest keys the interface offers for each move. Every key is a real key event (Enter, Esc
//! and Tab count like any other). With the quick keys the player looks at last month's plan
//! each month (`p`) and makes it (`y`) only when its moves are what the strategy wants anyway;
//! amounts come from the dialog when the usual one (`d`) is not the one wanted.
//!
//! Run `cargo test --profile ci --test all ui_keys -- --nocapture` to see the figures.

use crate::common;

use std::sync::Arc;

use ai_race::game::policy::{Policy, Strategy, next_command};
use ai_race::game::rng::Pcg32;
use ai_race::game::{Command, PLAYER};
use ai_race::ui::Theme;
use ai_race::ui::app::{App, Layer};
use ai_race::ui::dialog::{Amount, AmountKind, offer_amount};
use ai_race::ui::screens::{compute, dashboard, tech};
use ai_race::ui::session::{Session, Tab};
use common::*;
use crossterm::event::KeyCode;

/// Which keys the scripted player may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// Tab between screens, arrows to a row, Enter for its dialog, Enter to confirm.
    Classic,
    /// Number keys to jump, `d` to make the selected row's move at its usual amount, and `p`
    /// to repeat last month's plan at the start of each month.
    Quick,
    /// `Quick`, and `d` on the dashboard when its suggestion is the move wanted.
    Advised,
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
        if self.keys != Keys::Classic {
            if self.s().tab != want {
                let n = tabs.iter().position(|t| *t == want).expect("tab") + 1;
                self.ch(char::from_digit(n as u32, 10).expect("one digit"));
            }
            assert_eq!(self.s().tab, want);
            return;
        }
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
        let nearest = nearest(dialog, value);
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
        if self.keys == Keys::Advised
            && self.s().tab == Tab::Dashboard
            && dashboard::suggestion(self.s()).as_ref() == Some(cmd)
        {
            self.ch('d');
            return self.decisions() > before;
        }
        if self.keys != Keys::Classic && self.make_quick(cmd) {
            self.close_layers();
            return self.decisions() > before;
        }
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
            | Command::Intelligence
            | Command::Deal(_) => {
                let row = match cmd {
                    Command::OpenRelease => compute::Row::OpenRelease,
                    Command::SafetyReview => compute::Row::SafetyReview,
                    Command::ShipAi => compute::Row::ShipAi,
                    Command::Morale => compute::Row::Morale,
                    Command::Intelligence => compute::Row::Intelligence,
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

    /// Makes `cmd` with a jump and `d` where `d` does what is wanted; `false` when the
    /// dialog is needed (another amount, or building instead of adopting).
    fn make_quick(&mut self, cmd: &Command) -> bool {
        match cmd {
            Command::Offer { person, salary } => {
                let dialog = Amount::offer(&self.s().game, *person);
                let _ = dialog;
                if offer_amount(&self.s().game, *person, self.s().offer_pct) != *salary {
                    return false;
                }
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
            }
            Command::Adopt(id) => {
                let row = self.tech_row(tech::Row::Tech(self.tech_index(id)));
                self.go_to(Tab::Tech);
                self.walk(self.s().tech_sel, row);
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
            }
            Command::BuildDataCentre(k) | Command::LeaseCompute(k) => {
                let c = &self.s().content().balance.compute;
                let (row, dialog) = match cmd {
                    Command::BuildDataCentre(_) => (
                        compute::Row::DataCentre,
                        Amount::compute(AmountKind::DataCentre, c.max_data_centre),
                    ),
                    _ => (
                        compute::Row::Lease,
                        Amount::compute(AmountKind::Lease, c.max_lease),
                    ),
                };
                if nearest(&dialog, *k) != self.s().compute_preset {
                    return false;
                }
                let row = self.compute_row(row);
                self.go_to(Tab::Compute);
                self.walk(self.s().action_sel, row);
            }
            Command::OpenRelease
            | Command::SafetyReview
            | Command::ShipAi
            | Command::Morale
            | Command::Intelligence
            | Command::Deal(_) => {
                let row = match cmd {
                    Command::OpenRelease => compute::Row::OpenRelease,
                    Command::SafetyReview => compute::Row::SafetyReview,
                    Command::ShipAi => compute::Row::ShipAi,
                    Command::Morale => compute::Row::Morale,
                    Command::Intelligence => compute::Row::Intelligence,
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
            }
            _ => return false,
        }
        self.ch('d');
        true
    }

    /// Looks at last month's plan (`p`) and makes it (`y`) when its moves are kinds of move
    /// the strategy wants this month anyway; otherwise closes it (Esc) and plays by hand.
    fn repeat_plan(&mut self, strategy: &Strategy, rng: &mut Pcg32) {
        if self.keys == Keys::Classic || self.s().game.state.month == 0 {
            return;
        }
        if top_layer(&self.app).is_none() {
            self.ch('p');
        }
        let Some(Layer::Plan(plan)) = self.app.layers.last() else {
            return;
        };
        let mut wanted = self.month_wanted(strategy, rng);
        let allowed = plan.allowed();
        let fits = !allowed.is_empty()
            && allowed.iter().all(|c| {
                match wanted
                    .iter()
                    .position(|w| std::mem::discriminant(w) == std::mem::discriminant(c))
                {
                    Some(i) => {
                        wanted.remove(i);
                        true
                    }
                    None => false,
                }
            });
        if fits {
            self.ch('y');
        } else {
            self.press(KeyCode::Esc);
        }
    }

    /// The moves the strategy would make this month from here (played on a copy of the game).
    fn month_wanted(&self, strategy: &Strategy, rng: &mut Pcg32) -> Vec<Command> {
        let mut game = self.s().game.clone();
        let mut done = self.this_month();
        let mut wanted = Vec::new();
        for _ in 0..12 {
            let cmd = next_command(strategy, &game.content, &game.state, rng, &done);
            if matches!(cmd, Command::EndMonth | Command::Choose(_)) || game.apply(&cmd).is_err() {
                break;
            }
            done.push(cmd.clone());
            wanted.push(cmd);
        }
        wanted
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
                // The report's `p` closes it and shows this month's plan.
                Some("report") if self.keys != Keys::Classic && self.app.layers.len() == 1 => {
                    self.ch('p');
                    return;
                }
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
        self.s().record.moves_in(self.s().game.state.month)
    }
}

/// Plays race-2025 (seed 4242, the playtest's world) to its end and returns the keys pressed
/// per month played.
fn campaign(keys: Keys, seed: u64) -> (u16, u32) {
    let content = ai_race::content::load_builtin("race-2025", None).expect("race-2025 loads");
    let session = Session::new(Arc::new(content), seed);
    let app = App::with_session(Theme::new(false), (80, 24), session);
    let mut player = Player {
        app,
        keys,
        pressed: 0,
    };
    let strategy = Policy::Balanced.strategy();
    let mut rng = Pcg32::new(seed, 0x90_11C7);
    let mut months = 0u16;
    while !player.s().game.is_over() {
        assert!(months < 60, "the campaign does not end");
        player.settle(&strategy, &mut rng);
        if player.s().game.is_over() {
            break;
        }
        let month = player.s().game.state.month;
        player.repeat_plan(&strategy, &mut rng);
        player.settle(&strategy, &mut rng);
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
    let st = &player.s().game.state;
    let moves = player
        .s()
        .record
        .decisions()
        .iter()
        .filter(|(_, c)| !matches!(c, Command::EndMonth | Command::Choose(_)))
        .count();
    println!(
        "{keys:?}, seed {seed}: {} keys, {months} months, {moves} moves, rank {} of {}, progress {}, {:?}",
        player.pressed,
        st.player_rank(),
        st.labs.len(),
        st.labs[usize::from(PLAYER)].progress().display(),
        st.ending
            .as_ref()
            .map(|e| format!("{e:?}"))
            .unwrap_or_default()
    );
    (months, player.pressed)
}

/// The preset of an amount dialog nearest `value`.
fn nearest(dialog: &Amount, value: u32) -> usize {
    dialog
        .presets
        .iter()
        .enumerate()
        .min_by_key(|(_, (v, _))| v.abs_diff(value))
        .map_or(dialog.preset, |(i, _)| i)
}

/// Three worlds of race-2025 (the playtest's seed 4242, then 1 and 2), played to their ends;
/// the keys a month over all of them.
fn keys_a_month(keys: Keys) -> f64 {
    let (mut months, mut pressed) = (0u32, 0u32);
    for seed in [4242, 1, 2] {
        let (m, p) = campaign(keys, seed);
        assert!(m >= 10, "a campaign of {m} months");
        months += u32::from(m);
        pressed += p;
    }
    let per_month = f64::from(pressed) / f64::from(months);
    println!("{keys:?}: {pressed} keys over {months} months, {per_month:.1} a month");
    per_month
}

/// Before issue 10: Tab, arrows and a dialog for every move (about 25 keys a month).
#[test]
fn a_race_campaign_by_classic_keys_is_measured() {
    let per_month = keys_a_month(Keys::Classic);
    assert!(per_month > 15.0, "{per_month:.1} keys a month");
}

/// Jumps, `d` and the repeated plan, but never the dashboard's suggestion: fewer keys than
/// the classic way even for a player who always picks their own rows (walking the lists to
/// them is most of what is left).
#[test]
fn jumps_direct_keys_and_the_plan_cut_the_keys() {
    let classic = keys_a_month(Keys::Classic);
    let quick = keys_a_month(Keys::Quick);
    assert!(quick <= classic * 0.8, "{quick:.1} against {classic:.1}");
}

/// Issue 10's goal: a month in 10 keys or fewer on average with every key the interface
/// offers (jumps, `d` on rows and on the dashboard's suggestion, the repeated plan).
#[test]
fn a_race_campaign_takes_ten_keys_a_month_or_fewer() {
    let per_month = keys_a_month(Keys::Advised);
    assert!(per_month <= 10.0, "{per_month:.1} keys a month");
}

/// `p` shows last month's moves as this month would make them, says what the rules refuse
/// and why, and `y` makes the allowed ones; before any month has passed it says there is
/// nothing to repeat.
#[test]
fn the_repeated_plan_shows_each_move_and_one_key_makes_them() {
    let mut app = classroom_app(80, 24);
    ch(&mut app, 'p');
    let status = app.status.clone().expect("a refusal");
    assert!(status.text.contains("no last month"), "{}", status.text);
    // Month 1: a safety review and the first pipeline stage, by direct keys.
    ch(&mut app, '5');
    let safety = compute::rows(session(&app))
        .iter()
        .position(|r| *r == compute::Row::SafetyReview)
        .expect("safety row");
    for _ in 0..safety {
        press(&mut app, KeyCode::Down);
    }
    ch(&mut app, 'd');
    ch(&mut app, '4');
    ch(&mut app, 'd');
    assert_eq!(
        session(&app).record.decisions().len(),
        2,
        "{:?}",
        app.status
    );
    end_month_keep_report(&mut app);
    // From the report, p goes straight to the plan.
    ch(&mut app, 'p');
    assert_eq!(top_layer(&app), Some("plan"));
    insta::assert_snapshot!("plan_80x24", render(&mut app, 80, 24));
    let wide = render(&mut app, 160, 50);
    insta::assert_snapshot!("plan_160x50", wide);
    assert!(wide.contains("✓ Invest in safety review"), "{wide}");
    // The stage started last month is still under way: the next one waits for the team.
    assert!(wide.contains("✗ Start the next pipeline stage"), "{wide}");
    let month = session(&app).game.state.month;
    ch(&mut app, 'y');
    assert_eq!(top_layer(&app), None);
    let made: Vec<&Command> = session(&app)
        .record
        .decisions()
        .iter()
        .filter(|(m, _)| *m == month)
        .map(|(_, c)| c)
        .collect();
    assert_eq!(made, vec![&Command::SafetyReview]);
}

/// Ends the month by keys and leaves the report open (an event is answered first).
fn end_month_keep_report(app: &mut App) {
    ch(app, 'n');
    if top_layer(app) == Some("confirm") {
        ch(app, 'y');
    }
    assert_eq!(top_layer(app), Some("report"));
}

/// Number keys jump to screens, and a number with no screen says so.
#[test]
fn number_keys_jump_to_screens() {
    let mut app = classroom_app(80, 24);
    for (key, want) in [
        ('2', Tab::Talent),
        ('6', Tab::Rivals),
        ('3', Tab::Tech),
        ('1', Tab::Dashboard),
    ] {
        ch(&mut app, key);
        assert_eq!(tab(&app), Some(want));
    }
    ch(&mut app, '7');
    assert_eq!(tab(&app), Some(Tab::Dashboard));
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("No screen 7"))
    );
}
