/**
 * The tamper suite's inventory: every page, route handler and server action in app/, what it takes, and
 * what a signed-out visitor, a national viewer and a Tokyo editor asking for Osaka ('27') must get.
 * app/route-coverage.test.ts fails when a route or action exists that is not listed here, so a new route
 * cannot ship without deciding its answers; e2e/tamper-routes.spec.ts and e2e/tamper-attacks.spec.ts ask each one over
 * HTTP.
 */

/** Known records the probes point at, found by the suite before it starts (see tamper-callers.ts). */
export interface Ids {
  osakaCode: string;
  /**
   * Its street address (its name where it has none): a page may
   * echo the code it was asked for, never the facility's own data.
   */
  osakaName: string;
  tokyoCode: string;
  /** An import batch made by the admin: no Tokyo user may see it. */
  adminBatchId: number;
  adminBatchFile: string;
  osakaUserId: number;
}

/**
 * What a request must get:
 * - login: redirected to the sign-in page; 401: JSON 401; public: open to all;
 * - ok: 200; forbidden: the "no permission" page; 403: JSON 403; 404: not found, nothing confirmed;
 * - empty: 200 with no Osaka record or figure (JSON totals 0, CSV with no data rows or only zero counts);
 * - same: 200 and the same figures as without the Osaka parameter (the parameter is ignored).
 */
export type Outcome = "login" | "401" | "public" | "ok" | "forbidden" | "403" | "404" | "empty" | "same";

export type Takes =
  | "none"
  | "facility-code"
  | "prefecture-code"
  | "filters"
  | "search"
  | "codes"
  | "import-batch"
  | "user-id"
  | "upload"
  | "form"
  | "redirect";

export interface RouteEntry {
  /** Pages and handlers: the URL pattern as the folders spell it. Actions: "<file>#<exported function>". */
  route: string;
  kind: "page" | "api" | "action";
  method: "GET" | "POST";
  takes: Takes[];
  signedOut: Outcome;
  viewer: Outcome;
  /** A Tokyo editor asking for Osaka's data; "n/a" when the route has no Osaka to ask for. */
  tokyo: Outcome | "n/a";
  /** The URL the Tokyo and viewer checks request (defaults to the route itself). */
  probe?: (ids: Ids) => string;
  /** Which filter parameters take hostile values in the hostile-input checks. */
  hostile?: string[];
  /** For actions and routes checked elsewhere: the tests that hold the promise. */
  coveredBy?: string[];
}

const FILTERS = ["q", "prefecture", "tableType", "status", "alert", "asOf", "page", "pageSize", "sort"];

export const ROUTES: RouteEntry[] = [
  // Pages
  {
    route: "/",
    kind: "page",
    method: "GET",
    takes: ["filters"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "same",
    probe: () => "/?prefecture=27",
    hostile: ["asOf", "tableType", "category"],
  },
  {
    route: "/login",
    kind: "page",
    method: "GET",
    takes: ["redirect"],
    signedOut: "public",
    viewer: "public",
    tokyo: "n/a",
    hostile: ["callbackUrl"],
    coveredBy: ["e2e/sign-in.spec.ts"],
  },
  { route: "/forbidden", kind: "page", method: "GET", takes: ["none"], signedOut: "login", viewer: "ok", tokyo: "n/a" },
  {
    route: "/prefectures/[code]",
    kind: "page",
    method: "GET",
    takes: ["prefecture-code", "filters"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "404",
    probe: () => "/prefectures/27",
    hostile: ["fQ", "fStatus", "fPage", "asOf"],
  },
  {
    route: "/facilities",
    kind: "page",
    method: "GET",
    takes: ["filters"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/facilities?prefecture=27&status=optical_disk",
    hostile: [...FILTERS, "closed", "reason", "contractor", "plan", "reached", "deferralEnds"],
  },
  {
    route: "/report",
    kind: "page",
    method: "GET",
    takes: ["prefecture-code", "filters"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "404",
    probe: () => "/report?prefecture=27",
    hostile: ["asOf", "prefecture", "tableType", "category"],
  },
  {
    route: "/facilities/[code]",
    kind: "page",
    method: "GET",
    takes: ["facility-code"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "404",
    probe: (ids) => `/facilities/${ids.osakaCode}`,
  },
  {
    route: "/follow-ups",
    kind: "page",
    method: "GET",
    takes: ["filters"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/follow-ups?prefecture=27",
    hostile: FILTERS,
  },
  {
    route: "/follow-ups/letters",
    kind: "page",
    method: "GET",
    takes: ["codes"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "empty",
    probe: (ids) => `/follow-ups/letters?codes=${ids.osakaCode}`,
    hostile: ["codes"],
  },
  {
    route: "/regressions",
    kind: "page",
    method: "GET",
    takes: ["filters"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/regressions?prefecture=27",
    hostile: ["asOf", "from", "prefecture", "tableType", "category"],
  },
  {
    route: "/imports",
    kind: "page",
    method: "GET",
    takes: ["none"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "n/a",
  },
  {
    route: "/imports/history",
    kind: "page",
    method: "GET",
    takes: ["filters"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "empty",
    probe: () => "/imports/history",
    hostile: ["page"],
  },
  {
    route: "/account/password",
    kind: "page",
    method: "GET",
    takes: ["none"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "n/a",
  },
  {
    route: "/admin/offices",
    kind: "page",
    method: "GET",
    takes: ["none"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
  },
  {
    route: "/admin/users",
    kind: "page",
    method: "GET",
    takes: ["none"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
  },
  {
    route: "/admin/users/new",
    kind: "page",
    method: "GET",
    takes: ["none"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
  },
  {
    route: "/admin/users/[id]",
    kind: "page",
    method: "GET",
    takes: ["user-id"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
    probe: (ids) => `/admin/users/${ids.osakaUserId}`,
  },
  {
    route: "/admin/audit",
    kind: "page",
    method: "GET",
    takes: ["search"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
    probe: () => "/admin/audit?q=27",
  },

  // Route handlers
  {
    route: "/lang",
    kind: "api",
    method: "GET",
    takes: ["redirect"],
    signedOut: "public",
    viewer: "public",
    tokyo: "n/a",
    hostile: ["back", "to"],
  },
  {
    route: "/api/health",
    kind: "api",
    method: "GET",
    takes: ["none"],
    signedOut: "public",
    viewer: "public",
    tokyo: "n/a",
    coveredBy: ["e2e/operations.spec.ts"],
  },
  {
    route: "/api/ready",
    kind: "api",
    method: "GET",
    takes: ["none"],
    signedOut: "public",
    viewer: "public",
    tokyo: "n/a",
    coveredBy: ["e2e/operations.spec.ts"],
  },
  {
    route: "/api/auth/[...nextauth]",
    kind: "api",
    method: "GET",
    takes: ["none"],
    signedOut: "public",
    viewer: "public",
    tokyo: "n/a",
    probe: () => "/api/auth/csrf",
  },
  {
    route: "/api/v1/progress",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/progress?prefecture=27",
    hostile: ["groupBy", "prefecture", "tableType", "category", "asOf"],
  },
  {
    route: "/api/v1/facilities",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/facilities?prefecture=27",
    hostile: [...FILTERS, "closed", "reason", "contractor", "plan", "reached"],
  },
  {
    route: "/api/v1/facilities/[code]",
    kind: "api",
    method: "GET",
    takes: ["facility-code"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "404",
    probe: (ids) => `/api/v1/facilities/${ids.osakaCode}`,
  },
  {
    route: "/api/v1/follow-ups",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/follow-ups?prefecture=27",
    hostile: [...FILTERS, "assignee", "dueBefore"],
  },
  {
    route: "/api/v1/export/progress.csv",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/export/progress.csv?prefecture=27",
    hostile: ["groupBy", "prefecture", "asOf", "encoding"],
  },
  {
    route: "/api/v1/export/trend.csv",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/export/trend.csv?prefecture=27",
    hostile: ["prefecture", "asOf", "encoding"],
  },
  {
    route: "/api/v1/export/facilities.csv",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/export/facilities.csv?prefecture=27",
    hostile: [...FILTERS, "encoding"],
  },
  {
    route: "/api/v1/export/follow-ups.csv",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/export/follow-ups.csv?prefecture=27",
    hostile: [...FILTERS, "encoding"],
  },
  {
    route: "/api/v1/trend",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/trend?prefecture=27",
    hostile: ["prefecture", "tableType", "category", "asOf"],
  },
  {
    route: "/api/v1/funnel",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/funnel?prefecture=27",
    hostile: ["prefecture", "tableType", "category", "asOf"],
  },
  {
    route: "/api/v1/deferrals",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/deferrals?prefecture=27",
    hostile: ["prefecture", "tableType", "category", "asOf"],
  },
  {
    route: "/api/v1/plan",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/plan?prefecture=27",
    hostile: ["prefecture", "tableType", "category", "asOf"],
  },
  {
    route: "/api/v1/openapi.json",
    kind: "api",
    method: "GET",
    takes: ["none"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "n/a",
  },
  {
    route: "/api/v1/export/funnel.csv",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/export/funnel.csv?prefecture=27",
    hostile: ["prefecture", "asOf", "encoding"],
  },
  {
    route: "/api/v1/export/deferrals.csv",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/export/deferrals.csv?prefecture=27",
    hostile: ["prefecture", "asOf", "encoding"],
  },
  {
    route: "/api/v1/export/plan.csv",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/export/plan.csv?prefecture=27",
    hostile: ["prefecture", "asOf", "encoding"],
  },
  {
    route: "/api/v1/export/report.xlsx",
    kind: "api",
    method: "GET",
    takes: ["filters"],
    signedOut: "401",
    viewer: "ok",
    tokyo: "empty",
    probe: () => "/api/v1/export/report.xlsx?prefecture=27",
    hostile: ["prefecture", "tableType", "category", "asOf"],
    coveredBy: ["e2e/xlsx.spec.ts"],
  },
  {
    route: "/api/v1/export/audit.csv",
    kind: "api",
    method: "GET",
    takes: ["search"],
    signedOut: "401",
    viewer: "403",
    tokyo: "403",
    probe: () => "/api/v1/export/audit.csv?q=27",
  },
  {
    route: "/api/v1/imports",
    kind: "api",
    method: "POST",
    takes: ["upload"],
    signedOut: "401",
    viewer: "403",
    tokyo: "n/a",
    coveredBy: ["e2e/tamper-attacks.spec.ts", "e2e/imports.spec.ts", "app/_lib/upload.test.ts"],
  },
  {
    route: "/api/v1/imports/template.csv",
    kind: "api",
    method: "GET",
    takes: ["none"],
    signedOut: "401",
    viewer: "403",
    tokyo: "n/a",
    probe: () => "/api/v1/imports/template.csv?kind=facilities",
  },
  {
    route: "/api/v1/imports/[id]/errors.csv",
    kind: "api",
    method: "GET",
    takes: ["import-batch"],
    signedOut: "401",
    viewer: "403",
    tokyo: "404",
    probe: (ids) => `/api/v1/imports/${ids.adminBatchId}/errors.csv`,
  },
  {
    route: "/api/v1/imports/[id]/diff.csv",
    kind: "api",
    method: "GET",
    takes: ["import-batch"],
    signedOut: "401",
    viewer: "403",
    tokyo: "404",
    probe: (ids) => `/api/v1/imports/${ids.adminBatchId}/diff.csv`,
  },

  // Server actions (asked through their forms in tamper-attacks.spec.ts; their queries take the scope, tested in db/)
  {
    route: "app/(signed-in)/facilities/[code]/actions.ts#addContactAction",
    kind: "action",
    method: "POST",
    takes: ["form", "facility-code"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "404",
    coveredBy: ["e2e/tamper-attacks.spec.ts", "db/queries/follow-up-scope.test.ts"],
  },
  {
    route: "app/(signed-in)/facilities/[code]/actions.ts#updateContactAction",
    kind: "action",
    method: "POST",
    takes: ["form", "facility-code"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "404",
    coveredBy: ["db/queries/follow-up-scope.test.ts"],
  },
  {
    route: "app/(signed-in)/facilities/[code]/actions.ts#setFollowUpAction",
    kind: "action",
    method: "POST",
    takes: ["form", "facility-code"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "404",
    coveredBy: ["e2e/tamper-attacks.spec.ts", "db/queries/follow-up-scope.test.ts"],
  },
  {
    route: "app/(signed-in)/follow-ups/actions.ts#assignContractorAction",
    kind: "action",
    method: "POST",
    takes: ["form", "filters"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "empty",
    coveredBy: ["db/queries/contractors.test.ts", "e2e/guidance-rules.spec.ts"],
  },
  {
    route: "app/(signed-in)/follow-ups/actions.ts#bulkFollowUpAction",
    kind: "action",
    method: "POST",
    takes: ["form", "codes"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "empty",
    coveredBy: ["db/queries/follow-up-scope.test.ts"],
  },
  {
    route: "app/(signed-in)/follow-ups/actions.ts#saveViewAction",
    kind: "action",
    method: "POST",
    takes: ["form"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "n/a",
    coveredBy: ["app/tamper.test.ts"],
  },
  {
    route: "app/(signed-in)/follow-ups/actions.ts#deleteViewAction",
    kind: "action",
    method: "POST",
    takes: ["form"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "n/a",
    coveredBy: ["app/tamper.test.ts"],
  },
  {
    route: "app/(signed-in)/admin/offices/actions.ts#saveOfficeAction",
    kind: "action",
    method: "POST",
    takes: ["form", "prefecture-code"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
    coveredBy: ["db/queries/letters.test.ts"],
  },
  {
    route: "app/(signed-in)/follow-ups/letters/actions.ts#recordLettersAction",
    kind: "action",
    method: "POST",
    takes: ["form", "codes"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "empty",
    coveredBy: ["db/queries/letters.test.ts", "e2e/guidance-rules.spec.ts"],
  },
  {
    route: "app/(signed-in)/admin/users/actions.ts#createUserAction",
    kind: "action",
    method: "POST",
    takes: ["form"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
    coveredBy: ["e2e/tamper-attacks.spec.ts", "db/queries/user-admin.test.ts", "lib/auth/grants.test.ts"],
  },
  {
    route: "app/(signed-in)/admin/users/actions.ts#updateUserAction",
    kind: "action",
    method: "POST",
    takes: ["form", "user-id"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
    coveredBy: ["e2e/tamper-attacks.spec.ts", "db/queries/user-admin.test.ts", "lib/auth/grants.test.ts"],
  },
  {
    route: "app/(signed-in)/admin/users/actions.ts#resetPasswordAction",
    kind: "action",
    method: "POST",
    takes: ["form", "user-id"],
    signedOut: "login",
    viewer: "forbidden",
    tokyo: "forbidden",
    coveredBy: ["db/queries/user-admin.test.ts"],
  },
  {
    route: "app/(signed-in)/account/password/actions.ts#signOutEverywhereAction",
    kind: "action",
    method: "POST",
    takes: ["form"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "n/a",
    coveredBy: ["e2e/tamper-sessions.spec.ts"],
  },
  {
    route: "app/(signed-in)/account/password/actions.ts#changePasswordAction",
    kind: "action",
    method: "POST",
    takes: ["form"],
    signedOut: "login",
    viewer: "ok",
    tokyo: "n/a",
    coveredBy: ["e2e/admin.spec.ts", "db/queries/user-admin.test.ts"],
  },
];

/** A URL to request for a route with no probe: the pattern itself (dynamic segments need a probe). */
export function probeUrl(entry: RouteEntry, ids: Ids): string {
  return entry.probe ? entry.probe(ids) : entry.route;
}
