//! Text folded to ASCII for terminals that draw nothing else: box drawing, arrows and marks
//! as their nearest ASCII, every other character as `?` per column it takes.

/// The ASCII stand-in for one character; `None` when it is ASCII already.
pub fn ascii_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    Some(match c {
        '▶' | '▸' | '►' | '→' | '≥' | '»' => '>',
        '◀' | '◂' | '◄' | '←' | '≤' | '«' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '✓' | '✔' => '+',
        '✗' | '✘' | '×' => 'x',
        '★' | '☆' | '●' => '*',
        '○' => 'o',
        '⚑' => '!',
        '⚙' => '#',
        '·' | '•' | '…' => '.',
        '—' | '–' | '−' => '-',
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        // Sparkline ticks, lowest to highest, then bar cells.
        '▁' => '_',
        '▂' => '.',
        '▃' => '-',
        '▄' => ':',
        '▅' => '=',
        '▆' => '+',
        '▇' => '*',
        '█' => '#',
        '▉' | '▊' | '▋' | '▌' => '=',
        '▍' | '▎' | '▏' => '-',
        '░' | '▒' | '▓' => '.',
        // Box drawing: corners and crossings, then lines.
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╰' | '╯' => {
            '+'
        }
        '─' | '━' | '═' => '-',
        '│' | '┃' | '║' => '|',
        _ => '?',
    })
}

/// `s` with every non-ASCII character replaced (wide characters by one `?` per column).
pub fn ascii_text(s: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match ascii_char(c) {
            None => out.push(c),
            Some(a) => {
                for _ in 0..c.width().unwrap_or(1).max(1) {
                    out.push(a);
                }
            }
        }
    }
    out
}
