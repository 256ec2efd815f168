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

/// Text for a Markdown document (a table cell or a line): visible as for the terminal, HTML
/// made inert (`<img src=x onerror=...>` shows as text) and every character Markdown would
/// interpret escaped with a backslash, so a name cannot make a link, emphasis, or split a
/// table cell with `|`.
pub fn markdown(text: &str, max: usize) -> String {
    visible(text, max, |c, out| match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    })
}

/// A whole Markdown document made safe after it was assembled: hidden characters shown
/// visibly, raw `<` and `>` made inert, and an `&` that could start an entity (`&#x202e;`)
/// escaped. The cells inside were escaped already ([`markdown`]); this catches any text from
/// a file that reached the document some other way (a sentence quoting a lab's name).
pub fn markdown_document(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for (i, c) in md.char_indices() {
        match c {
            '\n' => out.push('\n'),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => {
                let rest = &md[i + 1..];
                let ours = ["lt;", "gt;", "amp;", "quot;", "#39;"]
                    .iter()
                    .any(|e| rest.starts_with(e));
                out.push_str(if ours { "&" } else { "&amp;" });
            }
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Text for one CSV field: visible as for the terminal, and a field a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`) gets a leading `'` so it stays text. The
/// field is quoted by [`csv_record`].
pub fn csv(text: &str, max: usize) -> String {
    let mut field = terminal(text, max);
    if field.starts_with(['=', '+', '-', '@']) {
        field.insert(0, '\'');
    }
    field
}

/// One CSV record (RFC 4180): fields quoted when they hold a comma, quote or line break,
/// quotes doubled, ended by CRLF.
pub fn csv_record(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
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
        assert!(!s.contains('<'), "every < is escaped: {s}");
        assert!(s.starts_with("&lt;img src=x"), "{s}");
        assert!(s.contains("\\|x"), "{s}");
        assert!(!s.chars().any(is_hidden));
        assert_eq!(
            markdown("**bold** [link](x)", 80),
            "\\*\\*bold\\*\\* \\[link\\](x)"
        );
        assert_eq!(markdown("race-2025 (normal)", 80), "race-2025 (normal)");
    }

    #[test]
    fn a_whole_document_keeps_its_lines_and_loses_markup_from_files() {
        let doc = "# Debrief\n| a &lt; b | R&D |\n<script>x</script> &#x202e; \u{200b}\n";
        assert_eq!(
            markdown_document(doc),
            "# Debrief\n| a &lt; b | R&amp;D |\n&lt;script&gt;x&lt;/script&gt; &amp;#x202e; \\u{200b}\n"
        );
    }

    #[test]
    fn csv_quotes_and_guards_formulas() {
        let mut out = String::new();
        csv_record(
            &mut out,
            [
                csv("plain", 40),
                csv("a,b", 40),
                csv("say \"hi\"", 40),
                csv("=HYPERLINK(\"x\")", 40),
                csv("-2+3", 40),
                csv("@SUM(A1)", 40),
                csv("a\nb\u{1b}", 40),
            ],
        );
        assert_eq!(
            out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",'-2+3,'@SUM(A1),a\\u{a}b\\u{1b}\r\n"
        );
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
