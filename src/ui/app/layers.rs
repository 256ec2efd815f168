//! Actions on the layer on top: help, questions, menus, amounts, explanations, the month
//! report and a waiting event.

use crate::game::Command;

use super::super::dialog::{AmountKind, ConfirmYes, DialogResult};
use super::super::explain::explain;
use super::super::keys::Action;
use super::super::report::REPORT_FIGURES;
use super::{App, Layer, Screen};

impl App {
    pub(super) fn act_on_layer(&mut self, action: Action, digit: Option<u32>) {
        let Some(layer) = self.layers.last_mut() else {
            return;
        };
        match layer {
            Layer::Help { scroll, .. } | Layer::Explain { scroll, .. } => match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = scroll.saturating_add(1).min(600),
                Action::Back => {
                    self.layers.pop();
                }
                _ => {}
            },
            Layer::Confirm(c) => {
                let yes = c.yes.clone();
                self.layers.pop();
                match (action, yes) {
                    (Action::Yes, ConfirmYes::Quit { .. }) => self.quit = true,
                    (Action::Yes, ConfirmYes::EndMonth) => self.run(Command::EndMonth),
                    (Action::Yes, ConfirmYes::Overwrite(name)) => self.save_as(&name),
                    (Action::Save, ConfirmYes::Quit { .. }) => {
                        self.quit_after_save = true;
                        self.ask_save_name();
                    }
                    _ => self.quit_after_save = false,
                }
            }
            Layer::Menu(m) => match m.update(action) {
                DialogResult::Stay => {}
                DialogResult::Close => {
                    self.layers.pop();
                }
                DialogResult::Run(cmd) => {
                    self.layers.pop();
                    self.run(cmd);
                }
                DialogResult::Refuse(why) => self.refuse(format!("✗ {why}")),
            },
            Layer::Amount(a) => match a.update(action, digit) {
                DialogResult::Run(cmd) => {
                    let (kind, preset, typed) = (a.kind, a.preset, a.typing);
                    // A refused amount keeps the dialog open so the player can change it.
                    let verdict = self.session().map(|s| s.game.check(&cmd));
                    match verdict {
                        Some(Err(e)) => self.refuse(format!("✗ {e}")),
                        _ => {
                            self.layers.pop();
                            // The level chosen is the one `d` and a repeated plan use next.
                            if let Screen::Game(s) = &mut self.screen
                                && !typed
                            {
                                match kind {
                                    // An offer's level is remembered as it is made.
                                    AmountKind::Offer { .. } => {}
                                    _ => s.compute_preset = preset,
                                }
                            }
                            self.run(cmd);
                        }
                    }
                }
                DialogResult::Stay => {}
                DialogResult::Close => {
                    self.layers.pop();
                }
                DialogResult::Refuse(why) => self.refuse(format!("✗ {why}")),
            },
            Layer::Report { sel } => match action {
                Action::Up => *sel = sel.saturating_sub(1),
                Action::Down => *sel = (*sel + 1).min(REPORT_FIGURES.len() - 1),
                Action::Explain => {
                    let figure = REPORT_FIGURES[*sel];
                    if let Some(s) = self.session() {
                        let text = explain(s, figure);
                        self.layers.push(Layer::Explain { text, scroll: 0 });
                    }
                }
                Action::Choose | Action::Back => {
                    self.layers.pop();
                }
                Action::Repeat => {
                    self.layers.pop();
                    self.ask_plan();
                }
                Action::Quit => self.ask_quit(),
                _ => {}
            },
            Layer::Plan(plan) => match action {
                Action::Yes | Action::Choose => {
                    let moves = plan.allowed();
                    self.layers.pop();
                    if moves.is_empty() {
                        self.refuse("✗ Nothing in last month's plan is allowed now.");
                    } else {
                        self.run_plan(moves);
                    }
                }
                Action::No | Action::Back => {
                    self.layers.pop();
                }
                _ => {}
            },
            Layer::Event { sel } => {
                let options = match &self.screen {
                    Screen::Game(s) => s.game.state.pending.as_ref().map_or(0, |p| p.options.len()),
                    Screen::Title(_) => 0,
                };
                match (action, *sel) {
                    // The first arrow press only selects: nothing is answered by reflex.
                    (Action::Up | Action::Down, None) => *sel = Some(0),
                    (Action::Up, Some(i)) => *sel = Some(i.saturating_sub(1)),
                    (Action::Down, Some(i)) => *sel = Some((i + 1).min(options.saturating_sub(1))),
                    (Action::Choose, None) => {
                        self.refuse("Pick an answer with ↑↓ first, then press Enter.");
                    }
                    (Action::Choose, Some(i)) => {
                        let option = i as u8;
                        self.layers.pop();
                        self.run(Command::Choose(option));
                    }
                    (Action::Back, _) => {
                        self.layers.pop();
                        self.info(
                            "The event waits for your answer: any action (or n) brings it back.",
                        );
                    }
                    (Action::Quit, _) => self.ask_quit(),
                    _ => {}
                }
            }
            Layer::Pause(p) => match action {
                Action::Erase => p.erase(),
                Action::Choose => self.go_on_from_pause(),
                Action::Back => self.ask_quit(),
                _ => {}
            },
            Layer::SaveName(n) => match action {
                Action::Erase => n.erase(),
                Action::Choose => {
                    let name = n.text.clone();
                    let file = n.file_name();
                    let replaces = n.taken.iter().any(|t| format!("{t}.ron") == file);
                    let folder = n.folder.clone();
                    self.layers.pop();
                    // Replacing a file asks first, unless it is this game's own save.
                    let own =
                        self.session().and_then(|s| s.save_name.as_deref()) == Some(name.as_str());
                    if replaces && !own {
                        self.layers
                            .push(Layer::Confirm(super::super::dialog::Confirm {
                                question: format!(
                                    "{folder}/{file} exists. Replace it with this game?"
                                ),
                                yes: ConfirmYes::Overwrite(name),
                            }));
                    } else {
                        self.save_as(&name);
                    }
                }
                Action::Back => {
                    self.layers.pop();
                    self.quit_after_save = false;
                }
                _ => {}
            },
        }
    }
}
