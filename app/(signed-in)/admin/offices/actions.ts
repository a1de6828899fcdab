"use server";

import { afterWrite } from "@/app/_lib/read-db";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { saveOffice } from "@/db/queries/letters";
import { formAction } from "@/app/_lib/action";
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

const fields = (form: FormData) =>
  Object.fromEntries(["prefecture", "officeName", "phone", "portalUrl"].map((k) => [k, String(form.get(k) ?? "")]));

/** Saves one prefecture's letter sender (admins, only prefectures in their scope). */
export const saveOfficeAction = formAction(
  {
    role: "admin",
    fields,
    schema: officeForm,
    invalid: (_error, form) =>
      redirect(`/admin/offices?error=${encodeURIComponent(String(form.get("prefecture") ?? ""))}`),
  },
  async ({ user: admin, actor, input }) => {
    const saved = await saveOffice(getDb(), admin.scope, actor, input);
    await afterWrite();
    revalidatePath("/admin/offices");
    redirect(saved ? `/admin/offices?saved=${input.prefecture}` : "/admin/offices");
  },
);
