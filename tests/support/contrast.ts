// WCAG 2.x contrast arithmetic, for colours as CSS writes them (#rgb, #rrggbb,
// rgb(), rgba()). Used by the palette unit test and by the in-browser diagram check.

export interface RGBA { r: number, g: number, b: number, a: number }

export function parseColor(css: string): RGBA | undefined {
  const s = css.trim().toLowerCase()
  if (s === 'transparent' || s === 'none')
    return { r: 0, g: 0, b: 0, a: 0 }
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s)
  if (hex) {
    const h = hex[1].length === 3
      ? [...hex[1]].map(c => c + c).join('')
      : hex[1]
    return {
      r: Number.parseInt(h.slice(0, 2), 16),
      g: Number.parseInt(h.slice(2, 4), 16),
      b: Number.parseInt(h.slice(4, 6), 16),
      a: 1,
    }
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(s)
  if (fn) {
    const [r, g, b, a = '1'] = fn[1].split(/[\s,/]+/).filter(Boolean)
    return {
      r: Number(r),
      g: Number(g),
      b: Number(b),
      a: a.endsWith('%')
        ? Number.parseFloat(a) / 100
        : Number(a),
    }
  }
  return undefined
}

/** `top` painted over an opaque `bottom`. */
export function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top.a
  return {
    r: top.r * a + bottom.r * (1 - a),
    g: top.g * a + bottom.g * (1 - a),
    b: top.b * a + bottom.b * (1 - a),
    a: 1,
  }
}

function luminance({ r, g, b }: RGBA): number {
  const lin = (c: number) => {
    const v = c / 255
    return v <= 0.03928
      ? v / 12.92
      : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** Contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [
    luminance(a),
    luminance(b),
  ].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** Contrast of `fg` over `bg`, each possibly translucent, both over an opaque `base`. */
export function contrastOver(fg: string, bg: string, base: string): number | undefined {
  const [f, b, o] = [
    parseColor(fg),
    parseColor(bg),
    parseColor(base),
  ]
  if (!f || !b || !o)
    return undefined
  const back = over(b, o)
  return contrast(over(f, back), back)
}

/** WCAG AA: 4.5:1 for text, 3:1 for large text and for lines and shapes. */
export const AA = { text: 4.5, large: 3, graphic: 3 } as const
