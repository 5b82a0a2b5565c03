//! What engagement requires (§VI conclusions): each rule's detection and its sentence, side by
//! side, after the family's rows of the rule table (`table.rs`).

use crate::model::{ActivityKind as K, Capability, RegionKind, YearMonth};

use super::context::{Ctx, Live, activities, group, ix, kinds, mission, region};
use super::finding::{At, Finding, Ix};
use super::table::Rule;
use super::text::{Names, count, count_of, is_activity, verb};

/// This family's rows of the rule table (`table.rs`): each rule's id (its type below), stable
/// key, family and priority, in checklist order.
macro_rules! rows {
    ([$($rows:tt)*] $next:ident $($rest:ident)*) => {
        $next! { [$($rows)*
            /// Groups in border regions or hinterlands where no activity takes place (§VI(a)).
            CapitalCentric = "capital-centric", Requirements, priority 4, requirements;
            /// No analysis capability and no analysis activity (§VI(b)).
            NotIntelligenceLed = "not-intelligence-led", Requirements, priority 4, requirements;
            /// Coercion before minimal security is established (§VI(e)).
            BeforeMinimalSecurity = "before-minimal-security", Requirements, priority 1, requirements;
        ] $($rest)* }
    };
}
pub(super) use rows;

/// `capital-centric` (§VI(a)): a group operates in border regions or hinterlands where no
/// activity takes place. The finding names those regions.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CapitalCentric {
    group: Ix,
}

impl Rule for CapitalCentric {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
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
                &[group(g)],
                periphery.into_iter().map(region).collect(),
                CapitalCentric { group: ix(g) },
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        format!(
            "{} operates in {} (border regions or hinterlands), but no activity takes place there",
            n.group(self.group),
            n.regions(&f.involved)
        )
    }
}

/// `not-intelligence-led` (§VI(b)): no mission has an analysis capability and no analysis
/// activity is planned.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NotIntelligenceLed {
    /// Live activities.
    activities: usize,
}

impl Rule for NotIntelligenceLed {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        if ctx.live.is_empty()
            || ctx.s.missions.iter().any(|m| m.has(Capability::Analysis))
            || ctx.live.iter().any(|l| l.has_any(kinds(&[K::Analysis])))
        {
            return;
        }
        out.push(Finding::new(
            &[],
            Vec::new(),
            NotIntelligenceLed {
                activities: ctx.live.len(),
            },
        ));
    }

    fn sentence(&self, _: &Finding, _: &Names<'_>) -> String {
        let k = self.activities;
        format!(
            "{} {} planned, but no mission has an intelligence / analysis cell and no analysis activity is planned: the political economy is not understood",
            count(k, "activity", "activities"),
            verb(k, "is", "are")
        )
    }
}

/// `before-minimal-security` (§VI(e)): a coercive activity starts before minimal security is
/// established; with no month set for it, minimal security counts as not established.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum BeforeMinimalSecurity {
    /// No month is set for minimal security; the finding names every coercive activity.
    NoMonth,
    /// `activity` starts `start`, before minimal security (`secure`).
    Before {
        activity: Ix,
        start: YearMonth,
        secure: YearMonth,
    },
}

impl Rule for BeforeMinimalSecurity {
    fn detect(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
        let coercive: Vec<&Live> = ctx.live.iter().filter(|l| l.coercive()).collect();
        if coercive.is_empty() {
            return;
        }
        let Some(secure) = ctx.s.host.minimal_security else {
            out.push(Finding::new(
                &[],
                activities(coercive),
                BeforeMinimalSecurity::NoMonth,
            ));
            return;
        };
        for l in coercive {
            let Some(start) = l.start() else { continue };
            if start >= secure {
                continue;
            }
            let by: &[At] = match l.mission() {
                Some(m) => &[mission(m)],
                None => &[],
            };
            out.push(Finding::new_few(
                &[l.at()],
                by,
                BeforeMinimalSecurity::Before {
                    activity: l.index,
                    start,
                    secure,
                },
            ));
        }
    }

    fn sentence(&self, f: &Finding, n: &Names<'_>) -> String {
        match *self {
            BeforeMinimalSecurity::Before {
                activity,
                start,
                secure,
            } => format!(
                "{} is coercive and starts {start}, before minimal security is established ({secure})",
                n.activity(activity)
            ),
            BeforeMinimalSecurity::NoMonth => format!(
                "{} planned ({}) while minimal security is not established (no month is set for it): plan them for after it is, or set the month it is expected",
                count(
                    count_of(&f.involved, is_activity),
                    "coercive activity is",
                    "coercive activities are"
                ),
                n.activities(&f.involved)
            ),
        }
    }
}
