//! Every word a person reads comes from a message catalogue in Project Fluent's format, one
//! folder per language under `locales/`. The catalogues are built into the binary (the game is
//! one file to hand out) and parsed once, the first time a word is asked for.
//!
//! [`tr`] looks a message up in the language chosen at start; a message the chosen catalogue
//! lacks falls back to English, and one English lacks shows its key (the tests keep both
//! catalogues holding the same keys, so neither happens in a release).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue;

use super::lang::{Lang, current};

/// One catalogue file: its name under the language's folder and its text.
pub type Source = (&'static str, &'static str);

const EN_US: &[Source] = &[("plain.ftl", include_str!("../../locales/en-US/plain.ftl"))];

const ZH_CN: &[Source] = &[("plain.ftl", include_str!("../../locales/zh-CN/plain.ftl"))];

/// The catalogue files of `lang`, as built into the binary.
pub fn sources(lang: Lang) -> &'static [Source] {
    match lang {
        Lang::EnUs => EN_US,
        Lang::ZhCn => ZH_CN,
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The parsed catalogue of `lang`, built on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static ZH: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::EnUs => &EN,
        Lang::ZhCn => &ZH,
    };
    cell.get_or_init(|| build(lang))
}

fn build(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No invisible isolation marks around inserted values: they would take a terminal cell
    // in some terminals and break the alignment of tables.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        // A file with a mistake keeps the messages that parsed; the tests refuse the mistake.
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
        // A key defined twice keeps its first definition; the tests refuse the repeat.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `key` in `lang`, with `args` in its placeables.
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    for lang in [lang, Lang::EnUs] {
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            continue;
        };
        let args = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                a.set(*name, value.clone());
            }
            a
        });
        let mut errors = Vec::new();
        return bundle
            .format_pattern(pattern, args.as_ref(), &mut errors)
            .into_owned();
    }
    key.to_string()
}

/// The message `key` in the language chosen at start.
pub fn tr(key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    tr_in(current(), key, args)
}

/// `tr!("key")` or `tr!("key", name = value, ...)`: the message in the language chosen at
/// start, each value (text or a number) given to the placeable of its name.
#[macro_export]
macro_rules! tr {
    ($key:expr) => {
        $crate::text::catalogue::tr($key, &[])
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::text::catalogue::tr(
            $key,
            &[$((stringify!($name), $crate::text::catalogue::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    use std::collections::BTreeSet;

    /// The message keys of one language, every file parsed strictly.
    fn keys(lang: Lang) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        for (name, text) in sources(lang) {
            let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, errors)| {
                panic!("locales/{}/{name} has mistakes: {errors:?}", lang.tag())
            });
            for entry in resource.body {
                match entry {
                    Entry::Message(m) => {
                        assert!(
                            m.value.is_some(),
                            "{}: {} has no text",
                            lang.tag(),
                            m.id.name
                        );
                        assert!(
                            keys.insert(m.id.name.to_string()),
                            "locales/{}/{name}: {} is defined twice",
                            lang.tag(),
                            m.id.name
                        );
                    }
                    Entry::Junk { content } => {
                        panic!("locales/{}/{name}: cannot read {content:?}", lang.tag())
                    }
                    _ => {}
                }
            }
        }
        keys
    }

    /// The variables a message uses, so a translation cannot drop or invent one.
    fn variables(lang: Lang) -> Vec<(String, BTreeSet<String>)> {
        fn walk(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
            for e in &p.elements {
                if let PatternElement::Placeable { expression } = e {
                    expr(expression, out);
                }
            }
        }
        fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match e {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                InlineExpression::Placeable { expression } => expr(expression, out),
                _ => {}
            }
        }
        fn expr(e: &Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                Expression::Inline(i) => inline(i, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        walk(&v.value, out);
                    }
                }
            }
        }
        let mut all = Vec::new();
        for (_, text) in sources(lang) {
            let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(r, _)| r);
            for entry in resource.body {
                if let Entry::Message(m) = entry {
                    let mut vars = BTreeSet::new();
                    if let Some(v) = &m.value {
                        walk(v, &mut vars);
                    }
                    all.push((m.id.name.to_string(), vars));
                }
            }
        }
        all.sort();
        all
    }

    #[test]
    fn every_catalogue_parses_without_a_mistake() {
        for lang in Lang::ALL {
            assert!(!keys(lang).is_empty(), "{} has no messages", lang.tag());
        }
    }

    #[test]
    fn both_catalogues_hold_the_same_keys() {
        let en = keys(Lang::EnUs);
        let zh = keys(Lang::ZhCn);
        let missing: Vec<_> = en.difference(&zh).collect();
        let extra: Vec<_> = zh.difference(&en).collect();
        assert!(missing.is_empty(), "zh-CN lacks {missing:?}");
        assert!(extra.is_empty(), "zh-CN has keys English lacks: {extra:?}");
    }

    #[test]
    fn a_translation_uses_the_same_variables() {
        assert_eq!(variables(Lang::EnUs), variables(Lang::ZhCn));
    }

    #[test]
    fn files_pair_up_by_name() {
        let names = |l: Lang| sources(l).iter().map(|(n, _)| *n).collect::<Vec<_>>();
        assert_eq!(names(Lang::EnUs), names(Lang::ZhCn));
    }

    #[test]
    fn values_fill_placeables_and_plurals_follow_the_language() {
        let done = |lang, weeks: u32| {
            tr_in(
                lang,
                "plain-done",
                &[
                    ("headline", FluentValue::from("hired Ada")),
                    ("weeks", FluentValue::from(weeks)),
                    ("budget", FluentValue::from("$2.0B")),
                ],
            )
        };
        assert_eq!(
            done(Lang::EnUs, 1),
            "Done: hired Ada (1 week left, budget $2.0B)."
        );
        assert_eq!(
            done(Lang::EnUs, 3),
            "Done: hired Ada (3 weeks left, budget $2.0B)."
        );
        assert_eq!(
            done(Lang::ZhCn, 3),
            "已完成：hired Ada（还剩 3 周，预算 $2.0B）。"
        );
    }

    #[test]
    fn an_unknown_key_shows_itself() {
        assert_eq!(tr_in(Lang::ZhCn, "no-such-key", &[]), "no-such-key");
    }
}
