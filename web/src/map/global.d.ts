export {};

declare global {
  interface Window {
    /**
     * Exposed for the end-to-end tests as soon as the map is constructed. Typed `unknown` to match the
     * declaration in tests/e2e/map.test.ts (declarations must agree); the app itself never reads it.
     */
    __netguard?: { map: unknown };
    /** Vocabulary codes the UI had no label for (see i18n/vocabulary-labels.ts). */
    __netguardMissingLabels?: Set<string>;
  }
}
