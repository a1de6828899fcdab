"use server";

import { revalidatePath } from "next/cache";
import type { BulkState } from "@/lib/forms/states";
import { afterWrite } from "@/app/_lib/read-db";
import { z } from "zod";
import { getDb } from "@/db/client";
import { changeFollowUps } from "@/db/queries/assignments";
import { followUpCodes } from "@/db/queries/follow-ups";
import { redirect } from "next/navigation";
import { followUpQuery, lenientParse, toFollowUpFilter } from "@/app/_lib/follow-up-params";
import { deleteView, saveView } from "@/db/queries/saved-views";
import { formAction, stateAction } from "@/app/_lib/action";
import { isIsoDate } from "@/lib/dates";

const bulkForm = z.object({
  codes: z.array(z.string().regex(/^\d{10}$/)).max(1000),
  // "" keeps the assignee, "none" removes it, a number assigns.
  assignee: z.union([z.enum(["", "none"]), z.coerce.number().int().positive()]),
  nextActionOn: z.string().refine((v) => v === "" || isIsoDate(v)),
});

/** Assigns the selected facilities and/or sets their next action date (editors and admins). */
export const bulkFollowUpAction = stateAction(
  {
    role: "editor",
    fields: (form) => ({
      codes: form.getAll("codes").map(String),
      assignee: String(form.get("assignee") ?? ""),
      nextActionOn: String(form.get("nextActionOn") ?? ""),
    }),
    schema: bulkForm,
    invalid: (): BulkState => ({ ok: false, error: "invalid" }),
  },
  async ({ user, actor, input, form }): Promise<BulkState> => {
    const { assignee, nextActionOn } = input;
    let codes = input.codes;
    // "All matching": every facility of the filtered list (as the page had it), not only the ticked rows.
    const all = form.get("allMatching");
    if (typeof all === "string" && all.length <= 2000) {
      const filter = toFollowUpFilter(
        lenientParse(followUpQuery, Object.fromEntries(new URLSearchParams(all))),
        user.id,
      );
      codes = (await followUpCodes(getDb(), user.scope, filter, WHOLE_LIST_MAX)).codes;
    }
    if (codes.length === 0) return { ok: false, error: "nothing_selected" };
    if (assignee === "" && nextActionOn === "") return { ok: false, error: "invalid" };
    const result = await changeFollowUps(getDb(), user.scope, actor, codes, {
      ...(assignee !== "" && { assigneeId: assignee === "none" ? null : assignee }),
      ...(nextActionOn !== "" && { nextActionOn }),
    });
    await afterWrite();
    revalidatePath("/follow-ups");
    return { ok: true, updated: result.updated.length, refused: result.refused.length, at: Date.now() };
  },
);

const viewForm = z.object({ name: z.string().trim().min(1).max(60), query: z.string().max(2000) });

/** Saves the current filters under a name, for this user only. */
export const saveViewAction = formAction(
  {
    role: "viewer",
    fields: (form) => ({ name: form.get("name"), query: form.get("query") ?? "" }),
    schema: viewForm,
    invalid: () => {},
  },
  async ({ user, input, form }) => {
    // Only the query string is kept, never a full URL: a saved view cannot point elsewhere.
    const query = new URLSearchParams(input.query);
    query.delete("page");
    await saveView(getDb(), user.id, "/follow-ups", input.name, query.toString(), form.get("shared") === "on");
    await afterWrite();
    revalidatePath("/follow-ups");
  },
);

/** Deletes one of the user's saved views. */
export const deleteViewAction = formAction(
  { role: "viewer", fields: (form) => form.get("id"), schema: z.coerce.number().int().positive(), invalid: () => {} },
  async ({ user, input: id }) => {
    await deleteView(getDb(), user.id, id);
    await afterWrite();
    revalidatePath("/follow-ups");
  },
);

/** Most facilities one assignment over a whole filtered list may change (a contractor's, or the list's). */
const WHOLE_LIST_MAX = 5000;

const contractorForm = z.object({ query: z.string().max(2000), assignee: z.coerce.number().int().positive() });

/**
 * Assigns every facility of the filtered list (the list's filters and its contractor, as the page had them)
 * to one colleague: one call to a contractor, one person following all its facilities up. Editors and admins.
 */
export const assignContractorAction = formAction(
  {
    role: "editor",
    fields: (form) => ({ query: form.get("query") ?? "", assignee: form.get("assignee") }),
    schema: contractorForm,
    invalid: () => redirect("/follow-ups?view=contractors"),
  },
  async ({ user, actor, input }) => {
    const query = Object.fromEntries(new URLSearchParams(input.query));
    const filter = toFollowUpFilter(lenientParse(followUpQuery, query), user.id);
    if (!filter.contractor) redirect("/follow-ups?view=contractors");
    const { codes } = await followUpCodes(getDb(), user.scope, filter, WHOLE_LIST_MAX);
    const result = await changeFollowUps(getDb(), user.scope, actor, codes, {
      assigneeId: input.assignee,
    });
    await afterWrite();
    revalidatePath("/follow-ups");
    const back = new URLSearchParams(query);
    back.delete("contractor");
    back.set("view", "contractors");
    back.set("assigned", String(result.updated.length));
    redirect(`/follow-ups?${back}`);
  },
);
