//! The risk rules: given a scenario, which challenges of the paper's §IV, §V and §VI does it run
//! into, and why. Each rule is a pure function of the scenario, listed once in `table.rs`, its
//! detection and its sentence side by side in its family's file; titles, explanations and
//! mitigations live in `assets/risks.ron`. Rules run once per change of
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
mod table;
mod text;

pub(crate) use finding::KeyRef;
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
    let mut out = Vec::with_capacity(capacity(&ctx));
    for rule in RuleId::ALL {
        run(*rule, &ctx, &mut out);
    }
    out
}

/// Room for about one finding per live activity, one per mission and two per pair of missions
/// that meet (turf, intelligence), reserved once: growing the list by doubling copied it over
/// and over, a fourteenth of `rules/10000`; at `rules/1000` the pairs' findings outgrew one per
/// activity (benches/domain.rs).
fn capacity(ctx: &Ctx<'_>) -> usize {
    ctx.live.len() + ctx.s.missions.len() + 2 * pairs::by_pair(ctx.meetings()).count()
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
    let mut out = Vec::with_capacity(capacity(&now));
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
    table::detect(rule, ctx, out);
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
