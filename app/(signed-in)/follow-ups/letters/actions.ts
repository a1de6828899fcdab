"use server";

import { afterWrite } from "@/app/_lib/read-db";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordLettersSent } from "@/db/queries/letters";
import { stateAction } from "@/app/_lib/action";
import { todayIso } from "@/lib/dates";
import type { LettersState } from "@/components/follow-ups/record-letters-button";

const form = z.object({
  codes: z
    .array(z.string().regex(/^\d{10}$/))
    .min(1)
    .max(100),
});

/**
 * A printed batch: one "letter sent" contact per facility in the caller's scope and an audit entry (editors, admins).
 */
export const recordLettersAction = stateAction(
  {
    role: "editor",
    fields: (data) => ({ codes: data.getAll("codes").map(String) }),
    schema: form,
    invalid: (): LettersState => ({ ok: false }),
  },
  async ({ user, actor, input }): Promise<LettersState> => {
    const sent = await recordLettersSent(getDb(), user.scope, actor, input.codes, todayIso());
    await afterWrite();
    return { ok: true, recorded: sent.length, at: Date.now() };
  },
);
