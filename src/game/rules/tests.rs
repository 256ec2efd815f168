//! Every refusal a player can meet, and the exact events of a few commands.

use std::sync::Arc;

use crate::content;
use crate::game::command::{Command, RuleError};
use crate::game::event::{Event, Flow};
use crate::game::state::{Adoption, Ending, PLAYER, Project, ProjectKind};
use crate::game::{Game, rules};

fn game() -> Game {
    let content = content::load_builtin("race-2025", Some("normal")).expect("built-in scenario");
    Game::new(Arc::new(content), 42)
}

fn refused(g: &Game, c: Command) -> RuleError {
    g.check(&c).expect_err("the rules should refuse this")
}

fn tech(g: &Game, id: &str) -> u16 {
    g.content
        .techs
        .iter()
        .position(|t| t.id == id)
        .expect("tech") as u16
}

fn stage(g: &Game, id: &str) -> u16 {
    g.content
        .stages
        .iter()
        .position(|t| t.id == id)
        .expect("stage") as u16
}

#[test]
fn weeks_and_budget_are_finite() {
    let mut g = game();
    g.state.labs[0].weeks = 0;
    assert_eq!(
        refused(&g, Command::SafetyReview),
        RuleError::NotEnoughWeeks { need: 1, have: 0 }
    );
    let mut g = game();
    g.state.labs[0].budget = 10;
    assert!(matches!(
        refused(&g, Command::Upgrade("auto-eval".into())),
        RuleError::NotEnoughBudget { .. }
    ));
    let msg = refused(&g, Command::Upgrade("auto-eval".into())).to_string();
    assert_eq!(msg, "not enough budget: this costs $400M, you have $10M");
}

#[test]
fn game_over_and_pending_choices_block_moves() {
    let mut g = game();
    g.state.ending = Some(Ending::BudgetFrozen);
    assert_eq!(refused(&g, Command::EndMonth), RuleError::GameOver);

    let g = game();
    assert_eq!(refused(&g, Command::Choose(0)), RuleError::NoChoicePending);
    let mut g = game();
    crate::game::deck::fire(&mut rules::Ctx::new(&g.content.clone(), &mut g.state), 0);
    let title = g.content.events[0].title.clone();
    assert_eq!(
        refused(&g, Command::EndMonth),
        RuleError::ChoicePending(title)
    );
    assert_eq!(refused(&g, Command::Choose(9)), RuleError::NoSuchOption(9));
    assert!(g.check(&Command::Choose(0)).is_ok());
}

#[test]
fn hiring_refusals() {
    let mut g = game();
    assert_eq!(
        refused(
            &g,
            Command::Offer {
                person: 99_999,
                salary: 10
            }
        ),
        RuleError::UnknownPerson
    );
    let (mine, _) = g
        .state
        .staff_of(PLAYER)
        .next()
        .expect("the player has staff");
    assert!(matches!(
        refused(
            &g,
            Command::Offer {
                person: mine,
                salary: 10
            }
        ),
        RuleError::AlreadyOnStaff(_)
    ));
    let outside = (0..g.state.people.len() as u32)
        .find(|id| {
            !g.state.market.contains(id) && g.state.people[*id as usize].employer != Some(PLAYER)
        })
        .expect("someone outside the market");
    assert!(matches!(
        refused(
            &g,
            Command::Offer {
                person: outside,
                salary: 10
            }
        ),
        RuleError::NotInMarket(_)
    ));
    let candidate = g.state.market[0];
    let ask = g.state.people[candidate as usize].salary;
    let (min, max) = rules::offer_range(&g.content, ask);
    assert_eq!(
        refused(
            &g,
            Command::Offer {
                person: candidate,
                salary: min - 1
            }
        ),
        RuleError::OfferOutOfRange { min, max }
    );
    g.state.people[candidate as usize].refused_month = Some(0);
    assert!(matches!(
        refused(
            &g,
            Command::Offer {
                person: candidate,
                salary: ask
            }
        ),
        RuleError::AlreadyRefused(_)
    ));
}

#[test]
fn tech_refusals() {
    let mut g = game();
    assert_eq!(
        refused(&g, Command::Adopt("no-such".into())),
        RuleError::UnknownTech("no-such".into())
    );
    // A lab cannot adopt its own tech: Anthropic and its coding agents.
    let own = rules::check(
        &g.content,
        &g.state,
        3,
        &Command::Adopt("claude-code-agents".into()),
    );
    assert!(matches!(own, Err(RuleError::OwnTech(_))));

    let jax = tech(&g, "jax-xla");
    g.state.labs[0].tech.push(Adoption {
        tech: jax,
        integrating: 2,
        in_house: false,
    });
    assert!(matches!(
        refused(&g, Command::Adopt("jax-xla".into())),
        RuleError::AlreadyAdopted(_)
    ));
    assert!(matches!(
        refused(&g, Command::Adopt("deepspeed".into())),
        RuleError::IntegrationBusy(_)
    ));
    g.state.labs[0].projects.push(Project {
        kind: ProjectKind::Build(jax),
        months_left: 3,
        months_total: 3,
    });
    assert!(matches!(
        refused(&g, Command::Build("jax-xla".into())),
        RuleError::AlreadyBuilding(_)
    ));
    assert!(matches!(
        refused(&g, Command::Build("deepspeed".into())),
        RuleError::BuildBusy(_)
    ));

    let mut g = game();
    let evals = tech(&g, "openai-evals");
    g.state.techs[usize::from(evals)].cut_until = Some(3);
    let err = refused(&g, Command::Adopt("openai-evals".into()));
    assert_eq!(
        err.to_string(),
        "OpenAI has cut access to OpenAI eval harness until Jan 2026"
    );
}

#[test]
fn legacy_refusals() {
    let mut g = game();
    assert_eq!(
        refused(&g, Command::Retire("nope".into())),
        RuleError::UnknownLegacy("nope".into())
    );
    assert_eq!(
        refused(&g, Command::Retire("conveyor".into())).to_string(),
        "nothing replaces Conveyor deploy platform yet: adopt or build Vercel with GitHub, or finish the pipeline stage Continuous deployment first"
    );
    assert!(matches!(
        refused(&g, Command::Retire("borg-era-tooling".into())),
        RuleError::LegacyNotRunning(_)
    ));
    let vercel = tech(&g, "vercel-github");
    g.state.labs[0].tech.push(Adoption {
        tech: vercel,
        integrating: 1,
        in_house: false,
    });
    assert!(matches!(
        refused(&g, Command::Retire("conveyor".into())),
        RuleError::NoReplacement { .. }
    ));
    g.state.labs[0].tech[0].integrating = 0;
    assert!(g.check(&Command::Retire("conveyor".into())).is_ok());
}

#[test]
fn pipeline_refusals() {
    let mut g = game();
    assert_eq!(
        refused(&g, Command::Upgrade("x".into())),
        RuleError::UnknownStage("x".into())
    );
    assert_eq!(
        refused(&g, Command::Upgrade("continuous-deploy".into())).to_string(),
        "Continuous deployment needs Automated evaluation first"
    );
    g.apply(&Command::Upgrade("auto-eval".into()))
        .expect("first stage");
    assert!(matches!(
        refused(&g, Command::Upgrade("auto-eval".into())),
        RuleError::StageUnderWay(_)
    ));
    assert!(matches!(
        refused(&g, Command::Upgrade("scheduler".into())),
        RuleError::PipelineBusy(_)
    ));
    let eval = stage(&g, "auto-eval");
    g.state.labs[0].projects.clear();
    g.state.labs[0].stages.push(eval);
    assert!(matches!(
        refused(&g, Command::Upgrade("auto-eval".into())),
        RuleError::StageDone(_)
    ));
}

#[test]
fn compute_and_support_refusals() {
    let mut g = game();
    assert_eq!(
        refused(&g, Command::BuildDataCentre(0)),
        RuleError::ComputeOutOfRange {
            max: g.content.balance.compute.max_data_centre
        }
    );
    assert_eq!(
        refused(
            &g,
            Command::LeaseCompute(g.content.balance.compute.max_lease + 1)
        ),
        RuleError::ComputeOutOfRange {
            max: g.content.balance.compute.max_lease
        }
    );
    g.state.labs[0].last_release_month = Some(0);
    g.state.month = 1;
    assert_eq!(
        refused(&g, Command::OpenRelease),
        RuleError::ReleaseTooSoon { months: 1, gap: 3 }
    );
    g.state.labs[0].products = g.content.balance.actions.max_products;
    assert_eq!(refused(&g, Command::ShipAi), RuleError::ProductsMaxed);
    g.state.labs[0].products = 3;
    assert!(matches!(
        refused(&g, Command::ShipAi),
        RuleError::NotEnoughProgress { need: 50, .. }
    ));
    g.state.labs[0].morale = 100;
    assert_eq!(refused(&g, Command::Morale), RuleError::MoraleFull);
}

#[test]
fn deal_and_licence_refusals() {
    let mut g = game();
    assert_eq!(
        refused(&g, Command::Deal("x".into())),
        RuleError::UnknownDeal("x".into())
    );
    assert_eq!(
        refused(&g, Command::Deal("chip-startup".into())).to_string(),
        "the deal \"Acquire an AI chip startup\" opens in Apr 2026"
    );
    g.apply(&Command::Deal("cloud-capacity-pact".into()))
        .expect("deal");
    assert!(matches!(
        refused(&g, Command::Deal("cloud-capacity-pact".into())),
        RuleError::DealTaken(_)
    ));
    assert!(matches!(
        refused(&g, Command::RaiseLicence("gemini-vision-api".into())),
        RuleError::NotVendor(_)
    ));
    let deepmind = 2;
    assert!(
        rules::check(
            &g.content,
            &g.state,
            deepmind,
            &Command::RaiseLicence("gemini-vision-api".into())
        )
        .is_ok()
    );
    rules::apply(
        &g.content,
        &mut g.state,
        deepmind,
        &Command::RaiseLicence("gemini-vision-api".into()),
    )
    .expect("raise");
    let again = rules::check(
        &g.content,
        &g.state,
        deepmind,
        &Command::RaiseLicence("gemini-vision-api".into()),
    );
    assert!(matches!(again, Err(RuleError::PriceRaisedRecently(_))));
}

#[test]
fn starting_a_stage_yields_exactly_these_events() {
    let mut g = game();
    let events = g
        .apply(&Command::Upgrade("auto-eval".into()))
        .expect("allowed");
    let eval = stage(&g, "auto-eval");
    assert_eq!(
        events[0],
        Event::WeeksSpent {
            lab: PLAYER,
            weeks: 1
        }
    );
    assert_eq!(
        events[1],
        Event::Money {
            lab: PLAYER,
            delta: -400,
            flow: Flow::Action
        }
    );
    assert_eq!(
        events[2],
        Event::ProjectStarted {
            lab: PLAYER,
            project: Project {
                kind: ProjectKind::Stage(eval),
                months_left: 3,
                months_total: 3
            },
        }
    );
    assert!(matches!(events[3], Event::News { .. }));
    assert!(matches!(events[4], Event::Timeline { .. }));
    assert_eq!(events.len(), 5);
    assert_eq!(g.state.player().weeks, 3);
}

#[test]
fn a_finished_stage_cuts_deploy_time() {
    // Without events, so nothing else moves the deploy time.
    let mut content =
        content::load_builtin("race-2025", Some("normal")).expect("built-in scenario");
    content.events.clear();
    let mut g = Game::new(Arc::new(content), 42);
    g.apply(&Command::Upgrade("auto-eval".into()))
        .expect("allowed");
    for _ in 0..3 {
        g.apply(&Command::EndMonth).expect("end month");
        if g.state.pending.is_some() {
            g.apply(&Command::Choose(0)).expect("answer");
        }
    }
    assert_eq!(g.state.player().deploy_minutes, 216, "6 hours x 60%");
    assert!(g.state.player().has_stage(stage(&g, "auto-eval")));
}

#[test]
fn a_finished_stage_can_replace_a_legacy_system() {
    let mut g = game();
    assert!(g.check(&Command::Retire("approval-board".into())).is_err());
    let eval = stage(&g, "auto-eval");
    g.state.labs[0].stages.push(eval);
    assert!(g.check(&Command::Retire("approval-board".into())).is_ok());
}

#[test]
fn an_unaffordable_match_is_refused_but_letting_go_is_not() {
    let mut g = game();
    let (person, _) = g.state.staff_of(PLAYER).next().expect("staff");
    g.state.pending = Some(crate::game::state::PendingChoice {
        source: crate::game::state::ChoiceSource::Poach {
            person,
            rival: 1,
            salary: 400,
        },
        title: "OpenAI is poaching".into(),
        text: String::new(),
        options: vec!["Match".into(), "Let them go".into()],
    });
    g.state.labs[0].budget = 50;
    assert_eq!(
        refused(&g, Command::Choose(0)),
        RuleError::NotEnoughBudget {
            need: "$100M".into(),
            have: "$50M".into()
        }
    );
    assert!(g.check(&Command::Choose(1)).is_ok());
}
