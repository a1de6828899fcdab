"use client";

import { useActionState, useEffect } from "react";

export interface LettersState {
  ok: boolean;
  recorded?: number;
  at?: number;
}

interface Props {
  codes: string[];
  label: string;
  recordedLabel: string;
  action: (state: LettersState, form: FormData) => Promise<LettersState>;
}

/** Records the batch as sent (contact log and audit), then opens the print dialog. */
export function RecordLettersButton({ codes, label, recordedLabel, action }: Props) {
  const [state, submit, pending] = useActionState(action, { ok: false });
  useEffect(() => {
    if (state.ok && state.at) window.print();
  }, [state.ok, state.at]);
  return (
    <form action={submit} className="inline-form">
      {codes.map((c) => (
        <input key={c} type="hidden" name="codes" value={c} />
      ))}
      <button type="submit" className="btn" disabled={pending || codes.length === 0}>
        {label}
      </button>
      <span role="status" className="muted" data-testid="letters-status">
        {state.ok ? `${state.recorded} ${recordedLabel}` : ""}
      </span>
    </form>
  );
}
