//! Cooperation between and within missions (§V).

use std::collections::BTreeMap;

use crate::model::{ActivityKind as K, Capability as C, HandoverScope, JusticeLink, MissionKind};

use super::context::Ctx;
use super::engaging::LAW_ENFORCEMENT;
use super::text::{LIST, join, quote};
use super::{EntityRef, Finding, RuleId};

/// A set of mission indices, as a bitset.
#[derive(Clone)]
struct MissionSet(Vec<u64>);

impl MissionSet {
    fn new(n: usize) -> Self {
        Self(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, bits)| {
            (0..64)
                .filter(move |b| bits & (1 << b) != 0)
                .map(move |b| w * 64 + b)
        })
    }
}

/// Every pair `(i, j)`, `i < j`, of missions in the set that are deployed at the same time.
fn overlapping_pairs<'s>(
    ctx: &'s Ctx<'_>,
    set: &'s MissionSet,
) -> impl Iterator<Item = (usize, usize)> + 's {
    let members: Vec<usize> = set.iter().collect();
    let n = members.len();
    (0..n)
        .flat_map(move |a| (a + 1..n).map(move |b| (a, b)))
        .map(move |(a, b)| (members[a], members[b]))
        .filter(|(i, j)| ctx.overlap(*i, *j))
}

/// §V.1: some links of the justice chain are addressed while weak ones are addressed by none.
pub(super) fn fragmented_justice_chain(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let mut addressed = [false; 5];
    for l in &ctx.live {
        for k in &l.a.kinds {
            if let Some(link) = k.justice_link() {
                addressed[link as usize] = true;
            }
        }
    }
    if !addressed.iter().any(|a| *a) {
        return;
    }
    let names: Vec<&str> = JusticeLink::ALL
        .iter()
        .filter(|l| addressed[**l as usize])
        .map(|l| l.label())
        .collect();
    let host = &ctx.s.host;
    for link in JusticeLink::ALL {
        let capacity = host.justice_chain.get(*link);
        if addressed[*link as usize] || !capacity.is_weak() {
            continue;
        }
        out.push(Finding {
            rule: RuleId::FragmentedJusticeChain,
            subject: vec![EntityRef::Link(*link)],
            involved: Vec::new(),
            message: format!(
                "activities address {}, but none addresses {}, which is {} in {}: cases will stall at that link",
                join(&names, 5),
                link.label(),
                capacity.label(),
                if host.name.is_empty() { "the host state" } else { &host.name }
            ),
        });
    }
}

#[derive(Default)]
struct Overlap {
    kinds: Vec<K>,
    groups: Vec<usize>,
    regions: Vec<usize>,
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn group_and_region_names(ctx: &Ctx<'_>, o: &Overlap) -> String {
    let groups: Vec<String> = o
        .groups
        .iter()
        .map(|g| quote(&ctx.s.groups[*g].name))
        .collect();
    let regions: Vec<String> = o
        .regions
        .iter()
        .map(|r| ctx.s.host.regions[*r].name.clone())
        .collect();
    match (groups.is_empty(), regions.is_empty()) {
        (false, true) => format!("on {}", join(&groups, LIST)),
        (true, false) => format!("in {}", join(&regions, LIST)),
        _ => format!("on {} and in {}", join(&groups, LIST), join(&regions, LIST)),
    }
}

/// Tags that do not make a turf battle: coordinating is the cure, and conduct is internal.
const NOT_TURF: &[K] = &[K::Coordination, K::ConductDiscipline];

/// §V.2: two missions active at the same time run activities of the same kind against the same
/// group or in the same region.
pub(super) fn turf_overlap(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let n = ctx.s.missions.len();
    if n < 2 {
        return;
    }
    let (ng, nr, nk) = (ctx.s.groups.len(), ctx.s.host.regions.len(), K::ALL.len());
    // Missions per (kind, group) and per (kind, region).
    let mut by_group = vec![MissionSet::new(n); nk * ng];
    let mut by_region = vec![MissionSet::new(n); nk * nr];
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        for k in l.a.kinds.iter().filter(|k| !NOT_TURF.contains(k)) {
            let k = *k as usize;
            for g in ctx.groups(l) {
                by_group[k * ng + g].insert(m);
            }
            if let Some(r) = l.region {
                by_region[k * nr + r].insert(m);
            }
        }
    }
    let mut pairs: BTreeMap<(usize, usize), Overlap> = BTreeMap::new();
    for (bucket, set) in by_group.iter().enumerate().filter(|(_, s)| s.len() > 1) {
        for pair in overlapping_pairs(ctx, set) {
            let o = pairs.entry(pair).or_default();
            push_unique(&mut o.kinds, K::ALL[bucket / ng]);
            push_unique(&mut o.groups, bucket % ng);
        }
    }
    for (bucket, set) in by_region.iter().enumerate().filter(|(_, s)| s.len() > 1) {
        for pair in overlapping_pairs(ctx, set) {
            let o = pairs.entry(pair).or_default();
            push_unique(&mut o.kinds, K::ALL[bucket / nr]);
            push_unique(&mut o.regions, bucket % nr);
        }
    }
    for ((i, j), o) in pairs {
        let kinds: Vec<&str> = o.kinds.iter().map(|k| k.label()).collect();
        out.push(Finding {
            rule: RuleId::TurfOverlap,
            subject: vec![ctx.mission_ref(i), ctx.mission_ref(j)],
            involved: o
                .groups
                .iter()
                .map(|g| EntityRef::Group(ctx.s.groups[*g].id.clone()))
                .chain(
                    o.regions
                        .iter()
                        .map(|r| EntityRef::Region(ctx.s.host.regions[*r].id.clone())),
                )
                .collect(),
            message: format!(
                "{} and {} are deployed at the same time and both run {} {}: who leads?",
                ctx.mission(i).describe(),
                ctx.mission(j).describe(),
                join(&kinds, 4),
                group_and_region_names(ctx, &o)
            ),
        });
    }
}

/// §V.3: missions of two or more deploying organizations are active at the same time.
pub(super) fn organizational_geopolitics(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    let mut involved = vec![false; missions.len()];
    for i in 0..missions.len() {
        for j in i + 1..missions.len() {
            if missions[i].organization.body() != missions[j].organization.body()
                && ctx.overlap(i, j)
            {
                involved[i] = true;
                involved[j] = true;
            }
        }
    }
    let members: Vec<usize> = (0..missions.len()).filter(|i| involved[*i]).collect();
    if members.is_empty() {
        return;
    }
    let mut bodies: Vec<&str> = Vec::new();
    for m in &members {
        push_unique(&mut bodies, missions[*m].organization.body());
    }
    let names: Vec<String> = members
        .iter()
        .map(|m| {
            format!(
                "{} ({})",
                missions[*m].short_name(),
                missions[*m].organization.body()
            )
        })
        .collect();
    out.push(Finding {
        rule: RuleId::OrganizationalGeopolitics,
        subject: Vec::new(),
        involved: members.iter().map(|m| ctx.mission_ref(*m)).collect(),
        message: format!(
            "missions of {} organizations are deployed at the same time: {}; their members' politics will shape whether they cooperate",
            bodies.len(),
            join(&names, 6)
        ),
    });
}

/// §V.4: a military mission with public-security tasks deployed beside civilian or police missions.
pub(super) fn military_public_security(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    for (m, mission) in missions.iter().enumerate() {
        if mission.kind != MissionKind::Military {
            continue;
        }
        let public_security = mission.mandate.public_security
            || ctx.by_mission[m].iter().any(|i| {
                let a = ctx.live[*i].a;
                a.is_direct() && a.has_any(LAW_ENFORCEMENT)
            });
        if !public_security {
            continue;
        }
        let parallel: Vec<usize> = (0..missions.len())
            .filter(|o| *o != m && ctx.overlap(m, *o))
            .filter(|o| {
                let other = &missions[*o];
                matches!(other.kind, MissionKind::Civilian | MissionKind::Police)
                    || (other.kind == MissionKind::Multidimensional
                        && other.has_any(C::POLICE_LIKE))
            })
            .collect();
        if parallel.is_empty() {
            continue;
        }
        let names: Vec<String> = parallel.iter().map(|o| missions[*o].describe()).collect();
        out.push(Finding {
            rule: RuleId::MilitaryPublicSecurity,
            subject: vec![ctx.mission_ref(m)],
            involved: parallel.iter().map(|o| ctx.mission_ref(*o)).collect(),
            message: format!(
                "{} has public-security tasks while {} work{} in parallel: two chains of command police the same streets",
                mission.describe(),
                join(&names, LIST),
                if parallel.len() == 1 { "s" } else { "" }
            ),
        });
    }
}

/// §V.5: two missions active at the same time work on the same groups or regions with no
/// intelligence-sharing arrangement between them.
pub(super) fn intelligence_not_shared(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    let n = missions.len();
    if n < 2 {
        return;
    }
    let mut by_group = vec![MissionSet::new(n); ctx.s.groups.len()];
    let mut by_region = vec![MissionSet::new(n); ctx.s.host.regions.len()];
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        for g in ctx.groups(l) {
            by_group[*g].insert(m);
        }
        if let Some(r) = l.region {
            by_region[r].insert(m);
        }
    }
    // Arrangements, either side may list them.
    let index: std::collections::HashMap<&str, usize> = missions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut shares = vec![MissionSet::new(n); n];
    for (i, m) in missions.iter().enumerate() {
        for other in &m.intel_sharing {
            if let Some(j) = index.get(other.as_str()) {
                shares[i].insert(*j);
                shares[*j].insert(i);
            }
        }
    }
    let shared = |i: usize, j: usize| shares[i].0[j / 64] & (1 << (j % 64)) != 0;
    let mut pairs: BTreeMap<(usize, usize), Overlap> = BTreeMap::new();
    for (g, set) in by_group.iter().enumerate().filter(|(_, s)| s.len() > 1) {
        for (i, j) in overlapping_pairs(ctx, set).filter(|(i, j)| !shared(*i, *j)) {
            pairs.entry((i, j)).or_default().groups.push(g);
        }
    }
    for (r, set) in by_region.iter().enumerate().filter(|(_, s)| s.len() > 1) {
        for (i, j) in overlapping_pairs(ctx, set).filter(|(i, j)| !shared(*i, *j)) {
            pairs.entry((i, j)).or_default().regions.push(r);
        }
    }
    for ((i, j), o) in pairs {
        out.push(Finding {
            rule: RuleId::IntelligenceNotShared,
            subject: vec![ctx.mission_ref(i), ctx.mission_ref(j)],
            involved: o
                .groups
                .iter()
                .map(|g| EntityRef::Group(ctx.s.groups[*g].id.clone()))
                .chain(o.regions.iter().map(|r| EntityRef::Region(ctx.s.host.regions[*r].id.clone())))
                .collect(),
            message: format!(
                "{} and {} work at the same time {} with no intelligence-sharing arrangement between them; one may raid what the other is watching",
                ctx.mission(i).short_name(),
                ctx.mission(j).short_name(),
                group_and_region_names(ctx, &o)
            ),
        });
    }
}

/// §V.6: a succession with no handover plan (or one that leaves case files out while the
/// predecessor ran cases), or an activity running past its mission's end with no successor.
pub(super) fn unregulated_handover(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let missions = &ctx.s.missions;
    let case_work = [
        K::Investigation,
        K::Prosecution,
        K::Adjudication,
        K::Detention,
    ];
    for (n, next) in missions.iter().enumerate() {
        let Some(p) = ctx.predecessor[n] else {
            continue;
        };
        let prev = &missions[p];
        let message = if !next.handover.planned {
            format!(
                "{} follows {} with no handover plan: cases, records and contacts may be lost in the transition",
                next.short_name(),
                prev.short_name()
            )
        } else if !next.handover.covers.contains(&HandoverScope::CaseFiles)
            && let Some(case) = ctx.by_mission[p]
                .iter()
                .find(|i| ctx.live[**i].a.has_any(&case_work))
        {
            format!(
                "{}'s handover plan from {} leaves out case files and records, though {} runs case work such as {}; cases were dropped when records were lost from UNMIK to EULEX",
                next.short_name(),
                prev.short_name(),
                prev.short_name(),
                quote(&ctx.live[*case].a.title)
            )
        } else {
            continue;
        };
        out.push(Finding {
            rule: RuleId::UnregulatedHandover,
            subject: vec![ctx.mission_ref(p), ctx.mission_ref(n)],
            involved: Vec::new(),
            message,
        });
    }
    for l in &ctx.live {
        let Some(m) = l.mission else { continue };
        let mission = ctx.mission(m);
        let (Some(end), Some(mission_end)) = (l.a.end, mission.end) else {
            continue;
        };
        if end <= mission_end || ctx.has_successor[m] {
            continue;
        }
        out.push(Finding {
            rule: RuleId::UnregulatedHandover,
            subject: vec![ctx.mission_ref(m), l.entity()],
            involved: Vec::new(),
            message: format!(
                "{} runs to {end}, after {} ends in {mission_end}, and no mission succeeds it: who carries the work on?",
                quote(&l.a.title),
                mission.short_name()
            ),
        });
    }
}

/// §V: a mission with military and police components acts against crime without an analysis
/// capability to join them up.
pub(super) fn no_joint_analysis(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    for (m, mission) in ctx.s.missions.iter().enumerate() {
        let military = mission.kind == MissionKind::Military || mission.has(C::Military);
        let police = mission.kind == MissionKind::Police || mission.has_any(C::POLICE_LIKE);
        if !military || !police || mission.has(C::Analysis) || ctx.by_mission[m].is_empty() {
            continue;
        }
        out.push(Finding {
            rule: RuleId::NoJointAnalysis,
            subject: vec![ctx.mission_ref(m)],
            involved: ctx.activity_refs(&ctx.by_mission[m]),
            message: format!(
                "{} has military and police components acting against crime but no intelligence / analysis cell to join them up, as MINUSTAH's JMAC did",
                mission.describe()
            ),
        });
    }
}
