import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function importErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2);
}

describe('the layering rule (DESIGN.md, Layers) fails the lint', () => {
  it.each([
    ['shared/model/x.ts', "import { readFile } from 'node:fs';"],
    ['shared/model/x.ts', "import fs from 'fs';"],
    ['shared/model/x.ts', "import { app } from 'electron';"],
    ['shared/model/x.ts', "import { useState } from 'react';"],
    ['shared/model/x.ts', "import { Low } from 'lowdb';"],
    ['shared/model/x.ts', "import { LibraryService } from '../../electron/library/LibraryService';"],
    ['shared/model/x.ts', "import { App } from '../../renderer/App';"],
    ['renderer/components/X.tsx', "import { LibraryService } from '../../electron/library/LibraryService';"],
    ['renderer/components/X.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/components/X.tsx', "import { writeFile } from 'node:fs/promises';"],
    ['electron/library/x.ts', "import { App } from '../../renderer/App';"],
    ['electron/library/x.ts', "import { createElement } from 'react';"],
  ])('%s: %s', async (file, code) => {
    expect(await importErrors(file, `${code}\nexport const used = 1;\n`)).toHaveLength(1);
  });

  it('allows imports toward shared/', async () => {
    expect(await importErrors('renderer/components/X.tsx', "import { fold } from '../../shared/text/vietnamese';\nexport const f = fold;\n")).toHaveLength(0);
    expect(await importErrors('electron/library/x.ts', "import { fold } from '../../shared/text/vietnamese';\nexport const f = fold;\n")).toHaveLength(0);
    expect(await importErrors('shared/model/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toHaveLength(0);
  });
});

describe('the Node part of electron/ (all but electron/shell/) needs no Electron', () => {
  const nodePart = ['electron/library/x.ts', 'electron/transport/x.ts', 'electron/publish/x.ts'];
  const forbidden = [
    "import { app } from 'electron';",
    "import type { BrowserWindow } from 'electron';",
    "import { type IpcMainEvent } from 'electron';",
    "import { ipcMain } from 'electron/main';",
    "export { shell } from 'electron';",
    "import { buildMenuTemplate } from '../shell/menu';",
    "import type { RendererIpc } from '../shell/bridge';",
    "import * as shell from '../shell';",
    "import { createBridge } from '../../electron/shell/bridge';",
  ];

  it.each(nodePart.flatMap((file) => forbidden.map((code) => [file, code])))('%s: %s', async (file, code) => {
    const errors = await importErrors(file, `${code}\nexport const used = 1;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/needs Node only/);
  });

  it('keeps the rest of the electron/ rule there (no renderer/, no React)', async () => {
    expect(await importErrors('electron/transport/x.ts', "import { App } from '../../renderer/App';\nexport const used = 1;\n")).toHaveLength(1);
    expect(await importErrors('electron/publish/x.ts', "import { createElement } from 'react';\nexport const used = 1;\n")).toHaveLength(1);
  });

  it('lets electron/shell/ import Electron and the Node part', async () => {
    expect(await importErrors('electron/shell/x.ts', "import { app } from 'electron';\nexport const used = app;\n")).toHaveLength(0);
    expect(await importErrors('electron/shell/x.ts', "import type { MenuItemConstructorOptions } from 'electron';\nexport type M = MenuItemConstructorOptions;\n")).toHaveLength(0);
    expect(await importErrors('electron/shell/x.ts', "import { registerIpc } from '../transport/ipc';\nexport const used = registerIpc;\n")).toHaveLength(0);
    expect(await importErrors('electron/shell/x.ts', "import { buildMenuTemplate } from './menu';\nexport const used = buildMenuTemplate;\n")).toHaveLength(0);
  });

  it('still forbids renderer/ and React in electron/shell/', async () => {
    expect(await importErrors('electron/shell/x.ts', "import { App } from '../../renderer/App';\nexport const used = 1;\n")).toHaveLength(1);
  });

  it('lets the Node part import Node, shared/ and its own folders', async () => {
    const code = [
      "import { readFile } from 'node:fs/promises';",
      "import { fold } from '../../shared/text/vietnamese';",
      "import { dispatch } from '../transport/dispatch';",
      "import { writeJsonAtomic } from '../library/atomicFile';",
      'export const used = [readFile, fold, dispatch, writeJsonAtomic];',
    ].join('\n');
    for (const file of nodePart) expect(await importErrors(file, `${code}\n`), file).toHaveLength(0);
  });
});

describe("shared/'s own tsconfig has no DOM or Node types", () => {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}shared/tsconfig.json`, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;

  function diagnosticsFor(code: string): string[] {
    const fileName = `${root}shared/__probe__.ts`;
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    host.readFile = (name) => (name === fileName ? code : readFile(name));
    host.fileExists = (name) => name === fileName || fileExists(name);
    const program = ts.createProgram([fileName], config.options, host);
    return ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('rejects window, document and process', () => {
    expect(diagnosticsFor('export const w = window.location.href;\n').join('\n')).toMatch(/window/);
    expect(diagnosticsFor('export const d = document.title;\n').join('\n')).toMatch(/document/);
    expect(diagnosticsFor('export const e = process.env.HOME;\n').join('\n')).toMatch(/process/);
  });

  it('accepts pure TypeScript', () => {
    expect(diagnosticsFor('export const n: number = [1, 2].map((x) => x * 2).length;\n')).toEqual([]);
  });
});
