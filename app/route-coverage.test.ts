import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES } from "@/e2e/routes";

/**
 * Every page, route handler and server action under app/ must have an entry in the tamper suite's
 * inventory (e2e/routes.ts), and every entry must still exist: a new route cannot ship without deciding
 * what a signed-out visitor, a viewer and a user from another prefecture get from it.
 */
const APP = path.resolve(import.meta.dirname);
const ROOT = path.dirname(APP);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/**
 * app/facilities/[code]/page.tsx → /facilities/[code]; route groups "(x)" and private "_x" folders as Next treats them.
 */
function urlOf(file: string): string | null {
  const parts = path.relative(APP, path.dirname(file)).split(path.sep).filter(Boolean);
  if (parts.some((p) => p.startsWith("_"))) return null;
  return "/" + parts.filter((p) => !(p.startsWith("(") && p.endsWith(")"))).join("/");
}

function routesOnDisk(): { pages: string[]; handlers: string[]; actions: string[] } {
  const files = walk(APP).filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`));
  const pages = files
    .filter((f) => /[\\/]page\.(tsx|ts|jsx|js)$/.test(f))
    .map(urlOf)
    .filter((u): u is string => u !== null);
  const handlers = files
    .filter((f) => /[\\/]route\.(ts|js)$/.test(f))
    .map(urlOf)
    .filter((u): u is string => u !== null);
  const actions = files
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts"))
    .flatMap((f) => {
      const text = readFileSync(f, "utf8");
      if (!/^\s*["']use server["'];?/m.test(text.split("\n").slice(0, 3).join("\n"))) return [];
      const names = [...text.matchAll(/^export\s+(?:async\s+)?function\s+(\w+)|^export\s+const\s+(\w+)\s*=/gm)].map(
        (m) => m[1] ?? m[2],
      );
      return names.map((n) => `${path.relative(ROOT, f).split(path.sep).join("/")}#${n}`);
    });
  return { pages, handlers, actions };
}

/** The route handler and server action files under app/, with their text. */
function boundaryFiles(): { handlers: [string, string][]; actions: [string, string][] } {
  const files = walk(APP).filter((f) => urlOf(f) !== null || f.endsWith("actions.ts"));
  const read = (f: string): [string, string] => [
    path.relative(ROOT, f).split(path.sep).join("/"),
    readFileSync(f, "utf8"),
  ];
  return {
    handlers: files.filter((f) => /[\\/]route\.ts$/.test(f)).map(read),
    actions: files.filter((f) => /^\s*["']use server["']/.test(readFileSync(f, "utf8"))).map(read),
  };
}

/** The kit's builders (app/_lib/route.ts, app/_lib/action.ts) and those built on them. */
const ROUTE_BUILDERS = ["route", "publicRoute", "panelRoute", "panelCsvRoute", "importBatchRoute"];
const ACTION_BUILDERS = ["stateAction", "formAction"];

describe("every route handler and server action is built with the boundary kit", () => {
  const { handlers, actions } = boundaryFiles();
  const method = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";

  it("finds them at all", () => {
    expect(handlers.length).toBeGreaterThan(20);
    expect(actions.length).toBeGreaterThan(4);
  });

  it("builds every route handler with route() or publicRoute() (sign-in, role, zod, audit actor)", () => {
    const bare = handlers.flatMap(([file, text]) => {
      const built = new Map(
        [...text.matchAll(/^(?:export\s+)?const\s+(\w+)\s*=\s*(\w+)(?:<[^(]*>)?\(/gm)].map((m) => [m[1], m[2]]),
      );
      const exported = [
        ...[...text.matchAll(new RegExp(`^export\\s+(?:async\\s+)?function\\s+(${method})\\b`, "gm"))].map((m) => [
          m[1],
          "",
        ]),
        ...[...text.matchAll(new RegExp(`^export\\s+const\\s+(${method})\\s*=`, "gm"))].map((m) => [m[1], m[1]]),
        ...[...text.matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((m) =>
          m[1].split(",").map((part) => {
            const [local, as] = part.trim().split(/\s+as\s+/);
            return [as ?? local, local];
          }),
        ),
      ].filter(([name]) => new RegExp(`^(${method})$`).test(name));
      return exported
        .filter(([, local]) => !ROUTE_BUILDERS.includes(built.get(local) ?? ""))
        .map(([name]) => `${file} ${name}`);
    });
    expect(bare).toEqual([]);
  });

  it("builds every server action with stateAction() or formAction()", () => {
    const bare = actions.flatMap(([file, text]) => [
      ...[...text.matchAll(/^export\s+(?:async\s+)?function\s+(\w+)/gm)].map((m) => `${file}#${m[1]}`),
      ...[...text.matchAll(/^export\s+const\s+(\w+)\s*=\s*(\w+)?/gm)]
        .filter((m) => !ACTION_BUILDERS.includes(m[2] ?? ""))
        .map((m) => `${file}#${m[1]}`),
    ]);
    expect(bare).toEqual([]);
  });

  it("reads X-Forwarded-For nowhere but the trusted helper (lib/auth/client-address.ts)", () => {
    const readers = [...walk(APP), ...walk(path.join(ROOT, "components")), ...walk(path.join(ROOT, "db"))]
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".test.ts"))
      .filter((f) => /x-forwarded-for/i.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(readers).toEqual([]);
  });
});

describe("the tamper suite covers every route", () => {
  const disk = routesOnDisk();
  const listed = (kind: string) => ROUTES.filter((r) => r.kind === kind).map((r) => r.route);

  it("finds the routes at all (the walk itself works)", () => {
    expect(disk.pages).toContain("/facilities/[code]");
    expect(disk.handlers).toContain("/api/v1/progress");
    expect(disk.actions).toContain("app/(signed-in)/admin/users/actions.ts#createUserAction");
  });

  it("lists every page", () => {
    expect(
      disk.pages.filter((p) => !listed("page").includes(p)),
      "pages missing from e2e/routes.ts",
    ).toEqual([]);
  });

  it("lists every route handler", () => {
    expect(
      disk.handlers.filter((p) => !listed("api").includes(p)),
      "route handlers missing from e2e/routes.ts",
    ).toEqual([]);
  });

  it("lists every server action", () => {
    expect(
      disk.actions.filter((a) => !listed("action").includes(a)),
      "server actions missing from e2e/routes.ts",
    ).toEqual([]);
  });

  it("lists nothing that no longer exists, and nothing twice", () => {
    const all = [
      ...disk.pages.map((p) => `page ${p}`),
      ...disk.handlers.map((p) => `api ${p}`),
      ...disk.actions.map((a) => `action ${a}`),
    ];
    const entries = ROUTES.map((r) => `${r.kind} ${r.route}`);
    expect(entries.filter((e) => !all.includes(e))).toEqual([]);
    expect(new Set(entries).size).toBe(entries.length);
  });

  it("names only tests that exist where it says a route is covered elsewhere", () => {
    const missing = ROUTES.flatMap((r) => r.coveredBy ?? []).filter((f) => !existsSync(path.join(ROOT, f)));
    expect(missing).toEqual([]);
  });

  it("gives a dynamic route a probe URL, since its pattern cannot be requested as it is", () => {
    const unprobed = ROUTES.filter((r) => r.kind !== "action" && r.route.includes("[") && !r.probe).map((r) => r.route);
    expect(unprobed).toEqual([]);
  });
});
