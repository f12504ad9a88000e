// The reading page as a document: read.html, written from the reading view's capture
// (./capture.ts), and the rules that lay the reading view out as the page itself,
// shared with a slide's page (./slide-page.ts) where reading/page/ picks it.
import { CLASS, ID, PAGE_SCRIPT, READ_PATH } from './contract'

/**
 * The reading page (<html class="lp-reading">: read.html as built, a slide's page once
 * reading/page/ chose it): the reading view in the flow, the page scrolling, the notes
 * hidden when the reader hid them.
 */
export function readingPageCss(): string[] {
  const reading = `html.${CLASS.reading}`
  return [
    `${reading} .${CLASS.snapRead}{display:block}`,
    `${reading} .${CLASS.snapSlide}{display:none}`,
    `${reading},${reading} body,${reading} #app{height:auto!important;overflow:visible!important}`,
    `${reading}.${CLASS.notesHidden} .${CLASS.notes}{display:none}`,
  ]
}

/**
 * The reading page, read.html: the whole reading view as a document of its own, valid
 * HTML, with no app (the page's script wires its controls). From the built index.html's
 * head: its meta tags (the CSP among them), icon and manifest; not its app.
 */
export function readingPage(shell: string, base: string, whole: { html: string, css: string[] }, fonts: string[]): string {
  const head = shell.slice(0, shell.indexOf('</head>'))
    .replace(/<link rel="(?:stylesheet|modulepreload)"[^>]*>\n?/g, '')
    .replace(/<script\b[^>]*><\/script>\n?/g, '')
    .replace(/<html([^>]*)>/, `<html$1 class="${CLASS.reading}">`)
  return [
    head,
    ...fonts.map(f => `<link rel="preload" href="${f}" as="font" type="font/woff2" crossorigin>`),
    `<style>${[
      ...whole.css,
      ...readingPageCss(),
    ].join('\n')}</style>`,
    `<script src="${base}${PAGE_SCRIPT}" data-shows="${READ_PATH}"></script>`,
    '</head>',
    '<body>',
    `<div id="app"><div id="${ID.snapshot}" data-shows="${READ_PATH}"><div class="${CLASS.snapRead}">${whole.html}</div></div></div>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
