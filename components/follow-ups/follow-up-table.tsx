"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import type { Lang, Messages } from "@/lib/i18n/messages";
import { ALERT_RULE_INFO } from "@/lib/alerts/catalogue";
import { STATE_INFO } from "@/lib/states";
import { TABLE_TYPE_INFO } from "@/lib/table-types";
import { prefectureByCode } from "@/lib/prefectures";
import { OUTCOME_LABELS } from "@/lib/follow-ups/contacts";
import { PhoneLink } from "@/components/facilities/phone-link";
import { DataTable, type DataTableColumn, type dataTableFeatures } from "@/components/data-table/data-table";
import type { Query } from "@/components/data-table/url";
import type { FollowUpItem } from "@/lib/follow-ups/types";
import type { Alert } from "@/lib/alerts/catalogue";
import type { EventState } from "@/lib/states";
import type { TableType } from "@/lib/table-types";
import type { BulkState } from "@/lib/forms/states";
import { formatCount } from "@/lib/i18n/format";

const column = createColumnHelper<typeof dataTableFeatures, FollowUpItem>();

function followUpColumns(t: Messages, lang: Lang): DataTableColumn<FollowUpItem>[] {
  return [
    column.accessor("code", {
      id: "code",
      header: t.code,
      cell: (c) => <Link href={`/facilities/${c.getValue()}`}>{c.getValue()}</Link>,
    }),
    column.accessor("name", { id: "name", header: t.name }),
    column.accessor("phone", {
      id: "phone",
      header: t.fu.facility.phone,
      enableSorting: false,
      cell: (c) => <PhoneLink phone={c.getValue()} />,
    }),
    column.accessor("prefecture", {
      id: "prefecture",
      header: t.prefecture,
      cell: (c) =>
        (lang === "en" ? prefectureByCode(c.getValue())?.nameEn : prefectureByCode(c.getValue())?.nameJa) ??
        c.getValue(),
    }),
    column.accessor("tableType", {
      id: "tableType",
      header: t.tableType,
      cell: (c) => TABLE_TYPE_INFO[c.getValue() as TableType][lang],
    }),
    column.accessor("status", {
      id: "status",
      header: t.status,
      cell: (c) => STATE_INFO[c.getValue() as EventState][lang],
    }),
    column.accessor("alerts", {
      id: "urgency",
      header: t.fu.alerts,
      cell: (c) => (
        <span className="alert-tags">
          {(c.getValue() as Alert[]).map((a) => (
            <span
              key={a.rule}
              className={`alert-tag sev-${ALERT_RULE_INFO[a.rule].severity}`}
              title={a.message[lang]}
              data-rule={a.rule}
            >
              {ALERT_RULE_INFO[a.rule][lang]}
            </span>
          ))}
        </span>
      ),
    }),
    column.accessor((row) => row.alerts[0]?.dueOn ?? "", { id: "dueOn", header: t.fu.dueOn }),
    column.accessor("assignee", { id: "assignee", header: t.fu.assignee, cell: (c) => c.getValue() ?? "" }),
    column.accessor("nextActionOn", { id: "nextAction", header: t.fu.nextAction, cell: (c) => c.getValue() ?? "" }),
    column.accessor("lastContactOn", {
      id: "lastContact",
      header: t.rn.lastContact,
      enableSorting: false,
      cell: (c) =>
        c.row.original.lastContactOn
          ? `${c.row.original.lastContactOn} ${
              c.row.original.lastContactOutcome ? OUTCOME_LABELS[c.row.original.lastContactOutcome][lang] : ""
            }`
          : "",
    }),
  ];
}

interface Props {
  t: Messages;
  lang: Lang;
  items: FollowUpItem[];
  total: number;
  page: number;
  pageSize: number;
  query: Query;
  canEdit: boolean;
  colleagues: { id: number; email: string; name: string | null }[];
  bulkAction: (state: BulkState, form: FormData) => Promise<BulkState>;
  /** The list's query string: with "all matching" ticked, the action applies to every row it gives. */
  listQuery: string;
}

const FORM_ID = "follow-up-bulk";

/** The follow-up list: the table shell with per-row checkboxes, and the bulk form they submit with. */
export function FollowUpTable({
  t,
  lang,
  items,
  total,
  page,
  pageSize,
  query,
  canEdit,
  colleagues,
  bulkAction,
  listQuery,
}: Props) {
  const [state, submit, pending] = useActionState(bulkAction, { ok: false });
  const router = useRouter();
  const printLetters = () => {
    const codes = [...document.querySelectorAll<HTMLInputElement>(`input[name=codes][form=${FORM_ID}]:checked`)].map(
      (i) => i.value,
    );
    router.push(codes.length > 0 ? `/follow-ups/letters?codes=${codes.join(",")}` : "/follow-ups/letters");
  };
  return (
    <>
      <form id={FORM_ID} action={submit} className="bulk" data-testid="bulk-form">
        <strong>{t.fu.selected}</strong>
        {canEdit && (
          <>
            <label>
              {t.fu.assignTo}
              <select name="assignee" defaultValue="">
                <option value="">{t.fu.keepAssignee}</option>
                <option value="none">{t.fu.unassign}</option>
                {colleagues.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.email}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t.fu.setNextAction}
              <input type="date" name="nextActionOn" title={t.fu.keepNextAction} />
            </label>
            {total > items.length && (
              <label className="check">
                <input type="checkbox" name="allMatching" value={listQuery} />
                {t.rn.allMatching.replace("{n}", formatCount(Math.min(total, 5000), lang))}
              </label>
            )}
            <button className="btn" type="submit" disabled={pending}>
              {t.fu.update}
            </button>
          </>
        )}
        <button className="btn secondary" type="button" onClick={printLetters}>
          {t.fu.letters}
        </button>
        <span role="status" className={state.error ? "error" : "muted"} data-testid="bulk-status">
          {state.error === "nothing_selected"
            ? t.fu.nothingSelected
            : state.error
              ? t.fu.invalid
              : state.ok
                ? `${state.updated} ${t.fu.updated}${
                    state.refused ? `${lang === "en" ? ", " : "・"}${state.refused} ${t.fu.refused}` : ""
                  }`
                : ""}
        </span>
      </form>
      <DataTable
        key={`${state.at ?? 0}`}
        columns={followUpColumns(t, lang)}
        data={items}
        rowId={(r) => r.code}
        total={total}
        page={page}
        pageSize={pageSize}
        sort={query.sort ?? "urgency"}
        dir={query.dir === "desc" ? "desc" : "asc"}
        path="/follow-ups"
        query={query}
        labels={t.fu.table}
        lang={lang}
        selection={{ formId: FORM_ID, name: "codes" }}
        testId="follow-up-table"
        cardsOnPhone
        nowrap={["code", "phone", "status", "dueOn", "nextAction", "prefecture", "tableType"]}
      />
    </>
  );
}
