//! World codes: a short code that names a world (scenario, difficulty and seed) so a teacher can
//! write it on the board and every student plays exactly that world: `CLASS-N-KA985X`.
//!
//! A code is `<scenario>-<difficulty>-<seed><check>`:
//! - the scenario is a built-in's short name (`RACE25`, `CLASS`, `META`), which works on any
//!   copy of the game, or `X` and the first 8 hex digits of a teacher's scenario's fingerprint,
//!   which names the file it needs (the file itself must be given);
//! - the difficulty is its first letter (`E`, `N`, `H`, `B`);
//! - the seed is written in Crockford's base 32 (digits and letters without I, L, O and U, so
//!   nothing reads as something else), and one check character follows (Luhn mod 32), so a
//!   mistyped or swapped character is caught instead of starting another world.
//!
//! Codes are read case-insensitively, with I and L read as 1 and O as 0, and dashes or spaces
//! between the parts. Everything here is pure: no files, no terminal.

use std::fmt;

/// The base-32 alphabet: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Built-in scenarios' short names in codes.
const BUILTIN_TOKENS: [(&str, &str); 3] = [
    ("race-2025", "RACE25"),
    ("classroom", "CLASS"),
    ("meta-ahead", "META"),
];

/// The longest text read as a code (a real one is under 30 characters).
pub const MAX_CODE_CHARS: usize = 48;

/// Which scenario a code names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeScenario {
    /// A built-in scenario, by id.
    Builtin(String),
    /// A teacher's scenario, by the first 8 hex digits of its content fingerprint (lowercase,
    /// as reports show it).
    Custom(String),
}

/// A world: what a code names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldCode {
    pub scenario: CodeScenario,
    /// The difficulty's id (easy, normal, hard, brutal).
    pub difficulty: String,
    pub seed: u64,
}

/// Why a text is not a world code, said so that the player can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeError(pub String);

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CodeError {}

/// A built-in scenario's short name in codes (an unknown id gets its letters and digits).
fn token_of(id: &str) -> String {
    BUILTIN_TOKENS.iter().find(|(i, _)| *i == id).map_or_else(
        || {
            id.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .take(8)
                .collect()
        },
        |(_, t)| (*t).to_string(),
    )
}

/// A character's value in the alphabet, reading I and L as 1 and O as 0.
fn value(c: char) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == c)
        .map(|p| p as u32)
}

/// The Luhn mod 32 check character of `values`: catches every single changed character and
/// most swaps of neighbours.
fn check_value(values: &[u32]) -> u32 {
    let mut sum = 0;
    // From the right, every second value doubled (digits of the double summed in base 32).
    for (i, v) in values.iter().rev().enumerate() {
        let add = if i % 2 == 0 {
            let d = v * 2;
            d / 32 + d % 32
        } else {
            *v
        };
        sum += add;
    }
    (32 - sum % 32) % 32
}

fn base32(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(ALPHABET[(n % 32) as usize]);
        n /= 32;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl WorldCode {
    /// The code as shown: `CLASS-N-KA985X`.
    pub fn encode(&self) -> String {
        let scenario = match &self.scenario {
            CodeScenario::Builtin(id) => token_of(id),
            CodeScenario::Custom(fp) => format!("X{}", fp.to_ascii_uppercase()),
        };
        let letter: String = self
            .difficulty
            .chars()
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .collect();
        let seed = base32(self.seed);
        let values: Vec<u32> = format!("{scenario}{letter}{seed}")
            .chars()
            .filter_map(value)
            .collect();
        let check = char::from(ALPHABET[check_value(&values) as usize]);
        format!("{scenario}-{letter}-{seed}{check}")
    }

    /// Reads a code as a player typed it. `difficulties` are the ids the game knows.
    pub fn decode(text: &str, difficulties: &[&str]) -> Result<WorldCode, CodeError> {
        let example = "a code looks like CLASS-N-KA985X";
        if text.chars().count() > MAX_CODE_CHARS {
            return Err(CodeError(format!(
                "a world code is at most {MAX_CODE_CHARS} characters; {example}"
            )));
        }
        let shown = crate::content::echo(text.trim());
        let parts: Vec<&str> = text
            .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            return Err(CodeError(format!("the world code is empty; {example}")));
        }
        if let Some(bad) = text
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_' || c.is_whitespace()))
        {
            return Err(CodeError(format!(
                "'{shown}' is not a world code: '{}' is not a letter or digit; {example}",
                crate::content::echo(&bad.to_string())
            )));
        }
        let [scenario, letter, seed] = parts[..] else {
            return Err(CodeError(format!(
                "'{shown}' is not a world code: it needs three parts (scenario, difficulty, \
                 seed) joined by dashes; {example}"
            )));
        };
        if let Some(u) = text.chars().find(|c| c.eq_ignore_ascii_case(&'u')) {
            return Err(CodeError(format!(
                "'{shown}' is not a world code: codes never use the letter '{u}' (check the \
                 code you were given)"
            )));
        }
        if seed.len() < 2 || seed.len() > 14 {
            return Err(CodeError(format!(
                "'{shown}' is not a world code: its last part should be 2 to 14 characters; \
                 {example}"
            )));
        }
        // Every character is now a letter or digit but U: each has a value.
        let values: Vec<u32> = format!("{scenario}{letter}{seed}")
            .chars()
            .filter_map(value)
            .collect();
        let (body, check) = values.split_at(values.len() - 1);
        if check_value(body) != check[0] {
            return Err(CodeError(format!(
                "the world code '{shown}' does not check out: a character is mistyped or two \
                 are swapped; compare it with the code you were given"
            )));
        }
        let scenario = read_scenario(scenario).ok_or_else(|| {
            let known: Vec<&str> = BUILTIN_TOKENS.iter().map(|(_, t)| *t).collect();
            CodeError(format!(
                "'{shown}' names no scenario this game knows: built-in codes start with {}, a \
                 teacher's scenario's with X and 8 hex digits",
                known.join(", ")
            ))
        })?;
        let difficulty = difficulties
            .iter()
            .find(|d| {
                d.chars()
                    .next()
                    .is_some_and(|c| c.eq_ignore_ascii_case(&letter.chars().next().unwrap_or(' ')))
            })
            .filter(|_| letter.len() == 1)
            .ok_or_else(|| {
                let letters: Vec<String> = difficulties
                    .iter()
                    .map(|d| {
                        let first = d.chars().next().unwrap_or('?').to_ascii_uppercase();
                        format!("{first} ({d})")
                    })
                    .collect();
                CodeError(format!(
                    "'{shown}': the difficulty letter must be one of {}",
                    letters.join(", ")
                ))
            })?;
        let digits = &seed[..seed.len() - 1];
        let mut n: u64 = 0;
        for c in digits.chars() {
            let v = value(c).map(u64::from).unwrap_or(0);
            n = n
                .checked_mul(32)
                .and_then(|n| n.checked_add(v))
                .ok_or_else(|| {
                    CodeError(format!("'{shown}': the seed in this code is too large"))
                })?;
        }
        Ok(WorldCode {
            scenario,
            difficulty: (*difficulty).to_string(),
            seed: n,
        })
    }
}

/// The scenario part of a code, compared with I/L read as 1 and O as 0.
fn read_scenario(part: &str) -> Option<CodeScenario> {
    let norm = |s: &str| -> Vec<u32> { s.chars().filter_map(value).collect() };
    let typed = norm(part);
    if let Some((id, _)) = BUILTIN_TOKENS.iter().find(|(_, t)| norm(t) == typed) {
        return Some(CodeScenario::Builtin((*id).to_string()));
    }
    let hex = part.strip_prefix(['X', 'x'])?;
    let hex: String = hex
        .chars()
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect();
    (hex.len() == 8 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| CodeScenario::Custom(hex.to_ascii_lowercase()))
}

/// The code of the world a game plays: a built-in scenario's short name when the content is
/// exactly that built-in's, else the content's fingerprint.
pub fn for_game(content: &crate::game::Content, seed: u64) -> WorldCode {
    of_world(
        &content.scenario.id,
        &content.difficulty.id,
        seed,
        &super::fingerprint_short(content),
    )
}

/// The code of a world known by its scenario id, difficulty, seed and short fingerprint (as
/// the class report groups saves).
pub fn of_world(id: &str, difficulty: &str, seed: u64, fingerprint: &str) -> WorldCode {
    let builtin =
        crate::save::builtin_fingerprint(id, difficulty).is_some_and(|f| f == fingerprint);
    WorldCode {
        scenario: if builtin {
            CodeScenario::Builtin(id.to_string())
        } else {
            CodeScenario::Custom(fingerprint.to_string())
        },
        difficulty: difficulty.to_string(),
        seed,
    }
}

/// Reads a code with the game's own difficulties.
pub fn decode(text: &str) -> Result<WorldCode, CodeError> {
    let difficulties = super::difficulties();
    let ids: Vec<&str> = difficulties.iter().map(|d| d.id.as_str()).collect();
    WorldCode::decode(text, &ids)
}

/// Whether `id` has a short name in codes (every built-in scenario must).
pub fn has_token(id: &str) -> bool {
    BUILTIN_TOKENS.iter().any(|(i, _)| *i == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFFS: [&str; 4] = ["easy", "normal", "hard", "brutal"];

    fn code(scenario: CodeScenario, difficulty: &str, seed: u64) -> WorldCode {
        WorldCode {
            scenario,
            difficulty: difficulty.into(),
            seed,
        }
    }

    fn builtin(id: &str) -> CodeScenario {
        CodeScenario::Builtin(id.into())
    }

    #[test]
    fn every_world_round_trips() {
        for id in ["race-2025", "classroom", "meta-ahead"] {
            for d in DIFFS {
                for seed in [0, 1, 7, 20_260_101, u64::from(u32::MAX), u64::MAX] {
                    let w = code(builtin(id), d, seed);
                    let text = w.encode();
                    assert_eq!(WorldCode::decode(&text, &DIFFS), Ok(w.clone()), "{text}");
                    assert_eq!(
                        WorldCode::decode(&text.to_lowercase(), &DIFFS),
                        Ok(w),
                        "case-insensitive"
                    );
                }
            }
        }
        let custom = code(CodeScenario::Custom("1a2b3c4d".into()), "hard", 42);
        assert_eq!(
            WorldCode::decode(&custom.encode(), &DIFFS),
            Ok(custom.clone())
        );
        assert!(custom.encode().starts_with("X1A2B3C4D-H-"));
    }

    #[test]
    fn a_short_seed_gives_a_short_code_without_ambiguous_letters() {
        let text = code(builtin("classroom"), "normal", 20_260_101).encode();
        assert_eq!(text.len(), "CLASS-N-".len() + 5 + 1, "{text}");
        let seed_part = text.rsplit('-').next().unwrap_or_default();
        assert!(!seed_part.contains(['I', 'L', 'O', 'U']), "{text}");
    }

    #[test]
    fn o_and_l_typed_for_zero_and_one_still_read() {
        let w = code(builtin("race-2025"), "normal", 1024 + 1);
        let text = w.encode();
        let typed = text.replace('0', "o").replace('1', "l");
        assert_eq!(WorldCode::decode(&typed, &DIFFS), Ok(w));
        assert!(WorldCode::decode(&format!("  {}  ", text.replace('-', " ")), &DIFFS).is_ok());
    }

    #[test]
    fn every_single_mistyped_character_is_caught() {
        for seed in [7, 20_260_101, 987_654_321_012] {
            let text = code(builtin("race-2025"), "normal", seed).encode();
            let chars: Vec<char> = text.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                if c == '-' {
                    continue;
                }
                for &a in ALPHABET {
                    let a = char::from(a);
                    if value(a) == value(c) {
                        continue;
                    }
                    let mut typo = chars.clone();
                    typo[i] = a;
                    let typo: String = typo.into_iter().collect();
                    assert!(
                        WorldCode::decode(&typo, &DIFFS).is_err(),
                        "{typo} (from {text}) was accepted"
                    );
                }
            }
        }
    }

    #[test]
    fn swapped_neighbours_in_the_seed_are_caught() {
        let text = code(builtin("classroom"), "normal", 20_260_101).encode();
        let (head, seed) = text.rsplit_once('-').unwrap_or_default();
        let s: Vec<char> = seed.chars().collect();
        let mut caught = 0;
        let mut swaps = 0;
        for i in 0..s.len() - 1 {
            if s[i] == s[i + 1] {
                continue;
            }
            let mut t = s.clone();
            t.swap(i, i + 1);
            swaps += 1;
            let typo = format!("{head}-{}", t.into_iter().collect::<String>());
            caught += usize::from(WorldCode::decode(&typo, &DIFFS).is_err());
        }
        assert_eq!(caught, swaps, "every swap in {text} is caught");
    }

    #[test]
    fn hostile_text_gets_a_plain_refusal() {
        let long = "A".repeat(10_000);
        let cases = [
            "",
            "   ",
            "-",
            "CLASS",
            "CLASS-N",
            "CLASS-N-KA985X-EXTRA",
            "CLASS-Q-KA985X",
            "NOPE-N-KA985X",
            "CLASS-N-UUUUUU",
            "CLASS-N-\u{1b}[31mRED",
            "CLASS-N-\u{202e}KA985X",
            "ＣＬＡＳＳ-N-KA985X",
            "X1A2B3C4-N-KA985X",
            "RACE25-N-ZZZZZZZZZZZZZZ",
            "RACE25-N-A",
            long.as_str(),
        ];
        for text in cases {
            let err = WorldCode::decode(text, &DIFFS).expect_err(text);
            assert!(
                !err.0.chars().any(|c| c.is_control() || c == '\u{202e}'),
                "raw control character echoed: {err:?}"
            );
            assert!(err.0.len() < 400, "a bounded message: {}", err.0.len());
        }
    }

    #[test]
    fn difficulty_letters_are_distinct() {
        let ids = crate::content::difficulties();
        let mut letters: Vec<char> = ids
            .iter()
            .filter_map(|d| d.id.chars().next().map(|c| c.to_ascii_uppercase()))
            .collect();
        let n = letters.len();
        letters.sort_unstable();
        letters.dedup();
        assert_eq!(letters.len(), n, "two difficulties share a code letter");
    }

    #[test]
    fn a_builtin_world_gets_its_short_name_and_an_edited_one_its_fingerprint() {
        let content = crate::content::load_builtin("classroom", None).expect("built-in");
        let w = for_game(&content, 20_260_101);
        assert_eq!(w.scenario, builtin("classroom"));
        assert_eq!(w.encode(), "CLASS-N-KA985X");
        let mut edited = content.clone();
        edited.scenario.months += 1;
        let w = for_game(&edited, 5);
        assert_eq!(
            w.scenario,
            CodeScenario::Custom(crate::content::fingerprint_short(&edited))
        );
    }

    #[test]
    fn every_builtin_scenario_has_a_short_name() {
        for (id, _) in crate::content::BUILTIN_SCENARIOS {
            assert!(has_token(id), "{id} needs a short name in world codes");
        }
    }
}
