/**
 * Renders the in-page components (components/PageBadge, PageBanner, RefreshPanel: JSX, so they
 * stay plain presentational components) straight into a shadow root, without Preact's renderer:
 * the order-list script is on a size budget (issue 16) and these trees are a handful of
 * elements. JSX elements are only descriptions (`{ type, props }`); function components are
 * called, fragments flattened. Re-rendering patches the existing nodes in place, so a focused
 * button (Cancel while a refresh runs) keeps its focus.
 *
 * Page data is set as text nodes and attribute values, never as HTML.
 */

type Props = Record<string, unknown> & { children?: unknown };

/** An element to make: a tag with its attributes and children, all components resolved. */
type Desc = string | { tag: string; props: Props; children: Desc[] };

interface Rendered extends HTMLElement {
  /** The props it was last rendered with, and its current event handlers by type. */
  __props?: Props;
  __on?: Record<string, unknown>;
}

function expand(node: unknown, out: Desc[]): void {
  if (node === null || node === undefined || typeof node === 'boolean') return;
  if (Array.isArray(node)) {
    for (const n of node) expand(n, out);
    return;
  }
  if (typeof node !== 'object') {
    out.push(String(node));
    return;
  }
  const { type, props = {} } = node as { type: unknown; props?: Props };
  // Function components and fragments (a function returning its children) are called.
  if (typeof type === 'function') expand((type as (p: Props) => unknown)(props), out);
  else if (typeof type !== 'string') expand(props.children, out);
  else {
    const children: Desc[] = [];
    expand(props.children, children);
    out.push({ tag: type, props, children });
  }
}

function setProps(el: Rendered, props: Props): void {
  const old = el.__props ?? {};
  for (const key of Object.keys(old)) {
    if (key in props || key === 'children') continue;
    if (key.startsWith('on')) setHandler(el, key, undefined);
    else el.removeAttribute(key === 'className' ? 'class' : key);
  }
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || key === 'key' || key === 'ref') continue;
    if (key.startsWith('on')) setHandler(el, key, value);
    else if (key === 'style') el.style.cssText = typeof value === 'string' ? value : '';
    else if (key === 'value' || key === 'checked') (el as unknown as Record<string, unknown>)[key] = value;
    else {
      const name = key === 'className' ? 'class' : key;
      if (value === null || value === undefined || value === false) el.removeAttribute(name);
      else el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  el.__props = props;
}

/** One listener per event type, calling whatever handler the last render gave. */
function setHandler(el: Rendered, key: string, handler: unknown): void {
  const type = key.slice(2).toLowerCase();
  el.__on ??= {};
  if (!(type in el.__on)) {
    el.addEventListener(type, (event) => {
      const h = el.__on?.[type];
      if (typeof h === 'function') h(event);
    });
  }
  el.__on[type] = handler;
}

function create(d: Desc): Node {
  if (typeof d === 'string') return document.createTextNode(d);
  const el = document.createElement(d.tag) as Rendered;
  setProps(el, d.props);
  for (const c of d.children) el.append(create(c));
  return el;
}

function patch(parent: ParentNode, nodes: ChildNode[], descs: Desc[]): void {
  descs.forEach((d, i) => {
    const n = nodes[i];
    if (n === undefined) {
      parent.append(create(d));
    } else if (typeof d === 'string' && n.nodeType === Node.TEXT_NODE) {
      if ((n as Text).data !== d) (n as Text).data = d;
    } else if (
      typeof d !== 'string' &&
      n.nodeType === Node.ELEMENT_NODE &&
      n.nodeName === d.tag.toUpperCase()
    ) {
      setProps(n as Rendered, d.props);
      patch(n as Element, [...n.childNodes], d.children);
    } else {
      n.replaceWith(create(d));
    }
  });
  for (const extra of nodes.slice(descs.length)) extra.remove();
}

/**
 * Renders `view` into `root` after its leading `<style>` elements (the shadow root's own CSS),
 * patching what an earlier call rendered there; `null` removes it.
 */
export function render(view: unknown, root: ParentNode): void {
  const all = [...root.childNodes];
  let skip = 0;
  while (all[skip]?.nodeName === 'STYLE') skip += 1;
  const descs: Desc[] = [];
  expand(view, descs);
  patch(root, all.slice(skip), descs);
}
