// Minimal declarations for the benchmark's Lunr peer (Lunr ships no types; @types/lunr is not a dependency).
declare module 'lunr' {
  const lunr: any;
  export default lunr;
}
declare module 'lunr-languages/lunr.stemmer.support.js' {
  const plugin: (lunr: unknown) => void;
  export default plugin;
}
declare module 'lunr-languages/lunr.fr.js' {
  const plugin: (lunr: unknown) => void;
  export default plugin;
}
