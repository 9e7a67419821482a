/**
 * Files that native code reads must come from `app.asar.unpacked`: Electron's fs reads inside
 * app.asar for JavaScript, but a native module (resvg drawing the PNG exports) opens the path
 * with the operating system, which sees app.asar as one file. electron-builder.yml unpacks them
 * (asarUnpack); this maps a path inside the archive to its unpacked copy. Outside an archive (dev,
 * tests, `npm run serve`) the path is returned as it is.
 */
export function unpackedAsarPath(path: string): string {
  // A path segment named exactly app.asar, with either separator (Windows paths keep theirs).
  return path.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}
