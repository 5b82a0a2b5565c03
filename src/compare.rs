//! Mandate options side by side: each option's board through the same lens, then what differs
//! (activities, findings, counts, mission changes). No UI: the compare view, `peaceops options`
//! and `peaceops compare` use the same functions.

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::lens::{Board, Lens};
use crate::model::{ActivityId, CheckStatus, FindingKey, OptionId, Quadrant, Scenario};
use crate::rules::{Finding, KeyRef, Review, RuleId, evaluate, evaluate_at};

/// One option in a line: what the switcher and `peaceops options` show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionSummary {
    /// Its id.
    pub id: OptionId,
    /// Its name.
    pub name: String,
    /// Open findings (all time), with the option's own checklist decisions.
    pub open: usize,
    /// Activities per quadrant, in `Quadrant::ALL` order.
    pub counts: [usize; 4],
}

impl OptionSummary {
    /// The summary of one option's board (a scenario from `Scenario::option_scenario`, or the
    /// board scenario of the current option).
    pub fn of_board(id: OptionId, name: String, board: &Scenario) -> Self {
        let findings = evaluate(board);
        let open = Review::new(&findings, board).open_count();
        Self {
            id,
            name,
            open,
            counts: board.quadrant_counts(),
        }
    }
}

/// Every option's summary, in the scenario's order.
pub fn summaries(s: &Scenario) -> Vec<OptionSummary> {
    s.options
        .iter()
        .map(|o| {
            let name = o.name.clone();
            if s.is_current(&o.id) {
                OptionSummary::of_board(o.id.clone(), name, &s.board_scenario())
            } else {
                match s.option_scenario(&o.id) {
                    Ok(board) => OptionSummary::of_board(o.id.clone(), name, &board),
                    Err(_) => OptionSummary {
                        id: o.id.clone(),
                        name,
                        open: 0,
                        counts: [0; 4],
                    },
                }
            }
        })
        .collect()
}

/// Why a comparison cannot be made.
pub type CompareError = crate::model::OptionError;

/// One option's column of a comparison: its board through the lens and what it yields.
#[derive(Clone, Debug)]
pub struct Column {
    /// Its id.
    pub id: OptionId,
    /// Its name.
    pub name: String,
    /// Its board: the option as a standalone scenario (mission changes applied); findings and
    /// activity indices of this column are into it.
    pub board: Scenario,
    /// What the lens shows of the board.
    pub shown: Board,
    /// Shown activities per quadrant, in `Quadrant::ALL` order.
    pub counts: [usize; 4],
    /// Quadrants with no activity shown.
    pub empty_quadrants: Vec<Quadrant>,
    /// Its findings through the lens, in the rules' order.
    pub findings: Vec<Finding>,
    /// How many findings are open (the option's own checklist decisions).
    pub open: usize,
    /// Its changes to the base's missions, one sentence each.
    pub mission_changes: Vec<String>,
}

/// One activity (by id) across the compared options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityRow {
    /// The activity's id: the same id in two options is the same activity.
    pub id: ActivityId,
    /// Its title (in the first option that has it).
    pub title: String,
    /// For each column, its index in that column's board activities, if the option has it (and
    /// the lens shows it).
    pub presence: Vec<Option<usize>>,
    /// Whether the options that have it have it differently (another position, mission, …).
    pub changed: bool,
}

/// One finding (by checklist key) across the compared options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingRow {
    /// Its checklist key.
    pub key: FindingKey,
    /// Its rule.
    pub rule: RuleId,
    /// The first column that has it ([`FindingRow::sentence`] is that column's).
    pub first: usize,
    /// For each column, its index in that column's findings, if the option has it.
    pub presence: Vec<Option<usize>>,
}

/// How many findings of one rule each option has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleCount {
    /// The rule.
    pub rule: RuleId,
    /// Per column.
    pub counts: Vec<usize>,
}

/// Which columns a row is in.
fn in_columns(presence: &[Option<usize>]) -> impl Iterator<Item = usize> + '_ {
    presence
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|_| i))
}

impl ActivityRow {
    /// Whether only column `c` has it.
    pub fn only_in(&self, c: usize) -> bool {
        in_columns(&self.presence).eq([c])
    }

    /// Whether every column has it.
    pub fn in_all(&self) -> bool {
        self.presence.iter().all(Option::is_some)
    }
}

impl FindingRow {
    /// Its sentence, as the first option that has it says it. Written on demand, not for every
    /// row: sentences were two thirds of `compare_4x1000` (benches/options.rs).
    pub fn sentence(&self, c: &Comparison) -> String {
        let col = &c.columns[self.first];
        self.presence[self.first]
            .and_then(|i| col.findings.get(i))
            .map(|f| f.message(&col.board))
            .unwrap_or_default()
    }

    /// Whether only column `c` has it.
    pub fn only_in(&self, c: usize) -> bool {
        in_columns(&self.presence).eq([c])
    }

    /// Whether every column has it.
    pub fn in_all(&self) -> bool {
        self.presence.iter().all(Option::is_some)
    }
}

/// Options side by side through one lens.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The lens every column is seen through.
    pub lens: Lens,
    /// One column per option, in the order asked for.
    pub columns: Vec<Column>,
    /// Every activity any option has, in order of first appearance.
    pub activities: Vec<ActivityRow>,
    /// Every finding any option has, in the rules' order.
    pub findings: Vec<FindingRow>,
    /// Per rule that fires in some option, its count in each, in the rules' order.
    pub rules: Vec<RuleCount>,
}

impl Comparison {
    /// Activities only column `c` has.
    pub fn activities_only_in(&self, c: usize) -> impl Iterator<Item = &ActivityRow> {
        self.activities.iter().filter(move |r| r.only_in(c))
    }

    /// Findings only column `c` has.
    pub fn findings_only_in(&self, c: usize) -> impl Iterator<Item = &FindingRow> {
        self.findings.iter().filter(move |r| r.only_in(c))
    }

    /// Findings every column has.
    pub fn findings_in_all(&self) -> impl Iterator<Item = &FindingRow> {
        self.findings.iter().filter(|r| r.in_all())
    }

    /// Activities every column has.
    pub fn activities_in_all(&self) -> impl Iterator<Item = &ActivityRow> {
        self.activities.iter().filter(|r| r.in_all())
    }
}

/// Compares options of a scenario through a lens: each option's board (its activities and
/// checklist, its mission changes applied), its findings and counts, then what differs. An
/// empty `options` compares every option, in the scenario's order.
pub fn compare(
    s: &Scenario,
    options: &[OptionId],
    lens: &Lens,
) -> Result<Comparison, CompareError> {
    let ids: Vec<OptionId> = if options.is_empty() {
        s.options.iter().map(|o| o.id.clone()).collect()
    } else {
        options.to_vec()
    };
    // Each option's board and rules on a core of its own (rayon): one after another, four
    // options of 1,000 activities missed `compare_4x1000` ≤ 2 ms on this 2-core machine
    // (benches/options.rs). The first unknown option in the order asked is the one reported.
    let columns = {
        use rayon::prelude::*;
        let found: Vec<Result<Column, CompareError>> = ids
            .par_iter()
            .map(|id| Ok(column(s, id, s.option_scenario(id)?, lens)))
            .collect();
        found
            .into_iter()
            .collect::<Result<Vec<Column>, CompareError>>()?
    };
    // The activities' and the findings' rows side by side, as the columns were.
    let (activities, (findings, rules)) =
        rayon::join(|| activity_rows(&columns), || finding_rows(&columns));
    Ok(Comparison {
        lens: *lens,
        columns,
        activities,
        findings,
        rules,
    })
}

/// The columns' activities by id: where each option has it (and the lens shows it), and
/// whether the options that have it differ.
fn activity_rows(columns: &[Column]) -> Vec<ActivityRow> {
    let n = columns.len();
    let mut activities: Vec<ActivityRow> = Vec::new();
    let mut activity_row: FxHashMap<&str, usize> = FxHashMap::default();
    for (c, col) in columns.iter().enumerate() {
        for (i, a) in col.board.activities.iter().enumerate() {
            if !col.shown.shows_activity(i) {
                continue;
            }
            let row = *activity_row.entry(a.id.as_str()).or_insert_with(|| {
                activities.push(ActivityRow {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    presence: vec![None; n],
                    changed: false,
                });
                activities.len() - 1
            });
            let r = &mut activities[row];
            if r.presence[c].is_none() {
                r.presence[c] = Some(i);
            }
        }
    }
    for r in &mut activities {
        let mut present = r
            .presence
            .iter()
            .enumerate()
            .filter_map(|(c, p)| p.map(|i| &columns[c].board.activities[i]));
        if let Some(first) = present.next() {
            r.changed = present.any(|a| a != first);
        }
    }
    activities
}

/// The columns' findings by key, in the rules' order, and each rule's count per column.
fn finding_rows(columns: &[Column]) -> (Vec<FindingRow>, Vec<RuleCount>) {
    let n = columns.len();
    let mut findings: Vec<FindingRow> = Vec::new();
    // By borrowed key: a key is made only for each row (see `KeyRef`).
    let mut finding_row: FxHashMap<KeyRef<'_>, usize> = FxHashMap::default();
    for (c, col) in columns.iter().enumerate() {
        for (i, f) in col.findings.iter().enumerate() {
            let key = f.key_ref(&col.board);
            let row = *finding_row.entry(key).or_insert_with_key(|key| {
                findings.push(FindingRow {
                    key: key.to_key(),
                    rule: key.rule(),
                    first: c,
                    presence: vec![None; n],
                });
                findings.len() - 1
            });
            let r = &mut findings[row];
            if r.presence[c].is_none() {
                r.presence[c] = Some(i);
            }
        }
    }
    // In the rules' order (then first appearance), as each column lists them: `RuleId` is
    // declared in the order of `RuleId::ALL`, so its discriminant is the rank (a search of
    // `ALL` per comparison cost a tenth of `compare_4x1000`, benches/options.rs).
    findings.sort_by_key(|f| f.rule as usize);

    let mut rules: Vec<RuleCount> = Vec::new();
    for f in &findings {
        if rules.last().is_none_or(|r| r.rule != f.rule) {
            rules.push(RuleCount {
                rule: f.rule,
                counts: vec![0; n],
            });
        }
    }
    for (c, col) in columns.iter().enumerate() {
        for f in &col.findings {
            if let Some(r) = rules.iter_mut().find(|r| r.rule == f.rule) {
                r.counts[c] += 1;
            }
        }
    }
    (findings, rules)
}

fn column(s: &Scenario, id: &OptionId, board: Scenario, lens: &Lens) -> Column {
    let findings = evaluate_at(&board, lens);
    // The open count from the option's decisions by key (the later of two on one key, as the
    // checklist shows), keys borrowed: `Review` would make every key and copy each into a set
    // of those firing, which a comparison does not need (benches/options.rs, `compare_4x1000`).
    let decided: FxHashMap<KeyRef<'_>, CheckStatus> = board
        .checklist
        .findings
        .iter()
        .filter_map(|d| Some((KeyRef::of_key(&d.key)?, d.status)))
        .collect();
    let open = findings
        .iter()
        .filter(|f| {
            decided.is_empty()
                || decided
                    .get(&f.key_ref(&board))
                    .is_none_or(|s| *s == CheckStatus::Open)
        })
        .count();
    drop(decided);
    let shown = Board::new(&board, *lens);
    let counts = shown.counts;
    let option = s.option(id);
    let mission_changes = option
        .map(|o| o.missions.iter().map(|c| c.sentence(s)).collect())
        .unwrap_or_default();
    Column {
        id: id.clone(),
        name: option.map(|o| o.name.clone()).unwrap_or_default(),
        empty_quadrants: Quadrant::ALL
            .iter()
            .copied()
            .filter(|q| counts[q.index()] == 0)
            .collect(),
        counts,
        shown,
        findings,
        open,
        mission_changes,
        board,
    }
}
