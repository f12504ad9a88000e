/** A stored value, or null where storage is blocked (private modes, sandboxed frames). */
export function stored(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key)
  }
  catch {
    return null
  }
}

/** Stores a value where storage is allowed; elsewhere the choice lasts for the page. */
export function store(storage: Storage, key: string, value: string): void {
  try {
    storage.setItem(key, value)
  }
  catch {}
}
