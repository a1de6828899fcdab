import type { Messages } from "@/lib/i18n/messages";
import { PrintedAt } from "./printed-at";

/** Shown only on paper: what the sheet is about, as of which day, and when it was printed. */
export function PrintHeader({ t, asOf, scopeLabel }: { t: Messages; asOf: string; scopeLabel: string }) {
  return (
    <div className="print-only print-header" data-testid="print-header">
      <span>{t.appName}</span>
      <span>
        {t.asOf}: {asOf}
      </span>
      <span>
        {t.printScope}: {scopeLabel}
      </span>
      <span>
        {t.printedAt}: <PrintedAt />
      </span>
    </div>
  );
}
