//! The names a player types to pick a choice: stable words like `adopt jax-xla` or
//! `hire felix-xu`, which keep working when the list's numbers shift.

/// A name's words as typed: lowercase letters and digits joined by dashes, with the accents
/// of Latin letters dropped (`Bergström` is `bergstrom`), so a script can be written in ASCII.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A Latin letter without its accent (others unchanged).
pub fn fold(c: char) -> char {
    let upper = c.is_uppercase();
    let lower = c.to_lowercase().next().unwrap_or(c);
    let folded = fold_lower(lower);
    match (folded == lower, upper) {
        (true, _) => c,
        (false, true) => folded.to_ascii_uppercase(),
        (false, false) => folded,
    }
}

fn fold_lower(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ă' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// A typed line as a choice's name: the first word, then the rest as one slug, so
/// `hire Dmitri Bergström` finds `hire dmitri-bergstrom`.
pub fn typed_name(words: &[&str]) -> String {
    match words.split_first() {
        Some((verb, rest)) if !rest.is_empty() => format!("{verb} {}", slug(&rest.join(" "))),
        Some((verb, _)) => verb.to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_accents_can_be_typed_in_ascii() {
        assert_eq!(slug("Dmitri Bergström"), "dmitri-bergstrom");
        assert_eq!(slug("Felix Wiśniewska"), "felix-wisniewska");
        assert_eq!(
            typed_name(&["hire", "dmitri", "bergström"]),
            "hire dmitri-bergstrom"
        );
    }

    #[test]
    fn names_outside_latin_stay_typeable_as_they_are() {
        assert_eq!(slug("深度求索 Lab"), "深度求索-lab");
        assert_eq!(fold('Ö'), 'O');
        assert_eq!(fold('x'), 'x');
    }
}
