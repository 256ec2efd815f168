//! Plain mode in Simplified Chinese: `--lang zh-CN`, the settings file and the locale choose
//! the language; the game's own sentences come from the zh-CN catalogue; and a save made in
//! Chinese is the same language-free file, so it verifies in English.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output, Stdio};

/// The classroom script (the balanced strategy typed as plain-mode commands).
fn script() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plain/classroom.txt");
    std::fs::read(path).expect("the classroom script")
}

/// Runs the binary with `args` and `input`, in a home of its own and with `locale` as the only
/// locale variable (`None`: no locale variable at all).
fn run(home: &Path, args: &[&str], locale: Option<&str>, input: &[u8]) -> Output {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_ai-race"));
    cmd.args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("APPDATA", home.join("config"))
        .env("AI_RACE_SAVES", home.join("saves"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(l) = locale {
        cmd.env("LANG", l);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("input written");
    drop(stdin);
    child.wait_with_output().expect("the game ends")
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const PLAIN_ZH: [&str; 4] = ["--lang", "zh-CN", "play", "--plain"];

#[test]
fn the_flag_makes_plain_mode_speak_chinese() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(
        home.path(),
        &PLAIN_ZH,
        None,
        b"no-such-command\n99\nsave\nquit\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = text(&out);
    for want in [
        "AI 竞赛 · 纯文本模式。输入 help 查看命令",
        "未知命令“no-such-command”",
        "没有第 99 项",
        "要用什么名称保存？",
        "再见。",
    ] {
        assert!(t.contains(want), "{want:?} missing from:\n{t}");
    }
    for english in ["Goodbye.", "Unknown command", "Type help for the commands"] {
        assert!(!t.contains(english), "{english:?} left in:\n{t}");
    }
}

#[test]
fn the_locale_chooses_the_language_and_the_flag_wins() {
    let home = tempfile::tempdir().expect("temp dir");
    let zh = text(&run(
        home.path(),
        &["play", "--plain"],
        Some("zh_CN.UTF-8"),
        b"quit\n",
    ));
    assert!(zh.contains("AI 竞赛 · 纯文本模式"), "{zh}");
    let en = text(&run(
        home.path(),
        &["--lang", "en-US", "play", "--plain"],
        Some("zh_CN.UTF-8"),
        b"quit\n",
    ));
    assert!(en.contains("AI Race, plain mode."), "{en}");
    let other = text(&run(
        home.path(),
        &["play", "--plain"],
        Some("de_DE.UTF-8"),
        b"quit\n",
    ));
    assert!(other.contains("AI Race, plain mode."), "{other}");
    let none = text(&run(home.path(), &["play", "--plain"], None, b"quit\n"));
    assert!(none.contains("AI Race, plain mode."), "{none}");
}

#[test]
fn the_settings_file_keeps_the_language() {
    let home = tempfile::tempdir().expect("temp dir");
    let set = run(home.path(), &["--lang", "zh-CN", "settings"], None, b"");
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    assert!(
        text(&set).contains("lang: Some(\"zh-CN\")"),
        "{}",
        text(&set)
    );
    let zh = text(&run(
        home.path(),
        &["play", "--plain"],
        Some("en_US.UTF-8"),
        b"quit\n",
    ));
    assert!(zh.contains("AI 竞赛 · 纯文本模式"), "{zh}");
}

#[test]
fn an_unknown_language_is_a_usage_mistake() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), &["--lang", "xx", "play", "--plain"], None, b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown language 'xx'"), "{err}");
    assert!(err.contains("en-US, zh-CN"), "{err}");
}

#[test]
fn a_game_saved_in_chinese_verifies_in_english_and_is_the_same_file() {
    let script = script();
    let mut saves: Vec<PathBuf> = Vec::new();
    let mut homes = Vec::new();
    for lang in ["zh-CN", "en-US"] {
        let home = tempfile::tempdir().expect("temp dir");
        let out = run(
            home.path(),
            &["--lang", lang, "play", "--plain", "--scenario", "classroom"],
            None,
            &script,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let saved = home.path().join("saves").join("classroom-plain.ron");
        assert!(
            saved.is_file(),
            "{lang}: the script's save is written:\n{}",
            text(&out)
        );
        saves.push(saved);
        homes.push(home);
    }
    // Verified by an English run.
    let verify = run(
        homes[0].path(),
        &["--lang", "en-US", "verify", &saves[0].display().to_string()],
        None,
        b"",
    );
    assert!(
        verify.status.success(),
        "{}{}",
        text(&verify),
        String::from_utf8_lossy(&verify.stderr)
    );
    // The same moves make the same file in either language: nothing of the language in it.
    let zh = std::fs::read_to_string(&saves[0]).expect("zh save");
    let en = std::fs::read_to_string(&saves[1]).expect("en save");
    assert_eq!(zh, en, "a save depends on the language it was made in");
}
