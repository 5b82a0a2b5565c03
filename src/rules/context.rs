//! What every rule needs, resolved once per evaluation: ids to indices, the live activities with
//! their mission, groups, region, partners and effective start, and the missions' successions.
//! Rules then work on indices and never search lists or compare strings.
//!
//! A context can be built as of a month ([`Ctx::dated`]): then only the activities under way in
//! that month are live ([`Dating::UnderWay`]; or, for the rules that read the past such as a
//! predecessor's case work, those begun by then, [`Dating::Begun`]), only deployed successors
//! have a predecessor, and two missions overlap when both are deployed then. No rule reads the
//! month itself; [`Ctx::holds`] then drops the findings about nothing that is there in that
//! month. A filtered view, not a copy of the scenario: moving the timeline's cursor re-resolves
//! the activities, nothing more. Plain vectors and one
//! hash map per kind of id: the benchmark (`benches/domain.rs`) needs no buffers kept between
//! evaluations, no second core and no hand-made id comparison. What it does need is said where
//! it is done: the packed [`Live`], [`ByMission`]'s copies, and the findings' room reserved in
//! `evaluate`.

use std::sync::OnceLock;

use super::Finding;
use super::finding::{At, Ix};
use super::pairs::Meeting;
use crate::model::{ActivityKind, ActorKind, Mission, Scenario, YearMonth};

/// A set of activity kinds as bits over `ActivityKind::ALL`.
pub(super) type Kinds = u32;

const _: () = assert!(ActivityKind::ALL.len() <= Kinds::BITS as usize);

/// The set of the listed activity kinds.
pub(super) const fn kinds(list: &[ActivityKind]) -> Kinds {
    let mut bits = 0;
    let mut i = 0;
    while i < list.len() {
        bits |= 1 << list[i] as u32;
        i += 1;
    }
    bits
}

/// A set of actor kinds as bits over `ActorKind::ALL`.
pub(super) const fn actors(list: &[ActorKind]) -> u32 {
    let mut bits = 0;
    let mut i = 0;
    while i < list.len() {
        bits |= 1 << list[i] as u32;
        i += 1;
    }
    bits
}

/// Development actors (see `ActorKind::is_development`).
pub(super) const DEVELOPMENT: u32 = actors(&[
    ActorKind::Undp,
    ActorKind::UnHabitat,
    ActorKind::WorldBank,
    ActorKind::Donor,
]);
/// Civil society, communities, women and youth (see `ActorKind::is_community`).
pub(super) const COMMUNITY: u32 = actors(&[
    ActorKind::CivilSociety,
    ActorKind::Community,
    ActorKind::WomensGroup,
    ActorKind::YouthGroup,
]);
/// Host agencies.
pub(super) const HOST_AGENCY: u32 = actors(&[ActorKind::HostAgency]);
/// Local actors who stay (see `ActorKind::is_local`).
pub(super) const LOCAL: u32 = HOST_AGENCY | COMMUNITY;
/// Neighbours and regional organizations (see `ActorKind::is_regional`).
pub(super) const REGIONAL: u32 = actors(&[
    ActorKind::NeighbouringGovernment,
    ActorKind::RegionalOrganization,
]);

/// A live (not dropped) activity with what the rules read of it, resolved and packed small:
/// the rules scan these many times, never the activities themselves. 40 bytes, so that the
/// 10,000 of `rules/10000` (benches/domain.rs) fit in this machine's 512 KiB level-2 cache
/// (at 56 bytes they did not, and the many scans of them made that size 17 times slower
/// than 1,000 activities, against the 15).
#[derive(Clone, Copy)]
pub(super) struct Live {
    /// Its position in `scenario.activities`.
    pub index: Ix,
    mission: u32,
    region: u32,
    /// Month indices (`YearMonth::index`, which fits: years 1900–2200).
    start: i16,
    end: i16,
    /// Its kind tags, as bits over `ActivityKind::ALL`.
    pub kinds: Kinds,
    /// The kinds of its partners, as bits over `ActorKind::ALL`.
    pub partner_kinds: u32,
    /// Where its groups' indices start in `Ctx::refs`; its partners' follow them.
    refs: u32,
    /// How many groups it targets.
    groups: u32,
    /// How many partners it has.
    partners: u32,
    /// Where it sits and what it is: see the `DIRECT`… constants.
    flags: u8,
}

const _: () = assert!(size_of::<Live>() == 40);

const NONE: u32 = u32::MAX;
const NO_DATE: i16 = i16::MIN;

fn pack(i: Option<usize>) -> u32 {
    i.and_then(|i| u32::try_from(i).ok()).unwrap_or(NONE)
}

fn unpack(i: u32) -> Option<usize> {
    (i != NONE).then_some(i as usize)
}

fn pack_date(d: Option<YearMonth>) -> i16 {
    d.and_then(|d| i16::try_from(d.index()).ok())
        .unwrap_or(NO_DATE)
}

fn unpack_date(d: i16) -> Option<YearMonth> {
    (d != NO_DATE).then(|| YearMonth::from_index(d.into()))
}

const ACTING_KINDS: Kinds = kinds(ActivityKind::ACTING_AGAINST);
const SECURITY_KINDS: Kinds = kinds(&[ActivityKind::Security]);
const INTERNAL_KINDS: Kinds = kinds(ActivityKind::INTERNAL);

const DIRECT: u8 = 1;
const DRIVERS: u8 = 2;
const COERCIVE: u8 = 4;
const INTERNAL: u8 = 8;
const MILITARY: u8 = 16;

impl Live {
    /// Index of its mission, if assigned and existing.
    pub fn mission(&self) -> Option<usize> {
        unpack(self.mission)
    }

    /// Its region's index, if any.
    pub fn region(&self) -> Option<usize> {
        unpack(self.region)
    }

    /// Effective first month: its own, else its mission's.
    pub fn start(&self) -> Option<YearMonth> {
        unpack_date(self.start)
    }

    /// Its own last month (`None`: until its mission ends).
    pub fn end(&self) -> Option<YearMonth> {
        unpack_date(self.end)
    }

    /// [`Self::start`] as a month index (`YearMonth::index`), cheap to compare.
    pub fn start_index(&self) -> Option<i32> {
        (self.start != NO_DATE).then_some(self.start.into())
    }

    /// [`Self::end`] as a month index.
    pub fn end_index(&self) -> Option<i32> {
        (self.end != NO_DATE).then_some(self.end.into())
    }

    /// Done directly (y ≥ 0).
    pub fn direct(&self) -> bool {
        self.flags & DIRECT != 0
    }

    /// On the drivers side (x ≥ 0).
    pub fn drivers(&self) -> bool {
        self.flags & DRIVERS != 0
    }

    /// Coercive (see `Activity::is_coercive`).
    pub fn coercive(&self) -> bool {
        self.flags & COERCIVE != 0
    }

    /// Only about the mission itself (see `Activity::is_internal`).
    pub fn internal(&self) -> bool {
        self.flags & INTERNAL != 0
    }

    /// Done by soldiers: a military component, or a military mission (see
    /// `Activity::is_military`).
    pub fn military(&self) -> bool {
        self.flags & MILITARY != 0
    }

    /// The activity as a finding's entity.
    pub fn at(&self) -> At {
        At::Activity(self.index)
    }

    /// Whether it carries any of the tags in the mask (see [`kinds`]).
    pub fn has_any(&self, mask: Kinds) -> bool {
        self.kinds & mask != 0
    }

    /// Whether any of its partners is of a kind in the mask (see [`actors`]).
    pub fn has_partner(&self, mask: u32) -> bool {
        self.partner_kinds & mask != 0
    }
}

pub(super) struct Ctx<'a> {
    pub s: &'a Scenario,
    pub live: Vec<Live>,
    /// For each mission, its live activities.
    pub by_mission: ByMission,
    /// For each mission, the index of its predecessor.
    pub predecessor: Vec<Option<usize>>,
    /// For each mission, whether some mission follows it.
    pub has_successor: Vec<bool>,
    /// Index of each actor id.
    pub actor_index: Ids<'a>,
    /// Index of each mission id.
    pub mission_index: Ids<'a>,
    /// Each mission's capabilities as bits over `Capability::ALL`.
    pub capabilities: Vec<u32>,
    /// Each live activity's groups' indices, then its partners' (see `Live::refs`).
    refs: Vec<usize>,
    meetings: OnceLock<Vec<Meeting>>,
    /// The month the context is built as of; `None` for all time.
    at: Option<YearMonth>,
    /// For each mission, whether it is deployed in `at` (all true for all time).
    deployed: Vec<bool>,
}

/// What resolving an activity reads: the scenario and its ids.
struct Resolver<'r, 'a> {
    s: &'a Scenario,
    missions: &'r Ids<'a>,
    groups: &'r Ids<'a>,
    actors: &'r Ids<'a>,
    regions: &'r Ids<'a>,
    /// Which activities are live.
    dating: Dating,
}

/// Which activities a context holds as live.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Dating {
    /// Every live activity (all time).
    AllTime,
    /// Those under way in the month (`Activity::active_on`).
    UnderWay(YearMonth),
    /// Those begun by the month (their effective start not after it; undated ones too).
    Begun(YearMonth),
}

impl Dating {
    /// The month, if any.
    pub fn month(self) -> Option<YearMonth> {
        match self {
            Dating::AllTime => None,
            Dating::UnderWay(at) | Dating::Begun(at) => Some(at),
        }
    }
}

/// The live activities, with their groups' and partners' indices in one shared list.
#[derive(Default)]
struct Resolved {
    live: Vec<Live>,
    refs: Vec<usize>,
}

impl Resolver<'_, '_> {
    /// Resolves the live activities of the scenario.
    fn resolve(&self) -> Resolved {
        let mut part = Resolved {
            live: Vec::with_capacity(self.s.activities.len()),
            // Most activities name a group or two and a partner or two.
            refs: Vec::with_capacity(self.s.activities.len() * 3),
        };
        for index in 0..self.s.activities.len() {
            self.add(&mut part, index);
        }
        part
    }

    /// Resolves `s.activities[index]`, unless it is dropped.
    fn add(&self, part: &mut Resolved, index: usize) {
        let s = self.s;
        let a = &s.activities[index];
        if !a.is_live() {
            return;
        }
        let mission = a
            .mission
            .as_ref()
            .and_then(|m| self.missions.get(m.as_str()));
        let mission_ = mission.map(|m| &s.missions[m]);
        let seen = match self.dating {
            Dating::AllTime => true,
            Dating::UnderWay(at) => a.active_on(mission_, at),
            Dating::Begun(at) => a
                .start
                .or(mission_.map(|m| m.start))
                .is_none_or(|s| s <= at),
        };
        if !seen {
            return;
        }
        let g0 = part.refs.len();
        part.refs
            .extend(a.groups.iter().filter_map(|g| self.groups.get(g.as_str())));
        let p0 = part.refs.len();
        let mut partner_kinds = 0;
        for p in &a.partners {
            if let Some(i) = self.actors.get(p.as_str()) {
                part.refs.push(i);
                partner_kinds |= 1 << s.actors[i].kind as u32;
            }
        }
        let kind_bits = a.kinds.iter().fold(0, |acc, k| acc | 1 << *k as u32);
        // The same tests as `Activity::is_coercive` and `is_internal`, on the bits.
        let (direct, drivers) = (a.is_direct(), a.is_drivers());
        let coercive = direct
            && !drivers
            && (kind_bits == 0
                || kind_bits & ACTING_KINDS != 0
                || (kind_bits & SECURITY_KINDS != 0 && !a.groups.is_empty()));
        let internal = kind_bits != 0 && kind_bits & !INTERNAL_KINDS == 0;
        let military = a.is_military(mission.map(|m| s.missions[m].kind));
        let flags = (u8::from(direct) * DIRECT)
            | (u8::from(drivers) * DRIVERS)
            | (u8::from(coercive) * COERCIVE)
            | (u8::from(internal) * INTERNAL)
            | (u8::from(military) * MILITARY);
        part.live.push(Live {
            index: ix(index),
            mission: pack(mission),
            region: pack(a.region.as_ref().and_then(|r| self.regions.get(r.as_str()))),
            start: pack_date(a.start.or(mission.map(|i| s.missions[i].start))),
            end: pack_date(a.end),
            kinds: kind_bits,
            flags,
            partner_kinds,
            refs: ix(g0),
            groups: ix(p0 - g0),
            partners: ix(part.refs.len() - p0),
        });
    }
}

/// Ids to positions.
pub(super) struct Ids<'a>(rustc_hash::FxHashMap<&'a str, usize>);

impl<'a> Ids<'a> {
    fn new<T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> Self {
        let mut map = rustc_hash::FxHashMap::default();
        map.reserve(items.len());
        for (i, item) in items.iter().enumerate() {
            // The first of duplicate ids wins; validation reports the duplicate.
            map.entry(id(item)).or_insert(i);
        }
        Ids(map)
    }

    /// The position of the entity with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }
}

/// For each mission, copies of the live activities it implements, one mission after another in
/// one allocation, so that the rules that go through a mission's activities read them in a row.
/// Indices into `live` sent those reads all over it: `rules/10000` (benches/domain.rs), whose
/// activities are spread over the missions at random, took about 4 % longer (3.89 against
/// 3.73 ms, alternating runs) on a slow machine, where memory counts the least; at 1,000
/// activities everything fits the cache either way.
pub(super) struct ByMission {
    live: Vec<Live>,
    starts: Vec<usize>,
}

impl ByMission {
    /// Each mission's activities, in mission order.
    pub fn iter(&self) -> impl Iterator<Item = &[Live]> {
        self.starts.windows(2).map(|w| &self.live[w[0]..w[1]])
    }
}

impl std::ops::Index<usize> for ByMission {
    type Output = [Live];

    fn index(&self, m: usize) -> &[Live] {
        &self.live[self.starts[m]..self.starts[m + 1]]
    }
}

/// An index as stored in findings.
pub(super) fn ix(i: usize) -> Ix {
    Ix::try_from(i).unwrap_or(Ix::MAX)
}

impl<'a> Ctx<'a> {
    /// The context for all time.
    pub fn new(s: &'a Scenario) -> Self {
        Self::dated(s, Dating::AllTime)
    }

    /// The context with its activities dated.
    pub fn dated(s: &'a Scenario, dating: Dating) -> Self {
        let at = dating.month();
        let missions = Ids::new(&s.missions, |m| m.id.as_str());
        let groups = Ids::new(&s.groups, |g| g.id.as_str());
        let actor_ids = Ids::new(&s.actors, |a| a.id.as_str());
        let regions = Ids::new(&s.host.regions, |r| r.id.as_str());

        let Resolved { live, refs } = Resolver {
            s,
            missions: &missions,
            groups: &groups,
            actors: &actor_ids,
            regions: &regions,
            dating,
        }
        .resolve();
        let deployed: Vec<bool> = s
            .missions
            .iter()
            .map(|m| at.is_none_or(|at| crate::lens::deployed(m, at)))
            .collect();
        let mut per_mission = vec![0usize; s.missions.len() + 1];
        for m in live.iter().filter_map(Live::mission) {
            per_mission[m + 1] += 1;
        }

        let predecessor: Vec<Option<usize>> = s
            .missions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                m.predecessor
                    .as_ref()
                    .and_then(|p| missions.get(p.as_str()))
                    .filter(|p| *p != i)
                    // As of a month, a succession exists once the successor has deployed.
                    .filter(|_| at.is_none_or(|at| m.start <= at))
            })
            .collect();
        // Each mission's activities, by counting.
        for m in 0..s.missions.len() {
            per_mission[m + 1] += per_mission[m];
        }
        let starts = per_mission.clone();
        let mut order = vec![0; per_mission[s.missions.len()]];
        for (i, l) in live.iter().enumerate() {
            if let Some(m) = l.mission() {
                order[per_mission[m]] = i;
                per_mission[m] += 1;
            }
        }
        let by_mission = ByMission {
            live: order.iter().map(|i| live[*i]).collect(),
            starts,
        };

        let mut has_successor = vec![false; s.missions.len()];
        for p in predecessor.iter().flatten() {
            has_successor[*p] = true;
        }

        Ctx {
            s,
            live,
            by_mission,
            predecessor,
            has_successor,
            actor_index: actor_ids,
            mission_index: missions,
            capabilities: s
                .missions
                .iter()
                .map(|m| {
                    m.capabilities
                        .iter()
                        .fold(0, |acc, c| acc | 1 << *c as usize)
                })
                .collect(),
            refs,
            meetings: OnceLock::new(),
            at,
            deployed,
        }
    }

    /// Whether a finding holds in the context's month: always for all time; as of a month, a
    /// finding about missions or activities holds while one of them is there (a deployed
    /// mission, an activity under way), and a start before minimal security only until
    /// minimal security is established (§VI(e)). Findings about groups, regions, actors or the
    /// host alone hold whenever the rules find them on what is there.
    pub fn holds(&self, f: &Finding) -> bool {
        let Some(at) = self.at else { return true };
        if f.rule == super::RuleId::BeforeMinimalSecurity
            && self
                .s
                .host
                .minimal_security
                .is_some_and(|secure| secure <= at)
        {
            return false;
        }
        let mut dated = false;
        for a in f.subject.iter() {
            match *a {
                At::Mission(i) => {
                    dated = true;
                    if self.deployed.get(i as usize).copied().unwrap_or(false) {
                        return true;
                    }
                }
                At::Activity(i) => {
                    dated = true;
                    let a = self.s.activities.get(i as usize);
                    let mission = a
                        .and_then(|a| a.mission.as_ref())
                        .and_then(|m| self.mission_index.get(m.as_str()))
                        .map(|m| &self.s.missions[m]);
                    if a.is_some_and(|a| a.is_live() && a.active_on(mission, at)) {
                        return true;
                    }
                }
                _ => {}
            }
        }
        !dated
    }

    /// Where and when missions meet (shared by the turf and intelligence rules).
    pub fn meetings(&self) -> &[Meeting] {
        self.meetings.get_or_init(|| super::pairs::meetings(self))
    }

    /// The mission at an index.
    pub fn mission(&self, i: usize) -> &'a Mission {
        &self.s.missions[i]
    }

    /// Indices of the groups a live activity targets.
    pub fn groups(&self, l: &Live) -> &[usize] {
        let from = l.refs as usize;
        &self.refs[from..from + l.groups as usize]
    }

    /// Indices of a live activity's partners.
    pub fn partners(&self, l: &Live) -> &[usize] {
        let from = l.refs as usize + l.groups as usize;
        &self.refs[from..from + l.partners as usize]
    }

    /// Whether two missions' deployments overlap in time.
    pub fn overlap(&self, i: usize, j: usize) -> bool {
        if self.at.is_some() {
            return self.deployed[i] && self.deployed[j];
        }
        let (a, b) = (self.mission(i), self.mission(j));
        crate::model::periods_overlap(a.start, a.end, b.start, b.end)
    }
}

/// Live activities as findings' entities.
pub(super) fn activities<'l>(items: impl IntoIterator<Item = &'l Live>) -> Vec<At> {
    activities_and(items, &[])
}

/// Live activities as findings' entities, then further entities, in one allocation.
pub(super) fn activities_and<'l>(
    items: impl IntoIterator<Item = &'l Live>,
    more: &[At],
) -> Vec<At> {
    items
        .into_iter()
        .map(Live::at)
        .chain(more.iter().copied())
        .collect()
}

/// A mission as a finding's entity.
pub(super) fn mission(i: usize) -> At {
    At::Mission(ix(i))
}

/// A group as a finding's entity.
pub(super) fn group(i: usize) -> At {
    At::Group(ix(i))
}

/// An actor as a finding's entity.
pub(super) fn actor(i: usize) -> At {
    At::Actor(ix(i))
}

/// A region as a finding's entity.
pub(super) fn region(i: usize) -> At {
    At::Region(ix(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_flags_agree_with_the_model() {
        use crate::model::{Activity, ActivityStatus};
        let mut s = Scenario::new("t");
        let lists: [&[ActivityKind]; 6] = [
            &[],
            &[ActivityKind::Security],
            &[ActivityKind::Raid],
            &[ActivityKind::Vetting],
            &[ActivityKind::ConductDiscipline, ActivityKind::Coordination],
            &[ActivityKind::Coordination, ActivityKind::Policing],
        ];
        for (i, kinds) in lists.iter().enumerate() {
            for (x, y) in [
                (-0.5, 0.5),
                (-0.5, 0.6),
                (0.5, 0.5),
                (-0.5, -0.5),
                (0.0, 0.0),
            ] {
                let mut a = Activity::new(format!("a{i}{x}{y}").as_str().into(), "t", x, y);
                a.kinds = kinds.to_vec();
                // Area security is coercion only against a target.
                if y == 0.5 {
                    a.groups.push("g".into());
                }
                a.status = ActivityStatus::Planned;
                s.activities.push(a);
            }
        }
        let ctx = Ctx::new(&s);
        for (l, a) in ctx.live.iter().zip(&s.activities) {
            assert_eq!(l.coercive(), a.is_coercive(), "{a:?}");
            assert_eq!(l.internal(), a.is_internal(), "{a:?}");
            assert_eq!((l.direct(), l.drivers()), (a.is_direct(), a.is_drivers()));
        }
    }

    #[test]
    fn actor_masks_agree_with_the_model() {
        for k in ActorKind::ALL {
            let bit = 1 << *k as u32;
            assert_eq!(DEVELOPMENT & bit != 0, k.is_development(), "{k:?}");
            assert_eq!(COMMUNITY & bit != 0, k.is_community(), "{k:?}");
            assert_eq!(LOCAL & bit != 0, k.is_local(), "{k:?}");
            assert_eq!(REGIONAL & bit != 0, k.is_regional(), "{k:?}");
        }
    }
}

#[cfg(test)]
mod id_tests {
    use super::Ids;

    #[test]
    fn ids_find_and_the_first_of_duplicates_wins() {
        let items = ["a", "mission-1", "mission-10", "a"];
        let ids = Ids::new(&items, |s| s);
        assert_eq!(ids.get("a"), Some(0));
        assert_eq!(ids.get("mission-10"), Some(2));
        assert_eq!(ids.get("mission-2"), None);
    }
}
