//! What engagement requires (§VI conclusions).

use crate::model::{ActivityKind as K, Capability, RegionKind};

use super::context::Ctx;
use super::text::{LIST, count, join, quote};
use super::{EntityRef, Finding, RuleId};

/// §VI(a): a group operates in border regions or hinterlands where no activity takes place.
pub(super) fn capital_centric(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let regions = &ctx.s.host.regions;
    let index: std::collections::HashMap<&str, usize> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut located = vec![false; regions.len()];
    for r in ctx.live.iter().filter_map(|l| l.region) {
        located[r] = true;
    }
    for g in &ctx.s.groups {
        let periphery: Vec<usize> = g
            .regions
            .iter()
            .filter_map(|r| index.get(r.as_str()).copied())
            .filter(|r| {
                matches!(
                    regions[*r].kind,
                    RegionKind::Border | RegionKind::Hinterland
                )
            })
            .collect();
        if periphery.is_empty() || periphery.iter().any(|r| located[*r]) {
            continue;
        }
        let names: Vec<&str> = periphery
            .iter()
            .map(|r| regions[*r].name.as_str())
            .collect();
        out.push(Finding {
            rule: RuleId::CapitalCentric,
            subject: vec![EntityRef::Group(g.id.clone())],
            involved: periphery
                .iter()
                .map(|r| EntityRef::Region(regions[*r].id.clone()))
                .collect(),
            message: format!(
                "{} operates in {} (border regions or hinterlands), but no activity takes place there",
                quote(&g.name),
                join(&names, LIST)
            ),
        });
    }
}

/// §VI(b): no mission has an analysis capability and no analysis activity is planned.
pub(super) fn not_intelligence_led(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.live.is_empty()
        || ctx.s.missions.iter().any(|m| m.has(Capability::Analysis))
        || ctx.live.iter().any(|l| l.a.has(K::Analysis))
    {
        return;
    }
    out.push(Finding {
        rule: RuleId::NotIntelligenceLed,
        subject: Vec::new(),
        involved: Vec::new(),
        message: format!(
            "{} are planned, but no mission has an intelligence / analysis cell and no analysis activity is planned: the political economy is not understood",
            count(ctx.live.len(), "activity", "activities")
        ),
    });
}

/// §VI(e): a coercive activity starts before minimal security is established, or no such date
/// is set.
pub(super) fn before_minimal_security(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let coercive: Vec<usize> = (0..ctx.live.len())
        .filter(|i| ctx.live[*i].a.is_coercive())
        .collect();
    if coercive.is_empty() {
        return;
    }
    let Some(secure) = ctx.s.host.minimal_security else {
        out.push(Finding {
            rule: RuleId::BeforeMinimalSecurity,
            subject: Vec::new(),
            involved: ctx.activity_refs(&coercive),
            message: format!(
                "{} planned ({}) while minimal security is not established (no month is set for it): plan them for after it is, or set the month it is expected",
                count(coercive.len(), "coercive activity is", "coercive activities are"),
                ctx.titles(&coercive)
            ),
        });
        return;
    };
    for i in coercive {
        let l = &ctx.live[i];
        let Some(start) = l.start else { continue };
        if start >= secure {
            continue;
        }
        out.push(Finding {
            rule: RuleId::BeforeMinimalSecurity,
            subject: vec![l.entity()],
            involved: l.mission.map(|m| ctx.mission_ref(m)).into_iter().collect(),
            message: format!(
                "{} is coercive and starts {start}, before minimal security is established ({secure})",
                quote(&l.a.title)
            ),
        });
    }
}
