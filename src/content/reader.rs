//! Reads RON text into a [`Node`] tree, keeping every value's position.
//!
//! It accepts what the game's content files use (structs with or without a name, tuples,
//! lists, maps, text, numbers, booleans, enum variants, `Some`/`None`, comments and a leading
//! `#![enable(...)]`). Its syntax errors are written for people who are not programmers: an
//! unclosed bracket is reported where it was opened, not at the end of the file.

use super::tree::{Field, Node, Pos, Value};

/// A syntax mistake and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// Reads a whole document: one value, then nothing but spaces and comments.
pub fn read(text: &str, max_depth: usize) -> Result<Node, SyntaxError> {
    let mut r = Reader {
        text,
        at: 0,
        line: 1,
        col: 1,
        depth: 0,
        max_depth,
    };
    r.skip_blank()?;
    r.skip_attributes()?;
    if r.peek().is_none() {
        return Err(r.error_here("the file is empty: a scenario starts with '(' and ends with ')'"));
    }
    let node = r.value()?;
    r.skip_blank()?;
    if let Some(c) = r.peek() {
        return Err(r.error_here(&format!(
            "unexpected '{c}' after the end of the document; everything must sit inside the \
             outer brackets (is a bracket closed too early?)"
        )));
    }
    Ok(node)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    col: usize,
    depth: usize,
    max_depth: usize,
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn closer(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

impl Reader<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
            offset: self.at,
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        let mut it = self.text[self.at..].chars();
        it.next();
        it.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn error_at(&self, pos: Pos, message: &str) -> SyntaxError {
        SyntaxError {
            pos,
            message: message.to_string(),
        }
    }

    fn error_here(&self, message: &str) -> SyntaxError {
        self.error_at(self.pos(), message)
    }

    /// Skips spaces, newlines and comments.
    fn skip_blank(&mut self) -> Result<(), SyntaxError> {
        loop {
            match (self.peek(), self.peek_second()) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.peek() {
                        if c == '\n' {
                            break;
                        }
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => self.block_comment()?,
                _ => return Ok(()),
            }
        }
    }

    /// `/* ... */`, nested as RON allows.
    fn block_comment(&mut self) -> Result<(), SyntaxError> {
        let start = self.pos();
        self.bump();
        self.bump();
        let mut level = 1;
        while level > 0 {
            match (self.peek(), self.peek_second()) {
                (Some('*'), Some('/')) => {
                    self.bump();
                    self.bump();
                    level -= 1;
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    level += 1;
                }
                (Some(_), _) => {
                    self.bump();
                }
                (None, _) => {
                    return Err(self.error_at(start, "this comment is never closed: add */"));
                }
            }
        }
        Ok(())
    }

    /// `#![enable(...)]` lines at the top.
    fn skip_attributes(&mut self) -> Result<(), SyntaxError> {
        while self.peek() == Some('#') {
            let start = self.pos();
            while let Some(c) = self.bump() {
                if c == ']' {
                    break;
                }
            }
            if self.peek().is_none() && !self.text[start.offset..].contains(']') {
                return Err(self.error_at(start, "this #![...] line is never closed"));
            }
            self.skip_blank()?;
        }
        Ok(())
    }

    fn node(&self, value: Value, start: Pos) -> Node {
        Node {
            value,
            start,
            end: self.pos(),
        }
    }

    fn value(&mut self) -> Result<Node, SyntaxError> {
        self.skip_blank()?;
        let start = self.pos();
        let Some(c) = self.peek() else {
            return Err(self.error_here("the file ends where a value was expected"));
        };
        match c {
            '"' => {
                let s = self.string()?;
                Ok(self.node(Value::Str(s), start))
            }
            '\'' => self.char_value(),
            '(' => self.parens(None, start),
            '[' => self.list(),
            '{' => self.map(),
            'r' if matches!(self.peek_second(), Some('"') | Some('#')) => {
                let s = self.raw_string()?;
                Ok(self.node(Value::Str(s), start))
            }
            c if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' => self.number(),
            c if is_ident_start(c) => {
                let word = self.ident();
                match word.as_str() {
                    "true" => return Ok(self.node(Value::Bool(true), start)),
                    "false" => return Ok(self.node(Value::Bool(false), start)),
                    _ => {}
                }
                self.skip_blank()?;
                if self.peek() == Some('(') {
                    self.parens(Some(word), start)
                } else {
                    Ok(self.node(Value::Ident(word), start))
                }
            }
            ')' | ']' | '}' => Err(self.error_here(&format!(
                "expected a value here, found '{c}' (is a value missing before it?)"
            ))),
            _ => Err(self.error_here(&format!(
                "unexpected '{c}': a value is a number, text in double quotes, true/false, \
                 a word, or a group in brackets"
            ))),
        }
    }

    fn ident(&mut self) -> String {
        let from = self.at;
        while self.peek().is_some_and(is_ident_char) {
            self.bump();
        }
        self.text[from..self.at].to_string()
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let start = self.pos();
        self.bump();
        let mut out = String::new();
        loop {
            let Some(c) = self.bump() else {
                return Err(self.error_at(
                    start,
                    "this text is never closed: add a double quote (\") at its end",
                ));
            };
            match c {
                '"' => return Ok(out),
                '\\' => out.push(self.escape()?),
                c => out.push(c),
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        let at = self.pos();
        let bad = |r: &Self| {
            r.error_at(
                at,
                "unknown escape after a backslash; to write a backslash, write \\\\",
            )
        };
        match self.bump() {
            Some('n') => Ok('\n'),
            Some('t') => Ok('\t'),
            Some('r') => Ok('\r'),
            Some('0') => Ok('\0'),
            Some('\\') => Ok('\\'),
            Some('"') => Ok('"'),
            Some('\'') => Ok('\''),
            Some('x') => {
                let mut hex = String::new();
                for _ in 0..2 {
                    hex.extend(self.bump());
                }
                u8::from_str_radix(&hex, 16)
                    .ok()
                    .map(char::from)
                    .ok_or_else(|| bad(self))
            }
            Some('u') => {
                if self.bump() != Some('{') {
                    return Err(bad(self));
                }
                let mut hex = String::new();
                while let Some(c) = self.bump() {
                    if c == '}' {
                        break;
                    }
                    hex.push(c);
                    if hex.len() > 6 {
                        return Err(bad(self));
                    }
                }
                u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| bad(self))
            }
            _ => Err(bad(self)),
        }
    }

    fn raw_string(&mut self) -> Result<String, SyntaxError> {
        let start = self.pos();
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.bump() != Some('"') {
            return Err(self.error_at(start, "a raw text must start with r\" or r#\""));
        }
        let end = format!("\"{}", "#".repeat(hashes));
        let Some(len) = self.text[self.at..].find(&end) else {
            return Err(self.error_at(start, "this raw text is never closed"));
        };
        let body = self.text[self.at..self.at + len].to_string();
        for _ in 0..body.chars().count() + end.chars().count() {
            self.bump();
        }
        Ok(body)
    }

    fn char_value(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos();
        self.bump();
        let c = match self.bump() {
            Some('\\') => self.escape()?,
            Some(c) => c,
            None => return Err(self.error_at(start, "this character is never closed")),
        };
        if self.bump() != Some('\'') {
            return Err(self.error_at(
                start,
                "single quotes hold one character; write text in double quotes, like \"text\"",
            ));
        }
        Ok(self.node(Value::Char(c), start))
    }

    fn number(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos();
        let from = self.at;
        if matches!(self.peek(), Some('-') | Some('+')) {
            self.bump();
        }
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            let c = self.bump();
            // An exponent may carry a sign: 1e-3.
            if matches!(c, Some('e') | Some('E')) && matches!(self.peek(), Some('-') | Some('+')) {
                self.bump();
            }
        }
        let written = &self.text[from..self.at];
        let clean: String = written.chars().filter(|c| *c != '_').collect();
        let (sign, digits) = match clean.strip_prefix('-') {
            Some(rest) => (-1i128, rest),
            None => (1, clean.strip_prefix('+').unwrap_or(&clean)),
        };
        let parsed = if let Some(h) = digits.strip_prefix("0x") {
            i128::from_str_radix(h, 16).ok()
        } else if let Some(b) = digits.strip_prefix("0b") {
            i128::from_str_radix(b, 2).ok()
        } else if let Some(o) = digits.strip_prefix("0o") {
            i128::from_str_radix(o, 8).ok()
        } else {
            digits.parse::<i128>().ok()
        };
        if let Some(n) = parsed {
            return Ok(self.node(Value::Int(sign * n), start));
        }
        if clean.parse::<f64>().is_ok() {
            return Ok(self.node(Value::Float(written.to_string()), start));
        }
        Err(self.error_at(
            start,
            &format!("'{written}' is not a number; write digits only, like 12 or 2500"),
        ))
    }

    fn enter(&mut self, start: Pos) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(self.error_at(start, "the file is nested too deeply"));
        }
        Ok(())
    }

    /// After a value inside brackets: a comma, or the closing bracket. Returns true when
    /// the group is closed.
    fn after_item(&mut self, open: char, open_pos: Pos) -> Result<bool, SyntaxError> {
        self.skip_blank()?;
        let close = closer(open);
        match self.peek() {
            Some(',') => {
                self.bump();
                self.skip_blank()?;
                match self.peek() {
                    Some(c) if c == close => {
                        self.bump();
                        Ok(true)
                    }
                    Some(c @ (')' | ']' | '}')) => Err(self.mismatch(c, open, open_pos)),
                    _ => Ok(false),
                }
            }
            Some(c) if c == close => {
                self.bump();
                Ok(true)
            }
            None => Err(self.unclosed(open, open_pos)),
            Some(c @ (')' | ']' | '}')) => Err(self.mismatch(c, open, open_pos)),
            Some(_) => Err(self.error_here(&format!(
                "a comma is missing before this (or a '{close}' to close the '{open}' opened \
                 at line {}, column {})",
                open_pos.line, open_pos.col
            ))),
        }
    }

    fn mismatch(&self, found: char, open: char, open_pos: Pos) -> SyntaxError {
        self.error_here(&format!(
            "found '{found}' where '{}' was expected, to close the '{open}' opened at line {}, \
             column {}",
            closer(open),
            open_pos.line,
            open_pos.col
        ))
    }

    fn unclosed(&self, open: char, open_pos: Pos) -> SyntaxError {
        self.error_at(
            open_pos,
            &format!(
                "this '{open}' is never closed: add '{}' where the group ends",
                closer(open)
            ),
        )
    }

    /// `(` ... `)`: a struct if the first thing is `name:`, else a tuple (or call args).
    fn parens(&mut self, name: Option<String>, start: Pos) -> Result<Node, SyntaxError> {
        let open_pos = self.pos();
        self.enter(open_pos)?;
        self.bump();
        self.skip_blank()?;
        if self.peek() == Some(')') {
            self.bump();
            self.depth -= 1;
            let value = match name {
                Some(n) => Value::Call {
                    name: n,
                    args: Vec::new(),
                },
                None => Value::Unit,
            };
            return Ok(self.node(value, start));
        }
        let value = if self.at_field_name() {
            Value::Struct {
                name,
                fields: self.fields(open_pos)?,
            }
        } else {
            let mut items = Vec::new();
            loop {
                if self.peek().is_none() {
                    return Err(self.unclosed('(', open_pos));
                }
                items.push(self.value()?);
                if self.after_item('(', open_pos)? {
                    break;
                }
            }
            match name {
                Some(n) => Value::Call {
                    name: n,
                    args: items,
                },
                None => Value::Tuple(items),
            }
        };
        self.depth -= 1;
        Ok(self.node(value, start))
    }

    /// Whether a `name:` (not `name::`) starts here.
    fn at_field_name(&self) -> bool {
        let rest = &self.text[self.at..];
        let word_len = rest.chars().take_while(|c| is_ident_char(*c)).count();
        if word_len == 0 || !rest.chars().next().is_some_and(is_ident_start) {
            return false;
        }
        let after = rest[word_len..].trim_start();
        after.starts_with(':') && !after.starts_with("::")
    }

    fn fields(&mut self, open_pos: Pos) -> Result<Vec<Field>, SyntaxError> {
        let mut fields = Vec::new();
        loop {
            self.skip_blank()?;
            let name_pos = self.pos();
            if self.peek().is_none() {
                return Err(self.unclosed('(', open_pos));
            }
            if !self.at_field_name() {
                return Err(self.error_here(
                    "expected a field here, written as name: value (a field name is missing, \
                     or its colon)",
                ));
            }
            let name = self.ident();
            self.skip_blank()?;
            self.bump(); // the colon, checked by at_field_name
            self.skip_blank()?;
            if matches!(self.peek(), Some(',') | Some(')') | None) {
                return Err(self.error_here(&format!("'{name}' has no value after its colon")));
            }
            let value = self.value()?;
            fields.push(Field {
                name,
                name_pos,
                value,
            });
            if self.after_item('(', open_pos)? {
                return Ok(fields);
            }
        }
    }

    fn list(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos();
        self.enter(start)?;
        self.bump();
        let mut items = Vec::new();
        self.skip_blank()?;
        if self.peek() == Some(']') {
            self.bump();
        } else {
            loop {
                if self.peek().is_none() {
                    return Err(self.unclosed('[', start));
                }
                items.push(self.value()?);
                if self.after_item('[', start)? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(self.node(Value::List(items), start))
    }

    fn map(&mut self) -> Result<Node, SyntaxError> {
        let start = self.pos();
        self.enter(start)?;
        self.bump();
        let mut pairs = Vec::new();
        self.skip_blank()?;
        if self.peek() == Some('}') {
            self.bump();
        } else {
            loop {
                if self.peek().is_none() {
                    return Err(self.unclosed('{', start));
                }
                let key = self.value()?;
                self.skip_blank()?;
                if self.bump() != Some(':') {
                    return Err(self.error_here("expected ':' between a key and its value"));
                }
                let value = self.value()?;
                pairs.push((key, value));
                if self.after_item('{', start)? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(self.node(Value::Map(pairs), start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(text: &str) -> Node {
        match read(text, 32) {
            Ok(n) => n,
            Err(e) => panic!("{e:?}"),
        }
    }

    fn read_err(text: &str) -> SyntaxError {
        match read(text, 32) {
            Ok(n) => panic!("accepted: {n:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn reads_a_scenario_with_positions() {
        let n = read_ok("// hi\n(\n  id: \"x\",\n  months: 12,\n  t: (1, 2, 3),\n  s: Some(4),\n)");
        let months = n.field("months").map(|f| (&f.value.value, f.value.start));
        assert_eq!(
            months,
            Some((
                &Value::Int(12),
                Pos {
                    line: 4,
                    col: 11,
                    offset: 29
                }
            ))
        );
        assert!(matches!(
            n.field("t").map(|f| &f.value.value),
            Some(Value::Tuple(v)) if v.len() == 3
        ));
        assert_eq!(
            n.field("s").map(|f| f.value.unwrap_some().value.clone()),
            Some(Value::Int(4))
        );
    }

    #[test]
    fn every_builtin_asset_reads() {
        for (name, text) in crate::content::assets::SHARED
            .iter()
            .chain(crate::content::BUILTIN_SCENARIOS)
        {
            assert!(read(text, 32).is_ok(), "{name}: {:?}", read(text, 32));
        }
    }

    #[test]
    fn unclosed_bracket_points_at_the_opening() {
        let e = read_err("(\n  lab_changes: [\n    (lab: \"meta\"),\n)");
        assert_eq!((e.pos.line, e.pos.col), (4, 1));
        assert!(
            e.message.contains("'[' opened at line 2, column 16"),
            "{}",
            e.message
        );
        let e = read_err("(\n  id: \"x\",\n  lab_changes: [\n");
        assert_eq!((e.pos.line, e.pos.col), (3, 16));
        assert!(e.message.contains("never closed"), "{}", e.message);
    }

    #[test]
    fn missing_comma_and_unclosed_text() {
        let e = read_err("(\n  id: \"x\"\n  months: 3,\n)");
        assert_eq!((e.pos.line, e.pos.col), (3, 3));
        assert!(e.message.contains("comma"));
        let e = read_err("(\n  id: \"x,\n  months: 3,\n)");
        assert_eq!((e.pos.line, e.pos.col), (2, 7));
    }

    #[test]
    fn numbers_words_and_nesting() {
        let n = read_ok("[-3, 0x10, 1_000, 2.5, Risk, Budget(-300), TrackProgress(Reasoning, 15)]");
        let items = n.items().map(|i| i.len());
        assert_eq!(items, Some(7));
        let deep = "[".repeat(40) + &"]".repeat(40);
        assert!(read_err(&deep).message.contains("nested too deeply"));
        assert!(read_err("(months: 12abc)").message.contains("not a number"));
    }
}
