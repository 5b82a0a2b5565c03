//! Breakout groups: each group plans on its own copy of a scenario, and the facilitator brings
//! the groups' plans back into one file as options, for the plenary to compare. A group's file
//! is imported only when its base (host, regions, crime groups, missions, actors) is the same
//! as the plenary file's, id by id and field by field; differences are listed, never merged
//! silently. Missions, groups, actors and regions a group added are choices: added to the base,
//! or skipped (with the references the group's activities made to them cleared and reported).
//! No UI: File → Import option from file… and `peaceops merge` use the same functions.

use std::fmt;

use serde::Serialize;

use crate::model::{
    ActorId, Checklist, EntityId, GroupId, MissionId, OptionId, PlanOption, RegionId, Scenario,
};

/// What kind of base entity a difference or an extra is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BaseKind {
    /// The host state (its fields other than regions).
    Host,
    /// A region of the host.
    Region,
    /// A crime group.
    Group,
    /// A mission.
    Mission,
    /// Another actor.
    Actor,
}

impl BaseKind {
    /// The noun for messages.
    pub fn noun(self) -> &'static str {
        match self {
            BaseKind::Host => "host",
            BaseKind::Region => "region",
            BaseKind::Group => "crime group",
            BaseKind::Mission => "mission",
            BaseKind::Actor => "actor",
        }
    }
}

/// One way a group's base differs from the plenary's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// What kind of entity.
    pub kind: BaseKind,
    /// Its id (empty for the host).
    pub id: String,
    /// The fields that differ, by their names in the file; empty when the entity is missing
    /// from the group's file.
    pub fields: Vec<String>,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.id.is_empty() {
            self.kind.noun().to_owned()
        } else {
            format!("{} {:?}", self.kind.noun(), self.id)
        };
        if self.fields.is_empty() {
            write!(f, "{what} is missing from the group's file")
        } else {
            write!(f, "{what} differs in {}", self.fields.join(", "))
        }
    }
}

/// Something the group's file has that the base does not: a choice to add it or skip it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Extra {
    /// What kind of entity.
    pub kind: BaseKind,
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
}

impl Extra {
    /// The entity, for [`import_option`]'s choices.
    pub fn entity(&self) -> EntityId {
        let id = self.id.as_str();
        match self.kind {
            BaseKind::Region | BaseKind::Host => EntityId::Region(RegionId::from(id)),
            BaseKind::Group => EntityId::Group(GroupId::from(id)),
            BaseKind::Mission => EntityId::Mission(MissionId::from(id)),
            BaseKind::Actor => EntityId::Actor(ActorId::from(id)),
        }
    }
}

/// How a group's base compares with the plenary's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BaseReport {
    /// Differences that refuse the import.
    pub differences: Vec<Difference>,
    /// What the group added: choices.
    pub extras: Vec<Extra>,
}

impl BaseReport {
    /// Whether the bases match (extras aside).
    pub fn matches(&self) -> bool {
        self.differences.is_empty()
    }
}

/// The top-level fields of two values that differ, by their names in the file.
fn differing_fields<T: Serialize>(a: &T, b: &T, skip: &[&str]) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(a), serde_json::to_value(b))
    else {
        return vec!["(all)".to_owned()];
    };
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|k| !skip.contains(&k.as_str()) && a.get(*k) != b.get(*k))
        .map(|k| k.to_owned())
        .collect()
}

/// Compares entities of one kind by id: those of `base` missing or different in `group` are
/// differences, those only in `group` are extras.
fn compare_lists<T: Serialize>(
    kind: BaseKind,
    base: &[T],
    group: &[T],
    id: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> &str,
    report: &mut BaseReport,
) {
    for b in base {
        match group.iter().find(|g| id(g) == id(b)) {
            None => report.differences.push(Difference {
                kind,
                id: id(b).to_owned(),
                fields: Vec::new(),
            }),
            Some(g) => {
                let fields = differing_fields(b, g, &[]);
                if !fields.is_empty() {
                    report.differences.push(Difference {
                        kind,
                        id: id(b).to_owned(),
                        fields,
                    });
                }
            }
        }
    }
    for g in group {
        if !base.iter().any(|b| id(b) == id(g)) {
            report.extras.push(Extra {
                kind,
                id: id(g).to_owned(),
                name: name(g).to_owned(),
            });
        }
    }
}

/// Compares a group's base with the plenary's: host (its fields, then its regions by id),
/// crime groups, missions and actors, by id and field.
pub fn check_base(base: &Scenario, group: &Scenario) -> BaseReport {
    let mut r = BaseReport::default();
    let fields = differing_fields(&base.host, &group.host, &["regions"]);
    if !fields.is_empty() {
        r.differences.push(Difference {
            kind: BaseKind::Host,
            id: String::new(),
            fields,
        });
    }
    compare_lists(
        BaseKind::Region,
        &base.host.regions,
        &group.host.regions,
        |x| x.id.as_str(),
        |x| &x.name,
        &mut r,
    );
    compare_lists(
        BaseKind::Group,
        &base.groups,
        &group.groups,
        |x| x.id.as_str(),
        |x| &x.name,
        &mut r,
    );
    compare_lists(
        BaseKind::Mission,
        &base.missions,
        &group.missions,
        |x| x.id.as_str(),
        |x| x.short_name(),
        &mut r,
    );
    compare_lists(
        BaseKind::Actor,
        &base.actors,
        &group.actors,
        |x| x.id.as_str(),
        |x| &x.name,
        &mut r,
    );
    r
}

/// A group's file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Its base is not the plenary's.
    #[error(
        "{name}: its base differs from the plenary file's, so it is not imported: {}",
        list(differences)
    )]
    BaseDiffers {
        /// The option name (the file's).
        name: String,
        /// Why.
        differences: Vec<Difference>,
    },
    /// A choice names something the group's file did not add.
    #[error("{name}: {id:?} is not something the group's file added")]
    NotAnExtra {
        /// The option name (the file's).
        name: String,
        /// The id chosen.
        id: String,
    },
}

fn list(differences: &[Difference]) -> String {
    differences
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A group's plan brought in as an option.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The plenary scenario with the new option (and any extras added to its base).
    pub scenario: Scenario,
    /// The new option's id.
    pub option: OptionId,
    /// What was added to the base, and the references to skipped extras that were cleared,
    /// in plain words.
    pub notes: Vec<String>,
}

/// Imports a group's plan (its current option: activities, checklist, rationale and mission
/// changes) into `base` as a new option named `name` (made unique), never current. The bases
/// must match ([`check_base`]); of the group's extras, those in `add` are added to the base and
/// the others skipped, with the references the group's activities made to them cleared and
/// reported in the notes.
pub fn import_option(
    base: &Scenario,
    group: &Scenario,
    name: &str,
    add: &[EntityId],
) -> Result<Imported, ImportError> {
    import_checked(base, check_base(base, group), group, name, add)
}

/// [`import_option`] into `target` with the report of the group's file against the base it was
/// copied from (in a merge, `target` already holds what earlier groups added).
fn import_checked(
    target: &Scenario,
    report: BaseReport,
    group: &Scenario,
    name: &str,
    add: &[EntityId],
) -> Result<Imported, ImportError> {
    if !report.matches() {
        return Err(ImportError::BaseDiffers {
            name: name.to_owned(),
            differences: report.differences,
        });
    }
    let extra_ids: Vec<EntityId> = report.extras.iter().map(Extra::entity).collect();
    if let Some(bad) = add.iter().find(|e| !extra_ids.contains(e)) {
        return Err(ImportError::NotAnExtra {
            name: name.to_owned(),
            id: bad.as_str().to_owned(),
        });
    }
    let mut s = target.clone();
    let mut notes = Vec::new();
    let mut skipped: Vec<EntityId> = Vec::new();
    for (extra, entity) in report.extras.iter().zip(extra_ids) {
        if !add.contains(&entity) {
            skipped.push(entity);
            continue;
        }
        if s.all_ids().any(|id| id == extra.id) {
            notes.push(format!(
                "{} {:?} ({}) is in the base already (an earlier group added it)",
                extra.kind.noun(),
                extra.id,
                extra.name
            ));
            continue;
        }
        match &entity {
            EntityId::Region(id) => s
                .host
                .regions
                .extend(group.host.regions.iter().find(|r| &r.id == id).cloned()),
            EntityId::Group(id) => s.groups.extend(group.group(id).cloned()),
            EntityId::Mission(id) => s.missions.extend(group.mission(id).cloned()),
            EntityId::Actor(id) => s.actors.extend(group.actor(id).cloned()),
            EntityId::Activity(_) => {}
        }
        notes.push(format!(
            "added {} {:?} ({}) to the base",
            extra.kind.noun(),
            extra.id,
            extra.name
        ));
    }
    // The group's plan, as its file has it.
    let mut activities = group.activities.clone();
    let checklist: Checklist = group.checklist.clone();
    let from = group.current_option();
    for entity in &skipped {
        for a in &mut activities {
            let cleared = match entity {
                EntityId::Region(r) if a.region.as_ref() == Some(r) => {
                    a.region = None;
                    true
                }
                EntityId::Mission(m) if a.mission.as_ref() == Some(m) => {
                    a.mission = None;
                    true
                }
                EntityId::Group(g) if a.groups.contains(g) => {
                    a.groups.retain(|x| x != g);
                    true
                }
                EntityId::Actor(p) if a.partners.contains(p) => {
                    a.partners.retain(|x| x != p);
                    true
                }
                _ => false,
            };
            if cleared {
                notes.push(format!(
                    "activity '{}' ({}) named {:?}, which was skipped; the reference was cleared",
                    a.title,
                    a.id,
                    entity.as_str()
                ));
            }
        }
        // Added extras may name skipped ones too.
        for m in &mut s.missions {
            if let EntityId::Mission(x) = entity {
                if m.predecessor.as_ref() == Some(x) {
                    m.predecessor = None;
                }
                m.intel_sharing.retain(|y| y != x);
            }
            if let EntityId::Actor(x) = entity {
                m.partners.retain(|y| y != x);
            }
        }
        for g in &mut s.groups {
            if let EntityId::Region(x) = entity {
                g.regions.retain(|y| y != x);
            }
        }
    }
    let unique = unique_name(&s, name);
    let id = OptionId::from(s.fresh_option_id(&unique).as_str());
    let mut option = PlanOption::new(id.clone(), unique);
    if let Some(o) = from {
        option.rationale = o.rationale.clone();
        option.sources = o.sources.clone();
        option.missions = o.missions.clone();
    }
    option.activities = activities;
    option.checklist = checklist;
    s.options.push(option);
    Ok(Imported {
        scenario: s,
        option: id,
        notes,
    })
}

/// `name`, or `name (2)`, `name (3)`… when another option has it.
fn unique_name(s: &Scenario, name: &str) -> String {
    let taken = |n: &str| s.options.iter().any(|o| o.name.trim() == n.trim());
    let name = if name.trim().is_empty() {
        "Imported"
    } else {
        name
    };
    if !taken(name) {
        return name.to_owned();
    }
    (2..)
        .map(|i| format!("{name} ({i})"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| name.to_owned())
}

/// A group's file by the name its option takes (the file's stem).
#[derive(Clone, Debug)]
pub struct GroupPlan {
    /// The option name.
    pub name: String,
    /// The group's scenario.
    pub scenario: Scenario,
}

/// The breakout import of several groups at once: each group's plan becomes an option of the
/// plenary file, in order. With `add_extras`, every mission, group, actor or region a group
/// added goes into the base; without it they are skipped. All or nothing: the first group
/// whose base differs refuses the merge.
pub fn merge(
    base: &Scenario,
    groups: &[GroupPlan],
    add_extras: bool,
) -> Result<Imported, ImportError> {
    let mut s = base.clone();
    let mut notes = Vec::new();
    let mut last = s.current_option.clone().unwrap_or_default();
    for g in groups {
        // Against the base the groups were given, not what earlier groups added to it.
        let report = check_base(base, &g.scenario);
        let add: Vec<EntityId> = if add_extras {
            report.extras.iter().map(Extra::entity).collect()
        } else {
            Vec::new()
        };
        let imported = import_checked(&s, report, &g.scenario, &g.name, &add)?;
        notes.extend(
            imported
                .notes
                .into_iter()
                .map(|n| format!("{}: {n}", g.name)),
        );
        last = imported.option;
        s = imported.scenario;
    }
    Ok(Imported {
        scenario: s,
        option: last,
        notes,
    })
}

impl Scenario {
    /// An option id not used by any option, made from a name (`group-a`, `group-a-2`…).
    pub fn fresh_option_id(&self, name: &str) -> String {
        let mut stem: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        while stem.contains("--") {
            stem = stem.replace("--", "-");
        }
        let stem = stem.trim_matches('-');
        let stem = if stem.is_empty() { "option" } else { stem };
        let taken = |id: &str| self.options.iter().any(|o| o.id.as_str() == id);
        if !taken(stem) {
            return stem.to_owned();
        }
        (2..)
            .map(|i| format!("{stem}-{i}"))
            .find(|id| !taken(id))
            .unwrap_or_else(|| stem.to_owned())
    }
}
