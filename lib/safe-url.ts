/** A URL without its query and fragment: enough to say which page failed, nothing personal. */
export function safeUrl(href: string): string {
  try {
    const u = new URL(href);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}
