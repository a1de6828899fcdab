import { createReadStream } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../test-db";
import { queryRows, type Db } from "../client";
import { runImport } from "./run";
import { withTransaction } from "../transaction";
import { upsertFacilities, type FacilityColumn } from "./facilities";
import { listFollowUps } from "../queries/follow-ups";
import { facilityDetail } from "../queries/facility-detail";
import { NATIONAL } from "../../lib/scope";
import { makeFacilityCode } from "../../lib/facility-code";

/** The payers' records with the optional certificate columns: stored per terminal, read by the rules. */
let db: Db;
let close: () => Promise<void>;
const c = (n: number) => makeFacilityCode("27", "1", 3, n);
const fixture = path.join(import.meta.dirname, "__fixtures__", "events_certificates_utf8.csv");
const importRecords = () =>
  runImport({
    kind: "events",
    fileName: "events_certificates_utf8.csv",
    actor: { id: null, email: "test", scope: NATIONAL },
    dryRun: false,
    source: createReadStream(fixture),
  });

beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await withTransaction((tx) =>
    upsertFacilities(
      tx,
      [1, 2, 3, 4].map((n) => ({
        code: c(n),
        prefecture: "27",
        tableType: "medical" as const,
        name: `大阪診療所${n}`,
        claimMethod: "optical_disk" as const,
      })),
      new Set<FacilityColumn>(["claim_method"]),
      null,
    ),
  );
}, 60_000);
afterAll(async () => close?.());

describe("certificate columns in the payers' records", () => {
  it(
    "stores each terminal's certificate (expiry from the term when not given), " +
      "rejects inconsistent dates, and counts each row once",
    async () => {
      const summary = await importRecords();
      expect({
        rows: summary.rows,
        inserted: summary.inserted,
        updated: summary.updated,
        rejected: summary.rejected,
      }).toEqual({ rows: 8, inserted: 6, updated: 0, rejected: 2 });
      expect(summary.errors.map((e) => [e.row, e.column, e.message])).toEqual([
        [7, "cert_issued_on", "証明書発行日（2024-04-20）が申請日（2024-05-01）より前です"],
        [8, "cert_issued_on", "証明書の申請日か発行日が必要です"],
        [8, "cert_expires_on", "有効期限には証明書発行日が必要です"],
      ]);
      const rows = await queryRows<Record<string, string | null>>(
        db,
        sql`select facility_code, terminal, applied_on::text, issued_on::text, expires_on::text, renewed_on::text
          from certificates order by 1, 2, identity_on`,
      );
      expect(rows).toEqual([
        {
          facility_code: c(1),
          terminal: "1",
          applied_on: "2023-04-01",
          issued_on: "2023-04-10",
          expires_on: "2026-04-09",
          renewed_on: null,
        },
        {
          facility_code: c(1),
          terminal: "1",
          applied_on: "2026-01-15",
          issued_on: null,
          expires_on: null,
          renewed_on: null,
        },
        {
          facility_code: c(2),
          terminal: "1",
          applied_on: "2023-05-20",
          issued_on: "2023-06-01",
          expires_on: "2026-05-31",
          renewed_on: null,
        },
        {
          facility_code: c(2),
          terminal: "2",
          applied_on: null,
          issued_on: "2024-02-01",
          expires_on: "2027-01-31",
          renewed_on: null,
        },
      ]);
    },
  );

  it("a second import of the same file changes nothing", async () => {
    const again = await importRecords();
    expect({ inserted: again.inserted, updated: again.updated, unchanged: again.unchanged }).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 6,
    });
  });

  it(
    "the follow-up list and the facility page read them: " +
      "a pending renewal keeps quiet until the certificate lapses",
    async () => {
      const rules = async (code: string, asOf: string) =>
        (await listFollowUps(db, NATIONAL, { asOf, q: code }, 1, 5)).items
          .find((i) => i.code === code)
          ?.alerts.map((a) => `${a.rule}@${a.dueOn}`) ?? [];
      expect(await rules(c(1), "2026-03-01")).toEqual([]);
      expect(await rules(c(1), "2026-04-10")).toEqual(["certificate_expired@2026-04-09"]);
      expect(await rules(c(2), "2026-03-01")).not.toContain("certificate_expiring@2026-05-31");
      expect(await rules(c(2), "2026-03-02")).toContain("certificate_expiring@2026-05-31");
      const filtered = await listFollowUps(db, NATIONAL, { asOf: "2026-04-10", alert: "certificate_expired" }, 1, 10);
      expect(filtered.items.map((i) => i.code)).toEqual([c(1)]);
      const detail = await facilityDetail(db, NATIONAL, c(2), "2026-03-02");
      expect(detail?.certificates.map((x) => `${x.terminal}:${x.expiresOn}`)).toEqual(["1:2026-05-31", "2:2027-01-31"]);
      expect(detail?.alerts.map((a) => a.rule)).toContain("certificate_expiring");
    },
  );
});
