import { createReadStream } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "@/db/test-db";
import type { Db } from "@/db/client";
import { runImport } from "@/db/import/run";
import { eachFacility } from "@/db/queries/facilities";
import { NATIONAL } from "@/lib/scope";
import { facilityQuery, toFacilityFilter } from "./follow-up-params";
import { streamedCsvResponse } from "./csv-stream";
import { csvResponse } from "./csv-response";

/**
 * The export's Shift_JIS as Excel reads it, from a real import: names and addresses with the characters
 * that used to become "?" (〜 − ‖ ¢ £ ¬ —) come out as their CP932 look-alikes; 𠮷 and é, which Shift_JIS
 * cannot hold, come out as 〓 and are counted in the closing line.
 */
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDb());
  const summary = await runImport({
    kind: "facilities",
    fileName: "facilities_lookalikes_utf8.csv",
    actor: { id: null, email: "test", scope: NATIONAL },
    dryRun: false,
    source: createReadStream(
      path.join(import.meta.dirname, "..", "..", "db", "import", "__fixtures__", "facilities_lookalikes_utf8.csv"),
    ),
  });
  expect(summary).toMatchObject({ inserted: 2, rejected: 0 });
});
afterAll(async () => close?.());

async function exportText(encoding: string | null): Promise<{ text: string; bytes: Buffer }> {
  async function* rows() {
    for await (const chunk of eachFacility(db, NATIONAL, toFacilityFilter(facilityQuery.parse({ sort: "code" }))))
      yield chunk.map((f) => [f.code, f.name, f.address]);
  }
  const response = streamedCsvResponse(["コード", "名称", "所在地"], rows(), "f.csv", encoding);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, text: encoding ? iconv.decode(bytes, "cp932") : new TextDecoder().decode(bytes) };
}

describe("Shift_JIS export of names and addresses", () => {
  it("maps look-alikes, writes 〓 for what Shift_JIS lacks and says how many in a closing line", async () => {
    const { text, bytes } = await exportText("shift_jis");
    expect(bytes.includes(Buffer.from("?"))).toBe(false);
    const lines = text.split("\r\n");
    expect(lines[1]).toBe("1310190010,〓田～クリニック,東京都千代田区1－2－3 ∥ 別館");
    expect(lines[2]).toBe("1340190022,ファーマシー￠￡￢,東京都港区芝5丁目 ― Caf〓棟");
    expect(lines[3]).toMatch(/^# Shift_JIS で表せない文字 2 字を「〓」に置き換えました/);
    expect(lines[4]).toBe("");
  });

  it("the UTF-8 export keeps every character and has no closing line", async () => {
    const { text } = await exportText(null);
    expect(text).toContain("𠮷田〜クリニック");
    expect(text).toContain("東京都港区芝5丁目 — Café棟");
    expect(text).not.toContain("#");
  });

  it("a small export counts the replacements in a header as well", async () => {
    const response = csvResponse([["名称"], ["𠮷田〜クリニック"]], "t.csv", "shift_jis");
    expect(response.headers.get("x-replaced-characters")).toBe("1");
    const text = iconv.decode(Buffer.from(await response.arrayBuffer()), "cp932");
    expect(text.split("\r\n").slice(0, 2)).toEqual(["名称", "〓田～クリニック"]);
    expect(csvResponse([["名称"], ["髙橋"]], "t.csv", "shift_jis").headers.get("x-replaced-characters")).toBe("0");
  });
});
