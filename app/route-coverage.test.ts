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

/** app/facilities/[code]/page.tsx → /facilities/[code]; route groups "(x)" and private "_x" folders as Next treats them. */
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
      const names = [
        ...text.matchAll(/^export\s+(?:async\s+)?function\s+(\w+)|^export\s+const\s+(\w+)\s*=\s*async/gm),
      ].map((m) => m[1] ?? m[2]);
      return names.map((n) => `${path.relative(ROOT, f).split(path.sep).join("/")}#${n}`);
    });
  return { pages, handlers, actions };
}

describe("the tamper suite covers every route", () => {
  const disk = routesOnDisk();
  const listed = (kind: string) => ROUTES.filter((r) => r.kind === kind).map((r) => r.route);

  it("finds the routes at all (the walk itself works)", () => {
    expect(disk.pages).toContain("/facilities/[code]");
    expect(disk.handlers).toContain("/api/v1/progress");
    expect(disk.actions).toContain("app/admin/users/actions.ts#createUserAction");
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
