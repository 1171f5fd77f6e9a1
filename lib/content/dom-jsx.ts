/**
 * The JSX runtime of the AliExpress content scripts (wxt.config.ts aliases `preact/jsx-runtime`
 * to this file for them): JSX elements become plain `{ type, props }` descriptions that
 * dom-render.ts turns into DOM, so no page carries Preact (issue 16, size budget). The popup and
 * options keep Preact; the components are the same.
 */
type Props = Record<string, unknown>;

export function jsx(
  type: unknown,
  props: Props,
  key?: unknown,
): { type: unknown; props: Props; key: unknown } {
  return { type, props, key };
}

export const jsxs = jsx;
export const jsxDEV = jsx;

/** A fragment is its children (dom-render calls function types with their props). */
export function Fragment(props: { children?: unknown }): unknown {
  return props.children;
}
