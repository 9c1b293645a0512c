// The benchmark's records: 1,000 projects, and the same list with 100 of them changed.
// Both the Rust sync (as a JSON records file) and the naive SDK job use these.

export const STATUSES = ["Active", "In Progress", "Completed", "On Hold"];
export const PRIORITIES = ["Critical", "High", "Medium", "Low"];

/** Record n (0-based) as plain values keyed by the brief's property names. */
export function project(n, changed = false) {
  return {
    Name: `Project ${String(n).padStart(4, "0")}`,
    Status: STATUSES[n % 4],
    Priority: PRIORITIES[(n >> 2) % 4],
    Progress: changed ? (n * 7 + 13) % 101 : n % 101,
    "Due Date": `2026-${String((n % 12) + 1).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}`,
    Description: changed ? `Project number ${n}, revised` : `Project number ${n}`,
  };
}

/** `count` records; every `every`-th one changed (100 of 1,000 with every = 10). */
export function records(count, every = 0) {
  return Array.from({ length: count }, (_, n) => project(n, every > 0 && n % every === 0));
}

/** A record as Notion page properties (Progress is a percent property: stored as 0-1). */
export function notionProperties(record) {
  return {
    Name: { title: [{ text: { content: record.Name } }] },
    Status: { select: { name: record.Status } },
    Priority: { select: { name: record.Priority } },
    Progress: { number: record.Progress / 100 },
    "Due Date": { date: { start: record["Due Date"] } },
    Description: { rich_text: [{ text: { content: record.Description } }] },
  };
}
