import type { Lang } from "@/lib/i18n/messages";

/**
 * One labelled drop-down of a GET filter form: "all" (the empty value) first, then the choices. The
 * selected value comes from the URL, so the form shows the view as bookmarked.
 */
export function ChoiceFilter({
  label,
  name,
  value,
  allLabel,
  choices,
}: {
  label: string;
  name: string;
  value: string | undefined;
  allLabel: string;
  choices: readonly { value: string | number; label: string }[];
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Choices from a list of keys and their labels in the page's language. */
export function choicesOf<K extends string>(
  keys: readonly K[],
  info: Record<K, { ja: string; en: string }>,
  lang: Lang,
) {
  return keys.map((k) => ({ value: k, label: info[k][lang] }));
}
