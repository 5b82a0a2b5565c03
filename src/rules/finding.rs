//! What a rule returns: a finding that names its rule and the entities that trigger it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::table::Detail;
use super::text::{Names, capitalized};
use crate::model::{
    ActivityId, ActorId, FindingKey, GroupId, JusticeLink, MissionId, RegionId, Scenario,
};

pub use super::table::RuleId;

impl RuleId {
    /// The rule with this stable id.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == id)
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        RuleId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown rule id {s:?}")))
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The four families of challenges the checklist groups findings by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Family {
    /// Challenges of engaging at all (§II, §IV).
    Engaging,
    /// Cooperation between and within missions (§V).
    BetweenMissions,
    /// Cooperation with other actors (§V).
    OtherActors,
    /// What engagement requires (§VI).
    Requirements,
}

impl Family {
    /// Every family, in display order.
    pub const ALL: &'static [Family] = &[
        Family::Engaging,
        Family::BetweenMissions,
        Family::OtherActors,
        Family::Requirements,
    ];

    /// Heading for the checklist.
    pub fn label(self) -> &'static str {
        match self {
            Family::Engaging => "Engaging at all",
            Family::BetweenMissions => "Between and within missions",
            Family::OtherActors => "With other actors",
            Family::Requirements => "What engagement requires",
        }
    }

    /// Where in the paper.
    pub fn section(self) -> &'static str {
        match self {
            Family::Engaging => "§IV",
            Family::BetweenMissions => "§V",
            Family::OtherActors => "§V",
            Family::Requirements => "§VI",
        }
    }
}

/// An entity a finding names, by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityRef {
    /// A mission.
    Mission(MissionId),
    /// A crime group.
    Group(GroupId),
    /// An activity.
    Activity(ActivityId),
    /// Another actor.
    Actor(ActorId),
    /// A region.
    Region(RegionId),
    /// A link of the host's justice chain.
    Link(JusticeLink),
}

impl EntityRef {
    /// The id used in checklist keys (`"link:prosecution"` for a justice-chain link).
    pub fn key(&self) -> String {
        match self {
            EntityRef::Mission(id) => id.to_string(),
            EntityRef::Group(id) => id.to_string(),
            EntityRef::Activity(id) => id.to_string(),
            EntityRef::Actor(id) => id.to_string(),
            EntityRef::Region(id) => id.to_string(),
            EntityRef::Link(link) => format!("link:{}", link.label()),
        }
    }

    /// The kind of entity, for scripts.
    pub fn kind(&self) -> &'static str {
        match self {
            EntityRef::Mission(_) => "mission",
            EntityRef::Group(_) => "group",
            EntityRef::Activity(_) => "activity",
            EntityRef::Actor(_) => "actor",
            EntityRef::Region(_) => "region",
            EntityRef::Link(_) => "justice-link",
        }
    }
}

impl Serialize for EntityRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("EntityRef", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("id", &self.key())?;
        s.end()
    }
}

/// Index of an entity in its list of the scenario the finding came from.
pub(crate) type Ix = u32;

/// An entity by its index in the scenario (what rules record; ids are looked up on demand).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum At {
    Mission(Ix),
    Group(Ix),
    Activity(Ix),
    Actor(Ix),
    Region(Ix),
    Link(JusticeLink),
}

impl At {
    fn resolve(self, s: &Scenario) -> Option<EntityRef> {
        let i = self.index();
        Some(match self {
            At::Mission(_) => EntityRef::Mission(s.missions.get(i)?.id.clone()),
            At::Group(_) => EntityRef::Group(s.groups.get(i)?.id.clone()),
            At::Activity(_) => EntityRef::Activity(s.activities.get(i)?.id.clone()),
            At::Actor(_) => EntityRef::Actor(s.actors.get(i)?.id.clone()),
            At::Region(_) => EntityRef::Region(s.host.regions.get(i)?.id.clone()),
            At::Link(l) => EntityRef::Link(l),
        })
    }

    /// The entity's kind and id as the scenario holds it (a link by its label), borrowed: to
    /// compare entities without making them.
    fn id(self, s: &Scenario) -> Option<(u8, &str)> {
        let i = self.index();
        Some(match self {
            At::Mission(_) => (0, s.missions.get(i)?.id.as_str()),
            At::Group(_) => (1, s.groups.get(i)?.id.as_str()),
            At::Activity(_) => (2, s.activities.get(i)?.id.as_str()),
            At::Actor(_) => (3, s.actors.get(i)?.id.as_str()),
            At::Region(_) => (4, s.host.regions.get(i)?.id.as_str()),
            At::Link(l) => (5, l.label()),
        })
    }

    /// The id a checklist key holds (see [`EntityRef::key`]), without making the entity.
    fn key(self, s: &Scenario) -> Option<String> {
        match self {
            At::Link(l) => Some(format!("link:{}", l.label())),
            _ => self.id(s).map(|(_, id)| id.to_owned()),
        }
    }

    /// [`Self::key`], borrowed from the scenario where it is an id.
    fn key_part(self, s: &Scenario) -> Option<Cow<'_, str>> {
        match self {
            At::Link(l) => Some(Cow::Owned(format!("link:{}", l.label()))),
            _ => self.id(s).map(|(_, id)| Cow::Borrowed(id)),
        }
    }

    /// The position in its list (0 for a justice-chain link).
    pub(super) fn ix(self) -> Ix {
        match self {
            At::Mission(i) | At::Group(i) | At::Activity(i) | At::Actor(i) | At::Region(i) => i,
            At::Link(_) => 0,
        }
    }

    fn index(self) -> usize {
        match self {
            At::Mission(i) | At::Group(i) | At::Activity(i) | At::Actor(i) | At::Region(i) => {
                i as usize
            }
            At::Link(_) => 0,
        }
    }
}

/// Up to two entities, kept inline: most findings are about one or two things, and making a
/// finding should not cost an allocation for them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Few {
    items: [At; 2],
    len: u8,
}

impl Few {
    fn new(items: &[At]) -> Self {
        debug_assert!(
            items.len() <= 2,
            "a finding's subject has at most two entities"
        );
        let mut few = Few {
            items: [At::Link(JusticeLink::Policing); 2],
            len: 0,
        };
        for (slot, item) in few.items.iter_mut().zip(items) {
            *slot = *item;
            few.len += 1;
        }
        few
    }
}

impl std::ops::Deref for Few {
    type Target = [At];

    fn deref(&self) -> &[At] {
        &self.items[..usize::from(self.len)]
    }
}

/// Any number of entities; up to two kept inline.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Many {
    Inline(Few),
    Heap(Vec<At>),
}

impl std::ops::Deref for Many {
    type Target = [At];

    fn deref(&self) -> &[At] {
        match self {
            Many::Inline(few) => few,
            Many::Heap(v) => v,
        }
    }
}

/// One risk the rules found in a scenario. It refers to the scenario's entities by position, so
/// it is cheap to make; its entities' ids and its sentence are worked out when asked for, from
/// the same scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Which rule.
    pub rule: RuleId,
    /// The entities the finding is about (none, one or two): they make its checklist key.
    pub(crate) subject: Few,
    /// Further entities it names (activities to highlight, the other side of a pair).
    pub(crate) involved: Many,
    /// What the sentence needs beyond the entities: the detail its rule's detector found.
    pub(crate) detail: Detail,
}

/// Every rule's detail is at most 28 bytes, so a finding is 88: `rules/10000` writes some 7,500
/// of them, and at 112 bytes (two lists in one detail) they crowded the resolved activities out
/// of the level-2 cache (benches/domain.rs).
const _: () = assert!(size_of::<Finding>() == 88);

impl Finding {
    pub(crate) fn new(subject: &[At], involved: Vec<At>, detail: impl Into<Detail>) -> Self {
        let detail = detail.into();
        Self {
            rule: detail.rule(),
            subject: Few::new(subject),
            involved: Many::Heap(involved),
            detail,
        }
    }

    /// A finding that names at most two further entities (no allocation).
    pub(crate) fn new_few(subject: &[At], involved: &[At], detail: impl Into<Detail>) -> Self {
        let detail = detail.into();
        Self {
            rule: detail.rule(),
            subject: Few::new(subject),
            involved: Many::Inline(Few::new(involved)),
            detail,
        }
    }

    /// The entities the finding is about, which make its checklist key; `s` is the scenario it
    /// was found in.
    pub fn subject(&self, s: &Scenario) -> Vec<EntityRef> {
        self.subject.iter().filter_map(|a| a.resolve(s)).collect()
    }

    /// Further entities it names.
    pub fn involved(&self, s: &Scenario) -> Vec<EntityRef> {
        self.involved.iter().filter_map(|a| a.resolve(s)).collect()
    }

    /// Every entity named, subject first, without repeats.
    pub fn entities(&self, s: &Scenario) -> Vec<EntityRef> {
        let mut out: Vec<EntityRef> = Vec::with_capacity(self.subject.len() + self.involved.len());
        // A seen-set, not `out.contains`: a finding can name every activity of a large scenario.
        // Of borrowed ids: an id is copied once, for the entity that is kept.
        let mut seen: rustc_hash::FxHashSet<(u8, &str)> = rustc_hash::FxHashSet::default();
        for a in self.subject.iter().chain(self.involved.iter()) {
            if let Some(id) = a.id(s)
                && seen.insert(id)
                && let Some(e) = a.resolve(s)
            {
                out.push(e);
            }
        }
        out
    }

    /// The key that keeps the room's decision on this finding across edits.
    pub fn key(&self, s: &Scenario) -> FindingKey {
        FindingKey::new(
            self.rule.as_str(),
            self.subject.iter().filter_map(|a| a.key(s)).collect(),
        )
    }

    /// [`Self::key`] borrowed from the scenario, to match findings by key without making keys.
    pub(crate) fn key_ref<'s>(&self, s: &'s Scenario) -> KeyRef<'s> {
        let mut parts = self.subject.iter().filter_map(|a| a.key_part(s));
        KeyRef::new(self.rule, parts.next(), parts.next())
    }

    /// The sentence, in plain words, naming the entities.
    pub fn message(&self, s: &Scenario) -> String {
        capitalized(self.detail.sentence(self, &Names(s)))
    }

    /// Positions in `scenario.activities` of the activities the finding names (to highlight).
    pub fn activity_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.subject
            .iter()
            .chain(self.involved.iter())
            .filter_map(|a| match a {
                At::Activity(i) => Some(*i as usize),
                _ => None,
            })
    }
}

/// A finding's checklist key borrowed from its scenario: two are equal exactly when the
/// [`FindingKey`]s they stand for are. Comparing options matches thousands of findings by key,
/// and making every key (a string per entity) was a sixth of `options/compare_4x1000`
/// (benches/options.rs).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct KeyRef<'s> {
    rule: RuleId,
    /// The subject's ids, sorted and without repeats (as [`FindingKey::new`] has them), then
    /// `None`: a subject has at most two entities.
    entities: [Option<Cow<'s, str>>; 2],
}

impl<'s> KeyRef<'s> {
    fn new(rule: RuleId, a: Option<Cow<'s, str>>, b: Option<Cow<'s, str>>) -> Self {
        let entities = match (a, b) {
            (Some(a), Some(b)) if a == b => [Some(a), None],
            (Some(a), Some(b)) if b < a => [Some(b), Some(a)],
            (None, b) => [b, None],
            (a, b) => [a, b],
        };
        Self { rule, entities }
    }

    /// The key of a checklist decision, if a finding can have it: a known rule and at most two
    /// entities, sorted without repeats as keys are read (anything else matches no finding).
    pub(crate) fn of_key(key: &'s FindingKey) -> Option<Self> {
        let rule = RuleId::parse(&key.rule)?;
        let entities = match key.entities.as_slice() {
            [] => [None, None],
            [a] => [Some(Cow::Borrowed(a.as_str())), None],
            [a, b] if a < b => [
                Some(Cow::Borrowed(a.as_str())),
                Some(Cow::Borrowed(b.as_str())),
            ],
            _ => return None,
        };
        Some(Self { rule, entities })
    }

    /// The rule.
    pub(crate) fn rule(&self) -> RuleId {
        self.rule
    }

    /// The key it stands for.
    pub(crate) fn to_key(&self) -> FindingKey {
        FindingKey::new(
            self.rule.as_str(),
            self.entities
                .iter()
                .flatten()
                .map(|e| e.to_string())
                .collect(),
        )
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;
    use crate::model::{Activity, CrimeGroup, Mission, YearMonth};

    #[test]
    fn borrowed_keys_match_exactly_when_keys_do() {
        let mut s = Scenario::new("t");
        let start = YearMonth::new(2004, 6).expect("a month");
        for id in ["b", "a"] {
            s.missions.push(Mission::new(id.into(), id, start));
            s.groups.push(CrimeGroup::new(id.into(), id));
            s.activities.push(Activity::new(id.into(), id, 0.0, 0.0));
        }
        let subjects: Vec<Vec<At>> = vec![
            vec![],
            vec![At::Mission(0)],
            vec![At::Mission(1)],
            vec![At::Mission(0), At::Mission(1)],
            vec![At::Mission(1), At::Mission(0)],
            vec![At::Mission(0), At::Group(0)],
            vec![At::Group(1), At::Activity(0)],
            vec![At::Link(JusticeLink::Prosecution)],
            vec![At::Mission(7)],
            vec![At::Mission(7), At::Group(1)],
        ];
        let findings: Vec<Finding> = subjects
            .iter()
            .flat_map(|subject| {
                [
                    Finding::new(subject, Vec::new(), super::super::engaging::probe()),
                    Finding::new(
                        subject,
                        Vec::new(),
                        super::super::missions::probe_intelligence(),
                    ),
                ]
            })
            .collect();
        for f in &findings {
            let key = f.key(&s);
            assert_eq!(f.key_ref(&s).to_key(), key);
            assert_eq!(KeyRef::of_key(&key), Some(f.key_ref(&s)), "{key:?}");
            for g in &findings {
                assert_eq!(
                    f.key_ref(&s) == g.key_ref(&s),
                    key == g.key(&s),
                    "{key:?} {:?}",
                    g.key(&s)
                );
            }
        }
        let unsorted = FindingKey {
            rule: "turf-overlap".to_owned(),
            entities: vec!["b".to_owned(), "a".to_owned()],
        };
        assert_eq!(KeyRef::of_key(&unsorted), None);
        let three = FindingKey::new("turf-overlap", vec!["a".into(), "b".into(), "c".into()]);
        assert_eq!(KeyRef::of_key(&three), None);
        assert_eq!(
            KeyRef::of_key(&FindingKey::new("no-such-rule", vec![])),
            None
        );
    }
}
