//! The rule table, declared once: each rule's stable id, family, priority and the type that is
//! both its detector and its finding's detail. A rule's row and its type live in its family's
//! file (`engaging.rs`, `missions.rs`, `actors.rs`, `requirements.rs`), where the rule's
//! detection and its sentence sit side by side; the sentence can read only what the detector
//! put in the detail. This file turns the rows into `RuleId`, its `ALL`, and the dispatch.
//! Adding a rule: its row and its type in its family's file, its texts in `assets/risks.ron`,
//! its tests — nothing here.

use super::actors::rows as actors_rows;
use super::context::Ctx;
use super::engaging::rows as engaging_rows;
use super::finding::Finding;
use super::missions::rows as missions_rows;
use super::requirements::rows as requirements_rows;
use super::text::Names;
use super::{Family, actors, engaging, missions, requirements};

/// A rule: what it looks for, and how its findings read. The implementing type is the finding's
/// detail: whatever the sentence says beyond the finding's entities.
pub(super) trait Rule {
    /// Appends the rule's findings in the scenario to `out`.
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>);

    /// The finding's sentence (capitalised by the caller), naming entities through `n`.
    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String;
}

macro_rules! rules {
    ([$(
        $(#[doc = $doc:literal])*
        $id:ident = $key:literal, $family:ident, priority $priority:literal, $module:ident;
    )*]) => {
        /// Stable rule ids; scripts and saved checklist state depend on them. Written as their
        /// kebab-case string (`"unregulated-handover"`) in RON and JSON alike.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $( $(#[doc = $doc])* $id, )*
        }

        impl RuleId {
            /// Every rule, in the order findings are listed.
            pub const ALL: &'static [RuleId] = &[ $( RuleId::$id, )* ];

            /// The stable id, e.g. `"unregulated-handover"`.
            pub fn as_str(self) -> &'static str {
                match self { $( RuleId::$id => $key, )* }
            }

            /// The family the checklist lists the rule under.
            pub fn family(self) -> Family {
                match self { $( RuleId::$id => Family::$family, )* }
            }

            /// Where the checklist lists the rule's findings: 1 first (preconditions such as
            /// consent and minimal security), then do-no-harm risks, then whether the missions
            /// can do it, then coordination. The reason is in `assets/risks.ron`.
            pub fn priority(self) -> u8 {
                match self { $( RuleId::$id => $priority, )* }
            }
        }

        /// What a finding's sentence says beyond naming its entities: the detail of its rule.
        #[derive(Clone, Debug, PartialEq)]
        pub(crate) enum Detail {
            $( $(#[doc = $doc])* $id($module::$id), )*
        }

        $(
            impl From<$module::$id> for Detail {
                fn from(d: $module::$id) -> Self {
                    Detail::$id(d)
                }
            }
        )*

        impl Detail {
            /// The rule whose detail this is.
            pub(super) fn rule(&self) -> RuleId {
                match self { $( Detail::$id(_) => RuleId::$id, )* }
            }

            /// The finding's sentence.
            pub(super) fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
                match self { $( Detail::$id(d) => d.sentence(f, n), )* }
            }
        }

        /// Runs one rule's detector.
        pub(super) fn detect(rule: RuleId, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
            match rule { $( RuleId::$id => <$module::$id as Rule>::detect(ctx, out), )* }
        }
    };
}

// The rows of the table sit in the families' files, each next to its rule's type; they are
// gathered here in family order (the order of `RuleId::ALL`): each family's `rows!` adds its
// rows and hands them on to the next, the last to `rules!`.
engaging_rows! { [] missions_rows actors_rows requirements_rows rules }

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_kebab_case_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for rule in RuleId::ALL {
            let key = rule.as_str();
            assert!(seen.insert(key), "{key} twice");
            assert!(
                key.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{key}"
            );
            assert_eq!(RuleId::parse(key), Some(*rule));
        }
    }

    #[test]
    fn rows_come_family_by_family_with_a_priority_band() {
        let position = |f: Family| Family::ALL.iter().position(|x| *x == f);
        for pair in RuleId::ALL.windows(2) {
            assert!(
                position(pair[0].family()) <= position(pair[1].family()),
                "{} is listed after {} of a later family",
                pair[1],
                pair[0]
            );
        }
        for rule in RuleId::ALL {
            assert!((1..=4).contains(&rule.priority()), "{rule}");
        }
    }
}
