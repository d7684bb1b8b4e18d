//! The shipped datasets, compiled into the binary so the tool also runs outside the
//! repository. Outputs say "embedded" when these are used.

pub(crate) const FILES: &[(&str, &str)] = &[
    ("sources.csv", include_str!("../../datasets/sources.csv")),
    ("groups.csv", include_str!("../../datasets/groups.csv")),
    (
        "countries.csv",
        include_str!("../../datasets/countries.csv"),
    ),
    ("fighters.csv", include_str!("../../datasets/fighters.csv")),
    ("soldiers.csv", include_str!("../../datasets/soldiers.csv")),
    (
        "population.csv",
        include_str!("../../datasets/population.csv"),
    ),
    ("area.csv", include_str!("../../datasets/area.csv")),
    (
        "comparisons.toml",
        include_str!("../../datasets/comparisons.toml"),
    ),
    (
        "benchmarks.csv",
        include_str!("../../datasets/benchmarks.csv"),
    ),
    ("actors.csv", include_str!("../../datasets/actors.csv")),
    ("activity.csv", include_str!("../../datasets/activity.csv")),
];

pub(crate) fn get(name: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| *text)
}
