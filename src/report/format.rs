//! Small formatting helpers shared by the reports.

/// Thousandths of a point as points rounded to one decimal, signed: "12.3", "-0.4".
pub fn points(thousandths: i64) -> String {
    let tenths = (thousandths.unsigned_abs() + 50) / 100;
    let sign = if thousandths < 0 && tenths > 0 {
        "-"
    } else {
        ""
    };
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// A bar of `width` cells for `value` out of `max` (nothing for zero or less).
pub fn bar(value: i64, max: i64, width: usize) -> String {
    if value <= 0 || max <= 0 {
        return String::new();
    }
    let cells = (value * width as i64 + max / 2) / max;
    "#".repeat(cells.clamp(1, width as i64) as usize)
}

/// Escapes text for a Markdown table cell.
pub fn cell(text: &str) -> String {
    super::sanitize::markdown(text, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_keep_their_sign() {
        assert_eq!(points(12_345), "12.3");
        assert_eq!(points(-400), "-0.4");
        assert_eq!(points(-40), "0.0");
        assert_eq!(points(1_960), "2.0");
        assert_eq!(bar(50, 100, 10), "#####");
        assert_eq!(bar(1, 100, 10), "#");
        assert_eq!(bar(-5, 100, 10), "");
    }
}
