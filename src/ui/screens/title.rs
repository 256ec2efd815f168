//! The title screen: continue the latest save, start a new game (scenario, difficulty, seed
//! typed or random), load a saved game (`load.rs`), read the help, or quit. A locked scenario
//! (a teacher's assignment) fixes its seed and difficulty.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::content::{self, BUILTIN_SCENARIOS, ScenarioFile};
use crate::game::data::DifficultyDef;
use crate::save::{SaveEntry, Store};

use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{centered, fit, put};
use super::load::{self, LoadList};

const LOGO: [&str; 5] = [
    " █████  ██     ██████   █████   ██████ ███████",
    "██   ██ ██     ██   ██ ██   ██ ██      ██     ",
    "███████ ██     ██████  ███████ ██      █████  ",
    "██   ██ ██     ██   ██ ██   ██ ██      ██     ",
    "██   ██ ██     ██   ██ ██   ██  ██████ ███████",
];

const FIELDS: usize = 5;
/// The form's row where a world code is typed (it sets scenario, difficulty and seed).
pub const CODE_FIELD: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Menu,
    Setup,
    Load,
}

/// The title menu's items; Continue and Load appear when there is a saves folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Continue,
    NewGame,
    Load,
    Help,
    Quit,
}

/// A built-in scenario as the title screen shows it.
#[derive(Debug, Clone)]
pub struct ScenarioChoice {
    pub id: String,
    pub name: String,
    pub description: String,
    pub months: u16,
    pub seed: Option<u64>,
    pub difficulty: Option<String>,
    pub locked: bool,
}

pub struct TitleState {
    pub stage: Stage,
    pub menu: usize,
    pub field: usize,
    pub scenarios: Vec<ScenarioChoice>,
    pub scenario: usize,
    pub difficulties: Vec<DifficultyDef>,
    pub difficulty: usize,
    /// Digits typed for the seed; empty means a random seed.
    pub seed: String,
    /// A world code being typed (`CLASS-N-KA985X`); when not empty, Start plays its world.
    pub code: String,
    /// Used instead of OS randomness when no seed is typed (tests replay exactly).
    pub random_seed: Option<u64>,
    /// The saves folder, if saving is on.
    pub store: Option<Store>,
    /// The newest save, offered as "Continue".
    pub latest: Option<Box<SaveEntry>>,
    /// The load screen's list, read when it opens.
    pub load: Box<LoadList>,
}

pub enum TitleResult {
    Stay,
    Start(Box<Session>),
    /// A saved game opened, with a line for the status bar.
    Loaded(Box<Session>, String),
    Refuse(String),
    Help,
    Quit,
}

impl Default for TitleState {
    fn default() -> Self {
        TitleState::new()
    }
}

impl TitleState {
    pub fn new() -> TitleState {
        // Only the scenario files themselves are read here (small), not the shared assets, so
        // the title screen appears at once.
        let scenarios = BUILTIN_SCENARIOS
            .iter()
            .filter_map(|(id, text)| {
                let f: ScenarioFile = content::parse(id, text).ok()?;
                Some(ScenarioChoice {
                    id: (*id).to_string(),
                    name: f.name,
                    description: f.description,
                    months: f.months,
                    seed: f.seed,
                    difficulty: f.difficulty,
                    locked: f.locked,
                })
            })
            .collect();
        let difficulties = content::difficulties();
        let difficulty = difficulties
            .iter()
            .position(|d| d.id == "normal")
            .unwrap_or(0);
        TitleState {
            stage: Stage::Menu,
            menu: 0,
            field: 0,
            scenarios,
            scenario: 0,
            difficulties,
            difficulty,
            seed: String::new(),
            code: String::new(),
            random_seed: None,
            store: None,
            latest: None,
            load: Box::default(),
        }
    }

    /// Sets the saves folder and looks for the newest save (by date only: it is checked when
    /// opened, so the title appears at once).
    pub fn set_store(&mut self, store: Option<Store>) {
        self.latest = store.as_ref().and_then(Store::latest).map(Box::new);
        self.store = store;
        self.menu = 0;
    }

    /// The menu's items now.
    pub fn items(&self) -> Vec<Item> {
        let mut items = Vec::new();
        if self.latest.is_some() {
            items.push(Item::Continue);
        }
        items.push(Item::NewGame);
        if self.store.is_some() {
            items.push(Item::Load);
        }
        items.extend([Item::Help, Item::Quit]);
        items
    }

    fn item_label(&self, item: Item) -> String {
        match item {
            Item::Continue => format!(
                "Continue {}",
                self.latest.as_ref().map_or("", |l| l.name.as_str())
            ),
            Item::NewGame => "New game".into(),
            Item::Load => "Load a saved game".into(),
            Item::Help => "Help".into(),
            Item::Quit => "Quit".into(),
        }
    }

    fn chosen(&self) -> Option<&ScenarioChoice> {
        self.scenarios.get(self.scenario)
    }

    fn locked(&self) -> bool {
        self.chosen().is_some_and(|s| s.locked)
    }
}

pub fn hints(t: &TitleState) -> Vec<Hint> {
    match t.stage {
        Stage::Load => load::hints(&t.load),
        Stage::Menu => vec![
            hint(Action::Up, "move"),
            hint(Action::Down, "move"),
            hint(Action::Choose, "choose"),
            hint(Action::Help, "help"),
            hint(Action::Quit, "quit"),
        ],
        Stage::Setup => {
            let mut h = vec![hint(Action::Up, "field"), hint(Action::Down, "field")];
            let fixed = t.locked();
            if t.field == 0 || (t.field == 1 && !fixed) {
                h.push(hint(Action::Left, "change"));
                h.push(hint(Action::Right, "change"));
            }
            if t.field == 2 && !fixed {
                h.push(hint(Action::Digit, "type seed"));
                h.push(hint(Action::Erase, "erase"));
            }
            if t.field == CODE_FIELD {
                h.push(hint(Action::Erase, "erase"));
            }
            h.push(hint(Action::Choose, "start"));
            h.push(hint(Action::Back, "back"));
            h.push(hint(Action::Help, "help"));
            h.push(hint(Action::Quit, "quit"));
            h
        }
    }
}

pub fn update(t: &mut TitleState, action: Action, digit: Option<u32>) -> TitleResult {
    match t.stage {
        Stage::Menu => match action {
            Action::Up => t.menu = t.menu.saturating_sub(1),
            Action::Down => t.menu = (t.menu + 1).min(t.items().len() - 1),
            Action::Choose => match t.items().get(t.menu) {
                Some(Item::Continue) => {
                    if let Some(latest) = &t.latest {
                        return opened(load::open(latest));
                    }
                }
                Some(Item::NewGame) => t.stage = Stage::Setup,
                Some(Item::Load) => {
                    if let Some(store) = &t.store {
                        *t.load = LoadList::read(store);
                        t.stage = Stage::Load;
                    }
                }
                Some(Item::Help) => return TitleResult::Help,
                Some(Item::Quit) | None => return TitleResult::Quit,
            },
            _ => {}
        },
        Stage::Load if t.load.path.is_some() => match action {
            Action::Erase => {
                if let Some(p) = &mut t.load.path {
                    p.pop();
                }
            }
            Action::Choose => {
                let typed = t.load.path.clone().unwrap_or_default();
                return opened(load::open_path(&typed));
            }
            Action::Back => t.load.path = None,
            _ => {}
        },
        Stage::Load if t.load.fork.is_some() => match action {
            Action::Left => t.load.fork.iter_mut().for_each(|f| f.step(-1)),
            Action::Right => t.load.fork.iter_mut().for_each(|f| f.step(1)),
            Action::Digit => {
                if let (Some(f), Some(d)) = (&mut t.load.fork, digit) {
                    f.type_digit(d);
                }
            }
            Action::Choose => {
                let month = t.load.fork.map_or(1, |f| f.month);
                t.load.fork = None;
                if let Some(listed) = t.load.saves.get(t.load.sel) {
                    return opened(load::fork(&listed.entry, month));
                }
            }
            Action::Back => t.load.fork = None,
            _ => {}
        },
        Stage::Load => match action {
            Action::Fork => {
                if let Some(Ok(info)) = t.load.saves.get(t.load.sel).map(|s| &s.verdict) {
                    t.load.fork = Some(load::ForkPick::of(info));
                }
            }
            Action::Ghost => {
                if let Some(listed) = t.load.saves.get(t.load.sel) {
                    return opened(load::ghost(&listed.entry));
                }
            }
            Action::Up => t.load.sel = t.load.sel.saturating_sub(1),
            Action::Down => {
                t.load.sel = (t.load.sel + 1).min(t.load.rows() - 1);
            }
            Action::Choose if t.load.on_path_row() => t.load.path = Some(String::new()),
            Action::Choose => {
                if let Some(listed) = t.load.saves.get(t.load.sel) {
                    return opened(load::open(&listed.entry));
                }
            }
            Action::Back => t.stage = Stage::Menu,
            _ => {}
        },
        Stage::Setup => match action {
            Action::Up => t.field = t.field.saturating_sub(1),
            Action::Down => t.field = (t.field + 1).min(FIELDS - 1),
            Action::Left | Action::Right => {
                let step = if action == Action::Left { -1 } else { 1 };
                if t.field == 0 {
                    t.scenario = cycle(t.scenario, t.scenarios.len(), step);
                } else if t.field == 1 {
                    t.difficulty = cycle(t.difficulty, t.difficulties.len(), step);
                }
            }
            Action::Digit => {
                if let Some(d) = digit
                    && t.seed.len() < 19
                {
                    t.seed.push(char::from_digit(d, 10).unwrap_or('0'));
                }
            }
            Action::Erase if t.field == CODE_FIELD => {
                t.code.pop();
            }
            Action::Erase => {
                t.seed.pop();
            }
            Action::Back => t.stage = Stage::Menu,
            Action::Choose if !t.code.trim().is_empty() => return start_code(t),
            Action::Choose => return start(t),
            _ => {}
        },
    }
    TitleResult::Stay
}

fn opened(result: Result<(Box<Session>, String), String>) -> TitleResult {
    match result {
        Ok((session, message)) => TitleResult::Loaded(session, message),
        Err(why) => TitleResult::Refuse(why),
    }
}

fn cycle(i: usize, n: usize, step: isize) -> usize {
    if n == 0 {
        0
    } else {
        (i as isize + step).rem_euclid(n as isize) as usize
    }
}

fn start(t: &TitleState) -> TitleResult {
    let Some(sc) = t.chosen() else {
        return TitleResult::Refuse("no scenario to start".to_string());
    };
    let difficulty = t.difficulties.get(t.difficulty).map(|d| d.id.as_str());
    let content = match content::builtin(&sc.id, difficulty) {
        Ok(c) => c,
        Err(e) => return TitleResult::Refuse(e.to_string()),
    };
    let seed = match (sc.locked, sc.seed, t.seed.parse::<u64>()) {
        (true, Some(s), _) => s,
        (_, _, Ok(s)) => s,
        (_, Some(s), Err(_)) => s,
        (_, None, Err(_)) => t.random_seed.unwrap_or_else(rand::random),
    };
    TitleResult::Start(Box::new(Session::new(content, seed)))
}

impl TitleState {
    /// Types a character into the world code (the form's code row takes every printable key).
    pub fn type_code_char(&mut self, c: char) {
        if self.code.chars().count() < content::code::MAX_CODE_CHARS && !c.is_control() {
            self.code.push(c.to_ascii_uppercase());
        }
    }
}

/// Starts the world of the typed code. A teacher's scenario needs its file, which is given on
/// the command line.
fn start_code(t: &TitleState) -> TitleResult {
    use content::code::CodeScenario;
    let world = match content::code::decode(&t.code) {
        Ok(w) => w,
        Err(e) => return TitleResult::Refuse(e.to_string()),
    };
    let id = match &world.scenario {
        CodeScenario::Builtin(id) => id,
        CodeScenario::Custom(fp) => {
            return TitleResult::Refuse(format!(
                "this code is for a custom scenario (fingerprint {fp}): start it with ai-race \
                 new --code {} --scenario FILE",
                t.code.trim()
            ));
        }
    };
    let fixed = t
        .scenarios
        .iter()
        .find(|s| &s.id == id && s.locked)
        .and_then(|s| s.seed);
    if fixed.is_some_and(|f| f != world.seed) {
        return TitleResult::Refuse(format!(
            "this code's seed differs from the locked scenario '{id}': check the code"
        ));
    }
    match content::builtin(id, Some(&world.difficulty)) {
        Ok(c) => TitleResult::Start(Box::new(Session::new(c, world.seed))),
        Err(e) => TitleResult::Refuse(e.to_string()),
    }
}

/// Where the menu or the form sits.
fn form_area(area: Rect) -> Rect {
    let top = area.y + (LOGO.len() as u16 + 4).min(area.height);
    Rect {
        x: area.x,
        y: top,
        width: area.width,
        height: area.height.saturating_sub(top - area.y),
    }
}

/// Row of the menu or form under `y`; `Some(true)` if it was already selected.
pub fn click(t: &mut TitleState, area: Rect, _x: u16, y: u16) -> Option<bool> {
    let f = centered(form_area(area), 60, 14);
    if y < f.y {
        return None;
    }
    let row = usize::from(y - f.y);
    let items = t.items().len();
    let (sel, n, i) = match t.stage {
        Stage::Menu => (&mut t.menu, items, row / 2),
        Stage::Setup => (&mut t.field, FIELDS, row / 2),
        Stage::Load => return None,
    };
    if row % 2 != 0 || i >= n {
        return None;
    }
    let again = *sel == i;
    *sel = i;
    Some(again)
}

pub fn render(t: &TitleState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let logo_w = super::super::widgets::cols(LOGO[0]) as u16;
    let logo = centered(
        Rect {
            height: LOGO.len() as u16 + 3,
            ..area
        },
        logo_w,
        LOGO.len() as u16 + 3,
    );
    for (i, l) in LOGO.iter().enumerate() {
        put(Line::styled(*l, theme.player()), logo, i as u16 + 1, buf);
    }
    let tagline = "Lead Meta through the race to superintelligence.";
    let tag = centered(
        Rect {
            y: logo.y + LOGO.len() as u16 + 2,
            height: 1,
            ..area
        },
        super::super::widgets::cols(tagline) as u16,
        1,
    );
    put(Line::styled(tagline, theme.dim()), tag, 0, buf);
    let f = centered(form_area(area), 60, 14);
    let w = usize::from(f.width);
    match t.stage {
        Stage::Menu => {
            for (i, item) in t.items().into_iter().enumerate() {
                let style = if i == t.menu {
                    theme.selected()
                } else {
                    theme.base()
                };
                let mark = if i == t.menu { "▶ " } else { "  " };
                let label = t.item_label(item);
                put(
                    Line::styled(fit(&format!("{mark}{label}"), 40), style),
                    f,
                    2 * i as u16,
                    buf,
                );
            }
        }
        Stage::Load => {
            let wide = centered(form_area(area), 76, 14);
            load::render(&t.load, theme, wide, buf);
        }
        Stage::Setup => {
            let sc = t.chosen();
            let locked = t.locked();
            let diff = t.difficulties.get(t.difficulty);
            let scenario = sc.map_or(String::new(), |s| {
                format!("◀ {} ({} months) ▶", s.name, s.months)
            });
            let difficulty = if locked {
                format!(
                    "{} (fixed by the scenario)",
                    sc.and_then(|s| s.difficulty.clone())
                        .unwrap_or_else(|| "normal".into())
                )
            } else {
                format!("◀ {} ▶", diff.map_or("", |d| d.name.as_str()))
            };
            let seed = match (locked, sc.and_then(|s| s.seed)) {
                (true, Some(s)) => format!("{s} (fixed by the scenario)"),
                _ if !t.seed.is_empty() => format!("{}▏", t.seed),
                (_, Some(s)) => format!("{s} (the scenario's; type digits for another)"),
                _ => "random (type digits to choose one)".to_string(),
            };
            let code = if t.code.is_empty() {
                "none (type one, like CLASS-N-KA985X)".to_string()
            } else {
                format!("{}▏", t.code)
            };
            let start = if t.code.trim().is_empty() {
                "Start the game"
            } else {
                "Start the code's world"
            };
            let rows = [
                ("Scenario", scenario),
                ("Difficulty", difficulty),
                ("Seed", seed),
                ("World code", code),
                ("", start.to_string()),
            ];
            for (i, (name, value)) in rows.iter().enumerate() {
                let sel = i == t.field;
                let mark = if sel { "▶ " } else { "  " };
                let text = if name.is_empty() {
                    format!("{mark}{value}")
                } else {
                    format!("{mark}{name:<11}{value}")
                };
                let style = if sel { theme.selected() } else { theme.base() };
                put(Line::styled(fit(&text, w), style), f, 2 * i as u16, buf);
            }
            let about = match t.field {
                1 => diff.map_or(String::new(), |d| d.description.clone()),
                2 => {
                    "The same scenario, difficulty and seed always give the same world.".to_string()
                }
                CODE_FIELD => "A world code sets the scenario, difficulty and seed at once: the \
                               game shows its code in the month report."
                    .to_string(),
                _ => sc.map_or(String::new(), |s| s.description.clone()),
            };
            for (i, l) in super::super::widgets::wrap(&about, w)
                .iter()
                .take(3)
                .enumerate()
            {
                put(
                    Line::from(Span::styled(l.as_str(), theme.dim())),
                    f,
                    2 * FIELDS as u16 + 1 + i as u16,
                    buf,
                );
            }
        }
    }
}
