import { describe, expect, it } from "vitest";
import { readCsv } from "./read";
import { HEADERS } from "./headers";
import { importTemplateRows } from "./template";
import { IMPORT_KINDS } from "./kinds";
import { csvLine, encodeCsv } from "../csv";

async function* once(bytes: Uint8Array) {
  yield bytes;
}

describe("import templates", () => {
  for (const kind of IMPORT_KINDS) {
    it(`the ${kind} template maps every column and its example row is accepted (as Excel's Shift_JIS)`, async () => {
      const reader = readCsv(kind, once(encodeCsv(importTemplateRows(kind).map(csvLine).join(""), "shift_jis")), {
        today: "2026-12-01",
      });
      const rows = [];
      const errors = [];
      for await (const batch of reader.batches) {
        rows.push(...batch.rows);
        errors.push(...batch.errors);
      }
      expect(errors).toEqual([]);
      expect(rows).toHaveLength(1);
      expect(rows[0].value.code).toBe("0110113719");
      const mapping = reader.mapping()!;
      expect(mapping.unknown).toEqual([]);
      expect(Object.keys(HEADERS[kind].names).length).toBeGreaterThan(2);
    });
  }
});
