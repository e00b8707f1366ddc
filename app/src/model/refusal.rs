//! Reading ECS's refusals. Its messages are free text, so each resource lists the words that name
//! a documented refusal (`model::server::explain`, `template::explain`, `create_check::explain`),
//! and the first rule whose words a message contains decides what the panel says.

/// The answer of the first rule whose words `message` contains, ignoring case.
pub fn first_rule<T: Copy>(message: &str, rules: &[(&str, T)]) -> Option<T> {
    let m = message.to_lowercase();
    rules
        .iter()
        .find(|(needle, _)| m.contains(needle))
        .map(|(_, answer)| *answer)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_matching_rule_wins_whatever_the_case() {
        let rules = [("not found", 1), ("group", 2)];
        assert_eq!(super::first_rule("Group NOT FOUND", &rules), Some(1));
        assert_eq!(super::first_rule("bad group", &rules), Some(2));
        assert_eq!(super::first_rule("busy", &rules), None);
    }
}
