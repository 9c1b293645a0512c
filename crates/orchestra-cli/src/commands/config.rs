//! `orchestra config show`.

use std::path::Path;
use std::process::ExitCode;

use orchestra::env::Environment;

use super::{say, say_json};
use crate::cli::Output;

/// Prints the effective configuration with secrets redacted: readable TOML, or JSON with
/// `--json`.
pub(crate) fn show(config_path: &Path, output: Output) -> anyhow::Result<ExitCode> {
    let (config, _) = crate::session::load(config_path)?;
    let env = Environment::from_env();
    if !output.json {
        say(&format!(
            "# {} (effective configuration, secrets redacted)\n",
            config_path.display()
        ))?;
        say(orchestra::config::redacted_text(&config, &env).trim_end())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut view = orchestra::config::redacted_view(&config, &env);
    if let Some(obj) = view.as_object_mut() {
        obj.insert(
            "config_file".to_owned(),
            config_path.display().to_string().into(),
        );
    }
    say_json(&view)?;
    Ok(ExitCode::SUCCESS)
}
