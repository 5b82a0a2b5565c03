//! What every rule needs, resolved once per evaluation: ids to indices, the live activities with
//! their mission, groups, region, partners and effective dates, and the missions' successions.
//! Rules then work on indices and never search lists.

use std::collections::HashMap;
use std::ops::Range;

use super::EntityRef;
use super::text::{LIST, join, quote};
use crate::model::{Activity, Actor, ActorKind, CrimeGroup, Mission, Region, Scenario, YearMonth};

/// A live (not dropped) activity with its references resolved.
pub(super) struct Live<'a> {
    /// The activity.
    pub a: &'a Activity,
    /// Index of its mission, if assigned and existing.
    pub mission: Option<usize>,
    /// Its region's index, if any.
    pub region: Option<usize>,
    /// Effective first month: its own, else its mission's.
    pub start: Option<YearMonth>,
    groups: Range<usize>,
    partners: Range<usize>,
}

impl Live<'_> {
    /// The activity as a finding's entity.
    pub fn entity(&self) -> EntityRef {
        EntityRef::Activity(self.a.id.clone())
    }
}

pub(super) struct Ctx<'a> {
    pub s: &'a Scenario,
    pub live: Vec<Live<'a>>,
    /// For each mission, indices into `live` of its activities.
    pub by_mission: Vec<Vec<usize>>,
    /// For each mission, the index of its predecessor.
    pub predecessor: Vec<Option<usize>>,
    /// For each mission, whether some mission follows it.
    pub has_successor: Vec<bool>,
    group_refs: Vec<usize>,
    partner_refs: Vec<usize>,
}

fn index_of<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // The first of duplicate ids wins; validation reports the duplicate.
        map.entry(id(item)).or_insert(i);
    }
    map
}

impl<'a> Ctx<'a> {
    pub fn new(s: &'a Scenario) -> Self {
        let missions = index_of(&s.missions, |m: &Mission| m.id.as_str());
        let groups = index_of(&s.groups, |g: &CrimeGroup| g.id.as_str());
        let actors = index_of(&s.actors, |a: &Actor| a.id.as_str());
        let regions = index_of(&s.host.regions, |r: &Region| r.id.as_str());

        let mut live = Vec::with_capacity(s.activities.len());
        let mut by_mission = vec![Vec::new(); s.missions.len()];
        let mut group_refs = Vec::with_capacity(s.activities.len());
        let mut partner_refs = Vec::with_capacity(s.activities.len());
        for a in s.activities.iter().filter(|a| a.is_live()) {
            let mission = a
                .mission
                .as_ref()
                .and_then(|m| missions.get(m.as_str()).copied());
            let m = mission.map(|i| &s.missions[i]);
            let g0 = group_refs.len();
            group_refs.extend(
                a.groups
                    .iter()
                    .filter_map(|g| groups.get(g.as_str()).copied()),
            );
            let p0 = partner_refs.len();
            partner_refs.extend(
                a.partners
                    .iter()
                    .filter_map(|p| actors.get(p.as_str()).copied()),
            );
            if let Some(i) = mission {
                by_mission[i].push(live.len());
            }
            live.push(Live {
                a,
                mission,
                region: a
                    .region
                    .as_ref()
                    .and_then(|r| regions.get(r.as_str()).copied()),
                start: a.start.or(m.map(|m| m.start)),
                groups: g0..group_refs.len(),
                partners: p0..partner_refs.len(),
            });
        }

        let predecessor: Vec<Option<usize>> = s
            .missions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                m.predecessor
                    .as_ref()
                    .and_then(|p| missions.get(p.as_str()).copied())
                    .filter(|p| *p != i)
            })
            .collect();
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
            group_refs,
            partner_refs,
        }
    }

    /// The mission at an index.
    pub fn mission(&self, i: usize) -> &'a Mission {
        &self.s.missions[i]
    }

    /// Indices of the groups a live activity targets.
    pub fn groups(&self, l: &Live<'_>) -> &[usize] {
        &self.group_refs[l.groups.clone()]
    }

    /// Indices of a live activity's partners.
    pub fn partners(&self, l: &Live<'_>) -> &[usize] {
        &self.partner_refs[l.partners.clone()]
    }

    /// Kinds of a live activity's partners.
    pub fn partner_kinds<'s>(&'s self, l: &Live<'_>) -> impl Iterator<Item = ActorKind> + 's {
        self.partners(l).iter().map(|i| self.s.actors[*i].kind)
    }

    /// Whether any partner of the activity is of a kind that `pred` accepts.
    pub fn has_partner(&self, l: &Live<'_>, pred: impl Fn(ActorKind) -> bool) -> bool {
        self.partner_kinds(l).any(pred)
    }

    /// Whether two missions' deployments overlap in time.
    pub fn overlap(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.mission(i), self.mission(j));
        crate::model::periods_overlap(a.start, a.end, b.start, b.end)
    }

    /// A mission as a finding's entity.
    pub fn mission_ref(&self, m: usize) -> EntityRef {
        EntityRef::Mission(self.mission(m).id.clone())
    }

    /// Live activities (by index into `live`) as findings' entities.
    pub fn activity_refs(&self, items: &[usize]) -> Vec<EntityRef> {
        items.iter().map(|i| self.live[*i].entity()).collect()
    }

    /// "'A', 'B' and 3 more": the titles of live activities.
    pub fn titles(&self, items: &[usize]) -> String {
        let names: Vec<String> = items
            .iter()
            .take(LIST)
            .map(|i| quote(&self.live[*i].a.title))
            .collect();
        match items.len() - names.len() {
            0 => join(&names, LIST),
            rest => format!("{} and {rest} more", names.join(", ")),
        }
    }
}
