// Reads a PDF the way a reader's PDF viewer does, with Mozilla's pdf.js:
// the text of each page, the outline and the document title.
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface ReadPdf {
  title: string
  pages: string[]
  outline: string[]
}

export async function readPdf(path: string): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise
  try {
    const pages: string[] = []
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent()
      pages.push(content.items.map(item => ('str' in item ? item.str : '')).join(' '))
    }
    const outline = ((await doc.getOutline()) ?? []).flatMap(function titles(node): string[] {
      return [node.title, ...(node.items ?? []).flatMap(titles)]
    })
    const { info } = await doc.getMetadata() as { info: { Title?: string } }
    return { title: info.Title ?? '', pages, outline }
  }
  finally {
    await doc.destroy()
  }
}

/** Text compared letter by letter, ignoring how the PDF split it into runs and lines. */
export function letters(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’ʼ]/g, '\'').replace(/\s+/g, '')
}
