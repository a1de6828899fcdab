import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One import of one of our modules by another, as paths from the repository root. */
export interface Edge {
  from: string;
  to: string;
}

/** The rooms of the tree and the rooms each may import besides itself. */
export const ALLOWED: Record<string, readonly string[]> = {
  app: ["components", "db", "lib"],
  components: ["lib"],
  db: ["lib"],
  lib: [],
  scripts: ["db", "lib"],
};

const ROOMS = Object.keys(ALLOWED);
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/** The file an import names, when it is one of ours (`@/…` or relative); packages and next give null. */
function resolve(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  if (/\.tsx?$/.test(base) && existsSync(path.join(root, base))) return base;
  for (const ext of EXTENSIONS) if (existsSync(path.join(root, base + ext))) return base + ext;
  return null; // a JSON, CSS or other asset: not a module of ours
}

/**
 * Every import (static, type-only, re-export, dynamic `import()`) from a .ts/.tsx file under the rooms
 * to another of our files, sorted.
 */
export function dependencyEdges(root: string): Edge[] {
  const edges: Edge[] = [];
  for (const room of ROOMS) {
    for (const from of sourceFiles(root, room)) {
      const info = ts.preProcessFile(readFileSync(path.join(root, from), "utf8"), true, true);
      const seen = new Set<string>();
      for (const ref of info.importedFiles) {
        const to = resolve(root, from, ref.fileName);
        if (to && to !== from && !seen.has(to)) {
          seen.add(to);
          edges.push({ from, to });
        }
      }
    }
  }
  return edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

const roomOf = (file: string) => file.split("/")[0];

/** Imports from one room into a room it may not import (a file outside the rooms counts as none). */
export function upwardArrows(edges: readonly Edge[]): Edge[] {
  return edges.filter((e) => {
    const from = roomOf(e.from);
    const to = roomOf(e.to);
    if (from === to || !(from in ALLOWED)) return false;
    // The end-to-end suite's inventory of routes is read by tests of app/ (route coverage), by nothing else.
    if (to === "e2e" && /\.test\.tsx?$/.test(e.from)) return false;
    return !ALLOWED[from].includes(to);
  });
}

/**
 * The strongly connected groups of modules (Tarjan's algorithm), each given as the imports among its
 * members: every group of two or more modules is at least one cycle.
 */
export function importCycles(edges: readonly Edge[]): Edge[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((group) => {
    const members = new Set(group);
    return edges.filter((e) => members.has(e.from) && members.has(e.to));
  });
}
