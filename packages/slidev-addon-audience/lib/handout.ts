// The handout PDF's file name, from the headmatter's `exportFilename` (Slidev's own
// slides PDF is `<exportFilename>.pdf`): the build writes it (scripts/handout.ts), the
// offline precache holds it (vite.config.ts), the reading view and the nav bar link to
// it. Pure, for Node and the browser alike.
export function handoutFile(exportFilename: string | null | undefined): string {
  return `${exportFilename || 'slides'}-handout.pdf`
}
