import type { FollowUpItem } from "@/db/queries/follow-ups";

/** A follow-up row as the API gives it (contracts.md): message in Japanese, English beside it. */
export function followUpJson(item: FollowUpItem) {
  return {
    code: item.code,
    name: item.name,
    prefecture: item.prefecture,
    tableType: item.tableType,
    status: item.status,
    statusSince: item.statusSince,
    alerts: item.alerts.map((a) => ({ rule: a.rule, dueOn: a.dueOn, message: a.message.ja, messageEn: a.message.en })),
    assignee: item.assignee,
    assigneeId: item.assigneeId,
    nextActionOn: item.nextActionOn,
    lastContactOn: item.lastContactOn,
    lastContactOutcome: item.lastContactOutcome,
  };
}
