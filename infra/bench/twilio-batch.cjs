// The Node side of the campaign benchmark: the same job as the pricing jar's batch mode, on
// the same JSON Lines input, with Twilio's public segment calculator doing the segmenting.
// Usage: node twilio-batch.cjs < campaign.jsonl > quotes.jsonl   (timing on stderr as JSON)
'use strict';
const path = require('path');
const readline = require('readline');
const { SegmentedMessage } = require(path.join(__dirname, '..', 'segment-vectors', 'node_modules', 'sms-segments-calculator'));
const table = require(path.join(__dirname, '..', '..', 'functions', 'pricing', 'src', 'main', 'resources',
  'dev', 'smsbilling', 'pricing', 'rates', 'rate-table.json'));

// Calling codes of the benchmark's recipients; the calculator knows nothing of numbers, so the
// Node side gets this shortcut where the Java side validates every number with libphonenumber.
const COUNTRY_BY_PREFIX = [['+1876', 'JM'], ['+1416', 'CA'], ['+1', 'US'], ['+44', 'GB'], ['+33', 'FR'],
  ['+49', 'DE'], ['+61', 'AU'], ['+55', 'BR']];
const rates = new Map(table.rates.map((r) => [r.country, r.destinationRateMicros]));

const start = process.hrtime.bigint();
let messages = 0; let segments = 0; let cost = 0; let errors = 0;
const out = [];
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (!line.trim()) return;
  messages++;
  try {
    const { content, to } = JSON.parse(line);
    const country = COUNTRY_BY_PREFIX.find(([prefix]) => to.startsWith(prefix))[1];
    const perSegment = table.baseMicros + (country === 'US' || country === 'CA' ? 0 : rates.get(country));
    const message = new SegmentedMessage(content);
    segments += message.segmentsCount;
    cost += message.segmentsCount * perSegment;
    out.push(JSON.stringify({ to, country, encoding: message.encodingName, segments: message.segmentsCount,
      costMicros: message.segmentsCount * perSegment }));
  } catch (e) {
    errors++;
    out.push(JSON.stringify({ error: { message: String(e.message) } }));
  }
  if (out.length >= 1000) process.stdout.write(out.splice(0).join('\n') + '\n');
});
lines.on('close', () => {
  out.push(JSON.stringify({ messages, segments, costMicros: cost, errors }));
  process.stdout.write(out.join('\n') + '\n');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stderr.write(JSON.stringify({ messages, seconds }) + '\n');
});
