import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/import/kinds";
import { panelQuery, progressQuery } from "@/app/_lib/dashboard-params";
import { facilityCodeParam, facilityQuery, followUpQuery } from "@/app/_lib/follow-up-params";
import { auditQuery } from "@/app/_lib/audit-params";
import { importForm } from "@/app/_lib/import-form";
import {
  deferralsResponse,
  errorResponse,
  facilityPage,
  funnelResponse,
  planResponse,
  progressResponse,
  trendResponse,
} from "@/app/_lib/api-schemas";

/**
 * /api/v1/openapi.json, generated from the zod schemas the routes validate their input with (and those
 * describing their answers): a parameter added to a route's schema appears here without another edit.
 */
type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: "input" | "output"): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  void _drop;
  return rest;
};

/** A zod object of query parameters as OpenAPI parameters. */
function queryParameters(schema: z.ZodObject): Json[] {
  const js = jsonSchema(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

const encoding = z.object({
  encoding: z.enum(["utf-8", "shift_jis"]).optional().describe("CSV encoding; UTF-8 with a BOM by default"),
  format: z
    .enum(["csv", "xlsx"])
    .optional()
    .describe("xlsx: the same table as an Excel workbook (codes as text, dates as dates)"),
});
const json = (schema: z.ZodType) => ({ "application/json": { schema: jsonSchema(schema, "output") } });
const anyObject = z.object({}).catchall(z.unknown());
const csv = {
  "text/csv": { schema: { type: "string" } },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
};
const xlsx = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
};
const refused = {
  "400": { description: "a parameter is not valid", content: json(errorResponse) },
  "401": { description: "not signed in" },
};

interface Op {
  path: string;
  method?: "get" | "post";
  summary: string;
  query?: z.ZodObject;
  pathParams?: Record<string, z.ZodType>;
  ok: Json;
  extra?: Json;
  body?: Json;
}

const OPS: Op[] = [
  {
    path: "/api/v1/progress",
    summary: "Counts by state on asOf, grouped by prefecture, table type or category",
    query: progressQuery,
    ok: json(progressResponse),
  },
  {
    path: "/api/v1/trend",
    summary: "The trend panel: counts by state at every month end up to asOf",
    query: panelQuery,
    ok: json(trendResponse),
  },
  {
    path: "/api/v1/funnel",
    summary: "The funnel panel: who reached each step by asOf",
    query: panelQuery,
    ok: json(funnelResponse),
  },
  {
    path: "/api/v1/deferrals",
    summary: "The deferral panel: what the filings in force on asOf say",
    query: panelQuery,
    ok: json(deferralsResponse),
  },
  {
    path: "/api/v1/plan",
    summary: "The plan panel: the facilities still to move on asOf by filed plan",
    query: panelQuery,
    ok: json(planResponse),
  },
  {
    path: "/api/v1/facilities",
    summary:
      "Facilities as they stood on asOf (status = state on that date; " +
      "closed left out unless closed=include), with any figure's filter",
    query: facilityQuery,
    ok: json(facilityPage),
  },
  {
    path: "/api/v1/facilities/{code}",
    summary: "One facility with its events, filings, follow-ups and contact log (404 outside the caller's scope)",
    pathParams: { code: facilityCodeParam },
    ok: json(anyObject),
    extra: { "404": { description: "unknown or outside the caller's scope" } },
  },
  {
    path: "/api/v1/follow-ups",
    summary: "Facilities with follow-up alerts on asOf",
    query: followUpQuery,
    ok: json(anyObject),
  },
  {
    path: "/api/v1/export/facilities.csv",
    summary: "The facility list as CSV (the same rows as /api/v1/facilities)",
    query: facilityQuery.extend(encoding.shape),
    ok: csv,
  },
  {
    path: "/api/v1/export/follow-ups.csv",
    summary: "The follow-up list as CSV",
    query: followUpQuery.extend(encoding.shape),
    ok: csv,
  },
  {
    path: "/api/v1/export/progress.csv",
    summary: "The progress figures as CSV",
    query: progressQuery.extend(encoding.shape),
    ok: csv,
  },
  { path: "/api/v1/export/trend.csv", summary: "The trend as CSV", query: panelQuery.extend(encoding.shape), ok: csv },
  {
    path: "/api/v1/export/funnel.csv",
    summary: "The funnel as CSV",
    query: panelQuery.extend(encoding.shape),
    ok: csv,
  },
  {
    path: "/api/v1/export/deferrals.csv",
    summary: "The deferral figures as CSV",
    query: panelQuery.extend(encoding.shape),
    ok: csv,
  },
  {
    path: "/api/v1/export/plan.csv",
    summary: "The plan figures as CSV",
    query: panelQuery.extend(encoding.shape),
    ok: csv,
  },
  {
    path: "/api/v1/export/report.xlsx",
    summary: "The committee pack as a workbook: one sheet a dashboard panel on asOf",
    query: panelQuery,
    ok: xlsx,
  },
  {
    path: "/api/v1/export/audit.csv",
    summary: "The audit log as CSV (national admins)",
    query: auditQuery,
    ok: csv,
    extra: { "403": { description: "not a national admin" } },
  },
  {
    path: "/api/v1/imports",
    method: "post",
    summary: "Import a CSV (editors and admins); answers the import summary",
    ok: json(anyObject),
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            ...jsonSchema(importForm, "input"),
            properties: {
              ...(jsonSchema(importForm, "input").properties as Json),
              file: { type: "string", format: "binary" },
            },
          },
        },
      },
    },
    extra: {
      "403": { description: "viewers may not import" },
      "413": { description: "the file is larger than IMPORT_MAX_BYTES" },
    },
  },
  {
    path: "/api/v1/imports/{id}/errors.csv",
    summary: "An import's rejected rows as CSV",
    pathParams: { id: z.coerce.number().int().positive() },
    ok: csv,
    extra: { "404": { description: "unknown or not the caller's" } },
  },
  {
    path: "/api/v1/imports/{id}/diff.csv",
    summary: "A dry run's per-facility changes as CSV",
    pathParams: { id: z.coerce.number().int().positive() },
    ok: csv,
    extra: { "404": { description: "unknown, not the caller's, or not a dry run" } },
  },
  {
    path: "/api/v1/imports/template.csv",
    summary: "A CSV template for an import kind (editors and admins): its columns and one example row",
    query: z.object({
      kind: z.enum(IMPORT_KINDS),
      encoding: z.enum(["utf-8", "shift_jis"]).optional(),
    }),
    ok: csv,
    extra: { "403": { description: "viewers may not import" }, "400": { description: "an unknown kind" } },
  },
  {
    path: "/api/v1/openapi.json",
    summary: "This document",
    ok: { "application/json": { schema: { type: "object" } } },
  },
];

export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPS) {
    const parameters = [
      ...Object.entries(op.pathParams ?? {}).map(([name, s]) => ({
        name,
        in: "path",
        required: true,
        schema: jsonSchema(s, "input"),
      })),
      ...(op.query ? queryParameters(op.query) : []),
    ];
    paths[op.path] = {
      ...paths[op.path],
      [op.method ?? "get"]: {
        summary: op.summary,
        ...(parameters.length > 0 && { parameters }),
        ...(op.body && { requestBody: op.body }),
        responses: { "200": { description: "OK", content: op.ok }, ...refused, ...op.extra },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "オンライン請求移行トラッカー API / Online Claims Migration Tracker API",
      version: "1",
      description:
        "Same sign-in as the pages (next-auth credentials: GET /api/auth/csrf, " +
        "then POST /api/auth/callback/credentials, keeping the session cookie). Every answer is limited to " +
        "the caller's prefectures. Dates are YYYY-MM-DD (Asia/Tokyo); asOf defaults to today.",
    },
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } } },
    security: [{ session: [] }],
    paths,
  };
}
