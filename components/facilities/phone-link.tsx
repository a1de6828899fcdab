import { telHref } from "@/lib/phone";

/** A phone number as written, dialable with one tap on a phone (tel:), plain text when it cannot be dialled. */
export function PhoneLink({ phone }: { phone: string | null | undefined }) {
  if (!phone) return null;
  const href = telHref(phone);
  return href ? (
    <a href={href} className="tel" data-testid="tel">
      {phone}
    </a>
  ) : (
    <>{phone}</>
  );
}
