// `tsx scripts/serve.ts [dir (dist)] [--port N] [--base /sub/path/] [--fallback spa|404]
//   [--headers netlify|vercel] [--gzip]`: the built site served as a host would (lib/serve.ts).
import type { HeaderHost } from '../lib/host-headers'
import type { ServeOptions } from '../lib/serve'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { serve } from '../lib/serve'

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '0' },
    base: { type: 'string', default: '/' },
    fallback: { type: 'string', default: 'spa' },
    headers: { type: 'string' },
    gzip: { type: 'boolean', default: false },
  },
})
const site = await serve(positionals[0] ?? 'dist', {
  port: Number(values.port),
  base: values.base,
  fallback: values.fallback as ServeOptions['fallback'],
  headers: values.headers as HeaderHost | undefined,
  gzip: values.gzip,
})
console.log(`serving ${positionals[0] ?? 'dist'} at ${site.url}/`)
