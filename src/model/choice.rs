//! The `choice!` macro: an enum a user picks from, with its label and a hover text in the paper's
//! terms, kept together so the editor, the command line and the files cannot disagree.

/// An enum a user picks from: every value, a label and a hover text. The editor builds its
/// combo boxes and multi-selects from this.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every choice, in display order.
    fn all() -> &'static [Self];
    /// Short label for menus and messages.
    fn label(self) -> &'static str;
    /// What the choice means, in the paper's terms (hover text).
    fn help(self) -> &'static str;
}

/// Declares a fieldless enum with `ALL`, `label()` and `help()`, implementing [`Choice`].
///
/// Each variant is written `Name => "label", "help text";`.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $label:literal, $help:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $( #[doc = $help] $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every choice, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Short label for menus and messages.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// What the choice means, in the paper's terms (hover text).
            pub fn help(self) -> &'static str {
                match self { $($name::$variant => $help,)+ }
            }
        }

        impl $crate::model::Choice for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
            fn help(self) -> &'static str {
                $name::help(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

pub(crate) use choice;

choice! {
    /// A three-step scale used for sensitivity, trust and harm.
    #[derive(Default)]
    pub enum Level {
        Low => "low", "Low.";
        #[default]
        Medium => "medium", "Medium.";
        High => "high", "High.";
    }
}

choice! {
    /// How able one link of the host's criminal justice chain is to do its job (§III, §V.1).
    #[derive(Default)]
    pub enum Capacity {
        Absent => "absent", "The link does not function at all: no police, no courts, no prisons that work.";
        #[default]
        Weak => "weak", "The link exists but cannot handle organized crime cases: too few, untrained, unpaid or corrupt.";
        Moderate => "moderate", "The link works for ordinary cases but struggles with organized, transnational or protected crime.";
        Strong => "strong", "The link can handle organized crime cases largely on its own.";
    }
}

impl Capacity {
    /// Absent or weak: the link needs help and leaves a gap when nobody addresses it.
    pub fn is_weak(self) -> bool {
        matches!(self, Capacity::Absent | Capacity::Weak)
    }
}
