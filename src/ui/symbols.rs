//! The ASCII symbol set, for a Linux console, a `dumb` terminal or a locale without UTF-8,
//! where ▶ ✓ ★ and box borders would show as garbage.
//!
//! The screens draw with Unicode as usual; in ASCII mode the finished frame is translated cell
//! by cell (see [`to_ascii`]), so no screen can forget a symbol and the layout is the same in
//! both sets: every replacement takes the columns the original took.

use ratatui::buffer::Buffer;

pub use crate::text::ascii::{ascii_char, ascii_text};

/// Whether the environment asks for ASCII: `TERM` is `linux` or `dumb`, or the locale that
/// decides the character set (`LC_ALL`, then `LC_CTYPE`, then `LANG`, the first one set) does
/// not say UTF-8.
pub fn ascii_from_env() -> bool {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let term = var("TERM");
    let locale = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"));
    wants_ascii(term.as_deref(), locale.as_deref())
}

/// The decision of [`ascii_from_env`], from the values themselves (testable).
pub fn wants_ascii(term: Option<&str>, locale: Option<&str>) -> bool {
    if matches!(term, Some("linux" | "dumb")) {
        return true;
    }
    match locale {
        // No locale at all is the C locale: ASCII only... except that most terminals that
        // leave it unset (macOS Terminal without LANG, Windows) draw UTF-8 fine. Keep Unicode.
        None => false,
        Some(l) => {
            let l = l.to_ascii_lowercase();
            !(l.contains("utf-8") || l.contains("utf8"))
        }
    }
}

/// Rewrites a drawn frame in ASCII, keeping every cell's style and every column in place: a
/// wide character (CJK) becomes `??` over the two columns it took.
pub fn to_ascii(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let cell = &mut buf[(x, y)];
            let symbol = cell.symbol();
            if symbol.is_ascii() {
                x += 1;
                continue;
            }
            let text = ascii_text(symbol);
            let mut chars = text.chars();
            let first = chars.next().unwrap_or(' ');
            cell.set_char(first);
            x += 1;
            // The columns a wide symbol covered get the rest of its stand-in.
            for c in chars {
                if x >= area.right() {
                    break;
                }
                buf[(x, y)].set_char(c);
                x += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn a_linux_console_or_a_latin1_locale_gets_ascii() {
        assert!(wants_ascii(Some("linux"), Some("en_US.UTF-8")));
        assert!(wants_ascii(Some("dumb"), None));
        assert!(wants_ascii(Some("xterm"), Some("en_US.ISO-8859-1")));
        assert!(wants_ascii(Some("xterm"), Some("C")));
        assert!(!wants_ascii(Some("xterm-256color"), Some("de_DE.utf8")));
        assert!(!wants_ascii(Some("xterm-256color"), None));
    }

    #[test]
    fn a_frame_in_ascii_keeps_its_columns() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "▶深度│✓ ▁█", Style::new());
        to_ascii(&mut buf);
        let row: String = (0..12).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(row, ">????|+ _#  ");
    }
}
