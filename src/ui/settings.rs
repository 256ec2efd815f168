//! The player's settings, kept between launches in a commented RON file in the platform's
//! config folder: name, theme, symbols, mouse and saves folder. Flags and environment
//! variables always win over the file; the file is only written when the player changes a
//! setting (`ai-race settings --theme light`), never just by playing.
//!
//! Folders come from plain environment variables (XDG on Linux and BSD, `HOME` on macOS,
//! `APPDATA` on Windows) rather than a crate: three rules are easier to read than a dependency.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::theme::ThemeChoice;
use crate::text::lang::Lang;

/// The settings file's name inside the config folder.
pub const FILE_NAME: &str = "settings.ron";

/// What the player chose; `None` leaves the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub player: Option<String>,
    /// terminal, dark, light or auto.
    pub theme: Option<String>,
    /// Draw with ASCII only.
    pub ascii: Option<bool>,
    /// Report mouse clicks.
    pub mouse: Option<bool>,
    /// Where saves go.
    pub saves: Option<PathBuf>,
    /// The language: en-US or zh-CN.
    pub lang: Option<String>,
}

impl Settings {
    /// The theme the file asks for, if it names a known one.
    pub fn theme_choice(&self) -> Option<ThemeChoice> {
        self.theme.as_deref().and_then(ThemeChoice::from_name)
    }

    /// Reads the settings file at `path`: a missing file is the defaults; a broken one is an
    /// error naming the file and what is wrong, so the player can fix or delete it.
    pub fn load(path: &Path) -> Result<Settings, String> {
        let Some(text) = read_text(path)? else {
            return Ok(Settings::default());
        };
        let s: Settings = ron::from_str(&text).map_err(|e| {
            format!(
                "{} has a mistake ({e}); fix it or delete the file to start again",
                path.display()
            )
        })?;
        if let Some(t) = &s.theme
            && ThemeChoice::from_name(t).is_none()
        {
            return Err(format!(
                "{}: unknown theme '{}'; choose terminal, dark, light or auto",
                path.display(),
                crate::save::sanitize(t, 20)
            ));
        }
        if let Some(l) = &s.lang
            && Lang::parse(l).is_none()
        {
            return Err(format!(
                "{}: unknown language '{}'; choose one of: {}",
                path.display(),
                crate::save::sanitize(l, 20),
                Lang::tags()
            ));
        }
        Ok(s)
    }

    /// The file's text: every setting with a comment saying what it does.
    pub fn to_text(&self) -> String {
        fn opt<T: Serialize>(v: &Option<T>) -> String {
            match v {
                Some(v) => format!("Some({})", ron::to_string(v).unwrap_or_default()),
                None => "None".to_string(),
            }
        }
        format!(
            "// AI Race settings. Flags and environment variables win over this file.\n\
             // Delete a line, or write None, to go back to the default.\n\
             (\n\
             \x20   // Your name, written into your saves (a class report shows it).\n\
             \x20   player: {},\n\
             \x20   // Colours: \"terminal\" (your terminal's own), \"dark\", \"light\" or \"auto\".\n\
             \x20   theme: {},\n\
             \x20   // true draws with plain ASCII symbols and borders.\n\
             \x20   ascii: {},\n\
             \x20   // false leaves the mouse to the terminal (text selection).\n\
             \x20   mouse: {},\n\
             \x20   // The folder saves go to.\n\
             \x20   saves: {},\n\
             \x20   // The language: \"en-US\" or \"zh-CN\" (None follows the system's locale).\n\
             \x20   lang: {},\n\
             )\n",
            opt(&self.player),
            opt(&self.theme),
            opt(&self.ascii),
            opt(&self.mouse),
            opt(&self.saves),
            opt(&self.lang),
        )
    }

    /// Writes the file (and its folder), replacing it atomically.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        crate::save::write_text_file(path, &self.to_text(), "settings")
            .map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Largest settings file read, in bytes (the file written is a few hundred).
pub const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

/// The settings file's text (`None` when there is none), read like every other input: only a
/// regular file (a symbolic link to one is fine: dotfile managers link config files), opened
/// without blocking so a FIFO cannot hang every command, and never more than
/// [`MAX_SETTINGS_BYTES`] read, so a link to `/dev/zero` cannot fill the memory.
fn read_text(path: &Path) -> Result<Option<String>, String> {
    use std::io::Read;
    let shown = path.display();
    let file = match open_nonblocking(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {shown}: {e}")),
    };
    // The opened handle is what is checked: a path swapped after a check cannot slip through.
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "a pipe, device or other special file"
        };
        return Err(format!(
            "{shown} is {what}, not a settings file; delete it or point the settings elsewhere"
        ));
    }
    let too_large = || format!("{shown} is too large to be settings (at most 64 KiB)");
    if meta.len() > MAX_SETTINGS_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_SETTINGS_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > MAX_SETTINGS_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{shown} is not UTF-8 text; fix it or delete the file"))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

fn env_dir(key: &str) -> Option<PathBuf> {
    std::env::var_os(key)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
}

/// The platform's folder for the game's settings: `$XDG_CONFIG_HOME/ai-race`,
/// `~/.config/ai-race`, `~/Library/Application Support/ai-race` or `%APPDATA%\ai-race`.
pub fn config_dir() -> Option<PathBuf> {
    if cfg!(windows) {
        return env_dir("APPDATA").map(|d| d.join("ai-race"));
    }
    if cfg!(target_os = "macos") {
        return env_dir("HOME").map(|h| h.join("Library/Application Support/ai-race"));
    }
    env_dir("XDG_CONFIG_HOME")
        .or_else(|| env_dir("HOME").map(|h| h.join(".config")))
        .map(|d| d.join("ai-race"))
}

/// The platform's folder for the game's data (saves when nothing else is chosen):
/// `$XDG_DATA_HOME/ai-race`, `~/.local/share/ai-race`, `~/Library/Application Support/ai-race`
/// or `%APPDATA%\ai-race`.
pub fn data_dir() -> Option<PathBuf> {
    if cfg!(windows) || cfg!(target_os = "macos") {
        return config_dir();
    }
    env_dir("XDG_DATA_HOME")
        .or_else(|| env_dir("HOME").map(|h| h.join(".local/share")))
        .map(|d| d.join("ai-race"))
}

/// Where the settings file is, if the platform has a config folder.
pub fn path() -> Option<PathBuf> {
    config_dir().map(|d| d.join(FILE_NAME))
}

/// The saves folder, first found of: the `--saves-dir` flag, the `AI_RACE_SAVES` environment
/// variable, the settings file, an existing `./saves`, the platform data folder's `saves`. Made
/// absolute, so the interface shows the full path.
pub fn saves_folder(flag: Option<&Path>, settings: &Settings) -> PathBuf {
    let env = std::env::var_os(crate::save::SAVES_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let local = Path::new(crate::save::DEFAULT_SAVES_DIR);
    let dir = flag
        .map(Path::to_path_buf)
        .or(env)
        .or_else(|| settings.saves.clone())
        .or_else(|| local.is_dir().then(|| local.to_path_buf()))
        .or_else(|| data_dir().map(|d| d.join("saves")))
        .unwrap_or_else(|| local.to_path_buf());
    std::path::absolute(&dir).unwrap_or(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_their_own_commented_file() {
        let s = Settings {
            player: Some("Ada \"the first\" Lovelace".into()),
            theme: Some("light".into()),
            ascii: Some(true),
            mouse: Some(false),
            saves: Some(PathBuf::from("/tmp/class saves")),
            lang: Some("zh-CN".into()),
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested").join(FILE_NAME);
        s.save(&path).expect("written");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("// Colours:"), "{text}");
        assert_eq!(Settings::load(&path), Ok(s));
        assert_eq!(
            Settings::load(&dir.path().join("none.ron")),
            Ok(Settings::default())
        );
    }

    #[test]
    fn a_broken_settings_file_is_named_with_the_way_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "(theme: Some(\"purple\"))").expect("write");
        let err = Settings::load(&path).expect_err("unknown theme");
        assert!(err.contains("unknown theme 'purple'"), "{err}");
        std::fs::write(&path, "(colour: 3)").expect("write");
        let err = Settings::load(&path).expect_err("unknown field");
        assert!(err.contains("delete the file"), "{err}");
    }

    /// Loads in a thread and gives up after a few seconds: a FIFO read by a blocking open
    /// would otherwise hang the test forever instead of failing it.
    #[cfg(unix)]
    fn load_within_seconds(path: &Path) -> Result<Settings, String> {
        let path = path.to_path_buf();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(Settings::load(&path));
        });
        rx.recv_timeout(std::time::Duration::from_secs(5))
            .expect("loading the settings must not block")
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_link_to_a_device_is_refused_without_blocking_or_reading_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("fifo.ron");
        let c = std::ffi::CString::new(fifo.to_str().expect("utf-8 path")).expect("no nul");
        // SAFETY: mkfifo reads a valid NUL-terminated path and touches nothing else.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
        let err = load_within_seconds(&fifo).expect_err("a FIFO is not settings");
        assert!(err.contains("special file"), "{err}");

        let zero = dir.path().join("zero.ron");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        let err = load_within_seconds(&zero).expect_err("a device is not settings");
        assert!(err.contains("special file"), "{err}");

        // A link to a real settings file is how dotfile managers keep config: it is read.
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "(ascii: Some(true))").expect("write");
        let link = dir.path().join(FILE_NAME);
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        assert_eq!(load_within_seconds(&link).map(|s| s.ascii), Ok(Some(true)));

        // A huge regular file is refused by its size, before it is read.
        let big = dir.path().join("big.ron");
        let file = std::fs::File::create(&big).expect("create");
        file.set_len(1 << 30).expect("sparse file");
        let err = load_within_seconds(&big).expect_err("too large");
        assert!(err.contains("too large"), "{err}");
    }

    #[test]
    fn the_saves_flag_wins_and_the_folder_is_absolute() {
        let s = Settings {
            saves: Some(PathBuf::from("from-settings")),
            ..Settings::default()
        };
        let flag = saves_folder(Some(Path::new("from-flag")), &s);
        assert!(flag.is_absolute() && flag.ends_with("from-flag"));
    }
}
