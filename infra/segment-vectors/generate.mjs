// Asks Twilio's public segment calculator (sms-segments-calculator, pinned in package.json)
// about thousands of texts and writes its answers as test vectors for the Java counter:
// boundary sweeps, characters straddling every part boundary, grapheme-cluster edge cases,
// Smart Encoding characters and seeded random mixes. The output is deterministic.
// Run: npm ci && node generate.mjs
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { SegmentedMessage } = require('sms-segments-calculator');
const SmartEncodingMap = require('sms-segments-calculator/dist/libs/SmartEncodingMap.js').default;
const UnicodeToGsm = require('sms-segments-calculator/dist/libs/UnicodeToGSM.js').default;

const OUTPUT = new URL('../../functions/pricing/src/test/resources/segment-vectors.jsonl', import.meta.url);
const MAX_CODE_POINTS = 1600;

// A text is written as a list of parts: a string, or [string, n] for n repetitions, so that
// a 1600-character sweep takes one short line.
const vectors = [];
const seen = new Set();

function textOf(parts) {
  return parts.map((part) => (Array.isArray(part) ? part[0].repeat(part[1]) : part)).join('');
}

function compact(parts) {
  const merged = [];
  for (const part of parts) {
    const [piece, times] = Array.isArray(part) ? part : [part, 1];
    if (times <= 0 || piece === '') continue;
    const last = merged[merged.length - 1];
    if (times === 1 && typeof last === 'string') merged[merged.length - 1] = last + piece;
    else merged.push(times === 1 ? piece : [piece, times]);
  }
  return merged;
}

let sectionStart = Date.now();
function section(name) {
  if (process.env.TIMING) console.error(`${name}: ${Date.now() - sectionStart} ms, ${vectors.length} vectors`);
  sectionStart = Date.now();
}

function add(kind, parts) {
  const text = textOf(parts);
  if (text.length === 0 || seen.has(text)) return;
  seen.add(text);
  const plain = new SegmentedMessage(text);
  const smart = new SegmentedMessage(text, 'auto', true);
  vectors.push({
    k: kind,
    t: compact(parts),
    e: plain.getEncodingName(),
    s: plain.segmentsCount,
    c: plain.numberOfUnicodeScalars,
    n: [...new Set(plain.getNonGsmCharacters())],
    se: smart.getEncodingName(),
    ss: smart.segmentsCount,
  });
}

// mulberry32: small, seeded, the same sequence on every machine.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261101);
const int = (bound) => Math.floor(random() * bound);
const pick = (list) => list[int(list.length)];
const cp = (...codes) => String.fromCodePoint(...codes);

const GSM_BASIC = Object.keys(UnicodeToGsm).map(Number).filter((c) => UnicodeToGsm[c].length === 1).map((c) => cp(c));
const GSM_EXTENSION = Object.keys(UnicodeToGsm).map(Number).filter((c) => UnicodeToGsm[c].length === 2).map((c) => cp(c));
const SMART = Object.keys(SmartEncodingMap);
const FILLERS = { gsm: 'a', ucs2: 'я', cjk: '中' };

// Multi-unit clusters and grapheme-rule corner cases, by the rule they exercise.
const CLUSTERS = {
  emoji: '😀',
  skinTone: '👍🏽',
  zwjFamily: '👨‍👩‍👧‍👦',
  zwjProfession: '👩🏾‍🚀',
  flag: '🇺🇸',
  threeRegionalIndicators: '🇺🇸🇬',
  keycap: '1️⃣',
  heartVs16: '❤️',
  decomposedE: 'e\u0301',
  stackedMarks: 'a\u0301\u0308\u0323',
  hangulJamo: '\u1100\u1161\u11a8',
  hangulSyllable: '\uac01\u11a8',
  devanagari: '\u0915\u094d\u0937\u093f',
  thaiSaraAm: '\u0e01\u0e33',
  prepend: '\u0600\u0661',
  tagFlag: '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
  modifierAfterExtend: '👍\u0301🏽',
  modifierAfterTwoExtends: '👍\u0301\u0301🏽',
  regionalThenMarks: '🇺🇸\u0301\u0301',
  zwjAlone: 'a\u200d',
  crlf: '\r\n',
};

// Code points of each grapheme break class, for random cluster soups.
const BY_BREAK_CLASS = {
  other: ['a', 'я', '中', '😀', '€', '\u00e9', '\u0130', '\u{1F9D1}', '\u{10400}'],
  cr: ['\r'], lf: ['\n'],
  control: ['\u0000', '\u0009', '\u000c', '\u001b', '\u00ad', '\u200b', '\u2028', '\ufeff', '\u{E0001}', '\u0085'],
  extend: ['\u0300', '\u0301', '\u0308', '\u20e3', '\ufe0f', '\u200c', '\u093c', '\u0e31', '\u{E0061}', '\u0313', '\u0303'],
  regionalIndicator: ['\u{1F1E6}', '\u{1F1FA}', '\u{1F1F8}'],
  spacingMark: ['\u0903', '\u093e', '\u0e33', '\u{11000}'],
  prepend: ['\u0600', '\u06dd', '\u0d4e', '\u{110BD}'],
  hangul: ['\u1100', '\u1161', '\u11a8', '\uac00', '\uac01'],
  emojiBase: ['\u261d', '\u{1F44D}', '\u{1F3C3}', '\u{1F466}', '\u{1F469}'],
  emojiModifier: ['\u{1F3FB}', '\u{1F3FD}', '\u{1F3FF}'],
  zwj: ['\u200d'],
  glueAfterZwj: ['\u2764', '\u{1F48B}', '\u{1F680}', '\u{1F5E8}'],
  loneSurrogate: ['\ud800', '\udbff', '\udc00', '\udfff'],
};
const ALL_CLASS_MEMBERS = Object.values(BY_BREAK_CLASS).flat();

const multiples = (step) => Array.from({ length: Math.floor(MAX_CODE_POINTS / step) }, (_, i) => step * (i + 1));
const BOUNDARIES = [...new Set([70, 160, ...multiples(67), ...multiples(153)])].sort((a, b) => a - b);

// 1. Plain sweeps: every length up to 320, around every boundary, and every tenth beyond.
const nearBoundary = (n) => BOUNDARIES.some((b) => Math.abs(b - n) <= 3);
const SWEEP = Array.from({ length: MAX_CODE_POINTS }, (_, i) => i + 1).filter((n) => n <= 320 || nearBoundary(n) || n % 10 === 0);
for (const n of SWEEP) {
  add('sweep-gsm', [['a', n]]);
  add('sweep-ucs2', [['я', n]]);
  add('sweep-cjk', [['中', n]]);
  if (n <= MAX_CODE_POINTS / 2) add('sweep-extension', [['€', n]]);
  if (n <= MAX_CODE_POINTS / 2) add('sweep-emoji', [['😀', n]]);
}

section('before 2');
// 2. Extension characters on every side of every GSM boundary, and in UCS-2 texts.
for (const boundary of BOUNDARIES) {
  for (let before = boundary - 3; before <= boundary + 1; before++) {
    for (const ext of GSM_EXTENSION) {
      for (const after of [0, 152]) {
        if (before < 0 || before + 1 + after > MAX_CODE_POINTS) continue;
        add('extension-straddle', [['a', before], ext, ['a', after]]);
        if (boundary <= 420) add('extension-in-ucs2', [['я', before], ext, ['я', after]]);
      }
    }
  }
}
for (let i = 0; i < 200; i++) {
  const n = pick([70, 160, 153, 306, 459, 612]) + int(7) - 3;
  const parts = [];
  let length = 0;
  while (length < n) {
    const piece = random() < 0.4 ? pick(GSM_EXTENSION) : pick(GSM_BASIC);
    parts.push(piece);
    length++;
  }
  add('extension-heavy', parts);
}

section('before 3');
// 3. Multi-unit clusters on every side of every UCS-2 boundary (and after GSM filler).
// In UCS-2 a GSM letter costs one unit like any other, so one filler serves; CRLF in GSM text
// is covered with the line breaks below.
for (const boundary of [67, 70, 134, 153, 160, 201]) {
  for (const [name, cluster] of Object.entries(CLUSTERS)) {
    for (let before = boundary - 12; before <= boundary + 1; before++) {
      for (const after of [0, 66]) add(`cluster-straddle-${name}`, [['я', before], cluster, ['я', after]]);
    }
  }
}
for (const [name, cluster] of Object.entries(CLUSTERS)) {
  for (let n = 1; n <= 40; n++) add(`cluster-repeat-${name}`, [[cluster, n]]);
  for (const n of [60, 67, 68, 70, 71, 134, 135, 140, 200, 201]) add(`cluster-repeat-${name}`, [[cluster, n]]);
}

section('before 4');
// 4. Line breaks and form feed near the boundaries.
for (const boundary of BOUNDARIES) {
  for (let before = boundary - 3; before <= boundary + 1; before++) {
    for (const separator of ['\r\n', '\n', '\r', '\f', '\n\r']) {
      add('line-break', [['a', before], separator, ['a', 10]]);
      if (boundary <= 420) add('line-break-ucs2', [['я', before], separator, ['я', 10]]);
    }
  }
}

section('before 5');
// 5. Every code point from U+0000 to U+07FF and every Smart Encoding key, alone, inside GSM
// text and at a part boundary.
for (let code = 0; code <= 0x7ff; code++) add('single', [cp(code)]);
for (const key of SMART) {
  add('smart-alone', [key]);
  add('smart-in-text', ['Hello ', key, ' world']);
  add('smart-at-boundary', [['a', 152], key, ['a', 10]]);
  add('smart-at-boundary', [['a', 159], key]);
  add('smart-with-ucs2', [['a', 60], key, '😀']);
  add('smart-repeated', [[key, 70]]);
  add('smart-repeated', [[key, 161]]);
}
for (const text of ['“Hello” — it’s… fine', 'Price:\u00a0€5 – 10 ½', '\tTabbed\ttext', 'Don’t «quote» me',
  '…'.repeat(53), '…'.repeat(54), '\u00a0'.repeat(80), '\u00a0'.repeat(81), '\t'.repeat(22), '\t'.repeat(23)]) {
  add('smart-phrase', [text]);
}

section('before 6');
// 6. Random soups of grapheme break classes (short, to pin the cluster rules).
for (let i = 0; i < 5000; i++) {
  const parts = [];
  const length = 2 + int(8);
  for (let j = 0; j < length; j++) parts.push(pick(random() < 0.7 ? pick(Object.values(BY_BREAK_CLASS)) : ALL_CLASS_MEMBERS));
  add('cluster-soup', parts);
}

section('before 7');
// 7. Random mixes of realistic alphabets, with lengths aimed at the boundaries.
const ALPHABETS = [
  { weight: 8, chars: GSM_BASIC },
  { weight: 2, chars: GSM_EXTENSION },
  { weight: 1, chars: SMART },
  { weight: 1, chars: ['á', 'í', 'ó', 'ú', 'ç', 'â', 'ê', 'õ', 'ş', 'ğ', 'ł', 'ż'] },
  { weight: 1, chars: ['я', 'б', 'ж', 'α', 'β', 'ω', 'ש', 'ع', 'ह', 'ক'] },
  { weight: 1, chars: ['中', '文', '日', '本', '한', '국', 'の', 'カ'] },
  { weight: 1, chars: Object.values(CLUSTERS) },
  { weight: 1, chars: ALL_CLASS_MEMBERS },
];
const totalWeight = ALPHABETS.reduce((sum, a) => sum + a.weight, 0);
function randomPiece(gsmOnly) {
  if (gsmOnly) return random() < 0.85 ? pick(GSM_BASIC) : pick(GSM_EXTENSION);
  let roll = int(totalWeight);
  for (const alphabet of ALPHABETS) {
    roll -= alphabet.weight;
    if (roll < 0) return pick(alphabet.chars);
  }
  throw new Error('unreachable');
}
for (let i = 0; i < 1300; i++) {
  const gsmOnly = random() < 0.35;
  // Long random texts are few: they cost file size and teach little that the sweeps do not.
  const roll = random();
  const target = roll < 0.6 ? pick(BOUNDARIES.filter((b) => b <= 335)) + int(9) - 6
    : roll < 0.985 ? 1 + int(200) : 1 + int(MAX_CODE_POINTS);
  const parts = [];
  let length = 0;
  while (length < target) {
    const piece = randomPiece(gsmOnly && random() < 0.98);
    const size = [...piece].length;
    if (length + size > MAX_CODE_POINTS) break;
    parts.push(piece);
    length += size;
  }
  add(gsmOnly ? 'random-gsm' : 'random-mix', parts);
}

section('before mkdirSync(new URL');
mkdirSync(new URL('.', OUTPUT), { recursive: true });
writeFileSync(OUTPUT, vectors.map((v) => JSON.stringify(v)).join('\n') + '\n');
const kinds = new Map();
for (const { k } of vectors) {
  const kind = k.split('-').slice(0, 2).join('-');
  kinds.set(kind, (kinds.get(kind) || 0) + 1);
}
console.log(`${vectors.length} vectors written`);
for (const [kind, n] of [...kinds].sort()) console.log(`  ${kind}: ${n}`);
