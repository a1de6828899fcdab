import "server-only";
import type { z } from "zod";
import { requireRole, requireUserForPasswordChange, type CurrentUser } from "@/app/_auth/session";
import type { Actor } from "@/db/queries/audit-entry";
import type { Role } from "@/db/queries/users";
import { actorOf } from "@/app/_lib/actor";

/** What every form's state has: whether the last submission went through, and when (so a repeat re-renders). */
export interface FormState {
  ok: boolean;
  at?: number;
}

/** What an action built with the kit is given: the checks are done, the form is parsed. */
export interface ActionContext<I> {
  user: CurrentUser;
  /** The user and client address as the audit log records them. */
  actor: Actor;
  input: I;
  form: FormData;
}

export interface ActionSpec<I, R> {
  /**
   * The least role (a lower one goes to /forbidden, audited; signed out to the sign-in page), or
   * "password-change" for the one page a user whose password was reset may still use.
   */
  role: Role | "password-change";
  /** How the form becomes what the schema reads (which fields, which repeat, what blank means). */
  fields?: (form: FormData) => unknown;
  schema?: z.ZodType<I>;
  /** The answer when the schema refuses the form: a form state, or a redirect. */
  invalid?: (error: z.ZodError, form: FormData) => R | Promise<R>;
}

/** The sign-in and role check, the audit actor and the parsed input, in that order; the refusal's answer if any. */
async function prepare<I, R>(
  spec: ActionSpec<I, R>,
  form: FormData,
): Promise<{ ok: true; ctx: ActionContext<I> } | { ok: false; answer: R }> {
  const user = spec.role === "password-change" ? await requireUserForPasswordChange() : await requireRole(spec.role);
  const actor = await actorOf(user);
  let input = undefined as I;
  if (spec.schema) {
    const parsed = spec.schema.safeParse(spec.fields ? spec.fields(form) : form);
    if (!parsed.success) {
      if (!spec.invalid) throw new Error("an action with a schema says what a refused form answers");
      return { ok: false, answer: await spec.invalid(parsed.error, form) };
    }
    input = parsed.data;
  }
  return { ok: true, ctx: { user, actor, input, form } };
}

/**
 * A server action for a form with `useActionState`: (previous state, form data) → the next state. Every
 * app/**\/actions.ts export is built with this or `formAction` (app/route-coverage.test.ts checks).
 */
export function stateAction<I, S extends FormState>(
  spec: ActionSpec<I, S>,
  body: (ctx: ActionContext<I>) => Promise<S>,
): (previous: S, form: FormData) => Promise<S> {
  return async (_previous, form) => {
    const prepared = await prepare(spec, form);
    return prepared.ok ? body(prepared.ctx) : prepared.answer;
  };
}

/** A server action for a plain `<form action>`: it answers with a redirect or a revalidated page, not a state. */
export function formAction<I>(
  spec: ActionSpec<I, void>,
  body: (ctx: ActionContext<I>) => Promise<void>,
): (form: FormData) => Promise<void> {
  return async (form) => {
    const prepared = await prepare(spec, form);
    if (prepared.ok) await body(prepared.ctx);
  };
}
