"use client";

import { useActionState } from "react";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { CHANNEL_LABELS, CONTACT_CHANNELS, CONTACT_OUTCOMES, OUTCOME_LABELS } from "@/lib/follow-ups/contacts";
import type { ActionState } from "@/app/(signed-in)/facilities/[code]/actions";

interface ContactValues {
  id?: number;
  contactedOn: string;
  channel: string;
  outcome: string;
  promisedOn: string | null;
  note: string | null;
  nextActionOn: string | null;
}

interface Props {
  t: Messages;
  lang: Lang;
  code: string;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  values: ContactValues;
  submitLabel: string;
  testId: string;
}

/** Logs (or corrects) one contact: date, channel, outcome, promised date, note and the next action date. */
export function ContactForm({ t, lang, code, action, values, submitLabel, testId }: Props) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  const f = t.fu.facility;
  const bad = (field: string) => (state.fields?.includes(field) ? true : undefined);
  return (
    <form action={submit} className="contact-form" data-testid={testId} key={state.at}>
      <input type="hidden" name="code" value={code} />
      {values.id !== undefined && <input type="hidden" name="id" value={values.id} />}
      <label>
        {f.contactedOn}
        <input
          type="date"
          name="contactedOn"
          required
          defaultValue={values.contactedOn}
          aria-invalid={bad("contactedOn")}
        />
      </label>
      <label>
        {f.channel}
        <select name="channel" defaultValue={values.channel}>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c][lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {f.outcome}
        <select name="outcome" defaultValue={values.outcome}>
          {CONTACT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o][lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {f.promisedOn}
        <input type="date" name="promisedOn" defaultValue={values.promisedOn ?? ""} aria-invalid={bad("promisedOn")} />
      </label>
      <label>
        {f.nextActionOn}
        <input
          type="date"
          name="nextActionOn"
          defaultValue={values.nextActionOn ?? ""}
          aria-invalid={bad("nextActionOn")}
        />
      </label>
      <label className="wide">
        {f.note}
        <textarea name="note" rows={2} maxLength={2000} defaultValue={values.note ?? ""} />
      </label>
      <button className="btn" type="submit" disabled={pending}>
        {submitLabel}
      </button>
      <span role="status" className={state.error ? "error" : "muted"}>
        {state.error === "invalid" ? t.fu.invalid : state.error === "not_found" ? t.forbidden : state.ok ? f.saved : ""}
      </span>
    </form>
  );
}
