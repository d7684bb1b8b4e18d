//! Which group an actor name belongs to, through the `aliases` of groups.csv and the
//! spellings of actors.csv. A name that
//! is exactly an alias (or the group's id or name) is the group alone; a joint
//! attribution such as "JNIM: ... and/or Islamic State (Greater Sahara)" names the group
//! with another and is counted apart, never merged.

use crate::data::Dataset;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attribution {
    Sole,
    Joint,
    /// A unit named after the group: `Taliban - Red Unit`, the name before " - " one
    /// of the group's (counted as the group, and named in the summary).
    Unit,
}

impl Attribution {
    /// Whether the event is the group's own (not shared with another group).
    pub(crate) fn alone(self) -> bool {
        matches!(self, Attribution::Sole | Attribution::Unit)
    }
}

pub(crate) struct Matcher {
    /// (group id, the names it goes by).
    groups: Vec<(String, Vec<String>)>,
}

impl Matcher {
    pub(crate) fn new(data: &Dataset) -> Matcher {
        let groups = data
            .groups
            .iter()
            .map(|g| {
                let mut names: Vec<String> = g.aliases.clone();
                // The spellings an event dataset gives it (`actors.csv`, from UCDP).
                for actor in data.actors.iter().filter(|a| a.group == g.id) {
                    names.extend(actor.names.iter().cloned());
                }
                names.push(g.id.clone());
                names.push(g.name.clone());
                (g.id.clone(), names)
            })
            .collect();
        Matcher { groups }
    }

    /// How an actor name involves `group`, if at all.
    pub(crate) fn attribution(&self, group: usize, actor: &str) -> Option<Attribution> {
        let actor = actor.trim();
        if actor.is_empty() {
            return None;
        }
        let names = &self.groups[group].1;
        if names.iter().any(|n| n == actor) {
            return Some(Attribution::Sole);
        }
        let joint = actor.contains(" and/or ");
        if joint
            && actor
                .split(" and/or ")
                .any(|part| names.iter().any(|n| n == part.trim()))
        {
            return Some(Attribution::Joint);
        }
        // "Group - Unit": the group's, unless another group goes by the whole name
        // (`Islamic State (West Africa) - Greater Sahara Faction` is IS Sahel's).
        let (head, _) = actor.split_once(" - ")?;
        let claimed = self
            .groups
            .iter()
            .any(|(_, n)| n.iter().any(|n| n == actor));
        (!joint && !claimed && names.iter().any(|n| n == head.trim())).then_some(Attribution::Unit)
    }

    /// Keeps only the groups named.
    pub(crate) fn retain(&mut self, ids: &[String]) {
        self.groups.retain(|(id, _)| ids.contains(id));
    }

    pub(crate) fn len(&self) -> usize {
        self.groups.len()
    }

    pub(crate) fn id(&self, group: usize) -> &str {
        &self.groups[group].0
    }
}
