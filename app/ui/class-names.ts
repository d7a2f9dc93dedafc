// Joins the class names that apply; the wrappers' one way to add a modifier or the caller's own class.
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
