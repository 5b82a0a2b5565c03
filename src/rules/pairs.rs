//! Which missions meet in the same place at the same time, without comparing activities in
//! pairs: activities are dropped into buckets (a group, a region, a kind of work on a group),
//! each bucket keeps one time span per mission, and only the few missions within a bucket are
//! compared. Used by the turf and intelligence-sharing rules.

use super::context::{Ctx, Live};
use crate::model::{YearMonth, periods_overlap};

/// When one mission's activities in a bucket run.
#[derive(Clone, Copy, Debug)]
struct Span {
    mission: usize,
    start: YearMonth,
    /// `None`: open-ended.
    end: Option<YearMonth>,
}

/// Buckets of mission spans.
pub(super) struct Buckets {
    spans: Vec<Vec<Span>>,
}

impl Buckets {
    pub fn new(n: usize) -> Self {
        Self {
            spans: vec![Vec::new(); n],
        }
    }

    /// Records that a live activity of mission `m` falls into `bucket`.
    pub fn add(&mut self, bucket: usize, m: usize, ctx: &Ctx<'_>, l: &Live<'_>) {
        let Some(start) = l.start else { return };
        let end = l.a.end.or(ctx.mission(m).end);
        let spans = &mut self.spans[bucket];
        match spans.iter_mut().find(|s| s.mission == m) {
            Some(s) => {
                s.start = s.start.min(start);
                s.end = match (s.end, end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            None => spans.push(Span {
                mission: m,
                start,
                end,
            }),
        }
    }

    /// Calls `f(bucket, i, j)` for each pair of missions `i < j` whose activities in a bucket
    /// overlap in time, leaving out a mission and its own predecessor (a handover, not a
    /// parallel deployment).
    pub fn for_each_meeting(&self, ctx: &Ctx<'_>, mut f: impl FnMut(usize, usize, usize)) {
        for (bucket, spans) in self.spans.iter().enumerate() {
            for (x, a) in spans.iter().enumerate() {
                for b in &spans[x + 1..] {
                    let (i, j) = (a.mission.min(b.mission), a.mission.max(b.mission));
                    if ctx.predecessor[i] == Some(j) || ctx.predecessor[j] == Some(i) {
                        continue;
                    }
                    if periods_overlap(a.start, a.end, b.start, b.end) {
                        f(bucket, i, j);
                    }
                }
            }
        }
    }
}

/// A set of small indices (groups, regions) as a bitset.
#[derive(Clone, Debug, Default)]
pub(super) struct IndexSet(Vec<u64>);

impl IndexSet {
    pub fn insert(&mut self, i: usize) {
        if self.0.len() <= i / 64 {
            self.0.resize(i / 64 + 1, 0);
        }
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, bits)| {
            (0..64)
                .filter(move |b| bits & (1u64 << b) != 0)
                .map(move |b| w * 64 + b)
        })
    }
}

/// What two missions share: kinds of work (as a bitmask over `ActivityKind::ALL`), groups and
/// regions.
#[derive(Clone, Debug, Default)]
pub(super) struct Shared {
    pub kinds: u64,
    pub groups: IndexSet,
    pub regions: IndexSet,
}

/// One [`Shared`] per pair of missions, filled lazily, read back in a stable order.
pub(super) struct PairTable {
    n: usize,
    cells: Vec<Option<Shared>>,
}

impl PairTable {
    pub fn new(n: usize) -> Self {
        Self {
            n,
            cells: vec![None; n * n],
        }
    }

    pub fn get(&mut self, i: usize, j: usize) -> &mut Shared {
        self.cells[i * self.n + j].get_or_insert_with(Shared::default)
    }

    /// The pairs that share something, `(i, j)` with `i < j`, in order.
    pub fn into_pairs(self) -> impl Iterator<Item = (usize, usize, Shared)> {
        let n = self.n;
        self.cells
            .into_iter()
            .enumerate()
            .filter_map(move |(k, c)| c.map(|c| (k / n, k % n, c)))
    }
}

#[cfg(test)]
mod tests {
    use super::IndexSet;

    #[test]
    fn index_set() {
        let mut s = IndexSet::default();
        assert!(!s.contains(0));
        for i in [3, 64, 130] {
            s.insert(i);
        }
        assert!(s.contains(64) && !s.contains(65));
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![3, 64, 130]);
    }
}
