"use client";

import { useActionState } from "react";
import { bracket, type Lang, type Messages } from "@/lib/i18n/messages";
import type { ActionState } from "@/app/(signed-in)/facilities/[code]/actions";

interface Props {
  t: Messages;
  lang: Lang;
  code: string;
  colleagues: { id: number; email: string; name: string | null }[];
  assigneeId: number | null;
  nextActionOn: string | null;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
}

/** Who follows this facility up, and when the next step is due. */
export function FollowUpForm({ t, lang, code, colleagues, assigneeId, nextActionOn, action }: Props) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  return (
    <form action={submit} className="filters" data-testid="follow-up-form">
      <input type="hidden" name="code" value={code} />
      <label>
        {t.fu.assignee}
        <select name="assignee" defaultValue={assigneeId ?? ""}>
          <option value="">{t.fu.assigneeNone}</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name ? `${c.name}${bracket(lang, c.email)}` : c.email}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.fu.nextAction}
        <input type="date" name="nextActionOn" defaultValue={nextActionOn ?? ""} />
      </label>
      <button className="btn" type="submit" disabled={pending}>
        {t.fu.facility.save}
      </button>
      <span role="status" className={state.error ? "error" : "muted"}>
        {state.error === "invalid" ? t.fu.invalid : state.error ? t.forbidden : state.ok ? t.fu.facility.saved : ""}
      </span>
    </form>
  );
}
