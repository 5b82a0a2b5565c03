//! Stable identifiers. Every entity is referred to by its id, never by its name or list position,
//! so renaming or reordering keeps references valid. Ids are short strings (`"kfor"`, `"act-12"`)
//! because scenario files are read and diffed by people.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The text of an id, kept inline up to 23 bytes (every id of the shipped and generated
/// scenarios): copying one allocates nothing and dropping one frees nothing. Comparing four
/// options (`options/compare_4x1000`, benches/options.rs) spent a third of its time copying
/// each option's board, most of it in its ids.
pub type IdText = smol_str::SmolStr;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub IdText);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.into())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s.into())
            }
        }
    };
}

id_type!(
    /// Id of a region of the host state.
    RegionId
);
id_type!(
    /// Id of an organized crime group.
    GroupId
);
id_type!(
    /// Id of a multilateral peace operation.
    MissionId
);
id_type!(
    /// Id of another actor (host agency, UNODC, civil society, ...).
    ActorId
);
id_type!(
    /// Id of a planned activity.
    ActivityId
);
id_type!(
    /// Id of a checklist item a facilitator added by hand.
    CustomItemId
);
id_type!(
    /// Id of an activity template in the catalogue.
    TemplateId
);
id_type!(
    /// Id of a mandate option (an alternative plan for the same scenario).
    OptionId
);

/// Makes an id that is not in `taken`, of the form `prefix-N`, for entities added in the window.
pub fn fresh_id<'a>(prefix: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let used: std::collections::HashSet<&str> = taken.into_iter().collect();
    let mut n = used.len() + 1;
    loop {
        let candidate = format!("{prefix}-{n}");
        if !used.contains(candidate.as_str()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_id_avoids_taken_ids() {
        let id = fresh_id("act", ["act-1", "act-2", "act-3"]);
        assert_eq!(id, "act-4");
        let id = fresh_id("act", ["act-2", "act-3"]);
        assert!(id != "act-2" && id != "act-3", "{id}");
    }
}
