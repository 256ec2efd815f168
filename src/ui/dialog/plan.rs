//! "Repeat last month's plan": the kinds of moves the player made last month, made again this
//! month where the rules allow it. A safety review, a morale action, shipping AI, a lease or a
//! data centre of the same size and a deal are the same command again; a hire goes to this
//! month's best candidate for the same role and track (else the same role), at the offer
//! level used last; a
//! pipeline stage, an adoption, a build or a retirement goes to the next one the rules allow.
//! The dialog lists each move with its cost or the rules' reason for refusing it, and one key
//! makes the allowed ones.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::game::state::{PLAYER, PersonId, ProjectKind};
use crate::game::units::{Money, money};
use crate::game::{Command, Game};

use super::super::explain::Tone;
use super::super::keys::{Action, Hint, hint};
use super::super::session::Session;
use super::super::theme::Theme;
use super::super::widgets::{centered, dialog_width, popup, put, tone_style, wrap};

/// One move of the plan: what it is in words, and the command or the reason it cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub label: String,
    pub verdict: Result<Command, String>,
}

/// Last month's moves, made again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub items: Vec<PlanItem>,
    /// The month the moves were made in (for the title).
    pub from: String,
}

impl Plan {
    /// The plan for this month from last month's moves; `Err` says why there is none.
    pub fn build(s: &Session) -> Result<Plan, String> {
        let month = s.game.state.month;
        if month == 0 {
            return Err(
                "there is no last month to repeat yet: make this month's moves on the screens (1-6)"
                    .into(),
            );
        }
        let last: Vec<&Command> = s
            .record
            .decisions()
            .iter()
            .filter(|(m, c)| *m + 1 == month && repeatable(c))
            .map(|(_, c)| c)
            .collect();
        let from = s.content().date_label(month - 1);
        if last.is_empty() {
            return Err(format!(
                "you made no moves in {from}, so there is no plan to repeat"
            ));
        }
        // Each move is checked after the ones before it, on a scratch copy of the game, so
        // weeks and money running out show where they run out.
        let mut scratch = s.game.clone();
        let mut items = Vec::new();
        for old in last {
            let (label, found) = again(s, &scratch, old);
            let verdict = found.and_then(|cmd| match scratch.check(&cmd) {
                Ok(_) => {
                    let _ = scratch.apply(&cmd);
                    Ok(cmd)
                }
                Err(e) => Err(super::super::screens::refusal(&scratch, &e)),
            });
            items.push(PlanItem { label, verdict });
        }
        Ok(Plan { items, from })
    }

    /// The moves the rules allow, in order.
    pub fn allowed(&self) -> Vec<Command> {
        self.items
            .iter()
            .filter_map(|i| i.verdict.as_ref().ok().cloned())
            .collect()
    }

    pub fn hints(&self) -> Vec<Hint> {
        vec![
            hint(Action::Yes, "make the allowed moves"),
            hint(Action::Choose, "make the allowed moves"),
            hint(Action::No, "cancel"),
            hint(Action::Back, "cancel"),
            hint(Action::Help, "help"),
        ]
    }

    /// The lines of the dialog wrapped to `width`, each with its tone.
    fn lines(&self, game: &Game, width: usize) -> Vec<(String, Tone)> {
        let mut out = Vec::new();
        let mut weeks = 0u32;
        let mut spend: Money = 0;
        for item in &self.items {
            let (text, tone) = match &item.verdict {
                Ok(cmd) => {
                    let c = crate::game::rules::cost(&game.content, &game.state, PLAYER, cmd);
                    weeks += u32::from(c.weeks);
                    spend += c.money;
                    (
                        format!(
                            "✓ {} ({} week{ws}, {})",
                            item.label,
                            c.weeks,
                            money(c.money),
                            ws = crate::text::s(c.weeks)
                        ),
                        Tone::Good,
                    )
                }
                Err(why) => (format!("✗ {}: {why}", item.label), Tone::Bad),
            };
            // Long reasons wrap under their move instead of being cut.
            for (i, l) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
                out.push((if i == 0 { l } else { format!("  {l}") }, tone));
            }
        }
        out.push((String::new(), Tone::Normal));
        let n = self.allowed().len();
        let total = if n == 0 {
            "Nothing in last month's plan is allowed now: make this month's moves on the screens."
                .to_string()
        } else {
            format!(
                "{n} move{ns} allowed: {weeks} CEO week{ws} of {}, {} in all.",
                game.state.player().weeks,
                money(spend),
                ns = crate::text::s(n as i64),
                ws = crate::text::s(weeks as i64)
            )
        };
        for l in wrap(&total, width) {
            out.push((l, Tone::Heading));
        }
        out
    }

    pub fn area(&self, game: &Game, area: Rect) -> Rect {
        let w = dialog_width(area);
        let h = self.lines(game, usize::from(w.saturating_sub(2))).len() + 4;
        centered(area, w, h.min(usize::from(u16::MAX)) as u16)
    }

    pub fn render(&self, game: &Game, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let r = self.area(game, area);
        let inner = popup(
            &format!("Repeat {}'s plan this month?", self.from),
            theme,
            r,
            buf,
        );
        let lines = self.lines(game, usize::from(inner.width));
        for (i, (text, tone)) in lines.iter().enumerate() {
            put(
                Line::styled(text.as_str(), tone_style(*tone, theme)),
                inner,
                i as u16,
                buf,
            );
        }
        let keys = Line::from(vec![
            Span::styled("y", theme.key()),
            Span::raw("/"),
            Span::styled("Enter", theme.key()),
            Span::raw(" make them   "),
            Span::styled("n", theme.key()),
            Span::raw("/"),
            Span::styled("Esc", theme.key()),
            Span::raw(" cancel"),
        ]);
        put(keys, inner, inner.height.saturating_sub(1), buf);
    }
}

/// Whether a move is a plan's kind of move (answers to events and month ends are not).
fn repeatable(c: &Command) -> bool {
    !matches!(
        c,
        Command::Choose(_) | Command::EndMonth | Command::RaiseLicence(_)
    )
}

/// Last month's `old` move as this month's command, in words; `Err` when nothing fits.
fn again(s: &Session, game: &Game, old: &Command) -> (String, Result<Command, String>) {
    let c = &game.content;
    let st = &game.state;
    let p = st.player();
    match old {
        Command::Offer { person, .. } => {
            let Some(was) = st.people.get(*person as usize) else {
                return ("Hire".into(), Err("that person is unknown".into()));
            };
            let (role, track) = (was.role, was.specialty);
            let label = format!("Hire for {} ({})", track.name(), role.name());
            // The best free candidate in the same role and track; failing that, in the same
            // role (a lab rarely finds the same profile two months running).
            let pick = |same_track: bool| -> Option<PersonId> {
                st.market
                    .iter()
                    .copied()
                    .filter(|&id| {
                        st.people.get(id as usize).is_some_and(|q| {
                            q.role == role
                                && (!same_track || q.specialty == track)
                                && q.refused_month != Some(st.month)
                        })
                    })
                    .max_by_key(|&id| (st.people[id as usize].skill, std::cmp::Reverse(id)))
            };
            match pick(true).or_else(|| pick(false)) {
                Some(id) => {
                    let q = &st.people[id as usize];
                    let salary = offer_amount(game, id, s.offer_pct);
                    (
                        format!(
                            "Hire for {} ({}): offer {} (skill {}) {} a year",
                            q.specialty.name(),
                            role.name(),
                            q.name,
                            q.skill,
                            money(Money::from(salary))
                        ),
                        Ok(Command::Offer { person: id, salary }),
                    )
                }
                None => (
                    label,
                    Err(format!(
                        "nobody in the market for {} this month",
                        role.name()
                    )),
                ),
            }
        }
        Command::Upgrade(_) => {
            let open: Vec<usize> = (0..c.stages.len())
                .filter(|&i| {
                    !p.has_stage(i as u16)
                        && !p
                            .projects
                            .iter()
                            .any(|pr| pr.kind == ProjectKind::Stage(i as u16))
                })
                .collect();
            next_of(
                game,
                "Start the next pipeline stage",
                open.iter().map(|&i| {
                    (
                        c.stages[i].name.clone(),
                        Command::Upgrade(c.stages[i].id.clone()),
                    )
                }),
                "every pipeline stage is done or under way",
            )
        }
        Command::Adopt(_) | Command::Build(_) | Command::AdoptThenBuild(_) => {
            let (what, make): (&str, fn(String) -> Command) = match old {
                Command::Adopt(_) => ("Adopt the next tech", Command::Adopt),
                Command::Build(_) => ("Build the next tech in-house", Command::Build),
                _ => ("Adopt the next tech, build later", Command::AdoptThenBuild),
            };
            next_of(
                game,
                what,
                c.techs.iter().map(|t| (t.name.clone(), make(t.id.clone()))),
                "no tech left for that",
            )
        }
        Command::Retire(_) => next_of(
            game,
            "Retire the next legacy system",
            p.legacy.iter().filter_map(|&l| {
                c.legacy
                    .get(usize::from(l))
                    .map(|d| (d.name.clone(), Command::Retire(d.id.clone())))
            }),
            "no legacy system left to retire",
        ),
        Command::BuildDataCentre(k) => (
            format!("Data centre for {k}k GPUs"),
            Ok(Command::BuildDataCentre(*k)),
        ),
        Command::LeaseCompute(k) => (format!("Lease {k}k GPUs"), Ok(Command::LeaseCompute(*k))),
        Command::SafetyReview => ("Invest in safety review".into(), Ok(old.clone())),
        Command::Morale => ("Look after morale".into(), Ok(old.clone())),
        Command::Intelligence => ("Commission intelligence".into(), Ok(old.clone())),
        Command::ShipAi => ("Ship AI into the apps".into(), Ok(old.clone())),
        Command::OpenRelease => ("Release an open model".into(), Ok(old.clone())),
        other => (
            super::super::session::describe(game, other),
            Ok(other.clone()),
        ),
    }
}

/// The first of `choices` the rules allow now, named; else the first one's refusal.
fn next_of(
    game: &Game,
    what: &str,
    choices: impl Iterator<Item = (String, Command)>,
    none: &str,
) -> (String, Result<Command, String>) {
    let mut first_refusal = None;
    for (name, cmd) in choices {
        match game.check(&cmd) {
            Ok(_) => return (format!("{what}: {name}"), Ok(cmd)),
            Err(e) if first_refusal.is_none() => {
                first_refusal = Some(format!(
                    "{name}: {}",
                    super::super::screens::refusal(game, &e)
                ))
            }
            Err(_) => {}
        }
    }
    (
        what.to_string(),
        Err(first_refusal.unwrap_or_else(|| none.to_string())),
    )
}

/// An offer to `person` at `pct` percent of their ask, within the range the rules allow.
pub fn offer_amount(game: &Game, person: PersonId, pct: u32) -> u32 {
    let Some(p) = game.state.people.get(person as usize) else {
        return 1;
    };
    // The ask the market sets for the player (raised by its memory of overpaying).
    let ask = crate::game::rules::ask(&game.state, PLAYER, person);
    let (min, max) = crate::game::rules::offer_range(&game.content, p.salary);
    (ask.saturating_mul(pct) / 100).clamp(min, max)
}
