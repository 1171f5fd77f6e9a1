import { render } from 'preact';
import { browser } from '#imports';
import { App, askFirst } from './App';
import './style.css';

// The toolbar popup is as wide as its content asks: there it keeps a popup's width. Opened in a
// tab (from a banner or a notification) the page reflows to any width, in two columns when wide.
try {
  if (browser.extension.getViews({ type: 'popup' }).includes(window))
    document.documentElement.classList.add('in-popup');
} catch {
  // No views API (a test page): the tab layout.
}

// Asked before anything is drawn, so a stopped worker wakes while the first frame is drawn.
const first = askFirst();
const root = document.getElementById('app');
if (root) render(<App first={first} />, root);
