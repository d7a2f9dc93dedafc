// An e-mail address shown only so far that its owner recognises it and a bystander learns little:
// the first character of the name and the whole domain, `v…@org.nl`.

export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return "…";
  // Array.from: the first character, not the first UTF-16 unit (a name may start with an emoji).
  const first = Array.from(email.slice(0, at))[0] ?? "";
  return `${first}…${email.slice(at)}`;
}
