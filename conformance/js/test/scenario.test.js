// The official JavaScript SDK, unmodified, against notion-emulator, for both current API versions.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  Client,
  APIErrorCode,
  APIResponseError,
  collectPaginatedAPI,
  iteratePaginatedAPI,
  isFullPage,
  isNotionClientError,
} from "@notionhq/client";
import { startEmulator } from "./harness.js";

let emu;
before(async () => {
  emu = await startEmulator();
});
after(async () => {
  await emu?.stop();
});

const text = (content) => [{ type: "text", text: { content } }];
const plain = (richText) => richText.map((t) => t.plain_text).join("");

for (const notionVersion of ["2025-09-03", "2026-03-11"]) {
  test(`official SDK scenario, Notion-Version ${notionVersion}`, async (t) => {
    const notion = new Client({ auth: emu.token, baseUrl: emu.base_url, notionVersion, retry: false });
    const root = emu.root_page_id;

    // A target database for relations and rollups.
    const targetDb = await notion.databases.create({
      parent: { type: "page_id", page_id: root },
      title: text(`Targets ${notionVersion}`),
      initial_data_source: {
        properties: { Name: { title: {} }, Score: { number: { format: "number" } } },
      },
    });
    assert.equal(targetDb.object, "database");
    const targetDs = targetDb.data_sources[0].id;
    const targets = [];
    for (const [name, score] of [["alpha", 3], ["beta", 4]]) {
      const page = await notion.pages.create({
        parent: { type: "data_source_id", data_source_id: targetDs },
        properties: { Name: { title: text(name) }, Score: { number: score } },
      });
      targets.push(page.id);
    }

    // A database with every writable property type, plus computed ones.
    const db = await notion.databases.create({
      parent: { type: "page_id", page_id: root },
      title: text(`Everything ${notionVersion}`),
      initial_data_source: {
        properties: {
          Name: { title: {} },
          Notes: { rich_text: {} },
          Progress: { number: { format: "percent" } },
          Priority: { select: { options: [{ name: "High", color: "red" }, { name: "Low", color: "gray" }] } },
          Tags: { multi_select: { options: [{ name: "api" }, { name: "docs" }] } },
          Stage: { status: {} },
          Due: { date: {} },
          Owner: { people: {} },
          Attachments: { files: {} },
          Done: { checkbox: {} },
          Link: { url: {} },
          Mail: { email: {} },
          Phone: { phone_number: {} },
          Targets: { relation: { data_source_id: targetDs, type: "dual_property", dual_property: {} } },
          Total: { rollup: { relation_property_name: "Targets", rollup_property_name: "Score", function: "sum" } },
          Ticket: { unique_id: { prefix: "T" } },
          Created: { created_time: {} },
          Creator: { created_by: {} },
          Edited: { last_edited_time: {} },
          Editor: { last_edited_by: {} },
        },
      },
    });
    const dsId = db.data_sources[0].id;
    const ds = await notion.dataSources.retrieve({ data_source_id: dsId });
    assert.equal(ds.object, "data_source");
    assert.equal(ds.properties.Progress.number.format, "percent");
    assert.equal(ds.properties.Targets.relation.data_source_id, targetDs);

    const users = await collectPaginatedAPI(notion.users.list, {});
    const person = users.find((u) => u.type === "person");
    assert.ok(person, "the workspace has at least one person");

    // 25 pages of every property type, so that a page_size of 10 needs three pages of results.
    for (let i = 0; i < 25; i++) {
      const page = await notion.pages.create({
        parent: { type: "data_source_id", data_source_id: dsId },
        properties: {
          Name: { title: text(`Task ${String(i).padStart(2, "0")}`) },
          Notes: { rich_text: text(i % 2 ? "odd" : "even") },
          Progress: { number: i / 25 },
          Priority: { select: { name: i % 3 === 0 ? "High" : "Low" } },
          Tags: { multi_select: i % 5 === 0 ? [{ name: "api" }, { name: "new-tag" }] : [{ name: "docs" }] },
          Stage: { status: { name: i % 2 ? "Done" : "In progress" } },
          Due: { date: { start: `2026-05-${String((i % 28) + 1).padStart(2, "0")}` } },
          Owner: { people: [{ id: person.id }] },
          Attachments: { files: [{ name: "spec", type: "external", external: { url: "https://example.com/spec.pdf" } }] },
          Done: { checkbox: i % 2 === 1 },
          Link: { url: `https://example.com/${i}` },
          Mail: { email: `task${i}@example.com` },
          Phone: { phone_number: "+1 555 0100" },
          Targets: { relation: i === 0 ? targets.map((id) => ({ id })) : [] },
        },
      });
      assert.ok(isFullPage(page));
      if (i === 0) {
        assert.equal(page.properties.Total.rollup.number, 7, "sum rollup over both targets");
        assert.equal(page.properties.Ticket.unique_id.prefix, "T");
        assert.equal(page.properties.Tags.multi_select.length, 2);
        if (notionVersion === "2026-03-11") assert.equal("archived" in page, false);
        else assert.equal(page.archived, false);
      }
    }
    // The new option was added to the schema; the dual relation shows up on the target.
    const after = await notion.dataSources.retrieve({ data_source_id: dsId });
    assert.ok(after.properties.Tags.multi_select.options.some((o) => o.name === "new-tag"));
    const alpha = await notion.pages.retrieve({ page_id: targets[0] });
    const back = Object.values(alpha.properties).find((p) => p.type === "relation");
    assert.equal(back.relation.length, 1, "dual property kept in sync");

    // Query with a compound filter and sorts, across pages of results.
    const filter = {
      and: [
        { property: "Done", checkbox: { equals: false } },
        { or: [{ property: "Priority", select: { equals: "Low" } }, { property: "Tags", multi_select: { contains: "api" } }] },
      ],
    };
    const sorts = [{ property: "Name", direction: "descending" }];
    const seen = [];
    for await (const row of iteratePaginatedAPI(notion.dataSources.query, { data_source_id: dsId, filter, sorts, page_size: 4 })) {
      seen.push(plain(row.properties.Name.title));
    }
    const expected = [];
    for (let i = 24; i >= 0; i--) {
      const done = i % 2 === 1;
      const low = i % 3 !== 0;
      const api = i % 5 === 0;
      if (!done && (low || api)) expected.push(`Task ${String(i).padStart(2, "0")}`);
    }
    assert.deepEqual(seen, expected);
    const firstPage = await notion.dataSources.query({ data_source_id: dsId, page_size: 10 });
    assert.equal(firstPage.results.length, 10);
    assert.equal(firstPage.has_more, true);
    assert.equal(typeof firstPage.next_cursor, "string");

    // Nested blocks: append two levels, then a third under the returned id.
    const pageId = (await notion.pages.create({
      parent: { type: "page_id", page_id: root },
      properties: { title: { title: text(`Blocks ${notionVersion}`) } },
    })).id;
    const appended = await notion.blocks.children.append({
      block_id: pageId,
      children: [
        { heading_2: { rich_text: text("Plan") } },
        {
          toggle: {
            rich_text: text("Details"),
            children: [{ bulleted_list_item: { rich_text: text("level two") } }],
          },
        },
      ],
    });
    assert.equal(appended.results.length, 2);
    const toggle = appended.results[1];
    const inner = await notion.blocks.children.list({ block_id: toggle.id });
    assert.equal(plain(inner.results[0].bulleted_list_item.rich_text), "level two");
    const positionArgs =
      notionVersion === "2026-03-11"
        ? { position: { type: "after_block", after_block: { id: appended.results[0].id } } }
        : { after: appended.results[0].id };
    await notion.blocks.children.append({ block_id: pageId, children: [{ paragraph: { rich_text: text("between") } }], ...positionArgs });
    const top = await collectPaginatedAPI(notion.blocks.children.list, { block_id: pageId });
    assert.deepEqual(top.map((b) => b.type), ["heading_2", "paragraph", "toggle"]);

    // Comments.
    const comment = await notion.comments.create({ parent: { page_id: pageId }, rich_text: text("Looks good") });
    assert.equal(comment.object, "comment");
    const comments = await notion.comments.list({ block_id: pageId });
    assert.equal(plain(comments.results[0].rich_text), "Looks good");

    // Page content as Markdown: read, edit with search-and-replace, create from Markdown.
    const md = await notion.pages.retrieveMarkdown({ page_id: pageId });
    assert.equal(md.object, "page_markdown");
    assert.equal(md.truncated, false);
    assert.ok(md.markdown.includes("## Plan"), md.markdown);
    const edited = await notion.pages.updateMarkdown({
      page_id: pageId,
      type: "update_content",
      update_content: { content_updates: [{ old_str: "between", new_str: "in **between**" }] },
    });
    assert.ok(edited.markdown.includes("in **between**"), edited.markdown);
    const afterEdit = await collectPaginatedAPI(notion.blocks.children.list, { block_id: pageId });
    assert.deepEqual(afterEdit.map((b) => b.type), ["heading_2", "paragraph", "toggle"]);
    const fromMarkdown = await notion.pages.create({
      parent: { type: "page_id", page_id: root },
      markdown: `# Notes ${notionVersion}\n\n- [ ] Draft proposal`,
    });
    assert.equal(plain(fromMarkdown.properties.title.title), `Notes ${notionVersion}`);
    // The same edit queued with allow_async (202), then polled through asyncTasks.
    const queued = await notion.pages.updateMarkdown({
      page_id: fromMarkdown.id,
      type: "replace_content",
      replace_content: { new_str: "Queued edit" },
      allow_async: true,
    });
    assert.equal(queued.object, "async_task");
    assert.equal(queued.status, "queued");
    const task = await notion.asyncTasks.retrieve({ task_id: queued.id });
    assert.equal(task.status, "succeeded");
    assert.equal(task.result.markdown, "Queued edit\n");

    // Search.
    const found = await notion.search({ query: `Blocks ${notionVersion}`, filter: { property: "object", value: "page" } });
    assert.ok(found.results.some((r) => r.id === pageId));
    const sources = await notion.search({ query: `Everything ${notionVersion}`, filter: { property: "object", value: "data_source" } });
    assert.ok(sources.results.some((r) => r.id === dsId));

    // File upload, attached as an image block, served back.
    const upload = await notion.fileUploads.create({ mode: "single_part", filename: "chart.png", content_type: "image/png" });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
    const sent = await notion.fileUploads.send({ file_upload_id: upload.id, file: { filename: "chart.png", data: new Blob([bytes], { type: "image/png" }) } });
    assert.equal(sent.status, "uploaded");
    const image = await notion.blocks.children.append({
      block_id: pageId,
      children: [{ image: { type: "file_upload", file_upload: { id: upload.id } } }],
    });
    const url = image.results[0].image.file.url;
    const served = new Uint8Array(await (await fetch(url)).arrayBuffer());
    assert.deepEqual([...served], [...bytes]);

    // Templates: stored through the admin API, listed and applied through the SDK.
    const { template_id: templateId } = await emu.admin("POST", "templates", {
      data_source_id: targetDs,
      name: "Scored",
      is_default: true,
      properties: { Score: { number: 10 } },
      children: [{ paragraph: { rich_text: text("Template body") } }],
    });
    const listed = await notion.dataSources.listTemplates({ data_source_id: targetDs, name: "scor" });
    assert.deepEqual(listed.templates, [{ id: templateId, name: "Scored", is_default: true }]);
    assert.equal(listed.has_more, false);
    const fromTemplate = await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: targetDs },
      properties: { Name: { title: text("gamma") } },
      template: { type: "template_id", template_id: templateId },
    });
    assert.equal(fromTemplate.properties.Score.number, 10);
    assert.equal(plain(fromTemplate.properties.Name.title), "gamma");
    const templated = await notion.blocks.children.list({ block_id: fromTemplate.id });
    assert.deepEqual(templated.results.map((b) => plain(b.paragraph.rich_text)), ["Template body"]);

    // Errors, as the SDK classifies them.
    await t.test("errors", async () => {
      await assert.rejects(notion.pages.retrieve({ page_id: "00000000-0000-4000-8000-000000000000" }), (e) => {
        assert.ok(APIResponseError.isAPIResponseError(e));
        assert.equal(e.code, APIErrorCode.ObjectNotFound);
        assert.match(e.message, /shared with your integration/);
        assert.ok(e.request_id);
        return true;
      });
      await assert.rejects(
        notion.blocks.children.append({ block_id: pageId, children: [{ paragraph: { rich_text: text("x".repeat(2001)) } }] }),
        (e) => {
          assert.equal(e.code, APIErrorCode.ValidationError);
          assert.match(e.message, /text\.content\.length should be ≤ `2000`, instead was `2001`/);
          return true;
        },
      );
      await assert.rejects(
        notion.pages.create({ parent: { data_source_id: dsId }, properties: { Nope: { rich_text: text("x") } } }),
        (e) => e.code === APIErrorCode.ValidationError,
      );
      const stranger = new Client({ auth: "ntn_not_a_real_token", baseUrl: emu.base_url, notionVersion, retry: false });
      await assert.rejects(stranger.users.me({}), (e) => isNotionClientError(e) && e.code === APIErrorCode.Unauthorized);
      const readOnly = await emu.admin("POST", "integrations", { name: "Reader", capabilities: ["read_content"] });
      await emu.admin("POST", "shares", { token: readOnly.token, object_id: root });
      const reader = new Client({ auth: readOnly.token, baseUrl: emu.base_url, notionVersion, retry: false });
      assert.equal((await reader.pages.retrieve({ page_id: pageId })).id, pageId);
      await assert.rejects(
        reader.pages.update({ page_id: pageId, properties: { title: { title: text("renamed") } } }),
        (e) => e.code === APIErrorCode.RestrictedResource,
      );
    });
  });
}
