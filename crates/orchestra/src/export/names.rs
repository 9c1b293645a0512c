//! File names of exported documents: a slug of the title, made unique.

use std::collections::HashSet;

/// `Daily Report 2026-11-26` -> `daily-report-2026-11-26`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(80)
        .collect::<String>();
    if out.is_empty() {
        "untitled".to_owned()
    } else {
        out
    }
}

/// Names handed out so far.
#[derive(Debug, Default)]
pub struct FileNames {
    used: HashSet<String>,
}

impl FileNames {
    /// A name for `title` not handed out before (`name`, `name-2`, ...).
    pub fn unique(&mut self, title: &str) -> String {
        let base = slug(title);
        let mut name = base.clone();
        let mut n = 2;
        while !self.used.insert(name.clone()) {
            name = format!("{base}-{n}");
            n += 1;
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_dashed_and_unique() {
        assert_eq!(slug("Daily Report 2026-11-26"), "daily-report-2026-11-26");
        assert_eq!(slug("  ?? "), "untitled");
        let mut names = FileNames::default();
        assert_eq!(names.unique("A b"), "a-b");
        assert_eq!(names.unique("A  b!"), "a-b-2");
    }
}
