/// <reference types="vite/client" />

declare module "virtual:readme-examples" {
  const examples: Array<{ name: string; query: string }>;
  export default examples;
}
