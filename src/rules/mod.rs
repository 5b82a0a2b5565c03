//! The risk rules: given a scenario, which challenges of the paper's §IV, §V and §VI does it run
//! into, and why. Each rule is a pure function of the scenario; titles, explanations and
//! mitigations live in `assets/risks.ron`, the trigger logic here. Rules run once per change of
//! the scenario, in time linear in the number of activities (missions are compared in pairs,
//! activities never are).

mod actors;
mod context;
mod engaging;
mod finding;
mod info;
mod missions;
mod pairs;
mod requirements;
mod review;
mod sentences;
mod text;

pub use finding::{EntityRef, Family, Finding, RuleId};
pub use info::{RISKS_RON, RiskCatalogue, RiskInfo, RiskInfoError, priority_label};
pub use review::{Review, ReviewRow};

use crate::model::Scenario;
use context::Ctx;

/// From this many live activities on, the two halves of the rules run on two cores. Waking an
/// idle pool thread costs about 80 µs here (measured on this 2-core machine), so below this size
/// one core is as fast; at 10,000 two cores save a fifth.
pub(super) const PARALLEL_FROM: usize = 4_000;

/// The rules run on one core while [`SECOND_HALF`] run on the other; the two halves cost about
/// the same (the pair rules share their meetings, so they go together).
const FIRST_HALF: &[RuleId] = &[
    RuleId::SovereigntyConsent,
    RuleId::TurfOverlap,
    RuleId::OrganizationalGeopolitics,
    RuleId::MilitaryPublicSecurity,
    RuleId::IntelligenceNotShared,
];

/// The other rules, in [`RuleId::ALL`] order.
const SECOND_HALF: &[RuleId] = &[
    RuleId::CapabilityGap,
    RuleId::ShortCommitment,
    RuleId::InterlocutorTradeoff,
    RuleId::LawEnforcementOnly,
    RuleId::MilitaryPolicing,
    RuleId::AccountabilityGap,
    RuleId::ExternalAgenda,
    RuleId::MissionFootprint,
    RuleId::LateStart,
    RuleId::CoOptationWithoutTransition,
    RuleId::FragmentedJusticeChain,
    RuleId::UnregulatedHandover,
    RuleId::NoJointAnalysis,
    RuleId::CapacityToCapturedState,
    RuleId::NoRegionalApproach,
    RuleId::NoCommunityApproach,
    RuleId::SecurityDevelopmentSplit,
    RuleId::PanelOfExpertsUnused,
    RuleId::CapitalCentric,
    RuleId::NotIntelligenceLed,
    RuleId::BeforeMinimalSecurity,
];

/// Runs every rule on the scenario. Findings come in [`RuleId::ALL`] order, then scenario order.
/// Dropped activities are set aside; dangling references are skipped (validation reports them).
/// Large scenarios run in two halves on two threads; the result does not depend on it.
pub fn evaluate(scenario: &Scenario) -> Vec<Finding> {
    let ctx = Ctx::new(scenario);
    if ctx.live.len() < PARALLEL_FROM {
        let mut out = Vec::with_capacity(ctx.live.len() + ctx.live.len() / 4 + 64);
        for rule in RuleId::ALL {
            run(*rule, &ctx, &mut out);
        }
        return out;
    }
    let run_half = |rules: &[RuleId]| {
        let mut out = Vec::with_capacity(ctx.live.len() / 2 + 32);
        for rule in rules {
            run(*rule, &ctx, &mut out);
        }
        out
    };
    // This thread's half and a pool thread's half, at once.
    let (first, second) = rayon::join(|| run_half(FIRST_HALF), || run_half(SECOND_HALF));
    // Merge the halves back into rule order (each half is in rule order already).
    // Rules are declared in `RuleId::ALL` order.
    let position = |f: &Finding| f.rule as usize;
    let mut out = Vec::with_capacity(first.len() + second.len());
    let (mut a, mut b) = (first.into_iter().peekable(), second.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => {
                if position(x) <= position(y) {
                    a.next()
                } else {
                    b.next()
                }
            }
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(f) => out.push(f),
            None => return out,
        }
    }
}

/// Runs one rule.
pub fn evaluate_rule(scenario: &Scenario, rule: RuleId) -> Vec<Finding> {
    let ctx = Ctx::new(scenario);
    let mut out = Vec::new();
    run(rule, &ctx, &mut out);
    out
}

fn run(rule: RuleId, ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    use RuleId as R;
    match rule {
        R::SovereigntyConsent => engaging::sovereignty_consent(ctx, out),
        R::CapabilityGap => engaging::capability_gap(ctx, out),
        R::ShortCommitment => engaging::short_commitment(ctx, out),
        R::InterlocutorTradeoff => engaging::interlocutor_tradeoff(ctx, out),
        R::LawEnforcementOnly => engaging::law_enforcement_only(ctx, out),
        R::MilitaryPolicing => engaging::military_policing(ctx, out),
        R::AccountabilityGap => engaging::accountability_gap(ctx, out),
        R::ExternalAgenda => engaging::external_agenda(ctx, out),
        R::MissionFootprint => engaging::mission_footprint(ctx, out),
        R::LateStart => engaging::late_start(ctx, out),
        R::CoOptationWithoutTransition => engaging::co_optation_without_transition(ctx, out),
        R::FragmentedJusticeChain => missions::fragmented_justice_chain(ctx, out),
        R::TurfOverlap => missions::turf_overlap(ctx, out),
        R::OrganizationalGeopolitics => missions::organizational_geopolitics(ctx, out),
        R::MilitaryPublicSecurity => missions::military_public_security(ctx, out),
        R::IntelligenceNotShared => missions::intelligence_not_shared(ctx, out),
        R::UnregulatedHandover => missions::unregulated_handover(ctx, out),
        R::NoJointAnalysis => missions::no_joint_analysis(ctx, out),
        R::CapacityToCapturedState => actors::capacity_to_captured_state(ctx, out),
        R::NoRegionalApproach => actors::no_regional_approach(ctx, out),
        R::NoCommunityApproach => actors::no_community_approach(ctx, out),
        R::SecurityDevelopmentSplit => actors::security_development_split(ctx, out),
        R::PanelOfExpertsUnused => actors::panel_of_experts_unused(ctx, out),
        R::CapitalCentric => requirements::capital_centric(ctx, out),
        R::NotIntelligenceLed => requirements::not_intelligence_led(ctx, out),
        R::BeforeMinimalSecurity => requirements::before_minimal_security(ctx, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_halves_cover_every_rule_once_in_order() {
        for (i, r) in RuleId::ALL.iter().enumerate() {
            assert_eq!(*r as usize, i, "RuleId is declared in ALL order");
        }
        let mut all: Vec<RuleId> = FIRST_HALF.iter().chain(SECOND_HALF).copied().collect();
        assert!(FIRST_HALF.is_sorted() && SECOND_HALF.is_sorted());
        all.sort();
        assert_eq!(all, RuleId::ALL);
    }
}
