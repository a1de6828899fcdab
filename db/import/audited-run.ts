import { getDb } from "../client";
import { auditImport, type ImportAuditActor } from "./audit";
import { runImport, type ImportActor, type RunOptions } from "./run";
import type { ImportKind } from "../../lib/import/kinds";
import type { ImportSummary } from "../../lib/import/types";

/**
 * An import as the upload route and `npm run import` both run it: the stages of runImport, then one audit
 * entry for what came of it (the counts, or why it failed), saying which way the file came in.
 */
export async function runAuditedImport<K extends ImportKind>(
  options: RunOptions<K> & { actor: ImportActor & ImportAuditActor; via: "upload" | "cli" },
): Promise<ImportSummary> {
  const { actor, via, ...rest } = options;
  const run = { kind: options.kind, fileName: options.fileName, dryRun: options.dryRun, via };
  const audited = { id: actor.id, email: actor.email, ip: actor.ip };
  let summary: ImportSummary;
  try {
    summary = await runImport({ ...rest, actor: { id: actor.id, email: actor.email, scope: actor.scope } });
  } catch (error) {
    await auditImport(getDb(), audited, run, { error });
    throw error;
  }
  await auditImport(getDb(), audited, run, { summary });
  return summary;
}
