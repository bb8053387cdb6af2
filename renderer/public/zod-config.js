// Runs before the app's modules (a classic script, from index.html). Zod probes once whether it may
// compile its parsers with `new Function`; the app's policy (script-src 'self', no 'unsafe-eval')
// refuses, and although Zod catches the refusal and parses without compiling, the browser reports a
// policy violation. Parsing without compiling is what happens here anyway: say so before Zod loads
// (Zod reads its settings from this global when it loads), so there is no probe.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
