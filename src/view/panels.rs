//! The side panels' widths: the chart keeps at least [`theme::CHART_MIN_SHARE`] of the
//! window, so the editor and the checklist shrink, and where even their narrowest will not fit
//! one (or both) folds to a strip with a button. Either can be folded by hand (a key and a
//! button); a panel opened by hand wins the room over the other.

use crate::theme;

/// A side of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The editor.
    Left,
    /// The checklist.
    Right,
}

/// What the user asked for; [`SidePanels::widths`] fits it to the window.
#[derive(Clone, Debug, PartialEq)]
pub struct SidePanels {
    /// The editor is wanted open.
    pub editor: bool,
    /// The checklist is wanted open.
    pub checklist: bool,
    /// The panel opened last, which keeps its room when only one fits.
    pub last: Side,
}

impl Default for SidePanels {
    fn default() -> Self {
        Self {
            editor: true,
            checklist: true,
            last: Side::Left,
        }
    }
}

/// The panels as drawn this frame: `Some(max width)` when open, `None` when folded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fitted {
    /// The editor's widest.
    pub editor: Option<f32>,
    /// The checklist's widest.
    pub checklist: Option<f32>,
}

impl SidePanels {
    /// Opens or folds one side.
    pub fn toggle(&mut self, side: Side, fitted: Fitted) {
        let open = match side {
            Side::Left => fitted.editor.is_some(),
            Side::Right => fitted.checklist.is_some(),
        };
        match side {
            Side::Left => self.editor = !open,
            Side::Right => self.checklist = !open,
        }
        if !open {
            self.last = side;
        }
    }

    /// How wide each side may be in a window `width` points wide: `Some(min, max)` when open.
    pub fn widths(&self, width: f32) -> Fitted {
        let budget = (width * (1.0 - theme::CHART_MIN_SHARE) - theme::CHART_OVERHEAD).max(0.0);
        let strip = theme::PANEL_STRIP_WIDTH;
        let (emin, cmin) = (theme::EDITOR_MIN_WIDTH, theme::CHECKLIST_MIN_WIDTH);
        let (mut editor, mut checklist) = (self.editor, self.checklist);
        if editor && checklist && emin + cmin > budget {
            // Only one fits: the one opened last.
            match self.last {
                Side::Left => checklist = false,
                Side::Right => editor = false,
            }
        }
        let cap = |v: f32| v.clamp(0.0, theme::PANEL_MAX_WIDTH);
        let (e, c) = match (editor, checklist) {
            // Both open share the room in proportion to their narrowest.
            (true, true) => {
                let e = budget * emin / (emin + cmin);
                (Some(cap(e)), Some(cap(budget - e)))
            }
            (true, false) => (Some(cap(budget - strip)), None),
            (false, true) => (None, Some(cap(budget - strip))),
            (false, false) => (None, None),
        };
        Fitted {
            editor: e,
            checklist: c,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(f: Fitted) -> f32 {
        f.editor.unwrap_or(theme::PANEL_STRIP_WIDTH)
            + f.checklist.unwrap_or(theme::PANEL_STRIP_WIDTH)
    }

    #[test]
    fn the_chart_keeps_its_share_at_every_width() {
        let p = SidePanels::default();
        for w in [
            320.0, 341.0, 480.0, 512.0, 640.0, 960.0, 1024.0, 1280.0, 1920.0, 3840.0,
        ] {
            let f = p.widths(w);
            let both_folded = f.editor.is_none() && f.checklist.is_none();
            assert!(
                w - total(f) - theme::CHART_OVERHEAD >= theme::CHART_MIN_SHARE * w - 0.5
                    || both_folded,
                "{w}: {f:?}"
            );
        }
        assert!(p.widths(1280.0).editor.is_some() && p.widths(1280.0).checklist.is_some());
        let narrow = p.widths(512.0);
        assert!(
            narrow.editor.is_some() && narrow.checklist.is_none(),
            "{narrow:?}"
        );
    }

    #[test]
    fn a_panel_opened_by_hand_wins_the_room() {
        let mut p = SidePanels::default();
        let f = p.widths(512.0);
        p.toggle(Side::Right, f);
        let f = p.widths(512.0);
        assert!(f.checklist.is_some() && f.editor.is_none(), "{f:?}");
        p.toggle(Side::Right, f);
        assert!(p.widths(512.0).checklist.is_none());
    }
}
