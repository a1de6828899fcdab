"use client";

/** Opens the browser's print dialog; disabled when there is nothing to print. */
export function PrintButton({ label, disabled = false }: { label: string; disabled?: boolean }) {
  return (
    <button type="button" className="btn" onClick={() => window.print()} disabled={disabled} data-testid="print">
      {label}
    </button>
  );
}
