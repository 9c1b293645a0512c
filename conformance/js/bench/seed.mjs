// Seeds the benchmark's 1,000 projects straight through the API (used with the emulator's
// rate limit switched off, so seeding is not part of any measurement).
//
// node seed.mjs <base_url> <token> <data_source_id> [count]
import { Client } from "@notionhq/client";
import { notionProperties, records } from "./records.mjs";

const [baseUrl, auth, dataSourceId, count = "1000"] = process.argv.slice(2);
const notion = new Client({ auth, baseUrl, notionVersion: "2025-09-03" });
const queue = records(Number(count));
async function worker() {
  for (let record = queue.shift(); record; record = queue.shift()) {
    await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: dataSourceId },
      properties: notionProperties(record),
    });
  }
}
await Promise.all(Array.from({ length: 8 }, worker));
