// Plain tsc cannot read .astro files (Astro's editor tooling can); the component tests
// (*.container.test.ts) import them only to hand them to Astro's container API.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
