//! The one sanitiser for text that came from a file (a save, a scenario, a file name) and is
//! about to be printed: one function per kind of output.
//!
//! Every function first makes the text *visible*: a character a terminal would obey (ESC and
//! every other control character), or one that hides or reorders text around it (bidi
//! overrides and isolates, zero-width characters, the byte-order mark), is written out as
//! `\u{202e}` so a teacher sees that something odd was there instead of being fooled by it.
//! The text is cut to a maximum number of characters (ending in `…`), so a long value in a
//! file never makes a long message. Then each output escapes what is special to it.

/// Characters shown as a `\u{..}` escape instead of themselves.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// Text made safe for one terminal line: hidden characters written as `\u{..}`, at most `max`
/// characters of the original kept.
pub fn terminal(text: &str, max: usize) -> String {
    visible(text, max, |c, out| out.push(c))
}

/// Text for a Markdown document (a table cell or a line): visible as for the terminal, and
/// every character Markdown or the HTML inside it would interpret escaped with a backslash,
/// so `<img src=x onerror=...>` shows as text and `|` never splits a table cell.
pub fn markdown(text: &str, max: usize) -> String {
    visible(text, max, |c, out| {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '('
                | ')'
                | '#'
                | '+'
                | '-'
                | '!'
                | '|'
                | '~'
                | '&'
                | '"'
                | '\''
                | '='
        ) {
            out.push('\\');
        }
        out.push(c);
    })
}

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or space at either end,
/// quotes doubled; a field a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`) gets a leading `'` so it stays text.
pub fn csv(text: &str, max: usize) -> String {
    let mut field = terminal(text, max);
    if field.starts_with(['=', '+', '-', '@']) {
        field.insert(0, '\'');
    }
    let needs_quotes = field.contains([',', '"', ';']) || field.trim() != field;
    if needs_quotes {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// Text for HTML (an element's content or a quoted attribute).
pub fn html(text: &str, max: usize) -> String {
    visible(text, max, |c, out| match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    })
}

/// A list of values for a message: at most `shown` of them (each cut to 40 characters), then
/// "and N more". A file can make a list as long as it likes; a message stays short.
pub fn few<'a>(items: impl IntoIterator<Item = &'a str>, shown: usize) -> String {
    let mut out = String::new();
    let mut extra = 0usize;
    for (i, item) in items.into_iter().enumerate() {
        if i < shown {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&terminal(item, 40));
        } else {
            extra += 1;
        }
    }
    if extra > 0 {
        out.push_str(&format!(" and {extra} more"));
    }
    out
}

/// Makes `text` visible (see the module doc) and passes each safe character to `push`.
fn visible(text: &str, max: usize, mut push: impl FnMut(char, &mut String)) -> String {
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            push(c, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "<img src=x onerror=alert(1)>\u{1b}[2J\u{202e}gnp.exe\u{200b}|x";

    #[test]
    fn terminal_shows_escapes_bidi_and_zero_width_visibly() {
        let s = terminal(HOSTILE, 200);
        assert!(!s.chars().any(is_hidden), "{s}");
        assert!(s.contains("\\u{1b}[2J"), "{s}");
        assert!(s.contains("\\u{202e}gnp.exe\\u{200b}"), "{s}");
        assert_eq!(terminal("a\u{feff}b\u{2066}", 10), "a\\u{feff}b\\u{2066}");
        assert_eq!(terminal("abcdef", 3), "abc…");
    }

    #[test]
    fn markdown_escapes_html_and_table_separators() {
        let s = markdown(HOSTILE, 200);
        assert!(
            !s.replace("\\<", "").contains('<'),
            "every < is escaped: {s}"
        );
        assert!(s.starts_with("\\<img src\\=x"), "{s}");
        assert!(s.contains("\\|x"), "{s}");
        assert!(!s.chars().any(is_hidden));
        assert_eq!(
            markdown("**bold** [link](x)", 80),
            "\\*\\*bold\\*\\* \\[link\\]\\(x\\)"
        );
    }

    #[test]
    fn csv_quotes_and_guards_formulas() {
        assert_eq!(csv("plain", 40), "plain");
        assert_eq!(csv("a,b", 40), "\"a,b\"");
        assert_eq!(csv("say \"hi\"", 40), "\"say \"\"hi\"\"\"");
        assert_eq!(csv("=HYPERLINK(\"x\")", 40), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv("-2+3", 40), "'-2+3");
        assert_eq!(csv("@SUM(A1)", 40), "'@SUM(A1)");
        assert_eq!(csv("a\nb\u{1b}", 40), "a\\u{a}b\\u{1b}");
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(html("<script>&\"'", 40), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(html("\u{202e}", 40), "\\u{202e}");
    }

    #[test]
    fn long_lists_name_a_few_then_count_the_rest() {
        let ids: Vec<String> = (0..100_000).map(|i| format!("id{i}")).collect();
        let s = few(ids.iter().map(String::as_str), 5);
        assert_eq!(s, "id0, id1, id2, id3, id4 and 99995 more");
        assert_eq!(few(["a", "b"], 5), "a, b");
    }
}
