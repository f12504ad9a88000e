import QRCode from 'qrcode'
import { defineConfig } from 'vite'
import { checkDeckUrl } from './scripts/options.ts'

// DECK_URL, set at build time, is where the deck is hosted. The QR code on the
// cover and the closing slide points there; it is drawn here, at build time, by
// the `qrcode` library (no network). Without DECK_URL there is no QR code.
export default defineConfig(async () => {
  const url = process.env.DECK_URL?.trim() ?? ''
  const problem = checkDeckUrl(url)
  if (problem)
    throw new Error(problem)
  const drawn = url ? await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } }) : ''
  // The component names the picture (role="img" with the address); the SVG itself is decoration.
  const svg = drawn.replace('<svg ', '<svg aria-hidden="true" focusable="false" ')
  return {
    define: {
      __DECK_URL__: JSON.stringify(url),
      __DECK_QR_SVG__: JSON.stringify(svg),
    },
  }
})
