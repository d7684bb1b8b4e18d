//! Units of area, shared by the domain and the renderers. Areas are stored in km²;
//! square miles are derived with the international definition 1 sq mi =
//! 2.589988110336 km² (1 mile = 1,609.344 m exactly).

/// How areas are shown: square miles (the default) or km².
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Units {
    #[default]
    Imperial,
    Metric,
}

impl Units {
    pub(crate) const ALL: [Units; 2] = [Units::Imperial, Units::Metric];

    /// The name on the command line and in claim files.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Units::Imperial => "imperial",
            Units::Metric => "metric",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<Units> {
        Units::ALL.into_iter().find(|u| u.id() == text)
    }
}

pub(crate) const KM2_PER_SQ_MI: f64 = 2.589988110336;

pub(crate) fn km2_to_sq_mi(km2: f64) -> f64 {
    km2 / KM2_PER_SQ_MI
}

#[cfg(test)]
pub(crate) fn sq_mi_to_km2(sq_mi: f64) -> f64 {
    sq_mi * KM2_PER_SQ_MI
}

/// An area in km² expressed in the chosen units.
pub(crate) fn area_in(units: Units, km2: f64) -> f64 {
    match units {
        Units::Imperial => km2_to_sq_mi(km2),
        Units::Metric => km2,
    }
}

pub(crate) fn area_unit(units: Units) -> &'static str {
    match units {
        Units::Imperial => "sq mi",
        Units::Metric => "km²",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;
    use proptest::prelude::*;

    #[test]
    fn one_square_mile() {
        assert_relative_eq!(km2_to_sq_mi(2.589988110336), 1.0);
        // Mali + Burkina Faso, CIA total areas.
        assert_relative_eq!(km2_to_sq_mi(1_514_392.0), 584_710.0, max_relative = 1e-5);
    }

    proptest! {
        #[test]
        fn km2_and_sq_mi_round_trip(km2 in 0.001f64..1e9) {
            let back = sq_mi_to_km2(km2_to_sq_mi(km2));
            prop_assert!((back - km2).abs() <= km2 * 1e-12);
        }
    }
}
