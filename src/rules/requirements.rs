//! What engagement requires (§VI conclusions): detection. The sentences are in `sentences.rs`.

use crate::model::{ActivityKind as K, Capability, RegionKind};

use super::context::{Ctx, group, kinds, mission, region};
use super::finding::{At, Detail};
use super::{Finding, RuleId};

/// §VI(a): a group operates in border regions or hinterlands where no activity takes place.
pub(super) fn capital_centric(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let regions = &ctx.s.host.regions;
    if regions.is_empty() {
        return;
    }
    let index: rustc_hash::FxHashMap<&str, usize> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut located = vec![false; regions.len()];
    for r in ctx.live.iter().filter_map(|l| l.region()) {
        located[r] = true;
    }
    for (g, grp) in ctx.s.groups.iter().enumerate() {
        let periphery: Vec<usize> = grp
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
        out.push(Finding::new(
            RuleId::CapitalCentric,
            &[group(g)],
            periphery.into_iter().map(region).collect(),
            Detail::None,
        ));
    }
}

/// §VI(b): no mission has an analysis capability and no analysis activity is planned.
pub(super) fn not_intelligence_led(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.live.is_empty()
        || ctx.s.missions.iter().any(|m| m.has(Capability::Analysis))
        || ctx.live.iter().any(|l| l.has_any(kinds(&[K::Analysis])))
    {
        return;
    }
    out.push(Finding::new(
        RuleId::NotIntelligenceLed,
        &[],
        Vec::new(),
        Detail::Numbers(ctx.live.len() as i64, 0),
    ));
}

/// §VI(e): a coercive activity starts before minimal security is established; with no month
/// set for it, minimal security counts as not established.
pub(super) fn before_minimal_security(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let coercive: Vec<usize> = (0..ctx.live.len())
        .filter(|i| ctx.live[*i].coercive())
        .collect();
    if coercive.is_empty() {
        return;
    }
    let Some(secure) = ctx.s.host.minimal_security else {
        out.push(Finding::new(
            RuleId::BeforeMinimalSecurity,
            &[],
            ctx.activities(&coercive),
            Detail::None,
        ));
        return;
    };
    for i in coercive {
        let l = &ctx.live[i];
        let Some(start) = l.start() else { continue };
        if start >= secure {
            continue;
        }
        let by: &[At] = match l.mission() {
            Some(m) => &[mission(m)],
            None => &[],
        };
        out.push(Finding::new_few(
            RuleId::BeforeMinimalSecurity,
            &[l.at()],
            by,
            Detail::Dates(start, secure),
        ));
    }
}
