"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/forms/states";
import { afterWrite } from "@/app/_lib/read-db";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addContact, updateContact } from "@/db/queries/contacts";
import { changeFollowUps } from "@/db/queries/assignments";
import { stateAction } from "@/app/_lib/action";
import { facilityCodeParam } from "@/app/_lib/follow-up-params";
import { isIsoDate } from "@/lib/dates";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from "@/lib/follow-ups/contacts";

const optionalDate = z
  .string()
  .transform((v) => v.trim())
  .refine((v) => v === "" || isIsoDate(v))
  .transform((v) => (v === "" ? null : v));

const contactForm = z.object({
  code: facilityCodeParam,
  contactedOn: z.string().refine(isIsoDate),
  channel: z.enum(CONTACT_CHANNELS),
  outcome: z.enum(CONTACT_OUTCOMES),
  promisedOn: optionalDate,
  nextActionOn: optionalDate,
  note: z
    .string()
    .max(2000)
    .transform((v) => (v.trim() === "" ? null : v.trim())),
});

function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") out[key] = value;
  for (const key of ["promisedOn", "nextActionOn", "note"]) out[key] ??= "";
  return out;
}

function invalid(error: z.ZodError): ActionState {
  return { ok: false, error: "invalid", fields: error.issues.map((i) => String(i.path[0])) };
}

/** Logs a contact (editors and admins); the facility must be in the user's prefectures. */
export const addContactAction = stateAction(
  { role: "editor", fields: formObject, schema: contactForm, invalid },
  async ({ user, actor, input: { code, ...input } }): Promise<ActionState> => {
    const saved = await addContact(getDb(), user.scope, actor, code, input);
    if (!saved) return { ok: false, error: "not_found" };
    await afterWrite();
    revalidatePath(`/facilities/${code}`);
    return { ok: true, at: Date.now() };
  },
);

/** Corrects a logged contact; the audit log keeps what it said before. */
export const updateContactAction = stateAction(
  {
    role: "editor",
    fields: formObject,
    schema: contactForm.extend({ id: z.coerce.number().int().positive() }),
    invalid,
  },
  async ({ user, actor, input: { code, id, ...input } }): Promise<ActionState> => {
    const saved = await updateContact(getDb(), user.scope, actor, code, id, input);
    if (!saved) return { ok: false, error: "not_found" };
    await afterWrite();
    revalidatePath(`/facilities/${code}`);
    return { ok: true, at: Date.now() };
  },
);

const followUpForm = z.object({
  code: facilityCodeParam,
  assignee: z.union([z.literal(""), z.coerce.number().int().positive()]),
  nextActionOn: optionalDate,
});

/** Sets who follows the facility up and the next action date. */
export const setFollowUpAction = stateAction(
  { role: "editor", fields: formObject, schema: followUpForm, invalid },
  async ({ user, actor, input: { code, assignee, nextActionOn } }): Promise<ActionState> => {
    const result = await changeFollowUps(getDb(), user.scope, actor, [code], {
      assigneeId: assignee === "" ? null : assignee,
      nextActionOn,
    });
    if (result.updated.length === 0) return { ok: false, error: "not_found" };
    await afterWrite();
    revalidatePath(`/facilities/${code}`);
    return { ok: true, at: Date.now() };
  },
);
