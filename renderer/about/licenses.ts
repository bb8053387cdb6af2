/**
 * The licences of the packages Newsdesk ships and the build's date, written at build time by
 * scripts/licenses.mjs into dist/renderer/licenses.json beside index.html, read by the About dialog.
 */
export interface LicensedPackage {
  name: string;
  version: string;
  /** package.json's licence, an SPDX expression such as "MIT" or "(MIT OR Apache-2.0)". */
  license: string;
  /** The package's licence files (or its README's licensing section); null when it ships none. */
  licenseText: string | null;
}

export interface Licenses {
  /** When the build ran, ISO 8601. */
  builtAt: string;
  packages: LicensedPackage[];
}

const isPackage = (value: unknown): value is LicensedPackage => {
  const entry = value as Partial<LicensedPackage> | null;
  return (
    typeof entry?.name === 'string' &&
    typeof entry.version === 'string' &&
    typeof entry.license === 'string' &&
    (entry.licenseText === null || typeof entry.licenseText === 'string')
  );
};

/** The build's licences file, or null where there is none (a development server) or it is not what the build writes. */
export async function loadLicenses(fetchFile: typeof fetch = fetch): Promise<Licenses | null> {
  try {
    const response = await fetchFile(new URL('licenses.json', document.baseURI));
    if (!response.ok) return null;
    const data = (await response.json()) as Partial<Licenses> | null;
    if (typeof data?.builtAt !== 'string' || !Array.isArray(data.packages) || !data.packages.every(isPackage)) return null;
    return { builtAt: data.builtAt, packages: data.packages };
  } catch {
    return null;
  }
}
