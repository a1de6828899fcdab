import { spawnSync } from "node:child_process";

/**
 * A Python 3 that has openpyxl (Debian's /usr/bin/python3 with python3-openpyxl, or the first python3 on
 * the PATH), for the tests that read our workbooks back with another program; null when there is none.
 */
export function pythonWithOpenpyxl(): string | null {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(python, ["-c", "import openpyxl"], { encoding: "utf8" });
    if (probe.status === 0) return python;
  }
  return null;
}
