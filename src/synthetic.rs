//! Generated scenarios of any size, for benchmarks and property tests: a host with regions,
//! missions in parallel and in sequence, groups, actors and activities drawn from the catalogue,
//! all deterministic for a seed. Not for workshops.

use crate::model::{
    Activity, ActivityStatus, Actor, ActorKind, Capability, Catalogue, CrimeGroup, Governance,
    Level, Market, Mission, MissionKind, Organization, PeaceRole, Region, RegionKind, Scenario,
    StateRelation, YearMonth,
};

/// A small deterministic random source (SplitMix64), so generated scenarios are reproducible.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A source for a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// One of the items.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How big a scenario to generate.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// Activities.
    pub activities: usize,
    /// Missions.
    pub missions: usize,
    /// Crime groups.
    pub groups: usize,
}

fn ym(year: i32, month: u8) -> YearMonth {
    YearMonth::new(year, month).unwrap_or_else(|| YearMonth::from_index(0))
}

/// A valid scenario of the given size.
pub fn scenario(size: Size, seed: u64) -> Scenario {
    let mut rng = Rng::new(seed);
    let mut s = Scenario::new(format!(
        "Generated: {} activities, {} missions, {} groups",
        size.activities, size.missions, size.groups
    ));
    s.description = "Generated for benchmarks and tests; every fact is invented.".into();
    s.host.name = "Generatia".into();
    s.host.governance = Governance::Corrupt;
    s.host.minimal_security = Some(ym(2003, 6));
    s.host.sanctions_panel = true;
    let kinds = [
        RegionKind::Centre,
        RegionKind::Border,
        RegionKind::Hinterland,
        RegionKind::Other,
    ];
    for i in 0..12 {
        s.host.regions.push(Region {
            id: format!("region-{i}").as_str().into(),
            name: format!("Region {i}"),
            kind: kinds[i % kinds.len()],
            sources: Vec::new(),
        });
    }
    let actor_kinds = ActorKind::ALL;
    for i in 0..20 {
        s.actors.push(Actor {
            id: format!("actor-{i}").as_str().into(),
            name: format!("Actor {i}"),
            kind: actor_kinds[i % actor_kinds.len()],
            notes: String::new(),
            sources: Vec::new(),
        });
    }
    for i in 0..size.groups {
        let mut g = CrimeGroup::new(format!("group-{i}").as_str().into(), format!("Group {i}"));
        g.relation = *rng.pick(StateRelation::ALL);
        g.role = *rng.pick(PeaceRole::ALL);
        g.markets = vec![*rng.pick(Market::ALL), *rng.pick(Market::ALL)];
        g.markets.sort();
        g.markets.dedup();
        g.transnational = rng.chance(0.4);
        g.ties_to_officials = rng.chance(0.2);
        g.local_legitimacy = rng.chance(0.2);
        g.harm = *rng.pick(Level::ALL);
        for _ in 0..1 + rng.below(3) {
            let r = s.host.regions[rng.below(12)].id.clone();
            if !g.regions.contains(&r) {
                g.regions.push(r);
            }
        }
        s.groups.push(g);
    }
    // Missions: in sequence over 25 years, each working in an area of two regions, with the
    // capabilities its kind usually brings.
    let mut areas: Vec<[usize; 2]> = Vec::with_capacity(size.missions);
    for i in 0..size.missions {
        let start_year = 1995 + (i as i32 * 25) / size.missions.max(1) as i32;
        let mut m = Mission::new(
            format!("mission-{i}").as_str().into(),
            format!("Mission {i}"),
            ym(start_year, 1 + rng.below(12) as u8),
        );
        m.acronym = format!("M{i}");
        m.organization = *rng.pick(Organization::ALL);
        m.kind = *rng.pick(MissionKind::ALL);
        use Capability as C;
        let (always, often): (&[C], &[C]) = match m.kind {
            MissionKind::Military => (&[C::Military], &[C::Gendarmerie, C::Analysis, C::Border]),
            MissionKind::Police => (
                &[
                    C::Police,
                    C::FormedPoliceUnits,
                    C::Investigators,
                    C::Training,
                ],
                &[C::Border, C::Analysis, C::Corrections],
            ),
            MissionKind::PoliceCivilian => (
                &[C::Police, C::Investigators, C::Judicial, C::Corrections],
                &[C::Training, C::Analysis],
            ),
            MissionKind::Civilian => (
                &[C::Judicial, C::Corrections, C::Training],
                &[C::Investigators, C::Analysis],
            ),
            MissionKind::Multidimensional => (
                &[C::Military, C::Police, C::FormedPoliceUnits, C::Training],
                &[
                    C::Analysis,
                    C::Judicial,
                    C::Corrections,
                    C::Investigators,
                    C::Border,
                ],
            ),
        };
        m.capabilities = always.to_vec();
        m.capabilities
            .extend(often.iter().copied().filter(|_| rng.chance(0.5)));
        m.end = Some(m.start.plus_months(24 + rng.below(96) as i32));
        m.personnel = match m.kind {
            MissionKind::Military | MissionKind::Multidimensional => {
                500 + 500 * rng.below(20) as u32
            }
            _ => 50 + 50 * rng.below(20) as u32,
        };
        m.oversight = rng.chance(0.5);
        if i > 0 && rng.chance(0.3) {
            let p = i - 1 - rng.below(i.min(3));
            m.predecessor = Some(s.missions[p].id.clone());
            // A successor never starts before its predecessor (validation says so).
            if m.start < s.missions[p].start {
                m.start = s.missions[p].start;
                m.end = m.end.map(|e| e.max(m.start));
            }
            m.handover.planned = rng.chance(0.7);
        }
        if i > 0 && rng.chance(0.3) {
            m.intel_sharing.push(s.missions[rng.below(i)].id.clone());
        }
        areas.push([rng.below(12), rng.below(12)]);
        s.missions.push(m);
    }
    // Which groups operate in each region, for activities to target.
    let mut in_region: Vec<Vec<usize>> = vec![Vec::new(); s.host.regions.len()];
    for (g, grp) in s.groups.iter().enumerate() {
        for r in &grp.regions {
            if let Some(i) = s.host.regions.iter().position(|x| &x.id == r) {
                in_region[i].push(g);
            }
        }
    }
    let templates = Catalogue::builtin()
        .map(|c| c.templates.clone())
        .unwrap_or_default();
    for i in 0..size.activities {
        let id = format!("activity-{i}");
        let mut a = match templates.get(rng.below(templates.len())) {
            Some(t) => t.instantiate(id.as_str().into()),
            None => Activity::new(id.as_str().into(), format!("Activity {i}"), 0.5, 0.5),
        };
        a.title = format!("{} #{i}", a.title);
        let jitter = |rng: &mut Rng| (rng.below(21) as f64 - 10.0) / 100.0;
        a.x = (a.x + jitter(&mut rng)).clamp(-1.0, 1.0);
        a.y = (a.y + jitter(&mut rng)).clamp(-1.0, 1.0);
        let mut region = None;
        let mut area = None;
        if !s.missions.is_empty() {
            let k = rng.below(s.missions.len());
            let m = &s.missions[k];
            a.mission = Some(m.id.clone());
            let months = m.duration_months().unwrap_or(24).max(7);
            let offset = rng.below((months - 6) as usize) as i32;
            let start = m.start.plus_months(offset);
            let mut end = start.plus_months(6 + rng.below(36) as i32);
            // Most activities end with their mission; some are planned to outlive it.
            if let Some(mission_end) = m.end
                && end > mission_end
                && rng.chance(0.8)
            {
                end = mission_end;
            }
            a.start = Some(start);
            a.end = Some(end);
            // Work happens in the mission's area; some of it is country-wide, but still aimed at
            // the groups of that area.
            let r = areas[k][rng.below(2)];
            area = Some(r);
            if rng.chance(0.7) {
                region = Some(r);
            }
        }
        if let Some(r) = region {
            a.region = Some(s.host.regions[r].id.clone());
        }
        let candidates = area.map(|r| in_region[r].as_slice()).unwrap_or_default();
        if !candidates.is_empty() {
            a.groups.push(s.groups[*rng.pick(candidates)].id.clone());
        } else if !s.groups.is_empty() {
            a.groups
                .push(s.groups[rng.below(s.groups.len())].id.clone());
        }
        for _ in 0..rng.below(3) {
            let p = s.actors[rng.below(s.actors.len())].id.clone();
            if !a.partners.contains(&p) {
                a.partners.push(p);
            }
        }
        a.status = *rng.pick(&ActivityStatus::ALL[..4]);
        s.activities.push(a);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_scenarios_are_valid_and_reproducible() {
        let size = Size {
            activities: 300,
            missions: 20,
            groups: 30,
        };
        let a = scenario(size, 7);
        assert_eq!(a, scenario(size, 7));
        assert_ne!(a, scenario(size, 8));
        let problems = crate::model::validate(&a, Catalogue::builtin().ok());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(a.activities.len(), 300);
    }
}
