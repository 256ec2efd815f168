//! The class report and the debrief as HTML pages for a projector and a printer: each page is
//! one well-formed document (checked by a strict XML parser, so every element is closed and
//! every attribute quoted), with no script, no event handler and nothing fetched from
//! elsewhere, with SVG charts, and with every name from a file escaped: HTML, quotes,
//! ampersands, bidi overrides, zero-width and control characters.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use ai_race::content;
use ai_race::game::Content;
use ai_race::game::policy::Policy;
use ai_race::report::{ClassReport, Debrief};
use ai_race::save::Playthrough;
use quick_xml::events::Event;

/// Player names a class could hand in, each hostile in its own way.
const HOSTILE: [&str; 7] = [
    "<script>alert(1)</script>",
    "Ada \"the\" <b>best</b>",
    "R&D & Sons &amp;",
    "\u{202e}gnp.exe",
    "zero\u{200b}width\u{feff}",
    "<img src=x onerror=alert(1)>",
    "O'Brien <svg onload=alert(1)>",
];

/// Characters that must never reach a page raw.
const HIDDEN: [char; 6] = [
    '\u{1b}', '\u{7}', '\u{202e}', '\u{200b}', '\u{feff}', '\u{0}',
];

/// What a strict parse of a page found.
#[derive(Default, Debug)]
struct Parsed {
    elements: Vec<String>,
    /// (element, attribute, value)
    attributes: Vec<(String, String, String)>,
    /// The text content, unescaped, one piece per text node.
    text: Vec<String>,
}

impl Parsed {
    fn count(&self, name: &str) -> usize {
        self.elements.iter().filter(|e| *e == name).count()
    }

    fn all_text(&self) -> String {
        self.text.join("")
    }
}

/// Parses `html` as XML (the pages are written well-formed), panicking at the first error.
fn parse(html: &str) -> Parsed {
    let mut reader = quick_xml::Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let mut out = Parsed::default();
    // Text around a reference (`a &amp; b`) comes in pieces: they make one text node.
    let mut joining = false;
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_string();
                for a in e.attributes() {
                    let a = a.expect("a well-formed attribute");
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .expect("an attribute that unescapes")
                        .to_string();
                    out.attributes
                        .push((name.clone(), a.key.as_ref().to_string(), value));
                }
                out.elements.push(name);
            }
            Event::Text(t) => {
                let piece = t.xml10_content().to_string();
                match out.text.last_mut() {
                    Some(last) if joining => last.push_str(&piece),
                    _ => out.text.push(piece),
                }
                joining = true;
                continue;
            }
            // `&amp;`, `&#39;`...: only the predefined and numeric references are allowed.
            Event::GeneralRef(r) => {
                let name = r.xml10_content().to_string();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&name)
                        .unwrap_or_else(|| panic!("an undefined entity &{name};"))
                        .to_string(),
                };
                // A reference continues the text node it is in.
                match out.text.last_mut() {
                    Some(last) if joining => last.push_str(&resolved),
                    _ => out.text.push(resolved),
                }
                joining = true;
                continue;
            }
            Event::Eof => break,
            _ => {}
        }
        joining = false;
    }
    out
}

/// The page is safe to open anywhere: no script, no handler, nothing from the network.
fn assert_self_contained(what: &str, html: &str, page: &Parsed) {
    assert!(html.starts_with("<!DOCTYPE html>"), "{what}");
    for banned in [
        "script", "iframe", "object", "embed", "link", "img", "base", "form",
    ] {
        assert_eq!(page.count(banned), 0, "{what} has a <{banned}> element");
    }
    for (element, name, value) in &page.attributes {
        assert!(
            !name.to_ascii_lowercase().starts_with("on"),
            "{what}: <{element} {name}> is an event handler"
        );
        let v = value.to_ascii_lowercase();
        assert!(
            !v.contains("http:") && !v.contains("https:") && !v.contains("javascript:"),
            "{what}: <{element} {name}=\"{value}\"> points elsewhere"
        );
        if matches!(name.as_str(), "href" | "src" | "xlink:href") {
            assert!(
                v.starts_with('#'),
                "{what}: {name}=\"{value}\" leaves the page"
            );
        }
        assert!(
            !v.contains("url(") || v.starts_with("url(#"),
            "{what}: {value}"
        );
    }
    let style = html
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .expect("a style");
    assert!(
        !style.contains("@import") && !style.contains("url(") && !style.contains("@font-face"),
        "{what}: the style loads something"
    );
    assert!(style.contains("@media print"), "{what}: no print rules");
    for c in HIDDEN {
        assert!(!html.contains(c), "{what} holds {c:?} raw");
    }
}

/// A scenario whose names are hostile too: lab names (on the charts), scenario and difficulty
/// names (in titles), with control characters.
fn hostile_content() -> Content {
    let mut c = content::load_builtin("classroom", None).expect("built-in");
    c.scenario.id = "class<script>".into();
    c.scenario.name = "Class <script>alert(1)</script>\u{202e}\u{200b} & \"co\"".into();
    c.difficulty.name = "Hard\u{1b}]0;owned\u{7}".into();
    c.labs[0].name = "Meta <i>AI</i>\u{202e}".into();
    c.labs[0].short = "M&<e>".into();
    c.labs[1].short = "R\u{202e}<x>\u{200b}".into();
    c.scenario.locked = false;
    c
}

/// Writes `count` distinct verified games on `content` (one policy and resting month each),
/// player names cycling through [`HOSTILE`] with a number.
fn write_class(dir: &Path, content: &Arc<Content>, count: usize) {
    // The classroom is locked to its seed.
    let seed = content.scenario.seed.unwrap_or(11);
    let policies = [
        Policy::Balanced,
        Policy::HireOnly,
        Policy::TalentFirst,
        Policy::ComputeFirst,
        Policy::Everything,
        Policy::PipelineFirst,
    ];
    for i in 0..count {
        let policy = policies[i % policies.len()];
        let rest = (i / policies.len()) as u16;
        let (_, decisions) = common::own_game(content, seed, policy, rest);
        let mut play = Playthrough::replay(Arc::clone(content), seed, &decisions).expect("replays");
        play.record.player = Some(format!("{} {i}", HOSTILE[i % HOSTILE.len()]));
        let text = play.to_text().expect("save text");
        std::fs::write(dir.join(format!("student {i} <x>.ron")), text).expect("write");
    }
}

/// Every hostile name shows as text in the page: escaped (the parser gives it back as text,
/// never as markup) and its hidden characters written as `\u{..}`.
fn assert_names_escaped(what: &str, page: &Parsed, names: &[&str]) {
    let text = page.all_text();
    for name in names {
        let shown = ai_race::report::sanitize::terminal(name, 200);
        assert!(
            text.contains(&shown),
            "{what}: {shown:?} is not shown as text"
        );
    }
}

#[test]
fn a_class_report_over_30_saves_is_one_safe_page_with_charts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Arc::new(hostile_content());
    write_class(dir.path(), &content, 30);
    std::fs::write(
        dir.path().join("broken <b>&.ron"),
        "(format: \"x\u{202e}\")",
    )
    .expect("write");
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    let ranked: usize = report.groups.iter().map(|g| g.entries.len()).sum();
    assert!(
        ranked >= 25,
        "most games rank: {ranked}, {:?}",
        report.failed
    );
    let html = report.to_html();
    let page = parse(&html);
    assert_self_contained("report", &html, &page);
    // The race chart (one line per student and per rival), the score histogram, the endings
    // and the levers of the top and bottom quarters.
    assert!(page.count("svg") >= 5, "{:?}", page.count("svg"));
    // A class this size is drawn as a band (the whole class and its middle half) with its
    // median, not a line per student: thirty lines are a black blob on a projector.
    assert!(page.count("polygon") >= 2, "the class's spread as a band");
    assert!(html.contains(">class median<"), "the median is named");
    assert!(page.count("pattern") >= 1, "hatching, not only colour");
    let text = page.all_text();
    for heading in [
        "The race, month by month",
        "Scores",
        "Endings",
        "Levers",
        "Ranking",
    ] {
        assert!(text.contains(heading), "no {heading}");
    }
    assert!(
        text.contains("Not ranked") && text.contains("broken <b>&.ron"),
        "flagged"
    );
    assert!(text.contains("(rival)"), "the rivals are on the chart");
    let names: Vec<String> = report.groups[0]
        .entries
        .iter()
        .take(7)
        .map(|e| e.player.clone())
        .collect();
    for e in names.iter() {
        assert!(text.contains(e.as_str()), "{e:?} is in the ranking");
    }
    assert_names_escaped(
        "report",
        &page,
        &[
            "Class <script>alert(1)</script>\u{202e}\u{200b} & \"co\"",
            "R\u{202e}<x>\u{200b}",
        ],
    );
    for raw in ["<script", "<img", "<svg onload", "<b>best", "<x>"] {
        assert!(!html.contains(raw), "{raw} reached the page as markup");
    }
}

#[test]
fn every_hostile_player_name_is_escaped_in_the_report_and_its_debrief() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Arc::new(hostile_content());
    write_class(dir.path(), &content, HOSTILE.len());
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    let page = parse(&report.to_html());
    let with_numbers: Vec<String> = HOSTILE
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{n} {i}"))
        .collect();
    let names: Vec<&str> = with_numbers.iter().map(String::as_str).collect();
    assert_names_escaped("report", &page, &names);

    for (i, name) in names.iter().enumerate() {
        let path = dir.path().join(format!("student {i} <x>.ron"));
        let verified = ai_race::save::load_path(&path).expect("verifies");
        let d = Debrief::from_game(&verified.play.game, verified.play.decisions())
            .with_player(verified.play.record.player.as_deref());
        let html = d.to_html();
        let page = parse(&html);
        assert_self_contained("debrief", &html, &page);
        assert_names_escaped("debrief", &page, &[name]);
        let title = page
            .text
            .iter()
            .find(|t| t.starts_with("Debrief: "))
            .expect("a title");
        assert!(
            title.contains(&ai_race::report::sanitize::terminal(name, 200)),
            "the player's name is in the title: {title}"
        );
    }
}

#[test]
fn a_debrief_page_has_the_race_the_decisions_the_levers_and_three_questions() {
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    let seed = content.scenario.seed.expect("seed");
    let (_, decisions) = common::own_game(&content, seed, Policy::Balanced, 3);
    let play = Playthrough::replay(content, seed, &decisions).expect("replays");
    let d = Debrief::from_game(&play.game, play.decisions()).with_player(Some("Ada"));
    let html = d.to_html();
    let page = parse(&html);
    assert_self_contained("debrief", &html, &page);
    let text = page.all_text();
    assert!(
        text.contains("Debrief: Classroom sprint, Ada's game"),
        "{text}"
    );
    for heading in [
        "The race over time",
        "Your key decisions",
        "What each lever contributed",
        "Questions for discussion",
    ] {
        assert!(text.contains(heading), "no {heading}");
    }
    // The race (a line per lab), the decision marks under it, the levers' bars.
    assert_eq!(page.count("polyline"), play.game.content.labs.len());
    assert!(page.count("rect") > 5, "decision marks and bars");
    assert!(text.contains("hiring") && text.contains("starting position"));
    let questions = html
        .split("<ol class=\"questions\">")
        .nth(1)
        .expect("questions");
    let questions = questions.split("</ol>").next().expect("list");
    assert_eq!(questions.matches("<li>").count(), 3);
}

fn run(args: &[&str], dir: &Path) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_ai-race"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code(),
    )
}

#[test]
fn debrief_of_a_folder_writes_one_safely_named_page_per_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let saves = dir.path().join("class");
    std::fs::create_dir(&saves).expect("mkdir");
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    write_class(&saves, &content, 3);
    // Two names that make the same safe name, and one that tries to leave the folder.
    std::fs::rename(saves.join("student 0 <x>.ron"), saves.join("a b.ron")).expect("mv");
    std::fs::rename(saves.join("student 1 <x>.ron"), saves.join("a-b.ron")).expect("mv");
    std::fs::rename(
        saves.join("student 2 <x>.ron"),
        saves.join("..%2f..%2fetc.ron"),
    )
    .expect("mv");
    let (_, err, code) = run(
        &["debrief", "class", "--format", "html", "--out-dir", "out"],
        dir.path(),
    );
    assert_eq!(code, Some(0), "{err}");
    let mut written: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["2f-2fetc.html", "a-b-2.html", "a-b.html"],
        "{err}"
    );
    for name in &written {
        let html = std::fs::read_to_string(dir.path().join("out").join(name)).expect("page");
        let page = parse(&html);
        assert_self_contained(name, &html, &page);
        let title = page
            .text
            .iter()
            .find(|t| t.starts_with("Debrief: "))
            .expect("title");
        assert!(title.contains("'s game"), "the player is named: {title}");
    }
    // Markdown too, and all of a folder in one printable page without --out-dir.
    let (_, err, code) = run(&["debrief", "class", "--out-dir", "md"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path().join("md"))
            .expect("md")
            .count(),
        3
    );
    let (all, _, code) = run(&["debrief", "class", "--format", "html"], dir.path());
    assert_eq!(code, Some(0));
    let page = parse(&all);
    assert_eq!(page.count("article"), 3);
    assert_eq!(
        all.matches("<article class=\"page\">").count(),
        2,
        "a page break per student"
    );
    let (_, _, code) = run(&["debrief", "class", "--format", "csv"], dir.path());
    assert_eq!(code, Some(2), "a debrief has no csv");
}

#[test]
fn an_anonymized_report_names_students_by_rank_and_hides_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    write_class(dir.path(), &content, 6);
    let (md, err, code) = run(&["report", ".", "--anonymize"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(md.contains("Student 1") && md.contains("Student 6"), "{md}");
    for hidden in [
        "script",
        "Ada",
        "R\\&D",
        "O'Brien",
        "student 0",
        "&lt;x&gt;",
    ] {
        assert!(!md.contains(hidden), "{hidden} shows in:\n{md}");
    }
    let (html, _, code) = run(
        &["report", ".", "--anonymize", "--format", "html"],
        dir.path(),
    );
    assert_eq!(code, Some(0));
    let page = parse(&html);
    let text = page.all_text();
    assert!(
        text.contains("#1 Student 1"),
        "the best is named by rank on the chart"
    );
    assert!(!text.contains("O'Brien"));
    // The same class gives the same numbers.
    let (again, _, _) = run(
        &["report", ".", "--anonymize", "--format", "html"],
        dir.path(),
    );
    assert_eq!(html, again);
}

/// Writes a class report over 30 saves and one debrief as HTML into the folder named by
/// `AI_RACE_SAMPLE_PAGES`, to look at in a browser or print:
/// `AI_RACE_SAMPLE_PAGES=pages cargo test --profile ci --test all report_html -- --ignored sample_pages`.
#[test]
#[ignore = "writes sample pages to look at"]
fn sample_pages() {
    let out = std::path::PathBuf::from(std::env::var("AI_RACE_SAMPLE_PAGES").expect("a folder"));
    std::fs::create_dir_all(&out).expect("mkdir");
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    write_class(dir.path(), &content, 30);
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    std::fs::write(out.join("class.html"), report.to_html()).expect("write");
    let race = Arc::new(content::load_builtin("race-2025", None).expect("built-in"));
    let (_, decisions) = common::own_game(&race, 3, Policy::Balanced, 4);
    let play = Playthrough::replay(race, 3, &decisions).expect("replays");
    let d = Debrief::from_game(&play.game, play.decisions()).with_player(Some("Ada"));
    std::fs::write(out.join("debrief.html"), d.to_html()).expect("write");
}

#[test]
fn a_class_of_more_than_40_draws_the_spread_and_the_median_not_a_line_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = Arc::new(content::load_builtin("classroom", None).expect("built-in"));
    write_class(dir.path(), &content, 48);
    let report = ClassReport::build(&[dir.path().to_path_buf()]);
    let ranked: usize = report.groups.iter().map(|g| g.entries.len()).sum();
    assert!(ranked > 40, "{ranked}");
    let html = report.to_html();
    let page = parse(&html);
    assert_self_contained("report", &html, &page);
    assert_eq!(
        page.count("polygon"),
        2,
        "lowest to highest, and the middle half"
    );
    assert!(page.count("polyline") < 15, "not a line per student");
    assert!(page.all_text().contains("class median"));
}
