/**
 * The layer rules (`npm run lint:layers`): each says which way imports may not
 * go. Nothing in shared/platform is pure (config reads the environment, log
 * writes lines, tokens draw random bytes), so the domain may import none of it.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const AWS = ['^node_modules/@aws-sdk/', '^node_modules/@smithy/', '^node_modules/@types/aws-lambda/', '^node_modules/aws-lambda/', '^aws-lambda$', '^node_modules/aws-cdk-lib/', '^node_modules/constructs/'];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'shared/domain is pure: no AWS SDK, no aws-lambda types, no CDK, no adapter, use case or platform code.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: [...AWS, '^shared/(store|web|http|email|services|auth|calendar|platform)/', '^functions/', '^infra/'] },
    },
    {
      name: 'domain-not-circular',
      comment: 'No import cycle inside shared/domain.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { path: '^shared/domain/', circular: true },
    },
    {
      name: 'store-knows-no-callers',
      comment: 'shared/store is called by use cases; it does not import them, the browser or API adapters, or the handlers.',
      severity: 'error',
      from: { path: '^shared/store/' },
      to: { path: '^(shared/(services|web|http)|functions)/' },
    },
    {
      name: 'services-know-no-http',
      comment: 'Use cases know nothing of HTTP: no browser adapter, no API stack, no aws-lambda event types.',
      severity: 'error',
      from: { path: '^shared/services/' },
      to: { path: ['^shared/(web|http)/', '^node_modules/@types/aws-lambda/', '^aws-lambda$'] },
    },
    {
      name: 'no-cdk-at-run-time',
      comment: 'Handlers and use cases run in Lambda; infra/cdk and aws-cdk-lib are for deploying.',
      severity: 'error',
      from: { path: '^(functions|shared/services)/' },
      to: { path: ['^infra/cdk/', '^node_modules/aws-cdk-lib/', '^node_modules/constructs/'] },
    },
    {
      name: 'local-without-cdk',
      comment: 'infra/local runs the handlers on this machine and never loads aws-cdk-lib.',
      severity: 'error',
      from: { path: '^infra/local/' },
      to: { path: ['^node_modules/aws-cdk-lib/', '^infra/cdk/'] },
    },
    {
      name: 'tests-stay-in-tests',
      comment: 'Nothing outside tests/ imports test code.',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'resolvable',
      comment: 'Every import resolves (a #-alias or path that points nowhere would hide a rule break).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Browser assets are served as they are, not imported by the server code.
    exclude: { path: ['^cdk\\.out/', '^shared/web/assets/'] },
    // Type-only imports count: a layer that names another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The #domain/*, #store/* ... subpath imports come from package.json's "imports"; tsconfig maps .js to .ts.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
