//! This machine's CPU, memory, disk and load, measured with `sysinfo`.

use std::path::Path;

use sysinfo::{CpuRefreshKind, Disks, MemoryRefreshKind, RefreshKind, System};

use super::level::Rule;
use super::measurement::Measurement;

/// Names of the system metrics.
pub const CPU_USAGE: &str = "CPU Usage";
/// Memory used, percent.
pub const MEMORY_USED: &str = "Memory Used";
/// Disk used, percent, of the filesystem holding the configuration.
pub const DISK_USED: &str = "Disk Used";
/// The 1-minute load average.
pub const LOAD_AVERAGE: &str = "Load Average (1m)";

/// Measures CPU usage (over [`sysinfo::MINIMUM_CPU_UPDATE_INTERVAL`]), memory used %,
/// disk used % of the filesystem holding `folder`, and the 1-minute load average.
/// Defaults: CPU warning 80 / critical 95, memory 85 / 95, disk 80 / 90, load one / two
/// per CPU; `[thresholds.<metric>]` overrides them.
pub async fn measure_system(folder: &Path) -> Vec<Measurement> {
    let mut sys = System::new_with_specifics(
        RefreshKind::nothing()
            .with_cpu(CpuRefreshKind::nothing().with_cpu_usage())
            .with_memory(MemoryRefreshKind::nothing().with_ram()),
    );
    tokio::time::sleep(sysinfo::MINIMUM_CPU_UPDATE_INTERVAL).await;
    sys.refresh_cpu_usage();
    let cpus = sys.cpus().len().max(1) as f64;
    let mut out = Vec::new();
    let cpu = f64::from(sys.global_cpu_usage());
    out.push(system(
        CPU_USAGE,
        if cpu.is_finite() { cpu } else { 0.0 },
        Rule::higher(80.0, 95.0),
    ));
    if sys.total_memory() > 0 {
        let used = sys.used_memory() as f64 / sys.total_memory() as f64 * 100.0;
        out.push(system(MEMORY_USED, used, Rule::higher(85.0, 95.0)));
    }
    if let Some(used) = disk_used_percent(folder) {
        out.push(system(DISK_USED, used, Rule::higher(80.0, 90.0)).category("Availability"));
    }
    let load = System::load_average().one;
    if load.is_finite() {
        out.push(system(LOAD_AVERAGE, load, Rule::higher(cpus, 2.0 * cpus)));
    }
    out
}

fn system(metric: &str, value: f64, rule: Rule) -> Measurement {
    let mut m = Measurement::new(metric, (value * 100.0).round() / 100.0).category("Performance");
    m.default_rule = Some(rule);
    m
}

/// Used % of the filesystem whose mount point is the longest prefix of `folder`.
fn disk_used_percent(folder: &Path) -> Option<f64> {
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    let disks = Disks::new_with_refreshed_list();
    let disk = disks
        .list()
        .iter()
        .filter(|d| folder.starts_with(d.mount_point()) && d.total_space() > 0)
        .max_by_key(|d| d.mount_point().as_os_str().len())?;
    let used = disk.total_space().saturating_sub(disk.available_space());
    Some(used as f64 / disk.total_space() as f64 * 100.0)
}
