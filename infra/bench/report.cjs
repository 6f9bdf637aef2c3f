// Writes REPORT.md from the files infra/bench/run leaves in its work directory.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync } = require('child_process');

const [work, javaWallMs, nodeWallMs] = process.argv.slice(2);
const read = (name) => fs.readFileSync(path.join(work, name), 'utf8');
const lastLine = (name) => JSON.parse(read(name).trim().split('\n').pop());
const javaStats = JSON.parse(read('java.stats').trim());
const nodeStats = JSON.parse(read('node.stats').trim());
const javaSummary = lastLine('java.jsonl');
const nodeSummary = lastLine('node.jsonl');
const rate = (s) => s.messages / s.seconds;
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const javaVersion = execSync('java -version 2>&1').toString().split('\n')[0];

const jmh = JSON.parse(read('jmh.json')).map((r) => ({
  characters: r.params.characters, encoding: r.params.encoding, to: r.params.to,
  score: r.primaryMetric.score, error: r.primaryMetric.scoreError,
}));

const lines = [];
lines.push('# Benchmark report', '');
lines.push(`Written by \`infra/bench/run\` on ${new Date().toISOString().slice(0, 10)}.`);
lines.push(`Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}; ${javaVersion}; Node ${process.version}.`);
lines.push('Timings on shared machines are noisy: read the ratios, measured side by side in one run.', '');
lines.push('## Campaign pricing: the pricing jar against Twilio\'s calculator', '');
lines.push(`The same ${fmt(javaStats.messages)} JSON Lines messages (seeded mix of 20–1600 characters, a quarter UCS-2, 8 countries).`);
lines.push('The Java side validates every number with libphonenumber; the Node side only looks up a calling-code prefix.', '');
lines.push('| | messages/s while pricing | wall time, process start to exit | total segments | total cost (µ$) |');
lines.push('|---|---:|---:|---:|---:|');
lines.push(`| pricing jar (\`java -jar pricing.jar\`) | ${fmt(rate(javaStats))} | ${javaWallMs} ms | ${javaSummary.segments} | ${javaSummary.costMicros} |`);
lines.push(`| Twilio's \`sms-segments-calculator\` 1.3.0 on Node | ${fmt(rate(nodeStats))} | ${nodeWallMs} ms | ${nodeSummary.segments} | ${nodeSummary.costMicros} |`);
lines.push('');
lines.push(`**Ratio: ${(rate(javaStats) / rate(nodeStats)).toFixed(0)}× the calculator's throughput while pricing; ${(nodeWallMs / javaWallMs).toFixed(1)}× on wall time including JVM start** (target ≥ 100× throughput).`);
lines.push(`Segments and cost agree: ${javaSummary.segments === nodeSummary.segments && javaSummary.costMicros === nodeSummary.costMicros ? 'yes' : '**NO**'}.`, '');
lines.push('## One quote (JMH, throughput)', '');
lines.push('| characters | encoding | to | quotes/s | ± |');
lines.push('|---:|---|---|---:|---:|');
for (const r of jmh) lines.push(`| ${r.characters} | ${r.encoding} | ${r.to} | ${fmt(r.score)} | ${fmt(r.error)} |`);
lines.push('');
// The cold-start section is written by the Java harness (dev.smsbilling.bench.coldstart.ColdStart).
if (fs.existsSync(path.join(work, 'coldstart.md'))) lines.push(read('coldstart.md'));
// Send overhead, throughput and capacity: written by dev.smsbilling.bench.overhead.OverheadBench.
if (fs.existsSync(path.join(work, 'overhead.md'))) lines.push(read('overhead.md'));
process.stdout.write(lines.join('\n'));
