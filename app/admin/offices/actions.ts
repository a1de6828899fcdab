"use server";

import { afterWrite } from "@/app/_lib/read-db";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { saveOffice } from "@/db/queries/letters";
import { requireRole } from "@/app/_auth/session";
import { actorOf } from "@/app/_lib/actor";
import { isPrefectureCode } from "@/lib/prefectures";
import { isPlainText } from "@/lib/safe-text";

const text = (max: number) => z.string().trim().max(max).refine(isPlainText);
const officeForm = z.object({
  prefecture: z.string().refine(isPrefectureCode),
  officeName: text(100).pipe(z.string().min(1)),
  phone: text(30).transform((v) => v || null),
  portalUrl: text(200)
    .refine((v) => v === "" || /^https:\/\/[^\s<>"]+$/.test(v))
    .transform((v) => v || null),
});

/** Saves one prefecture's letter sender (admins, only prefectures in their scope). */
export async function saveOfficeAction(form: FormData): Promise<void> {
  const admin = await requireRole("admin");
  const parsed = officeForm.safeParse(
    Object.fromEntries(["prefecture", "officeName", "phone", "portalUrl"].map((k) => [k, String(form.get(k) ?? "")])),
  );
  if (!parsed.success) redirect(`/admin/offices?error=${encodeURIComponent(String(form.get("prefecture") ?? ""))}`);
  const saved = await saveOffice(getDb(), admin.scope, await actorOf(admin), parsed.data);
  await afterWrite();
  revalidatePath("/admin/offices");
  redirect(saved ? `/admin/offices?saved=${parsed.data.prefecture}` : "/admin/offices");
}
