//! `ai-race scenario check`, `list` and `new` as a teacher uses them: each common mistake in a
//! scenario file is named with its line, column and what is allowed; every built-in scenario
//! loads; the starting file `scenario new` writes passes the check.

use std::path::Path;
use std::process::Command;

use ai_race::content::{self, ContentError, Problem};
use ai_race::report::scenarios;

fn broken(name: &str) -> (String, ContentError) {
    let path = Path::new("tests/scenarios").join(name);
    let text = std::fs::read_to_string(&path).expect("test file");
    match content::load_scenario_text(name, &text, None) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => (text, e),
    }
}

/// The only problem of a file with one mistake.
fn only_problem(name: &str) -> Problem {
    let (_, e) = broken(name);
    assert_eq!(e.problems.len(), 1, "{name}: {e}");
    e.problems[0].clone()
}

fn assert_at(p: &Problem, line: usize, col: usize, phrases: &[&str]) {
    assert_eq!((p.line, p.col), (line, col), "{p}");
    for phrase in phrases {
        assert!(p.message.contains(phrase), "'{phrase}' missing from: {p}");
    }
}

#[test]
fn start_month_13_names_the_months_allowed() {
    let p = only_problem("start-month-13.ron");
    assert_at(
        &p,
        7,
        18,
        &["'start_month'", "from 1 to 12", "January", "found 13"],
    );
}

#[test]
fn months_out_of_range_names_the_range() {
    let p = only_problem("months-out-of-range.ron");
    assert_at(&p, 8, 13, &["'months'", "from 3 to 120", "found 500"]);
}

#[test]
fn wrong_type_says_what_was_found() {
    let p = only_problem("wrong-type.ron");
    assert_at(
        &p,
        8,
        13,
        &[
            "'months' must be a whole number",
            "found the text \"twelve\"",
        ],
    );
}

#[test]
fn unknown_difficulty_lists_the_levels() {
    let p = only_problem("unknown-difficulty.ron");
    assert_at(
        &p,
        10,
        17,
        &["'impossible'", "\"easy\", \"normal\", \"hard\", \"brutal\""],
    );
}

#[test]
fn unknown_lab_lists_the_lab_ids() {
    let p = only_problem("unknown-lab.ron");
    assert_at(
        &p,
        14,
        15,
        &["'facebook'", "\"meta\"", "\"openai\"", "\"deepseek\""],
    );
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let (_, e) = broken("unknown-field.ron");
    assert_eq!(e.problems.len(), 2, "{e}");
    assert_at(
        &e.problems[0],
        2,
        1,
        &["missing the field 'months'", "3 to 120"],
    );
    assert_at(
        &e.problems[1],
        8,
        5,
        &[
            "unknown field 'month'",
            "Did you mean 'months'?",
            "start_month",
        ],
    );
}

#[test]
fn missing_field_says_what_it_is_for() {
    let p = only_problem("missing-field.ron");
    assert_at(
        &p,
        2,
        1,
        &["missing the field 'name'", "the title players see"],
    );
}

#[test]
fn unclosed_bracket_points_back_at_the_opening() {
    let p = only_problem("unclosed-bracket.ron");
    assert_at(
        &p,
        15,
        1,
        &[
            "found ')' where ']' was expected",
            "opened at line 13, column 18",
        ],
    );
}

#[test]
fn every_mistake_in_a_file_is_reported() {
    let (text, e) = broken("many-mistakes.ron");
    let places: Vec<(usize, usize)> = e.problems.iter().map(|p| (p.line, p.col)).collect();
    assert_eq!(
        places,
        vec![
            (7, 18),
            (8, 13),
            (9, 11),
            (10, 17),
            (11, 13),
            (14, 31),
            (14, 44),
            (15, 15),
            (15, 32),
            (16, 9),
            (18, 23),
            (19, 5),
        ],
        "{e}"
    );
    let shown = content::render_problems(&e, "many-mistakes.ron", &text);
    insta::assert_snapshot!("many_mistakes", shown);
}

#[test]
fn a_valid_file_passes() {
    let text = std::fs::read_to_string("tests/scenarios/valid.ron").expect("test file");
    let (report, sound) = scenarios::check("valid.ron", &text);
    assert!(sound, "{report}");
    assert!(report.contains("seed 42 (locked)"), "{report}");
}

#[test]
fn every_builtin_scenario_loads_at_every_difficulty() {
    for (id, _) in content::BUILTIN_SCENARIOS {
        for d in content::difficulties() {
            if let Err(e) = content::load_builtin(id, Some(&d.id)) {
                panic!("{id} at {}: {e}", d.id);
            }
        }
    }
    let listing = scenarios::list();
    for (id, _) in content::BUILTIN_SCENARIOS {
        assert!(listing.contains(id), "{listing}");
    }
    assert!(listing.contains("seed 20260101 (locked)"), "{listing}");
}

#[test]
fn an_oversized_file_is_refused_before_reading() {
    let text = format!("({})", " ".repeat(content::MAX_SCENARIO_BYTES));
    let e = content::load_scenario_text("big.ron", &text, None).expect_err("too big");
    assert!(e.problems[0].message.contains("at most 256 KiB"), "{e}");
}

fn ai_race(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run ai-race");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (text, out.status.code().unwrap_or(-1))
}

#[test]
fn scenario_new_writes_a_file_that_passes_check_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (out, code) = ai_race(dir.path(), &["scenario", "new", "Week 3: Build vs Buy!"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        dir.path().join("week-3-build-vs-buy.ron").is_file(),
        "{out}"
    );

    let (out, code) = ai_race(
        dir.path(),
        &["scenario", "check", "week-3-build-vs-buy.ron"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("no mistakes found"), "{out}");

    let before = std::fs::read(dir.path().join("week-3-build-vs-buy.ron")).expect("file");
    let (out, code) = ai_race(dir.path(), &["scenario", "new", "week 3 build vs buy"]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("already exists"), "{out}");
    let after = std::fs::read(dir.path().join("week-3-build-vs-buy.ron")).expect("file");
    assert_eq!(before, after);

    let (out, code) = ai_race(dir.path(), &["scenario", "new", "../../x"]);
    assert_eq!(code, 0, "{out}");
    assert!(dir.path().join("x.ron").is_file(), "{out}");
}

#[test]
fn scenario_check_exits_non_zero_and_shows_the_line() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let (out, code) = ai_race(&dir, &["scenario", "check", "start-month-13.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("start-month-13.ron line 7, column 18:"),
        "{out}"
    );
    assert!(out.contains("    start_month: 13,\n"), "{out}");
    assert!(out.contains("1 mistake found"), "{out}");

    let (out, code) = ai_race(&dir, &["scenario", "check", "no-such-file.ron"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("cannot open the file"), "{out}");
}

#[test]
fn the_teachers_guide_shows_the_real_check_output() {
    let guide = std::fs::read_to_string("TEACHING.md").expect("TEACHING.md");
    let after = guide
        .split("Writing `start_month: 13,`")
        .nth(1)
        .expect("the example in TEACHING.md");
    let shown = after
        .split("```\n")
        .nth(1)
        .expect("the example's code block");

    let dir = tempfile::tempdir().expect("temp dir");
    let (out, code) = ai_race(dir.path(), &["scenario", "new", "Week 3"]);
    assert_eq!(code, 0, "{out}");
    let path = dir.path().join("week-3.ron");
    let text = std::fs::read_to_string(&path).expect("week-3.ron");
    let text = text
        .replace("    start_month: 1,", "    start_month: 13,")
        .replace(
            "(lab: \"meta\", budget: 12000)",
            "(lab: \"facebook\", budget: 12000)",
        );
    std::fs::write(&path, text).expect("write");
    let (out, code) = ai_race(dir.path(), &["scenario", "check", "week-3.ron"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out, shown);
}

mod never_panics {
    use proptest::prelude::*;

    const VALID: &str = include_str!("scenarios/valid.ron");

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any text at all is answered with a scenario or a list of located mistakes.
        #[test]
        fn on_any_text(text in "\\PC{0,400}") {
            let _ = ai_race::content::load_scenario_text("x.ron", &text, None);
        }

        /// A teacher's file with a few characters changed, removed or added.
        #[test]
        fn on_a_damaged_file(edits in proptest::collection::vec((0usize..600, any::<char>(), 0u8..3), 1..6)) {
            let mut text: Vec<char> = VALID.chars().collect();
            for (at, c, kind) in edits {
                let at = at % (text.len() + 1);
                match kind {
                    0 if at < text.len() => { text.remove(at); }
                    1 if at < text.len() => text[at] = c,
                    _ => text.insert(at, c),
                }
            }
            let text: String = text.into_iter().collect();
            if let Err(e) = ai_race::content::load_scenario_text("x.ron", &text, None) {
                prop_assert!(!e.problems.is_empty());
                let shown = ai_race::content::render_problems(&e, "x.ron", &text);
                prop_assert!(!shown.is_empty());
            }
            // What `scenario check` prints never carries a raw escape, bidi or zero-width
            // character, whatever was inserted.
            let (report, _) = ai_race::report::scenarios::check("x.ron", &text);
            prop_assert!(
                !report.chars().any(|c| c != '\n' && ai_race::report::sanitize::is_hidden(c)),
                "{report:?}"
            );
        }

        /// Huge numbers in any numeric field are located mistakes, never an overflow.
        #[test]
        fn on_huge_numbers(field in 0usize..6, n in any::<u64>()) {
            let names = ["progress_offset", "months", "start_year", "market_size",
                         "project_months_pct", "seed"];
            let text = format!(
                "(id: \"x\", name: \"X\", description: \"d\", start_year: 2026, start_month: 1, \
                 months: 12, lab_changes: [(lab: \"meta\", budget: {n}, compute: {n})], {}: {n})",
                names[field]
            );
            let (report, _) = ai_race::report::scenarios::check("x.ron", &text);
            prop_assert!(!report.is_empty());
        }
    }
}

#[test]
fn progress_offset_of_four_billion_is_a_located_mistake_not_a_panic() {
    let text = "(\n    id: \"x\",\n    name: \"X\",\n    description: \"d\",\n    start_year: 2026,\n    \
                start_month: 1,\n    months: 12,\n    progress_offset: 4294967295,\n)\n";
    let e = content::load_scenario_text("x.ron", text, None).expect_err("refused");
    let p = e
        .problems
        .iter()
        .find(|p| p.message.contains("progress_offset"))
        .unwrap_or_else(|| panic!("names the field: {e}"));
    assert_eq!((p.line, p.col), (8, 22), "{e}");
    assert!(p.message.contains("4294967295"), "{e}");
}

#[test]
fn thousands_of_unknown_disabled_events_give_a_few_lines_and_a_count() {
    let ids: String = (0..20_000).map(|i| format!("\"nope{i}\",")).collect();
    let text = format!(
        "(id: \"x\", name: \"X\", description: \"d\", start_year: 2026, start_month: 1, \
         months: 12, disabled_events: [{ids}])"
    );
    let e = content::load_scenario_text("x.ron", &text, None).expect_err("refused");
    assert!(
        e.problems.len() <= content::MAX_PROBLEMS,
        "{}",
        e.problems.len()
    );
    assert!(e.more >= 19_000, "{}", e.more);
    let shown = e.to_string();
    assert!(shown.len() < 16 * 1024, "{}", shown.len());
    assert!(shown.contains("more problems"), "{shown}");
    assert!(shown.contains(" more"), "{shown}");
}

#[test]
fn a_file_reusing_a_builtin_id_with_other_numbers_is_refused() {
    let builtin = content::builtin_scenario_text("classroom").expect("classroom");
    let edited = builtin.replacen("months:", "months: 120, // was", 1);
    let e = content::load_scenario_file_text("mine.ron", &edited, None)
        .expect_err("an edited built-in under its own id is refused");
    assert!(
        e.to_string().contains("belongs to a built-in scenario"),
        "{e}"
    );
    // The untouched built-in text is the built-in, and passes.
    content::load_scenario_file_text("classroom.ron", builtin, None).expect("the built-in");
}

#[test]
fn escapes_in_the_file_name_values_and_first_byte_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("week\u{1b}[31m\u{202e}.ron");
    std::fs::write(
        &path,
        "\u{1b}[2J(id: \"\u{1b}]0;owned\u{7}\", name: \"\u{202e}x\u{200b}\")",
    )
    .expect("write");
    for args in [
        vec!["scenario", "check", path.to_str().expect("utf-8")],
        vec!["new", "--scenario", path.to_str().expect("utf-8")],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
            .args(&args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("runs");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.status.success(), "{args:?}: {text}");
        for c in ['\u{1b}', '\u{7}', '\u{202e}', '\u{200b}'] {
            assert!(!text.contains(c), "{args:?} printed {c:?} raw:\n{text}");
        }
        assert!(text.contains("\\u{1b}"), "{args:?}: {text}");
    }
}

#[cfg(unix)]
#[test]
fn scenario_check_on_a_fifo_answers_at_once_without_blocking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("week-3.ron");
    let c = std::ffi::CString::new(fifo.to_str().expect("utf-8")).expect("c string");
    // SAFETY: a valid C string path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let started = std::time::Instant::now();
    // The file is opened once, without blocking, and the opened handle is what is checked.
    let e = content::read_scenario_file(&fifo).expect_err("a FIFO is refused");
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(e.to_string().contains("not a regular file"), "{e}");
}

/// Regression: the field checks wanted a list in square brackets for `balance`, so no scenario
/// could change a single tuning number. A scenario's own balance block loads and counts.
#[test]
fn a_scenario_can_replace_the_balance() {
    let balance = std::fs::read_to_string("assets/balance.ron").expect("balance asset");
    let balance = balance.replace("review_cost: 150,", "review_cost: 400,");
    let text = format!(
        "(\n    id: \"dear-reviews\",\n    name: \"Dear reviews\",\n    description: \"Safety reviews cost more.\",\n    start_year: 2025,\n    start_month: 10,\n    months: 24,\n    balance: {balance},\n)\n"
    );
    let content = content::load_scenario_text("dear-reviews.ron", &text, None)
        .unwrap_or_else(|e| panic!("a scenario with its own balance loads: {e}"));
    assert_eq!(content.balance.safety.review_cost, 400);
    let wrong = text.replace(&balance, "[1, 2]");
    let e = content::load_scenario_text("dear-reviews.ron", &wrong, None)
        .expect_err("a list is not a balance");
    assert!(e.to_string().contains("named fields in parentheses"), "{e}");
}
