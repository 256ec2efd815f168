//! Plain mode (`ai-race play --plain`): the same game as numbered lines of text, read one
//! command a line from any reader and written to any writer. No escape codes, colour, box
//! drawing or cursor movement, so it works with a screen reader, through a pipe and from a
//! script; it never needs a terminal.
//!
//! Every decision goes through [`Session::apply`], the interface's single door to the rules,
//! so a plain game saves, autosaves and verifies exactly like one played on screen.

pub mod choices;
pub mod explain;
pub mod names;
mod pause;
pub mod text;

use std::io::{self, BufRead, Read, Write};

use crate::front::session::Session;
use crate::game::Command;
use crate::save::Store;
use crate::text::sanitize;
use crate::tr;

use choices::Choice;

/// The longest line read, in bytes; anything longer is skipped with a word (a command is a
/// few words, never a file).
const MAX_LINE: usize = 1000;

/// A plain game: the session, where it saves, and the list the numbers refer to.
pub struct Plain<W: Write> {
    session: Session,
    store: Option<Store>,
    out: W,
    /// The latest list printed: a number picks from it until the next list.
    shown: Vec<Choice>,
    /// Print only ASCII (`--ascii`, a Linux console or a locale without UTF-8).
    ascii: bool,
    /// A save name whose file holds another game: the next line answers whether to replace it.
    replacing: Option<String>,
}

impl<W: Write> Plain<W> {
    pub fn new(session: Session, store: Option<Store>, out: W) -> Plain<W> {
        Plain {
            session,
            store,
            out,
            shown: Vec::new(),
            ascii: false,
            replacing: None,
        }
    }

    /// Prints only ASCII: accented Latin letters lose their accents, symbols get the
    /// interface's ASCII stand-ins (an arrow is `->`, `≥` is `>=`), anything else is `?`.
    pub fn with_ascii(mut self, ascii: bool) -> Plain<W> {
        self.ascii = ascii;
        self
    }

    /// The game being played.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The game, when plain mode is done with it.
    pub fn into_session(self) -> Session {
        self.session
    }

    /// Carries out one line as if it were typed; `false` when it asks to quit.
    pub fn command_line(&mut self, line: &str) -> io::Result<bool> {
        self.command(line)
    }

    /// Writes lines, each made safe to print (a control character from a scenario file is
    /// shown as `\u{..}`, never sent to the screen).
    fn say<I, S>(&mut self, lines: I) -> io::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for l in lines {
            let line = sanitize::terminal(l.as_ref(), 4000);
            if self.ascii {
                // Two-character stand-ins where one character would change the meaning.
                let folded: String = line
                    .chars()
                    .map(choices::fold)
                    .collect::<String>()
                    .replace('≥', ">=")
                    .replace('≤', "<=")
                    .replace('→', "->")
                    .replace('…', "...");
                writeln!(self.out, "{}", crate::text::ascii::ascii_text(&folded))?;
            } else {
                writeln!(self.out, "{line}")?;
            }
        }
        Ok(())
    }

    /// Plays until `quit` or the end of input, then autosaves moves not yet saved.
    pub fn run(&mut self, mut input: impl BufRead) -> io::Result<()> {
        self.say([tr!("plain-welcome")])?;
        self.show_month()?;
        let mut buf = Vec::new();
        loop {
            // Read at most a line's worth: an endless line from a pipe never fills memory.
            buf.clear();
            let n = (&mut input)
                .take(MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut buf)?;
            if n == 0 {
                break;
            }
            if n > MAX_LINE && buf.last() != Some(&b'\n') {
                skip_line(&mut input)?;
                self.say([tr!("plain-line-too-long", max = MAX_LINE)])?;
                continue;
            }
            let Ok(line) = std::str::from_utf8(&buf) else {
                self.say([tr!("plain-not-utf8")])?;
                continue;
            };
            if !self.command(line)? {
                self.out.flush()?;
                return self.leave(&tr!("plain-goodbye"));
            }
            self.out.flush()?;
        }
        self.leave(&tr!("plain-end-of-input"))
    }

    /// Autosaves what was not saved yet, and says where.
    fn leave(&mut self, why: &str) -> io::Result<()> {
        let saved = if self.session.unsaved {
            self.autosave()
        } else {
            tr!("plain-nothing-to-save")
        };
        self.say([format!("{why} {saved}")])?;
        self.out.flush()
    }

    fn autosave(&mut self) -> String {
        let Some(store) = &self.store else {
            return tr!("plain-saving-off");
        };
        match self
            .session
            .save_text()
            .and_then(|text| store.autosave(&text))
        {
            Ok(path) => {
                self.session.unsaved = false;
                tr!("plain-autosaved", path = path.display().to_string())
            }
            Err(e) => tr!("plain-autosave-failed", error = e.to_string()),
        }
    }

    fn show_month(&mut self) -> io::Result<()> {
        if let Some(month) = self.session.paused_at() {
            return self.say_paused(month);
        }
        let state = text::state(&self.session);
        self.say(state)?;
        self.show_choices(false)
    }

    fn show_choices(&mut self, all: bool) -> io::Result<()> {
        if self.session.game.is_over() {
            return self.say([tr!("plain-game-over")]);
        }
        self.shown = choices::list(&self.session);
        let mut list = self.shown.clone();
        if all {
            list.iter_mut().for_each(|c| c.hidden = None);
        }
        let lines = text::choices(&self.session, &list);
        self.say(lines)
    }

    /// Carries out one line; `false` when the player quits.
    fn command(&mut self, raw: &str) -> io::Result<bool> {
        if self.session.paused_at().is_some()
            && let Some(go_on) = self.at_pause(raw)?
        {
            return Ok(go_on);
        }
        let line = raw.trim().to_lowercase();
        if line.is_empty() || line.starts_with('#') {
            return Ok(true);
        }
        if let Some(name) = self.replacing.take() {
            match line.as_str() {
                "yes" | "y" => {
                    self.write_save(&name)?;
                    return Ok(true);
                }
                "no" | "n" => {
                    self.say([tr!("plain-replace-declined")])?;
                    return Ok(true);
                }
                // Anything else is a command of its own, and the file is left alone, as a
                // key other than y leaves it on screen.
                _ => self.say([tr!("plain-replace-dropped")])?,
            }
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let rest = words[1..].join(" ");
        match words[0] {
            "help" | "h" | "?" => self.say(text::help())?,
            "list" | "l" => self.show_choices(rest == "all")?,
            "state" | "s" => {
                let lines = text::state(&self.session);
                self.say(lines)?;
            }
            "explain" | "e" => self.explain(&rest)?,
            "suggest" => self.show_suggestion()?,
            "d" if rest.is_empty() => self.run_suggestion()?,
            "save" => self.save(raw.trim().get(4..).unwrap_or("").trim())?,
            "quit" | "q" | "exit" => return Ok(false),
            first => {
                if let Ok(n) = first.parse::<usize>() {
                    self.pick_number(n, &words[1..])?;
                } else {
                    self.pick_name(&words)?;
                }
            }
        }
        Ok(true)
    }

    fn pick_number(&mut self, n: usize, rest: &[&str]) -> io::Result<()> {
        if self.shown.is_empty() {
            return self.say([tr!("plain-no-list")]);
        }
        let Some(choice) = n.checked_sub(1).and_then(|i| self.shown.get(i)).cloned() else {
            return self.say([tr!(
                "plain-no-choice",
                n = n.to_string(),
                count = self.shown.len()
            )]);
        };
        let amount = match rest {
            [] => None,
            [a] => match a.parse::<u32>() {
                Ok(a) => Some(a),
                Err(_) => {
                    return self.say([tr!(
                        "plain-not-an-amount",
                        typed = sanitize::terminal(a, 20),
                        example = n.to_string()
                    )]);
                }
            },
            _ => {
                return self.say([tr!("plain-too-many-words", n = n.to_string())]);
            }
        };
        self.run_choice(&choice, amount)
    }

    fn pick_name(&mut self, words: &[&str]) -> io::Result<()> {
        // "end" works even before a list was printed.
        let list = choices::list(&self.session);
        // The whole line as a name first ("answer 2"), then a name and an amount ("lease 40").
        let whole = choices::typed_name(words);
        let found = match list.iter().find(|c| c.name == whole) {
            Some(c) => Some((c.clone(), None)),
            None => match words.split_last() {
                Some((last, init)) if !init.is_empty() => {
                    let typed = choices::typed_name(init);
                    let amount = last.parse::<u32>().ok();
                    list.iter()
                        .find(|c| c.name == typed && amount.is_some())
                        .map(|c| (c.clone(), amount))
                }
                _ => None,
            },
        };
        match found {
            Some((choice, amount)) => self.run_choice(&choice, amount),
            None => {
                let line = self.not_a_name(&list, words);
                self.say([line])
            }
        }
    }

    /// What to say when a line names no choice: a bad amount, a choice not on offer this
    /// month, or a word the game does not know.
    fn not_a_name(&self, list: &[Choice], words: &[&str]) -> String {
        let shown = sanitize::terminal(&words.join(" "), 60);
        if self.session.game.is_over() {
            return tr!("plain-game-over");
        }
        if let Some((last, init)) = words.split_last()
            && !init.is_empty()
            && list.iter().any(|c| c.name == choices::typed_name(init))
        {
            return tr!(
                "plain-not-an-amount",
                typed = sanitize::terminal(last, 20),
                example = choices::typed_name(init)
            );
        }
        if self.session.game.state.pending.is_some() {
            return tr!("plain-not-an-answer", typed = shown);
        }
        let verb = words.first().copied().unwrap_or("");
        if list.iter().any(|c| c.name.split(' ').next() == Some(verb)) {
            return tr!("plain-no-such-choice", typed = shown);
        }
        tr!("plain-unknown-command", typed = shown)
    }

    fn run_choice(&mut self, choice: &Choice, amount: Option<u32>) -> io::Result<()> {
        let command = match choice.command_with(amount) {
            Ok(c) => c,
            Err(why) => return self.say([tr!("plain-not-done", why = why.to_string())]),
        };
        self.run_command(command, false)
    }

    /// The suggestion key's move (`d`): the move the dashboard suggests, recorded in the save
    /// as the suggestion's.
    fn run_suggestion(&mut self) -> io::Result<()> {
        match crate::front::session::suggestion(&self.session) {
            Some(command) => self.run_command(command, true),
            None => self.say([tr!("plain-no-suggestion")]),
        }
    }

    /// Says what the suggestion key would do now.
    fn show_suggestion(&mut self) -> io::Result<()> {
        match crate::front::session::suggestion(&self.session) {
            Some(command) => {
                let what = crate::front::session::intent(&self.session.game, &command);
                self.say([tr!("plain-suggested", what = what)])
            }
            None => self.say([tr!("plain-no-suggestion-short")]),
        }
    }

    fn run_command(&mut self, command: Command, suggested: bool) -> io::Result<()> {
        match self.session.apply_as(command.clone(), suggested) {
            Err(e) => self.say([tr!("plain-not-done", why = e.to_string())]),
            Ok(applied) if applied.month_ended => {
                let report = text::month_report(&self.session);
                self.say(report)?;
                let saved = self.autosave();
                self.say([saved])?;
                if self.session.game.is_over() {
                    self.shown.clear();
                    let lines = text::ending(&self.session);
                    self.say(lines)
                } else {
                    self.show_month()
                }
            }
            Ok(applied) => {
                let p = self.session.game.state.player();
                let (weeks, budget) = (p.weeks, crate::game::units::money(p.budget));
                self.say([tr!(
                    "plain-done",
                    headline = applied.headline.clone(),
                    weeks = weeks,
                    budget = budget
                )])?;
                // An answer, or a move that raised an event, changes what can be done.
                if matches!(command, Command::Choose(_))
                    || self.session.game.state.pending.is_some()
                {
                    self.show_choices(false)?;
                }
                Ok(())
            }
        }
    }

    fn explain(&mut self, what: &str) -> io::Result<()> {
        if let Ok(n) = what.parse::<usize>() {
            let Some(choice) = n.checked_sub(1).and_then(|i| self.shown.get(i)).cloned() else {
                return self.say([tr!("plain-explain-no-choice", n = n.to_string())]);
            };
            let mut lines = vec![format!("{n}. {}", choice.label)];
            lines.extend(
                explain::choice(&choice, &self.session)
                    .into_iter()
                    .map(|l| format!("  {l}")),
            );
            return self.say(lines);
        }
        match text::FIGURES.iter().find(|(name, _)| *name == what) {
            Some((_, f)) => {
                let lines = explain::figure(&self.session, *f);
                self.say(lines)
            }
            None => {
                let names: Vec<&str> = text::FIGURES.iter().map(|(n, _)| *n).collect();
                self.say([tr!("plain-explain-what", names = names.join(", "))])
            }
        }
    }

    fn save(&mut self, name: &str) -> io::Result<()> {
        let Some(store) = &self.store else {
            return self.say([tr!("plain-saving-off")]);
        };
        if name.is_empty() {
            return self.say([tr!("plain-save-which")]);
        }
        // Replacing a file asks first, unless it is this game's own save, as on screen: in a
        // shared folder the file may be a classmate's game.
        let target = store.path_for(name);
        let own = self
            .session
            .save_name
            .as_deref()
            .is_some_and(|n| store.path_for(n) == target);
        if !own && std::fs::symlink_metadata(&target).is_ok() {
            let shown = target.display().to_string();
            self.replacing = Some(name.to_string());
            return self.say([tr!("plain-replace-ask", path = shown)]);
        }
        self.write_save(name)
    }

    /// Saves the game under `name`, replacing a file of that name.
    fn write_save(&mut self, name: &str) -> io::Result<()> {
        let Some(store) = &self.store else {
            return self.say([tr!("plain-saving-off")]);
        };
        match self
            .session
            .save_text()
            .and_then(|text| store.save_as(name, &text))
        {
            Ok(path) => {
                self.session.unsaved = false;
                self.session.save_name = Some(name.to_string());
                self.say([tr!("plain-saved", path = path.display().to_string())])
            }
            Err(e) => self.say([tr!("plain-not-saved", error = e.to_string())]),
        }
    }
}

/// Reads and drops the rest of an over-long line.
fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = chunk.len();
                input.consume(n);
            }
        }
    }
}

/// Plays `session` from `input` to `out`, saving in `store`, in ASCII only if `ascii`.
pub fn play(
    session: Session,
    store: Option<Store>,
    ascii: bool,
    input: impl BufRead,
    out: impl Write,
) -> io::Result<()> {
    Plain::new(session, store, out).with_ascii(ascii).run(input)
}
