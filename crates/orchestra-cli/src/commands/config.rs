//! `orchestra config show`.

use std::path::Path;
use std::process::ExitCode;

use orchestra::env::Environment;

use super::say_json;
use crate::cli::Output;

/// Prints the effective configuration with secrets redacted.
pub(crate) fn show(config_path: &Path, _output: Output) -> anyhow::Result<ExitCode> {
    let (config, _) = crate::session::load(config_path)?;
    let mut view = orchestra::config::redacted_view(&config, &Environment::from_env());
    if let Some(obj) = view.as_object_mut() {
        obj.insert(
            "config_file".to_owned(),
            config_path.display().to_string().into(),
        );
    }
    say_json(&view)?;
    Ok(ExitCode::SUCCESS)
}
