//! Natural order for names people give: "web-2" before "web-10", capitals ignored.

/// A key that sorts text by its letters (ignoring case) and its runs of digits by their value.
pub fn natural_key(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let trimmed = digits.trim_start_matches('0');
            // Compared by length first, so numbers of any size keep their order.
            parts.push(Part::Number(trimmed.len(), trimmed.to_string()));
        } else {
            let mut word = String::new();
            while let Some(&w) = chars.peek().filter(|w| !w.is_ascii_digit()) {
                word.extend(w.to_lowercase());
                chars.next();
            }
            parts.push(Part::Text(word));
        }
    }
    parts
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// Digits first: "2" before "a".
    Number(usize, String),
    Text(String),
}

#[cfg(test)]
mod tests {
    use super::natural_key;

    #[test]
    fn numbers_by_value_and_letters_without_case() {
        let mut names = vec![
            "web-10",
            "Web-2",
            "web-1",
            "db",
            "web-02x",
            "a99999999999999999999999",
            "a3",
        ];
        names.sort_by_key(|n| natural_key(n));
        assert_eq!(
            names,
            [
                "a3",
                "a99999999999999999999999",
                "db",
                "web-1",
                "Web-2",
                "web-02x",
                "web-10"
            ]
        );
    }
}
