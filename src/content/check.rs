//! Checks of meaning on resolved content: ids unique and known, numbers in range, text present.
//! Each problem is located (see `locate.rs`) at the item or field it is about: in the scenario
//! file when the file wrote it, else in the shared asset that holds it.

use std::collections::{BTreeMap, BTreeSet};

use super::locate::{Loc, Locator};
use super::{Problem, Problems, echo, listed};
use crate::game::data::{Condition, Content, Effect};
use crate::game::inject::{InjectCondition, Trigger};

struct Checker<'a> {
    locator: &'a Locator<'a>,
    problems: Problems,
}

impl Checker<'_> {
    /// Records a problem at `loc` whose message is built only if it will be kept.
    fn at_with(&mut self, loc: Loc, message: impl FnOnce() -> String) {
        if self.problems.list.len() >= super::MAX_PROBLEMS {
            self.problems.more += 1;
        } else {
            self.at(loc, message());
        }
    }

    /// Records a problem at `loc` (only counted once enough are kept: finding its place
    /// costs a search of the file).
    fn at(&mut self, loc: Loc, message: String) {
        if !self.problems.room() {
            return;
        }
        let (file, line, col) = self.locator.find(&loc);
        self.problems.push(Problem {
            file,
            line,
            col,
            message,
        });
    }

    fn range(&mut self, loc: Loc, what: &str, value: i64, min: i64, max: i64) {
        if value < min || value > max {
            self.at(
                loc,
                format!("{what} must be between {min} and {max}, found {value}"),
            );
        }
    }

    fn text(&mut self, loc: Loc, what: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.at(loc, format!("{what} must not be empty"));
        } else if value.chars().count() > max {
            self.at(
                loc,
                format!(
                    "{what} must be at most {max} characters, found {} ('{}')",
                    value.chars().count(),
                    echo(value)
                ),
            );
        } else if value.chars().any(char::is_control) {
            self.at(loc, format!("{what} must not contain control characters"));
        }
    }

    fn unique<'b>(
        &mut self,
        list: &'static str,
        what: &str,
        ids: impl Iterator<Item = &'b String>,
    ) {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for id in ids {
            let nth = seen.entry(id.as_str()).or_insert(0);
            let loc = Loc::Item {
                list,
                id,
                nth: *nth,
                field: Some("id"),
            };
            self.text(loc.clone(), &format!("a {what} id"), id, 40);
            if *nth > 0 {
                self.at(loc, format!("the {what} id '{}' is used twice", echo(id)));
            }
            *nth += 1;
        }
    }
}

/// Every problem found in `content` (the first few kept); empty when it is sound.
pub(crate) fn check(locator: &Locator, content: &Content) -> Problems {
    let mut c = Checker {
        locator,
        problems: Problems::default(),
    };
    scenario(&mut c, content);
    labs(&mut c, content);
    talent(&mut c, content);
    techs(&mut c, content);
    legacy_and_stages(&mut c, content);
    deals_and_events(&mut c, content);
    injects(&mut c, content);
    pauses(&mut c, content);
    balance(&mut c, content);
    c.problems
}

fn scenario(c: &mut Checker, content: &Content) {
    let s = &content.scenario;
    c.text(Loc::Scenario("id"), "the scenario id", &s.id, 40);
    c.text(Loc::Scenario("name"), "the scenario name", &s.name, 60);
    c.text(
        Loc::Scenario("description"),
        "the description",
        &s.description,
        200,
    );
    let year = i64::from(s.start_year);
    c.range(Loc::Scenario("start_year"), "start_year", year, 2000, 2100);
    let month = i64::from(s.start_month);
    c.range(Loc::Scenario("start_month"), "start_month", month, 1, 12);
    let months = i64::from(s.months);
    c.range(Loc::Scenario("months"), "months", months, 3, 120);

    let d = &content.difficulty;
    let at = |field| Loc::item_field("difficulty", &d.id, field);
    let v = i64::from(d.rival_speed_pct);
    c.range(at("rival_speed_pct"), "rival_speed_pct", v, 25, 400);
    let v = i64::from(d.budget_pct);
    c.range(at("budget_pct"), "budget_pct", v, 10, 1000);
    let v = i64::from(d.event_severity_pct);
    c.range(at("event_severity_pct"), "event_severity_pct", v, 0, 500);
}

fn labs(c: &mut Checker, content: &Content) {
    let count = content.labs.len() as i64;
    c.range(Loc::Scenario("labs"), "the number of labs", count, 2, 8);
    c.unique("labs", "lab", content.labs.iter().map(|l| &l.id));
    let stage_ids: Vec<&str> = content.stages.iter().map(|s| s.id.as_str()).collect();
    let stage_set: BTreeSet<&str> = stage_ids.iter().copied().collect();
    let legacy_ids: Vec<&str> = content.legacy.iter().map(|s| s.id.as_str()).collect();
    let legacy_set: BTreeSet<&str> = legacy_ids.iter().copied().collect();
    let mut counts = Counts::default();
    for lab in &content.labs {
        let nth = counts.next(&lab.id);
        let at = |field| Loc::item_nth("labs", &lab.id, nth, field);
        let shown = echo(&lab.id);
        let id = shown.as_str();
        c.text(at("name"), "a lab name", &lab.name, 60);
        c.text(at("short"), "a lab's short name", &lab.short, 10);
        let what = |field: &str| format!("{id}: {field}");
        c.range(at("budget"), &what("budget"), lab.budget, 0, 10_000_000);
        let income = lab.monthly_income;
        c.range(
            at("monthly_income"),
            &what("monthly_income"),
            income,
            0,
            1_000_000,
        );
        let researchers = i64::from(lab.researchers);
        c.range(
            at("researchers"),
            &what("researchers"),
            researchers,
            0,
            1_000_000,
        );
        c.range(at("stars"), &what("stars"), i64::from(lab.stars), 0, 40);
        c.range(
            at("compute"),
            &what("compute"),
            i64::from(lab.compute),
            0,
            100_000,
        );
        let deploy = i64::from(lab.deploy_minutes);
        c.range(
            at("deploy_minutes"),
            &what("deploy_minutes"),
            deploy,
            2,
            2_000,
        );
        for t in lab.tracks {
            c.range(at("tracks"), &what("each track"), i64::from(t), 0, 99);
        }
        for f in lab.focus {
            c.range(
                at("focus"),
                &what("each focus weight"),
                i64::from(f),
                0,
                100,
            );
        }
        if lab.focus.iter().all(|f| *f == 0) {
            c.at(at("focus"), what("focus needs at least one weight above 0"));
        }
        for (name, v) in [
            ("morale", lab.morale),
            ("risk", lab.risk),
            ("board", lab.board),
            ("review", lab.review),
            ("ecosystem", lab.ecosystem),
            ("data", lab.data),
        ] {
            c.range(at(name), &what(name), i64::from(v), 0, 100);
        }
        for s in &lab.stages {
            if !stage_set.contains(s.as_str()) {
                c.at_with(at("stages"), || {
                    format!(
                        "{id}: unknown pipeline stage '{}'; stages are: {}",
                        echo(s),
                        listed(stage_ids.iter().copied())
                    )
                });
            }
        }
        for s in &lab.legacy {
            if !legacy_set.contains(s.as_str()) {
                c.at_with(at("legacy"), || {
                    format!(
                        "{id}: unknown legacy system '{}'; systems are: {}",
                        echo(s),
                        listed(legacy_ids.iter().copied())
                    )
                });
            }
        }
    }
}

fn talent(c: &mut Checker, content: &Content) {
    let t = &content.talent;
    let size = i64::from(t.market_size);
    c.range(Loc::Talent("market_size"), "market_size", size, 1, 20);
    if t.first_names.is_empty() || t.last_names.is_empty() {
        let message = "the talent pool needs at least one first and one last name".into();
        c.at(Loc::Talent("first_names"), message);
    }
    if t.archetypes.is_empty() {
        let message = "the talent pool needs at least one archetype".into();
        c.at(Loc::Talent("archetypes"), message);
    }
    for a in &t.archetypes {
        let at = || Loc::Archetype(&a.title);
        let title = echo(&a.title);
        c.text(at(), "an archetype title", &a.title, 40);
        if a.skill.0 > a.skill.1 || a.skill.1 > 100 || a.skill.0 == 0 {
            let message =
                format!("{title}: skill must be (low, high) with 1 <= low <= high <= 100");
            c.at(at(), message);
        }
        if a.salary.0 > a.salary.1 || a.salary.1 > 1000 || a.salary.0 == 0 {
            let message =
                format!("{title}: salary must be (low, high) with 1 <= low <= high <= 1000");
            c.at(at(), message);
        }
    }
    for n in t.first_names.iter().chain(&t.last_names) {
        c.text(Loc::Text(format!("\"{n}\"")), "a name", n, 30);
    }
}

fn techs(c: &mut Checker, content: &Content) {
    c.unique("techs", "tech", content.techs.iter().map(|t| &t.id));
    let mut counts = Counts::default();
    for tech in &content.techs {
        let nth = counts.next(&tech.id);
        let at = |field| Loc::item_nth("techs", &tech.id, nth, field);
        let shown = echo(&tech.id);
        let id = shown.as_str();
        let what = |field: &str| format!("{id}: {field}");
        c.text(at("name"), "a tech name", &tech.name, 40);
        c.text(at("vendor"), "a tech vendor", &tech.vendor, 40);
        c.text(at("role"), "a tech role", &tech.role, 20);
        c.text(at("summary"), "a tech summary", &tech.summary, 200);
        for (field, v, max) in [
            ("speed_pct", i64::from(tech.speed_pct), 100),
            ("track_pct", i64::from(tech.track_pct), 200),
            ("adopt_cost", tech.adopt_cost, 1_000_000),
            ("licence_monthly", tech.licence_monthly, 100_000),
            ("build_cost", tech.build_cost, 1_000_000),
            ("integration_months", i64::from(tech.integration_months), 24),
            ("morale_cost", i64::from(tech.morale_cost), 50),
            ("dependency_risk", i64::from(tech.dependency_risk), 50),
        ] {
            c.range(at(field), &what(field), v, 0, max);
        }
        let months = i64::from(tech.build_months);
        c.range(at("build_months"), &what("build_months"), months, 1, 48);
    }
}

fn legacy_and_stages(c: &mut Checker, content: &Content) {
    c.unique(
        "legacy",
        "legacy system",
        content.legacy.iter().map(|t| &t.id),
    );
    let mut counts = Counts::default();
    for l in &content.legacy {
        let nth = counts.next(&l.id);
        let at = |field| Loc::item_nth("legacy", &l.id, nth, field);
        let shown = echo(&l.id);
        let id = shown.as_str();
        let what = |field: &str| format!("{id}: {field}");
        c.text(at("name"), "a legacy name", &l.name, 40);
        c.text(at("summary"), "a legacy summary", &l.summary, 200);
        c.range(
            at("drag_pct"),
            &what("drag_pct"),
            i64::from(l.drag_pct),
            0,
            50,
        );
        c.range(
            at("retire_cost"),
            &what("retire_cost"),
            l.retire_cost,
            0,
            1_000_000,
        );
    }

    c.unique(
        "stages",
        "pipeline stage",
        content.stages.iter().map(|t| &t.id),
    );
    let stage_ids: Vec<&str> = content.stages.iter().map(|s| s.id.as_str()).collect();
    let stage_set: BTreeSet<&str> = stage_ids.iter().copied().collect();
    let mut counts = Counts::default();
    for s in &content.stages {
        let nth = counts.next(&s.id);
        let at = |field| Loc::item_nth("stages", &s.id, nth, field);
        let shown = echo(&s.id);
        let id = shown.as_str();
        let what = |field: &str| format!("{id}: {field}");
        c.text(at("name"), "a stage name", &s.name, 40);
        c.text(at("summary"), "a stage summary", &s.summary, 200);
        let pct = i64::from(s.deploy_pct);
        c.range(at("deploy_pct"), &what("deploy_pct"), pct, 1, 100);
        c.range(at("months"), &what("months"), i64::from(s.months), 1, 24);
        c.range(at("review"), &what("review"), i64::from(s.review), -50, 50);
        c.range(at("cost"), &what("cost"), s.cost, 0, 1_000_000);
        for r in &s.requires {
            if !stage_set.contains(r.as_str()) || r == &s.id {
                c.at_with(at("requires"), || {
                    format!(
                        "{id}: requires an unknown stage '{}'; stages are: {}",
                        echo(r),
                        listed(stage_ids.iter().copied())
                    )
                });
            }
        }
    }
}

fn deals_and_events(c: &mut Checker, content: &Content) {
    c.unique("deals", "deal", content.deals.iter().map(|t| &t.id));
    let mut counts = Counts::default();
    for d in &content.deals {
        let nth = counts.next(&d.id);
        let at = |field| Loc::item_nth("deals", &d.id, nth, field);
        let shown = echo(&d.id);
        let id = shown.as_str();
        let what = |field: &str| format!("{id}: {field}");
        c.text(at("name"), "a deal name", &d.name, 60);
        c.text(at("summary"), "a deal summary", &d.summary, 200);
        c.range(at("weeks"), &what("weeks"), i64::from(d.weeks), 0, 4);
        c.range(at("cost"), &what("cost"), d.cost, 0, 1_000_000);
        check_effects(c, at("effects"), &d.effects);
    }

    // The teacher's injects are checked by `injects`, at their place in the file.
    let of_injects: BTreeSet<usize> = content
        .injects
        .iter()
        .map(|i| usize::from(i.event))
        .collect();
    let events = || {
        let of_injects = &of_injects;
        content
            .events
            .iter()
            .enumerate()
            .filter(move |(i, _)| !of_injects.contains(i))
            .map(|(_, e)| e)
    };
    c.unique("events", "event", events().map(|t| &t.id));
    let mut counts = Counts::default();
    for e in events() {
        let nth = counts.next(&e.id);
        let at = |field| Loc::item_nth("events", &e.id, nth, field);
        let shown = echo(&e.id);
        let id = shown.as_str();
        c.text(at("title"), "an event title", &e.title, 60);
        c.text(at("text"), "an event text", &e.text, 300);
        let weight = i64::from(e.weight);
        c.range(at("weight"), &format!("{id}: weight"), weight, 0, 1000);
        check_effects(c, at("effects"), &e.effects);
        if e.choices.len() > 4 {
            c.at(at("choices"), format!("{id}: at most 4 choices"));
        }
        for ch in &e.choices {
            c.text(at("choices"), "a choice label", &ch.label, 60);
            check_effects(c, at("choices"), &ch.effects);
        }
        for cond in &e.conditions {
            if let Condition::MinMonth(m) | Condition::MaxMonth(m) = cond
                && *m > 120
            {
                let message = format!("{id}: months in conditions must be at most 120");
                c.at(at("conditions"), message);
            }
            if let Condition::FromDate(y, m) | Condition::UntilDate(y, m) = cond {
                let what = format!("{id}: the year of a dated condition");
                c.range(at("conditions"), &what, i64::from(*y), 2000, 2100);
                let what = format!("{id}: the month of a dated condition");
                c.range(at("conditions"), &what, i64::from(*m), 1, 12);
            }
        }
        dated_window(c, at("conditions"), id, &e.conditions);
    }
}

/// An event dated both from and until a calendar month must have a window that can open:
/// "from Oct 2025 until Sep 2025" would never fire, which is a mistake in the file.
fn dated_window(c: &mut Checker, loc: Loc, id: &str, conditions: &[Condition]) {
    use crate::game::data::calendar_index;
    let from = conditions.iter().find_map(|cond| match cond {
        Condition::FromDate(y, m) => Some((*y, *m)),
        _ => None,
    });
    let until = conditions.iter().find_map(|cond| match cond {
        Condition::UntilDate(y, m) => Some((*y, *m)),
        _ => None,
    });
    if let (Some((fy, fm)), Some((uy, um))) = (from, until)
        && calendar_index(fy, fm) > calendar_index(uy, um)
    {
        let message = format!(
            "{id}: dated from {fm}/{fy} until {um}/{uy}, a window that never opens (the from date must not be after the until date)"
        );
        c.at(loc, message);
    }
}

/// Most injects in one scenario.
pub const MAX_INJECTS: usize = 24;
/// Most pauses in one scenario.
pub const MAX_PAUSES: usize = 24;

fn injects(c: &mut Checker, content: &Content) {
    let months = content.scenario.months;
    if content.injects.len() > MAX_INJECTS {
        let message = format!(
            "at most {MAX_INJECTS} injects in one scenario, found {}",
            content.injects.len()
        );
        c.at(Loc::Scenario("injects"), message);
        return;
    }
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let of_injects: BTreeSet<usize> = content
        .injects
        .iter()
        .map(|i| usize::from(i.event))
        .collect();
    for (i, e) in content.events.iter().enumerate() {
        if !of_injects.contains(&i) {
            ids.insert(&e.id, usize::MAX);
        }
    }
    for (index, inject) in content.injects.iter().enumerate() {
        let at = |field| Loc::Entry {
            list: "injects",
            index,
            field,
        };
        let Some(e) = content.events.get(usize::from(inject.event)) else {
            c.at(
                at(None),
                "an inject names an event that is not there".into(),
            );
            continue;
        };
        let shown = echo(&e.id);
        let id = shown.as_str();
        c.text(at(Some("id")), "an inject id", &e.id, 40);
        match ids.insert(&e.id, index) {
            Some(usize::MAX) => c.at(
                at(Some("id")),
                format!("the inject id '{id}' is already an event's id; give the inject its own"),
            ),
            Some(_) => c.at(
                at(Some("id")),
                format!("the inject id '{id}' is used twice"),
            ),
            None => {}
        }
        c.text(at(Some("title")), "an inject title", &e.title, 60);
        c.text(at(Some("text")), "an inject text", &e.text, 300);
        check_effects(c, at(Some("effects")), &e.effects);
        if e.choices.len() > 4 {
            c.at(at(Some("choices")), format!("{id}: at most 4 choices"));
        }
        for ch in &e.choices {
            c.text(at(Some("choices")), "a choice label", &ch.label, 60);
            check_effects(c, at(Some("choices")), &ch.effects);
        }
        match inject.trigger {
            Trigger::Month(m) if m < 2 || m > months => c.at(
                at(Some("at")),
                format!(
                    "{id}: an inject's month must be from 2 to {months} (the campaign's \
                     length); it shows at the start of that month, and month 1 is the start \
                     itself; found Month({m})"
                ),
            ),
            Trigger::Month(_) => {}
            Trigger::When(cond) => {
                let (what, value, min, max) = match cond {
                    InjectCondition::PlayerProgressAtLeast(p) => {
                        ("PlayerProgressAtLeast", i64::from(p), 1, 100)
                    }
                    InjectCondition::RivalProgressAtLeast(p) => {
                        ("RivalProgressAtLeast", i64::from(p), 1, 100)
                    }
                    InjectCondition::BudgetBelow(m) => ("BudgetBelow", m, -1_000_000, 10_000_000),
                    InjectCondition::RiskAbove(r) => ("RiskAbove", i64::from(r), 0, 99),
                };
                c.range(at(Some("when")), &format!("{id}: {what}"), value, min, max);
            }
        }
    }
}

fn pauses(c: &mut Checker, content: &Content) {
    let months = content.scenario.months;
    if content.pause_at.len() > MAX_PAUSES {
        let message = format!(
            "at most {MAX_PAUSES} pauses in one scenario, found {}",
            content.pause_at.len()
        );
        c.at(Loc::Scenario("pause_at"), message);
        return;
    }
    let mut seen = BTreeSet::new();
    for (index, &m) in content.pause_at.iter().enumerate() {
        let at = Loc::Entry {
            list: "pause_at",
            index,
            field: None,
        };
        if m < 2 || m > months {
            c.at(
                at,
                format!(
                    "a pause must be at a month from 2 to {months} (the campaign's length): the \
                     class stops at the start of that month; found {m}"
                ),
            );
        } else if !seen.insert(m) {
            c.at(at, format!("the pause at month {m} is given twice"));
        }
    }
}

/// Every tuning number in its range (see `game::balance_ranges`): the rules compute with them
/// unchecked, so a number out of range would make a replay overflow.
fn balance(c: &mut Checker, content: &Content) {
    for p in content.balance.problems() {
        c.at(Loc::Balance(p.path), p.message);
    }
}

/// How many items so far had each id, so a repeated id's place is the right one without
/// searching every earlier item (quadratic in a file of many thousand items).
#[derive(Default)]
struct Counts<'a>(BTreeMap<&'a str, usize>);

impl<'a> Counts<'a> {
    /// How many of the items before this one share its id (0 unless ids repeat).
    fn next(&mut self, id: &'a str) -> usize {
        let n = self.0.entry(id).or_insert(0);
        *n += 1;
        *n - 1
    }
}

fn check_effects(c: &mut Checker, at: Loc, effects: &[Effect]) {
    check_effects_in(c, at, effects, 0);
}

fn check_effects_in(c: &mut Checker, at: Loc, effects: &[Effect], depth: u8) {
    if effects.len() > 12 {
        c.at(at.clone(), "at most 12 effects in one list".into());
    }
    for e in effects {
        if let Effect::Later {
            months,
            note,
            effects: later,
        } = e
        {
            if depth > 0 {
                c.at(
                    at.clone(),
                    "a Later effect cannot hold another Later".into(),
                );
            }
            if !(1..=24).contains(months) {
                let message = format!("Later must land in 1 to 24 months, found {months}");
                c.at(at.clone(), message);
            }
            c.text(at.clone(), "a Later note", note, 120);
            check_effects_in(c, at.clone(), later, depth + 1);
            continue;
        }
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
            // Thousands of GPUs: labs start with hundreds, so a larger number is almost always
            // a count of single GPUs.
            Effect::Compute(v) => (i64::from(*v), 2_000),
            Effect::Researchers(v) => (i64::from(*v), 10_000),
            Effect::Progress(v)
            | Effect::TrackProgress(_, v)
            | Effect::LeaderProgress(v)
            | Effect::RivalsProgress(v) => (i64::from(*v), 200),
            Effect::Weeks(v) => (i64::from(*v), 2),
            Effect::CutAccess(m) | Effect::DelayProjects(m) => (i64::from(*m), 12),
            Effect::LoseStar | Effect::GainStar | Effect::Later { .. } => (0, 0),
        };
        // Not `abs`: it overflows for the most negative number a file can write.
        if v.unsigned_abs() > lim.unsigned_abs() {
            let unit = match e {
                Effect::Compute(_) => {
                    " (compute is counted in thousands of GPUs: Compute(-50) takes away 50,000 \
                     GPUs; labs start with 120 to 800)"
                }
                Effect::Budget(_) | Effect::Income(_) => {
                    " (money is counted in USD millions: Budget(-500) is $500 million)"
                }
                _ => "",
            };
            c.at(
                at.clone(),
                format!("the effect {e:?} is out of range: at most {lim} either way{unit}"),
            );
        }
    }
}
