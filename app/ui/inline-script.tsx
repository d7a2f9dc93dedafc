// A few lines of script in the page itself, for a small enhancement on a page that loads no React
// (decision 022). The page's Content-Security-Policy lists each inline script's hash
// (app/entry.server.tsx), so only code written here can run; never put input in it.
export function InlineScript(props: { code: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: fixed code of our own, no input in it
  return <script dangerouslySetInnerHTML={{ __html: props.code }} />;
}
