//! The text of `ai-race scenario list` and `ai-race scenario check FILE`.

use crate::content::{self, BUILTIN_SCENARIOS, ContentError, render_problems};
use crate::game::data::{Content, ScenarioInfo};
use crate::game::state::month_name;
use crate::report::sanitize::terminal;

/// "Jan 2026" for a turn `offset` months after the scenario's start.
fn date(s: &ScenarioInfo, offset: u16) -> String {
    let zero = u32::from(s.start_month.clamp(1, 12) - 1) + u32::from(offset);
    let year = u32::from(s.start_year) + zero / 12;
    format!("{} {year}", month_name((zero % 12 + 1) as u8))
}

/// Two lines on the campaign's shape: its length and dates; its seed and difficulty and
/// whether they are locked.
pub fn shape(s: &ScenarioInfo) -> (String, String) {
    let lock = if s.locked { " (locked)" } else { "" };
    let seed = match s.seed {
        Some(seed) => format!("seed {seed}{lock}"),
        None => "seed: a new world each game".to_string(),
    };
    let difficulty = match &s.difficulty {
        Some(d) => format!("difficulty {}{lock}", terminal(d, 40)),
        None => "difficulty: player's choice".to_string(),
    };
    let length = format!(
        "{} months, {} to {}",
        s.months,
        date(s, 0),
        date(s, s.months.saturating_sub(1))
    );
    (length, format!("{seed}; {difficulty}"))
}

/// The built-in scenarios, each with its id, title, description and shape.
pub fn list() -> String {
    let mut out = String::from("Built-in scenarios:\n");
    for (id, _) in BUILTIN_SCENARIOS {
        match content::load_builtin(id, None) {
            Ok(c) => {
                let s = &c.scenario;
                out.push_str(&format!("\n{id:<12} {}\n", s.name));
                out.push_str(&format!("{:<12} {}\n", "", s.description));
                let (length, lock) = shape(s);
                out.push_str(&format!("{:<12} {length}\n{:<12} {lock}\n", "", ""));
            }
            // The built-ins are checked by the test suite; say so rather than hide one.
            Err(e) => out.push_str(&format!("\n{id:<12} cannot be loaded: {e}\n")),
        }
    }
    out.push_str(
        "\nWrite your own with `ai-race scenario new NAME`,\n\
         then check it with `ai-race scenario check FILE`.\n",
    );
    out
}

/// What `scenario check` prints, and whether the file is sound.
pub fn check(file: &str, text: &str) -> (String, bool) {
    match content::load_scenario_file_text(file, text, None) {
        Ok(c) => (summary(file, &c), true),
        Err(e) => (mistakes(file, text, &e), false),
    }
}

/// The report on a file that could not even be read.
pub fn unreadable(file: &str, error: &ContentError) -> String {
    mistakes(file, "", error)
}

fn mistakes(file: &str, text: &str, e: &ContentError) -> String {
    let n = e.problems.len() + e.more;
    let mut out = render_problems(e, file, text);
    if e.more > 0 {
        out.push_str(&format!(
            "... and {} more mistakes not shown; fix the ones above first.\n",
            e.more
        ));
    }
    let file = terminal(file, 120);
    out.push_str(&format!(
        "\n{n} mistake{} found in {file}. Fix {} and run the check again.\n",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" }
    ));
    out
}

/// The teacher's injects and pauses, one line each, as the check's summary lists them.
fn facilitation(c: &Content) -> String {
    use crate::game::inject::Trigger;
    let mut out = String::new();
    for inject in &c.injects {
        let Some(e) = c.events.get(usize::from(inject.event)) else {
            continue;
        };
        let when = match inject.trigger {
            Trigger::Month(m) => format!(
                "at the start of month {m} ({})",
                c.date_label(m.saturating_sub(1))
            ),
            Trigger::When(cond) => format!("once {cond:?} holds"),
        };
        out.push_str(&format!(
            "  inject {}: \"{}\" {when}, {}\n",
            terminal(&e.id, 40),
            terminal(&e.title, 60),
            match e.choices.len() {
                0 => "news only".to_string(),
                n => format!("{n} choices"),
            }
        ));
    }
    if !c.pause_at.is_empty() {
        let months: Vec<String> = c
            .pause_at
            .iter()
            .map(|m| format!("{m} ({})", c.date_label(m.saturating_sub(1))))
            .collect();
        out.push_str(&format!(
            "  pauses at the start of month {}; unlock codes: ai-race scenario code FILE \
             --month N\n",
            months.join(", ")
        ));
    }
    out
}

fn summary(file: &str, c: &Content) -> String {
    let s = &c.scenario;
    let mut out = format!("{}: no mistakes found.\n\n", terminal(file, 120));
    out.push_str(&format!(
        "  {} ({})\n",
        terminal(&s.name, 60),
        terminal(&s.id, 40)
    ));
    out.push_str(&format!("  {}\n", terminal(&s.description, 200)));
    out.push_str(&format!(
        "  fingerprint {}\n",
        content::fingerprint_short(c)
    ));
    let (length, lock) = shape(s);
    out.push_str(&format!("  {length}\n  {lock}\n"));
    let labs: Vec<String> = c
        .labs
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{} (the player)", terminal(&l.short, 10))
            } else {
                terminal(&l.short, 10)
            }
        })
        .collect();
    out.push_str(&format!("  labs: {}\n", labs.join(", ")));
    let drawn = c.events.len() - c.injects.len().min(c.events.len());
    out.push_str(&format!("  events: {drawn} can happen\n"));
    out.push_str(&facilitation(c));
    if s.locked && s.seed.is_none() {
        out.push_str(
            "\n  Note: the scenario is locked but has no seed, so each student gets a different \
             world.\n  Add a line like `seed: 12345,` to give the whole class the same one.\n",
        );
    }
    if !s.locked {
        out.push_str(
            "\n  Note: not locked, so players may change the seed, difficulty and length when \
             they start.\n",
        );
    }
    out
}
