//! What the scenario and the conversation file formats share: the fields they both start with.

/// Declares a scenario or conversation file format: a serde struct that rejects unknown fields
/// and starts with the fields both formats share, in their documented order, followed by its
/// own fields; and its `texts`, the shared text fields followed by the own ones named after
/// `texts:`. Serde's `flatten` would share these as a struct of their own, but it cannot be
/// combined with `deny_unknown_fields`, which makes a misspelt field an error.
macro_rules! exercise_format {
    (
        texts: [$($text:ident),*];
        $(#[$attr:meta])* pub struct $name:ident { $($own:tt)* }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Debug, PartialEq, Eq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// Unique in the bank among scenarios and conversations, `[a-z0-9-]+`.
            pub id: String,
            /// Language of the texts.
            pub language: $crate::language::Language,
            /// Short title, shown above a scenario and in the list of conversations.
            pub title: String,
            /// Industry, used for filtering and coverage.
            pub industry: String,
            /// 1 (cue stated plainly) to 3 (with distractors).
            pub difficulty: u8,
            /// Free labels for selection.
            #[serde(default)]
            pub tags: Vec<String>,
            $($own)*
        }

        impl $name {
            /// The top-level fields that hold text, by field name: what must not be empty or
            /// too long, and what the editor's search looks in.
            pub fn texts(&self) -> impl Iterator<Item = (&'static str, &str)> {
                [
                    ("id", self.id.as_str()),
                    ("title", &self.title),
                    ("industry", &self.industry),
                    $((stringify!($text), &self.$text)),*
                ]
                .into_iter()
            }
        }
    };
}

pub(super) use exercise_format;
