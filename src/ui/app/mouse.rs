//! The mouse: the wheel scrolls, a click selects a tab or a row, a second click chooses it.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::super::keys::Action;
use super::super::screens;
use super::super::view;
use super::{App, Layer, Screen};

impl App {
    pub(super) fn mouse(&mut self, m: MouseEvent) {
        if self.too_small() {
            return;
        }
        let accepted = self.hints();
        let accepts = |a: Action| accepted.iter().any(|h| h.action == a);
        match m.kind {
            MouseEventKind::ScrollUp if accepts(Action::Up) => self.act(Action::Up, None),
            MouseEventKind::ScrollDown if accepts(Action::Down) => self.act(Action::Down, None),
            MouseEventKind::Down(MouseButton::Left) => self.click(m.column, m.row),
            _ => {}
        }
    }

    /// A click selects a row; a click on the row already selected chooses it.
    fn click(&mut self, x: u16, y: u16) {
        let full = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let areas = view::areas(full);
        if let Some(layer) = self.layers.last_mut() {
            // Some(true): the click hit the option already selected, which chooses it.
            let again = match layer {
                Layer::Menu(m) => m.option_at(areas.body, y).map(|i| {
                    let again = m.sel == i;
                    m.sel = i;
                    again
                }),
                Layer::Event { sel } => match &self.screen {
                    Screen::Game(s) => screens::event::option_at(s, areas.body, y).map(|i| {
                        let again = *sel == Some(i);
                        *sel = Some(i);
                        again
                    }),
                    Screen::Title(_) => None,
                },
                _ => None,
            };
            if again == Some(true) {
                self.act(Action::Choose, None);
            }
            return;
        }
        match &mut self.screen {
            Screen::Title(t) => {
                if let Some(again) = screens::title::click(t, full, x, y)
                    && again
                {
                    self.act(Action::Choose, None);
                }
            }
            Screen::Game(s) => {
                if y == areas.tabs.y {
                    if let Some(tab) = view::tab_at(s, areas.tabs, x) {
                        s.tab = tab;
                    }
                    return;
                }
                if let Some(again) = screens::tab_click(s, areas.body, x, y)
                    && again
                {
                    self.act(Action::Choose, None);
                }
            }
        }
    }
}
