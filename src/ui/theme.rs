//! The one theme of the interface: every style the screens use comes from here, so colours and
//! symbols are chosen in one place.
//!
//! Four palettes:
//! - **terminal** (the default): the terminal's own foreground and background (`Color::Reset`);
//!   emphasis is bold, dim and reverse; the only colours are a second signal beside words and
//!   symbols, picked from the 256-colour cube so they read on a black and on a white background.
//! - **dark** and **light**: colours for a dark or a light background.
//! - **mono**: no colour at all (the `NO_COLOR` convention and `--no-color`, which always win).
//!
//! Without colour, meaning is carried by modifiers and symbols instead: the selection is
//! reversed, the player's lab is bold with a `▶` marker, refusals start with `✗`. The symbol
//! set is the other half of the theme: Unicode, or plain ASCII for consoles and locales that
//! cannot show the Unicode one (see [`super::symbols`]).

use ratatui::style::{Color, Modifier, Style};

/// Which colours the interface uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// No colours (NO_COLOR, `--no-color`).
    Mono,
    /// The terminal's own colours, emphasis by bold/dim/reverse.
    Terminal,
    /// Colours for a dark background.
    Dark,
    /// Colours for a light background.
    Light,
}

/// The theme a player asks for with `--theme` or the settings file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// The terminal's own colours.
    #[default]
    Terminal,
    Dark,
    Light,
    /// Ask the terminal for its background colour; the terminal's own colours if it does not
    /// answer.
    Auto,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 4] = [
        ThemeChoice::Terminal,
        ThemeChoice::Dark,
        ThemeChoice::Light,
        ThemeChoice::Auto,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::Terminal => "terminal",
            ThemeChoice::Dark => "dark",
            ThemeChoice::Light => "light",
            ThemeChoice::Auto => "auto",
        }
    }

    pub fn from_name(name: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// Styles and symbols for every kind of text on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub palette: Palette,
    /// Whether the frame is drawn with ASCII only (see [`super::symbols::to_ascii`]).
    pub ascii: bool,
}

/// xterm 256-colour indices that read on both black and white (WCAG contrast >= 4.5 on each;
/// the unit test below checks it): used by the terminal palette as a second signal.
const BOTH_GREEN: Color = Color::Indexed(29);
const BOTH_RED: Color = Color::Indexed(131);

/// Colours of the labs on charts and tables, by lab index (the player first), per palette.
const DARK_LABS: [Color; 6] = [
    Color::LightYellow,
    Color::LightGreen,
    Color::LightCyan,
    Color::LightMagenta,
    Color::LightRed,
    Color::Indexed(75),
];
const LIGHT_LABS: [Color; 6] = [
    Color::Indexed(18),
    Color::Indexed(22),
    Color::Indexed(24),
    Color::Indexed(90),
    Color::Indexed(124),
    Color::Indexed(94),
];

impl Theme {
    /// The terminal's own colours (`true`) or none (`false`), with Unicode symbols.
    pub fn new(color: bool) -> Theme {
        Theme {
            palette: if color {
                Palette::Terminal
            } else {
                Palette::Mono
            },
            ascii: false,
        }
    }

    pub fn with_palette(palette: Palette, ascii: bool) -> Theme {
        Theme { palette, ascii }
    }

    /// The terminal palette unless the flag asks otherwise or `NO_COLOR` is set to a non-empty
    /// value (see no-color.org).
    pub fn from_env(no_color_flag: bool) -> Theme {
        Theme::new(!no_color_flag && !no_color_env())
    }

    /// Whether any colour is used.
    pub fn color(&self) -> bool {
        self.palette != Palette::Mono
    }

    fn fg(&self, dark: Color, light: Color, terminal: Option<Color>) -> Style {
        match self.palette {
            Palette::Mono => Style::new(),
            Palette::Terminal => terminal.map_or(Style::new(), |c| Style::new().fg(c)),
            Palette::Dark => Style::new().fg(dark),
            Palette::Light => Style::new().fg(light),
        }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }

    /// Screen and panel titles.
    pub fn title(&self) -> Style {
        self.fg(Color::LightCyan, Color::Blue, None)
            .add_modifier(Modifier::BOLD)
    }

    /// Panel borders (not text: never the only carrier of meaning).
    pub fn border(&self) -> Style {
        match self.palette {
            Palette::Mono | Palette::Terminal => Style::new(),
            _ => self.fg(Color::DarkGray, Color::Indexed(244), None),
        }
    }

    /// Secondary text: hints, units, explanations.
    pub fn dim(&self) -> Style {
        match self.palette {
            Palette::Mono | Palette::Terminal => Style::new().add_modifier(Modifier::DIM),
            _ => self.fg(Color::Gray, Color::Indexed(240), None),
        }
    }

    /// The highlighted row or option. Reversed in every palette so it survives `NO_COLOR`.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The player's own lab.
    pub fn player(&self) -> Style {
        self.fg(DARK_LABS[0], LIGHT_LABS[0], None)
            .add_modifier(Modifier::BOLD)
    }

    /// A lab's colour on charts and tables.
    pub fn lab(&self, index: usize) -> Style {
        if index == 0 {
            self.player()
        } else {
            let i = index % DARK_LABS.len();
            self.fg(DARK_LABS[i], LIGHT_LABS[i], None)
        }
    }

    pub fn good(&self) -> Style {
        self.fg(Color::LightGreen, Color::Indexed(22), Some(BOTH_GREEN))
    }

    pub fn bad(&self) -> Style {
        self.fg(Color::LightRed, Color::Indexed(124), Some(BOTH_RED))
            .add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow, Color::Indexed(94), None)
            .add_modifier(Modifier::BOLD)
    }

    /// Key names in the footer and the help screen.
    pub fn key(&self) -> Style {
        self.fg(Color::LightCyan, Color::Blue, None)
            .add_modifier(Modifier::BOLD)
    }

    /// An option the rules refuse right now.
    pub fn disabled(&self) -> Style {
        self.fg(Color::DarkGray, Color::Indexed(242), None)
            .add_modifier(Modifier::DIM)
    }

    /// A number that went up (`good_when_up`) or down, coloured by whether that helps.
    pub fn delta(&self, delta: i64, good_when_up: bool) -> Style {
        match (delta.signum(), good_when_up) {
            (0, _) => self.base(),
            (1, true) | (-1, false) => self.good(),
            _ => self.bad(),
        }
    }

    /// Every text style, for the contrast test.
    #[cfg(test)]
    fn all_text_styles(&self) -> Vec<(&'static str, Style)> {
        let mut v = vec![
            ("base", self.base()),
            ("title", self.title()),
            ("dim", self.dim()),
            ("selected", self.selected()),
            ("good", self.good()),
            ("bad", self.bad()),
            ("warn", self.warn()),
            ("key", self.key()),
            ("disabled", self.disabled()),
        ];
        for i in 0..DARK_LABS.len() {
            v.push(("lab", self.lab(i)));
        }
        v
    }
}

/// Whether `NO_COLOR` is set to a non-empty value.
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The palette for a background colour the terminal reported: light backgrounds (relative
/// luminance above the middle grey's) get the light palette.
pub fn palette_for_background(rgb: (u8, u8, u8)) -> Palette {
    if luminance(rgb) > 0.18 {
        Palette::Light
    } else {
        Palette::Dark
    }
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// xterm's RGB for a colour (its default 16-colour palette, the 6x6x6 cube and the grey ramp);
/// `None` for the terminal's own colour.
pub fn xterm_rgb(c: Color) -> Option<(u8, u8, u8)> {
    const BASE: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let index = match c {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => return Some((r, g, b)),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
    };
    Some(match index {
        0..=15 => BASE[usize::from(index)],
        16..=231 => {
            let i = index - 16;
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            (level(i / 36), level((i / 6) % 6), level(i % 6))
        }
        _ => {
            let v = 8 + (index - 232) * 10;
            (v, v, v)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLACK: (u8, u8, u8) = (0, 0, 0);
    const WHITE: (u8, u8, u8) = (255, 255, 255);

    #[test]
    fn no_color_theme_sets_no_colours_but_keeps_the_selection_visible() {
        let t = Theme::new(false);
        for (_, s) in t.all_text_styles() {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.selected().add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn xterm_palette_values_match_the_published_ones() {
        assert_eq!(xterm_rgb(Color::Indexed(29)), Some((0, 135, 95)));
        assert_eq!(xterm_rgb(Color::Indexed(244)), Some((128, 128, 128)));
        assert_eq!(xterm_rgb(Color::LightYellow), Some((255, 255, 0)));
        assert!((contrast(BLACK, WHITE) - 21.0).abs() < 1e-9);
    }

    /// Every text colour of every palette reads at WCAG AA (4.5:1) on the background it is
    /// meant for; the terminal palette on both black and white, since it cannot know which.
    #[test]
    fn every_theme_reads_at_wcag_aa_on_its_background() {
        let cases = [
            (Palette::Terminal, vec![BLACK, WHITE]),
            (Palette::Dark, vec![BLACK]),
            (Palette::Light, vec![WHITE]),
            (Palette::Mono, vec![BLACK, WHITE]),
        ];
        for (palette, backgrounds) in cases {
            let theme = Theme::with_palette(palette, false);
            for (name, style) in theme.all_text_styles() {
                assert_eq!(style.bg, None, "{palette:?} {name} sets a background");
                let Some(fg) = style.fg.and_then(xterm_rgb) else {
                    continue;
                };
                for bg in &backgrounds {
                    let ratio = contrast(fg, *bg);
                    assert!(
                        ratio >= 4.5,
                        "{palette:?} {name} {:?} on {bg:?}: {ratio:.2}:1",
                        style.fg
                    );
                }
            }
        }
    }

    #[test]
    fn a_white_background_picks_the_light_palette() {
        assert_eq!(palette_for_background(WHITE), Palette::Light);
        assert_eq!(palette_for_background((0x28, 0x2c, 0x34)), Palette::Dark);
        assert_eq!(palette_for_background((0xfd, 0xf6, 0xe3)), Palette::Light);
    }

    #[test]
    fn theme_names_round_trip() {
        for c in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::from_name(c.name()), Some(c));
        }
    }
}
