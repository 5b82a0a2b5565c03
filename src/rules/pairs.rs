//! Which missions work in the same place at the same time, without comparing activities in
//! pairs. Each mission's live activities are read once, per place they concern (each group they
//! target, their region) merged into one time span and one set of kinds of work; then only the
//! few missions present at one place are compared. Notes and meetings are
//! ordered by counting, not by comparison, so the whole costs time in proportion to the
//! activities. The turf and intelligence rules share the result.

use super::context::{Ctx, Kinds, kinds};
use crate::model::{ActivityKind as K, YearMonth};

/// Tags that do not make a turf battle: coordinating is the cure, and conduct is internal.
const NOT_TURF: Kinds = kinds(&[K::Coordination, K::ConductDiscipline]);

/// What one mission does at one place, and when.
#[derive(Clone, Copy, Debug)]
struct Note {
    place: u32,
    mission: u32,
    start: i32,
    end: i32,
    /// Kinds of work that can compete, done directly (bits over `ActivityKind::ALL`).
    direct: Kinds,
    /// Kinds of work that can compete, done through host capacity.
    indirect: Kinds,
}

/// Missions `i < j` whose activities at `place` run at the same time, and the kinds of work
/// both do there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Meeting {
    pub i: u32,
    pub j: u32,
    /// A group's index, or the number of groups plus a region's index.
    pub place: u32,
    /// Kinds of work both missions do there directly (bits over `ActivityKind::ALL`).
    pub shared_direct: Kinds,
    /// Kinds of work both missions do there through host capacity.
    pub shared_indirect: Kinds,
}

/// Stable counting sort of `items` by `key(item) < keys`.
fn counting_sort<T: Copy>(items: &[T], keys: usize, key: impl Fn(&T) -> usize) -> Vec<T> {
    let mut out = Vec::new();
    counting_sort_into(items, keys, key, &mut out);
    out
}

/// [`counting_sort`] into a buffer of the caller's.
fn counting_sort_into<T: Copy>(
    items: &[T],
    keys: usize,
    key: impl Fn(&T) -> usize,
    out: &mut Vec<T>,
) {
    let mut starts = vec![0usize; keys + 1];
    for it in items {
        starts[key(it) + 1] += 1;
    }
    for k in 0..keys {
        starts[k + 1] += starts[k];
    }
    out.clear();
    out.extend_from_slice(items);
    for it in items {
        let k = key(it);
        out[starts[k]] = *it;
        starts[k] += 1;
    }
}

/// Every meeting of two missions at a place, grouped by mission pair (in pair order) and,
/// within a pair, by place. A mission and its own predecessor do not meet: theirs is a handover.
pub(super) fn meetings(ctx: &Ctx<'_>) -> Vec<Meeting> {
    let n = ctx.s.missions.len();
    let ng = ctx.s.groups.len();
    let places = ng + ctx.s.host.regions.len();
    if n < 2 || places == 0 {
        return Vec::new();
    }
    // One note per mission and place, merged as each mission's activities are read (its list
    // is in the context), then ordered by place by counting. Noting every activity at each of
    // its places and merging the notes per place afterwards was a sixth of `rules/10000`
    // (benches/domain.rs); there are far fewer missions at a place than activities.
    // Room for a note per activity, or per mission and place if fewer, and for about as many
    // meetings as notes (rules/1000: 808 notes and 514 meetings), reserved once: growing both
    // lists by doubling was about a tenth of this function there (benches/domain.rs).
    let mut notes: Vec<Note> = Vec::with_capacity(ctx.live.len().min(n * places));
    // For the mission being read, the position in `notes` of its note at each place.
    let mut slot = vec![u32::MAX; places];
    for (m, items) in ctx.by_mission.iter().enumerate() {
        let first = notes.len();
        let mission_end = ctx.mission(m).end.map(YearMonth::index);
        for l in items {
            let Some(start) = l.start_index() else {
                continue;
            };
            let end = l.end_index().or(mission_end).unwrap_or(i32::MAX);
            let kinds = l.kinds & !NOT_TURF;
            let (direct, indirect) = if l.direct() { (kinds, 0) } else { (0, kinds) };
            let region = l.region().map(|r| ng + r);
            for p in ctx.groups(l).iter().copied().chain(region) {
                match slot[p] {
                    u32::MAX => {
                        slot[p] = notes.len() as u32;
                        notes.push(Note {
                            place: p as u32,
                            mission: m as u32,
                            start,
                            end,
                            direct,
                            indirect,
                        });
                    }
                    k => {
                        let s = &mut notes[k as usize];
                        s.start = s.start.min(start);
                        s.end = s.end.max(end);
                        s.direct |= direct;
                        s.indirect |= indirect;
                    }
                }
            }
        }
        for note in &notes[first..] {
            slot[note.place as usize] = u32::MAX;
        }
    }
    // By place, and within a place by mission.
    let sorted = counting_sort(&notes, places, |n| n.place as usize);
    let mut found: Vec<Meeting> = Vec::with_capacity(notes.len());
    for run in sorted.chunk_by(|a, b| a.place == b.place) {
        if run.len() < 2 {
            continue;
        }
        for (x, a) in run.iter().enumerate() {
            for b in &run[x + 1..] {
                if a.start > b.end || b.start > a.end {
                    continue;
                }
                let (i, j) = (
                    a.mission.min(b.mission) as usize,
                    a.mission.max(b.mission) as usize,
                );
                if ctx.predecessor[i] == Some(j) || ctx.predecessor[j] == Some(i) {
                    continue;
                }
                found.push(Meeting {
                    i: i as u32,
                    j: j as u32,
                    place: a.place,
                    shared_direct: a.direct & b.direct,
                    shared_indirect: a.indirect & b.indirect,
                });
            }
        }
    }
    // Places were visited in order, so a stable sort by pair keeps them in order per pair.
    // Counting needs a slot per pair: fine for the missions of a workshop, not for thousands.
    if n * n <= found.len() * 16 + 65_536 {
        counting_sort(&found, n * n, |m| m.i as usize * n + m.j as usize)
    } else {
        found.sort_by_key(|m| (m.i, m.j));
        found
    }
}

/// Runs of meetings that share a mission pair.
pub(super) fn by_pair(meetings: &[Meeting]) -> impl Iterator<Item = &[Meeting]> {
    meetings.chunk_by(|a, b| a.i == b.i && a.j == b.j)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counting_sort_is_stable() {
        let items = [(2, 'a'), (0, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        let sorted = super::counting_sort(&items, 3, |(k, _)| *k);
        assert_eq!(
            sorted,
            vec![(0, 'b'), (0, 'e'), (1, 'd'), (2, 'a'), (2, 'c')]
        );
    }
}
