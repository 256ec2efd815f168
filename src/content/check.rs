//! Checks of meaning on resolved content: ids unique and known, numbers in range, text present.
//! Each problem is located in the scenario file by the value or field it names, or else in the
//! shared asset that holds it.

use std::collections::BTreeSet;

use super::{Problem, assets, locate};
use crate::game::data::{Condition, Content, Effect};

struct Checker<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    /// Records a problem located at the first place `needle` appears.
    fn at(&mut self, needle: &str, message: String) {
        let (mut file, (mut line, mut col)) = (self.file, locate(self.text, needle));
        if line == 0 {
            for (name, text) in assets::SHARED {
                let found = locate(text, needle);
                if found.0 > 0 {
                    file = name;
                    (line, col) = found;
                    break;
                }
            }
        }
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            col,
            message,
        });
    }

    fn range(&mut self, needle: &str, what: &str, value: i64, min: i64, max: i64) {
        if value < min || value > max {
            self.at(
                needle,
                format!("{what} must be between {min} and {max}, found {value}"),
            );
        }
    }

    fn text(&mut self, needle: &str, what: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.at(needle, format!("{what} must not be empty"));
        } else if value.chars().count() > max {
            self.at(
                needle,
                format!(
                    "{what} must be at most {max} characters, found {}",
                    value.chars().count()
                ),
            );
        } else if value.chars().any(char::is_control) {
            self.at(
                needle,
                format!("{what} must not contain control characters"),
            );
        }
    }

    fn unique<'b>(&mut self, what: &str, ids: impl Iterator<Item = &'b String>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            self.text(&format!("\"{id}\""), &format!("a {what} id"), id, 40);
            if !seen.insert(id.clone()) {
                self.at(
                    &format!("\"{id}\""),
                    format!("the {what} id '{id}' is used twice"),
                );
            }
        }
    }
}

/// Every problem found in `content`; empty when it is sound.
pub fn check(file: &str, text: &str, content: &Content) -> Vec<Problem> {
    let mut c = Checker {
        file,
        text,
        problems: Vec::new(),
    };
    let s = &content.scenario;
    c.text("id:", "the scenario id", &s.id, 40);
    c.text("name:", "the scenario name", &s.name, 60);
    c.text("description:", "the description", &s.description, 200);
    c.range(
        "start_year:",
        "start_year",
        i64::from(s.start_year),
        2000,
        2100,
    );
    c.range(
        "start_month:",
        "start_month",
        i64::from(s.start_month),
        1,
        12,
    );
    c.range("months:", "months", i64::from(s.months), 3, 120);

    let d = &content.difficulty;
    c.range(
        "rival_speed_pct",
        "rival_speed_pct",
        i64::from(d.rival_speed_pct),
        25,
        400,
    );
    c.range(
        "budget_pct",
        "budget_pct",
        i64::from(d.budget_pct),
        10,
        1000,
    );
    c.range(
        "event_severity_pct",
        "event_severity_pct",
        i64::from(d.event_severity_pct),
        0,
        500,
    );

    c.range(
        "labs:",
        "the number of labs",
        content.labs.len() as i64,
        2,
        8,
    );
    c.unique("lab", content.labs.iter().map(|l| &l.id));
    let stage_ids: Vec<&str> = content.stages.iter().map(|s| s.id.as_str()).collect();
    let legacy_ids: Vec<&str> = content.legacy.iter().map(|s| s.id.as_str()).collect();
    for lab in &content.labs {
        let at = format!("\"{}\"", lab.id);
        c.text(&at, "a lab name", &lab.name, 60);
        c.text(&at, "a lab's short name", &lab.short, 10);
        c.range(
            &at,
            &format!("{}: budget", lab.id),
            lab.budget,
            0,
            10_000_000,
        );
        c.range(
            &at,
            &format!("{}: monthly_income", lab.id),
            lab.monthly_income,
            0,
            1_000_000,
        );
        c.range(
            &at,
            &format!("{}: researchers", lab.id),
            i64::from(lab.researchers),
            0,
            1_000_000,
        );
        c.range(
            &at,
            &format!("{}: stars", lab.id),
            i64::from(lab.stars),
            0,
            40,
        );
        c.range(
            &at,
            &format!("{}: compute", lab.id),
            i64::from(lab.compute),
            0,
            100_000,
        );
        c.range(
            &at,
            &format!("{}: deploy_minutes", lab.id),
            i64::from(lab.deploy_minutes),
            2,
            2_000,
        );
        for t in lab.tracks {
            c.range(&at, &format!("{}: each track", lab.id), i64::from(t), 0, 99);
        }
        for f in lab.focus {
            c.range(
                &at,
                &format!("{}: each focus weight", lab.id),
                i64::from(f),
                0,
                100,
            );
        }
        if lab.focus.iter().all(|f| *f == 0) {
            c.at(
                &at,
                format!("{}: focus needs at least one weight above 0", lab.id),
            );
        }
        for (name, v) in [
            ("morale", lab.morale),
            ("risk", lab.risk),
            ("board", lab.board),
            ("review", lab.review),
            ("ecosystem", lab.ecosystem),
            ("data", lab.data),
        ] {
            c.range(&at, &format!("{}: {name}", lab.id), i64::from(v), 0, 100);
        }
        for s in &lab.stages {
            if !stage_ids.contains(&s.as_str()) {
                c.at(
                    &format!("\"{s}\""),
                    format!(
                        "{}: unknown pipeline stage '{s}'; stages are: {}",
                        lab.id,
                        stage_ids.join(", ")
                    ),
                );
            }
        }
        for s in &lab.legacy {
            if !legacy_ids.contains(&s.as_str()) {
                c.at(
                    &format!("\"{s}\""),
                    format!(
                        "{}: unknown legacy system '{s}'; systems are: {}",
                        lab.id,
                        legacy_ids.join(", ")
                    ),
                );
            }
        }
    }

    let t = &content.talent;
    c.range(
        "market_size",
        "market_size",
        i64::from(t.market_size),
        1,
        20,
    );
    if t.first_names.is_empty() || t.last_names.is_empty() {
        c.at(
            "first_names",
            "the talent pool needs at least one first and one last name".into(),
        );
    }
    if t.archetypes.is_empty() {
        c.at(
            "archetypes",
            "the talent pool needs at least one archetype".into(),
        );
    }
    for a in &t.archetypes {
        let at = format!("\"{}\"", a.title);
        c.text(&at, "an archetype title", &a.title, 40);
        if a.skill.0 > a.skill.1 || a.skill.1 > 100 || a.skill.0 == 0 {
            c.at(
                &at,
                format!(
                    "{}: skill must be (low, high) with 1 <= low <= high <= 100",
                    a.title
                ),
            );
        }
        if a.salary.0 > a.salary.1 || a.salary.1 > 1000 || a.salary.0 == 0 {
            c.at(
                &at,
                format!(
                    "{}: salary must be (low, high) with 1 <= low <= high <= 1000",
                    a.title
                ),
            );
        }
    }
    for n in t.first_names.iter().chain(&t.last_names) {
        c.text(&format!("\"{n}\""), "a name", n, 30);
    }

    c.unique("tech", content.techs.iter().map(|t| &t.id));
    for tech in &content.techs {
        let at = format!("\"{}\"", tech.id);
        c.text(&at, "a tech name", &tech.name, 40);
        c.text(&at, "a tech vendor", &tech.vendor, 40);
        c.text(&at, "a tech role", &tech.role, 20);
        c.text(&at, "a tech summary", &tech.summary, 200);
        c.range(
            &at,
            &format!("{}: speed_pct", tech.id),
            i64::from(tech.speed_pct),
            0,
            100,
        );
        c.range(
            &at,
            &format!("{}: track_pct", tech.id),
            i64::from(tech.track_pct),
            0,
            200,
        );
        c.range(
            &at,
            &format!("{}: adopt_cost", tech.id),
            tech.adopt_cost,
            0,
            1_000_000,
        );
        c.range(
            &at,
            &format!("{}: licence_monthly", tech.id),
            tech.licence_monthly,
            0,
            100_000,
        );
        c.range(
            &at,
            &format!("{}: build_cost", tech.id),
            tech.build_cost,
            0,
            1_000_000,
        );
        c.range(
            &at,
            &format!("{}: integration_months", tech.id),
            i64::from(tech.integration_months),
            0,
            24,
        );
        c.range(
            &at,
            &format!("{}: build_months", tech.id),
            i64::from(tech.build_months),
            1,
            48,
        );
        c.range(
            &at,
            &format!("{}: morale_cost", tech.id),
            i64::from(tech.morale_cost),
            0,
            50,
        );
        c.range(
            &at,
            &format!("{}: dependency_risk", tech.id),
            i64::from(tech.dependency_risk),
            0,
            50,
        );
    }

    c.unique("legacy system", content.legacy.iter().map(|t| &t.id));
    for l in &content.legacy {
        let at = format!("\"{}\"", l.id);
        c.text(&at, "a legacy name", &l.name, 40);
        c.text(&at, "a legacy summary", &l.summary, 200);
        c.range(
            &at,
            &format!("{}: drag_pct", l.id),
            i64::from(l.drag_pct),
            0,
            50,
        );
        c.range(
            &at,
            &format!("{}: retire_cost", l.id),
            l.retire_cost,
            0,
            1_000_000,
        );
    }

    c.unique("pipeline stage", content.stages.iter().map(|t| &t.id));
    for s in &content.stages {
        let at = format!("\"{}\"", s.id);
        c.text(&at, "a stage name", &s.name, 40);
        c.text(&at, "a stage summary", &s.summary, 200);
        c.range(
            &at,
            &format!("{}: deploy_pct", s.id),
            i64::from(s.deploy_pct),
            1,
            100,
        );
        c.range(
            &at,
            &format!("{}: months", s.id),
            i64::from(s.months),
            1,
            24,
        );
        c.range(
            &at,
            &format!("{}: review", s.id),
            i64::from(s.review),
            -50,
            50,
        );
        c.range(&at, &format!("{}: cost", s.id), s.cost, 0, 1_000_000);
        for r in &s.requires {
            if !stage_ids.contains(&r.as_str()) || r == &s.id {
                c.at(
                    &format!("\"{r}\""),
                    format!("{}: requires an unknown stage '{r}'", s.id),
                );
            }
        }
    }

    c.unique("deal", content.deals.iter().map(|t| &t.id));
    for d in &content.deals {
        let at = format!("\"{}\"", d.id);
        c.text(&at, "a deal name", &d.name, 60);
        c.text(&at, "a deal summary", &d.summary, 200);
        c.range(&at, &format!("{}: weeks", d.id), i64::from(d.weeks), 0, 4);
        c.range(&at, &format!("{}: cost", d.id), d.cost, 0, 1_000_000);
        check_effects(&mut c, &at, &d.effects);
    }

    c.unique("event", content.events.iter().map(|t| &t.id));
    for e in &content.events {
        let at = format!("\"{}\"", e.id);
        c.text(&at, "an event title", &e.title, 60);
        c.text(&at, "an event text", &e.text, 300);
        c.range(
            &at,
            &format!("{}: weight", e.id),
            i64::from(e.weight),
            0,
            1000,
        );
        check_effects(&mut c, &at, &e.effects);
        if e.choices.len() > 4 {
            c.at(&at, format!("{}: at most 4 choices", e.id));
        }
        for ch in &e.choices {
            c.text(&at, "a choice label", &ch.label, 60);
            check_effects(&mut c, &at, &ch.effects);
        }
        for cond in &e.conditions {
            if let Condition::MinMonth(m) | Condition::MaxMonth(m) = cond
                && *m > 120
            {
                c.at(
                    &at,
                    format!("{}: months in conditions must be at most 120", e.id),
                );
            }
        }
    }
    c.problems
}

fn check_effects(c: &mut Checker, at: &str, effects: &[Effect]) {
    if effects.len() > 12 {
        c.at(at, "at most 12 effects in one list".into());
    }
    for e in effects {
        let (v, lim): (i64, i64) = match e {
            Effect::Budget(m) | Effect::Income(m) => (*m, 100_000),
            Effect::Morale(v)
            | Effect::Risk(v)
            | Effect::Board(v)
            | Effect::Review(v)
            | Effect::Ecosystem(v)
            | Effect::Data(v)
            | Effect::SpeedThisMonth(v)
            | Effect::DeployPct(v)
            | Effect::LicencePct(v) => (i64::from(*v), 100),
            Effect::Compute(v) | Effect::Researchers(v) => (i64::from(*v), 10_000),
            Effect::Progress(v)
            | Effect::TrackProgress(_, v)
            | Effect::LeaderProgress(v)
            | Effect::RivalsProgress(v) => (i64::from(*v), 200),
            Effect::Weeks(v) => (i64::from(*v), 2),
            Effect::CutAccess(m) | Effect::DelayProjects(m) => (i64::from(*m), 12),
            Effect::LoseStar | Effect::GainStar => (0, 0),
        };
        if v.abs() > lim {
            c.at(
                at,
                format!("the effect {e:?} is out of range: at most {lim} either way"),
            );
        }
    }
}
