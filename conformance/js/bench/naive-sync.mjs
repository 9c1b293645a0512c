// The naive sync with the official SDK: for each record, query the data source by key, then
// update the row found (all properties) or create it. Sequential, SDK defaults (it retries
// 429s after Retry-After, at most twice).
//
// node naive-sync.mjs <base_url> <token> <data_source_id> [count] [every]
// Prints one JSON line: {records, created, updated, failed, requests_sent, wall_seconds}.
import { Client } from "@notionhq/client";
import { notionProperties, records } from "./records.mjs";

const [baseUrl, auth, dataSourceId, count = "1000", every = "10"] = process.argv.slice(2);
let requestsSent = 0;
const countingFetch = (...args) => {
  requestsSent += 1;
  return fetch(...args);
};
const notion = new Client({ auth, baseUrl, notionVersion: "2025-09-03", fetch: countingFetch });

const started = performance.now();
const result = { records: 0, created: 0, updated: 0, failed: 0 };
for (const record of records(Number(count), Number(every))) {
  result.records += 1;
  try {
    const found = await notion.dataSources.query({
      data_source_id: dataSourceId,
      filter: { property: "Name", title: { equals: record.Name } },
      page_size: 1,
    });
    if (found.results.length > 0) {
      await notion.pages.update({ page_id: found.results[0].id, properties: notionProperties(record) });
      result.updated += 1;
    } else {
      await notion.pages.create({
        parent: { type: "data_source_id", data_source_id: dataSourceId },
        properties: notionProperties(record),
      });
      result.created += 1;
    }
  } catch (err) {
    result.failed += 1;
    if (result.failed <= 3) console.error(`${record.Name}: ${err.code ?? ""} ${err.message}`);
  }
}
result.requests_sent = requestsSent;
result.wall_seconds = Number(((performance.now() - started) / 1000).toFixed(1));
console.log(JSON.stringify(result));
