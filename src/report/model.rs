//! The typed report: what a debrief says about one scenario, built once from the scenario and the
//! findings the caller computed, and read by every output format (`check`'s text and JSON, HTML,
//! Markdown, CSV, SVG), so they never disagree.

use serde::Serialize;

use super::chart::ChartData;
use super::timeline::TimelineData;
use crate::model::{CheckStatus, FindingKey, Problem, Quadrant, Scenario, Source, YearMonth};
use crate::rules::{EntityRef, Family, Finding, Review, RiskCatalogue, RuleId};

/// The paper every finding's section refers to, as the title page cites it.
pub const CITATION: &str = "Van der Lijn, J., 'Multilateral peace operations and the challenges of organized crime', SIPRI Background Paper (Stockholm International Peace Research Institute: Stockholm, 2018).";

/// What the caller adds to the scenario and its findings.
#[derive(Clone, Debug, Default)]
pub struct ReportContext {
    /// The month the board is seen at (printed as "as of"); `None` for all time.
    pub at: Option<YearMonth>,
    /// Validation problems of the scenario (see `cli::all_problems`); listed, never fixed.
    pub problems: Vec<Problem>,
}

/// A debrief of one scenario.
#[derive(Clone, Debug)]
pub struct Report {
    /// Scenario title.
    pub title: String,
    /// Where the facts come from and what is invented.
    pub description: String,
    /// Where the description's facts come from, one claim each.
    pub description_sources: Vec<SourcedClaim>,
    /// The month the board is seen at, if one.
    pub at: Option<YearMonth>,
    /// The host state in brief.
    pub host: HostBrief,
    /// Crime groups in brief.
    pub groups: Vec<GroupBrief>,
    /// Missions in brief, in scenario order.
    pub missions: Vec<MissionBrief>,
    /// Other actors.
    pub actors: Vec<ActorBrief>,
    /// The exercise: its script and each run's hot wash (`None` without injects or runs).
    pub exercise: Option<super::ExerciseReport>,
    /// Counts of what the scenario holds.
    pub counts: Counts,
    /// Activities, in scenario order.
    pub activities: Vec<ActivityRow>,
    /// Validation problems.
    pub problems: Vec<Problem>,
    /// Current findings with the room's decisions, in the rules' order.
    pub findings: Vec<FindingRow>,
    /// Decisions whose finding no longer fires.
    pub resolved: Vec<ResolvedRow>,
    /// Checklist items the room added by hand.
    pub custom: Vec<CustomRow>,
    /// The quadrant chart: styles, markers and counts, as the window draws them.
    pub chart: ChartData,
    /// The missions' timeline; `None` when no mission has dates.
    pub timeline: Option<TimelineData>,
    /// Which mandate option the report is of, and the others in brief, when the scenario lists
    /// more than one option (a caller reporting on one option's board, which lists only that
    /// option, sets it from the file with `OptionsBrief::of`); `None` otherwise.
    pub options: Option<OptionsBrief>,
}

/// One mandate option in a line, for the debrief.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionLine {
    /// Its name.
    pub name: String,
    /// Its rationale.
    pub rationale: String,
    /// Its activities.
    pub activities: usize,
    /// Its open findings, all time.
    pub open: usize,
    /// Where the rationale's facts come from.
    pub sources: Vec<SourcedClaim>,
}

/// Which mandate option a debrief is of, and the file's other options in brief.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionsBrief {
    /// The option the report is of.
    pub this: OptionLine,
    /// The others, in the file's order.
    pub others: Vec<OptionLine>,
    /// Every option side by side, at the report's date (`compare::compare`); `None` when
    /// the options could not be compared.
    pub compared: Option<OptionsTable>,
}

/// The file's options side by side: one column per option, one row per criterion, raw facts
/// only (the decision is the room's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionsTable {
    /// The columns' heads: the options' names, in the file's order.
    pub names: Vec<String>,
    /// The rows.
    pub rows: Vec<OptionsTableRow>,
}

/// One criterion across the options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionsTableRow {
    /// What the row compares.
    pub label: String,
    /// One cell per option, in the columns' order.
    pub cells: Vec<String>,
}

impl OptionsTable {
    /// The table of a comparison: activities and their quadrants, empty quadrants, open risks,
    /// the risks and activities only in each option, and the mission changes.
    pub fn of(c: &crate::compare::Comparison) -> Self {
        let texts = RiskCatalogue::builtin().ok();
        let n = c.columns.len();
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "—".to_owned()
            } else {
                items.join("; ")
            }
        };
        let row = |label: &str, cells: Vec<String>| OptionsTableRow {
            label: label.to_owned(),
            cells,
        };
        let mut rows = vec![row(
            "Activities",
            c.columns
                .iter()
                .map(|col| col.counts.iter().sum::<usize>().to_string())
                .collect(),
        )];
        for q in Quadrant::ALL {
            rows.push(row(
                q.label(),
                c.columns
                    .iter()
                    .map(|col| col.counts[q.index()].to_string())
                    .collect(),
            ));
        }
        rows.push(row(
            "Empty quadrants",
            c.columns
                .iter()
                .map(|col| {
                    list(
                        col.empty_quadrants
                            .iter()
                            .map(|q| q.label().to_owned())
                            .collect(),
                    )
                })
                .collect(),
        ));
        rows.push(row(
            "Open risks",
            c.columns.iter().map(|col| col.open.to_string()).collect(),
        ));
        rows.push(row(
            "Risks only in this option",
            (0..n)
                .map(|i| {
                    list(
                        c.findings_only_in(i)
                            .map(|f| {
                                texts
                                    .and_then(|t| t.get(f.rule))
                                    .map_or_else(|| f.rule.to_string(), |info| info.title.clone())
                            })
                            .collect(),
                    )
                })
                .collect(),
        ));
        rows.push(row(
            "Activities only in this option",
            (0..n)
                .map(|i| list(c.activities_only_in(i).map(|a| a.title.clone()).collect()))
                .collect(),
        ));
        rows.push(row(
            "Mission changes",
            c.columns
                .iter()
                .map(|col| list(col.mission_changes.clone()))
                .collect(),
        ));
        Self {
            names: c.columns.iter().map(|col| col.name.clone()).collect(),
            rows,
        }
    }
}

impl OptionsBrief {
    /// The brief of a file's options for a report of option `this` (the current one when
    /// `None`) as of `at` (all time when `None`); `None` when the file has only one option.
    pub fn of(
        file: &Scenario,
        this: Option<&crate::model::OptionId>,
        at: Option<YearMonth>,
    ) -> Option<Self> {
        if file.options.len() < 2 {
            return None;
        }
        let this = this.or(file.current_option.as_ref())?;
        let mut mine = None;
        let mut others = Vec::new();
        for (o, sum) in file.options.iter().zip(crate::compare::summaries(file)) {
            let line = OptionLine {
                name: o.name.clone(),
                rationale: o.rationale.clone(),
                activities: sum.counts.iter().sum(),
                open: sum.open,
                sources: claims(&o.sources),
            };
            if &o.id == this {
                mine = Some(line);
            } else {
                others.push(line);
            }
        }
        let compared = crate::compare::compare(file, &[], &crate::lens::Lens { at })
            .ok()
            .map(|c| OptionsTable::of(&c));
        Some(Self {
            this: mine?,
            others,
            compared,
        })
    }
}

/// The host state in brief.
#[derive(Clone, Debug, Serialize)]
pub struct HostBrief {
    /// Name of the country or territory ("(unnamed)" never stored: empty if unnamed).
    pub name: String,
    /// Governance, as the window names it.
    pub governance: &'static str,
    /// Consent, as the window names it.
    pub consent: &'static str,
    /// Links of the justice chain that are weak, by name.
    pub weak_links: Vec<&'static str>,
    /// Its regions, each with where its facts come from.
    pub regions: Vec<RegionBrief>,
    /// The host's notes.
    pub notes: String,
    /// Where the notes' facts come from.
    pub sources: Vec<SourcedClaim>,
}

/// A crime group in brief.
#[derive(Clone, Debug, Serialize)]
pub struct GroupBrief {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Predatory, parasitic or symbiotic.
    pub relation: &'static str,
    /// Spoiler, evader or partner.
    pub role: &'static str,
    /// The markets it works in.
    pub markets: Vec<&'static str>,
    /// Whether it crosses borders.
    pub transnational: bool,
    /// Its notes.
    pub notes: String,
    /// Where the notes' facts come from.
    pub sources: Vec<SourcedClaim>,
}

/// Another actor (host agency, UN agency, civil society) in brief.
#[derive(Clone, Debug, Serialize)]
pub struct ActorBrief {
    /// Name.
    pub name: String,
    /// What kind of actor.
    pub kind: &'static str,
    /// Notes.
    pub notes: String,
    /// Where the notes' facts come from.
    pub sources: Vec<SourcedClaim>,
}

/// A region of the host state in brief.
#[derive(Clone, Debug, Serialize)]
pub struct RegionBrief {
    /// Name.
    pub name: String,
    /// Centre, border region, hinterland or other.
    pub kind: &'static str,
    /// Where its facts come from.
    pub sources: Vec<SourcedClaim>,
}

/// A handover from a predecessor mission in brief.
#[derive(Clone, Debug, Serialize)]
pub struct HandoverBrief {
    /// The predecessor's short name.
    pub from: String,
    /// Whether a plan exists.
    pub planned: bool,
    /// What the plan covers.
    pub covers: Vec<&'static str>,
    /// Notes.
    pub notes: String,
    /// Where the notes' facts come from.
    pub sources: Vec<SourcedClaim>,
}

/// A mission in brief.
#[derive(Clone, Debug, Serialize)]
pub struct MissionBrief {
    /// Its id.
    pub id: String,
    /// Its full name.
    pub name: String,
    /// The name the chart's legend uses.
    pub short: String,
    /// Organization and kind, as the window describes them.
    pub describe: String,
    /// First month.
    pub start: YearMonth,
    /// Last month, if it has ended or is planned to.
    pub end: Option<YearMonth>,
    /// Where the notes' facts come from.
    pub sources: Vec<SourcedClaim>,
    /// The handover from its predecessor, if it succeeds one.
    pub handover: Option<HandoverBrief>,
}

/// A fact with its source badge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourcedClaim {
    /// The claim.
    pub text: String,
    /// Its source.
    pub source: Badge,
}

/// A source badge as the window shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Badge {
    /// `paper`, `general-knowledge`, `invented` or `reasoning`.
    pub kind: &'static str,
    /// The badge text, e.g. "paper §V.6".
    pub text: String,
    /// What the badge means, for a hover text.
    pub meaning: String,
}

impl From<&Source> for Badge {
    fn from(s: &Source) -> Self {
        Self {
            kind: s.kind_id(),
            text: s.badge(),
            meaning: s.meaning(),
        }
    }
}

/// Counts of what a scenario holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Crime groups.
    pub groups: usize,
    /// Missions.
    pub missions: usize,
    /// Other actors.
    pub actors: usize,
    /// Activities.
    pub activities: usize,
    /// Activities per quadrant, in [`Quadrant::ALL`] order.
    pub quadrants: [usize; 4],
}

/// One activity, as tables and CSV list it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActivityRow {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its mission's id, empty when it has none.
    pub mission: String,
    /// Its mission's legend name, or "No mission yet".
    pub mission_name: String,
    /// Its quadrant.
    #[serde(skip)]
    pub quadrant: Quadrant,
    /// Its quadrant's name.
    pub quadrant_name: &'static str,
    /// Position: consequences (−1) … drivers (+1).
    pub x: f64,
    /// Position: indirectly (−1) … directly (+1).
    pub y: f64,
    /// First month, if set.
    pub start: Option<YearMonth>,
    /// Last month, if set.
    pub end: Option<YearMonth>,
    /// Planned, under way, done or dropped.
    pub status: &'static str,
    /// Its notes.
    pub notes: String,
    /// Where the notes' facts come from.
    pub sources: Vec<SourcedClaim>,
}

/// One current finding with the room's decision.
#[derive(Clone, Debug)]
pub struct FindingRow {
    /// Stable rule id.
    pub rule: RuleId,
    /// The checklist family it is listed under; `None` when the risk texts could not be read.
    pub family: Option<Family>,
    /// Rule title.
    pub title: String,
    /// Entities named, subject first.
    pub entities: Vec<EntityRef>,
    /// The checklist key the room's decision is saved under.
    pub key: FindingKey,
    /// The sentence naming the entities.
    pub message: String,
    /// Paper section.
    pub section: String,
    /// Where the checklist lists it: 1 first.
    pub priority: u8,
    /// What the paper says about the risk.
    pub why: String,
    /// Where `why` comes from: the paper at the rule's section.
    pub why_source: Source,
    /// `why` sentence by sentence, each with its own source. Borrowed from the built-in texts:
    /// copied into each of the 77,142 findings of the `check/100000` benchmark
    /// (benches/domain.rs) they held 60 MiB more and cost a tenth more time.
    pub why_claims: &'static [crate::model::Claim],
    /// What to do, the first naming the finding's entities.
    pub mitigations: Vec<String>,
    /// Where the mitigations come from: PeaceOps's own advice.
    pub mitigations_source: Source,
    /// The room's status.
    pub status: CheckStatus,
    /// The room's note.
    pub note: String,
}

/// A decision whose finding no longer fires.
#[derive(Clone, Debug)]
pub struct ResolvedRow {
    /// Rule id as saved.
    pub rule: String,
    /// Entity ids as saved.
    pub entities: Vec<String>,
    /// The room's status.
    pub status: CheckStatus,
    /// The room's note.
    pub note: String,
}

/// A checklist item added by hand.
#[derive(Clone, Debug)]
pub struct CustomRow {
    /// Where the facts in its title and note come from.
    pub sources: Vec<SourcedClaim>,
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: CheckStatus,
    /// Its note.
    pub note: String,
}

/// The stable id of a status in exports: `open`, `mitigated`, `accepted`, `not-applicable`.
pub fn status_id(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Open => "open",
        CheckStatus::Mitigated => "mitigated",
        CheckStatus::Accepted => "accepted",
        CheckStatus::NotApplicable => "not-applicable",
    }
}

fn claims(sources: &[crate::model::Claim]) -> Vec<SourcedClaim> {
    sources
        .iter()
        .map(|c| SourcedClaim {
            text: c.text.clone(),
            source: Badge::from(&c.source),
        })
        .collect()
}

/// The checklist part of a report: current findings with the room's decisions, decisions whose
/// finding no longer fires, and the room's own items. [`Report::build`] builds it, and `check`
/// builds it alone: `check` prints neither the chart, the timeline nor the activity table, and
/// building them for the `check/100000` benchmark (benches/domain.rs) cost a tenth of its time.
#[derive(Clone, Debug)]
pub struct Checklist {
    /// Current findings with the room's decisions, in the rules' order.
    pub findings: Vec<FindingRow>,
    /// Decisions whose finding no longer fires.
    pub resolved: Vec<ResolvedRow>,
    /// Checklist items the room added by hand.
    pub custom: Vec<CustomRow>,
}

impl Checklist {
    /// The checklist of `scenario` with the findings the caller computed, as of `at` (`None`:
    /// all time).
    pub fn build(scenario: &Scenario, findings: &[Finding], at: Option<YearMonth>) -> Self {
        let s = scenario;
        let review = Review::new(findings, s);
        // As of a month, a decision whose finding does not hold then is not resolved: only
        // those whose finding fires at no time are.
        let all_time = if at.is_some() {
            crate::rules::evaluate(s)
        } else {
            Vec::new()
        };
        let all_time_review = at.map(|_| Review::new(&all_time, s));
        let resolved_review = all_time_review.as_ref().unwrap_or(&review);
        let texts = RiskCatalogue::builtin().ok();
        let resolved = resolved_review
            .resolved
            .iter()
            .map(|st| ResolvedRow {
                rule: st.key.rule.clone(),
                entities: st.key.entities.clone(),
                status: st.status,
                note: st.note.clone(),
            })
            .collect();
        let rows = review
            .rows
            .into_iter()
            .map(|row| {
                let info = texts.and_then(|t| t.get(row.finding.rule));
                let section = info.map(|i| i.section.clone()).unwrap_or_default();
                FindingRow {
                    rule: row.finding.rule,
                    family: info.map(|i| i.family),
                    title: info.map(|i| i.title.clone()).unwrap_or_default(),
                    entities: row.finding.entities(s),
                    key: row.key,
                    message: row.finding.message(s),
                    why_source: Source::Paper(section.clone()),
                    section,
                    priority: info.map_or(u8::MAX, |i| i.priority),
                    why: info.map(|i| i.paper_text()).unwrap_or_default(),
                    why_claims: info.map_or(&[], |i| i.paper.as_slice()),
                    mitigations: info
                        .map(|i| i.mitigations_for(row.finding, s))
                        .unwrap_or_default(),
                    mitigations_source: Source::Reasoning,
                    status: row.status,
                    note: row.note.to_owned(),
                }
            })
            .collect();
        Self {
            findings: rows,
            resolved,
            custom: s
                .checklist
                .custom
                .iter()
                .map(|c| CustomRow {
                    id: c.id.to_string(),
                    title: c.title.clone(),
                    status: c.status,
                    note: c.note.clone(),
                    sources: claims(&c.sources),
                })
                .collect(),
        }
    }
}

impl Counts {
    /// What `scenario` holds; the quadrant counts as of `at` (`None`: all time).
    pub fn of(scenario: &Scenario, at: Option<YearMonth>) -> Self {
        let s = scenario;
        Counts {
            groups: s.groups.len(),
            missions: s.missions.len(),
            actors: s.actors.len(),
            activities: s.activities.len(),
            quadrants: match at {
                None => s.quadrant_counts(),
                Some(at) => crate::lens::Board::new(s, crate::lens::Lens::at(at)).counts,
            },
        }
    }
}

impl Report {
    /// The report of `scenario`, whose findings the caller computed (`rules::evaluate`, or
    /// another entry point for a lens), with the context's date and validation problems.
    pub fn build(scenario: &Scenario, findings: &[Finding], ctx: &ReportContext) -> Self {
        let s = scenario;
        let chart = ChartData::build(s, ctx.at);
        let Checklist {
            findings: rows,
            resolved,
            custom,
        } = Checklist::build(s, findings, ctx.at);
        let activities = s
            .activities
            .iter()
            .map(|a| {
                let q = a.quadrant();
                ActivityRow {
                    id: a.id.to_string(),
                    title: a.title.clone(),
                    mission: a
                        .mission
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                    mission_name: chart.mission_name(a.mission.as_ref()),
                    quadrant: q,
                    quadrant_name: q.label(),
                    x: a.x,
                    y: a.y,
                    start: a.start,
                    end: a.end,
                    status: a.status.label(),
                    notes: a.notes.clone(),
                    sources: claims(&a.sources),
                }
            })
            .collect();
        Self {
            title: s.title.clone(),
            description: s.description.clone(),
            description_sources: claims(&s.description_sources),
            at: ctx.at,
            host: HostBrief {
                name: s.host.name.clone(),
                governance: s.host.governance.label(),
                consent: s.host.consent.label(),
                weak_links: crate::model::JusticeLink::ALL
                    .iter()
                    .filter(|l| s.host.justice_chain.get(**l).is_weak())
                    .map(|l| l.label())
                    .collect(),
                regions: s
                    .host
                    .regions
                    .iter()
                    .map(|r| RegionBrief {
                        name: r.name.clone(),
                        kind: r.kind.label(),
                        sources: claims(&r.sources),
                    })
                    .collect(),
                notes: s.host.notes.clone(),
                sources: claims(&s.host.sources),
            },
            groups: s
                .groups
                .iter()
                .map(|g| GroupBrief {
                    id: g.id.to_string(),
                    name: g.name.clone(),
                    relation: g.relation.label(),
                    role: g.role.label(),
                    markets: g.markets.iter().map(|m| m.label()).collect(),
                    transnational: g.transnational,
                    notes: g.notes.clone(),
                    sources: claims(&g.sources),
                })
                .collect(),
            missions: s
                .missions
                .iter()
                .map(|m| MissionBrief {
                    id: m.id.to_string(),
                    name: m.name.clone(),
                    short: m.short_name().to_owned(),
                    describe: m.describe(),
                    start: m.start,
                    end: m.end,
                    sources: claims(&m.sources),
                    handover: m.predecessor.as_ref().map(|p| HandoverBrief {
                        from: s
                            .mission(p)
                            .map_or_else(|| p.to_string(), |x| x.short_name().to_owned()),
                        planned: m.handover.planned,
                        covers: m.handover.covers.iter().map(|c| c.label()).collect(),
                        notes: m.handover.notes.clone(),
                        sources: claims(&m.handover.sources),
                    }),
                })
                .collect(),
            exercise: super::exercise_report(s),
            actors: s
                .actors
                .iter()
                .map(|a| ActorBrief {
                    name: a.name.clone(),
                    kind: a.kind.label(),
                    notes: a.notes.clone(),
                    sources: claims(&a.sources),
                })
                .collect(),
            counts: Counts::of(s, ctx.at),
            activities,
            problems: ctx.problems.clone(),
            findings: rows,
            resolved,
            custom,
            timeline: TimelineData::build(s, ctx.at),
            // A board of one option lists only that option: its caller says which file it is of.
            options: OptionsBrief::of(s, None, ctx.at),
            chart,
        }
    }

    /// Current findings still open.
    pub fn open_count(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.status == CheckStatus::Open)
            .count()
    }

    /// Current findings of one family, in the rules' order.
    pub fn family(&self, family: Family) -> impl Iterator<Item = &FindingRow> {
        self.findings
            .iter()
            .filter(move |f| f.family == Some(family))
    }
}
