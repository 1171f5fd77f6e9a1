/** What a new buyer sees: how to start. */
export function EmptyState() {
  return (
    <section class="empty" aria-label="Getting started">
      <h2>No orders yet</h2>
      <p>
        Open your{' '}
        <a href="https://www.aliexpress.com/p/order/index.html" target="_blank" rel="noreferrer">
          AliExpress orders page
        </a>{' '}
        while signed in. Buyer Shield reads your orders there and works out every deadline. Nothing leaves
        this device.
      </p>
    </section>
  );
}
