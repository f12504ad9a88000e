// Reads a PDF the way a reader's PDF viewer does, with Mozilla's pdf.js:
// the text of each page, the outline and the document title, and for tagged PDFs
// the structure tree (headings, reading order) and the links on each page.
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface ReadPdf {
  title: string
  pages: string[]
  outline: string[]
  /** The structure tree's roles in reading order, page by page (empty when untagged). */
  roles: string[][]
  /** Link targets, page by page. */
  links: string[][]
}

interface StructNode { role?: string, children?: (StructNode | { type: string })[] }

export async function readPdf(path: string): Promise<ReadPdf> {
  const doc = await getDocument({
    data: new Uint8Array(readFileSync(path)),
    isEvalSupported: false,
    verbosity: 0,
  }).promise
  try {
    const pages: string[] = []
    const roles: string[][] = []
    const links: string[][] = []
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i)
      const content = await page.getTextContent()
      pages.push(content.items.map(item => ('str' in item
        ? item.str
        : '')).join(' '))
      const tree = await page.getStructTree() as StructNode | null
      roles.push(tree
        ? (function walk(node: StructNode): string[] {
            return [
              ...(node.role
                ? [node.role]
                : []),
              ...(node.children ?? []).flatMap(c => ('role' in c || 'children' in c)
                ? walk(c as StructNode)
                : []),
            ]
          })(tree)
        : [])
      links.push((await page.getAnnotations()).filter(a => a.subtype === 'Link' && a.url).map(a => a.url as string))
    }
    const outline = ((await doc.getOutline()) ?? []).flatMap(function titles(node): string[] {
      return [
        node.title,
        ...(node.items ?? []).flatMap(titles),
      ]
    })
    const { info } = await doc.getMetadata() as { info: { Title?: string } }
    return {
      title: info.Title ?? '',
      pages,
      outline,
      roles,
      links,
    }
  }
  finally {
    await doc.destroy()
  }
}

/** Text compared letter by letter, ignoring how the PDF split it into runs and lines. */
export function letters(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’ʼ]/g, '\'').replace(/\s+/g, '')
}
