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

use crate::lens::Lens;
use crate::model::Scenario;
use context::{Ctx, Dating};

/// Runs every rule on the scenario. Findings come in [`RuleId::ALL`] order, then scenario order.
/// Dropped activities are set aside; dangling references are skipped (validation reports them).
pub fn evaluate(scenario: &Scenario) -> Vec<Finding> {
    let ctx = Ctx::new(scenario);
    let mut out = Vec::new();
    for rule in RuleId::ALL {
        run(*rule, &ctx, &mut out);
    }
    out
}

/// Runs every rule on the scenario as the lens shows it: for a month, on the activities under
/// way and the missions deployed then, keeping the findings that hold in that month (see
/// `lens`). All time gives exactly [`evaluate`]. Findings keep their keys, so the room's
/// decisions are shared across dates.
pub fn evaluate_at(scenario: &Scenario, lens: &Lens) -> Vec<Finding> {
    let Some(at) = lens.at else {
        return evaluate(scenario);
    };
    let now = Ctx::dated(scenario, Dating::UnderWay(at));
    let past = Ctx::dated(scenario, Dating::Begun(at));
    let mut out = Vec::new();
    for rule in RuleId::ALL {
        run(
            *rule,
            if reads_past(*rule) { &past } else { &now },
            &mut out,
        );
    }
    out.retain(|f| now.holds(f));
    out
}

/// Rules whose trigger lies in the past as of a month, so they see the activities begun by then
/// rather than those under way: a successor's handover is judged on the case work its
/// predecessor did (§V.6), a late start on when each group was first engaged (§IV).
fn reads_past(rule: RuleId) -> bool {
    matches!(rule, RuleId::UnregulatedHandover | RuleId::LateStart)
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
    fn rules_are_declared_in_all_order() {
        for (i, r) in RuleId::ALL.iter().enumerate() {
            assert_eq!(*r as usize, i, "RuleId is declared in ALL order");
        }
    }
}
