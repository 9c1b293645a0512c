//! Fault injection with a seeded RNG, so runs repeat: error statuses, dropped connections,
//! delays, and "committed then 503" writes.

use serde::{Deserialize, Serialize};

/// The JSON of `PUT /_emulator/faults` and `--faults`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FaultSpec {
    /// RNG seed for probabilistic rules (0 when absent).
    #[serde(default)]
    pub seed: Option<u64>,
    /// Rules, checked in order.
    #[serde(default)]
    pub rules: Vec<FaultRule>,
}

/// One fault rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FaultRule {
    /// `status` (default when `status` is set), `commit_then_503`, `drop_connection` or `delay_ms`.
    #[serde(default)]
    pub kind: Option<String>,
    /// The error status for `status` rules: 409, 429, 500, 502, 503, 504 or 529.
    #[serde(default)]
    pub status: Option<u16>,
    /// Milliseconds for `delay_ms`.
    #[serde(default)]
    pub value: Option<u64>,
    /// Chance per matching request.
    #[serde(default)]
    pub probability: Option<f64>,
    /// Fire on the next N matching requests.
    #[serde(default)]
    pub next: Option<u32>,
    /// Only these methods (any when absent).
    #[serde(default)]
    pub methods: Option<Vec<String>>,
    /// Only this path: an exact path, a template (`/v1/pages/{id}`) or a prefix.
    #[serde(default)]
    pub path: Option<String>,
}

/// What the gate should do with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    Status(u16),
    CommitThen503,
    DropConnection,
}

/// The decision for one request: an optional delay, then an optional fault.
#[derive(Debug, Default)]
pub(crate) struct Decision {
    pub(crate) delay_ms: u64,
    pub(crate) fault: Option<Fault>,
}

/// Active rules and the RNG.
#[derive(Debug)]
pub(crate) struct Faults {
    rules: Vec<FaultRule>,
    rng: fastrand::Rng,
}

/// Statuses a `status` rule may inject.
pub(crate) const STATUSES: [u16; 7] = [409, 429, 500, 502, 503, 504, 529];

impl FaultSpec {
    /// Checks kinds and statuses.
    ///
    /// # Errors
    /// A message naming the first bad rule.
    pub fn validate(&self) -> Result<(), String> {
        for (i, rule) in self.rules.iter().enumerate() {
            match rule.kind() {
                "status" => {
                    let status = rule.status.unwrap_or(0);
                    if !STATUSES.contains(&status) {
                        return Err(format!(
                            "rules[{i}].status must be one of {STATUSES:?}, got {status}"
                        ));
                    }
                }
                "commit_then_503" | "drop_connection" => {}
                "delay_ms" if rule.value.is_some() => {}
                "delay_ms" => return Err(format!("rules[{i}].value is required for delay_ms")),
                other => return Err(format!("rules[{i}].kind {other:?} is unknown")),
            }
            if let Some(p) = rule.probability
                && !(0.0..=1.0).contains(&p)
            {
                return Err(format!("rules[{i}].probability must be within 0..=1"));
            }
        }
        Ok(())
    }
}

impl FaultRule {
    fn kind(&self) -> &str {
        match self.kind.as_deref() {
            Some(kind) => kind,
            None if self.status.is_some() => "status",
            None => "status",
        }
    }

    fn matches(&self, method: &str, path: &str, template: &str) -> bool {
        if let Some(methods) = &self.methods
            && !methods.iter().any(|m| m.eq_ignore_ascii_case(method))
        {
            return false;
        }
        match &self.path {
            None => true,
            Some(p) => p == path || p == template || path.starts_with(p.as_str()),
        }
    }
}

impl Faults {
    pub(crate) fn new(spec: FaultSpec) -> Self {
        Self {
            rng: fastrand::Rng::with_seed(spec.seed.unwrap_or(0)),
            rules: spec.rules,
        }
    }

    /// Decides for one request (consumes `next` counters and RNG draws).
    pub(crate) fn decide(&mut self, method: &str, path: &str, template: &str) -> Decision {
        let mut decision = Decision::default();
        for rule in &mut self.rules {
            if decision.fault.is_some() {
                break;
            }
            if !rule.matches(method, path, template) {
                continue;
            }
            let fires = match (rule.next, rule.probability) {
                (Some(0), _) => false,
                (Some(n), _) => {
                    rule.next = Some(n - 1);
                    true
                }
                (None, Some(p)) => self.rng.f64() < p,
                (None, None) => true,
            };
            if !fires {
                continue;
            }
            match rule.kind() {
                "delay_ms" => decision.delay_ms += rule.value.unwrap_or(0),
                "commit_then_503" => decision.fault = Some(Fault::CommitThen503),
                "drop_connection" => decision.fault = Some(Fault::DropConnection),
                _ => decision.fault = Some(Fault::Status(rule.status.unwrap_or(500))),
            }
        }
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: &str) -> FaultSpec {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn next_n_fires_exactly_n_times_on_matching_requests() {
        let mut faults = Faults::new(spec(
            r#"{"rules":[{"status":503,"next":2,"methods":["POST"],"path":"/v1/pages"}]}"#,
        ));
        assert_eq!(
            faults.decide("GET", "/v1/pages/x", "/v1/pages/{id}").fault,
            None
        );
        assert_eq!(
            faults.decide("POST", "/v1/pages", "/v1/pages").fault,
            Some(Fault::Status(503))
        );
        assert_eq!(
            faults.decide("POST", "/v1/pages", "/v1/pages").fault,
            Some(Fault::Status(503))
        );
        assert_eq!(faults.decide("POST", "/v1/pages", "/v1/pages").fault, None);
    }

    #[test]
    fn same_seed_same_sequence() {
        let json = r#"{"seed":7,"rules":[{"status":500,"probability":0.5}]}"#;
        let run = || {
            let mut faults = Faults::new(spec(json));
            (0..50)
                .map(|_| {
                    faults
                        .decide("GET", "/v1/users", "/v1/users")
                        .fault
                        .is_some()
                })
                .collect::<Vec<_>>()
        };
        let first = run();
        assert_eq!(first, run());
        assert!(first.iter().any(|f| *f) && first.iter().any(|f| !*f));
    }

    #[test]
    fn validation_rejects_unknown_statuses() {
        assert!(spec(r#"{"rules":[{"status":418}]}"#).validate().is_err());
        assert!(
            spec(r#"{"rules":[{"kind":"delay_ms","value":5}]}"#)
                .validate()
                .is_ok()
        );
    }
}
