//! Text measured in screen columns, not characters: a CJK character takes two columns, a
//! combining mark none. Cutting, padding and wrapping here never split a character and keep
//! tables aligned, whatever the language.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A left-aligned table cell of exactly `width` columns that always ends in a space, so a long
/// value is cut with … instead of running into the next column ("Vercel with GitHubVercel").
pub fn cell(s: &str, width: usize) -> String {
    match width {
        0 => String::new(),
        w => format!("{} ", fit(s, w - 1)),
    }
}

/// How many screen columns `s` takes (a CJK character takes two, a combining mark none).
pub fn cols(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut or padded to exactly `width` screen columns (a cut ends with `…`).
pub fn fit(s: &str, width: usize) -> String {
    let n = cols(s);
    if n <= width {
        let mut out = String::with_capacity(s.len() + width - n);
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', width - n));
        out
    } else if width == 0 {
        String::new()
    } else {
        // Keep whole characters up to width - 1 columns, then the ellipsis; a wide character
        // that would straddle the edge is replaced by padding.
        let mut out = String::with_capacity(width + 4);
        let mut used = 0;
        for c in s.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width - 1 {
                break;
            }
            out.push(c);
            used += w;
        }
        out.extend(std::iter::repeat_n(' ', width - 1 - used));
        out.push('…');
        out
    }
}

/// `s` right-aligned in `width` screen columns.
pub fn right(s: &str, width: usize) -> String {
    let n = cols(s);
    if n > width && width > 1 {
        // Keep a space before the column so it never runs into the one on its left.
        format!(" {}", fit(s, width - 1))
    } else if n >= width {
        fit(s, width)
    } else {
        let mut out: String = std::iter::repeat_n(' ', width - n).collect();
        out.push_str(s);
        out
    }
}

/// Greedy word wrap of `text` into lines of at most `width` screen columns.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0usize;
    for word in text.split_whitespace() {
        let w = cols(word);
        if len > 0 && len + 1 + w > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        if w > width {
            // A word longer than the line is cut rather than overflowing.
            line.push_str(&fit(word, width.saturating_sub(len)));
            len = width;
        } else {
            line.push_str(word);
            len += w;
        }
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A bar of `width` cells filled in proportion to `value / max` (full blocks and a light
/// shade, readable without colour).
pub fn bar(value: i64, max: i64, width: usize) -> String {
    bar_between(value, 0, max, width)
}

/// A bar of `width` cells for `value` on the scale `lo..=hi`, to an eighth of a cell: full
/// blocks, one partial block, then a light shade (so 95.3 and 95.1 differ on a zoomed scale).
pub fn bar_between(value: i64, lo: i64, hi: i64, width: usize) -> String {
    const PARTS: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let span = hi - lo;
    let eighths = if span <= 0 {
        0
    } else {
        ((value.clamp(lo, hi) - lo) * width as i64 * 8 + span / 2) / span
    } as usize;
    let full = (eighths / 8).min(width);
    let part = eighths % 8;
    let mut s = String::with_capacity(width * 3);
    s.extend(std::iter::repeat_n('█', full));
    let mut used = full;
    if part > 0 && used < width {
        s.push(PARTS[part - 1]);
        used += 1;
    }
    s.extend(std::iter::repeat_n('░', width - used));
    s
}
