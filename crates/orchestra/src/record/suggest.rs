//! "Did you mean" by edit distance.

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

/// The closest candidate: a case-insensitive match first, else the smallest edit
/// distance within a third of the length (at least 2).
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if let Some(exact) = candidates.iter().find(|c| c.eq_ignore_ascii_case(given)) {
        return Some(exact);
    }
    let limit = (given.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&given.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        let names = ["Status", "Priority", "Due Date", "Progress"];
        assert_eq!(did_you_mean("status", names), Some("Status"));
        assert_eq!(did_you_mean("Priorty", names), Some("Priority"));
        assert_eq!(did_you_mean("DueDate", names), Some("Due Date"));
        assert_eq!(did_you_mean("Colour", names), None);
    }
}
