"use server";

import { afterWrite } from "@/app/_lib/read-db";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordLettersSent } from "@/db/queries/letters";
import { requireRole } from "@/app/_auth/session";
import { actorOf } from "@/app/_lib/actor";
import { todayIso } from "@/lib/dates";
import type { LettersState } from "@/components/follow-ups/record-letters-button";

const form = z.object({
  codes: z
    .array(z.string().regex(/^\d{10}$/))
    .min(1)
    .max(100),
});

/** A printed batch: one "letter sent" contact per facility in the caller's scope and an audit entry (editors, admins). */
export async function recordLettersAction(_prev: LettersState, data: FormData): Promise<LettersState> {
  const user = await requireRole("editor");
  const parsed = form.safeParse({ codes: data.getAll("codes").map(String) });
  if (!parsed.success) return { ok: false };
  const sent = await recordLettersSent(getDb(), user.scope, await actorOf(user), parsed.data.codes, todayIso());
  await afterWrite();
  return { ok: true, recorded: sent.length, at: Date.now() };
}
