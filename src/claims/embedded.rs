//! The shipped claim files, compiled into the binary so `check` also runs outside the
//! repository.

pub(crate) const FILES: &[(&str, &str)] = &[
    ("ctp-2026.toml", include_str!("../../seeds/ctp-2026.toml")),
    (
        "trt-world-2025.toml",
        include_str!("../../seeds/trt-world-2025.toml"),
    ),
    (
        "sambe-2025.toml",
        include_str!("../../seeds/sambe-2025.toml"),
    ),
    (
        "sahel-slide-2025.toml",
        include_str!("../../seeds/sahel-slide-2025.toml"),
    ),
    (
        "gatestone-2025.toml",
        include_str!("../../seeds/gatestone-2025.toml"),
    ),
];
