import { mkdir, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, parse, resolve } from 'node:path';
import type { MethodOutput } from '../../shared/api/contract';
import { compareVietnamese } from '../../shared/text/vietnamese';
import { fail } from '../library/errors';

/**
 * Folders to export into, for the web host's folder chooser (Electron uses the system's dialog).
 * Only folder names are ever listed, never files; hidden folders are left out.
 */

type Places = MethodOutput<'listFolders'>['places'];

/** A folder's subfolders, where it sits, and the places to start from. */
export async function listFolder(path: string, places: Places): Promise<MethodOutput<'listFolders'>> {
  const folder = resolve(path);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('not_found', `There is no folder ${folder}.`);
    if (code === 'ENOTDIR') fail('invalid_input', `${folder} is a file, not a folder.`);
    if (code === 'EACCES' || code === 'EPERM') fail('storage_error', `${code}: Newsdesk may not open the folder ${folder}.`);
    throw error;
  }
  const folders = entries
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink()))
    .map((entry) => ({ name: entry.name, path: join(folder, entry.name) }));
  // A link is listed only when it leads to a folder.
  const real = await Promise.all(folders.map((f) => stat(f.path).then((s) => s.isDirectory(), () => false)));
  const parent = dirname(folder);
  return {
    path: folder,
    parent: parent === folder ? null : parent,
    folders: folders.filter((_, i) => real[i]).sort((a, b) => compareVietnamese(a.name, b.name)),
    places,
  };
}

/** The places the chooser offers: recent export folders, the home folder, the library's folder, the disk. */
export async function folderPlaces(libraryDir: string, recent: readonly string[]): Promise<Places> {
  const exists = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);
  const home = homedir();
  const candidates: Places = [
    ...recent.map((path) => ({ kind: 'recent' as const, path })),
    { kind: 'home', path: home },
    { kind: 'library', path: dirname(libraryDir) },
    { kind: 'root', path: parse(home).root || '/' },
  ];
  const present = await Promise.all(candidates.map((place) => exists(place.path)));
  return candidates.filter((_, i) => present[i]);
}

/** A new folder inside `parent`. The name is one folder's name: no separators, not "." or "..". */
export async function createFolder(parent: string, name: string): Promise<{ path: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed === '.' || trimmed === '..' || /[/\\\0]/.test(trimmed) || basename(trimmed) !== trimmed) {
    fail('invalid_input', 'A folder name may not be empty or contain / or \\.');
  }
  const path = join(resolve(parent), trimmed);
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') fail('invalid_input', `A folder or file named “${trimmed}” is already there.`);
    if (code === 'ENOENT') fail('not_found', `There is no folder ${resolve(parent)}.`);
    if (code === 'EACCES' || code === 'EPERM') fail('storage_error', `${code}: Newsdesk may not create a folder in ${resolve(parent)}.`);
    throw error;
  }
  return { path };
}
