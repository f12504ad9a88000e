// Who may read and write which topic: the shipped Mosquitto ACL (docs/mosquitto/acl),
// read here for the embedded broker (lib/live/broker.ts), so both brokers hold one set
// of rules. The file's syntax as Mosquitto reads it: `topic read|write|readwrite <filter>`
// lines before any `user` line are the anonymous clients'; after `user <name>`, that
// user's; `pattern read|write|readwrite <filter>` lines are every client's, wherever they
// stand, with `%c` the client's id and `%u` its user name (a client whose id or name holds
// `+`, `#` or `/` gets nothing from a pattern, as with Mosquitto); `#` starts a comment.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const ACL_FILE = fileURLToPath(new URL('../../docs/mosquitto/acl', import.meta.url))

type Access = 'read' | 'write'
interface Entry { access: Access[], filter: string }
/** Entries by user; '' is the anonymous clients', PATTERNS every client's. */
export type Rules = Map<string, Entry[]>
export const PATTERNS = '%patterns'

export function parseAcl(text: string): Rules {
  const rules: Rules = new Map([
    ['', []],
    [PATTERNS, []],
  ])
  let user = ''
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim()
    if (!line || line.startsWith('#'))
      continue
    const [word, ...rest] = line.split(/\s+/)
    if (word === 'user' && rest.length === 1) {
      user = rest[0]
      rules.set(user, rules.get(user) ?? [])
      continue
    }
    if (word === 'topic' || word === 'pattern') {
      const [access, filter] = rest.length === 1
        ? ['readwrite', rest[0]]
        : rest
      if (!['read', 'write', 'readwrite'].includes(access) || !filter || rest.length > 2)
        throw new Error(`acl line ${i + 1}: "${line}" is not "${word} read|write|readwrite <topic>"`)
      rules.get(word === 'pattern'
        ? PATTERNS
        : user)!.push({
        access: access === 'readwrite'
          ? ['read', 'write']
          : [access as Access],
        filter,
      })
      continue
    }
    throw new Error(`acl line ${i + 1}: "${line}" is not a rule this room understands (user, topic, pattern)`)
  }
  return rules
}

export function loadRules(file = ACL_FILE): Rules {
  return parseAcl(readFileSync(file, 'utf8'))
}

/** Whether MQTT topic filter `filter` (with + and #) matches the concrete `topic`. */
export function matches(filter: string, topic: string): boolean {
  const f = filter.split('/')
  const t = topic.split('/')
  // As MQTT says: a filter starting with a wildcard does not match `$SYS/…` topics.
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#'))
    return false
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#')
      return true
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i]))
      return false
  }
  return f.length === t.length
}

/** A pattern's filter for one client, or undefined when the client's id or name cannot fill it. */
function filled(filter: string, clientId: string | undefined, user: string | undefined): string | undefined {
  const fits = (s: string | undefined) => s !== undefined && s !== '' && !/[+#/]/.test(s)
  if ((filter.includes('%c') && !fits(clientId)) || (filter.includes('%u') && !fits(user)))
    return undefined
  return filter.replaceAll('%c', clientId ?? '').replaceAll('%u', user ?? '')
}

/** Whether `user` (undefined: anonymous) with client id `clientId` may do `access` on the concrete `topic`. */
export function may(rules: Rules, user: string | undefined, access: Access, topic: string, clientId?: string): boolean {
  const allows = (e: Entry, filter: string | undefined) => e.access.includes(access) && filter !== undefined && matches(filter, topic)
  return (rules.get(user ?? '') ?? []).some(e => allows(e, e.filter))
    || (rules.get(PATTERNS) ?? []).some(e => allows(e, filled(e.filter, clientId, user)))
}
