//! The teacher's live board (`ai-race class DIR`): what it shows of a class folder at the
//! smallest screen, and that a non-terminal gets one line and exit code 2. Game numbers change
//! while the balance is tuned: regenerate with `INSTA_UPDATE=always cargo test --profile ci --test all
//! class_board` and review the diff.

use std::path::Path;
use std::process::Command as Process;
use std::sync::Arc;

use ai_race::content;
use ai_race::game::Content;
use ai_race::game::policy::{Policy, play_strategy};
use ai_race::report::board::Board;
use ai_race::save::Playthrough;
use ai_race::ui::Theme;
use ai_race::ui::board::{BoardView, render};
use ai_race::ui::widgets::buffer_text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// A save of `player`'s game on `seed`, `months` months in, played by a strategy with dice of
/// its own (so no shipped script plays it).
fn write_save(dir: &Path, file: &str, player: &str, seed: u64, months: u16, dice: u64) {
    let content: Arc<Content> =
        Arc::new(content::load_builtin("race-2025", Some("normal")).expect("built-in"));
    let played = play_strategy(&content, seed, dice, &Policy::Random.strategy());
    let mut play = Playthrough::new(content, seed);
    for (month, command) in played.decisions {
        if month >= months {
            break;
        }
        play.apply(&command).expect("the strategy's own move");
    }
    play.record.player = Some(player.to_string());
    std::fs::write(dir.join(file), play.to_text().expect("text")).expect("write");
}

fn screen(view: &BoardView, w: u16, h: u16) -> String {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    render(view, area, &mut buf);
    buffer_text(&buf)
}

#[test]
fn the_board_at_80x24_ranks_the_class_charts_the_race_and_flags_a_forgery() {
    let dir = tempfile::tempdir().expect("temp");
    write_save(dir.path(), "ada.ron", "Ada", 7, 9, 101);
    write_save(dir.path(), "grace.ron", "Grace", 7, 6, 202);
    write_save(dir.path(), "alan.ron", "Alan", 7, 8, 303);
    write_save(dir.path(), "tmp.ron", "Bob", 7, 5, 404);
    // Bob claims a better score than his game gives.
    let text = std::fs::read_to_string(dir.path().join("tmp.ron")).expect("read");
    let summary = text.find("summary:").expect("a summary");
    let score = summary + text[summary..].find("score:").expect("a score") + "score:".len();
    let forged = format!("{}9{}", &text[..score], &text[score..]);
    std::fs::remove_file(dir.path().join("tmp.ron")).expect("remove");
    std::fs::write(dir.path().join("bob.ron"), forged).expect("write");
    let mut view = BoardView::new(Board::new(dir.path()), Theme::new(false));
    view.board.refresh();
    let text = screen(&view, 80, 24);
    let dir_shown = dir.path().display().to_string();
    let text = text.replace(&dir_shown, "DIR");
    for name in ["Ada", "Grace", "Alan", "bob.ron", "World 1/1"] {
        assert!(text.contains(name), "{name} on the board:\n{text}");
    }
    assert!(
        !text.contains("Bob "),
        "the forged save is not ranked:\n{text}"
    );
    insta::assert_snapshot!("class_board_80x24", text);
    // The forged file selected: its whole reason, which its row cuts short.
    view.key(
        crossterm::event::KeyCode::End,
        crossterm::event::KeyModifiers::NONE,
    );
    let selected = screen(&view, 80, 24);
    assert!(
        selected.contains("the replay gives"),
        "the whole reason:\n{selected}"
    );
    view.help = true;
    let help = screen(&view, 80, 24);
    assert!(help.contains("never written to"), "{help}");
}

#[test]
fn class_without_a_terminal_says_so_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp");
    let out = Process::new(env!("CARGO_BIN_EXE_ai-race"))
        .arg("class")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a terminal"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "nothing written"
    );
}
