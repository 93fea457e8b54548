/**
 * `npm run bench`: times the core through its public contract at programme scale against the
 * budgets of DESIGN.md, each figure beside a raw better-sqlite3 baseline on the same file.
 * See `npm run bench -- --help`. Never used by tests: times are reported, not asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { USAGE, parseBenchArgs } from './args';
import { sampleProject } from './cache';
import { budgetTable } from './format';
import { plans } from './plans';
import { runProgramme } from './programme';
import { runPeer } from './peer';
import { runScaling } from './scaling';
import { describeProject, machine, printMemory } from './describe';
import type { JsonReport } from './json';
import { machineLoad } from './log';
import { rowJson } from './json';
import { CORE_V8_FLAGS } from '../../src-main/core/heap';

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const plan = plans(args.quick, args.reps);
  const mode = args.peer ? 'peer' : args.scales.length > 0 ? 'scaling' : args.quick ? 'quick' : 'programme';
  const report: JsonReport = { date: new Date().toISOString(), machine: machine(), mode };
  const before = machineLoad();
  console.log(`Quire bench — ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${process.versions.node}, ${mode === 'quick' ? 'quick (sample scale)' : mode === 'programme' ? 'programme scale' : mode}, load average ${before.load1.toFixed(1)}, V8 ${CORE_V8_FLAGS.join(' ')} (as the desktop core)\n`);

  if (args.peer) {
    report.peer = await runPeer(plan, args.keep);
  } else if (args.scales.length > 0) {
    report.scaling = await runScaling(args.scales, plan);
  } else {
    const project = await sampleProject(args.quick ? 'sample' : 1);
    describeProject(project);
    const result = await runProgramme(project, plan, args.keep);
    console.log(`\nBudget table (DESIGN.md; median and p95 of ${plan('query').reps} runs for queries, ${plan('open').reps} for opening, ${plan('write').reps} for writes, after warm-up):\n`);
    console.log(budgetTable(result.rows));
    console.log('\nOther operations (no budget):\n');
    console.log(budgetTable(result.extra));
    printMemory(result.memory);
    report.project = { file: path.basename(project.file), built: project.built, meta: project.meta, sizeMiB: fs.statSync(project.file).size / 2 ** 20 };
    report.rows = result.rows.map(rowJson);
    report.extra = result.extra.map(rowJson);
    report.memory = result.memory;
  }

  report.totalSeconds = (performance.now() - started) / 1000;
  const after = machineLoad();
  report.load = { before: before.load1, after: after.load1 };
  console.log(`\nBench finished in ${report.totalSeconds.toFixed(1)} s on ${os.cpus().length} cores; load average ${before.load1.toFixed(1)} at the start, ${after.load1.toFixed(1)} at the end.`);
  if (before.busy || after.busy) console.log('Note: other work was running on this machine; figures are slower and noisier than on an idle one.');
  if (args.json) {
    // Microsecond precision is all a timing deserves; more digits only bloat the diff between runs.
    fs.writeFileSync(args.json, `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value), 2)}\n`);
    console.log(`Figures written to ${args.json}.`);
  }
}

// The core is timed as the desktop app hosts it: in a process started with the core's V8 flags.
const missing = CORE_V8_FLAGS.filter((flag) => !process.execArgv.includes(flag));
if (missing.length > 0) {
  const again = spawn(process.execPath, [...missing, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  // Stopped (Ctrl+C, a CI time limit), this process stops the one doing the work.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => again.kill(signal));
  again.on('exit', (code) => process.exit(code ?? 1));
} else {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
