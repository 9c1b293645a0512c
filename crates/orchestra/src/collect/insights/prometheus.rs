//! The Prometheus text exposition format, simple lines only: `name{labels} value [timestamp]`.

use super::measurement::Measurement;

/// Parses Prometheus text: comments and blank lines are skipped; each sample becomes a
/// measurement named `name` or `name{label="value",...}`. Lines that are not samples,
/// and NaN or infinite values (Notion cannot store them), come back as warnings naming
/// their line number.
pub fn parse_prometheus(text: &str) -> (Vec<Measurement>, Vec<String>) {
    let mut samples = Vec::new();
    let mut warnings = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line) {
            Ok((name, value)) if value.is_finite() => samples.push(Measurement::new(name, value)),
            Ok((name, _)) => warnings.push(format!(
                "line {}: {name} is not a finite number; skipped",
                i + 1
            )),
            Err(message) => warnings.push(format!("line {}: {message}; skipped", i + 1)),
        }
    }
    (samples, warnings)
}

fn parse_line(line: &str) -> Result<(String, f64), String> {
    let name_end = line
        .find(|c: char| c == '{' || c.is_whitespace())
        .ok_or("expected `name value`")?;
    let name = &line[..name_end];
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
        || name.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(format!("{name:?} is not a metric name"));
    }
    let (labels, rest) = if line[name_end..].starts_with('{') {
        let close = closing_brace(&line[name_end..]).ok_or("unclosed `{`")?;
        let inner = &line[name_end + 1..name_end + close];
        (labels(inner)?, &line[name_end + close + 1..])
    } else {
        (Vec::new(), &line[name_end..])
    };
    let value = rest.split_whitespace().next().ok_or("no value")?;
    let value = match value {
        "+Inf" | "Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        "NaN" => f64::NAN,
        v => v
            .parse::<f64>()
            .map_err(|_| format!("{v:?} is not a number"))?,
    };
    let metric = if labels.is_empty() {
        name.to_owned()
    } else {
        let pairs: Vec<String> = labels.iter().map(|(k, v)| format!("{k}=\"{v}\"")).collect();
        format!("{name}{{{}}}", pairs.join(","))
    };
    Ok((metric, value))
}

/// The index of the `}` closing the `{` at 0, skipping quoted values.
fn closing_brace(text: &str) -> Option<usize> {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '}' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

fn labels(inner: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut rest = inner.trim();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=').ok_or("expected label=\"value\"")?;
        let after = after.trim_start();
        let body = after
            .strip_prefix('"')
            .ok_or("label values must be quoted")?;
        let mut value = String::new();
        let mut escaped = false;
        let mut end = None;
        for (i, c) in body.char_indices() {
            match c {
                _ if escaped => {
                    value.push(match c {
                        'n' => '\n',
                        other => other,
                    });
                    escaped = false;
                }
                '\\' => escaped = true,
                '"' => {
                    end = Some(i);
                    break;
                }
                other => value.push(other),
            }
        }
        let end = end.ok_or("unclosed label value")?;
        out.push((key.trim().to_owned(), value));
        rest = body[end + 1..].trim_start().trim_start_matches(',').trim();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_and_values(text: &str) -> Vec<(String, f64)> {
        parse_prometheus(text)
            .0
            .into_iter()
            .map(|m| (m.metric, m.value))
            .collect()
    }

    #[test]
    fn samples_with_and_without_labels() {
        let text = "# HELP http_requests_total Requests.\n\
                    # TYPE http_requests_total counter\n\
                    http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000\n\
                    http_requests_total{ method = \"get\" , code=\"500\" } 3\n\
                    \n\
                    queue_depth 12.5\n\
                    process_start_time_seconds 1.7e9\n";
        assert_eq!(
            names_and_values(text),
            vec![
                (
                    "http_requests_total{method=\"post\",code=\"200\"}".to_owned(),
                    1027.0
                ),
                (
                    "http_requests_total{method=\"get\",code=\"500\"}".to_owned(),
                    3.0
                ),
                ("queue_depth".to_owned(), 12.5),
                ("process_start_time_seconds".to_owned(), 1.7e9),
            ]
        );
    }

    #[test]
    fn quoted_braces_and_escapes_in_label_values() {
        let text = "api_errors{path=\"/a}b\",msg=\"say \\\"hi\\\"\"} 2\n";
        assert_eq!(
            names_and_values(text),
            vec![(
                "api_errors{path=\"/a}b\",msg=\"say \"hi\"\"}".to_owned(),
                2.0
            )]
        );
    }

    #[test]
    fn bad_lines_and_non_finite_values_are_warnings_with_line_numbers() {
        let text = "good 1\nbad line here\nnan_metric NaN\n9lives 3\nunclosed{a=\"b\" 4\n";
        let (samples, warnings) = parse_prometheus(text);
        assert_eq!(samples.len(), 1);
        assert_eq!(warnings.len(), 4, "{warnings:?}");
        assert!(warnings[0].starts_with("line 2:"), "{warnings:?}");
        assert!(warnings[1].starts_with("line 3:"), "{warnings:?}");
        assert!(warnings[2].contains("not a metric name"), "{warnings:?}");
        assert!(warnings[3].contains("unclosed"), "{warnings:?}");
    }
}
