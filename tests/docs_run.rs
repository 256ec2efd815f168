//! The lesson plans run as written: every command block of TEACHING.md and README.md (a
//! ```-fenced block whose lines start with `ai-race` or `cargo run`) is read from the page and
//! run exactly as printed, section by section in order, each section in a fresh folder with
//! its own home, config and data folders, so nothing leaks between sections or out of the
//! test. Every command must succeed (exit 0).
//!
//! A block that opens the game window is marked on the page by its fence's info string,
//! ```` ```tui ````, optionally followed by `saves=NAME,NAME` (the name each of its commands'
//! games is saved under, in order). Its `ai-race new` and `ai-race fork` commands are played
//! instead as their plain-mode twins (`ai-race play --plain` with the same flags, the teacher's
//! pause codes typed when the game stops), so the files a student makes exist for the commands
//! that follow; its other commands (`cargo run`, the live board `ai-race class`) are skipped.
//!
//! What the prose says happened before a section's commands (students handed in saves) is
//! made here from real games, in `before`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_ai-race");

/// One fenced block's commands, with the section it is in.
#[derive(Debug)]
struct Block {
    section: String,
    tui: bool,
    saves: Vec<String>,
    commands: Vec<String>,
}

/// The command blocks of a Markdown page, in order.
fn blocks(page: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut section = String::new();
    let mut open: Option<(String, Vec<String>)> = None;
    for line in page.lines() {
        if let Some((info, lines)) = &mut open {
            if line.trim_start().starts_with("```") {
                let commands: Vec<String> = lines
                    .iter()
                    .map(|l| l.trim().to_string())
                    .filter(|l| l.starts_with("ai-race") || l.starts_with("cargo run"))
                    .collect();
                if !commands.is_empty() {
                    let mut words = info.split_whitespace();
                    let tui = words.next() == Some("tui");
                    let saves = words
                        .find_map(|w| w.strip_prefix("saves="))
                        .map(|s| s.split(',').map(str::to_string).collect())
                        .unwrap_or_default();
                    out.push(Block {
                        section: section.clone(),
                        tui,
                        saves,
                        commands,
                    });
                }
                open = None;
            } else {
                lines.push(line.to_string());
            }
        } else if let Some(info) = line.trim_start().strip_prefix("```") {
            open = Some((info.trim().to_string(), Vec::new()));
        } else if line.starts_with("## ") || line.starts_with("### ") {
            section = line.trim_start_matches('#').trim().to_string();
        }
    }
    assert!(open.is_none(), "a fenced block is never closed");
    out
}

/// Splits a command line as a shell would for these pages: words, and double-quoted text as
/// one word. A backslash is an ordinary character (a Windows path like `S:\class-3b`).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    assert!(!quoted, "an unclosed quote in `{line}`");
    if any {
        out.push(word);
    }
    out
}

/// A fresh folder for one section, with its own home, config and data folders.
struct Room {
    dir: tempfile::TempDir,
}

impl Room {
    fn new() -> Room {
        let dir = tempfile::tempdir().unwrap();
        for d in ["home", "config", "data"] {
            std::fs::create_dir(dir.path().join(d)).unwrap();
        }
        Room { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[String], input: Option<&str>) -> Output {
        let root = self.path();
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .current_dir(root)
            .env("HOME", root.join("home"))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("APPDATA", root.join("config"))
            .env_remove("AI_RACE_SAVES")
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input.unwrap_or("").as_bytes()).unwrap();
        drop(stdin);
        child.wait_with_output().unwrap()
    }

    /// Runs a command as printed; it must succeed.
    fn expect_ok(&self, line: &str, args: &[String], input: Option<&str>) -> String {
        let out = self.run(args, input);
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(
            out.status.success(),
            "`{line}` failed ({}):\n{}\n{stdout}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    }

    /// The saves folder a fresh machine uses: the data folder's.
    fn saves(&self) -> PathBuf {
        self.path().join("data/ai-race/saves")
    }
}

/// A student's plain-mode game: each month the first answer to an event, then the month's
/// end, and every pause code of the scenario typed when the game stops; saved as `save`.
fn student_moves(room: &Room, args: &[String], save: &str) -> String {
    let mut codes = Vec::new();
    if let Some(i) = args.iter().position(|a| a == "--scenario")
        && let Some(file) = args.get(i + 1).filter(|f| f.ends_with(".ron"))
    {
        // A scenario without pauses has no codes (the command says so and fails).
        let out = room.run(&["scenario".into(), "code".into(), file.clone()], None);
        codes = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.rsplit(": ").next())
            .map(str::to_string)
            .collect();
    }
    let mut moves = String::new();
    for _ in 0..40 {
        moves.push_str("answer 1\nend\n");
        for c in &codes {
            moves.push_str(c);
            moves.push('\n');
        }
    }
    moves.push_str(&format!("save {save}\nquit\n"));
    moves
}

/// What the page says happened before a section's commands, made from real games.
fn before(section: &str, room: &Room) {
    if section == "Collecting saves and running the class report" {
        // The students handed in their saves, collected in one folder.
        let class = room.path().join("class-3b");
        std::fs::create_dir(&class).unwrap();
        let script = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plain/classroom.txt"),
        )
        .unwrap();
        for (player, moves) in [
            ("Ada Lovelace", format!("{script}\nsave ada\n")),
            (
                "Grace Hopper",
                student_moves(room, &[], "grace").replace("\nquit\n", "\n"),
            ),
        ] {
            let args = words(&format!(
                "play --plain --scenario classroom --player \"{player}\""
            ));
            room.expect_ok(player, &args, Some(&moves));
        }
        for name in ["ada", "grace"] {
            let from = room.saves().join(format!("{name}.ron"));
            std::fs::copy(&from, class.join(format!("{name}.ron"))).unwrap();
        }
    }
    if section == "A lesson with an inject" {
        // The teacher wrote the lesson file: the example under "Injects and pauses".
        let page =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("TEACHING.md"))
                .unwrap();
        let start = page
            .find("A lesson file with an inject and a pause")
            .expect("TEACHING.md has the lesson file");
        let body = &page[start..];
        let open = body.find("```").unwrap();
        let text = &body[open..];
        let text = &text[text.find('\n').unwrap() + 1..];
        let close = text.find("```").unwrap();
        std::fs::write(room.path().join("week-5.ron"), &text[..close]).unwrap();
    }
}

/// Runs every block of one page, section by section.
fn run_page(name: &str) -> usize {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap();
    let mut ran = 0;
    let mut current: Option<(String, Room)> = None;
    for block in blocks(&page) {
        if current.as_ref().map(|(s, _)| s) != Some(&block.section) {
            let room = Room::new();
            before(&block.section, &room);
            current = Some((block.section.clone(), room));
        }
        let (_, room) = current.as_ref().unwrap();
        let mut saves = block.saves.iter();
        for line in &block.commands {
            let mut args = words(line);
            if args[0] != "ai-race" {
                assert!(
                    block.tui,
                    "`{line}` in {name} is neither ai-race nor a game window"
                );
                continue;
            }
            args.remove(0);
            if !block.tui {
                room.expect_ok(line, &args, None);
                ran += 1;
                continue;
            }
            // The game window: its plain-mode twin, when it makes a game.
            let twin = match args.first().map(String::as_str) {
                Some("new") => {
                    let mut twin = vec!["play".to_string(), "--plain".to_string()];
                    twin.extend(args[1..].iter().cloned());
                    twin
                }
                Some("fork") => {
                    let mut twin = vec!["play".into(), "--plain".into(), "--fork".into()];
                    twin.extend(args[1..].iter().cloned());
                    twin
                }
                _ => continue,
            };
            let save = saves
                .next()
                .unwrap_or_else(|| panic!("`{line}` in {name}: its tui block names no save"));
            let moves = student_moves(room, &twin, save);
            let text = room.expect_ok(line, &twin, Some(&moves));
            assert!(
                text.contains("Saved to"),
                "`{line}` (played in plain mode) did not save:\n{text}"
            );
            ran += 1;
        }
    }
    ran
}

#[test]
fn every_command_of_the_teachers_guide_runs_as_printed() {
    let ran = run_page("TEACHING.md");
    assert!(
        ran >= 15,
        "only {ran} commands ran: the blocks were not found"
    );
}

#[test]
fn every_command_of_the_readme_runs_as_printed() {
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let found: usize = blocks(&page).iter().map(|b| b.commands.len()).sum();
    assert!(found >= 1, "README.md has no command block");
    run_page("README.md");
}

#[test]
fn the_reader_finds_commands_quotes_and_marks() {
    let page = "## A\n\n```tui saves=ada\nai-race new --player \"Ada L\"\n```\n\n```\nai-race \
                report S:\\class\ncargo test\n```\n";
    let b = blocks(page);
    assert_eq!(b.len(), 2);
    assert!(b[0].tui && b[0].saves == ["ada"] && b[0].section == "A");
    assert_eq!(
        words(&b[0].commands[0]),
        ["ai-race", "new", "--player", "Ada L"]
    );
    assert_eq!(b[1].commands, ["ai-race report S:\\class"]);
}
