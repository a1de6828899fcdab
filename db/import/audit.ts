import type { Db } from "../client";
import { recordAudit } from "../queries/audit";
import { ImportFileError } from "../../lib/import/decode";
import type { ImportSummary } from "../../lib/import/types";

/** Who ran an import: a signed-in user through the upload route, or a person at the command line (no user id). */
export interface ImportAuditActor {
  id: number | null;
  email: string;
  ip: string | null;
}

/**
 * One audit entry per import, the same from the upload route and from `npm run import`: which file, the
 * counts (or why it failed), and by which way it came in.
 */
export async function auditImport(
  db: Db,
  actor: ImportAuditActor,
  run: { kind: string; fileName: string; dryRun: boolean; via: "upload" | "cli" },
  outcome: { summary: ImportSummary } | { error: unknown },
): Promise<void> {
  const target = `${run.kind}:${run.fileName}`;
  if ("summary" in outcome) {
    const s = outcome.summary;
    await recordAudit(db, {
      userId: actor.id,
      email: actor.email,
      ip: actor.ip,
      action: run.dryRun ? "import.preview" : "import",
      target,
      details: {
        via: run.via,
        batchId: s.batchId,
        encoding: s.encoding,
        rows: s.rows,
        inserted: s.inserted,
        updated: s.updated,
        unchanged: s.unchanged,
        rejected: s.rejected,
        errorsOmitted: s.errorsOmitted,
      },
    });
  } else {
    const reason = outcome.error instanceof ImportFileError ? outcome.error.reason : "error";
    await recordAudit(db, {
      userId: actor.id,
      email: actor.email,
      ip: actor.ip,
      action: "import.failed",
      target,
      details: { via: run.via, dryRun: run.dryRun, reason },
    });
  }
}
