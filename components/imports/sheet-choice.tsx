"use client";

import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";

/**
 * Offered when a workbook has several sheets (after a preview, or when the sheet read had no list on it):
 * pick another sheet and preview again.
 */
export function SheetChoice({
  t,
  sheets,
  current,
  disabled,
  onChoose,
}: {
  t: Messages["imports"];
  sheets: string[];
  current: string | undefined;
  disabled: boolean;
  onChoose: (sheet: string) => void;
}) {
  const [sheet, setSheet] = useState(current ?? sheets[0]);
  return (
    <form
      className="import-sheet"
      onSubmit={(e) => {
        e.preventDefault();
        onChoose(sheet);
      }}
    >
      <p>{t.sheetChoice}</p>
      <label>
        {t.sheet}
        <select name="sheet" value={sheet} disabled={disabled} onChange={(e) => setSheet(e.target.value)}>
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button className="btn secondary" type="submit" disabled={disabled || sheet === current}>
        {t.sheetRecheck}
      </button>
    </form>
  );
}
