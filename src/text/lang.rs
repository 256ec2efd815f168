//! The language the game speaks: chosen once at start from `--lang`, else the settings file,
//! else the locale of the environment (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
//! orders them). Saves never record it: a game saved in one language reads in the other.

use std::sync::OnceLock;

/// A language with a complete catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English (United States): the game's first language and the fallback for any word a
    /// catalogue lacks.
    EnUs,
    /// Simplified Chinese (China).
    ZhCn,
}

impl Lang {
    /// Every language, in the order `--help` lists them.
    pub const ALL: [Lang; 2] = [Lang::EnUs, Lang::ZhCn];

    /// The BCP 47 tag, as `--lang` and the settings file take it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::EnUs => "en-US",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language of a tag or a POSIX locale name: `zh-CN`, `zh_CN.UTF-8`, `zh_CN@pinyin`,
    /// `zh-Hans`, `zh` and `en`, `en_GB.UTF-8`, `C`, `POSIX` (English). Traditional Chinese
    /// (`zh_TW`, `zh-Hant`, `zh_HK`) has no catalogue yet: `None`, like any other language.
    pub fn parse(text: &str) -> Option<Lang> {
        // The language and region, before an encoding (.UTF-8) or a modifier (@euro).
        let name = text.trim().split(['.', '@']).next().unwrap_or("");
        let mut parts = name.split(['-', '_']).map(str::to_ascii_lowercase);
        let language = parts.next().unwrap_or_default();
        let rest: Vec<String> = parts.collect();
        match language.as_str() {
            "c" | "posix" if rest.is_empty() => Some(Lang::EnUs),
            "en" => Some(Lang::EnUs),
            "zh" => {
                let traditional = rest
                    .iter()
                    .any(|p| matches!(p.as_str(), "hant" | "tw" | "hk" | "mo"));
                (!traditional).then_some(Lang::ZhCn)
            }
            _ => None,
        }
    }

    /// The language of the environment's locale variables, given their values: the first set
    /// and non-empty of `LC_ALL`, `LC_MESSAGES` and `LANG` decides, as it does for every
    /// POSIX program; a locale without a catalogue is English.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|v| !v.is_empty())
            .and_then(Lang::parse)
            .unwrap_or(Lang::EnUs)
    }

    /// The language of this process's environment.
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok();
        Lang::from_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    /// The tags, for a message listing the choices.
    pub fn tags() -> String {
        Lang::ALL.map(Lang::tag).join(", ")
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Chooses the language for the rest of the run. The first choice stands (the game speaks one
/// language from start to end); `false` when one was already made.
pub fn set_current(lang: Lang) -> bool {
    CURRENT.set(lang).is_ok()
}

/// The language chosen at start; English when none was chosen (a library caller, a test).
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or(Lang::EnUs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locale_names_parse() {
        for (text, lang) in [
            ("zh-CN", Some(Lang::ZhCn)),
            ("zh_CN.UTF-8", Some(Lang::ZhCn)),
            ("zh_CN.GB18030", Some(Lang::ZhCn)),
            ("zh-Hans", Some(Lang::ZhCn)),
            ("zh_SG", Some(Lang::ZhCn)),
            ("zh", Some(Lang::ZhCn)),
            ("ZH-cn", Some(Lang::ZhCn)),
            ("zh_TW.UTF-8", None),
            ("zh-Hant", None),
            ("en-US", Some(Lang::EnUs)),
            ("en_GB.UTF-8", Some(Lang::EnUs)),
            ("C", Some(Lang::EnUs)),
            ("C.UTF-8", Some(Lang::EnUs)),
            ("POSIX", Some(Lang::EnUs)),
            ("fr_FR.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Lang::parse(text), lang, "{text}");
        }
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
        }
    }

    #[test]
    fn the_first_set_locale_variable_decides() {
        let f = Lang::from_locale;
        assert_eq!(f(None, None, Some("zh_CN.UTF-8")), Lang::ZhCn);
        assert_eq!(f(Some("C"), None, Some("zh_CN.UTF-8")), Lang::EnUs);
        assert_eq!(
            f(None, Some("zh_CN.UTF-8"), Some("en_US.UTF-8")),
            Lang::ZhCn
        );
        assert_eq!(f(Some(""), Some(" "), Some("zh_CN.UTF-8")), Lang::ZhCn);
        // A language without a catalogue is English, not the next variable's language.
        assert_eq!(
            f(Some("de_DE.UTF-8"), None, Some("zh_CN.UTF-8")),
            Lang::EnUs
        );
        assert_eq!(f(None, None, None), Lang::EnUs);
    }
}
