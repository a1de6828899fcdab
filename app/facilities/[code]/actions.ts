"use server";

import { revalidatePath } from "next/cache";
import { afterWrite } from "@/app/_lib/read-db";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addContact, updateContact } from "@/db/queries/contacts";
import { changeFollowUps } from "@/db/queries/assignments";
import { requireRole } from "@/app/_auth/session";
import { actorOf } from "@/app/_lib/actor";
import { facilityCodeParam } from "@/app/_lib/follow-up-params";
import { isIsoDate } from "@/lib/dates";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from "@/lib/follow-ups/contacts";

export interface ActionState {
  ok: boolean;
  error?: "invalid" | "not_found";
  fields?: string[];
  at?: number;
}

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
export async function addContactAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireRole("editor");
  const parsed = contactForm.safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { code, ...input } = parsed.data;
  const saved = await addContact(getDb(), user.scope, await actorOf(user), code, input);
  if (!saved) return { ok: false, error: "not_found" };
  await afterWrite();
  revalidatePath(`/facilities/${code}`);
  return { ok: true, at: Date.now() };
}

/** Corrects a logged contact; the audit log keeps what it said before. */
export async function updateContactAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireRole("editor");
  const parsed = contactForm.extend({ id: z.coerce.number().int().positive() }).safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { code, id, ...input } = parsed.data;
  const saved = await updateContact(getDb(), user.scope, await actorOf(user), code, id, input);
  if (!saved) return { ok: false, error: "not_found" };
  await afterWrite();
  revalidatePath(`/facilities/${code}`);
  return { ok: true, at: Date.now() };
}

const followUpForm = z.object({
  code: facilityCodeParam,
  assignee: z.union([z.literal(""), z.coerce.number().int().positive()]),
  nextActionOn: optionalDate,
});

/** Sets who follows the facility up and the next action date. */
export async function setFollowUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireRole("editor");
  const parsed = followUpForm.safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { code, assignee, nextActionOn } = parsed.data;
  const result = await changeFollowUps(getDb(), user.scope, await actorOf(user), [code], {
    assigneeId: assignee === "" ? null : assignee,
    nextActionOn,
  });
  if (result.updated.length === 0) return { ok: false, error: "not_found" };
  await afterWrite();
  revalidatePath(`/facilities/${code}`);
  return { ok: true, at: Date.now() };
}
