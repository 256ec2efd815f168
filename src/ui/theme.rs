//! The one theme of the interface: every style the screens use comes from here, so colour can
//! be switched off in one place (the `NO_COLOR` convention and the `--no-color` flag).
//!
//! Without colour, meaning is carried by modifiers and symbols instead: the selection is
//! reversed, the player's lab is bold with a `▶` marker, refusals start with `✗`.

use ratatui::style::{Color, Modifier, Style};

/// Styles for every kind of text on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used at all.
    pub color: bool,
}

/// Colours of the labs on charts and tables, by lab index (the player first).
const LAB_COLORS: [Color; 6] = [
    Color::LightYellow,
    Color::LightGreen,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightRed,
    Color::LightCyan,
];

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    /// Colour unless the flag asks otherwise or `NO_COLOR` is set to a non-empty value
    /// (see no-color.org).
    pub fn from_env(no_color_flag: bool) -> Theme {
        let env_off = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(!no_color_flag && !env_off)
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }

    /// Screen and panel titles.
    pub fn title(&self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Secondary text: hints, units, explanations.
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// The highlighted row or option. Reversed in both modes so it survives `NO_COLOR`.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The player's own lab.
    pub fn player(&self) -> Style {
        self.fg(LAB_COLORS[0]).add_modifier(Modifier::BOLD)
    }

    /// A lab's colour on charts and tables.
    pub fn lab(&self, index: usize) -> Style {
        if index == 0 {
            self.player()
        } else {
            self.fg(LAB_COLORS[index % LAB_COLORS.len()])
        }
    }

    pub fn good(&self) -> Style {
        self.fg(Color::LightGreen)
    }

    pub fn bad(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }

    /// Key names in the footer and the help screen.
    pub fn key(&self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    /// An option the rules refuse right now.
    pub fn disabled(&self) -> Style {
        self.fg(Color::DarkGray).add_modifier(Modifier::DIM)
    }

    /// A number that went up (`good_when_up`) or down, coloured by whether that helps.
    pub fn delta(&self, delta: i64, good_when_up: bool) -> Style {
        match (delta.signum(), good_when_up) {
            (0, _) => self.base(),
            (1, true) | (-1, false) => self.good(),
            _ => self.bad(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_theme_sets_no_colours_but_keeps_the_selection_visible() {
        let t = Theme::new(false);
        for s in [t.title(), t.player(), t.good(), t.bad(), t.lab(3), t.key()] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.selected().add_modifier.contains(Modifier::REVERSED));
    }
}
