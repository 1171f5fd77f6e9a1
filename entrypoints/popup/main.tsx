import { render } from 'preact';

render(<h1>Buyer Shield</h1>, document.getElementById('app') as HTMLElement);
