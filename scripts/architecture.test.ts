import { describe, expect, it } from "vitest";
import { dependencyEdges, importCycles, upwardArrows, type Edge } from "./architecture";

/**
 * The code's rooms and the one direction of their arrows (/work/shared/style.md, the README): a module may
 * import its own room and the rooms listed here, nothing else of ours. Type-only imports count too.
 */
const ROOT = new URL("..", import.meta.url).pathname;

const show = (edges: readonly Edge[]) => edges.map((e) => `  ${e.from} → ${e.to}`).join("\n");

describe("dependency direction", () => {
  const edges = dependencyEdges(ROOT);

  it("reads the imports of the tree", () => {
    // A guard against a reader that silently finds nothing (and so can never fail).
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: "db/queries/progress.ts", to: "db/client.ts" });
  });

  it("has no upward arrow: lib imports nothing of ours, components not db, db not app or components", () => {
    const bad = upwardArrows(edges);
    expect(show(bad), "imports against the direction app → components, db, lib; components → lib; db → lib").toBe("");
  });

  it("has no import cycle among our modules", () => {
    const cycles = importCycles(edges);
    expect(cycles.map((c, i) => `cycle ${i + 1}:\n${show(c)}`).join("\n"), "import cycles").toBe("");
  });

  it("catches a bad arrow and a cycle when there is one", () => {
    const planted: Edge[] = [
      { from: "components/a.tsx", to: "db/queries/b.ts" },
      { from: "lib/x.ts", to: "lib/y.ts" },
      { from: "lib/y.ts", to: "lib/x.ts" },
    ];
    expect(upwardArrows(planted)).toEqual([planted[0]]);
    expect(importCycles(planted)).toEqual([[planted[1], planted[2]]]);
  });
});
