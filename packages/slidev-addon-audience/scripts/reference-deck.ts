// `tsx scripts/reference-deck.ts [dir]`: writes the plain Slidev deck the budgets and the
// bench compare ours with (lib/bench/reference-deck.ts), default bench/reference/.
import process from 'node:process'
import { writeReferenceDeck } from '../lib/bench/reference-deck'

console.log(writeReferenceDeck(process.argv[2]))
