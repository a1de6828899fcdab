import { writeFileSync, mkdtempSync, createReadStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { runImport } from "./run";
import { NATIONAL } from "../../lib/scope";
import { MAX_KEPT_ERRORS } from "../../lib/import/limits";
import { importBatchErrors } from "../queries/imports";
import { errorsCsv } from "../../lib/import/errors-csv";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => ({ db, close } = await openTestDb()));
afterAll(async () => close?.());

describe("a file of many bad lines", () => {
  it(
    "counts every error, keeps the first ones in memory, " + "in the batch and in the reply, and says how many more",
    async () => {
      const bad = 25_000;
      const lines = ["医療機関コード,名称"];
      for (let i = 0; i < bad; i++) lines.push(`X${i},名前${i}`); // no code is ten digits
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "error-cap-")), "bad.csv");
      writeFileSync(file, `${lines.join("\n")}\n`);
      const summary = await runImport({
        kind: "facilities",
        fileName: "bad.csv",
        actor: { id: null, email: "test", scope: NATIONAL },
        dryRun: true,
        source: createReadStream(file),
      });
      expect(summary.rows).toBe(bad);
      expect(summary.rejected).toBe(bad);
      expect(summary.errors).toHaveLength(MAX_KEPT_ERRORS);
      expect(summary.errorsOmitted).toBe(bad - MAX_KEPT_ERRORS);
      expect(summary.errors.map((e) => e.row)).toEqual(Array.from({ length: MAX_KEPT_ERRORS }, (_, i) => i + 2));
      const [stored] = await queryRows<{ n: number; omitted: number }>(
        db,
        sql`select jsonb_array_length(errors)::int as n, errors_omitted as omitted from import_batches
          where id = ${summary.batchId!}`,
      );
      expect(stored).toEqual({ n: MAX_KEPT_ERRORS, omitted: bad - MAX_KEPT_ERRORS });
      const batch = await importBatchErrors(db, NATIONAL, 0, summary.batchId!);
      const csv = errorsCsv(batch!.errors, batch!.errorsOmitted);
      expect(csv.trim().split("\n")).toHaveLength(MAX_KEPT_ERRORS + 2);
      expect(csv).toContain("ほかに24,000件のエラーがあります");
    },
  );
});
