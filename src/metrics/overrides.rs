//! What-if overrides from `--set ENTITY.QUANTITY[.COMPONENT]=V`: parsed from the command
//! line, checked against the data, applied when inputs are resolved, and always named in
//! the output.

use crate::data::cells::parse_plain_number;
use crate::data::model::Entities;
use crate::data::model::COMPONENTS;
use crate::data::{Dataset, Quantity};
use crate::error::{choices_help, ids_help, Error};

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Override {
    pub(crate) entity: String,
    pub(crate) quantity: Quantity,
    /// For soldiers: one component; `None` replaces all counted components of the country.
    pub(crate) component: Option<String>,
    pub(crate) value: f64,
    /// As typed, for notes.
    pub(crate) text: String,
    /// What set the value when it was not `--set`: a claim's bound, in the words of the
    /// note that names it.
    pub(crate) by: Option<String>,
}

const FORMS: &str = "GROUP.fighters=V, COUNTRY.population=V, COUNTRY.area=V (km²), COUNTRY.soldiers=V or COUNTRY.soldiers.COMPONENT=V, e.g. --set jnim.fighters=8000";

impl Override {
    pub(crate) fn parse(text: &str) -> Result<Override, Error> {
        let usage = |why: String| Error::Usage(format!("--set {text}: {why}"));
        let (target, value) = text
            .split_once('=')
            .ok_or_else(|| usage(format!("expected {FORMS}")))?;
        let parts: Vec<&str> = target.trim().split('.').collect();
        let (entity, quantity, component) = match parts.as_slice() {
            [entity, quantity] => (*entity, *quantity, None),
            [entity, quantity, component] => (*entity, *quantity, Some(*component)),
            _ => return Err(usage(format!("expected {FORMS}"))),
        };
        let quantity = Quantity::parse(quantity).ok_or_else(|| {
            usage(format!(
                "unknown quantity \"{quantity}\"; {}",
                choices_help(quantity, &["fighters", "soldiers", "population", "area"])
            ))
        })?;
        if let Some(component) = component {
            if quantity != Quantity::Soldiers {
                return Err(usage(format!(
                    "only soldiers have components; write {entity}.{quantity}=V"
                )));
            }
            if !COMPONENTS.contains(&component) {
                return Err(usage(format!(
                    "unknown soldier component \"{component}\"; {}",
                    choices_help(component, COMPONENTS)
                )));
            }
        }
        let value_text = value.trim();
        let value = parse_plain_number(value_text)
            .map_err(|help| usage(format!("not a number: \"{value_text}\"; {help}")))?;
        if value == 0.0 && quantity != Quantity::Soldiers {
            return Err(usage(format!("{quantity} must be greater than zero")));
        }
        Ok(Override {
            entity: entity.to_string(),
            quantity,
            component: component.map(String::from),
            value,
            text: text.trim().to_string(),
            by: None,
        })
    }

    /// The entity must exist and be of the kind the quantity belongs to.
    pub(crate) fn check(&self, data: &Dataset) -> Result<(), Error> {
        let Entities { kind, ids, listed } = data.entities_of(self.quantity);
        if ids.contains(&self.entity.as_str()) {
            return Ok(());
        }
        let hint = if self.quantity == Quantity::Fighters && data.country(&self.entity).is_some() {
            "fighters belong to a group, not a country".to_string()
        } else if self.quantity != Quantity::Fighters && data.group(&self.entity).is_some() {
            format!("{} belongs to a country, not a group", self.quantity)
        } else {
            ids_help(&self.entity, &ids, listed)
        };
        Err(Error::Usage(format!(
            "--set {}: unknown {kind} \"{}\"; {hint}",
            self.text, self.entity
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms() {
        let o = Override::parse("jnim.fighters=8000").unwrap();
        assert_eq!(
            (o.entity.as_str(), o.quantity, o.value),
            ("jnim", Quantity::Fighters, 8000.0)
        );
        let o = Override::parse("burkina-faso.soldiers.militia=60000").unwrap();
        assert_eq!(o.component.as_deref(), Some("militia"));
    }

    #[test]
    fn rejects_bad_forms() {
        for bad in [
            "jnim.fighters",
            "jnim.fighter=1",
            "jnim.fighters=6,000",
            "mali.population.army=5",
            "mali.soldiers.navy=5",
            "jnim.fighters=0",
        ] {
            assert!(
                matches!(Override::parse(bad), Err(Error::Usage(_))),
                "{bad} accepted"
            );
        }
    }
}
