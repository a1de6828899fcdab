import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "@/db/test-db";
import type { Db } from "@/db/client";
import { seedNationalData } from "@/db/seed";
import { progress } from "@/db/queries/progress";
import { monthlyTrend } from "@/db/queries/trend";
import { funnel } from "@/db/queries/funnel";
import { deferralFigures } from "@/db/queries/deferrals";
import { planForecast } from "@/db/queries/plan";
import { listFacilities } from "@/db/queries/facilities";
import { NATIONAL } from "@/lib/scope";
import { openApiDocument } from "./_lib/openapi";
import {
  deferralsResponse,
  facilityPage,
  funnelResponse,
  planResponse,
  progressResponse,
  trendResponse,
} from "./_lib/api-schemas";
import { facilityQuery } from "./_lib/follow-up-params";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await openTestDb());
  await seedNationalData(db, { facilities: 1500, seed: 3, asOf: "2026-03-31" });
});
afterAll(async () => close?.());

function handlersOnDisk(dir = path.join(import.meta.dirname, "api", "v1")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? handlersOnDisk(path.join(dir, e.name))
      : e.name === "route.ts"
        ? [
            "/" +
              path
                .relative(import.meta.dirname, dir)
                .split(path.sep)
                .join("/")
                .replace(/\[(\w+)\]/g, "{$1}"),
          ]
        : [],
  );
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
  };

  it("describes every /api/v1 route there is, and none that is not", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      handlersOnDisk()
        .map((p) => `/api${p.slice(4)}`)
        .sort(),
    );
  });

  it("takes its parameters from the routes' own zod schemas", () => {
    const listParams = doc.paths["/api/v1/facilities"].get.parameters!.map((p) => p.name).sort();
    expect(listParams).toEqual(Object.keys(facilityQuery.shape).sort());
    expect(listParams).toEqual(
      expect.arrayContaining(["asOf", "status", "closed", "reason", "contractor", "plan", "reached"]),
    );
    const panel = doc.paths["/api/v1/deferrals"].get.parameters!.map((p) => p.name).sort();
    expect(panel).toEqual(["asOf", "category", "prefecture", "tableType"]);
  });
});

describe("the answers match the schemas the document shows", () => {
  it("progress, trend, funnel, deferrals, plan and the facility list on a past date", async () => {
    const f = { asOf: "2025-06-30", prefecture: "13" };
    progressResponse.parse(await progress(db, NATIONAL, { ...f, groupBy: "tableType" }));
    trendResponse.parse({
      asOf: f.asOf,
      points: await monthlyTrend(db, NATIONAL, { from: "2023-01-01", to: f.asOf, prefecture: "13" }),
    });
    funnelResponse.parse({ asOf: f.asOf, steps: await funnel(db, NATIONAL, f) });
    const d = deferralsResponse.parse(await deferralFigures(db, NATIONAL, f));
    expect(d.inForce).toBeGreaterThan(0);
    planResponse.parse(await planForecast(db, NATIONAL, f));
    const page = facilityPage.parse(await listFacilities(db, NATIONAL, { ...f, status: "deferred" }));
    expect(page.items.every((i) => i.status === "deferred")).toBe(true);
  });
});
