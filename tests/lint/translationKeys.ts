import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JsxLexer } from 'i18next-parser';
import ts from 'typescript';

// i18next-parser exports its lexers (dist/index.js) but its types declare only the configuration.
declare module 'i18next-parser' {
  export class JsxLexer {
    constructor(options?: { functions?: string[] });
    on(event: 'warning', listener: (message: string) => void): this;
    extract(content: string, filename?: string): { key: string; count?: unknown }[];
  }
}

/**
 * The interface text keys the code asks for. Keys written out (`t('editor.title')`,
 * `i18n.t('menu.about', …)`) are read by i18next-parser's lexer, the tool that extracts keys for
 * translators. Keys computed at run time (`t(\`status.${article.status}\`)`, `t(trashed ? 'a' : 'b')`,
 * `t(spec.labelKey)`) are worked out with TypeScript's checker from the types of their parts
 * (a status is one of a closed set of names); what neither can work out is returned as unresolved.
 */
export interface KeyUse {
  key: string;
  /** Called with a count: the key has plural forms; 'maybe' when the options are spread from a value (`{ ...finding.params }`). */
  plural: boolean | 'maybe';
  where: string;
}

/** A t(…) call whose key is neither written out nor one of a closed set of values. */
export interface OpenKey {
  where: string;
  /** The call's key as written, e.g. `\`status.${raw}\``. */
  expression: string;
  /** The key's fixed start (`status.`), when it is a template: the group its key belongs to. */
  prefix?: string;
  /** The call gives a defaultValue: a key that is missing shows that value (on purpose). */
  hasDefault: boolean;
}

export interface KeyScan {
  uses: KeyUse[];
  open: OpenKey[];
}

export function sourceFiles(root: string, folders: string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files.sort();
}

/** Keys written out as string literals, read by i18next-parser. */
export function literalKeys(file: string, code: string): KeyUse[] {
  const lexer = new JsxLexer({ functions: ['t'] });
  lexer.on('warning', () => undefined); // computed keys: found by computedKeys below
  return lexer.extract(code, file).map((entry) => ({
    key: entry.key,
    plural: entry.count !== undefined,
    where: file,
  }));
}

const isTranslateCall = (node: ts.CallExpression) => {
  const callee = node.expression;
  return (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
};

const hasOption = (node: ts.CallExpression, name: string) => {
  const options = node.arguments[1];
  return !!options && ts.isObjectLiteralExpression(options) && options.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);
};

/** `{ labelKey }` in `COLUMNS.map(({ labelKey }) => …)`, `spec.labelKey`: the property's name. */
function propertyNameOf(checker: ts.TypeChecker, node: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (declaration && ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
    const name = declaration.propertyName ?? declaration.name;
    return ts.isIdentifier(name) ? name.text : undefined;
  }
  return undefined;
}

/** `WORDS[id]` where `const WORDS = { …: 'toolbar.comment', … }`: the object's string values. */
function objectValuesOf(checker: ts.TypeChecker, node: ts.Expression): string[] | undefined {
  if (!ts.isElementAccessExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const declaration = checker.getSymbolAtLocation(node.expression)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !ts.isObjectLiteralExpression(declaration.initializer)) return undefined;
  const values: string[] = [];
  for (const property of declaration.initializer.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isStringLiteralLike(property.initializer)) return undefined;
    values.push(property.initializer.text);
  }
  return values;
}

/** The string values an expression's type allows, or undefined when it allows any string. */
function literalValues(checker: ts.TypeChecker, node: ts.Expression): string[] | undefined {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (part.isStringLiteral()) values.push(part.value);
    else if (part.isNumberLiteral()) values.push(String(part.value));
    else if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never)) continue;
    else return undefined;
  }
  return values;
}

/**
 * Keys computed at run time. A template (`status.${s}`) is expanded over the values its parts'
 * types allow; a property typed `string` (`spec.labelKey`) is looked up in every object literal
 * of the scanned code that gives that property a string literal.
 */
export function computedKeys(root: string, files: string[], tsconfigs: string[]): KeyScan {
  const uses: KeyUse[] = [];
  const open: OpenKey[] = [];
  const propertyValues = new Map<string, Set<string>>();
  const pendingProperties: { property: string; plural: KeyUse['plural']; where: string }[] = [];
  const wanted = new Set(files);
  const seen = new Set<string>();

  for (const tsconfig of tsconfigs) {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, tsconfig), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    })!;
    const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
    const checker = program.getTypeChecker();
    for (const source of program.getSourceFiles()) {
      const file = source.fileName;
      if (!wanted.has(file) || seen.has(file)) continue;
      seen.add(file);
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer)) && ts.isIdentifier(node.name)) {
          const values = propertyValues.get(node.name.text) ?? new Set<string>();
          values.add(node.initializer.text);
          propertyValues.set(node.name.text, values);
        }
        if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments[0]) {
          const arg = node.arguments[0];
          const where = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          const options = node.arguments[1];
          const spread = !!options && ts.isObjectLiteralExpression(options) && options.properties.some(ts.isSpreadAssignment);
          const plural = hasOption(node, 'count') || (spread ? 'maybe' : false);
          if (!ts.isStringLiteralLike(arg)) {
            let keys: string[] | undefined;
            let prefix: string | undefined;
            if (ts.isTemplateExpression(arg)) {
              keys = [arg.head.text];
              for (const span of arg.templateSpans) {
                const values = literalValues(checker, span.expression);
                if (!values) {
                  prefix = keys[0];
                  keys = undefined;
                  break;
                }
                keys = keys.flatMap((prefix) => values.map((value) => `${prefix}${value}${span.literal.text}`));
              }
            } else {
              keys = literalValues(checker, arg) ?? objectValuesOf(checker, arg);
            }
            const property = keys || prefix !== undefined ? undefined : propertyNameOf(checker, arg);
            if (keys) for (const key of keys) uses.push({ key, plural, where });
            else if (property) pendingProperties.push({ property, plural, where });
            else open.push({ where, expression: arg.getText(source), prefix, hasDefault: hasOption(node, 'defaultValue') });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  for (const { property, plural, where } of pendingProperties) {
    const values = propertyValues.get(property);
    if (values?.size) for (const key of values) uses.push({ key, plural, where: `${where} (${property})` });
    else open.push({ where, expression: `….${property}`, hasDefault: false });
  }
  return { uses, open };
}

/** Every key the code asks for: written out, and computed. */
export function scanKeys(root: string): KeyScan {
  const files = sourceFiles(root, ['renderer', 'electron', 'shared']);
  const written = files.flatMap((file) => literalKeys(relative(root, file), readFileSync(file, 'utf8')));
  const computed = computedKeys(root, files, ['renderer/tsconfig.json', 'electron/tsconfig.json']);
  return { uses: [...written, ...computed.uses], open: computed.open };
}
