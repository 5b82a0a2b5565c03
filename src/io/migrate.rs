//! Migrations from older format versions to [`FORMAT_VERSION`].
//!
//! One step per version: [`v1_to_v2`] brings a version-1 scenario to version 2, [`v2_to_v3`]
//! a version-2 one to version 3, [`v3_to_v4`] a version-3 one to version 4. When a change
//! needs a new version: bump `FORMAT_VERSION`, add a step below (keeping the old types in
//! `io/legacy/vN.rs` if the old text no longer parses as the current types), chain it in
//! [`upgrade`], and freeze a saved file of the new version in `tests/formats/`. Adding a field
//! with `#[serde(default)]` needs no new version.

use std::path::Path;

use super::LoadError;
use super::load::{from_ron, options};
use crate::model::{FORMAT_VERSION, Scenario};

/// Brings the text of an older version up to the current model, or says the version is unknown.
pub(super) fn upgrade(found: u32, text: &str, path: &Path) -> Result<Scenario, LoadError> {
    debug_assert!(
        found != FORMAT_VERSION,
        "the current version needs no migration"
    );
    match found {
        1..=3 => {
            // Versions 2 to 4 only add to version 1 (every new field has a default, every old
            // enum value is kept), so older text parses as the current types.
            let old: Scenario = options()
                .from_str(text)
                .map_err(|e| from_ron(&e, text, path))?;
            upgrade_parsed(old, path)
        }
        // No released version precedes version 1.
        _ => Err(LoadError::UnknownVersion {
            path: path.to_owned(),
            found,
        }),
    }
}

/// Brings a scenario of an older version, already parsed as the current types (see
/// [`upgrade`]), up to the current version: the file is not parsed a second time (a
/// 100,000-activity file of version 3 would cost twice its parse; benches/domain.rs).
pub(super) fn upgrade_parsed(old: Scenario, path: &Path) -> Result<Scenario, LoadError> {
    Ok(match old.format_version {
        1 => v3_to_v4(v2_to_v3(v1_to_v2(old))),
        2 => v3_to_v4(v2_to_v3(old)),
        3 => v3_to_v4(old),
        found => {
            return Err(LoadError::UnknownVersion {
                path: path.to_owned(),
                found,
            });
        }
    })
}

/// Version 1 → 2. Version 2 adds: an activity's mission component (military, police or
/// civilian; none in version 1: the mission as a whole), a group's approach over time (version 1
/// has one approach for all time, kept as the approach outside any period), a mission's
/// transitional authority and "not a SIPRI peace operation" flags (off: version 1 could not say
/// either), the police-and-civilian mission kind and rubber among resources. Nothing a version-1
/// file says changes meaning.
fn v1_to_v2(mut scenario: Scenario) -> Scenario {
    scenario.format_version = 2;
    scenario
}

/// Version 2 → 3. Version 3 adds the scenario's milestones (dated, labelled events for the
/// timeline); a version-2 file has none. Nothing a version-2 file says changes meaning.
fn v2_to_v3(mut scenario: Scenario) -> Scenario {
    scenario.format_version = 3;
    scenario
}

/// Version 3 → 4. Version 4 adds mandate options: a scenario's activities and checklist belong
/// to its current option, and other options hold their own. A version-3 file has one plan: it
/// becomes the one option "Current plan" (id `current`), current, so its activities and
/// checklist stay exactly where they are. Runs gain the option they were started on (none: the
/// current one).
fn v3_to_v4(mut scenario: Scenario) -> Scenario {
    scenario.format_version = 4;
    scenario.options.clear();
    scenario.current_option = None;
    scenario.ensure_option();
    scenario
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_2_file_comes_up_to_version_3_with_no_milestones() {
        let text = r#"(format_version: 2, title: "Old", host: (name: "Testland"))"#;
        let s = upgrade(2, text, Path::new("old.ron")).unwrap();
        assert_eq!(s.format_version, FORMAT_VERSION);
        assert!(s.milestones.is_empty());
    }

    #[test]
    fn a_version_3_file_becomes_one_current_option_keeping_its_plan() {
        let text = r#"(format_version: 3, title: "Old", host: (name: "Testland"),
            activities: [(id: "a1", title: "Raids", x: -0.5, y: 0.5)],
            checklist: (findings: [(key: (rule: "r", entities: ["a1"]), status: Accepted)]))"#;
        let s = upgrade(3, text, Path::new("old.ron")).unwrap();
        assert_eq!(s.format_version, 4);
        assert_eq!(s.options.len(), 1);
        let o = s.current_option().unwrap();
        assert_eq!(
            (o.id.as_str(), o.name.as_str()),
            ("current", "Current plan")
        );
        assert!(o.activities.is_empty() && o.checklist.findings.is_empty());
        assert_eq!(s.activities.len(), 1);
        assert_eq!(s.checklist.findings.len(), 1);
    }

    #[test]
    fn a_version_1_file_comes_up_to_version_2_unchanged_otherwise() {
        let text = r#"(format_version: 1, title: "Old", host: (name: "Testland"),
            groups: [(id: "g", name: "G", relation: Parasitic, role: Partner, approach: CoOptive)])"#;
        let s = upgrade(1, text, Path::new("old.ron")).unwrap();
        assert_eq!(s.format_version, FORMAT_VERSION);
        assert_eq!(s.groups[0].approach, crate::model::Approach::CoOptive);
        assert!(s.groups[0].approach_periods.is_empty());
    }

    #[test]
    fn an_unknown_old_version_is_refused_by_name() {
        let e = upgrade(0, "(format_version: 0)", Path::new("old.ron")).unwrap_err();
        assert!(
            matches!(e, LoadError::UnknownVersion { found: 0, .. }),
            "{e}"
        );
    }
}
