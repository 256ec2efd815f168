//! The one place for decisions and confirmations. A [`Menu`] lays out an action's pros, cons
//! and costs with its options, each already checked by the rules (a refused option says why);
//! an [`Amount`] asks for a salary or a number of GPUs with presets or a typed figure, showing
//! the cost and odds live; a [`Confirm`] asks a yes/no question before ending a month or
//! quitting.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::game::rules::{
    DATA_CENTRE_COST, DATA_CENTRE_MONTHS, LEASE_MONTHLY, LEASE_MONTHS, MAX_DATA_CENTRE, MAX_LEASE,
    acceptance_permille, counter_permille, offer_range, signing_bonus,
};
use crate::game::state::PersonId;
use crate::game::units::{Money, money};
use crate::game::{Command, Game, PLAYER};

use super::explain::Tone;
use super::keys::{Action, Hint, hint};
use super::session::Session;
use super::theme::Theme;
use super::widgets::{centered, fit, popup, put, tone_style, toned_text, wrap};

const MENU_WIDTH: u16 = 76;

/// What answering "yes" does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfirmYes {
    EndMonth,
    Quit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub yes: ConfirmYes,
}

/// One option of a menu, with the rules' verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuOption {
    pub label: String,
    pub command: Command,
    /// Why the rules refuse it now, if they do.
    pub refusal: Option<String>,
}

impl MenuOption {
    /// An option checked against the rules now.
    pub fn checked(game: &Game, label: String, command: Command) -> MenuOption {
        let refusal = game.check(&command).err().map(|e| e.to_string());
        MenuOption {
            label,
            command,
            refusal,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    pub title: String,
    pub body: Vec<(String, Tone)>,
    pub options: Vec<MenuOption>,
    pub sel: usize,
}

/// What a dialog asks the app to do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogResult {
    Stay,
    Close,
    Run(Command),
    Refuse(String),
}

impl Menu {
    pub fn hints(&self) -> Vec<Hint> {
        vec![
            hint(Action::Up, "option"),
            hint(Action::Down, "option"),
            hint(Action::Choose, "do it"),
            hint(Action::Back, "cancel"),
            hint(Action::Help, "help"),
        ]
    }

    pub fn update(&mut self, action: Action) -> DialogResult {
        let n = self.options.len();
        match action {
            Action::Up => self.sel = self.sel.saturating_sub(1),
            Action::Down => self.sel = (self.sel + 1).min(n.saturating_sub(1)),
            Action::Choose => {
                return match self.options.get(self.sel) {
                    Some(o) => match &o.refusal {
                        Some(why) => DialogResult::Refuse(why.clone()),
                        None => DialogResult::Run(o.command.clone()),
                    },
                    None => DialogResult::Close,
                };
            }
            Action::Back => return DialogResult::Close,
            _ => {}
        }
        DialogResult::Stay
    }

    /// The body wrapped to the popup's inner width, one entry per screen row.
    fn wrapped(&self, area: Rect) -> Vec<(String, Tone)> {
        let w = usize::from(MENU_WIDTH.min(area.width).saturating_sub(2));
        self.body
            .iter()
            .flat_map(|(text, tone)| wrap(text, w).into_iter().map(move |l| (l, *tone)))
            .collect()
    }

    /// The popup's area within `area`.
    pub fn area(&self, area: Rect) -> Rect {
        let h = self.wrapped(area).len() + self.options.len() * 2 + 3;
        centered(area, MENU_WIDTH, h.min(usize::from(u16::MAX)) as u16)
    }

    /// The option under a row of the screen, for mouse clicks.
    pub fn option_at(&self, area: Rect, y: u16) -> Option<usize> {
        let r = self.area(area);
        let first = r.y + 1 + self.wrapped(area).len() as u16 + 1;
        if y < first {
            return None;
        }
        let i = usize::from((y - first) / 2);
        (i < self.options.len()).then_some(i)
    }

    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let r = self.area(area);
        let inner = popup(&self.title, theme, r, buf);
        let body = self.wrapped(area);
        let body_h = body.len() as u16;
        for (i, (text, tone)) in body.iter().enumerate() {
            put(
                Line::styled(text.as_str(), tone_style(*tone, theme)),
                inner,
                i as u16,
                buf,
            );
        }
        let w = usize::from(inner.width);
        for (i, o) in self.options.iter().enumerate() {
            let y = body_h + 1 + 2 * i as u16;
            let selected = i == self.sel;
            let mark = if selected { "▶ " } else { "  " };
            let style = match (selected, o.refusal.is_some()) {
                (true, _) => theme.selected(),
                (false, true) => theme.disabled(),
                (false, false) => theme.base(),
            };
            put(
                Line::styled(fit(&format!("{mark}{}", o.label), w), style),
                inner,
                y,
                buf,
            );
            let why = match &o.refusal {
                Some(r) => Span::styled(format!("    ✗ {r}"), theme.bad()),
                None => Span::styled("    ✓ allowed now", theme.good()),
            };
            put(Line::from(why), inner, y + 1, buf);
        }
    }
}

/// What an amount is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountKind {
    Offer { person: PersonId },
    DataCentre,
    Lease,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub kind: AmountKind,
    pub value: u32,
    /// Presets and their names; Left and Right step through them.
    pub presets: Vec<(u32, &'static str)>,
    pub preset: usize,
    /// Whether the player is typing a figure (the first digit replaces the preset).
    pub typing: bool,
}

impl Amount {
    pub fn offer(game: &Game, person: PersonId) -> Amount {
        let ask = game
            .state
            .people
            .get(person as usize)
            .map_or(1, |p| p.salary);
        let (min, max) = offer_range(ask);
        let presets = vec![
            ((ask * 80 / 100).max(min), "below the ask"),
            (ask, "the ask"),
            ((ask * 120 / 100).min(max), "above the ask"),
            ((ask * 150 / 100).min(max), "well above the ask"),
        ];
        Amount {
            kind: AmountKind::Offer { person },
            value: ask,
            presets,
            preset: 1,
            typing: false,
        }
    }

    pub fn compute(kind: AmountKind) -> Amount {
        let presets = vec![
            (10, "small"),
            (25, "medium"),
            (50, "large"),
            (100, "very large"),
        ];
        Amount {
            kind,
            value: 25,
            presets,
            preset: 1,
            typing: false,
        }
    }

    pub fn command(&self) -> Command {
        match self.kind {
            AmountKind::Offer { person } => Command::Offer {
                person,
                salary: self.value,
            },
            AmountKind::DataCentre => Command::BuildDataCentre(self.value),
            AmountKind::Lease => Command::LeaseCompute(self.value),
        }
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![
            hint(Action::Left, "less"),
            hint(Action::Right, "more"),
            hint(Action::Digit, "type"),
            hint(Action::Erase, "erase"),
            hint(Action::Choose, "confirm"),
            hint(Action::Back, "cancel"),
            hint(Action::Help, "help"),
        ]
    }

    pub fn update(&mut self, action: Action, digit: Option<u32>) -> DialogResult {
        match action {
            Action::Left | Action::Right => {
                let n = self.presets.len();
                self.preset = if action == Action::Left {
                    self.preset.saturating_sub(1)
                } else {
                    (self.preset + 1).min(n.saturating_sub(1))
                };
                if let Some((v, _)) = self.presets.get(self.preset) {
                    self.value = *v;
                }
                self.typing = false;
            }
            Action::Digit => {
                if let Some(d) = digit {
                    if !self.typing {
                        self.value = 0;
                        self.typing = true;
                    }
                    self.value = (self.value * 10 + d).min(99_999);
                }
            }
            Action::Erase => {
                self.typing = true;
                self.value /= 10;
            }
            Action::Choose => return DialogResult::Run(self.command()),
            Action::Back => return DialogResult::Close,
            _ => {}
        }
        DialogResult::Stay
    }

    pub fn area(area: Rect) -> Rect {
        centered(area, 70, 18)
    }

    /// The dialog's text for the current value, every figure from the rules.
    pub fn body(&self, s: &Session) -> (String, Vec<(String, Tone)>) {
        let g = &s.game;
        let v = self.value;
        let mut lines = Vec::new();
        let verdict = g.check(&self.command());
        let title;
        match self.kind {
            AmountKind::Offer { person } => {
                let Some(p) = g.state.people.get(person as usize) else {
                    return (String::from("Offer"), lines);
                };
                title = format!("Offer to {}", p.name);
                let (min, max) = offer_range(p.salary);
                lines.push((
                    format!(
                        "{}, skill {}{}; asks {} a year",
                        p.title,
                        p.skill,
                        if p.star { ", a star" } else { "" },
                        money(Money::from(p.salary))
                    ),
                    Tone::Normal,
                ));
                let weeks = if p.star { 2 } else { 1 };
                lines.push((
                    format!(
                        "Closing takes {weeks} CEO week(s); accepted offers pay a signing bonus of {}.",
                        money(signing_bonus(v))
                    ),
                    Tone::Dim,
                ));
                lines.push((String::new(), Tone::Normal));
                let which = self
                    .presets
                    .iter()
                    .find(|(x, _)| *x == v)
                    .map_or("your figure", |(_, n)| n);
                lines.push((
                    format!("Offer: {} a year ({which})", money(Money::from(v))),
                    Tone::Heading,
                ));
                lines.push((
                    format!(
                        "Allowed: {} to {} a year",
                        money(Money::from(min)),
                        money(Money::from(max))
                    ),
                    Tone::Dim,
                ));
                if v >= min && v <= max {
                    lines.push((
                        format!("If they accept: {} a month more in salaries.", monthly(v)),
                        Tone::Normal,
                    ));
                    let odds = acceptance_permille(&g.state, PLAYER, person, v);
                    lines.push((
                        format!("Chance they accept: about {}%", odds / 10),
                        Tone::Normal,
                    ));
                    if let Some(e) = p.employer
                        && e != PLAYER
                    {
                        let c = counter_permille(g.state.lab(e).personality);
                        lines.push((
                            format!(
                                "{} counters about {}% of the time, which lowers the odds (less so at 150%+ of the ask)",
                                g.content.labs[usize::from(e)].short,
                                c / 10
                            ),
                            Tone::Dim,
                        ));
                    }
                    if v >= crate::game::rules::BIG_PACKAGE {
                        lines.push((
                            "A nine-figure package worries the board.".to_string(),
                            Tone::Dim,
                        ));
                    }
                }
            }
            AmountKind::DataCentre => {
                title = "Build a data centre".to_string();
                lines.push((
                    format!(
                        "Owned GPUs: {} per thousand up front, online after {DATA_CENTRE_MONTHS} months,",
                        money(DATA_CENTRE_COST)
                    ),
                    Tone::Normal,
                ));
                lines.push(("then cheap to run. 1 CEO week.".to_string(), Tone::Normal));
                lines.push((String::new(), Tone::Normal));
                lines.push((
                    format!(
                        "{v}k GPUs: {} now, online in {DATA_CENTRE_MONTHS} months",
                        money(Money::from(v) * DATA_CENTRE_COST)
                    ),
                    Tone::Heading,
                ));
                lines.push((format!("Allowed: 1k to {MAX_DATA_CENTRE}k"), Tone::Dim));
            }
            AmountKind::Lease => {
                title = "Lease cloud GPUs".to_string();
                lines.push((
                    format!(
                        "Leased GPUs arrive at once, cost {} per thousand every month and go back after {LEASE_MONTHS} months.",
                        money(LEASE_MONTHLY)
                    ),
                    Tone::Normal,
                ));
                lines.push(("1 CEO week.".to_string(), Tone::Normal));
                lines.push((String::new(), Tone::Normal));
                lines.push((
                    format!(
                        "{v}k GPUs: {} now and {} every month",
                        money(Money::from(v) * LEASE_MONTHLY),
                        money(Money::from(v) * LEASE_MONTHLY)
                    ),
                    Tone::Heading,
                ));
                lines.push((format!("Allowed: 1k to {MAX_LEASE}k"), Tone::Dim));
            }
        }
        lines.push((String::new(), Tone::Normal));
        match verdict {
            Ok(_) => lines.push(("✓ allowed now: Enter to confirm".to_string(), Tone::Good)),
            Err(e) => lines.push((format!("✗ {e}"), Tone::Bad)),
        }
        (title, lines)
    }

    pub fn render(&self, s: &Session, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let r = Amount::area(area);
        let (title, lines) = self.body(s);
        let inner = popup(&title, theme, r, buf);
        let presets: Vec<Span> = self
            .presets
            .iter()
            .enumerate()
            .flat_map(|(i, (v, _))| {
                let label = match self.kind {
                    AmountKind::Offer { .. } => money(Money::from(*v)),
                    _ => format!("{v}k"),
                };
                let style = if *v == self.value {
                    theme.selected()
                } else {
                    theme.base()
                };
                [
                    Span::raw(if i == 0 { "◀ " } else { "  " }),
                    Span::styled(label, style),
                ]
            })
            .chain([
                Span::raw(" ▶   or type: "),
                Span::styled(format!("{}▏", self.value), theme.key()),
            ])
            .collect();
        put(Line::from(presets), inner, 0, buf);
        let rest = Rect {
            y: inner.y + 2,
            height: inner.height.saturating_sub(2),
            ..inner
        };
        toned_text(&lines, 0, theme, rest, buf);
    }
}

/// A yearly salary as a monthly amount, with tenths below $10M ("$0.7M").
fn monthly(yearly: u32) -> String {
    if yearly >= 120 {
        money(Money::from(yearly) / 12)
    } else {
        let tenths = yearly * 10 / 12;
        format!("${}.{}M", tenths / 10, tenths % 10)
    }
}

impl Confirm {
    pub fn hints(&self) -> Vec<Hint> {
        vec![
            hint(Action::Yes, "yes"),
            hint(Action::No, "no"),
            hint(Action::Back, "no"),
        ]
    }

    pub fn render(&self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let w = (self.question.chars().count() as u16 + 6).clamp(30, 76);
        let r = centered(area, w, 6);
        let inner = popup("Are you sure?", theme, r, buf);
        let lines = vec![
            (self.question.clone(), Tone::Normal),
            (String::new(), Tone::Normal),
        ];
        toned_text(&lines, 0, theme, inner, buf);
        put(
            Line::from(vec![
                Span::styled("y", theme.key()),
                Span::raw(" yes   "),
                Span::styled("n", theme.key()),
                Span::raw(" no"),
            ]),
            inner,
            inner.height.saturating_sub(1),
            buf,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use std::sync::Arc;

    #[test]
    fn monthly_salaries_keep_tenths_when_small() {
        assert_eq!(monthly(9), "$0.7M");
        assert_eq!(monthly(240), "$20M");
    }

    #[test]
    fn typing_replaces_the_preset_and_erasing_edits_it() {
        let content = Arc::new(content::load_builtin("classroom", None).expect("loads"));
        let game = Game::new(content, 1);
        let mut a = Amount::offer(&game, game.state.market[0]);
        a.update(Action::Digit, Some(4));
        a.update(Action::Digit, Some(2));
        assert_eq!(a.value, 42);
        a.update(Action::Erase, None);
        assert_eq!(a.value, 4);
        a.update(Action::Right, None);
        assert!(!a.typing);
    }
}
