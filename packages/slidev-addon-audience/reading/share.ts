// Share a slide's link: the Web Share API where there is one, else the clipboard, else
// the link itself to read out. For the reading page's script (page/controls.ts) and the
// app's reading view (ReadingView.vue) alike.

/** Shares `url`; what the status line should say, or undefined when the system's sheet took it. */
export async function shareSlide(no: number | string, url: string, title: string): Promise<string | undefined> {
  if (navigator.share) {
    try {
      await navigator.share({ title, url })
      return undefined
    }
    catch (e) {
      if ((e as Error).name === 'AbortError')
        return undefined
    }
  }
  try {
    await navigator.clipboard.writeText(url)
    return `Link to slide ${no} copied`
  }
  catch {
    return `Link to slide ${no}: ${url}`
  }
}
